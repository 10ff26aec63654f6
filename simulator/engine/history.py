"""What has happened so far, in the form conditions ask about. Mutable; owned by the engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any

from ..models import conditions as c


@dataclass
class Statement:
    t: float
    by: str
    channel: str
    rules: frozenset[str]
    """Playbook rules the text matched."""


@dataclass
class History:
    """Runtime facts: state values, deliveries, actions, choices, statements."""

    state: dict[str, float]
    now: float = 0.0
    delivered: dict[str, float] = field(default_factory=dict)
    actions: dict[str, list[tuple[float, str]]] = field(default_factory=dict)
    """Action id -> [(minute, role)]."""
    chosen: dict[str, str] = field(default_factory=dict)
    """Decision inject id -> option id (however it was settled)."""
    statements: list[Statement] = field(default_factory=list)
    delegations: set[tuple[str, str]] = field(default_factory=set)
    """(role, authority) pairs handed over by delegation."""
    handed: dict[tuple[str, str], float] = field(default_factory=dict)
    """(delegating role, delegate) -> minute of the first delegation between them."""
    away: dict[str, list[list]] = field(default_factory=dict)
    """Role -> [[from minute, until minute or None]]: when it could not be reached."""
    judged: dict[str, Any] = field(default_factory=dict)
    """Text -> the checker's result (statements.Result) as this exercise judged it: read by the
    judge before the pack's checker, so a log is judged by the rules it was played with."""
    kept: dict[str, Any] = field(default_factory=dict)
    """(Replay) text -> the result the log recorded for it, not yet reached."""
    on_judged: Callable[[str, Any], None] | None = None
    """Called with each text the first time `judge_text` judges it (the engine logs it), or None
    when the exercise does not keep verdicts (a log written before they were kept)."""

    def judge_text(self, pack: Any, text: str) -> Any:
        """The checker's result on `text` for this exercise: the one it already used, the one the
        log recorded (replay), or else the pack's checker now, recorded from then on."""
        found = self.judged.get(text)
        if found is None:
            found = self.kept.pop(text, None)
            if found is None:
                found = pack.check_statement(text)
            if self.on_judged is not None:
                self.judged[text] = found
                self.on_judged(text, found)
        return found

    # ---- what the judge asks (simulator/judge.py); the engine and the scorer both record here ----

    def delegate(self, by: str, to: str, authority: str, t: float) -> None:
        self.delegations.add((to, authority))
        self.handed.setdefault((by, to), t)

    def set_reachable(self, role: str, available: bool, t: float) -> None:
        windows = self.away.setdefault(role, [])
        if not available:
            windows.append([t, None])
        elif windows and windows[-1][1] is None:
            windows[-1][1] = t

    def unreachable(self, role: str, t: float) -> bool:
        """Whether `role` could not be reached at minute `t` (from its window's start, up to but not including its end)."""
        windows = self.away.get(role)
        return windows is not None and any(start <= t and (end is None or t < end) for start, end in windows)

    def delegated(self, by: str, to: str, t: float) -> bool:
        """Whether `by` had delegated to `to` by minute `t`."""
        since = self.handed.get((by, to))
        return since is not None and since <= t

    def holds(self, cond: Any) -> bool:
        """Evaluate a structured condition against what has happened so far."""
        return True if cond is None else compiled(cond)(self)

    def evaluate(self, cond: Any) -> bool:
        """Evaluate by walking the condition tree (the reference the compiled form must agree with)."""
        if cond is None:
            return True
        if isinstance(cond, c.WhenState):
            v = self.state[cond.state]
            return ((cond.above is None or v > cond.above) and (cond.below is None or v < cond.below)
                    and (cond.at_least is None or v >= cond.at_least) and (cond.at_most is None or v <= cond.at_most))
        if isinstance(cond, c.WhenAll):
            return all(self.evaluate(x) for x in cond.all)
        if isinstance(cond, c.WhenAny):
            return any(self.evaluate(x) for x in cond.any_)
        if isinstance(cond, c.WhenNot):
            return not self.evaluate(cond.not_)
        if isinstance(cond, c.WhenAction):
            return any((cond.by is None or by == cond.by) and (cond.before is None or t < cond.before)
                       for t, by in self.actions.get(cond.action, ()))
        if isinstance(cond, c.WhenDelivered):
            t = self.delivered.get(cond.delivered)
            return t is not None and (cond.before is None or t < cond.before)
        if isinstance(cond, c.WhenChosen):
            return self.chosen.get(cond.chosen) == cond.option
        if isinstance(cond, c.WhenAfter):
            return self.now >= cond.after
        if isinstance(cond, c.WhenStatement):
            q = cond.statement
            return any((q.by is None or s.by == q.by) and (q.channel is None or s.channel == q.channel)
                       and (q.covers is None or q.covers in s.rules) for s in self.statements)
        raise TypeError(f"unknown condition {cond!r}")


_COMPILED: dict[int, tuple[Any, Callable[[History], bool]]] = {}
"""Condition identity -> (condition, compiled test); the condition is kept alive with its entry."""


def compiled(cond: Any) -> Callable[[History], bool]:
    """`compile_condition(cond)`, made once per condition: a pack's conditions are immutable, and
    the closures keep nothing of a run, so every engine and history over the pack shares them
    (an engine used to compile its triggers and dynamics anew each run)."""
    test = _COMPILED.get(id(cond))
    if test is None or test[0] is not cond:
        test = _COMPILED[id(cond)] = (cond, compile_condition(cond))
    return test[1]


def compile_condition(cond: Any) -> Callable[[History], bool]:
    """Turn a condition tree into nested closures, once.

    Why: dynamics and triggers are evaluated every tick of every run; dispatching on the
    condition's type each time was the largest cost of a batch run. `History.evaluate` is the
    reference each closure must agree with (tests/test_conditions.py checks it).
    """
    if isinstance(cond, c.WhenState):
        var, above, below, at_least, at_most = cond.state, cond.above, cond.below, cond.at_least, cond.at_most
        checks = [f for f in (
            (lambda v: v > above) if above is not None else None,
            (lambda v: v < below) if below is not None else None,
            (lambda v: v >= at_least) if at_least is not None else None,
            (lambda v: v <= at_most) if at_most is not None else None,
        ) if f is not None]
        if len(checks) == 1:  # the usual trigger: one bound, tested without a second call
            if above is not None:
                return lambda h: h.state[var] > above
            if below is not None:
                return lambda h: h.state[var] < below
            if at_least is not None:
                return lambda h: h.state[var] >= at_least
            if at_most is not None:
                return lambda h: h.state[var] <= at_most
        return lambda h: all(f(h.state[var]) for f in checks)
    if isinstance(cond, c.WhenAll):
        return _all([compile_condition(x) for x in cond.all])
    if isinstance(cond, c.WhenAny):
        return _any([compile_condition(x) for x in cond.any_])
    if isinstance(cond, c.WhenNot):
        inner = compile_condition(cond.not_)
        return lambda h: not inner(h)
    if isinstance(cond, c.WhenAction):
        action, by, before = cond.action, cond.by, cond.before
        if by is None and before is None:
            return lambda h: action in h.actions
        return lambda h: any((by is None or who == by) and (before is None or t < before)
                             for t, who in h.actions.get(action, ()))
    if isinstance(cond, c.WhenDelivered):
        inject, before = cond.delivered, cond.before
        if before is None:
            return lambda h: inject in h.delivered
        return lambda h: (t := h.delivered.get(inject)) is not None and t < before
    if isinstance(cond, c.WhenChosen):
        decision, option = cond.chosen, cond.option
        return lambda h: h.chosen.get(decision) == option
    if isinstance(cond, c.WhenAfter):
        after = cond.after
        return lambda h: h.now >= after
    if isinstance(cond, c.WhenStatement):
        return _statement(cond.statement)
    return lambda h: h.evaluate(cond)  # not a condition: evaluating it says so


def _all(parts: list[Callable[[History], bool]]) -> Callable[[History], bool]:
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:  # the usual pair ("delivered, and not yet corrected"), without a generator
        first, second = parts
        return lambda h: first(h) and second(h)
    return lambda h: all(p(h) for p in parts)


def _any(parts: list[Callable[[History], bool]]) -> Callable[[History], bool]:
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        first, second = parts
        return lambda h: first(h) or second(h)
    return lambda h: any(p(h) for p in parts)


def _statement(q: c.StatementQuery) -> Callable[[History], bool]:
    by, channel, covers = q.by, q.channel, q.covers
    if by is None and channel is None and covers is not None:  # the usual one: "has anyone said X yet"
        return lambda h: any(covers in s.rules for s in h.statements)
    return lambda h: any((by is None or s.by == by) and (channel is None or s.channel == channel)
                         and (covers is None or covers in s.rules) for s in h.statements)


def time_thresholds(cond: Any) -> set[float]:
    """Exercise minutes at which a condition can change without anything happening ('after')."""
    if isinstance(cond, c.WhenAfter):
        return {cond.after}
    if isinstance(cond, c.WhenAll):
        return set().union(*(time_thresholds(x) for x in cond.all))
    if isinstance(cond, c.WhenAny):
        return set().union(*(time_thresholds(x) for x in cond.any_))
    if isinstance(cond, c.WhenNot):
        return time_thresholds(cond.not_)
    return set()


def dependencies(cond: Any) -> set[tuple[str, str]]:
    """The facts a condition reads, as (kind, id) keys; the engine re-checks it only when one changes.

    Why: re-evaluating every pending trigger after every event made the engine several times
    slower than SimPy itself on large MSELs.
    """
    if cond is None:
        return set()
    if isinstance(cond, c.WhenAll):
        return set().union(*(dependencies(x) for x in cond.all))
    if isinstance(cond, c.WhenAny):
        return set().union(*(dependencies(x) for x in cond.any_))
    if isinstance(cond, c.WhenNot):
        return dependencies(cond.not_)
    if isinstance(cond, c.WhenState):
        return {("state", cond.state)}
    if isinstance(cond, c.WhenAction):
        return {("action", cond.action)}
    if isinstance(cond, c.WhenDelivered):
        return {("delivered", cond.delivered)}
    if isinstance(cond, c.WhenChosen):
        return {("chosen", cond.chosen)}
    if isinstance(cond, c.WhenAfter):
        return {("time", "")}
    if isinstance(cond, c.WhenStatement):
        return {("statement", "")}
    raise TypeError(f"unknown condition {cond!r}")
