"""The facilitator's jump: to a minute, minutes from now or a story time, or to the start of a
module; it stops a minute before the next deadline unless 'through deadlines' is ticked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option

from .dialogs import Dialog


class JumpDialog(Dialog):
    """Returns {'to': minute, 'module': id or None, 'through': bool}; the screen submits it."""

    def __init__(self, modules: list[tuple[str, str, float]], parse, now_text: str):
        """`modules`: (id, label, start minute) of modules still ahead; `parse(text)`: a typed target's minute or None."""
        super().__init__()
        self.modules, self.parse, self.now_text = modules, parse, now_text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Jump the clock (now {self.now_text})", classes="title")
            yield Input(placeholder="minute (45), minutes from now (+15) or story time (10:30); Enter jumps",
                        id="jump-to")
            if self.modules:
                yield Static("or the start of a module:", classes="hint")
                yield OptionList(*[Option(label, id=mid) for mid, label, _ in self.modules], id="jump-modules")
            yield Checkbox("Go through deadlines (do not stop a minute before the next one)", id="jump-through")
            yield Static("Esc cancels", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#jump-to", Input).focus()

    def _through(self) -> bool:
        return self.query_one("#jump-through", Checkbox).value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        to = self.parse(event.value)
        if to is None:
            self.notify("Give a minute ahead (45), +minutes (+15) or a story time ahead (10:30).", severity="warning")
            return
        self.dismiss({"to": to, "module": None, "through": self._through()})

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        start = next(m[2] for m in self.modules if m[0] == event.option_id)
        self.dismiss({"to": start, "module": event.option_id, "through": self._through()})
