"""Keyboard tabs: a one-line bar over a ContentSwitcher.

Why not TabbedContent: its Tabs widget (underline, per-tab widgets, activation messages) added
tens of milliseconds to every tab change and hot-seat switch, most of the 50 ms key budget.
Tabs here change by keys (each console binds one per tab); the bar only shows where you are.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static


class Switcher(ContentSwitcher):
    """A ContentSwitcher that does not repaint itself on a switch.

    Why: ContentSwitcher repaints its whole area when `current` changes, though what shows
    there is the child it displays (laid out and painted anyway); at 200x60 that blank repaint,
    cut into every widget's column on every line, was a few milliseconds of each hot-seat switch.
    """

    current: reactive[str | None] = reactive(None, init=False, repaint=False)


class LightTabs(Vertical):
    DEFAULT_CSS = """
    LightTabs > .tabbar { height: 1; background: $panel; }
    LightTabs > ContentSwitcher { height: 1fr; }
    LightTabs > ContentSwitcher > * { margin: 0 1; }
    """

    def __init__(self, panes: list[tuple[str, str, str, Widget]], hint: str = "", **kwargs):
        """Panes of (pane id, label, key hint, content); `hint` ends the bar (e.g. the keys that move).

        Each content sits in the switcher itself, not in a wrapper per pane: with thousands of
        rows on screen every widget costs on every key (styles, layout, events), and a pane
        wrapper did nothing a margin does not. A content without an id takes its pane's id."""
        super().__init__(**kwargs)
        self._panes, self._hint = panes, hint
        self._active = panes[0][0]
        for pane_id, _label, _key, content in panes:
            if content.id is None:
                content.id = pane_id
        self._shown_as = {pane_id: content.id for pane_id, _label, _key, content in panes}
        """Pane id -> the id of the content the switcher shows for it."""

    def compose(self) -> ComposeResult:
        yield Static(self._bar(), classes="tabbar")
        with Switcher(initial=self._shown_as[self._active]):
            for _pane_id, _label, _key, content in self._panes:
                yield content

    def _bar(self) -> Text:
        t = Text(no_wrap=True, overflow="ellipsis")
        for pane_id, label, key, _content in self._panes:
            style = "bold reverse" if pane_id == self._active else "dim"
            t.append(f" {label} ", style=style)
            if key:
                t.append(f"{key} ", style="italic dim")
        if self._hint:
            t.append(self._hint, style="italic dim")
        return t

    @property
    def active(self) -> str:
        return self._active

    @active.setter
    def active(self, pane_id: str) -> None:
        if pane_id == self._active:
            return
        self._active = pane_id
        self.query_one(Switcher).current = self._shown_as[pane_id]
        self.query_one(".tabbar", Static).update(self._bar(), layout=False)
