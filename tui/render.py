"""Small text renderers shared by widgets: clock labels, severity colours, sparklines, ratings."""

from __future__ import annotations

from rich.text import Text

SEVERITY_STYLE = {"routine": "dim", "low": "", "medium": "yellow", "high": "bold dark_orange", "critical": "bold red"}
RATING_STYLE = {"P": "bold green", "S": "bold yellow", "M": "bold dark_orange", "U": "bold red", "N/A": "dim"}
STEP_MARK = {"waiting": ("·", "dim"), "pending": ("○", "yellow"), "done": ("✓", "green"),
             "late_within_grace": ("◑", "yellow"), "late": ("◐", "dark_orange"), "missed": ("✗", "bold red")}
STEP_WORDS = {"late_within_grace": "late, within grace", "late": "late", "missed": "missed"}
SPARKS = "▁▂▃▄▅▆▇█"


def countdown(due: float | None, now: float, precise: bool = False) -> str:
    """Time left to a deadline in exercise time: '12 min left', 'overdue' past it. `precise`
    (the dialogs and the banner, redrawn four times a second) gives '4:05 left' under ten
    minutes, so the countdown visibly moves; lists redrawn once a minute keep whole minutes."""
    if due is None:
        return "no deadline"
    left = due - now
    if -1 < left < 0:
        return "due now"
    if left < 0:
        return f"{-left:.0f} min overdue"
    if precise and left < 10:
        seconds = int(left * 60)
        return f"{seconds // 60}:{seconds % 60:02d} left"
    return f"{left:.0f} min left"


URGENT_MINUTES = 5.0
"""A decision or approval with this long or less left gets the banner."""


def sparkline(values: list[float], lo: float, hi: float, width: int = 12) -> str:
    vals = values[-width:]
    span = (hi - lo) or 1.0
    return "".join(SPARKS[min(len(SPARKS) - 1, max(0, int((v - lo) / span * (len(SPARKS) - 1) + 0.5)))] for v in vals)


def severity_text(severity: str, text: str) -> Text:
    return Text(text, style=SEVERITY_STYLE.get(severity, ""))


def rating_text(rating: str) -> Text:
    return Text(f"{rating:<3}", style=RATING_STYLE.get(rating, ""))
