"""Coached feedback at the end of a solo run: what the player's seat did against what only it could
do, and a key to re-run the most important moment as a what-if branch (`simulator.coaching`)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from simulator.coaching import feedback_for
from simulator.coaching.text import renderable
from simulator.loading.pack import Pack

from ..live_score import LiveScore
from .branching import branching_available


class CoachingScreen(Screen):
    BINDINGS = [
        Binding("w", "what_if", "What-if", id="coach-what-if",
                tooltip="Re-run the most important moment as a what-if branch, in your seat"),
        Binding("s", "scorecard", "Team scorecard", id="coach-scorecard", tooltip="The whole team's scorecard"),
        Binding("c", "compare", "Compare", id="coach-compare",
                tooltip="This what-if beside the run it branched from: score and findings that changed"),
    ]

    def __init__(self, pack: Pack, log: Path | None, role: str, control=None):
        super().__init__()
        self.pack, self.log_file, self.role = pack, log, role
        if control is not None:
            control.close()  # the exercise is over: flush the log before reading it back
        live = LiveScore(pack, log)
        card = live.card(final=True)
        self.feedback = feedback_for(pack, card, live.scorer.facts, role)

    def compose(self) -> ComposeResult:
        fb = self.feedback
        yield Static(f" YOUR FEEDBACK  {fb.role_title}  seat {fb.rating}", classes="bar")
        hint = "press w to play it again from there, in your seat" if self.can_branch() else None
        with VerticalScroll(id="coaching"):
            yield Static(renderable(fb, hint, self.pack, minutes=False), id="coaching-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#coaching", VerticalScroll).focus()

    def can_branch(self) -> bool:
        return self.log_file is not None and self.feedback.moment is not None and branching_available()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "what_if":
            return self.can_branch()
        if action == "compare":
            from .compare import original_of

            return self.log_file is not None and original_of(self.log_file) is not None
        return True

    def action_compare(self) -> None:
        from .compare import open_compare

        if self.log_file is not None:
            open_compare(self.app, self.log_file)

    def action_what_if(self) -> None:
        from .branching import start_branch

        moment = self.feedback.moment
        if moment is None or moment.minute is None or self.log_file is None:
            return
        start_branch(self, self.log_file, moment.minute, self.role)

    def action_scorecard(self) -> None:
        from .scorecard import ScorecardScreen

        self.app.switch_screen(ScorecardScreen(self.pack, self.log_file))
