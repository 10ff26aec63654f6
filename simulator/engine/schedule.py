"""The scheduled injects: delivered at their minutes by one SimPy event, re-armed for each next minute.

Why not a SimPy process: a process resumes its generator through SimPy's `Process._resume` for
every inject, and makes a new Timeout each time; on a large MSEL that bookkeeping was a fifth
of the engine's time. The wake-up is queued exactly where the process queued its timeouts (the
first from an urgent start event at minute 0, as a process starts; each next one once the
injects due at the present minute are delivered), at the same tick, so every event comes in
the same order and the log is the same, line for line. Scenario minutes are on the time grid
(models.base.Minutes), so an inject's tick is exact and "later than now" means the same in
ticks as in minutes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import simpy
from simpy.core import URGENT

from ..models import Inject
from ..timegrid import to_ticks

if TYPE_CHECKING:
    from .core import Engine


class Schedule:
    """Delivers `injects`, given as (minute, inject) in the order of their minutes."""

    def __init__(self, engine: "Engine", injects: list[tuple[float, Inject]]):
        self._engine = engine
        self._ahead: Iterator[tuple[int, Inject]] = iter([(to_ticks(at), inj) for at, inj in injects])
        self._next: tuple[int, Inject] | None = next(self._ahead, None)
        self._wakeup = simpy.Event(engine.env)
        self._wakeup._ok, self._wakeup._value = True, None  # a plain event, triggered by hand
        self._wakeup.callbacks.append(self._wake)
        engine.env.schedule(self._wakeup, URGENT)

    def _wake(self, _event: simpy.Event) -> None:
        engine, item, ahead = self._engine, self._next, self._ahead
        env, cued, deliver = engine.env, engine._cued, engine._deliver
        now = env._now  # in ticks; a callback runs within one tick: nothing here moves the clock
        while item is not None:
            at, inj = item
            if at > now:
                self._next = item
                # SimPy has processed the event and let go of it (its callbacks are None): it is
                # re-armed and queued again rather than a new one made per inject.
                self._wakeup.callbacks = [self._wake]
                env.schedule_at_tick(self._wakeup, at)
                return
            if inj.delay == 0 and inj.id not in cued:  # the common case, without the detour through _cue
                cued.add(inj.id)
                deliver(inj, "scheduled")
            else:
                engine._cue(inj, "scheduled")
            item = next(ahead, None)
        self._next = None
