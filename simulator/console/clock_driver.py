"""Exercise control: the one object the exercise screen uses to drive the session.

It owns the wall-to-exercise clock (`simulator.clock.ExerciseClock`) and turns facilitator
intents (pause, speed, jump, end) into logged commands. A console's timer (a Textual timer, or the room host's loop) calls `tick`, which
calls the session's `advance_to`; nothing here sleeps, and `RealtimeEnvironment` is never used.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable

from simulator.clock import ExerciseClock
from simulator.engine import commands as C
from simulator.engine import events as E
from simulator.log import LogWriteFailed
from simulator.session import Session


FAC = C.FACILITATOR

SPEEDS = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0, 120.0)
"""Clock speeds the facilitator steps through (exercise minutes per wall minute)."""


def nearest_speed(speed: float, step: int) -> float:
    """The next speed up (step > 0) or down from `speed` on the facilitator's ladder."""
    if step > 0:
        return next((s for s in SPEEDS if s > speed + 1e-9), SPEEDS[-1])
    return next((s for s in reversed(SPEEDS) if s < speed - 1e-9), SPEEDS[0])


def _holds_on_fault(method):
    """A log that cannot be written (a full disk) pauses the clock and is reported, never raised.

    The session has already refused the write and kept its log as it was; here the console
    stops the clock, so nothing more is sent until someone tries again (Space retries), and
    tells the screen through `on_fault`. Only the outermost intent catches, so a failed command
    inside one intent (pause, then resume) stops the rest of it. The intent returns None.
    """

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        if self._busy:
            return method(self, *args, **kwargs)
        self._busy = True
        try:
            return method(self, *args, **kwargs)
        except LogWriteFailed as exc:
            self.fault = exc
            if not self.clock.paused:
                self.clock.pause(self.wall())
            self.on_fault(exc)
            return None
        finally:
            self._busy = False

    return guarded


class ExerciseControl:
    def __init__(self, session: Session, speed: float = 1.0, wall: Callable[[], float] = time.monotonic):
        self.session, self.wall = session, wall
        for e in session.events:  # a resumed exercise keeps its last speed
            if isinstance(e, E.SpeedChanged):
                speed = e.speed
        self.clock = ExerciseClock(speed=speed, paused=True)
        self.clock.jump(session.now, wall())
        self.fault: LogWriteFailed | None = None
        """The last write the log refused, until a command is logged again."""
        self.on_fault: Callable[[LogWriteFailed], None] = lambda exc: None
        self._busy = False

    @property
    def paused(self) -> bool:
        return self.clock.paused

    @property
    def speed(self) -> float:
        return self.clock.speed

    @property
    def ended(self) -> bool:
        return self.session.ended

    @_holds_on_fault
    def tick(self) -> None:
        """Move the exercise to the minute the clock shows now."""
        if self.clock.paused or self.session.ended:
            return
        minute = self.clock.minute(self.wall())
        if minute > self.session.now:
            self.session.advance_to(minute)

    @_holds_on_fault
    def submit(self, cmd: C.CommandBase) -> list[E.Event] | None:
        """Log the command durably, then apply it (the session does both); None if the log refused it."""
        events = self.session.submit(cmd)
        self.fault = None
        return events

    @_holds_on_fault
    def toggle_pause(self) -> None:
        if self.session.ended:
            return
        self.tick()
        if self.clock.paused:
            self.submit(C.Resume(by=FAC))
            self.clock.resume(self.wall())
        else:
            self.submit(C.Pause(by=FAC))
            self.clock.pause(self.wall())

    @_holds_on_fault
    def change_speed(self, step: int) -> None:
        self.set_speed(nearest_speed(self.clock.speed, step))

    @_holds_on_fault
    def set_speed(self, speed: float) -> None:
        """Run the clock at `speed` exercise minutes per wall minute (a room's facilitator sends one)."""
        if speed != self.clock.speed and not self.session.ended:
            self.tick()
            self.submit(C.SetSpeed(by=FAC, speed=speed))
            self.clock.set_speed(speed, self.wall())

    @_holds_on_fault
    def jump_to_next(self) -> float | None:
        """Jump the clock to the next scheduled inject and deliver it; the minute, or None.
        `last_jump` then holds what happened on the way (for the console to say what it skipped)."""
        if self.session.ended:
            return None
        self.tick()
        jumped = next((e for e in self.submit(C.JumpToNext(by=FAC)) if isinstance(e, E.ClockJumped)), None)
        if jumped is None:
            return None
        self._advance_for(jumped)
        return jumped.to

    @_holds_on_fault
    def jump_to(self, minute: float, through_deadlines: bool = False, module: str | None = None) -> E.ClockJumped | None:
        """Jump forward to `minute` (the engine stops it before the next deadline unless told to
        go through); the logged jump, or None when refused. `last_jump` holds what happened on the way."""
        if self.session.ended:
            return None
        self.tick()
        events = self.submit(C.JumpTo(by=FAC, to=minute, through_deadlines=through_deadlines, module=module)) or []
        jumped = next((e for e in events if isinstance(e, E.ClockJumped)), None)
        if jumped is not None:
            self._advance_for(jumped)
        return jumped

    def _advance_for(self, jumped: E.ClockJumped) -> None:
        # advance_to stops just before its minute; a hundredth more delivers what is due then.
        # A jump held before a deadline stops at its minute: the deadline is still ahead.
        start = self.session.now
        target = jumped.to if jumped.held_by else jumped.to + 0.01
        self.clock.jump(target, self.wall())
        self.last_jump = (start, jumped, self.session.advance_to(target))

    last_jump: tuple[float, E.ClockJumped, list[E.Event]] | None = None
    """The last jump: the minute it left, its ClockJumped event, and the events on the way."""

    @_holds_on_fault
    def end(self) -> None:
        if not self.session.ended:
            self.tick()
            self.submit(C.EndExercise(by=FAC))

    def close(self) -> None:
        """Flush and close the log (safe to call twice); a failed last write is reported, not raised."""
        try:
            self.session.close()
        except LogWriteFailed as exc:
            self.fault = exc
            self.on_fault(exc)
