"""Dialogs for what waits on a seat: a decision and an approval, each with a live countdown.

Why live: the clock keeps running while a person reads. The exercise screen's clock tick (four
times a second) calls `tick` on the dialog on top, which reads the exercise minute; one timer,
so a dialog never ticks after the screen under it has moved on. When the decision or request is
settled meanwhile (lapsed, or answered from another console), the dialog says so and its
choices are disabled, so nobody answers something that is no longer asked; Escape closes it.
(It does not close itself: popping a screen from inside the clock tick can stall the app.)
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from simulator.draft_check import DraftCheck

from ..draft_view import check_text, draft_header, marked_text
from ..render import URGENT_MINUTES, countdown
from .dialogs import Dialog


class WaitingDialog(Dialog):
    """A dialog about something with a deadline: `now()` is the exercise minute, `still_open()`
    whether it is still asked."""

    DEFAULT_CSS = """
    WaitingDialog > Vertical { width: 100; }
    WaitingDialog .countdown { height: 1; }
    WaitingDialog #body-scroll { height: auto; max-height: 10; }
    """

    def __init__(self, due: float | None, now: Callable[[], float], still_open: Callable[[], bool], gone: str):
        super().__init__()
        self.due, self.now, self.still_open, self.gone = due, now, still_open, gone
        self._shown = ""
        self.settled = False
        """The decision or request was settled while the dialog was open: nothing to answer."""

    def on_mount(self) -> None:
        self._fit()
        self.tick()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """The body scrolls in what the terminal leaves after the title, countdown and buttons."""
        self.query_one("#body-scroll").styles.max_height = max(4, self.app.size.height - self.chrome)

    chrome = 12
    """Rows the dialog needs besides its scrolling body."""

    def tick(self) -> None:
        if self.settled or self.app.screen is not self:
            return  # already settled, or under another dialog
        if not self.still_open():
            self.settled = True
            self.query_one(".countdown", Static).update(Text(f"{self.gone} Esc closes this.", style="bold red"))
            for w in self.query("OptionList, Button, Input"):
                w.disabled = True
            return
        if self.due is None:
            return
        left = countdown(self.due, self.now(), precise=True)
        if left != self._shown:  # four ticks a second; redraw only when the figure moves
            self._shown = left
            urgent = self.due - self.now() <= URGENT_MINUTES
            self.query_one(".countdown", Static).update(Text(f"⏱ {left}", style="bold red" if urgent else "yellow"))


class DecisionDialog(WaitingDialog):
    """Pick an option; Enter chooses, Escape leaves it for later."""

    chrome = 8

    def __init__(self, prompt: str, body: str, options: list[tuple[str, str]], due: float | None,
                 now: Callable[[], float], still_open: Callable[[], bool]):
        super().__init__(due, now, still_open, "That decision is no longer open (it lapsed, or was taken).")
        self._prompt, self._body, self._options = prompt, body, options

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._prompt, classes="title")
            yield Static("", classes="countdown")
            with VerticalScroll(id="body-scroll"):
                yield Static(self._body)
            yield OptionList(*[Option(label, id=oid) for oid, label in self._options], id="choices")
            yield Static("Enter chooses · Esc decides later", classes="hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)


class ApprovalDialog(WaitingDialog):
    """The whole request before the buttons: the action, or the draft with its channel, languages
    and playbook check (the triggering words highlighted). Approve, approve with changes (a
    statement), or deny with a reason. Returns {'op': 'grant'|'changes'|'deny', 'note': str}."""

    chrome = 13

    def __init__(self, title: str, req: dict, what: str, check: DraftCheck | None, due: float | None,
                 now: Callable[[], float], still_open: Callable[[], bool]):
        super().__init__(due, now, still_open, "That request is no longer waiting on you (answered or withdrawn).")
        self._title, self.req, self.what, self.check = title, req, what, check

    def compose(self) -> ComposeResult:
        req = self.req
        with Vertical():
            yield Static(self._title, classes="title")
            yield Static("", classes="countdown")
            with VerticalScroll(id="body-scroll"):
                if req["action"]:
                    yield Static(Text(f"Action: {self.what}", style="bold"))
                else:
                    yield Static(Text(draft_header(req["channel"], req["languages"], req["audience"]), style="bold"))
                    yield Static(marked_text(req["text"] or "", self.check), id="draft-text")
                    yield Static(Text("\nPlaybook check", style="bold"))
                    yield Static(check_text(self.check), id="draft-check")
            yield Input(placeholder="Reason (needed to deny) or a note for the drafter", id="reason")
            with Horizontal():
                yield Button("Approve", variant="success", id="grant")
                if not req["action"]:
                    yield Button("Approve with changes…", variant="primary", id="changes")
                yield Button("Deny", variant="error", id="deny")
            yield Static("Tab moves · Esc answers later", classes="hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#body-scroll").focus()

    def choose(self, op: str) -> None:
        note = self.query_one("#reason", Input).value.strip()
        if op == "deny" and not note:
            self.notify("Say why you deny it: the drafter reads your reason.", severity="warning")
            self.query_one("#reason", Input).focus()
            return
        self.dismiss({"op": op, "note": note})

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.choose(event.button.id or "")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#grant", Button).focus()


class OverruleDialog(WaitingDialog):
    """Overrule a decision taken below this seat: the call as taken, the options that could stand
    instead, and the reason (the decider reads it). The countdown runs to the end of the window
    in which the judge lets it be overruled. Returns {'option': id, 'reason': str}."""

    chrome = 20
    """Title, countdown, the options (wrapped labels), the reason, the button and the hint."""

    def __init__(self, title: str, body: str, options: list[tuple[str, str]], until: float,
                 now: Callable[[], float], still_open: Callable[[], bool]):
        super().__init__(until, now, still_open, "That decision can no longer be overruled (its window closed, "
                                                  "or it was overruled already).")
        self._title, self._body, self._options = title, body, options

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._title, classes="title")
            yield Static("", classes="countdown")
            with VerticalScroll(id="body-scroll"):
                yield Static(self._body)
            yield Static(Text("What stands instead:", style="bold"))
            yield OptionList(*[Option(label, id=oid) for oid, label in self._options], id="choices")
            yield Input(placeholder="Your reason (the decider reads it)", id="reason")
            with Horizontal():
                yield Button("Overrule", variant="warning", id="overrule")
            yield Static("↑/↓ chooses · Tab moves · Enter in the reason overrules · Esc leaves the call as it is",
                         classes="hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#reason", Input).focus()

    def choose(self) -> None:
        choices = self.query_one(OptionList)
        index = choices.highlighted
        reason = self.query_one("#reason", Input).value.strip()
        if index is None:
            self.notify("Choose the option that stands instead.", severity="warning")
            choices.focus()
            return
        if not reason:
            self.notify("Say why you overrule it: the decider reads your reason.", severity="warning")
            self.query_one("#reason", Input).focus()
            return
        self.dismiss({"option": self._options[index][0], "reason": reason})

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.choose()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.choose()
