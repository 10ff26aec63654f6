"""The HSEEP after-action report and improvement plan, drafted from an exercise log (HTML or Markdown)."""
