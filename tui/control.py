"""Exercise control: the one object the exercise screen uses to drive the session.

It owns the wall-to-exercise clock (`simulator.clock.ExerciseClock`) and turns facilitator
intents (pause, speed, jump, end) into logged commands. A Textual timer calls `tick`, which
calls the session's `advance_to`; nothing here sleeps, and `RealtimeEnvironment` is never used.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from simulator.clock import ExerciseClock
from simulator.engine import commands as C
from simulator.engine import events as E
from simulator.session import Session

from .config import nearest_speed

FAC = C.FACILITATOR


class ExerciseControl:
    def __init__(self, session: Session, speed: float = 1.0, wall: Callable[[], float] = time.monotonic):
        self.session, self.wall = session, wall
        for e in session.events:  # a resumed exercise keeps its last speed
            if isinstance(e, E.SpeedChanged):
                speed = e.speed
        self.clock = ExerciseClock(speed=speed, paused=True)
        self.clock.jump(session.now, wall())

    @property
    def paused(self) -> bool:
        return self.clock.paused

    @property
    def speed(self) -> float:
        return self.clock.speed

    @property
    def ended(self) -> bool:
        return self.session.ended

    def tick(self) -> None:
        """Move the exercise to the minute the clock shows now."""
        if self.clock.paused or self.session.ended:
            return
        minute = self.clock.minute(self.wall())
        if minute > self.session.now:
            self.session.advance_to(minute)

    def submit(self, cmd: C.CommandBase) -> list[E.Event]:
        """Log the command durably, then apply it (the session does both)."""
        return self.session.submit(cmd)

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

    def change_speed(self, step: int) -> None:
        speed = nearest_speed(self.clock.speed, step)
        if speed != self.clock.speed and not self.session.ended:
            self.tick()
            self.submit(C.SetSpeed(by=FAC, speed=speed))
            self.clock.set_speed(speed, self.wall())

    def jump_to_next(self) -> float | None:
        """Jump the clock to the next scheduled inject and deliver it; the minute, or None."""
        if self.session.ended:
            return None
        self.tick()
        jumped = next((e for e in self.submit(C.JumpToNext(by=FAC)) if isinstance(e, E.ClockJumped)), None)
        if jumped is None:
            return None
        # advance_to stops just before its minute; a hundredth more delivers what is due then.
        target = jumped.to + 0.01
        self.clock.jump(target, self.wall())
        self.session.advance_to(target)
        return jumped.to

    def end(self) -> None:
        if not self.session.ended:
            self.tick()
            self.submit(C.EndExercise(by=FAC))

    def close(self) -> None:
        """Flush and close the log (safe to call twice)."""
        self.session.close()
