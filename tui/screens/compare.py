"""A what-if branch side by side with its original: both scores, and every rating and finding that
changed, the original's words on the left and the branch's on the right (`simulator.scoring.compare`)."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from simulator.loading.pack import Pack
from simulator.scoring.compare import Comparison, compared
from simulator.scoring.compare_text import CHANGE, headline, what, words

from ..render import rating_text


def original_of(branch: Path) -> Path | None:
    """The original a branch log names in its header, when that file is beside it."""
    from simulator.log import LogError, read_log

    try:
        named = read_log(branch).header.branched_from
    except (LogError, OSError):
        return None
    if not named or "@" not in named:
        return None
    candidate = branch.with_name(named.rpartition("@")[0])
    return candidate if candidate.is_file() else None


def open_compare(app, branch: Path) -> bool:
    """Open the comparison of `branch` with its original, or say plainly why not."""
    from simulator.log import LogError

    original = original_of(branch)
    if original is None:
        app.notify("This log is not a what-if branch, or its original is not beside it.", title="Compare",
                   severity="warning", timeout=8)
        return False
    try:
        comparison, pack = compared(original, branch)
    except (LogError, OSError) as exc:
        app.notify(f"Cannot compare: {exc}", title="Compare", severity="error", timeout=12)
        return False
    app.push_screen(CompareScreen(comparison, pack))
    return True


class CompareScreen(Screen):
    BINDINGS = [Binding("escape", "back", "Back", id="compare-back", tooltip="Back to where you were")]

    def __init__(self, comparison: Comparison, pack: Pack):
        super().__init__()
        self.comparison = comparison
        self.pack = pack
        """Tells the changes in the consoles' words (titles, story clock), never by id."""

    def compose(self) -> ComposeResult:
        c = self.comparison
        yield Static(" WHAT-IF BESIDE ITS ORIGINAL", classes="bar")
        yield Static(headline(c, self.pack), id="compare-head")
        yield OptionList(*[Option(self._row(ch), id=str(n)) for n, ch in enumerate(c.changes)], id="compare-changes")
        with Horizontal(id="compare-sides"):
            with VerticalScroll(id="compare-original"):
                yield Static(id="compare-left")
            with VerticalScroll(id="compare-branch"):
                yield Static(id="compare-right")
        yield Footer()

    def _row(self, ch) -> Text:
        word, style = CHANGE[ch.change]
        t = Text(f"{word:<12}", style=style)
        t.append_text(rating_text(ch.original or "N/A") if ch.original else Text("-  ", style="dim"))
        t.append(" → ")
        t.append_text(rating_text(ch.branch or "N/A") if ch.branch else Text("-  ", style="dim"))
        t.append(f"  {what(ch, self.pack, n=None)}")  # the list itself cuts a row to its width
        return t

    def on_mount(self) -> None:
        changes = self.query_one("#compare-changes", OptionList)
        changes.focus()
        if self.comparison.changes:
            changes.highlighted = 0
        else:
            self.query_one("#compare-left", Static).update("Nothing changed: the what-if played out as the original.")

    @on(OptionList.OptionHighlighted, "#compare-changes")
    def _show(self, event: OptionList.OptionHighlighted) -> None:
        ch = self.comparison.changes[event.option_index]
        c = self.comparison
        for side, log, score, rating, text in (("#compare-left", c.original.log, c.original.score, ch.original,
                                                ch.original_text),
                                               ("#compare-right", c.branch.log, c.branch.score, ch.branch, ch.branch_text)):
            body = Text(f"{'Original' if side == '#compare-left' else 'What-if'}: {log}"
                        f" (score {score:.0f})\n\n" if score is not None else f"{log}\n\n", style="bold")
            if rating is None:
                body.append("Not in this exercise.", style="dim")
            else:
                body.append_text(rating_text(rating))
                body.append(f" {what(ch, self.pack, n=None)}\n\n{words(ch, self.pack, text)}")
            self.query_one(side, Static).update(body)

    def action_back(self) -> None:
        self.app.pop_screen()
