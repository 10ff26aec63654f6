"""Exercise time on an exact grid: whole ticks of 1/10,000 of a minute.

Why: the log is the truth and must replay exactly. Floating-point minutes drift: SimPy's
`run(until=t)` lands on `now + (t - now)`, so a console ticking in small steps and a replay
jumping straight to the next command reached "the same" minute as different floats
(6.4356 against 6.435600000000001) and the log no longer verified. On the grid, the engine
counts whole ticks (integers add exactly), and every minute it hands out is `ticks / 10_000`,
the float nearest that decimal, so the same moment is always the same number, and prints as
a short decimal (`6.4356`) in the log.

A tick is 6 ms of exercise time: finer than any console tick or scenario needs, coarse
enough that the float error of ordinary minute arithmetic (far below 1e-9) always rounds
back to the right tick.
"""

from __future__ import annotations

import math
from heapq import heappush

import simpy
from simpy.core import NORMAL

TICKS_PER_MINUTE = 10_000
"""Grid resolution. Scenario times may carry at most 4 decimals (see models.base.Minutes)."""


def to_ticks(minutes: float) -> int:
    """The nearest whole tick to `minutes` (finite numbers only)."""
    return round(minutes * TICKS_PER_MINUTE)


def from_ticks(ticks: int) -> float:
    return ticks / TICKS_PER_MINUTE


def on_grid(minutes: float) -> float:
    """`minutes` moved to the nearest grid point: the one float every path to that moment gives."""
    return round(minutes * TICKS_PER_MINUTE) / TICKS_PER_MINUTE


def is_on_grid(minutes: float) -> bool:
    return math.isfinite(minutes) and on_grid(minutes) == minutes


def later(minute: float, span: float) -> float:
    """`minute + span` on the grid (a due time, a deadline): exact, whatever the float sum gives."""
    return (to_ticks(minute) + to_ticks(span)) / TICKS_PER_MINUTE


class GridEnvironment(simpy.Environment):
    """A SimPy environment that counts whole ticks inside and speaks minutes outside.

    Delays and `run(until=...)` take minutes, as in plain SimPy; each is moved onto the grid
    where it is scheduled, so every event happens at an exact tick. `now` is in minutes.
    """

    def __init__(self) -> None:
        super().__init__(initial_time=0)

    @property
    def now(self) -> float:
        return self._now / TICKS_PER_MINUTE

    @property
    def ticks(self) -> int:
        """The current time in whole ticks."""
        return int(self._now)

    def peek(self) -> float:
        try:
            return self._queue[0][0] / TICKS_PER_MINUTE
        except IndexError:
            return math.inf

    def schedule(self, event, priority=NORMAL, delay=0) -> None:
        # `delay` is in minutes; the one place time enters the queue, so the one place it is gridded.
        heappush(self._queue, (self._now + round(delay * TICKS_PER_MINUTE) if delay else self._now,
                               priority, next(self._eid), event))

    def schedule_at_tick(self, event, tick: int, priority=NORMAL) -> None:
        """Queue `event` at the whole tick `tick` (not before now): for a caller that keeps its
        times in ticks already, so no minute arithmetic is needed. Queued exactly as `schedule`
        would queue it with the delay from now to that tick."""
        heappush(self._queue, (tick, priority, next(self._eid), event))
