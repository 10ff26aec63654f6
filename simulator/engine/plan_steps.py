"""Decisions, plan steps and succession: opening, settling and lapsing decisions; triggering, meeting and
missing expectations. Mixed into the Engine; split out only to keep each module to one job."""

from __future__ import annotations


from .. import judge
from ..models import Decision, Expectation, Inject
from ..timegrid import later
from . import events as E
from .base import EngineBase


def asked(inj: Inject) -> Decision:
    """The decision an inject asks for, where a decision on it is open or being settled.

    Why an assert: the engine opens a decision only for an inject that carries one (Engine._deliver),
    and settles, lapses or hands over only decisions it opened.
    """
    assert inj.decision is not None, inj.id
    return inj.decision


class PlanSteps(EngineBase):
    """Engine methods for decisions and expectations (mixed into Engine)."""

    def _set_availability(self, inj: Inject) -> None:
        for role in inj.unavailable:
            if role not in self.unavailable:
                self.unavailable.add(role)
                self.history.set_reachable(role, False, self.env.now)
                self._emit(E.RoleAvailability(t=self.t, role=role, available=False))
        for role in inj.available:
            if role in self.unavailable:
                self.unavailable.discard(role)
                self.history.set_reachable(role, True, self.env.now)
                self._emit(E.RoleAvailability(t=self.t, role=role, available=True))

    def acting_for(self, role: str) -> str:
        """Who acts for `role` now: the role itself, or its successor (in turn) while it cannot be reached."""
        return judge.acting_for(self.pack.roles, role, self.unavailable.__contains__)

    def stands_in_for(self, actor: str, role: str) -> bool:
        """Whether `actor` currently acts for `role` by succession."""
        return actor != role and self.acting_for(role) == actor

    def _open_decision(self, inj: Inject, decision: Decision, to: list[str]) -> None:
        decider = self.acting_for(decision.role or to[0])
        self.open_decisions[inj.id] = decider
        if decision.deadline is not None:
            self.env.process(self._decision_deadline(inj, decision.deadline, decision.on_timeout))
        if decider in self.staff:
            self.env.process(self.staff[decider].decide(inj))

    def _decision_deadline(self, inj: Inject, deadline: float, on_timeout: str | None):
        yield self.env.timeout(deadline)
        if inj.id in self.open_decisions:
            del self.open_decisions[inj.id]
            self._emit(E.DecisionLapsed(t=self.t, inject=inj.id, option=on_timeout))
            if on_timeout is not None:
                self._settle_decision(inj, on_timeout)
            self._changed()

    def decide(self, inject_id: str, option_id: str, by: str, staff: bool = False) -> None:
        inj = self.pack.injects[inject_id]
        del self.open_decisions[inject_id]
        self.taken[inject_id] = (by, option_id, self.env.now)
        self._emit(E.DecisionMade(t=self.t, inject=inject_id, option=option_id, by=by, staff=staff))
        self._chosen_acts(inject_id, option_id, by)
        self._settle_decision(inj, option_id)
        self._changed()

    def overrule(self, inject_id: str, option_id: str, by: str, reason: str) -> None:
        """Put `option_id` in place of the option the decider chose (apply checked who may, and when).

        The replaced call keeps what it did: its effects, follow-ups and steps stand. The new
        option counts from now: its effects and follow-ups, and the plan steps it is (`meets`),
        done by the decider, who carries out the call as overruled; the step is the decider's,
        so the judge finds it done by the right role, at this minute."""
        decider, replaced, _at = self.taken[inject_id]
        self.taken[inject_id] = (decider, option_id, _at)
        self.overruled[inject_id] = (by, self.env.now)
        self._emit(E.DecisionOverruled(t=self.t, inject=inject_id, option=option_id, replaced=replaced, decider=decider,
                                       by=by, reason=reason))
        self._chosen_acts(inject_id, option_id, decider)
        self._settle_decision(self.pack.injects[inject_id], option_id, f"overrule:{inject_id}:{option_id}")
        self._changed()

    def _chosen_acts(self, inject_id: str, option_id: str, by: str) -> None:
        """The option is the step: its actions count as taken, by `by`, now (judge.actions_chosen says why)."""
        steps = self.pack.expectations
        for action_id in judge.actions_chosen(self.pack, inject_id, option_id):
            self.history.actions.setdefault(action_id, []).append((self.env.now, by))
            self._touch("action", action_id)
            for exp_id in [x for x in self.open_expectations if judge.meets_by_action(steps[x], action_id)]:
                self._meet(exp_id, by)

    def _settle_decision(self, inj: Inject, option_id: str, cause: str | None = None) -> None:
        option = next(o for o in asked(inj).options if o.id == option_id)
        self.history.chosen[inj.id] = option_id
        self._touch("chosen", inj.id)
        if option.effects:
            self._apply_effects(option.effects, cause or f"decision:{inj.id}:{option_id}", notify=False)
        for follow in option.follow_up:
            self._cue(self.pack.injects[follow], f"follow_up:{inj.id}")

    def _trigger_expectation(self, exp: Expectation) -> None:
        due = later(self.env.now, exp.within)
        self._emit(E.ExpectationTriggered(t=self.t, expectation=exp.id, role=exp.role, due=due))
        done_by = self._already_done(exp)
        if done_by is not None:
            self.met.add(exp.id)
            self._emit(E.ExpectationMet(t=self.t, expectation=exp.id, by=done_by, on_time=True))
            return
        self.open_expectations[exp.id] = due
        self.env.process(self._deadline(exp))
        actor = self.acting_for(exp.role)
        if actor in self.staff:
            self.env.process(self.staff[actor].fulfil(exp))

    def _already_done(self, exp: Expectation) -> str | None:
        """Who did the step before it was called for, by the judge's rule, if anyone did."""
        h = self.history
        done = judge.first_done(exp, self.pack.roles, h.actions.get(exp.action or "", ()), h.statements, h)
        if done is None:
            return None
        return done[1] if isinstance(done, tuple) else done.by

    def _deadline(self, exp: Expectation):
        # Missed only once its grace has run out (judge.grace_ends says why: no contingency while
        # the plan still accepts the step as late within grace)...
        yield self.env.timeout(judge.grace_ends(exp.within, exp.grace))
        # ...and only after every act already due at this same minute, since an act at exactly
        # the end of grace still counts (judge.timeliness is inclusive).
        yield self.env.timeout(0)
        if exp.id in self.open_expectations:
            self._emit(E.DeadlinePassed(t=self.t, expectation=exp.id, role=exp.role))
            for inj in self.pack.contingencies.get(exp.id, ()):
                self._cue(inj, f"contingency:{exp.id}")

    def _meet(self, exp_id: str, by: str) -> None:
        due = self.open_expectations.pop(exp_id)
        self.met.add(exp_id)
        on_time = judge.timeliness(self.env.now, due, self.pack.expectations[exp_id].grace) == "on_time"
        self._emit(E.ExpectationMet(t=self.t, expectation=exp_id, by=by, on_time=on_time))
