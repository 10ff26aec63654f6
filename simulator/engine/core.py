"""The engine: a seeded SimPy world in exercise minutes that turns commands into events.

Why: the core is pure. Given a scenario pack, a seed and the same timed commands it emits the
same events, always; it never sleeps, reads the wall clock, or touches a UI.
"""

from __future__ import annotations

import gc
import random
from collections.abc import Callable

import simpy

from .. import judge
from ..loading.pack import Pack, Route
from ..models import Expectation, Inject
from ..statements import Result, kept
from ..timegrid import GridEnvironment, on_grid
from . import commands as C
from . import events as E
from .acts import Acts
from .clockwork import Dynamics, Schedule
from .history import History, compiled, dependencies, time_thresholds
from .plan_steps import PlanSteps
from .seats import Seat
from .staff import STAFF_VERSION, StaffMember
from .staff_v1 import StaffMember as StaffMemberV1
from .staff_v2 import StaffMember as StaffMemberV2


class Engine(PlanSteps, Acts):
    """Plays one exercise. Drive it with `advance_to`, `step` and `apply`; read events from their return values."""

    def __init__(self, pack: Pack, seed: int, seats: dict[str, Seat] | None = None, staff_version: int = STAFF_VERSION,
                 keep_verdicts: bool = True):
        self.pack, self.seed = pack, seed
        # Logs replay with the staff that played them (staff_v1 says why); new exercises get today's.
        self._staff_class: type[StaffMember | StaffMemberV1] = (
            StaffMemberV1 if staff_version <= 1 else StaffMemberV2 if staff_version == 2 else StaffMember)
        sc = pack.scenario
        self.roles = list(sc.roles)
        self.seats = {r: (seats or {}).get(r, Seat()) for r in self.roles}
        self.env = GridEnvironment()  # exact ticks inside, minutes outside (see timegrid)
        self.end_time = on_grid(sc.clock.duration)
        self.history = History(state={v.id: v.initial for v in sc.state})
        # Each text judged is logged with its verdicts, which replay takes back (statements/kept.py);
        # a log written before verdicts were kept replays with the checker of the day instead.
        self.history.on_judged = self._judged if keep_verdicts else None
        self._bounds = {v.id: (v.min, v.max) for v in sc.state}
        self._out: list[E.Event] = []
        self.ended = False
        self._cued: set[str] = set()
        self._routes = pack.routes
        # Pending triggers (injects first, then plan steps, each in file order), indexed by the
        # facts they read so a change re-checks only the conditions that can have changed.
        self._pending: dict[int, tuple[Inject | Expectation, Callable]] = {}
        self._watch: dict[tuple[str, str], list[int]] = {}
        self._touched: set[tuple[str, str]] = set()
        steps = pack.plan.expectations
        untriggered_steps = [e for e in steps if e.trigger is None]  # no trigger: the clock starts at minute 0
        items: list[Inject | Expectation] = [i for i in sc.injects if i.trigger is not None]
        items += [e for e in steps if e.trigger is not None]
        for order, item in enumerate(items):
            self._pending[order] = (item, compiled(item.trigger))
            for key in dependencies(item.trigger):  # every condition reads at least one fact
                self._watch.setdefault(key, []).append(order)
        # Shared with the mixins: declared, with what they mean, in base.EngineBase.
        self.open_expectations = {}
        self.met = set()
        self.open_decisions = {}
        self.taken = {}
        self.overruled = {}
        self.requests = {}
        self.unavailable = set()
        self._rule_effects_done = set()
        self._adhoc = 0
        self._settling = False
        self._progress = self.env.event()
        self._dynamics_rng = random.Random(f"{seed}:dynamics")
        rule = pack.plan.reporting
        # What staff are told of besides high and critical news: what the plan's reporting rule
        # calls serious, and decisions (they advise). Anything else passes them by, cheaply.
        self._staff_hears = frozenset(i.id for i in sc.injects
                                      if i.decision is not None or (rule is not None and i.severity in rule.severities))
        self.staff = {r: self._staff_class(self, r, s, random.Random(f"{seed}:staff:{r}"))
                      for r, s in self.seats.items() if s.kind == "staff"}

        self.env.process(self._end_of_clock())  # first process: it wins ties at the end of the clock
        self._emit(E.ExerciseStarted(t=0, scenario=sc.id, seed=seed))
        scheduled = sorted(((i.at, i) for i in sc.injects if i.at is not None), key=lambda pair: pair[0])
        if scheduled:
            Schedule(self, scheduled)
        for m in sc.modules:
            self.env.process(self._module(m))
        if sc.dynamics:
            Dynamics(self, self._dynamics_rng)
        conds = [item.trigger for item, _test in self._pending.values()]
        for t in sorted(set().union(*(time_thresholds(c) for c in conds))):
            if 0 < t < self.end_time:
                self.env.process(self._wake_at(t))
        for exp in untriggered_steps:
            self._trigger_expectation(exp)
        self._watched_state = {key: (kind, key) for kind, key in self._watch if kind == "state"}
        """State variable -> its key in _watch, for the variables some trigger reads."""
        self._watched_deliveries = {key for kind, key in self._watch if kind == "delivered"}
        self._touched = set(self._watch)  # everything may hold from the start
        self._settle()

    # ---- driving -------------------------------------------------------------------------

    @property
    def now(self) -> float:
        return self.env.now

    def drain(self) -> list[E.Event]:
        """Events emitted since the last drain."""
        out, self._out = self._out, []
        return out

    def advance_to(self, t: float) -> list[E.Event]:
        """Process every event before minute `t` (and the end of the clock, when `t` reaches it).

        `t` is moved onto the time grid first, so however a caller slices time (many small
        console ticks or one jump to the next command) the engine stops at the same exact tick.
        """
        if not self.ended:
            t = min(on_grid(t), self.end_time)
            # The cyclic garbage collector is held while the engine runs a stretch of events: the
            # engine allocates many small, acyclic objects (events, SimPy timeouts) that plain
            # reference counting frees, and collector passes over them cost a third of a long run.
            # It is switched back on, as it was, when the stretch ends (inline, not a context
            # manager: consoles advance the clock in many small steps).
            collecting = gc.isenabled()
            gc.disable()
            try:
                if t > self.env.now:
                    self.env.run(until=t)
                while t >= self.end_time and not self.ended:
                    self.env.step()
            finally:
                if collecting:
                    gc.enable()
        return self.drain()

    def step(self) -> list[E.Event]:
        """Process one SimPy event (replay uses this to match a log event by event)."""
        if not self.ended:
            self.env.step()
        return self.drain()

    def run_to_end(self) -> list[E.Event]:
        return self.advance_to(self.end_time)

    def next_inject_time(self) -> float | None:
        """Minute of the next scheduled inject not yet delivered."""
        times = [i.at for i in self.pack.scenario.injects
                 if i.at is not None and i.id not in self._cued and i.at > self.env.now]
        return min(times) if times else None

    # ---- emitting and state ---------------------------------------------------------------

    def _judged(self, text: str, result: Result) -> None:
        self._emit(E.StatementJudged(t=self.t, text=text, verdicts=kept.to_data(result), unread=result.unread))

    def _emit(self, event: E.Event, after_end: bool = False) -> None:
        if not self.ended or after_end:
            self._out.append(event)

    @property
    def t(self) -> float:
        # On the grid already: the environment counts whole ticks (see timegrid).
        return self.env.now

    def _touch(self, kind: str, key: str = "") -> None:
        if (kind, key) in self._watch:
            self._touched.add((kind, key))

    def _apply_effects(self, effects: dict[str, float], cause: str, notify: bool = True, now: float | None = None) -> None:
        """Add `effects` to the state, within each variable's bounds, and say what changed (`now`:
        the present minute, when the caller has it at hand)."""
        changed = {}
        state, bounds, watched = self.history.state, self._bounds, self._watched_state
        for var, delta in effects.items():
            old = state[var]
            new = old + delta
            lo, hi = bounds[var]
            if new > hi:
                new = hi
            elif new < lo:
                new = lo
            if new != old:
                state[var] = changed[var] = new
                key = watched.get(var)
                if key is not None:
                    self._touched.add(key)
        if changed and not self.ended:
            self._out.append(E.state_changed(self.env.now if now is None else now, changed, cause))
            if notify:
                self._changed()

    def _changed(self) -> None:
        """Something happened: re-check triggers, then wake staff waiting on progress."""
        if self._touched:
            self._settle()
        if self._progress.callbacks:
            self._progress.succeed()
            self._progress = self.env.event()

    def progress(self) -> simpy.Event:
        """An event that fires the next time anything changes (staff wait on it)."""
        return self._progress

    def _settle(self) -> None:
        if self._settling:
            return  # the running settle loop picks up what was touched
        self._settling, h = True, self.history
        try:
            while self._touched and not self.ended:
                touched, self._touched = self._touched, set()
                h.now = self.env.now
                watch, pending = self._watch, self._pending
                if len(touched) == 1:
                    candidates = watch.get(next(iter(touched)), ())  # already in file order
                else:
                    candidates = sorted({o for key in touched for o in watch.get(key, ())})
                for order in candidates:
                    entry = pending.get(order)
                    if entry is None:
                        continue
                    item, test = entry
                    if test(h):
                        del self._pending[order]
                        if isinstance(item, Inject):
                            self._cue(item, "trigger")
                        else:
                            self._trigger_expectation(item)
        finally:
            self._settling = False

    # ---- processes -------------------------------------------------------------------------

    def _end_of_clock(self):
        yield self.env.timeout(self.end_time)
        self._end("clock")

    def _end(self, reason: E.EndReason) -> None:
        if not self.ended:
            self._emit(E.ExerciseEnded(t=self.t, reason=reason))
            self.ended = True

    def _module(self, module):
        if module.starts_at > 0:
            yield self.env.timeout(module.starts_at)
        self._emit(E.ModuleStarted(t=self.t, module=module.id, title=module.title))
        for member in list(self.staff.values()):
            member.module_started(module)

    def _wake_at(self, t: float):
        yield self.env.timeout(t)
        self._touch("time")
        self._changed()

    def _delayed(self, delay: float, inj: Inject, cue: str):
        yield self.env.timeout(delay)
        self._deliver(inj, cue)

    # ---- injects, decisions, expectations -------------------------------------------------------------

    def _cue(self, inj: Inject, cue: str) -> None:
        if inj.id in self._cued or self.ended:
            return
        self._cued.add(inj.id)
        if inj.delay > 0:
            self.env.process(self._delayed(inj.delay, inj, cue))
        else:
            self._deliver(inj, cue)

    def recipients(self, to) -> list[str]:
        return list(self.roles) if to == "all" else list(to)

    def _deliver(self, inj: Inject, cue: str) -> None:
        self._deliver_routed(inj.id, self._routes[inj.id], cue)

    def _deliver_routed(self, iid: str, route: Route, cue: str) -> None:
        """Deliver inject `iid`, whose route is `route`.

        Why the route is passed, and the inject itself read only when it asks for more than a
        delivery: the schedule keeps each route with its inject's minute, so the common delivery
        reads neither the inject nor the routes table. A large MSEL's injects lie far apart in
        memory, and each read of one was a cache miss (a sixth of the engine's time).
        """
        if self.ended:
            return
        to, cause, serious, availability, channel, severity, title, decision, effects = route
        to = to or self.roles
        now = self.env.now
        self._out.append(E.inject_delivered(now, iid, to, channel, severity, title, cue))
        self.history.delivered[iid] = now
        if iid in self._watched_deliveries:
            self._touched.add(("delivered", iid))
        if availability:
            self._set_availability(self.pack.injects[iid])
        if decision is not None:
            self._open_decision(self.pack.injects[iid], decision, to)
        if self.staff and (serious or iid in self._staff_hears):
            inj = self.pack.injects[iid]
            for role in to:
                if role in self.staff:
                    self.staff[role].delivered(inj, to, serious)
        if effects:
            self._apply_effects(effects, cause, False, now)
        if self._touched or self._progress.callbacks:
            self._changed()

    # ---- commands -----------------------------------------------------------------------------------

    def apply(self, cmd: C.CommandBase) -> list[E.Event]:
        """Apply one command at the current minute; return the events it caused."""
        from .apply import apply_command

        if self.ended and cmd.type not in C.AFTER_END:
            self._out.append(E.CommandRejected(t=self.t, command=cmd.type, by=cmd.by, reason="the exercise has ended"))
        else:
            reason = apply_command(self, cmd)
            if reason is not None:
                self._emit(E.CommandRejected(t=self.t, command=cmd.type, by=cmd.by, reason=reason), after_end=True)
        return self.drain()

    def end(self) -> None:
        self._end("facilitator")

    def take_seat(self, role: str, seat: Seat) -> None:
        """Hand a seat to a person or to simulated staff; new staff pick up the role's open work."""
        old = self.staff.pop(role, None)
        if old is not None:
            old.retired = True  # its pending processes check this and stand down
        self.seats[role] = seat
        self._emit(E.SeatTaken(t=self.t, role=role, seat=seat.kind, policy=seat.policy if seat.kind == "staff" else None,
                               competence=seat.competence if seat.kind == "staff" else None))
        if seat.kind != "staff":
            return
        # A fresh stream per hand-over keeps replays exact however often a seat changes hands.
        member = self.staff[role] = self._staff_class(self, role, seat,
                                                      random.Random(f"{self.seed}:staff:{role}:{float(self.t)!r}"))
        steps = self.pack.expectations
        for exp_id in list(self.open_expectations):
            exp = steps[exp_id]
            if self.acting_for(exp.role) == role:
                self.env.process(member.fulfil(exp))
        for inject_id, decider in list(self.open_decisions.items()):
            if decider == role:
                self.env.process(member.decide(self.pack.injects[inject_id]))
        for request_id, req in list(self.requests.items()):
            if req["status"] == "pending" and judge.approves_for(self.pack.roles, req["to"], role, self.unavailable.__contains__):
                self.env.process(member.answer(request_id))

    def adhoc_id(self) -> str:
        self._adhoc += 1
        return f"adhoc-{self._adhoc}"
