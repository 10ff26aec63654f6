"""The session: the one door into an exercise. Log first, then apply, then tell subscribers.

Why: nothing acknowledged is ever lost. A command is on disk (fsync'd) before the engine sees
it, so a crash can always be resumed by replaying the log through the same engine.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .engine import commands as C
from .engine.core import Engine
from .engine.events import Event
from .engine.seats import Seat
from .engine.staff import STAFF_VERSION
from .loading.pack import Pack
from .log import VERDICTS_KEPT, LogError, LogHeader, LogWriteFailed, LogWriter, wall_now
from .timegrid import on_grid
from .version import __version__

Subscriber = Callable[[Event], None]


def header_for(pack: Pack, seed: int, seats: dict[str, Seat], branched_from: str | None = None) -> LogHeader:
    return LogHeader(tabletop_version=__version__, scenario=pack.scenario.id, scenario_path=str(pack.scenario_path),
                     files=pack.files, file_keys="pack-path", seed=seed, seats=seats, staff=STAFF_VERSION, verdicts=VERDICTS_KEPT,
                     branched_from=branched_from, wall_time=wall_now())


class Session:
    """Runs one exercise: commands in, events out, everything in the log."""

    def __init__(self, engine: Engine, header: LogHeader, writer: LogWriter | None):
        self.engine, self.header, self.writer = engine, header, writer
        self._subscribers: list[Subscriber] = []
        self.events: list[Event] = []
        """Every event of this session so far (UIs and the live scorer read it)."""

    @classmethod
    def start(cls, pack: Pack, seed: int, seats: dict[str, Seat], log: Path | None = None) -> "Session":
        """A new exercise; with `log`, a new log file (refused if one exists there)."""
        engine = Engine(pack, seed, seats)
        header = header_for(pack, seed, engine.seats)
        writer = None
        if log is not None:
            writer = LogWriter(log)
        session = cls(engine, header, writer)
        try:
            if writer is not None:
                writer.header(header)
            session._record(engine.drain())
        except BaseException:
            session.close_quietly()  # a log that could not be started is not held open (nor locked)
            raise
        return session

    @classmethod
    def resume(cls, log: Path, pack: Pack | None = None) -> "Session":
        """Continue an exercise from its log after a crash (see `replay.resume_session`)."""
        from .replay import resume_session

        return resume_session(log, pack)

    # ---- the API the UI and the CLI use -------------------------------------------------------------

    @property
    def now(self) -> float:
        return self.engine.now

    @property
    def ended(self) -> bool:
        return self.engine.ended

    def subscribe(self, fn: Subscriber) -> None:
        """Call `fn` with every future event."""
        self._subscribers.append(fn)

    def advance_to(self, t: float) -> list[Event]:
        """Move exercise time forward to minute `t` (moved onto the time grid: see timegrid)."""
        self._writable()
        events = self.engine.advance_to(on_grid(float(t)))
        self._record(events)
        return events

    def run_to_end(self) -> list[Event]:
        return self.advance_to(self.engine.end_time)

    def submit(self, cmd: C.CommandBase) -> list[Event]:
        """Log the command durably, then apply it at the current minute.

        Raises LogWriteFailed when the log cannot be written: the command is then not applied,
        and the log is as it was before.
        """
        cmd = cmd.model_copy(update={"t": self.engine.t, "wall_time": wall_now()})
        if self.writer is not None:
            self.writer.command(cmd)
        events = self.engine.apply(cmd)
        try:
            self._record(events)
        except LogWriteFailed:
            pass  # the command is on disk and applied; its events are owed, and the next write reports the disk
        return events

    def close(self) -> None:
        writer, self.writer = self.writer, None
        if writer is not None:
            writer.close()

    def close_quietly(self) -> None:
        """Close after another error (that error is the one to report)."""
        try:
            self.close()
        except LogError:
            pass

    def _writable(self) -> None:
        """Stop here while the log still owes a failed write: the engine never runs ahead of its log."""
        if self.writer is not None:
            self.writer.flush()

    def _record(self, events: list[Event]) -> None:
        if not events:
            return
        # The engine has applied these: they are the session's before the log write is tried.
        # Events are regenerated on replay; one the disk refused waits for the next write.
        self.events.extend(events)
        for fn in self._subscribers:
            for e in events:
                fn(e)
        if self.writer is not None:
            self.writer.events(events)
