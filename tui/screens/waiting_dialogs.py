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
from ..widgets.steady import update_if_changed
from .dialogs import Dialog


class WaitingDialog(Dialog):
    """A dialog about something with a deadline: `now()` is the exercise minute, `still_open()`
    whether it is still asked.

    Its first frame is its last layout: the countdown and the body's height are worked out
    before it mounts, not changed once it shows (each such change laid the dialog out again)."""

    DEFAULT_CSS = """
    WaitingDialog > Vertical { width: 100; }
    WaitingDialog .countdown { height: 1; }
    WaitingDialog #body-scroll { height: auto; max-height: 10; }
    """

    def __init__(self, due: float | None, now: Callable[[], float], still_open: Callable[[], bool], gone: str):
        super().__init__()
        self.gone = gone
        self.wait_on(due, now, still_open)

    def wait_on(self, due: float | None, now: Callable[[], float], still_open: Callable[[], bool]) -> None:
        """What the countdown runs to, and how to tell it is no longer asked (a kept dialog is
        given each new request's)."""
        self.due, self.now, self.still_open = due, now, still_open
        self._shown = self._countdown()
        self.settled = False
        """The decision or request was settled while the dialog was open: nothing to answer."""

    def _countdown(self) -> Text:
        if self.due is None:
            return Text("")
        urgent = self.due - self.now() <= URGENT_MINUTES
        return Text(f"⏱ {countdown(self.due, self.now(), precise=True)}", style="bold red" if urgent else "yellow")

    def countdown_widget(self) -> Static:
        return Static(self._shown, classes="countdown")

    def body_scroll(self) -> VerticalScroll:
        """The body's scroll, as high as the terminal leaves after the title, countdown and buttons."""
        scroll = VerticalScroll(id="body-scroll")
        scroll.styles.max_height = self._body_height()
        return scroll

    def _body_height(self) -> int:
        return max(4, self.app.size.height - self.chrome)

    def on_mount(self) -> None:
        self.tick()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        self.query_one("#body-scroll").styles.max_height = self._body_height()

    chrome = 12
    """Rows the dialog needs besides its scrolling body."""

    def tick(self) -> None:
        if self.settled or self.app.screen is not self:
            return  # already settled, or under another dialog
        if not self.still_open():
            self.settled = True
            self.query_one(".countdown", Static).update(Text(f"{self.gone} Esc closes this.", style="bold red"),
                                                        layout=False)
            for w in self.query("OptionList, Button, Input"):
                w.disabled = True
            return
        if self.due is None:
            return
        left = self._countdown()
        if left != self._shown:  # four ticks a second; redraw only when the figure moves
            self._shown = left
            # One fixed row: what it says never moves anything else (no layout).
            self.query_one(".countdown", Static).update(left, layout=False)


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
            yield self.countdown_widget()
            with self.body_scroll():
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
    statement), or deny with a reason. Returns {'op': 'grant'|'changes'|'deny', 'note': str}.

    The exercise screen keeps one and shows each request in it (`show`): composing its
    widgets anew, and removing them on close, was most of the time the dialog took."""

    chrome = 13

    def __init__(self, title: str, req: dict, what: str, check: DraftCheck | None, due: float | None,
                 now: Callable[[], float], still_open: Callable[[], bool]):
        super().__init__(due, now, still_open, "That request is no longer waiting on you (answered or withdrawn).")
        self._title, self.req, self.what, self.check = title, req, what, check

    def show(self, title: str, req: dict, what: str, check: DraftCheck | None, due: float | None,
             now: Callable[[], float], still_open: Callable[[], bool]) -> None:
        """Show another request, as if opened afresh: nothing of the one before stays (its text,
        its check, the reason typed, its settled state, where the body was scrolled to)."""
        was_settled = self.settled
        self.wait_on(due, now, still_open)
        self._title, self.req, self.what, self.check = title, req, what, check
        if not self.is_mounted:
            return  # composed with all this on its first push
        update_if_changed(self.query_one(".title", Static), title)
        update_if_changed(self.query_one(".countdown", Static), self._shown, layout=False)
        update_if_changed(self.query_one("#request-body", Static), self._body())
        self.query_one("#changes", Button).display = not req["action"]
        self.query_one("#reason", Input).value = ""
        if was_settled:
            for w in self.query("Button, Input"):
                w.disabled = False
        self._fit()
        scroll = self.query_one("#body-scroll", VerticalScroll)
        scroll.scroll_home(animate=False)
        scroll.focus()

    def _body(self) -> Text:
        """The action, or the draft's channel and languages, the draft and its check: one text
        (one widget to lay out and paint, not four)."""
        req = self.req
        if req["action"]:
            return Text(f"Action: {self.what}", style="bold")
        return Text.assemble(Text(draft_header(req["channel"], req["languages"], req["audience"]), style="bold"),
                             "\n", marked_text(req["text"] or "", self.check),
                             "\n\n", Text("Playbook check", style="bold"), "\n", check_text(self.check))

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._title, classes="title")
            yield self.countdown_widget()
            with self.body_scroll():
                yield Static(self._body(), id="request-body")
            yield Input(placeholder="Reason (needed to deny) or a note for the drafter", id="reason")
            with Horizontal():
                yield Button("Approve", variant="success", id="grant")
                changes = Button("Approve with changes…", variant="primary", id="changes")
                changes.display = not self.req["action"]  # an action is approved as it is
                yield changes
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
            yield self.countdown_widget()
            with self.body_scroll():
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
