"""The MSEL timeline: every inject, delivered, due or conditional; ad-hoc injects appended."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from ..render import SEVERITY_STYLE
from .fast_list import FastOptionList

MARK = {"delivered": ("✓", "green"), "due": ("○", ""), "conditional": ("◇", "dim")}


def row(when: str, status: str, severity: str, title: str) -> Text:
    mark, style = MARK[status]
    t = Text(f"{mark} ", style=style, no_wrap=True, overflow="ellipsis")
    t.append(f"{when:>6} ", style="dim")
    t.append(title, style=SEVERITY_STYLE.get(severity, "") if status != "conditional" else "dim")
    return t


class Timeline(FastOptionList):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.index: dict[str, int] = {}
        """Inject id -> row."""

    def load(self, rows: list[tuple[str, str, str, str, str]]) -> None:
        """Rows of (inject id, when, status, severity, title), in MSEL order."""
        self.clear_options()
        self.index = {r[0]: n for n, r in enumerate(rows)}
        self.add_options([Option(row(*r[1:]), id=r[0]) for r in rows])

    def mark_delivered(self, updates: list[tuple[str, str, str, str]]) -> None:
        """(inject id, when, severity, title) of injects delivered since the last call."""
        new = []
        for inj, when, severity, title in updates:
            if inj in self.index:
                self.set_prompt_fast(self.index[inj], row(when, "delivered", severity, title))
            else:
                self.index[inj] = len(self.index)
                new.append(Option(row(when, "delivered", severity, title), id=inj))
        if new:
            self.add_options(new)
