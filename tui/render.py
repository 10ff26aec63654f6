"""Small text renderers shared by widgets: clock labels, severity colours, sparklines, ratings."""

from __future__ import annotations

from rich.text import Text

SEVERITY_STYLE = {"routine": "dim", "low": "", "medium": "yellow", "high": "bold dark_orange", "critical": "bold red"}
RATING_STYLE = {"P": "bold green", "S": "bold yellow", "M": "bold dark_orange", "U": "bold red", "N/A": "dim"}
STEP_MARK = {"waiting": ("·", "dim"), "pending": ("○", "yellow"), "done": ("✓", "green"),
             "late_within_grace": ("◑", "yellow"), "late": ("◐", "dark_orange"), "missed": ("✗", "bold red")}
STEP_WORDS = {"late_within_grace": "late, within grace", "late": "late", "missed": "missed"}
SPARKS = "▁▂▃▄▅▆▇█"


def countdown(due: float | None, now: float) -> str:
    if due is None:
        return "no deadline"
    left = due - now
    return f"{left:.0f} min left" if left >= 0 else f"{-left:.0f} min overdue"


def sparkline(values: list[float], lo: float, hi: float, width: int = 12) -> str:
    vals = values[-width:]
    span = (hi - lo) or 1.0
    return "".join(SPARKS[min(len(SPARKS) - 1, max(0, int((v - lo) / span * (len(SPARKS) - 1) + 0.5)))] for v in vals)


def severity_text(severity: str, text: str) -> Text:
    return Text(text, style=SEVERITY_STYLE.get(severity, ""))


def rating_text(rating: str) -> Text:
    return Text(f"{rating:<3}", style=RATING_STYLE.get(rating, ""))
