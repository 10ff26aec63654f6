"""The clock bar: exercise time, speed, paused or running, and where the exercise stands."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static



class ClockBar(Static):
    DEFAULT_CSS = """
    ClockBar { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    def show(self, *, clock: str, now: float, duration: float, paused: bool, speed: float, ended: str | None,
             seat: str, module: str = "", extra: str = "") -> None:
        key = (clock, int(now), duration, paused, speed, ended, seat, module, extra)
        if key == getattr(self, "_shown", None):
            return  # four ticks a second: redraw only what changed
        self._shown = key
        t = Text()
        if ended:
            t.append(" ENDED ", style="bold reverse")
        elif paused:
            t.append(" PAUSED ", style="bold reverse yellow")
        else:
            t.append(" RUNNING ", style="bold reverse green")
        t.append(f" {clock}", style="bold")
        t.append(f"  {int(now)} of {duration:g} min  {speed:g}×  ")
        t.append(seat, style="bold")
        if extra:
            t.append(f"  {extra}")
        if module:
            t.append(f"  {module}", style="dim")
        self.update(t, layout=False)  # one fixed line: no layout pass needed
