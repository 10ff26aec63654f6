"""Small modal dialogs: a choice (decisions, approvals, confirmations), an observer note and an
ad-hoc inject. Each returns its result through `dismiss`; the caller submits the command."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option


class Dialog(ModalScreen):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog-cancel", tooltip="Close without doing anything")]
    DEFAULT_CSS = """
    Dialog { align: center middle; background: $background; }
    Dialog > Vertical { width: 74; max-width: 100%; height: auto; max-height: 100%; border: thick $primary;
                        background: $surface; padding: 0 1; }
    Dialog .title { text-style: bold; margin-bottom: 1; }
    Dialog OptionList { height: auto; max-height: 12; }
    Dialog Horizontal { height: auto; }
    Dialog Button { margin-right: 1; }
    Dialog VerticalScroll { height: auto; max-height: 8; }
    """

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceDialog(Dialog):
    """Pick one option; Enter chooses, Escape cancels."""

    def __init__(self, title: str, body: str, options: list[tuple[str, str]]):
        super().__init__()
        self._title, self._body, self._options = title, body, options

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._title, classes="title")
            if self._body:
                with VerticalScroll():
                    yield Static(self._body)
            yield OptionList(*[Option(label, id=oid) for oid, label in self._options], id="choices")
            yield Static("Enter chooses · Esc cancels", classes="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)


class NoteDialog(Dialog):
    """An observer note, optionally about one role."""

    def __init__(self, roles: list[str]):
        super().__init__()
        self._roles = roles

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Observer note", classes="title")
            yield Select([(r, r) for r in self._roles], prompt="about the whole exercise", id="note-role")
            yield Input(placeholder="What did you observe? (Enter saves)", id="note-text")

    def on_mount(self) -> None:
        self.query_one("#note-text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            role = self.query_one("#note-role", Select).value
            self.dismiss({"text": text, "role": role if isinstance(role, str) else None})


class AdHocDialog(Dialog):
    """An extra inject written on the spot, when the room needs a push."""

    def __init__(self, roles: list[str], channels: list[str]):
        super().__init__()
        self._roles, self._channels = roles, channels

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Ad-hoc inject", classes="title")
            yield Select([("all roles", "all")] + [(r, r) for r in self._roles], value="all", allow_blank=False, id="adhoc-to")
            with Horizontal():
                yield Select([(c, c) for c in self._channels], value="briefing", allow_blank=False, id="adhoc-channel")
                yield Select([(s, s) for s in ("routine", "low", "medium", "high", "critical")], value="medium",
                             allow_blank=False, id="adhoc-severity")
            yield Input(placeholder="Title", id="adhoc-title")
            yield Input(placeholder="What happens (Enter sends)", id="adhoc-body")
            yield Button("Send inject", variant="primary", id="adhoc-send")

    def on_mount(self) -> None:
        self.query_one("#adhoc-title", Input).focus()

    def _send(self) -> None:
        title = self.query_one("#adhoc-title", Input).value.strip()
        body = self.query_one("#adhoc-body", Input).value.strip()
        if not title or not body:
            self.notify("An ad-hoc inject needs a title and a text.", severity="warning")
            return
        to = self.query_one("#adhoc-to", Select).value
        self.dismiss({"title": title, "body": body, "to": "all" if to == "all" else [to],
                      "channel": self.query_one("#adhoc-channel", Select).value,
                      "severity": self.query_one("#adhoc-severity", Select).value})

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "adhoc-title":
            self.query_one("#adhoc-body", Input).focus()
        else:
            self._send()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._send()


class CodeDialog(Dialog):
    """Asks for the facilitator's code before a role console hands the screen back (hot-seat).

    `on_code` gets the code typed before the dialog closes, so the screen under it can hand over
    while still covered: when the dialog goes, the facilitator console is painted once, not the
    role console first and the facilitator's a frame later (two full frames at 200x60)."""

    def __init__(self, on_code: Callable[[str], object] = lambda code: None):
        super().__init__()
        self.on_code = on_code

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Facilitator's code", classes="title")
            yield Static("The facilitator console holds the MSEL, its notes and the controls. (Facilitator: "
                         "ctrl+p, Facilitator's code, on your console shows it.)")
            yield Input(placeholder="code (Enter) · Esc stays here", password=True, id="code")

    def on_mount(self) -> None:
        self.query_one("#code", Input).focus()

    def reopen(self) -> None:
        """A kept dialog asks afresh: nothing typed last time stays in it."""
        if self.is_mounted:
            self.query_one("#code", Input).value = ""

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.on_code(event.value)
        self.dismiss(event.value)
