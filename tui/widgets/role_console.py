"""One role's console: inbox on the left; detail, what waits on the role, its checklist and its
contacts on the right. A container only: the exercise screen fills it and handles its events."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from .checklist import Checklist
from .contacts import ContactList
from .inbox import Inbox
from .light_tabs import LightTabs
from .pending import PendingList


class RoleConsole(Horizontal):
    """Why Horizontal itself (not a column holding a row): one container fewer per console;
    each widget costs on every key press."""

    def __init__(self, role: str, roles: dict, **kwargs):
        super().__init__(**kwargs)
        self.role, self._roles = role, roles

    def compose(self) -> ComposeResult:
        r = self.role
        with Vertical(classes="inbox-col"):
            yield Static("Inbox", classes="head", id=f"inbox-head-{r}")
            yield Inbox(r, id=f"inbox-{r}")
        yield LightTabs([
            (f"detail-{r}", "Detail", "i", VerticalScroll(Static("Select an inbox item (↑/↓).", classes="detail",
                                                                 id=f"detail-text-{r}"))),
            (f"waiting-{r}", "Waiting", "d", PendingList(r, id=f"pending-{r}")),
            (f"check-{r}", "Checklist", "k", Checklist(id=f"checklist-{r}")),
            (f"contacts-{r}", "Contacts", "c", ContactList(r, self._roles, id=f"contactlist-{r}")),
        ], id=f"tabs-{r}", classes="role-tabs")

    @property
    def inbox(self) -> Inbox:
        return self.query_one(Inbox)

    @property
    def pending(self) -> PendingList:
        return self.query_one(PendingList)

    @property
    def checklist(self) -> Checklist:
        return self.query_one(Checklist)

    @property
    def contacts(self) -> ContactList:
        return self.query_one(ContactList)

    @property
    def detail(self) -> Static:
        return self.query_one(f"#detail-text-{self.role}", Static)

    @property
    def tabs(self) -> LightTabs:
        return self.query_one(LightTabs)

    @property
    def head(self) -> Static:
        return self.query_one(f"#inbox-head-{self.role}", Static)
