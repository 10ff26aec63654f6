"""What waits on a role: decisions with a countdown, approvals to give, approvals granted to use."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..render import countdown
from simulator.console.display import Pending

LABEL = {"decision": ("DECIDE ", "bold magenta"), "approve": ("APPROVE", "bold yellow"), "approved": ("USE    ", "bold green"),
         "denied": ("REVISE ", "bold red")}


class PendingList(OptionList):
    def __init__(self, role: str, **kwargs):
        super().__init__(**kwargs)
        self.role = role
        self.entries: list[Pending] = []

    def show(self, entries: list[Pending], now: float) -> None:
        highlighted = self.highlighted
        self.entries = entries
        self.clear_options()
        opts = []
        for p in entries:
            label, style = LABEL[p.kind]
            t = Text(f"{label} ", style=style)
            if p.kind == "decision":
                left = countdown(p.due, now)
                t.append(f"[{left}] ", style="bold red" if p.due is not None and p.due - now < 3 else "yellow")
            t.append(p.title)
            opts.append(Option(t, id=p.key))
        if not opts:
            opts.append(Option(Text("Nothing waiting on you.", style="dim"), id="none", disabled=True))
        self.add_options(opts)
        if entries:  # keep the place; Enter then always acts on something
            self.highlighted = highlighted if highlighted is not None and highlighted < len(entries) else 0
