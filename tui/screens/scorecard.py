"""The scorecard: findings per role and per objective, with the log lines that prove them.
The after-action report can be exported from here when the report module is installed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from simulator.loading.pack import Pack
from simulator.summary import timeline_text

from ..live_score import LiveScore
from ..score_text import ORDER, card_summary, finding_row, finding_text


def report_available() -> bool:
    return importlib.util.find_spec("simulator.report") is not None


class ScorecardScreen(Screen):
    BINDINGS = [
        Binding("x", "export", "Export AAR", id="export-aar", tooltip="Write the after-action report next to the log"),
        Binding("r", "replay", "Replay", id="open-replay", tooltip="Open this exercise in the replay viewer"),
        Binding("c", "compare", "Compare", id="compare-original",
                tooltip="Set this what-if branch beside its original: score and findings that changed"),
    ]

    def __init__(self, pack: Pack, log: Path | None, control=None):
        super().__init__()
        self.pack, self.log_file, self.control = pack, log, control
        if control is not None:
            control.close()  # the exercise is over: flush the log before reading it back
        self.live = LiveScore(pack, log)
        self.card = self.live.card(final=True)
        self.findings = sorted(self.card.findings, key=lambda f: (ORDER[f.rating], f.id))

    def compose(self) -> ComposeResult:
        score = f"{self.card.score:.0f}/100" if self.card.score is not None else "not scored"
        yield Static(f" SCORECARD  {self.pack.scenario.title}  score {score}  ({len(self.findings)} findings)", classes="bar")
        with TabbedContent(id="score-tabs"):
            with TabPane("Findings", id="tab-findings"):
                with Horizontal():
                    yield OptionList(*[Option(self._row(f), id=f.id) for f in self.findings], id="findings")
                    with VerticalScroll(id="finding-pane"):
                        yield Static(id="finding")
            with TabPane("Objectives and roles", id="tab-summary"):
                with VerticalScroll():
                    yield Static(card_summary(self.card, self.pack, findings=0))
        yield Footer()

    def _row(self, f) -> Text:
        return finding_row(f, self.pack)

    def on_mount(self) -> None:
        self.query_one("#findings", OptionList).focus()
        if self.findings:
            self.query_one("#findings", OptionList).highlighted = 0

    @on(OptionList.OptionHighlighted, "#findings")
    def _show(self, event: OptionList.OptionHighlighted) -> None:
        f = self.findings[event.option_index]
        evidence = [timeline_text(self.pack, [self.live.lines[n]]).strip() for n in f.evidence if n in self.live.lines]
        self.query_one("#finding", Static).update(finding_text(f, evidence, self.pack))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "export":
            return report_available() and self.log_file is not None
        if action == "replay":
            return self.log_file is not None
        if action == "compare":
            from .compare import original_of

            return self.log_file is not None and original_of(self.log_file) is not None
        return True

    def action_compare(self) -> None:
        from .compare import open_compare

        open_compare(self.app, self.log_file)

    def action_export(self) -> None:
        from .export import export_report

        done, message = export_report(self.log_file)
        self.notify(message, severity="information" if done else "error", timeout=8)

    def action_replay(self) -> None:
        from .replay import open_replay

        open_replay(self.app, self.log_file)
