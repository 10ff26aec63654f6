"""Export the after-action report from the scorecard screen (via `simulator.report`)."""

from __future__ import annotations

from pathlib import Path


def export_report(log: Path) -> str:
    """Write '<log>.aar.html' next to the log; a sentence saying where, or what went wrong."""
    import simulator.report as report  # only offered when the module exists

    out = log.with_suffix(".aar.html")
    writer = getattr(report, "write_report", None) or getattr(report, "export", None)
    if writer is None:
        return "The report module has no writer this version of the consoles knows."
    try:
        writer(log, out)
    except Exception as exc:  # a report problem must not end the exercise app
        return f"Could not write the report: {exc}"
    return f"After-action report written to {out}"
