"""The facilitator console: the MSEL timeline on the left; what comes next (with facilitator
notes), every role's activity, state gauges, the plan checklist, the log and the live scorecard
on the right ([ and ] move between tabs). A container only: the exercise screen fills it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from .activity import Activity
from .checklist import Checklist
from .gauges import Gauges
from .light_tabs import LightTabs
from .timeline import Timeline

TABS = {"next": "Next", "roles": "Roles", "state": "State", "plan": "Plan", "log": "Log", "score": "Score"}


class FacilitatorConsole(Horizontal):
    """Horizontal itself, as RoleConsole: one container fewer."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="timeline-col"):
            yield Static("MSEL  ✓ delivered ○ due ◇ conditional", classes="head")
            yield Timeline(id="timeline")
        yield LightTabs([
            ("fac-next", TABS["next"], "", VerticalScroll(Static(id="next-text"))),
            ("fac-roles", TABS["roles"], "", VerticalScroll(Static(id="roles-text"))),
            ("fac-state", TABS["state"], "", Gauges(id="gauges")),
            ("fac-plan", TABS["plan"], "", Checklist(id="fac-checklist")),
            ("fac-log", TABS["log"], "", Activity(id="activity")),
            ("fac-score", TABS["score"], "", VerticalScroll(Static("The live scorecard appears here.", id="score-text"))),
        ], hint=" [ ] move", id="fac-tabs")

    @property
    def timeline(self) -> Timeline:
        return self.query_one(Timeline)

    @property
    def tabs(self) -> LightTabs:
        return self.query_one("#fac-tabs", LightTabs)

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
