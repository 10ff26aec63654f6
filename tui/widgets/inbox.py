"""A role's inbox: newest at the bottom, unread marked, severity in colour, channel on each row."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from ..render import SEVERITY_STYLE
from .fast_list import FastOptionList
from simulator.console.display import Item

KIND_MARK = {"inject": "", "message": "✉ ", "approval": "? ", "answer": "✓ ", "lapsed": "⌛ "}


def item_prompt(item: Item, unread: bool) -> Text:
    t = Text("● " if unread else "  ", style="bold cyan", no_wrap=True, overflow="ellipsis")
    t.append(f"{item.when or f'{item.t:.0f}':>5} ", style="dim")
    t.append(f"{item.channel[:9]:<9} ", style="italic")
    t.append(KIND_MARK.get(item.kind, "") + item.title, style=SEVERITY_STYLE.get(item.severity, "") + (" bold" if unread else ""))
    return t


class Inbox(FastOptionList):
    """Appends new items in one `add_options` call per batch (fast even with thousands)."""

    def __init__(self, role: str, **kwargs):
        super().__init__(**kwargs)
        self.role = role
        self.items: list[Item] = []
        self._unread: set[int] = set()
        """Rows shown with the unread mark."""

    def append(self, items: list[Item], read: set[str] | frozenset[str] = frozenset()) -> None:
        """Add rows; those whose key is in `read` (the view's read set) come without the mark."""
        if not items:
            return
        start = len(self.items)
        self.items.extend(items)
        self._unread.update(start + n for n, it in enumerate(items) if it.key not in read)
        self.add_options([Option(item_prompt(it, start + n in self._unread), id=f"{start + n}")
                          for n, it in enumerate(items)])

    def show_read(self, read: set[str]) -> None:
        """Clear the unread mark of every row whose key is now in `read`."""
        for index in sorted(i for i in self._unread if self.items[i].key in read):
            self._unread.discard(index)
            self.set_prompt_fast(index, item_prompt(self.items[index], False))
