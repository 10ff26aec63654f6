"""The setup screen: pick a scenario (with summaries), the mode (facilitated or solo), seats,
seed, speed and log path, then start."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, OptionList, RadioButton, RadioSet, Select, SelectionList, Static
from textual.widgets.option_list import Option

from simulator.loading.documents import read_document
from simulator.loading.problems import ValidationFailed
from simulator.loading.shipped import shipped_scenarios
from simulator.engine.seats import Seat

from ..config import SPEEDS, RunConfig


def _scenarios(extra: Path | None) -> list[tuple[Path, object]]:
    out = []
    paths = shipped_scenarios()
    if extra is not None and extra.resolve() not in [p.resolve() for p in paths]:
        paths = [extra, *paths]
    for p in paths:
        try:
            out.append((p, read_document(p, expect="scenario").model))
        except (ValidationFailed, OSError):
            continue  # `tabletop validate` explains broken files; the picker lists what can run
    return out


class SetupScreen(Screen):
    BINDINGS = [Binding("ctrl+s", "start", "Start", id="setup-start", tooltip="Start the exercise with these settings")]

    def __init__(self, config: RunConfig):
        super().__init__()
        self.config = config
        self.scenarios = _scenarios(config.scenario)
        self.picked = 0
        if config.scenario is not None:
            self.picked = next((n for n, (p, _s) in enumerate(self.scenarios)
                                if p.resolve() == config.scenario.resolve()), 0)

    @property
    def scenario(self):
        return self.scenarios[self.picked][1] if self.scenarios else None

    def compose(self) -> ComposeResult:
        c = self.config
        yield Static(" TABLETOP  Set up an exercise", classes="bar")
        with VerticalScroll(id="setup"):
            if self.config.scenario is None:
                yield Label("Scenario (↑/↓, Enter picks)", classes="head")
                yield OptionList(*[Option(Text.assemble((s.title, "bold"), f"  {s.city.name}, {s.clock.duration:g} min"),
                                          id=str(n)) for n, (_p, s) in enumerate(self.scenarios)], id="scenarios")
            yield Static(id="summary")
            yield Label("Mode", classes="head")
            with RadioSet(id="mode"):
                yield RadioButton("Facilitated: each role is a person at the table or simulated staff",
                                  value=c.mode == "facilitated", id="facilitated")
                yield RadioButton("Solo: you play one role, simulated staff play the rest", value=c.mode == "solo", id="solo")
            with Vertical(id="solo-box"):
                yield Label("Your role")
                roles = list(self.scenario.roles) if self.scenario else ["-"]
                yield Select([(r, r) for r in roles], id="solo-role", allow_blank=False)
            with Vertical(id="seats-box"):
                yield Label("Seats played by simulated staff (Space toggles)")
                yield SelectionList[str](id="staff-seats")
            with Horizontal(id="numbers"):
                with Vertical():
                    yield Label("Seed")
                    yield Input(str(c.seed), id="seed", type="integer")
                with Vertical():
                    yield Label("Speed (min per min)")
                    yield Select([(f"{s:g}×", s) for s in SPEEDS], value=c.speed if c.speed in SPEEDS else 1.0,
                                 allow_blank=False, id="speed")
            yield Label("Exercise log (empty: a new file in this folder)")
            yield Input(str(c.log) if c.log else "", id="log", placeholder="tabletop-<scenario>-<seed>-<time>.jsonl")
            yield Button("Start the exercise (ctrl+s)", variant="primary", id="start")
        yield Footer()

    def on_mount(self) -> None:
        self._show_scenario()
        self._show_mode()
        if self.config.scenario is None and self.scenarios:
            self.query_one("#scenarios", OptionList).focus()
        else:
            self.query_one("#start", Button).focus()

    def _show_scenario(self) -> None:
        s = self.scenario
        if s is None:
            self.query_one("#summary", Static).update("No scenario found. Give one: tabletop run PATH")
            return
        self.query_one("#summary", Static).update(Text.assemble(
            (f"{s.title}\n", "bold"), (f"{s.city.name} · {s.clock.duration:g} exercise minutes · roles: {', '.join(s.roles)}\n", "dim"),
            s.summary.strip()))
        role = self.query_one("#solo-role", Select)
        role.set_options([(r, r) for r in s.roles])
        role.value = self.config.solo_role if self.config.solo_role in s.roles else s.roles[0]
        seats = self.query_one("#staff-seats", SelectionList)
        seats.clear_options()
        seats.add_options([(r, r, self.config.seats.get(r, Seat()).kind == "staff") for r in s.roles])

    def _show_mode(self) -> None:
        solo = self.query_one("#solo", RadioButton).value
        self.query_one("#solo-box").display = solo
        self.query_one("#seats-box").display = not solo

    @on(OptionList.OptionHighlighted, "#scenarios")
    def _picked(self, event: OptionList.OptionHighlighted) -> None:
        self.picked = int(event.option_id)
        self._show_scenario()

    @on(OptionList.OptionSelected, "#scenarios")
    def _chosen(self) -> None:
        self.query_one("#mode", RadioSet).focus()

    @on(RadioSet.Changed)
    def _mode_changed(self) -> None:
        self._show_mode()

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        if self.scenario is None:
            return
        seed_text = self.query_one("#seed", Input).value.strip() or "1"
        try:
            seed = int(seed_text)
        except ValueError:
            self.notify("The seed is a whole number.", severity="error")
            return
        c = self.config
        c.scenario = self.scenarios[self.picked][0]
        c.mode = "solo" if self.query_one("#solo", RadioButton).value else "facilitated"
        c.solo_role = self.query_one("#solo-role", Select).value if c.mode == "solo" else None
        staff = set(self.query_one("#staff-seats", SelectionList).selected)
        c.seats = {r: Seat(kind="staff", policy=c.staff_policy, competence=c.competence) if r in staff else Seat()
                   for r in self.scenario.roles}
        if c.mode == "facilitated" and len(staff) == len(self.scenario.roles):
            self.notify("Every seat is simulated staff: leave at least one for a person, or use `tabletop simulate`.",
                        severity="warning")
            return
        c.seed, c.speed = seed, self.query_one("#speed", Select).value
        log = self.query_one("#log", Input).value.strip()
        c.log = Path(log) if log else None
        problem = _log_problem(c.log)
        if problem is not None:  # said on this screen, where the path can be corrected
            self.notify(problem, title="Cannot write the log there", severity="error")
            self.query_one("#log", Input).focus()
            return
        self.app.start_exercise(c)


def _log_problem(log: Path | None) -> str | None:
    """Why the exercise log cannot be started at `log`, found before anything starts; None when it can."""
    if log is None:
        return None  # a fresh name in the current folder
    try:
        if log.is_dir():
            return f"{log} is a folder; give the log a file name, such as {log / 'exercise.jsonl'}"
        if not log.parent.is_dir():
            return f"the folder {log.parent} does not exist; create it first, or choose another place for the log"
    except OSError as exc:  # a name too long, a folder we may not look into
        return f"{log}: {exc.strerror or exc}"
    return None
