"""The hot wash: each module's discussion questions, answered at the table and logged."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static

from simulator.engine import commands as C

from simulator.console.clock_driver import ExerciseControl


class HotWashScreen(Screen):
    BINDINGS = [Binding("ctrl+s", "save", "Save and score", id="hotwash-save", tooltip="Log the answers and show the scorecard")]

    def __init__(self, control: ExerciseControl, by: str):
        super().__init__()
        self.control, self.by = control, by
        self.pack = control.session.engine.pack
        self.questions = [(f"{m.id}.{n + 1}", f"{m.title}: {q}") for m in self.pack.scenario.modules
                          for n, q in enumerate(m.discussion_questions)]
        self.answered = {e.question: e.answer for e in control.session.events
                         if e.type == "hot_wash_answered" and e.by == by}
        """Question id -> the last answer this seat logged (a resumed hot wash shows it again, and a
        save the log refused halfway is retried without repeats)."""

    def compose(self) -> ComposeResult:
        yield Static(" HOT WASH  The exercise has ended. Answer what you can (Tab moves on); empty answers are skipped.",
                     classes="bar")
        with VerticalScroll(id="hotwash"):
            for n, (qid, text) in enumerate(self.questions):
                yield Static(text, classes="question")  # wraps: a long question is never cut
                yield Input(self.answered.get(qid, ""), placeholder="Your answer", id=f"q{n}")
            yield Button("Save answers and see the scorecard (ctrl+s)", variant="primary", id="save")
        yield Footer()

    def on_mount(self) -> None:
        if self.questions:
            self.query_one("#q0", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save()

    def action_save(self) -> None:
        for n, (qid, text) in enumerate(self.questions):
            answer = self.query_one(f"#q{n}", Input).value.strip()
            if answer and answer != self.answered.get(qid):  # an answer already in the log is not logged twice
                if self.control.submit(C.HotWashAnswer(by=self.by, question=qid, text=text, answer=answer)) is None:
                    return  # the log refused it (the app has said why): stay, and save the rest on retry
                self.answered[qid] = answer
        log = self.control.session.writer.path if self.control.session.writer else None
        if self.by != "facilitator":  # a solo run: the player's own seat first, coached
            from .coaching import CoachingScreen

            self.app.switch_screen(CoachingScreen(self.pack, log, self.by, control=self.control))
            return
        from .scorecard import ScorecardScreen

        self.app.switch_screen(ScorecardScreen(self.pack, log, control=self.control))
