"""The Tabletop app and its factory, `make_app`, shared by the CLI and the tests.

The app starts on the setup screen, the exercise screen (resume), or the replay viewer. It
owns exercise control only to close it: the log is flushed on ctrl+q, on any exception, and
when the app stops for any other reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from . import idle_gc
from .config import RunConfig
from simulator.console.clock_driver import ExerciseControl
from .theme import DEFAULT_THEME, HIGH_CONTRAST


def seats_now(session) -> dict:
    """Who sits where now: the log header's seats, then every hand-over the session recorded."""
    from simulator.engine.seats import Seat

    seats = dict(session.header.seats)
    for e in session.events:
        if e.type == "seat_taken":
            seats[e.role] = Seat() if e.seat == "human" else Seat(kind="staff", policy=e.policy, competence=e.competence)
    return seats


class TabletopApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "Tabletop"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quit", tooltip="Close the log cleanly and quit"),
        Binding("f2", "toggle_contrast", "Contrast", id="contrast", tooltip="Switch the high-contrast theme on or off",
                show=False),
    ]

    def __init__(self, config: RunConfig, replay: Path | None = None, wall: Callable[[], float] | None = None,
                 session=None):
        super().__init__()
        self.config, self.replay_log, self._session = config, replay, session
        self.control: ExerciseControl | None = None
        self.log_path: Path | None = None
        """The log of the exercise being played, once one is open."""
        self._wall = wall
        # No motion: tab underlines and scrolls jump instead of sliding. Kinder to people who
        # prefer reduced motion, and each animation frame would redraw thousands of rows.
        self.animation_level = "none"
        self.register_theme(HIGH_CONTRAST)
        self.theme = HIGH_CONTRAST.name if config.high_contrast else DEFAULT_THEME

    def on_mount(self) -> None:
        idle_gc.hold(self)  # full collector sweeps wait for a quiet moment (see idle_gc)
        self.set_interval(0.5, idle_gc.poll, name="idle-gc")
        if self.replay_log is not None:
            from .screens.replay import open_replay

            if not open_replay(self, self.replay_log):
                self.exit(return_code=1, message=f"{self.replay_log} cannot be replayed (see `tabletop replay --verify`)")
        elif self._session is not None:
            self._open(self._session, from_log=True)
        elif self.config.resume is not None:
            from simulator.log import LogError
            from simulator.session import Session

            try:
                self._open(Session.resume(self.config.resume), from_log=True)
            except LogError as exc:  # busy, damaged past repair, unwritable: said plainly, then the setup screen
                self.notify(str(exc), title="Cannot resume this log", severity="error", timeout=30)
                from .screens.setup import SetupScreen

                self.push_screen(SetupScreen(self.config))
        else:
            from .screens.setup import SetupScreen

            self.push_screen(SetupScreen(self.config))

    def start_exercise(self, config: RunConfig) -> None:
        """Start a new exercise from the setup screen's choices (errors are shown, not raised)."""
        from simulator.engine import commands as C
        from simulator.loading.pack import load_pack
        from simulator.loading.problems import ValidationFailed
        from simulator.log import LogError
        from simulator.session import Session

        try:
            pack = load_pack(config.scenario)
            session = Session.start(pack, config.seed, config.seats_for(list(pack.scenario.roles)),
                                    config.log_path(pack.scenario.id))
        except ValidationFailed as exc:
            self.notify("\n".join(str(p) for p in exc.problems[:5]), title="The scenario has problems", severity="error")
            return
        except (FileExistsError, OSError, LogError) as exc:  # LogError: a missing folder, a busy or full log
            self.notify(str(exc), title="Cannot write the log", severity="error")
            return
        if config.speed != 1.0:  # logged, so a resumed exercise keeps its speed
            try:
                session.submit(C.SetSpeed(by=C.FACILITATOR, speed=config.speed))
            except LogError as exc:
                session.close_quietly()
                self.notify(str(exc), title="Cannot write the log", severity="error")
                return
        self._open(session, config.speed)

    def open_branch(self, session) -> None:
        """Continue a what-if branch (a resumed session) in the consoles."""
        self.close_exercise()
        self._open(session, from_log=True)

    def _open(self, session, speed: float | None = None, from_log: bool = False) -> None:
        from .screens.exercise import ExerciseScreen

        kwargs = {"wall": self._wall} if self._wall else {}
        self.control = ExerciseControl(session, speed or self.config.speed, **kwargs)
        self.control.on_fault = self._log_fault
        self.log_path = session.writer.path if session.writer else None
        humans = [r for r, s in seats_now(session).items() if s.kind == "human"]
        if from_log:  # a resumed or branched log's seats say which mode it was played in
            self.config.mode = "solo" if len(humans) == 1 else "facilitated"
            self.config.solo_role = humans[0] if len(humans) == 1 else None
        screen = ExerciseScreen(self.control, self.config, **kwargs)
        if isinstance(self.screen, Screen) and len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def _log_fault(self, exc) -> None:
        """The log refused a write (a full disk): say which file and why; the clock is already paused."""
        self.notify(f"{exc}\nThe clock is paused. Once there is room, press Space to go on.",
                    title="The exercise log cannot be written", severity="error", timeout=30)

    def on_unmount(self) -> None:
        idle_gc.release(self)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            idle_gc.saw_input()
        await super().on_event(event)

    # ---- accessibility and the command palette ---------------------------------------------------

    def action_toggle_contrast(self) -> None:
        self.theme = DEFAULT_THEME if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("High-contrast theme", "Switch the high-contrast theme on or off (F2)",
                            self.action_toggle_contrast)
        palette = getattr(screen, "palette_commands", None)
        if palette is not None:
            yield from palette()

    # ---- closing cleanly -------------------------------------------------------------------------

    def close_exercise(self) -> None:
        if self.control is not None:
            self.control.close()

    async def action_quit(self) -> None:
        self.close_exercise()
        self.exit()

    def _handle_exception(self, error: Exception) -> None:
        self.close_exercise()
        super()._handle_exception(error)


def make_app(config: RunConfig | None = None, replay: Path | None = None,
             wall: Callable[[], float] | None = None, session=None) -> TabletopApp:
    """The app for a run (setup, or an already opened or resumed session) or a replay.

    `wall` replaces the monotonic clock, so tests and snapshots can freeze time.
    """
    return TabletopApp(config or RunConfig(), replay=replay, wall=wall, session=session)
