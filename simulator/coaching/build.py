"""Build one seat's coached feedback from the scorecard and the facts the scorer gathered.

Every rating here is a finding of the scorecard (or, for an approval or a statement, the same
checks the scorer runs: the judge's verdicts with the words that triggered them). This module only
decides which of them belong to the seat, and in what order a person learns from them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import judge
from ..loading.pack import Pack
from ..models import Expectation
from ..scoring.facts import Facts, Said
from ..scoring.model import SEVERITY, Finding, Rating, Scorecard
from ..timegrid import from_ticks, to_ticks
from . import model as M
from .wrong_calls import wrong_calls


class UnknownSeat(ValueError):
    """The role asked about does not take part in the exercise."""


def feedback_for(pack: Pack, card: Scorecard, facts: Facts, role: str) -> M.SeatFeedback:
    """Coached feedback for the person in `role`'s seat (raises UnknownSeat for a role not in the exercise)."""
    if role not in pack.scenario.roles:
        raise UnknownSeat(f"unknown role '{role}'; this exercise's roles: {', '.join(pack.scenario.roles)}")
    seat = _Seat(pack, card, facts, role)
    authorised, calls = seat.authorised(), seat.calls()
    decisions, statements = seat.decisions(), seat.statements()
    below = wrong_calls(seat)
    practise = _practise(seat.lessons)
    rolled = next((r for r in card.roles if r.id == f"role:{role}"), None)
    return M.SeatFeedback(
        scenario=pack.scenario.id, scenario_title=pack.scenario.title, role=role, role_title=pack.roles[role].title,
        final=card.final, minute=card.minute, rating=rolled.rating if rolled else "N/A", score=card.score,
        authorised=authorised, calls=calls, decisions=decisions, wrong_calls=below, statements=statements, practise=practise,
        supervises=bool(judge.below(pack.roles, role)),
        moment=next((p for p in practise if p.minute is not None), None))


@dataclass
class _Lesson:
    practice: M.Practice
    order: int
    """Which kind it is, for ties: authority first, then harmful words (the playbook weighs them
    double), then calls, then decisions (one's own, and wrong calls below to overrule)."""


def _practise(lessons: list[_Lesson], n: int = 3) -> list[M.Practice]:
    """The `n` most important lessons: worst rating first, then by kind (`_Lesson.order`), then
    the earliest; one per title, and the worst of each kind before a
    second of any kind (three missed calls teach less than a missed call, a weak decision and a
    careless statement)."""
    def rank(x: _Lesson) -> tuple:
        return (-SEVERITY.get(x.practice.rating, -1), x.order, x.practice.minute or 0.0)

    ranked = sorted(lessons, key=rank)
    chosen: list[_Lesson] = []
    titles: set[str] = set()
    firsts: dict[int, _Lesson] = {}
    for lesson in ranked:
        firsts.setdefault(lesson.order, lesson)
    for lesson in [*sorted(firsts.values(), key=rank), *ranked]:
        if lesson.practice.title not in titles and len(chosen) < n:
            chosen.append(lesson)
            titles.add(lesson.practice.title)
    return [x.practice for x in sorted(chosen, key=rank)]


def just_before(minute: float) -> float:
    """The last grid minute before `minute`: a branch from it keeps what came before, not the act itself."""
    return from_ticks(max(0, to_ticks(minute) - 1))


class _Seat:
    def __init__(self, pack: Pack, card: Scorecard, facts: Facts, role: str):
        self.pack, self.card, self.facts, self.role = pack, card, facts, role
        self.me = pack.roles[role]
        self.findings = {f.id: f for f in card.findings}
        self.lessons: list[_Lesson] = []
        self.actions = pack.actions
        self.lines = dict(facts.lines)

    def title(self, role: str) -> str:
        r = self.pack.roles.get(role)
        return r.title if r else role

    def learn(self, order: int, title: str, why: str, rating: Rating, minute: float | None) -> None:
        if rating in ("U", "M", "S"):
            self.lessons.append(_Lesson(M.Practice(title=title, why=why, rating=rating, minute=minute), order))

    # ---- what only this seat could authorise ----------------------------------------------------

    def only_mine(self, role: str | None = None) -> list[str]:
        """The powers `role` (this seat by default) holds and no other role in the exercise does."""
        return judge.sole_authorities(self.pack, role or self.role)

    def stands_for(self, exp: Expectation) -> bool:
        """Whether the step was this seat's: its own, or that of a role it acted for when the step was called for."""
        if exp.role == self.role:
            return True
        trig = self.facts.triggered.get(exp.id)
        return trig is not None and self.facts.acting_for(exp.role, trig[0]) == self.role

    def step_power(self, exp: Expectation) -> str | None:
        if exp.authority is not None:
            return exp.authority
        found = self.actions.get(exp.action or "")
        return found[1].requires_authority if found else None

    def authorised(self) -> list[M.Authorised]:
        only, out, covered = self.only_mine(), [], set()
        for exp in self.pack.plan.expectations:
            power = self.step_power(exp)
            if not self.stands_for(exp) or power not in self.only_mine(exp.role):
                continue  # (a power of a role this seat stood in for was this seat's alone then)
            if exp.role == self.role:
                covered.add(power)
            item = self.step_item(exp)
            out.append(M.Authorised(kind="plan_step", authority=power, **item))
            t0 = self.facts.triggered.get(exp.id, (None,))[0]
            self.learn(0, f"Use your authority in time: {self.step_label(exp)}", item["explanation"], item["rating"], t0)
        for power in only:
            acts = [a for a in self.me.actions if a.requires_authority == power]
            if power in covered or not acts:
                continue  # a power no action uses shows as the approvals asked of this seat, below
            taken = [(d, a) for a in acts for d in self.facts.actions.get(a.id, [])]
            what = acts[0].label
            if taken:
                d, a = min(taken, key=lambda x: x[0].t)
                out.append(M.Authorised(kind="power", what=a.label, authority=power, done_at=d.t, by=d.by, verdict="used",
                                        rating="N/A", explanation=f"Only you could do this; the {self.title(d.by)} did at minute {d.t:g}.",
                                        evidence=[d.line]))
            else:
                out.append(M.Authorised(kind="power", what=what, authority=power, verdict="not_used", rating="N/A",
                                        explanation="Only you can do this; the plan did not call for it in this exercise."))
        out.extend(self.approvals())
        return out

    def step_label(self, exp: Expectation) -> str:
        """A plan step in a few words: its catalogue action's label, else its description."""
        found = self.actions.get(exp.action or "")
        return found[1].label if found else exp.description

    def step_item(self, exp: Expectation) -> dict:
        f = self.findings.get(f"plan.timeliness:{exp.id}")
        done = self.facts.done(exp)
        due = self.facts.triggered[exp.id][2] if exp.id in self.facts.triggered else None
        if f is None:  # not judged yet (a live card) or never called for
            return dict(what=self.step_label(exp), due=due, done_at=done.t if done else None, by=done.by if done else None,
                        verdict="pending" if exp.id in self.facts.triggered else "not_called_for", rating="N/A",
                        explanation="Not judged yet." if exp.id in self.facts.triggered else
                        "Its trigger did not happen in this exercise.", evidence=[], finding=None)
        return dict(what=self.step_label(exp), due=due, done_at=done.t if done else None, by=done.by if done else None,
                    verdict=f.verdict, rating=f.rating, explanation=f.explanation, evidence=f.evidence, finding=f.id)

    def approvals(self) -> list[M.Authorised]:
        out = []
        for rid, req in self.facts.requests.items():
            answer = req["answer"]
            if req["to"] != self.role and not (answer and answer["by"] == self.role):
                continue
            what = (f"Approve {self.title(req['by'])}'s action '{self.actions[req['action']][1].label}'"
                    if req.get("action") in self.actions else f"Approve {self.title(req['by'])}'s statement")
            ev = [req["line"]] + ([answer["line"]] if answer else [])
            if answer is None:
                rating: Rating = "S" if self.card.final else "N/A"
                text = f"The {self.title(req['by'])} asked at minute {req['t']:g}; you never answered."
                out.append(M.Authorised(kind="approval", what=what, verdict="unanswered", rating=rating, explanation=text,
                                        evidence=ev))
                self.learn(2, "Answer approval requests while they still matter", text, rating, req["t"])
                continue
            waited = answer["t"] - req["t"]
            word = "granted" if answer["granted"] else "denied"
            breaks = self.draft_breaks(req) if answer["granted"] else []
            rating = "M" if breaks else "P"
            who = "you" if answer["by"] == self.role else f"{self.title(answer['by'])}, acting for you,"
            text = (f"The {self.title(req['by'])} asked at minute {req['t']:g}; {who} {word} it at minute {answer['t']:g} "
                    f"({waited:.0f} min later)")
            text += (f", though it broke {', '.join(b.label for b in breaks)}." if breaks else ".")
            out.append(M.Authorised(kind="approval", what=what, done_at=answer["t"], by=answer["by"], verdict=word,
                                    rating=rating, explanation=text, evidence=ev))
        return out

    def draft_breaks(self, req: dict) -> list[M.RuleVerdict]:
        said = next((s for s in self.facts.statements if s.approval == req["request"]), None)
        if said is not None:
            return self.verdicts(said.rules, said.words)[1]
        if req.get("text"):
            return self.check(req["text"])[1]
        return []

    # ---- who to call -----------------------------------------------------------------------------

    def calls(self) -> list[M.Call]:
        out: list[M.Call] = []
        for exp in self.pack.plan.expectations:
            found = self.actions.get(exp.action or "")
            if not self.stands_for(exp) or found is None or found[1].category != "coordination":
                continue
            if self.step_power(exp) in self.only_mine(exp.role):
                continue  # already under what only this seat could authorise
            item = self.step_item(exp)
            out.append(M.Call(whom=None, **{**item, "what": found[1].label}))
            t0 = self.facts.triggered.get(exp.id, (None,))[0]
            self.learn(2, f"Make the call in time: {found[1].label}", item["explanation"], item["rating"], t0)
        for f in self.card.findings:
            call = self.call_from(f)
            if call is not None:
                out.append(call)
        return out

    def call_from(self, f: Finding) -> M.Call | None:
        target = f.id.split(":", 1)[1]
        lines = self.lines
        first_t = lines[f.evidence[0]]["t"] if f.evidence and f.evidence[0] in lines else None
        if f.rule == "chain.reporting" and target.rsplit("/", 1)[-1] == self.role:
            boss = next((r for r in f.roles if r != self.role), None)
            inject = self.pack.injects.get(target.rsplit("/", 1)[0])
            due = (first_t + self.pack.plan.reporting.within) if first_t is not None and self.pack.plan.reporting else None
            call = M.Call(whom=self.title(boss) if boss else None, what=f"Pass on '{inject.title if inject else target}'",
                          due=due, verdict=f.verdict, rating=f.rating, explanation=f.explanation, evidence=f.evidence,
                          finding=f.id, done_at=lines[f.evidence[1]]["t"] if len(f.evidence) > 1 and f.evidence[1] in lines else None)
            self.learn(2, f"Report upwards to {call.whom} without waiting", f.explanation, f.rating, first_t)
            return call
        if f.rule in ("chain.approval", "plan.approval") and f.rating != "P" and f.evidence:
            act = lines.get(f.evidence[0], {})
            approver = next((r for r in f.roles if r != self.role), None)
            if act.get("by") != self.role or approver is None:
                return None  # this seat was the approver, not the one who should have asked
            call = M.Call(whom=self.title(approver), what="Ask for approval first", verdict=f.verdict, rating=f.rating,
                          explanation=f.explanation, evidence=f.evidence, finding=f.id, done_at=first_t)
            self.learn(2, f"Ask {call.whom} before you act", f.explanation, f.rating,
                       just_before(first_t) if first_t is not None else None)
            return call
        if f.rule == "chain.unreachable" and len(f.evidence) > 1 and lines.get(f.evidence[1], {}).get("by") == self.role:
            asked_t = lines[f.evidence[1]]["t"]
            call = M.Call(whom=None, what="Turn to whoever is acting", verdict=f.verdict, rating=f.rating,
                          explanation=f.explanation, evidence=f.evidence, finding=f.id, done_at=asked_t)
            self.learn(2, "Turn to the acting role when someone cannot be reached", f.explanation, f.rating, asked_t)
            return call
        return None

    # ---- decisions -------------------------------------------------------------------------------

    def decisions(self) -> list[M.DecisionReview]:
        out = []
        for f in self.card.findings:
            if f.rule != "plan.decision" or self.role not in f.roles:
                continue
            inj = self.pack.injects[f.id.split(":", 1)[1]]
            d = inj.decision
            assert d is not None  # a decision finding is only made for an inject that carries one
            taken = self.facts.decisions.get(inj.id)
            options = {o.id: o for o in d.options}
            chosen = options.get((taken or {}).get("option") or "")
            favoured = next((o for o in d.options if o.recommended), None)
            asked_at = self.facts.deliveries[inj.id][0]
            review = M.DecisionReview(
                inject=inj.id, prompt=d.prompt, asked_at=asked_at,
                decided_at=taken["t"] if taken else None, lapsed=bool(taken and taken["lapsed"]),
                chosen=M.Option(id=chosen.id, label=chosen.label, note=chosen.note) if chosen else None,
                favoured=M.Option(id=favoured.id, label=favoured.label, note=favoured.note) if favoured else None,
                verdict=f.verdict, rating=f.rating, explanation=f.explanation, facilitator_notes=inj.facilitator_notes,
                evidence=f.evidence)
            out.append(review)
            why = f.explanation + (f" The plan favours '{favoured.label}': {favoured.note}"
                                   if favoured and favoured.note and chosen is not favoured else "")
            self.learn(3, f"Weigh the option the plan favours: {d.prompt}", why, f.rating, asked_at)
        return out

    # ---- statements --------------------------------------------------------------------------------

    def rule_info(self) -> dict[str, tuple[str, str, str]]:
        pb = self.pack.playbook
        info: dict[str, tuple[str, str, str]] = {}
        for group, kind in ((pb.first_message, "element"), (pb.key_messages, "key_message"), (pb.audiences, "audience"),
                            (pb.prohibited, "prohibited")):
            for r in group:
                info[r.id] = (kind, r.label, r.source)
        for rum in pb.rumours:
            spread = self.pack.injects.get(rum.inject)
            info[rum.id] = ("rumour", f"Corrects the rumour: {spread.title if spread else rum.inject}", rum.source)
        return info

    def verdicts(self, rules, words: dict[str, list[str]]) -> tuple[list[M.RuleVerdict], list[M.RuleVerdict]]:
        info = self.rule_info()
        covers: list[M.RuleVerdict] = []
        breaks: list[M.RuleVerdict] = []
        for rid in sorted(rules):
            if rid not in info:
                continue
            kind, label, source = info[rid]
            v = M.RuleVerdict(rule=rid, label=label, kind=kind, words=list(words.get(rid, [])), source=source)  # type: ignore[arg-type]
            (breaks if kind == "prohibited" else covers).append(v)
        return covers, breaks

    def check(self, text: str) -> tuple[list[M.RuleVerdict], list[M.RuleVerdict]]:
        """A draft that was never published, checked as the playbook reads it (no prohibition lifted):
        by the verdicts the exercise judged it with, if it did (a draft simulated staff weighed)."""
        verdicts = judge.checked(self.pack, text, self.facts.history).verdicts
        return self.verdicts(set(verdicts), {rid: v.words for rid, v in verdicts.items()})

    def statements(self) -> list[M.StatementReview]:
        out = []
        approved_by_me = {rid for rid, req in self.facts.requests.items()
                          if req["answer"] and req["answer"]["granted"] and req["answer"]["by"] == self.role}
        for s in self.facts.statements:
            if s.by == self.role:
                out.append(self.review("issued", s))
            elif s.approval in approved_by_me:
                out.append(self.review("approved", s))
        for rid, req in self.facts.requests.items():
            answer = req["answer"]
            if req.get("text") and answer and not answer["granted"] and answer["by"] == self.role:
                covers, breaks = self.check(req["text"])
                caught = ", ".join(b.label for b in breaks)
                rating: Rating = "P" if breaks else "S"
                text = (f"You turned down the {self.title(req['by'])}'s draft at minute {answer['t']:g}: it broke {caught}." if breaks
                        else f"You turned down the {self.title(req['by'])}'s draft at minute {answer['t']:g}, though the playbook "
                             "finds nothing wrong in it.")
                out.append(M.StatementReview(part="denied", minute=answer["t"], by=req["by"], text=req["text"], covers=covers,
                                             breaks=breaks, rating=rating, explanation=text,
                                             evidence=[req["line"], answer["line"]]))
        return sorted(out, key=lambda r: r.minute)

    def review(self, part: str, s: Said) -> M.StatementReview:
        covers, breaks = self.verdicts(s.rules, s.words)
        who = (f"Your statement at minute {s.t:g}" if part == "issued"
               else f"The statement of {self.title(s.by)} you approved (minute {s.t:g})")
        if breaks:
            rating: Rating = "M"
            quoted = "; ".join(f"{b.label} ({', '.join(repr(w) for w in b.words) or 'matched'})" for b in breaks)
            text = f"{who} broke the playbook: {quoted}."
            approval_minute = self.approval_minute(s)
            self.learn(1, f"Check statements before they go out ({breaks[0].label[0].lower()}{breaks[0].label[1:]})", text, rating,
                       just_before(approval_minute if approval_minute is not None else s.t))
        elif covers:
            rating = "P"
            text = f"{who} carried: {'; '.join(c.label for c in covers)}."
        else:
            rating = "S"
            text = f"{who} carried nothing the playbook asks a statement to say."
        missing = self.first_missing(s)
        if missing:
            text += f" As the first statement it lacked: {', '.join(missing)}."
        return M.StatementReview(part=part, minute=s.t, by=s.by, text=s.text, covers=covers, breaks=breaks,  # type: ignore[arg-type]
                                 rating=rating, explanation=text, evidence=[s.line])

    def approval_minute(self, s: Said) -> float | None:
        req = self.facts.requests.get(s.approval or "")
        return req["answer"]["t"] if req and req["answer"] else None

    def first_missing(self, s: Said) -> list[str]:
        messengers = {m.role for m in self.pack.playbook.messengers}
        first = next((x for x in self.facts.statements if x.by in messengers), None)
        if first is not s:
            return []
        return [r.label for r in self.pack.playbook.first_message if r.id not in s.rules]


__all__ = ["UnknownSeat", "feedback_for", "just_before"]
