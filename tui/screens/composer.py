"""The statement composer: start from a playbook template, pick channel and languages, then
request approval or publish. Returns what to do; the exercise screen submits it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Select, SelectionList, TextArea

from .dialogs import Dialog


class ComposerDialog(Dialog):
    BINDINGS = [Binding("ctrl+s", "publish", "Publish", id="composer-publish", tooltip="Publish the statement now"),
                Binding("ctrl+r", "request", "Ask approval", id="composer-request",
                        tooltip="Send the draft to the approver")]
    DEFAULT_CSS = """
    ComposerDialog > Vertical { width: 90; }
    ComposerDialog TextArea { height: 7; }
    ComposerDialog SelectionList { height: 4; }
    """

    def __init__(self, role: str, templates: list, channels: list[str], languages: list[str], approver: str | None):
        super().__init__()
        self.role, self.templates, self.channels, self.languages, self.approver = role, templates, channels, languages, approver

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Public statement by {self.role}" + (f" (approval from {self.approver})" if self.approver else ""),
                        classes="title")
            yield Select([(t.title, t.id) for t in self.templates], prompt="blank statement (no template)", id="template")
            yield Select([(c, c) for c in self.channels], value=self.channels[0], allow_blank=False, id="channel")
            yield SelectionList[str](*[(lang, lang, n == 0) for n, lang in enumerate(self.languages)], id="languages")
            yield TextArea(id="text", soft_wrap=True)
            with Horizontal():
                if self.approver:
                    yield Button(f"Ask {self.approver} to approve (ctrl+r)", variant="primary", id="request")
                yield Button("Publish now (ctrl+s)", variant="warning" if self.approver else "primary", id="publish")

    def on_mount(self) -> None:
        self.query_one("#template", Select).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "template" or not isinstance(event.value, str):
            return
        t = next(t for t in self.templates if t.id == event.value)
        self.query_one("#text", TextArea).text = t.text.strip()
        if t.channel in self.channels:
            self.query_one("#channel", Select).value = t.channel
        langs = self.query_one("#languages", SelectionList)
        langs.deselect_all()
        for lang in t.languages:
            if lang in self.languages:
                langs.select(lang)

    def _result(self, op: str) -> None:
        text = self.query_one("#text", TextArea).text.strip()
        if not text:
            self.notify("Write the statement first, or pick a template.", severity="warning")
            return
        self.dismiss({"op": op, "text": text, "channel": self.query_one("#channel", Select).value,
                      "languages": list(self.query_one("#languages", SelectionList).selected)})

    def action_publish(self) -> None:
        self._result("publish")

    def action_request(self) -> None:
        if self.approver:
            self._result("request")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._result(event.button.id)
