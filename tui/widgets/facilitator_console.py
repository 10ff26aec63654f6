"""The facilitator console: the MSEL timeline on the left; what comes next (with facilitator
notes), every role's activity, state gauges, the plan checklist, the log and the live scorecard
on the right. A container only: the exercise screen fills it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static, TabbedContent, TabPane

from .activity import Activity
from .checklist import Checklist
from .gauges import Gauges
from .timeline import Timeline

TABS = {"next": "Next", "roles": "Roles", "state": "State", "plan": "Plan", "log": "Log", "score": "Score"}


class FacilitatorConsole(Vertical):
    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(classes="timeline-col"):
                yield Static("MSEL  ✓ delivered ○ due ◇ conditional", classes="head")
                yield Timeline(id="timeline")
            with TabbedContent(id="fac-tabs"):
                with TabPane(TABS["next"], id="fac-next"):
                    with VerticalScroll():
                        yield Static(id="next-text")
                with TabPane(TABS["roles"], id="fac-roles"):
                    with VerticalScroll():
                        yield Static(id="roles-text")
                with TabPane(TABS["state"], id="fac-state"):
                    yield Gauges(id="gauges")
                with TabPane(TABS["plan"], id="fac-plan"):
                    yield Checklist(id="fac-checklist")
                with TabPane(TABS["log"], id="fac-log"):
                    yield Activity(id="activity")
                with TabPane(TABS["score"], id="fac-score"):
                    with VerticalScroll():
                        yield Static("The live scorecard appears here.", id="score-text")

    @property
    def timeline(self) -> Timeline:
        return self.query_one(Timeline)

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#fac-tabs", TabbedContent)

    @property
    def gauges(self) -> Gauges:
        return self.query_one(Gauges)

    @property
    def checklist(self) -> Checklist:
        return self.query_one("#fac-checklist", Checklist)

    @property
    def activity(self) -> Activity:
        return self.query_one(Activity)

    def text(self, name: str) -> Static:
        return self.query_one(f"#{name}-text", Static)
