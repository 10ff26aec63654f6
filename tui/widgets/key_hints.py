"""A one-line key hint bar for the exercise screen.

Why not Textual's Footer: it rebuilds one widget per key on every focus change, which cost more
than half of a hot-seat console switch with thousands of inbox rows. This bar is one line of
text, redrawn only when the console changes; ctrl+p lists every command.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from .steady import update_if_changed


class KeyHints(Static):
    DEFAULT_CSS = """
    KeyHints { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    def show(self, hints: list[tuple[str, str]]) -> None:
        t = Text(no_wrap=True, overflow="ellipsis")
        for key, description in hints:
            t.append(f"{key}", style="bold reverse")
            t.append(f" {description}  ")
        t.append("^p", style="bold reverse")
        t.append(" all commands")
        update_if_changed(self, t, layout=False)  # the same hints again (a console shown twice) cost no repaint
