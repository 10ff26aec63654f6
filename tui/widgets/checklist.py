"""The plan checklist: pending, done, late or missed, for everyone or for one role."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from simulator import judge

from .fast_list import highlight_first

from ..render import STEP_MARK, STEP_WORDS, countdown
from simulator.console.display import Step


class Checklist(OptionList):
    def on_focus(self) -> None:
        highlight_first(self)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a row shows the whole step: a long one is cut to fit its row."""
        event.stop()
        self.notify(str(event.option.prompt), title="Plan step", timeout=10)

    def show(self, steps: list[Step], now: float, with_role: bool, titles: dict[str, str] | None = None) -> None:
        """One row per step; `with_role` starts each with its role's title (from `titles`)."""
        highlighted = self.highlighted
        self.clear_options()
        options = []
        for s in steps:
            mark, style = STEP_MARK[s.status]
            t = Text(f"{mark} ", style=style)
            if with_role:
                title = (titles or {}).get(s.role, s.role)
                t.append(f"{title[:12]:<12} ", style="dim")
            t.append(s.description, style="dim" if s.status == "waiting" else "")
            if s.status == "pending":
                in_grace = s.due is not None and now > s.due and not judge.missed(now, s.due, s.grace)
                story = f", due {s.due_story}" if s.due_story else ""  # a deadline days away in the story
                t.append(f"  ({countdown(s.due, now)}{', within grace' if in_grace else ''}{story})", style="yellow")
            elif s.status in STEP_WORDS:
                t.append(f"  {STEP_WORDS[s.status]}", style=style)
            options.append(Option(t, id=s.id))
        self.add_options(options)
        if highlighted is not None and highlighted < len(options):
            self.highlighted = highlighted
