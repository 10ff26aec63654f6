"""A seat's briefing on screen: shown before the clock starts in solo play, and one key (b) away
during play. The words come from the core's briefing model (simulator/briefing.py), the same
ones `tabletop brief` prints; this screen only styles them."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from simulator.briefing import brief, sections
from simulator.loading.pack import Pack


def briefing_rich(pack: Pack, role: str) -> Text:
    """The briefing's sections as styled text: headings bold, the situation highlighted."""
    t = Text()
    for n, (head, body) in enumerate(sections(pack, brief(pack, role))):
        if n:
            t.append("\n")
        t.append(head + "\n", style="bold underline" if n == 0 else "bold")
        situation = head.startswith("Your situation")
        for line in body:
            t.append(("• " if len(body) > 1 else "") + line + "\n", style="bold yellow" if situation else "")
    return t


class BriefingScreen(ModalScreen):
    """The briefing for one role; Esc, Enter or b closes it (the clock is not touched)."""

    BINDINGS = [
        Binding("escape,enter,b", "close", "Close", id="briefing-close", tooltip="Back to the console"),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
    ]
    DEFAULT_CSS = """
    BriefingScreen { align: center middle; }
    BriefingScreen > Vertical { width: 100; max-width: 100%; height: 100%; border: thick $primary;
                                background: $surface; padding: 0 1; }
    BriefingScreen VerticalScroll { height: 1fr; }
    BriefingScreen .hint { height: auto; color: $text-muted; }
    """

    def __init__(self, pack: Pack, role: str, before_start: bool = False, starts_clock: bool = True):
        super().__init__()
        self.pack, self.role, self.before_start = pack, role, before_start
        self.starts_clock = starts_clock
        """False for a seat joined to a room: the facilitator, not this player, starts the clock."""

    def compose(self) -> ComposeResult:
        with Vertical():
            with VerticalScroll(id="briefing-scroll"):
                yield Static(briefing_rich(self.pack, self.role), id="briefing-text")
            hint = "Esc/Enter closes (b opens it again) · ↑↓ PgUp PgDn scroll"
            if self.before_start:
                start = "then Space starts it" if self.starts_clock else "the facilitator starts it"
                hint = f"The clock waits: Esc/Enter closes, {start} · b opens this again · ↑↓ scroll"
            yield Static(hint, classes="hint")

    def on_mount(self) -> None:
        self.query_one("#briefing-scroll", VerticalScroll).focus()

    def action_page(self, step: int) -> None:
        scroll = self.query_one("#briefing-scroll", VerticalScroll)
        (scroll.scroll_page_down if step > 0 else scroll.scroll_page_up)(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
