"""The engine's clockwork: scheduled injects delivered at their minutes, and the dynamics' tick.

Why not SimPy processes: a process resumes its generator through SimPy's `Process._resume` at
every step and makes a new Timeout each time; on a large MSEL that bookkeeping was a fifth of
the engine's time. Each part here is driven by one plain event, re-armed for its next minute
(Wakeup). It is queued exactly where the process queued its timeouts (first from an urgent
start event at the minute it is made, as a process starts; each next one once the work of the
present minute is done), at the same tick, so every event comes in the same order and the log
is the same, line for line. Scenario minutes are on the time grid (models.base.Minutes), so an
inject's tick is exact and "later than now" means the same in ticks as in minutes.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import simpy
from simpy.core import URGENT

from ..loading.pack import Route
from ..models import Inject
from ..timegrid import GridEnvironment, to_ticks
from .history import compiled

if TYPE_CHECKING:
    from .core import Engine


class Wakeup:
    """Calls `call` now (as a process would start) and then at each tick it is set for (`at`)."""

    def __init__(self, env: GridEnvironment, call: Callable[[simpy.Event], None]):
        self._env, self.call = env, call
        self._event = simpy.Event(env)
        self._event._ok, self._event._value = True, None  # a plain event, triggered by hand
        self._event.callbacks.append(call)
        env.schedule(self._event, URGENT)

    def at(self, tick: int) -> None:
        """Call again at `tick` (not before now). SimPy has processed the event and let go of it
        (its callbacks are None), so it is re-armed and queued again, not made anew."""
        self._event.callbacks = [self.call]
        self._env.schedule_at_tick(self._event, tick)


class Schedule:
    """Delivers `injects`, given as (minute, inject) in the order of their minutes."""

    def __init__(self, engine: "Engine", injects: list[tuple[float, Inject]]):
        self._engine = engine
        routes = engine.pack.routes
        # What delivering each one reads, kept together in order (see Engine._deliver_routed).
        self._ahead: Iterator[tuple[int, str, bool, Route]] = iter(
            [(to_ticks(at), inj.id, inj.delay == 0, routes[inj.id]) for at, inj in injects])
        self._next = next(self._ahead, None)
        self._wakeup = Wakeup(engine.env, self._deliver_due)

    def _deliver_due(self, _event: simpy.Event) -> None:
        engine, item, ahead = self._engine, self._next, self._ahead
        cued, deliver = engine._cued, engine._deliver_routed
        now = engine.env._now  # in ticks; nothing here moves the clock
        while item is not None:
            at, iid, at_once, route = item
            if at > now:
                self._next = item
                self._wakeup.at(at)
                return
            if at_once and iid not in cued:  # the common case, without the detour through _cue
                cued.add(iid)
                deliver(iid, route, "scheduled")
            else:
                engine._cue(engine.pack.injects[iid], "scheduled")
            item = next(ahead, None)
        self._next = None


class Dynamics:
    """Every clock tick, each dynamic whose condition holds moves its variable by its rate and its noise."""

    def __init__(self, engine: "Engine", rng: random.Random):
        self._engine, self._rng = engine, rng
        tick = engine.pack.scenario.clock.tick
        self._tick = to_ticks(tick)  # the ticks SimPy's timeout(tick) was queued after
        self._rules = [(d.var, d.rate * tick, d.noise, None if d.when is None else compiled(d.when))
                       for d in engine.pack.scenario.dynamics]
        self._wakeup = Wakeup(engine.env, self._start)

    def _start(self, _event: simpy.Event) -> None:
        self._wakeup.call = self._step
        self._wakeup.at(self._engine.env.ticks + self._tick)

    def _step(self, _event: simpy.Event) -> None:
        engine, rng = self._engine, self._rng
        h = engine.history
        h.now = engine.env.now
        deltas: dict[str, float] = {}
        for var, step, noise, test in self._rules:
            if test is None or test(h):
                deltas[var] = deltas.get(var, 0.0) + step + (rng.gauss(0, noise) if noise else 0.0)
        if deltas:
            engine._apply_effects(deltas, "dynamics")
        self._wakeup.at(engine.env.ticks + self._tick)
