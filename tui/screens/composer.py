"""The statement composer: start from a playbook template, pick channel and languages, then
request approval or publish, with the playbook check shown live as the player types (unless the
facilitator turned it off for an assessed exercise).

The same dialog edits a denied draft to ask again ('revise') and lets an approver change a draft
before granting it ('changes'). It returns what to do; the exercise screen submits the command."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Select, SelectionList, Static, TextArea

from simulator.draft_check import DraftCheck

from ..draft_view import check_text
from .dialogs import Dialog

CheckFn = Callable[[str], DraftCheck]


class ComposerDialog(Dialog):
    BINDINGS = [Binding("ctrl+s", "publish", "Publish", id="composer-publish", tooltip="Publish the statement now"),
                Binding("ctrl+r", "request", "Ask approval", id="composer-request",
                        tooltip="Send the draft to the approver")]
    DEFAULT_CSS = """
    ComposerDialog > Vertical { width: 100; }
    ComposerDialog #composer-top { height: 3; }
    ComposerDialog #composer-top Select { width: 1fr; }
    ComposerDialog TextArea { height: 6; }
    ComposerDialog SelectionList { height: 3; }
    ComposerDialog #check-scroll { height: 5; max-height: 100%; border-left: tall $accent; padding-left: 1; }
    """

    def __init__(self, title: str, templates: list, channels: list[str], languages: list[str], approver: str | None,
                 check: CheckFn | None = None, live: bool = True, mode: str = "new", draft: dict | None = None,
                 approver_title: str | None = None):
        super().__init__()
        self.approver_title = approver_title or approver
        """The approver's role title, as the buttons name it (`approver` is the role id)."""
        self._title, self.templates, self.channels, self.languages = title, templates, channels, languages
        self.approver, self.check, self.live, self.mode = approver, check, live, mode
        self.draft = draft or {}
        self.last_check: DraftCheck | None = None
        """The check of the text as it stands (None while it is empty or the check is off)."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._title, classes="title")
            with Horizontal(id="composer-top"):
                yield Select([(t.title, t.id) for t in self.templates], prompt="blank statement (no template)",
                             id="template", disabled=self.mode != "new")
                channel = self.draft.get("channel")
                yield Select([(c, c) for c in self.channels], allow_blank=False, id="channel",
                             value=channel if channel in self.channels else self.channels[0])
            chosen = self.draft.get("languages")
            yield SelectionList[str](*[(lang, lang, lang in chosen if chosen is not None else n == 0)
                                       for n, lang in enumerate(self.languages)], id="languages")
            yield TextArea(self.draft.get("text") or "", id="text", soft_wrap=True)
            with VerticalScroll(id="check-scroll"):
                yield Static(check_text(None, off=not self.live), id="check")
            with Horizontal():
                if self.mode == "changes":
                    yield Button("Approve with these changes (ctrl+s)", variant="primary", id="publish")
                else:
                    yield Button("", variant="primary", id="request")  # labelled (or hidden) by _show_approver
                    if self.mode == "new":
                        yield Button("Publish now (ctrl+s)", id="publish")

    def on_mount(self) -> None:
        self._fit()
        self._show_approver()
        if self.draft.get("text"):
            self._recheck(self.draft["text"])
            self.query_one("#text", TextArea).focus()
        else:
            self.query_one("#template", Select).focus()

    def reopen(self, approver: str | None, approver_title: str | None, live: bool) -> None:
        """Make a kept composer fresh for a new statement (why kept: composing its widgets is
        the slowest part of opening it): a blank draft, the approver and live check of now."""
        self.approver, self.approver_title, self.live = approver, approver_title or approver, live
        self.last_check = None
        if not self.is_mounted:
            return  # composed fresh on its first push
        self.query_one("#template", Select).clear()
        self.query_one("#channel", Select).value = self.channels[0]
        langs = self.query_one("#languages", SelectionList)
        langs.deselect_all()
        if self.languages:
            langs.select(self.languages[0])
        self.query_one("#text", TextArea).text = ""
        self.query_one("#check", Static).update(check_text(None, off=not self.live))
        self._show_approver()
        self.query_one("#template", Select).focus()

    def set_title(self, title: str) -> None:
        self._title = title
        if self.is_mounted:
            self.query_one(".title", Static).update(title)

    def _show_approver(self) -> None:
        if self.mode == "changes":
            return
        request = self.query_one("#request", Button)
        request.display = bool(self.approver)
        request.label = f"Ask the {self.approver_title} to approve (ctrl+r)"
        if self.mode == "new":
            self.query_one("#publish", Button).variant = "warning" if self.approver else "primary"

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Give the text and the check what the terminal has to spare (a tall one shows more)."""
        spare = max(0, self.app.size.height - 24)
        self.query_one("#text", TextArea).styles.height = 6 + min(spare // 2, 10)
        self.query_one("#check-scroll").styles.height = 5 + min(spare - spare // 2, 12)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._recheck(event.text_area.text)

    def _recheck(self, text: str) -> None:
        if not self.live or self.check is None:
            return
        self.last_check = self.check(text) if text.strip() else None
        self.query_one("#check", Static).update(check_text(self.last_check))

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
        if self.mode == "changes":
            self._result("changes")
        elif self.mode == "new":
            self._result("publish")

    def action_request(self) -> None:
        if self.approver and self.mode != "changes":
            self._result("request")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "publish":
            self.action_publish()
        else:
            self.action_request()
