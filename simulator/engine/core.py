"""The engine: a seeded SimPy world in exercise minutes that turns commands into events.

Why: the core is pure. Given a scenario pack, a seed and the same timed commands it emits the
same events, always; it never sleeps, reads the wall clock, or touches a UI.
"""

from __future__ import annotations

import gc
import random
from contextlib import contextmanager
from typing import Any

import simpy

from ..loading.pack import Pack
from ..models import Expectation, Inject
from . import commands as C
from . import events as E
from .history import History, Statement, dependencies, time_thresholds
from .seats import Seat
from .staff import StaffMember


@contextmanager
def _no_gc_pauses():
    """Hold the cyclic garbage collector while the engine runs a stretch of events.

    Why: the engine allocates many small, acyclic objects (events, SimPy timeouts) that plain
    reference counting frees; collector passes over them cost a third of a long run. It is
    switched back on, as it was, when the stretch ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Engine:
    """Plays one exercise. Drive it with `advance_to`, `step` and `apply`; read events from their return values."""

    def __init__(self, pack: Pack, seed: int, seats: dict[str, Seat] | None = None):
        self.pack, self.seed = pack, seed
        sc = pack.scenario
        self.roles = list(sc.roles)
        self.seats = {r: (seats or {}).get(r, Seat()) for r in self.roles}
        self.env = simpy.Environment()
        self.end_time = sc.clock.duration
        self.history = History(state={v.id: v.initial for v in sc.state})
        self._bounds = {v.id: (v.min, v.max) for v in sc.state}
        self._out: list[E.Event] = []
        self.ended = False
        self._cued: set[str] = set()
        # Pending triggers (injects first, then plan steps, each in file order), indexed by the
        # facts they read so a change re-checks only the conditions that can have changed.
        self._pending: dict[int, Inject | Expectation] = {}
        self._watch: dict[tuple[str, str], list[int]] = {}
        self._touched: set[tuple[str, str]] = set()
        untriggered_steps = []
        items = [i for i in sc.injects if i.trigger is not None] + list(pack.plan.expectations)
        for order, item in enumerate(items):
            deps = dependencies(item.trigger)
            if not deps:
                untriggered_steps.append(item)  # no trigger: the clock starts at minute 0
                continue
            self._pending[order] = item
            for key in deps:
                self._watch.setdefault(key, []).append(order)
        self.open_expectations: dict[str, float] = {}
        """Triggered, unmet plan steps -> due minute."""
        self.met: set[str] = set()
        self.open_decisions: dict[str, str] = {}
        """Decision inject id -> deciding role."""
        self.requests: dict[str, dict[str, Any]] = {}
        self._adhoc = 0
        self._rule_effects_done: set[str] = set()
        self._settling = False
        self._progress = self.env.event()
        self._dynamics_rng = random.Random(f"{seed}:dynamics")
        self.staff = {r: StaffMember(self, r, s, random.Random(f"{seed}:staff:{r}"))
                      for r, s in self.seats.items() if s.kind == "staff"}

        self.env.process(self._end_of_clock())  # first process: it wins ties at the end of the clock
        self._emit(E.ExerciseStarted(t=0, scenario=sc.id, seed=seed))
        scheduled = sorted((i for i in sc.injects if i.at is not None), key=lambda i: i.at)
        if scheduled:
            self.env.process(self._scheduled(scheduled))
        for m in sc.modules:
            self.env.process(self._module(m))
        if sc.dynamics:
            self.env.process(self._dynamics())
        conds = [item.trigger for item in self._pending.values()]
        for t in sorted(set().union(*(time_thresholds(c) for c in conds))):
            if 0 < t < self.end_time:
                self.env.process(self._wake_at(t))
        for exp in untriggered_steps:
            self._trigger_expectation(exp)
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
        """Process every event before minute `t` (and the end of the clock, when `t` reaches it)."""
        if not self.ended:
            t = min(t, self.end_time)
            with _no_gc_pauses():
                if t > self.env.now:
                    self.env.run(until=t)
                while t >= self.end_time and not self.ended:
                    self.env.step()
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

    def _emit(self, event: E.Event) -> None:
        if not self.ended:
            self._out.append(event)

    @property
    def t(self) -> float:
        return round(self.env.now, 4)

    def _touch(self, kind: str, key: str = "") -> None:
        if (kind, key) in self._watch:
            self._touched.add((kind, key))

    def _apply_effects(self, effects: dict[str, float], cause: str, notify: bool = True) -> None:
        changed = {}
        state, bounds, watch = self.history.state, self._bounds, self._watch
        for var, delta in effects.items():
            lo, hi = bounds[var]
            old = state[var]
            new = round(min(hi, max(lo, old + delta)), 4)
            if new != old:
                state[var] = changed[var] = new
                if ("state", var) in watch:
                    self._touched.add(("state", var))
        if changed and not self.ended:
            self._out.append(E.StateChanged(t=round(self.env.now, 4), values=changed, cause=cause))
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
                candidates = sorted({o for key in touched for o in self._watch.get(key, ()) if o in self._pending})
                for order in candidates:
                    item = self._pending.get(order)
                    if item is not None and h.holds(item.trigger):
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

    def _end(self, reason: str) -> None:
        if not self.ended:
            self._emit(E.ExerciseEnded(t=self.t, reason=reason))
            self.ended = True

    def _scheduled(self, injects: list[Inject]):
        env, cued = self.env, self._cued
        for inj in injects:
            if inj.at > env.now:
                yield env.timeout(inj.at - env.now)
            if inj.delay == 0 and inj.id not in cued:  # the common case, without the detour through _cue
                cued.add(inj.id)
                self._deliver(inj, "scheduled")
            else:
                self._cue(inj, "scheduled")

    def _module(self, module):
        if module.starts_at > 0:
            yield self.env.timeout(module.starts_at)
        self._emit(E.ModuleStarted(t=self.t, module=module.id, title=module.title))

    def _wake_at(self, t: float):
        yield self.env.timeout(t)
        self._touch("time")
        self._changed()

    def _dynamics(self):
        tick = self.pack.scenario.clock.tick
        rng, h = self._dynamics_rng, self.history
        while True:
            yield self.env.timeout(tick)
            h.now = self.env.now
            deltas: dict[str, float] = {}
            for d in self.pack.scenario.dynamics:
                if h.holds(d.when):
                    deltas[d.var] = deltas.get(d.var, 0.0) + d.rate * tick + (rng.gauss(0, d.noise) if d.noise else 0.0)
            if deltas:
                self._apply_effects(deltas, "dynamics")

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
        if self.ended:
            return
        to, cause, serious = self.pack.routes[inj.id]
        to = to or self.roles
        now = self.env.now
        self._out.append(E.InjectDelivered(t=round(now, 4), inject=inj.id, to=to, channel=inj.channel,
                                           severity=inj.severity, title=inj.title, cue=cue))
        self.history.delivered[inj.id] = now
        if ("delivered", inj.id) in self._watch:
            self._touched.add(("delivered", inj.id))
        if inj.decision is not None:
            self._open_decision(inj, to)
        if serious:
            for role in to:
                if role in self.staff:
                    self.staff[role].received(inj)
        if inj.effects:
            self._apply_effects(inj.effects, cause, notify=False)
        self._changed()

    def _open_decision(self, inj: Inject, to: list[str]) -> None:
        decider = inj.decision.role or to[0]
        self.open_decisions[inj.id] = decider
        if inj.decision.deadline is not None:
            self.env.process(self._decision_deadline(inj))
        if decider in self.staff:
            self.env.process(self.staff[decider].decide(inj))

    def _decision_deadline(self, inj: Inject):
        yield self.env.timeout(inj.decision.deadline)
        if inj.id in self.open_decisions:
            del self.open_decisions[inj.id]
            option = inj.decision.on_timeout
            self._emit(E.DecisionLapsed(t=self.t, inject=inj.id, option=option))
            if option is not None:
                self._settle_decision(inj, option)
            self._changed()

    def decide(self, inject_id: str, option_id: str, by: str, staff: bool = False) -> None:
        inj = self.pack.injects[inject_id]
        del self.open_decisions[inject_id]
        self._emit(E.DecisionMade(t=self.t, inject=inject_id, option=option_id, by=by, staff=staff))
        self._settle_decision(inj, option_id)
        self._changed()

    def _settle_decision(self, inj: Inject, option_id: str) -> None:
        option = next(o for o in inj.decision.options if o.id == option_id)
        self.history.chosen[inj.id] = option_id
        self._touch("chosen", inj.id)
        if option.effects:
            self._apply_effects(option.effects, f"decision:{inj.id}:{option_id}", notify=False)
        for follow in option.follow_up:
            self._cue(self.pack.injects[follow], f"follow_up:{inj.id}")

    def _trigger_expectation(self, exp: Expectation) -> None:
        due = round(self.env.now + exp.within, 4)
        self._emit(E.ExpectationTriggered(t=self.t, expectation=exp.id, role=exp.role, due=due))
        done_by = self._already_done(exp)
        if done_by is not None:
            self.met.add(exp.id)
            self._emit(E.ExpectationMet(t=self.t, expectation=exp.id, by=done_by, on_time=True))
            return
        self.open_expectations[exp.id] = due
        self.env.process(self._deadline(exp))
        if exp.role in self.staff:
            self.env.process(self.staff[exp.role].fulfil(exp))

    def _already_done(self, exp: Expectation) -> str | None:
        if exp.action is not None:
            done = self.history.actions.get(exp.action)
            return done[0][1] if done else None
        need = set(exp.statement)
        return next((s.by for s in self.history.statements if s.by == exp.role and need <= s.rules), None)

    def _deadline(self, exp: Expectation):
        yield self.env.timeout(exp.within)
        if exp.id in self.open_expectations:
            self._emit(E.DeadlinePassed(t=self.t, expectation=exp.id, role=exp.role))
            for inj in self.pack.scenario.injects:
                if inj.contingency_for == exp.id and inj.at is None and inj.trigger is None:
                    self._cue(inj, f"contingency:{exp.id}")

    def _meet(self, exp_id: str, by: str) -> None:
        due = self.open_expectations.pop(exp_id)
        self.met.add(exp_id)
        self._emit(E.ExpectationMet(t=self.t, expectation=exp_id, by=by, on_time=self.env.now <= due + 1e-9))

    # ---- acts (shared by commands and simulated staff) ----------------------------------------------

    def act(self, role: str, action_id: str, approval: str | None, note: str | None = None, staff: bool = False) -> None:
        self._emit(E.ActionTaken(t=self.t, action=action_id, by=role, staff=staff, approval=approval, note=note))
        self.history.actions.setdefault(action_id, []).append((self.env.now, role))
        self._touch("action", action_id)
        for exp_id in [x for x in self.open_expectations if self.pack.expectations[x].action == action_id]:
            self._meet(exp_id, role)
        _owner, action = self.pack.actions[action_id]
        effects = dict(action.effects)
        for var, delta in self.pack.scenario.action_effects.get(action_id, {}).items():
            effects[var] = effects.get(var, 0.0) + delta
        if effects:
            self._apply_effects(effects, f"action:{action_id}", notify=False)
        self._changed()

    def say(self, role: str, channel: str, languages: list[str], audience: list[str], text: str,
            approval: str | None, staff: bool = False) -> None:
        self._emit(E.StatementIssued(t=self.t, by=role, channel=channel, languages=list(languages),
                                     audience=list(audience), text=text, approval=approval, staff=staff))
        matched = self.pack.statement_rules(text)
        # A prohibited rule counts only while its prohibition stands (its `until` does not hold yet).
        lifted = {p.id for p in self.pack.playbook.prohibited if p.id in matched and p.until is not None
                  and self.history.holds(p.until)}
        rules = set(matched - lifted)
        self.history.statements.append(Statement(self.env.now, role, channel, frozenset(rules)))
        self._touch("statement")
        for exp_id in list(self.open_expectations):
            exp = self.pack.expectations[exp_id]
            if exp.statement is not None and exp.role == role and set(exp.statement) <= rules:
                self._meet(exp_id, role)
        for rule_id in sorted(rules - self._rule_effects_done):
            effects = self.pack.scenario.statement_effects.get(rule_id)
            if effects:
                self._rule_effects_done.add(rule_id)
                self._apply_effects(effects, f"statement:{rule_id}", notify=False)
        self._changed()

    def request(self, by: str, to: str, action: str | None, text: str | None, channel: str | None,
                staff: bool = False) -> str:
        request_id = f"A{len(self.requests) + 1}"
        self.requests[request_id] = {"by": by, "to": to, "action": action, "text": text, "status": "pending"}
        self._emit(E.ApprovalRequested(t=self.t, request=request_id, by=by, to=to, action=action, text=text,
                                       channel=channel, staff=staff))
        if to in self.staff:
            self.env.process(self.staff[to].answer(request_id))
        self._changed()
        return request_id

    def answer(self, request_id: str, by: str, granted: bool, staff: bool = False) -> None:
        self.requests[request_id]["status"] = "granted" if granted else "denied"
        self._emit(E.ApprovalAnswered(t=self.t, request=request_id, by=by, granted=granted, staff=staff))
        self._changed()

    def message(self, by: str, to: str, intent: str, text: str, staff: bool = False) -> None:
        self._emit(E.MessageSent(t=self.t, by=by, to=to, intent=intent, text=text, staff=staff))

    # ---- commands -----------------------------------------------------------------------------------

    def apply(self, cmd: C.CommandBase) -> list[E.Event]:
        """Apply one command at the current minute; return the events it caused."""
        from .apply import apply_command

        if self.ended:
            self._out.append(E.CommandRejected(t=self.t, command=cmd.type, by=cmd.by, reason="the exercise has ended"))
        else:
            reason = apply_command(self, cmd)
            if reason is not None:
                self._emit(E.CommandRejected(t=self.t, command=cmd.type, by=cmd.by, reason=reason))
        return self.drain()

    def end(self) -> None:
        self._end("facilitator")

    def adhoc_id(self) -> str:
        self._adhoc += 1
        return f"adhoc-{self._adhoc}"
