"""A one-line banner when something waiting on this seat has five minutes or less left."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class DeadlineBanner(Static):
    DEFAULT_CSS = """
    DeadlineBanner { height: 1; background: $error 40%; color: $foreground; padding: 0 1; display: none; }
    """

    def show(self, text: str | None) -> None:
        """Show `text`, or hide the banner (None). Redraws only when the text changes (four ticks a second)."""
        if text == getattr(self, "_shown", None):
            return
        self._shown = text
        self.display = text is not None
        if text is not None:
            self.update(Text(text, style="bold", no_wrap=True, overflow="ellipsis"), layout=False)
