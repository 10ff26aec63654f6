"""The replay viewer: scrub a past exercise, play it at 1× to 64× or step from event to event, see
each role's view at any moment, jump from a finding to its evidence, start a what-if branch from
the moment shown, and set a branch beside its original.

Every moment is re-run by the engine (`replay_log(read, until=minute)`): the viewer folds the
events the engine produces, the same way the live consoles do; it never rebuilds state itself.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from simulator.console.display import ExerciseView
from simulator.event_words import EventWords, Words
from simulator.log import read_log
from simulator.replay import replay_log
from simulator.room.feed import feed_for
from simulator.story_clock import day_and_time, first_day, story_time

from ..live_score import LiveScore
from ..score_text import ORDER, finding_row, finding_text
from ..widgets.clock_bar import ClockBar
from ..widgets.fast_list import FastOptionList
from .replay_panels import entry_text, overview_text, role_text

PLAY_SPEEDS = (1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0)
"""At 64×, a four-hour exercise plays back in under four minutes."""


SPEED = Binding.Group("Speed")
"""Faster and slower share one place in the footer ("+ - Speed"), so 80 columns show every key."""


def _b(key: str, action: str, desc: str, tip: str, show: bool = True, priority: bool = False,
       group: Binding.Group | None = None, key_display: str | None = None) -> Binding:
    return Binding(key, action, desc, show=show, id=f"replay-{action.split('(')[0]}", tooltip=tip, priority=priority,
                   group=group, key_display=key_display)


class ReplayScreen(Screen):
    DEFAULT_CSS = """
    #replay-findings { height: 1fr; }
    #replay-finding-pane { height: 1fr; border-top: solid $panel; padding: 0 1; }
    #replay-entry { padding: 0 0 1 0; }
    """
    BINDINGS = [
        _b("space", "play", "Play", "Play the exercise from here, or stop it", key_display="\u2423"),  # ␣: room for every key at 80 columns
        _b("right", "scrub(1)", "+1'", "One exercise minute later"),
        _b("left", "scrub(-1)", "-1'", "One exercise minute earlier"),
        _b("shift+right", "scrub(10)", "+10'", "Ten minutes later", show=False),
        _b("shift+left", "scrub(-10)", "-10'", "Ten minutes earlier", show=False),
        # Priority: the lists would take Home and End for themselves, and these move the clock.
        _b("home", "goto(0)", "Start", "The start of the exercise", show=False, priority=True),
        _b("end", "goto(-1)", "End", "The end of the exercise", show=False, priority=True),
        _b("n", "step(1)", "Next", "Jump to the next event (state drifts are skipped)"),
        _b("p", "step(-1)", "Previous event", "Jump to the previous event", show=False),
        _b("plus,equals_sign", "play_speed(1)", "Faster", "Play faster (up to 64×)", group=SPEED),
        _b("minus", "play_speed(-1)", "Slower", "Play slower (down to 1×)", group=SPEED),
        _b("b", "branch", "What-if", "Start a what-if branch from this moment"),
        _b("c", "compare", "Compare", "Set this what-if branch beside its original: score and findings that changed"),
        _b("f", "tab('tab-findings')", "Findings", "Findings, with a jump to their evidence"),
        _b("v", "tab('tab-view')", "View", "What the chosen role saw and did at this moment", show=False),
        _b("escape", "back", "Back", "Back to the scorecard", show=False),
        _b("0", "who('overview')", "Views", "0: every role and the state; 1-9: what one role saw and did"),
        *[_b(str(n), f"who_n({n})", f"Role {n}", f"Role {n}'s view", show=False) for n in range(1, 10)],
    ]

    def __init__(self, log: Path, wall=None):
        super().__init__()
        self.path = Path(log)
        self.read = read_log(self.path)
        full = replay_log(self.read)
        self.pack = full.pack
        self.roles = list(self.pack.scenario.roles)
        self.lines = self.read.lines
        self.end = max([ln.data["t"] for ln in self.lines] or [0.0])
        self.minute = 0.0
        self.who = "overview"
        self.speed = 1.0
        self.playing = None
        self._pending = False
        self.view = ExerciseView(self.pack)
        score = LiveScore(self.pack, self.path)
        card = score.card()
        self.findings = sorted(card.findings, key=lambda f: (ORDER[f.rating], f.id))
        self.data_of = {ln.number: ln.data for ln in self.lines}
        self.line_minute = {n: d["t"] for n, d in self.data_of.items()}
        self.clock_of = {ln.number: story_time(self.pack.scenario, ln.data["t"]) for ln in self.lines}
        # Every line told once, in log order (the describer remembers what each approval asked):
        # in full for the entry pane and a finding's evidence, on one line for the list.
        words = EventWords(self.pack)
        self.said: dict[int, Words] = {ln.number: words.of(ln.data) for ln in self.lines}
        from simulator.report.data import TIMELINE_TYPES

        self.events = [ln for ln in self.lines if ln.data.get("kind") == "event" and ln.data.get("type") in TIMELINE_TYPES]
        """The lines 'next event' steps through: what happened, without the clock's state drifts."""
        self._focus_line: int | None = None
        self._row_of: dict[int, int] = {}
        """Log line number -> its row in the list (a day's name takes a row of its own)."""

    def compose(self) -> ComposeResult:
        yield ClockBar(id="replay-clock")
        with Horizontal(id="replay-main"):
            yield FastOptionList(id="replay-lines")
            with TabbedContent(id="replay-tabs"):
                with TabPane("View", id="tab-view"):
                    with VerticalScroll():
                        yield Static(id="replay-entry")
                        yield Static(id="replay-view")
                with TabPane(f"Findings ({len(self.findings)})", id="tab-findings"):
                    yield OptionList(*[Option(finding_row(f, self.pack, self.clock_of.get), id=str(n))
                                       for n, f in enumerate(self.findings)], id="replay-findings")
                    with VerticalScroll(id="replay-finding-pane"):
                        yield Static(id="replay-finding")
        yield Footer(show_command_palette=False)  # (ctrl+p still opens it) 80 columns show every key

    def on_mount(self) -> None:
        self.query_one("#replay-lines", OptionList).add_options(self._rows())  # one batch, fast for long logs
        if self.findings:
            self.query_one("#replay-findings", OptionList).highlighted = 0
        self._render_now()

    def _rows(self) -> list[Option]:
        """One row per log line: its time of day and what happened, in words. The story's day is
        named once, on a row of its own above that day's rows, so a narrow list keeps room for the
        words ('Day 3' would otherwise fill every row)."""
        rows: list[Option] = []
        day = ""
        named = any(day_and_time(clock)[0] for clock in self.clock_of.values())
        first = first_day(self.pack.scenario) if named else ""  # the clock names the first day only once it is left
        for ln in self.lines:
            today, hhmm = day_and_time(self.clock_of[ln.number])
            today = today or first
            if today and today != day:
                rows.append(Option(Text(today, style="bold underline"), id=f"day:{ln.number}", disabled=True))
            day = today
            self._row_of[ln.number] = len(rows)
            quiet = ln.data["kind"] == "command" or ln.data.get("type") == "state_changed"
            rows.append(Option(Text(f"{hhmm}  {self.said[ln.number].line()}", style="dim" if quiet else ""),
                               id=str(ln.number)))
        return rows

    # ---- moving in time --------------------------------------------------------------------------

    def action_scrub(self, delta: float) -> None:
        self.goto_minute(self.minute + delta)

    def action_goto(self, where: float) -> None:
        self.goto_minute(self.end if where < 0 else where)

    def action_step(self, direction: int) -> None:
        """The next (or previous) event after the line shown, even at the same minute."""
        here = self._focus_line
        if here is None:
            here = max([ln.number for ln in self.lines if ln.data["t"] <= self.minute + 1e-9] or [0])
        if direction > 0:
            target = next((ln for ln in self.events if ln.number > here), None)
        else:
            target = next((ln for ln in reversed(self.events) if ln.number < here), None)
        if target is None:
            self.notify("No more events this way.", timeout=3)
            return
        if self.playing is not None:
            self.action_play()
        self.goto_minute(target.data["t"], target.number)

    def goto_minute(self, minute: float, line: int | None = None) -> None:
        self.minute = max(0.0, min(self.end, minute))
        self._focus_line = line
        if not self._pending:  # scrubbing fast replays once per burst of keys
            self._pending = True
            self.set_timer(0.05, self._render_now)

    def _render_now(self) -> None:
        self._pending = False
        replayed = replay_log(self.read, self.pack, until=self.minute)  # the pack is loaded once
        self.view = ExerciseView(self.pack, seats=dict(self.read.header.seats))
        # A role's view folds only what that role's seat is sent in room mode: one rule for both.
        self.view.apply(replayed.events if self.who == "overview" else feed_for(self.pack, replayed.events, self.who))
        self.view.now = self.minute
        self._show()

    def _show(self) -> None:
        v, sc = self.view, self.pack.scenario
        who = "Overview" if self.who == "overview" else self.pack.roles[self.who].title
        self.query_one(ClockBar).show(clock=story_time(sc, self.minute), now=self.minute, duration=sc.clock.duration,
                                      paused=self.playing is None, speed=self.speed, ended=v.ended,
                                      seat=f"REPLAY {who}", module=v.module)
        pane = self.query_one("#replay-view", Static)
        body = overview_text(v, pane.size.width or 80) if self.who == "overview" else role_text(v, self.who)
        pane.update(body)
        lines = self.query_one("#replay-lines", OptionList)
        line = self._focus_line
        if line is None or line not in self._row_of:
            line = max([ln.number for ln in self.lines if ln.data["t"] <= self.minute + 1e-9] or [0])
        if line in self._row_of:
            lines.highlighted = self._row_of[line]

    @on(OptionList.OptionHighlighted, "#replay-lines")
    def _entry(self, event: OptionList.OptionHighlighted) -> None:
        """The row under the cursor in full (the list cuts long rows to its width)."""
        option_id = event.option.id or ""
        if not option_id.isdigit():
            return
        number = int(option_id)
        d = self.data_of[number]
        body = None
        if d.get("type") == "inject_delivered":
            inj = self.pack.injects.get(d["inject"])
            body = d.get("body") or (inj.body if inj else None)
        self.query_one("#replay-entry", Static).update(entry_text(self.clock_of[number], self.said[number], body))

    # ---- playing -----------------------------------------------------------------------------------

    def action_play(self) -> None:
        if self.playing is not None:
            self.playing.stop()
            self.playing = None
        else:
            if self.minute >= self.end:
                self.minute = 0.0
            self.playing = self.set_interval(0.25, self._advance)
        self._show()

    def _advance(self) -> None:
        # speed× real time, as the exercise clock runs: a quarter of a wall second is speed/240 minutes.
        self.goto_minute(self.minute + self.speed * 0.25 / 60)
        if self.minute >= self.end and self.playing is not None:
            self.playing.stop()
            self.playing = None

    def action_play_speed(self, step: int) -> None:
        i = PLAY_SPEEDS.index(self.speed) + step
        self.speed = PLAY_SPEEDS[max(0, min(len(PLAY_SPEEDS) - 1, i))]
        self._show()

    # ---- whose view -----------------------------------------------------------------------------------

    def action_who(self, who: str) -> None:
        self.who = who
        self.query_one("#replay-tabs", TabbedContent).active = "tab-view"
        self._render_now()  # a role's view folds that role's feed

    def action_tab(self, tab: str) -> None:
        self.query_one("#replay-tabs", TabbedContent).active = tab
        (self.query_one("#replay-findings", OptionList) if tab == "tab-findings"
         else self.query_one("#replay-lines", OptionList)).focus()

    def action_who_n(self, n: int) -> None:
        if 1 <= n <= len(self.roles):
            self.action_who(self.roles[n - 1])

    # ---- lines, findings and evidence -----------------------------------------------------------------

    @on(OptionList.OptionSelected, "#replay-lines")
    def _line_selected(self, event: OptionList.OptionSelected) -> None:
        number = int(event.option_id)
        self.goto_minute(self.line_minute[number], number)

    @on(OptionList.OptionHighlighted, "#replay-findings")
    def _finding_shown(self, event: OptionList.OptionHighlighted) -> None:
        f = self.findings[int(event.option.id or 0)]
        evidence = [f"{self.clock_of[n]}  {self.said[n].line()}" for n in f.evidence if n in self.said]
        self.query_one("#replay-finding", Static).update(finding_text(f, evidence, self.pack, self.clock_of.get,
                                                                      jump_hint=True))

    @on(OptionList.OptionSelected, "#replay-findings")
    def _finding_selected(self, event: OptionList.OptionSelected) -> None:
        f = self.findings[int(event.option_id)]
        if not f.evidence:
            self.notify("This finding has no log line: something expected did not happen.", severity="warning")
            return
        line = f.evidence[0]
        if f.roles and f.roles[0] in self.roles:
            self.who = f.roles[0]
        self.query_one("#replay-tabs", TabbedContent).active = "tab-view"
        self.query_one("#replay-lines", OptionList).focus()  # the evidence's row, highlighted in the list
        self.goto_minute(self.line_minute.get(line, self.minute), line)
        when = ", ".join(dict.fromkeys(self.clock_of[n] for n in f.evidence if n in self.clock_of))
        self.notify(f"{f.title}: evidence at {when}", timeout=6)

    # ---- what-if -----------------------------------------------------------------------------------

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:  # opened from the scorecard
            self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "branch":
            from .branching import branching_available

            return branching_available()
        if action == "compare":
            from .compare import original_of

            return original_of(self.path) is not None
        return True

    def action_compare(self) -> None:
        from .compare import open_compare

        open_compare(self.app, self.path)

    def action_branch(self) -> None:
        from .branching import ask_and_branch

        if self.playing is not None:
            self.action_play()
        ask_and_branch(self, self.path, self.minute, self.pack.roles, story_time(self.pack.scenario, self.minute))


def open_replay(app, log: Path) -> bool:
    """Open the replay viewer on `log`, or say plainly (naming the line) why it cannot be replayed.

    Why: a log that does not verify (damaged, edited, from a changed scenario) must never put a
    traceback on screen; the screen the user was on stays, and keeps working.
    """
    from simulator.log import LogError  # ReplayError is a LogError

    try:
        screen = ReplayScreen(log)
    except (LogError, OSError) as exc:
        app.notify(f"This exercise log cannot be replayed: {exc}", title="Replay", severity="error", timeout=15)
        return False
    app.push_screen(screen)
    return True

