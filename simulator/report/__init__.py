"""The HSEEP after-action report and improvement plan, drafted from an exercise log: built once as a model (build.py), rendered as HTML, Markdown or Word (.docx)."""
