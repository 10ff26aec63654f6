"""Export the after-action report from the scorecard screen (through `simulator.report`)."""

from __future__ import annotations

import os
from pathlib import Path


def report_path(log: Path) -> Path:
    """'<log>.aar.html' beside the log, numbered rather than overwriting an earlier export."""
    out = log.with_suffix(".aar.html")
    n = 2
    while out.exists():
        out = log.with_suffix(f".aar-{n}.html")
        n += 1
    return out


def export_report(log: Path) -> tuple[bool, str]:
    """Write the HSEEP after-action report as one HTML page; (done, a sentence saying where or why not)."""
    from simulator.log import LogError
    from simulator.report.data import gather
    from simulator.report.html import render_html

    out = report_path(log)
    try:
        text = render_html(gather(log))
        tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, out)  # never half a report
    except (LogError, OSError) as exc:
        return False, f"Could not write the report: {exc}"
    return True, f"After-action report written to {out}"
