"""Static reachability: which injects can ever be delivered, which plan steps can ever start, and
from which exercise minute at the earliest.

Why static: a trainer learns that an inject can never fire before anyone sits down, without
running the engine. The analysis is conservative in one direction only: what it calls
impossible is impossible (a contradiction, a threshold outside a variable's bounds, a cause
that is itself never delivered, a minute past the end of the clock); what it calls possible
may still be rare, which batch runs measure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .. import judge
from ..models import conditions as c
from ..models.plan import Expectation, ResponsePlan
from ..models.role import Role
from ..models.scenario import Inject, Scenario

NEVER = math.inf


@dataclass(frozen=True)
class Verdict:
    """When a condition can first hold, or why it never can."""

    earliest: float
    """Exercise minute from which it may hold; NEVER when it cannot."""
    why: str | None = None
    """Plain-language reason when it can never hold."""


@dataclass
class Reach:
    """The result of the fixed point over the inject graph."""

    injects: dict[str, float] = field(default_factory=dict)
    """Inject id -> earliest delivery minute (NEVER when it cannot be delivered)."""
    steps: dict[str, float] = field(default_factory=dict)
    """Plan step id -> earliest minute its clock can start (NEVER when it cannot)."""
    why: dict[str, str] = field(default_factory=dict)
    """Inject or plan step id -> why it can never happen (absent when it can, or only lies past the clock)."""


def _fmt(x: float) -> str:
    return f"{x:g}"


class Analysis:
    """Conditions of one pack judged against its declared bounds, catalogue and inject graph."""

    def __init__(self, scenario: Scenario, plan: ResponsePlan | None, roles: dict[str, Role]):
        self.s, self.plan, self.roles = scenario, plan, roles
        self.end = scenario.clock.duration
        self.vars = {v.id: v for v in scenario.state}
        self.injects = {i.id: i for i in scenario.injects}
        self.actions = {a.id: (r.id, a) for r in roles.values() for a in r.actions}
        self.delegable = {a for r in roles.values() for a in r.delegable}
        self.moved = _moved_vars(scenario, roles)
        self.reach = Reach()

    # ---- conditions -------------------------------------------------------------------------

    def verdict(self, cond) -> Verdict:
        """When `cond` can first hold, given what the current fixed point knows."""
        if cond is None:
            return Verdict(0.0)
        if isinstance(cond, c.WhenAll):
            parts = [self.verdict(x) for x in cond.all]
            bad = next((p for p in parts if p.earliest == NEVER), None)
            if bad is not None:
                return bad
            clash = _contradiction(cond.all, self.vars)
            if clash:
                return Verdict(NEVER, clash)
            return Verdict(max(p.earliest for p in parts))
        if isinstance(cond, c.WhenAny):
            parts = [self.verdict(x) for x in cond.any_]
            best = min(p.earliest for p in parts)
            if best == NEVER:
                return Verdict(NEVER, "none of its alternatives can hold (" + "; ".join(p.why or "?" for p in parts) + ")")
            return Verdict(best)
        if isinstance(cond, c.WhenNot):
            if self.always(cond.not_):
                return Verdict(NEVER, "it negates a condition that holds from the start and never stops holding")
            return Verdict(0.0)
        if isinstance(cond, c.WhenState):
            return self._state(cond)
        if isinstance(cond, c.WhenAfter):
            return Verdict(cond.after)
        if isinstance(cond, c.WhenAction):
            return self._action(cond)
        if isinstance(cond, c.WhenDelivered):
            t = self.reach.injects.get(cond.delivered, NEVER)
            if t == NEVER:
                return Verdict(NEVER, f"inject '{cond.delivered}' is never delivered")
            if cond.before is not None and t >= cond.before:
                return Verdict(NEVER, f"inject '{cond.delivered}' arrives at minute {_fmt(t)} at the earliest, "
                                      f"never before minute {_fmt(cond.before)}")
            return Verdict(t)
        if isinstance(cond, c.WhenChosen):
            inj = self.injects.get(cond.chosen)
            if inj is None or inj.decision is None:
                return Verdict(NEVER, f"inject '{cond.chosen}' carries no decision")
            if cond.option not in {o.id for o in inj.decision.options}:
                return Verdict(NEVER, f"decision '{cond.chosen}' has no option '{cond.option}'")
            t = self.reach.injects.get(cond.chosen, NEVER)
            if t == NEVER:
                return Verdict(NEVER, f"the decision inject '{cond.chosen}' is never delivered")
            return Verdict(t)
        if isinstance(cond, c.WhenStatement):
            return Verdict(0.0)
        raise TypeError(f"unknown condition {cond!r}")

    def always(self, cond) -> bool:
        """Whether `cond` holds from minute 0 whatever happens (so its negation never holds)."""
        if isinstance(cond, c.WhenAll):
            return all(self.always(x) for x in cond.all)
        if isinstance(cond, c.WhenAny):
            return any(self.always(x) for x in cond.any_)
        if isinstance(cond, c.WhenNot):
            return self.verdict(cond.not_).earliest == NEVER
        if isinstance(cond, c.WhenAfter):
            return cond.after <= 0
        if isinstance(cond, c.WhenState):
            var = self.vars.get(cond.state)
            if var is None:
                return False
            lo, hi = _interval(cond)
            return _covers(lo, hi, var.min, var.max)
        return False

    def _state(self, cond: c.WhenState) -> Verdict:
        var = self.vars.get(cond.state)
        if var is None:
            return Verdict(NEVER, f"there is no state variable '{cond.state}'")
        lo, hi = _interval(cond)
        if not _meets(lo, hi, var.min, var.max):
            return Verdict(NEVER, f"state '{var.id}' {_describe(cond)} lies outside its bounds {_fmt(var.min)}..{_fmt(var.max)}")
        if cond.state not in self.moved and not _meets(lo, hi, var.initial, var.initial):
            return Verdict(NEVER, f"state '{var.id}' starts at {_fmt(var.initial)} and nothing in the pack changes it, "
                                  f"so it is never {_describe(cond)}")
        return Verdict(0.0)

    def _action(self, cond: c.WhenAction) -> Verdict:
        found = self.actions.get(cond.action)
        if found is None:
            return Verdict(NEVER, f"no role's catalogue has the action '{cond.action}'")
        owner, action = found
        if cond.by is not None and cond.by != owner and cond.by not in self._successors(owner):
            delegable = action.requires_authority is not None and action.requires_authority in self.delegable
            if not delegable:
                return Verdict(NEVER, f"'{cond.action}' is an action of {owner}; {cond.by} can only take it by delegation "
                                      "or succession, and neither applies")
        if cond.before is not None and cond.before <= 0:
            return Verdict(NEVER, f"no action is taken before minute {_fmt(cond.before)}")
        return Verdict(0.0)

    def _successors(self, role: str) -> set[str]:
        out, cur = set(), self.roles.get(role)
        while cur is not None and cur.successor and cur.successor not in out:
            out.add(cur.successor)
            cur = self.roles.get(cur.successor)
        return out

    # ---- the fixed point --------------------------------------------------------------------

    def run(self) -> Reach:
        """Earliest delivery of every inject and earliest start of every plan step.

        Why a fixed point: an inject may be cued by an option of another inject, triggered by a
        delivery, or sent when a plan step's deadline passes, and those causes form cycles.
        Times only fall from NEVER towards their true minimum, built from finitely many sums,
        so the iteration ends; the bound on rounds is a guard.
        """
        r = self.reach
        r.injects = {i: NEVER for i in self.injects}
        steps = list(self.plan.expectations) if self.plan is not None else []
        r.steps = {e.id: NEVER for e in steps}
        cued_by = _cued_by(self.s)
        for _round in range(len(r.injects) + len(steps) + 2):
            changed = False
            for e in steps:
                t = self.verdict(e.trigger).earliest
                if t < r.steps[e.id]:
                    r.steps[e.id], changed = t, True
            for inj in self.s.injects:
                t = self._inject_time(inj, cued_by.get(inj.id, []))
                if t < r.injects[inj.id]:
                    r.injects[inj.id], changed = t, True
            if not changed:
                break
        for inj in self.s.injects:
            if r.injects[inj.id] == NEVER:
                r.why[inj.id] = self._why_inject(inj, cued_by.get(inj.id, []))
        for e in steps:
            if r.steps[e.id] == NEVER:
                r.why[e.id] = self.verdict(e.trigger).why or "its trigger can never hold"
        return r

    def _inject_time(self, inj: Inject, cues: list[tuple[str, str]]) -> float:
        # Mirrors the engine: 'at' schedules, 'trigger' fires, a chosen option cues a follow-up
        # (any inject, once), and a missed deadline cues only injects without 'at' or 'trigger'.
        times = [self.reach.injects[src] for src, _opt in cues]
        if inj.at is not None:
            times.append(inj.at)
        elif inj.trigger is not None:
            times.append(self.verdict(inj.trigger).earliest)
        elif inj.contingency_for is not None and self.plan is not None:
            step = next((e for e in self.plan.expectations if e.id == inj.contingency_for), None)
            if step is not None:
                times.append(self.reach.steps.get(step.id, NEVER) + judge.grace_ends(step.within, step.grace))
        return min(times, default=NEVER) + inj.delay

    def _why_inject(self, inj: Inject, cues: list[tuple[str, str]]) -> str:
        if inj.trigger is not None:
            return "its trigger can never hold: " + (self.verdict(inj.trigger).why or "?")
        parts = []
        for src, opt in cues:
            parts.append(f"option '{opt}' of '{src}' follows up with it, but '{src}' is never delivered")
        if inj.contingency_for is not None:
            parts.append(f"it is the contingency for plan step '{inj.contingency_for}', which never starts")
        if not parts:
            return "it has no 'at' or 'trigger' and nothing cues it"
        return "; ".join(parts)


def _cued_by(s: Scenario) -> dict[str, list[tuple[str, str]]]:
    """Inject id -> [(decision inject, option)] whose choice cues it as a follow-up."""
    out: dict[str, list[tuple[str, str]]] = {}
    for inj in s.injects:
        if inj.decision is not None:
            for o in inj.decision.options:
                for f in o.follow_up:
                    out.setdefault(f, []).append((inj.id, o.id))
    return out


def _moved_vars(s: Scenario, roles: dict[str, Role]) -> set[str]:
    """State variables something in the pack can change (effects, dynamics)."""
    moved = {d.var for d in s.dynamics if d.rate != 0 or d.noise > 0}
    for inj in s.injects:
        moved.update(inj.effects)
        if inj.decision is not None:
            for o in inj.decision.options:
                moved.update(o.effects)
    for effects in (*s.action_effects.values(), *s.statement_effects.values()):
        moved.update(effects)
    for r in roles.values():
        for a in r.actions:
            moved.update(a.effects)
    return moved


def _interval(cond: c.WhenState) -> tuple[tuple[float, bool], tuple[float, bool]]:
    """The values a state condition accepts, as ((low, inclusive), (high, inclusive))."""
    lo, hi = (-math.inf, True), (math.inf, True)
    if cond.above is not None:
        lo = max(lo, (cond.above, False), key=_low_key)
    if cond.at_least is not None:
        lo = max(lo, (cond.at_least, True), key=_low_key)
    if cond.below is not None:
        hi = min(hi, (cond.below, False), key=_high_key)
    if cond.at_most is not None:
        hi = min(hi, (cond.at_most, True), key=_high_key)
    return lo, hi


def _low_key(b):  # a strict lower bound is tighter than an inclusive one at the same value
    return (b[0], not b[1])


def _high_key(b):
    return (b[0], b[1])


def _meets(lo, hi, vmin: float, vmax: float) -> bool:
    """Whether the interval (lo, hi) shares a value with [vmin, vmax]."""
    low = max(lo, (vmin, True), key=_low_key)
    high = min(hi, (vmax, True), key=_high_key)
    if low[0] < high[0]:
        return True
    return low[0] == high[0] and low[1] and high[1]


def _covers(lo, hi, vmin: float, vmax: float) -> bool:
    ok_low = lo[0] < vmin or (lo[0] == vmin and lo[1])
    ok_high = hi[0] > vmax or (hi[0] == vmax and hi[1])
    return ok_low and ok_high


def _describe(cond: c.WhenState) -> str:
    words = [f"{k.replace('_', ' ')} {_fmt(v)}" for k in ("above", "at_least", "below", "at_most")
             if (v := getattr(cond, k)) is not None]
    return " and ".join(words)


def _contradiction(parts: list, variables: dict) -> str | None:
    """A reason why the members of one `all` cannot hold together, or None."""
    for x in parts:
        if isinstance(x, c.WhenNot) and x.not_ in parts:
            return "it requires a condition and its negation at once"
    by_var: dict[str, list[c.WhenState]] = {}
    for x in parts:
        if isinstance(x, c.WhenState):
            by_var.setdefault(x.state, []).append(x)
    for var, conds in by_var.items():
        lo, hi = (-math.inf, True), (math.inf, True)
        for x in conds:
            a, b = _interval(x)
            lo, hi = max(lo, a, key=_low_key), min(hi, b, key=_high_key)
        v = variables.get(var)
        vmin, vmax = (v.min, v.max) if v is not None else (-math.inf, math.inf)
        if not _meets(lo, hi, vmin, vmax):
            return f"its thresholds on state '{var}' exclude each other (" + "; ".join(_describe(x) for x in conds) + ")"
    afters = [x.after for x in parts if isinstance(x, c.WhenAfter)]
    for x in parts:
        if isinstance(x, c.WhenNot) and isinstance(x.not_, c.WhenAfter) and afters and max(afters) >= x.not_.after:
            return f"it needs minute {_fmt(max(afters))} or later and also before minute {_fmt(x.not_.after)}"
    return None


def expectation_index(plan: ResponsePlan | None) -> dict[str, Expectation]:
    return {e.id: e for e in plan.expectations} if plan is not None else {}
