"""Every role's activity as a scrolling log, written in batches."""

from __future__ import annotations

from textual.widgets import Log


class Activity(Log):
    """Why `Log.write_lines`: one call per batch writes 10,000 lines in about 0.1 s, where one
    call per line takes about 5 s on these machines."""

    def __init__(self, **kwargs):
        super().__init__(max_lines=5000, highlight=False, **kwargs)
        self.shown = 0
        """How many of the view's activity lines are on screen already."""

    def catch_up(self, lines: list[str]) -> None:
        new = lines[self.shown:]
        if new:
            self.write_lines(new)
            self.shown = len(lines)
