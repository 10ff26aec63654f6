"""Reach another role: notify, report, escalate, direct, request, or delegate an authority."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select

from .dialogs import Dialog

INTENTS = ("notify", "report", "escalate", "directive", "request")


class ContactDialog(Dialog):
    def __init__(self, role: str, contact: str, title: str, delegable: list[str]):
        super().__init__()
        self.role, self.contact, self.contact_title, self.delegable = role, contact, title, delegable

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Reach the {self.contact_title}", classes="title")
            yield Select([(i, i) for i in INTENTS], value="notify", allow_blank=False, id="intent")
            yield Input(placeholder="Message (Enter sends)", id="message")
            if self.delegable:
                with Horizontal():
                    yield Select([(a.replace("_", " "), a) for a in self.delegable], prompt="delegate an authority",
                                 id="authority")
                    yield Button("Delegate", id="delegate")

    def on_mount(self) -> None:
        self.query_one("#message", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.dismiss({"op": "message", "intent": self.query_one("#intent", Select).value, "text": event.value.strip()})

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        authority = self.query_one("#authority", Select).value
        if not isinstance(authority, str):
            self.notify("Pick the authority to delegate.", severity="warning")
            return
        self.dismiss({"op": "delegate", "authority": authority})
