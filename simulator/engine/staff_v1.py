"""Simulated staff as they played before version 2 (logs whose header has no `staff`).

Why kept: the log is the truth, and a log is replayed by re-running the engine over it. Logs
written before staff reported and drafted as they do now (staff.py) replay with this, unchanged,
so their replays, resumes and what-if branches still match them line for line. New exercises
never use it. Do not change its behaviour: change staff.py.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from .. import judge
from ..models import Expectation, Inject
from ..models.playbook import Template
from .plan_steps import asked
from .seats import Seat

if TYPE_CHECKING:
    from .core import Engine


class StaffMember:
    """One simulated colleague in one seat."""

    def __init__(self, engine: "Engine", role: str, seat: Seat, rng: random.Random):
        self.engine, self.role, self.seat, self.rng = engine, role, seat, rng
        self.env = engine.env
        self.retired = False
        """Set when the seat is handed to someone else: pending work then stands down."""

    # ---- timing by policy ------------------------------------------------------------------

    def _slips(self) -> bool:
        """A competent colleague rarely slips; competence 1.0 never does."""
        return self.seat.competence < 1 and self.rng.random() > self.seat.competence

    def _when(self, window: float, grace: float = 0.0) -> float | None:
        """Delay before acting on something due in `window` minutes, or None to never act.

        Delays are rounded to a hundredth of a minute so event times stay clean numbers.
        """
        delay = self._raw_when(window, grace)
        return None if delay is None else round(delay, 2)

    def _raw_when(self, window: float, grace: float) -> float | None:
        policy, r = self.seat.policy, self.rng
        late = window + r.uniform(0.2, 1.0) * (grace + 0.5 * window)
        if policy == "idle":
            return None
        if policy == "late":
            return late
        if policy == "random":
            x = r.random()
            return window * r.uniform(0.1, 0.9) if x < 0.45 else (late if x < 0.75 else None)
        if self._slips():
            return None if r.random() < 0.25 else late
        return window * r.uniform(0.2, 0.6)

    # ---- behaviours ------------------------------------------------------------------------

    def fulfil(self, exp: Expectation):
        """Do a plan step: wait, check prerequisites, get approval, act, report upwards."""
        engine = self.engine
        delay = self._when(exp.within, exp.grace)
        if delay is None:
            return
        yield self.env.timeout(delay)
        while not all(p in engine.met for p in exp.prerequisites):
            yield engine.progress()
        if exp.id in engine.met or self.retired:
            return
        template = None
        if exp.statement is not None:
            template = self._template(exp)
            if template is None:
                return  # nothing written to say; the scorer will find the gap
        approver = judge.whom_to_ask(engine.pack.roles, judge.approver_for(engine.pack, self.role, step=exp), self.role,
                                     engine.unavailable.__contains__)
        approval = None
        if approver is not None and not self._slips():
            approval = engine.request(self.role, approver, exp.action, template.text if template else None,
                                      template.channel if template else None, staff=True)
            while engine.requests[approval]["status"] == "pending":
                yield engine.progress()
            if engine.requests[approval]["status"] != "granted" or engine.ended:
                return
        if exp.id in engine.met or self.retired:
            return
        if exp.action is not None:
            engine.act(self.role, exp.action, approval, staff=True)
        elif template is not None:  # a step names an action or a statement, exactly one (models.plan)
            engine.say(self.role, template.channel, template.languages, [], template.text, approval, staff=True)
        yield from self._report(f"Done: {exp.description}")

    def decide(self, inj: Inject):
        """Settle a decision addressed to this seat."""
        d = asked(inj)
        window = d.deadline or 15.0
        policy, r = self.seat.policy, self.rng
        recommended = next((o for o in d.options if o.recommended), d.options[0])
        if policy == "idle":
            return
        if policy == "random":
            delay, option = window * r.uniform(0.1, 1.2), r.choice(d.options)
        elif policy == "late":
            delay, option = window * r.uniform(1.1, 1.5), recommended
        else:
            delay, option = window * r.uniform(0.2, 0.6), recommended
            if self._slips():
                option = r.choice(d.options)
        yield self.env.timeout(round(delay, 2))
        if self.engine.open_decisions.get(inj.id) == self.role and not self.retired:
            self.engine.decide(inj.id, option.id, self.role, staff=True)

    def answer(self, request_id: str):
        """Answer an approval request addressed to this seat."""
        policy, r = self.seat.policy, self.rng
        if policy == "idle":
            return
        delay = {"plan": r.uniform(1, 4), "late": r.uniform(8, 20), "random": r.uniform(1, 20)}[policy]
        granted = True if policy != "random" else r.random() < 0.75
        if self._slips():
            delay += r.uniform(5, 15)
        yield self.env.timeout(round(delay, 2))
        if self.engine.requests[request_id]["status"] == "pending" and not self.engine.ended and not self.retired:
            self.engine.answer(request_id, self.role, granted, staff=True)

    def delivered(self, inj: Inject, to: list[str], serious: bool) -> None:
        """An inject reached this seat: version 1 heard only serious news (high or critical)."""
        if serious:
            self.received(inj)

    def module_started(self, module) -> None:
        """Version 1 kept no rhythm of reports."""

    def received(self, inj: Inject) -> None:
        """Serious news is passed up the chain (the engine only calls this for high or critical injects)."""
        if self.seat.policy != "idle":
            self.env.process(self._report(f"Passing on: {inj.title}"))

    def _report(self, text: str):
        superior = self.engine.pack.roles[self.role].reports_to
        if superior is None or superior not in self.engine.roles:
            return
        superior = self.engine.acting_for(superior)
        if superior == self.role:
            return  # acting for its own supervisor (succession): it is in command, so there is nobody to report to
        delay = self._when(5.0)
        if delay is None:
            return
        yield self.env.timeout(delay)
        if not self.retired:
            self.engine.message(self.role, superior, "report", text, staff=True)

    # ---- helpers ---------------------------------------------------------------------------

    def _template(self, exp: Expectation) -> Template | None:
        need = set(exp.statement or ())
        mine = [t for t in self.engine.pack.playbook.templates if t.role in (exp.role, self.role)]
        return next((t for t in mine if need <= set(t.covers)), None)
