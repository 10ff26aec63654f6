"""Simulated staff: SimPy processes that play a role by a policy.

Why: empty seats and solo rehearsal need colleagues a new mayor can learn from. They follow the
plan, pass up the serious news their supervisor has not had (the plan's reporting rule, judged by
the judge as the scorer judges it), report what they did at the rhythm of the crisis (when a
module starts, when the supervisor waits on their step, when they hand command back), ask for
approval with the draft, the reason and the deadline, and advise on their supervisor's decisions.
At lower competence they make the mistakes real staff make: a late report, a draft that breaks the
playbook (proven by the checker: staff_drafts), a wrong call in their advice or in a decision of
their own (which they report at once to the one who may overrule it), a step left undone. All
their randomness comes from their own seeded stream, so a run replays exactly.

Version 3. Logs written with version 2 replay with staff_v2, version 1 with staff_v1 (see there why).
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from .. import judge
from ..models import Expectation, Inject
from ..models.conditions import WhenDelivered
from ..models.playbook import Template
from . import staff_drafts as drafts
from . import staff_words as words
from .plan_steps import asked
from .seats import Seat

if TYPE_CHECKING:
    from .core import Engine

STAFF_VERSION = 3
"""Written in every new log's header (`staff`), so the log replays with the staff that played it."""

SITREP_WINDOW = 10.0
"""Minutes after a module starts within which staff send their situation report."""
URGENT_WINDOW = 5.0
"""Minutes within which staff tell their supervisor of a step the supervisor waits on."""


class StaffMember:
    """One simulated colleague in one seat."""

    def __init__(self, engine: "Engine", role: str, seat: Seat, rng: random.Random):
        self.engine, self.role, self.seat, self.rng = engine, role, seat, rng
        self.env = engine.env
        self.retired = False
        """Set when the seat is handed to someone else: pending work then stands down."""
        self.news: list[tuple[Inject, float]] = []
        """Serious news its supervisor has not had, waiting for the next report."""
        self.done: list[str] = []
        """What it did since its last report, in words."""
        self.doing: list[str] = []
        """What its supervisor can now do thanks to it, for the next report."""
        self.waiting: dict[str, tuple[str, float]] = {}
        """Plan step id -> (approver, minute asked) while it waits for an approval."""
        self.last_report = 0.0
        self.report_due = False
        """A report is on its way (one at a time: what comes meanwhile goes in it)."""

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

    # ---- the chain of command ----------------------------------------------------------------

    def _boss(self) -> str | None:
        """Whom it reports to now: its supervisor or whoever acts for it; None when it acts for its
        own supervisor (succession: it is in command, and keeps its notes for the handover)."""
        superior = self.engine.pack.roles[self.role].reports_to
        if superior is None or superior not in self.engine.roles:
            return None
        acting = self.engine.acting_for(superior)
        return None if acting == self.role else acting

    # ---- behaviours ------------------------------------------------------------------------

    def fulfil(self, exp: Expectation):
        """Do a plan step: wait, check prerequisites, draft, get approval, act, note it for the report."""
        engine = self.engine
        delay = self._when(exp.within, exp.grace)
        if delay is None:
            return
        yield self.env.timeout(delay)
        while not all(p in engine.met for p in exp.prerequisites):
            yield engine.progress()
        while self._decision_pending(exp):  # the step is an option of a decision not yet taken: it waits for the call
            yield engine.progress()
        if exp.id in engine.met or self.retired or self._decided_otherwise(exp):
            return
        template = None
        text: str | None = None
        flaw: str | None = None
        if exp.statement is not None:
            template = self._template(exp)
            if template is None:
                return  # nothing written to say; the scorer will find the gap
            text = template.text
            if self._slips():  # a hurried draft: the mistake is one the checker finds
                found = drafts.flawed(engine.pack, engine.history, exp, template, self.rng)
                if found is not None:
                    text, flaw = found
        approval = None
        if self._approver(exp) is not None and not self._slips():
            while True:
                approver = self._approver(exp)
                if approver is None:
                    break  # it now acts for the approver itself (succession)
                approval = engine.request(self.role, approver, exp.action, text, template.channel if template else None,
                                          staff=True, languages=list(template.languages) if template else None,
                                          reason=words.approval_reason(engine.pack, exp, engine.open_expectations.get(exp.id)),
                                          due=engine.open_expectations.get(exp.id))
                self.waiting[exp.id] = (approver, engine.now)
                while engine.requests[approval]["status"] == "pending":
                    yield engine.progress()
                self.waiting.pop(exp.id, None)
                if engine.ended or self.retired:
                    return
                if engine.requests[approval]["status"] == "granted":
                    break
                if template is None or text == template.text:
                    return  # refused, and it has nothing better to offer
                text, flaw = template.text, None  # refused: redraft from the playbook's template and ask again
        if exp.id in engine.met or self.retired:
            return
        if exp.action is not None:
            engine.act(self.role, exp.action, approval, staff=True)
            self._did(exp, words.done(engine.pack, exp, engine.now))
        elif template is not None and text is not None:  # a step names an action or a statement, exactly one
            engine.say(self.role, template.channel, template.languages, [], text, approval, staff=True)
            self._did(exp, words.done(engine.pack, exp, engine.now, (template.channel, template.languages, text)))

    def _approver(self, exp: Expectation) -> str | None:
        engine = self.engine
        return judge.whom_to_ask(engine.pack.roles, judge.approver_for(engine.pack, self.role, step=exp), self.role,
                                 engine.unavailable.__contains__)

    def _did(self, exp: Expectation, line: str) -> None:
        """Note a step done for the next report; report soon when the supervisor waits on it (a step
        of the supervisor's needs it first), when it is essential, or when it hands command back."""
        self.done.append(line)
        boss = self._boss()
        if boss is None:
            return
        engine = self.engine
        waits = [e for e in engine.pack.plan.expectations
                 if exp.id in e.prerequisites and engine.acting_for(e.role) == boss and e.id not in engine.met]
        self.doing += [words.clears(engine.pack, e) for e in waits]
        if waits or exp.essential:
            self._report_soon(URGENT_WINDOW)

    def _choose(self, inj: Inject):
        """When this seat will decide and what it will choose, as its policy has it: None for an
        idle seat. Every staff version draws from the seeded stream in this order."""
        d = asked(inj)
        window = d.deadline or 15.0
        policy, r = self.seat.policy, self.rng
        recommended = next((o for o in d.options if o.recommended), d.options[0])
        if policy == "idle":
            return None
        if policy == "random":
            delay, option = window * r.uniform(0.1, 1.2), r.choice(d.options)
        elif policy == "late":
            delay, option = window * r.uniform(1.1, 1.5), recommended
        else:
            delay, option = window * r.uniform(0.2, 0.6), recommended
            if self._slips():
                option = self._wrong_call(d.options, recommended)
        return round(delay, 2), option, recommended

    def _wrong_call(self, options, recommended):
        """A slip: one of the options the plan does not favour (any, when it favours none)."""
        return self.rng.choice([o for o in options if o is not recommended] if recommended.recommended else options)

    def decide(self, inj: Inject):
        """Settle a decision addressed to this seat."""
        chosen = self._choose(inj)
        if chosen is None:
            return
        delay, option, _recommended = chosen
        yield self.env.timeout(delay)
        engine = self.engine
        if engine.open_decisions.get(inj.id) == self.role and not self.retired:
            was_met = set(engine.met)
            engine.decide(inj.id, option.id, self.role, staff=True)
            for exp_id in sorted(engine.met - was_met):  # the option was a plan step (its `meets`): done, and said so
                exp = engine.pack.expectations[exp_id]
                self._did(exp, words.done(engine.pack, exp, engine.now))
            boss, decision = self._boss(), inj.decision
            if boss is not None and decision is not None:  # told at once, right or wrong: the one above may still overrule it
                engine.message(self.role, boss, "report", words.decision_taken(
                    engine.pack, inj, option.label, engine.history.delivered.get(inj.id), engine.now,
                    judge.overrule_ends(decision, engine.now)), staff=True, decision=inj.id)

    def _decision_pending(self, exp: Expectation) -> bool:
        """Whether a decision one of whose options is this step (`meets`) is open: the call decides
        whether the step is done, so staff do not do it first."""
        open_now = self.engine.open_decisions
        return any(inject in open_now for inject, _o in self.engine.pack.step_options.get(exp.id, ()))

    def _decided_otherwise(self, exp: Expectation) -> bool:
        """Whether someone took a decision one of whose options is this step and chose another: the
        call was made, and the step is not done unless it is overruled (the overrule then does it)."""
        engine, pairs = self.engine, self.engine.pack.step_options.get(exp.id, ())
        return any(inject in engine.taken and (inject, engine.taken[inject][1]) not in pairs for inject, _o in pairs)

    def answer(self, request_id: str):
        """Answer an approval request addressed to this seat; a careful approver refuses a draft that
        breaks the playbook (one who slips does not read it)."""
        policy, r = self.seat.policy, self.rng
        if policy == "idle":
            return
        delay = {"plan": r.uniform(1, 4), "late": r.uniform(8, 20), "random": r.uniform(1, 20)}[policy]
        granted = True if policy != "random" else r.random() < 0.75
        slipped = self._slips()
        if slipped:
            delay += r.uniform(5, 15)
        yield self.env.timeout(round(delay, 2))
        engine = self.engine
        req = engine.requests[request_id]
        if req["status"] != "pending" or engine.ended or self.retired:
            return
        if granted and not slipped and req["text"]:
            engine.history.now = engine.now  # prohibitions are judged at this minute
            granted = not drafts.breaks(engine.pack, engine.history, req["text"])
        engine.answer(request_id, self.role, granted, staff=True)

    def delivered(self, inj: Inject, to: list[str], serious: bool) -> None:
        """An inject reached this seat: queue what the supervisor must hear, advise on its decision."""
        if self.seat.policy == "idle":
            return
        engine = self.engine
        rule = engine.pack.plan.reporting
        if rule is not None and judge.serious(rule, inj.severity) and \
                judge.report_up(engine.pack.roles, self.role, to, engine.acting_for) is not None:
            self.news.append((inj, engine.now))
            self._report_soon(rule.within)
        if inj.decision is not None:
            self._advise(inj, to)

    def module_started(self, module) -> None:
        """The crisis rhythm: a situation report at the start of each later module, when there is news."""
        if self.seat.policy != "idle" and module.starts_at > 0 and (self.done or self.news or self._open()):
            self._report_soon(SITREP_WINDOW)

    # ---- reports -----------------------------------------------------------------------------

    def _open(self) -> list[tuple[Expectation, float]]:
        engine = self.engine
        steps = engine.pack.expectations
        return [(steps[x], due) for x, due in engine.open_expectations.items() if engine.acting_for(steps[x].role) == self.role]

    def _report_soon(self, window: float) -> None:
        if self.report_due:
            return  # the report on its way will carry this too
        delay = self._when(window)
        if delay is None:
            return  # it slips: what it knows waits for its next report (late)
        self.report_due = True
        self.env.process(self._send_report(delay))

    def _send_report(self, delay: float):
        yield self.env.timeout(delay)
        self.report_due = False
        engine = self.engine
        boss = self._boss()
        if self.retired or engine.ended or boss is None or not (self.news or self.done or self.doing or self._open()):
            return
        pack, now = engine.pack, engine.now
        steps = pack.expectations
        doing = []
        for inj, _t in self.news:  # what the news calls for from it: the inject's expected steps, or steps it starts
            called = [*inj.expected_actions, *(e.id for e in pack.plan.expectations
                                                if isinstance(e.trigger, WhenDelivered) and e.trigger.delivered == inj.id)]
            for x in called:
                if x in engine.open_expectations and engine.acting_for(steps[x].role) == self.role:
                    doing.append(words.on_it(pack, steps[x], engine.open_expectations[x]))
        doing = list(dict.fromkeys(doing + self.doing))
        still = [words.open_step(pack, e, due, now, self.waiting.get(e.id)) for e, due in sorted(self._open(), key=lambda x: x[1])
                 if words.on_it(pack, e, due) not in doing]
        text = words.report(pack, self.role, now, self.last_report, self.news, doing, self.done, still,
                            handover=self._acted_for_boss_since(self.last_report))
        engine.message(self.role, boss, "report", text, staff=True)
        self.news, self.done, self.doing, self.last_report = [], [], [], now

    def _acted_for_boss_since(self, since: float) -> bool:
        """Whether it stood in for its supervisor since its last report: that report is then a handover."""
        roles = self.engine.pack.roles
        superior = roles[self.role].reports_to
        if superior is None or superior not in roles or roles[superior].successor != self.role:
            return False
        return any(end is None or end > since for _start, end in self.engine.history.away.get(superior, ()))

    # ---- advice ------------------------------------------------------------------------------

    def _advise(self, inj: Inject, to: list[str]) -> None:
        """Advise a person deciding above it: one adviser, the first staff recipient reporting to the decider."""
        engine = self.engine
        decider = engine.open_decisions.get(inj.id)
        if decider is None or decider != self._boss() or engine.seats[decider].kind != "human":
            return
        advisers = [m for m in (engine.staff.get(r) for r in to) if isinstance(m, StaffMember)]
        first = next((m.role for m in advisers if m._boss() == decider), None)
        if first == self.role:
            self.env.process(self._give_advice(inj, decider))

    def _give_advice(self, inj: Inject, decider: str):
        d = asked(inj)
        r = self.rng
        recommended = next((o for o in d.options if o.recommended), None)
        others = [o for o in d.options if o is not recommended]
        if self.seat.policy == "random" or recommended is None:
            option = r.choice(d.options)
        elif self._slips() and others:
            option = r.choice(others)  # a wrong call the person deciding must overrule
        else:
            option = recommended
        delay = round((d.deadline or 15.0) * r.uniform(0.1, 0.3), 2)
        yield self.env.timeout(delay)
        engine = self.engine
        if engine.open_decisions.get(inj.id) == decider and not self.retired and not engine.ended:
            due = engine.history.delivered.get(inj.id)
            due = None if due is None or d.deadline is None else due + d.deadline
            engine.message(self.role, decider, "notify", words.advice(engine.pack, inj, option.label, due), staff=True)

    # ---- helpers ---------------------------------------------------------------------------

    def _template(self, exp: Expectation) -> Template | None:
        need = set(exp.statement or ())
        mine = [t for t in self.engine.pack.playbook.templates if t.role in (exp.role, self.role)]
        return next((t for t in mine if need <= set(t.covers)), None)
