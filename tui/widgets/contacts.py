"""Contacts and the chain of command: who this role reports to, who reports to it, everyone else."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from .fast_list import highlight_first


class ContactList(OptionList):
    def on_focus(self) -> None:
        highlight_first(self)

    def __init__(self, role: str, roles: dict, **kwargs):
        super().__init__(**kwargs)
        self.role = role
        me = roles[role]
        rows = []
        for rid, r in roles.items():
            if rid == role:
                continue
            if rid == me.reports_to:
                tag, style = "↑ you report to", "bold"
            elif r.reports_to == role:
                tag, style = "↓ reports to you", ""
            else:
                tag, style = "  colleague", "dim"
            rows.append(Option(Text.assemble((f"{r.title:<28.28} ", style), (tag, "italic")), id=rid))
        self.add_options(rows)
