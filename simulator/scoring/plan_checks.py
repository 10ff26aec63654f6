"""Plan adherence: each expectation judged on time, role, order, authority, approval and contingency."""

from __future__ import annotations

from collections.abc import Iterator

from .. import judge
from ..models import Expectation
from .facts import Done, Facts
from .model import Finding, Rating

_TIMELINESS: dict[str, tuple[Rating, str]] = {"on_time": ("P", "done at minute {t:g}, due by {due:g}"),
               "late_within_grace": ("S", "done at minute {t:g}, {late:.0f} min after the due time but within the {grace:g}-minute grace"),
               "late": ("M", "done at minute {t:g}, {late:.0f} min late (due by {due:g}, {grace_words})")}


def _finding(exp: Expectation, rule: str, title: str, verdict: str, rating: Rating, evidence: list[int],
             explanation: str, roles: list[str] | None = None, source: str | None = None,
             matched: list[str] | None = None) -> Finding:
    return Finding(id=f"{rule}:{exp.id}", rule=rule, category="plan", title=title, source=source or exp.source,
                   roles=roles or [exp.role], verdict=verdict, rating=rating, suggested=rating,
                   evidence=sorted(set(evidence)), explanation=explanation, matched=matched or [], expectation=exp.id,
                   objective=exp.objective, capability=exp.capability)


def _said(facts: Facts, done: Done) -> tuple[str, list[str]]:
    """For a statement step: ', in a statement that said <rule> ('words'); ...' and the words, as the
    playbook findings quote them, so every statement verdict shows what triggered it. For a step a
    decision's option did: which option, on which decision (the scenario's `meets` says it is the step)."""
    if done.chosen is not None:
        inject, label = done.chosen
        if done.overruled_by is not None:
            return f", when {done.overruled_by} overruled decision {inject} to '{label}'", []
        return f", by choosing '{label}' on decision {inject}", []
    if not done.words:
        return "", []
    pb = facts.pack.playbook
    labels = {r.id: r.label for g in (pb.first_message, pb.key_messages, pb.audiences) for r in g}
    labels.update({r.id: f"a correction of the rumour {r.id}" for r in pb.rumours})
    parts = [f"{labels.get(rid, rid)} ({', '.join(f'{chr(39)}{w}{chr(39)}' for w in ws) or 'matched'})"
             for rid, ws in done.words.items()]
    return f", in a statement that said: {'; '.join(parts)}", [w for ws in done.words.values() for w in ws]


def plan_findings(facts: Facts, final: bool) -> Iterator[Finding]:
    pack = facts.pack
    for exp in pack.plan.expectations:
        trig = facts.triggered.get(exp.id)
        what = f"'{exp.description}' ({exp.role})"
        if trig is None:
            if final:
                yield _finding(exp, "plan.timeliness", "On time", "not_triggered", "N/A", [],
                               f"{what} was never called for: its trigger did not happen in this exercise.")
            continue
        t0, trig_line, due = trig
        done = facts.done(exp)
        contingency = [v[1] for v in facts.deliveries.values() if v[3] == f"contingency:{exp.id}"]
        if contingency:
            yield _finding(exp, "plan.contingency", "Needed no prompt", "contingency_needed", "S",
                           contingency + ([done.line] if done else []),
                           f"A contingency inject had to prompt {what}" + (" before it was done." if done else "."))
        if done is None:
            if judge.missed(facts.now, due, exp.grace, final):
                yield _finding(exp, "plan.timeliness", "On time", "missed", "U", [trig_line, *contingency],
                               f"{what} was due by minute {due:g} and was never done.")
            continue
        ev = [trig_line, done.line]
        verdict = judge.timeliness(done.t, due, exp.grace)
        rating, words = _TIMELINESS[verdict]
        words = words.format(t=done.t, due=due, late=done.t - due, grace=exp.grace,
                             grace_words=f"beyond the {exp.grace:g}-minute grace" if exp.grace else "no grace period")
        said, matched = _said(facts, done)
        yield _finding(exp, "plan.timeliness", "On time", verdict, rating, ev, f"{what} was {words}{said}.", [done.by],
                       matched=matched)
        yield from _role(facts, exp, done, ev, what)
        yield from _order(facts, exp, done, what)
        yield from _authority(facts, exp, done, what)
        yield from _approval(facts, exp, done, what)


def _role(facts: Facts, exp: Expectation, done: Done, ev: list[int], what: str) -> Iterator[Finding]:
    standing = facts.standing(exp, done)
    if standing == "role":
        yield _finding(exp, "plan.role", "Right role", "right_role", "P", ev, f"{what} was done by the role the plan names.")
        return
    if standing == "successor":
        yield _finding(exp, "plan.role", "Right role", "successor", "P", ev,
                       f"{what} was done by {done.by}, acting for {exp.role} who could not be reached.", [done.by, exp.role])
        return
    if standing == "delegate":
        delegated = [d["line"] for d in facts.delegations if d["to"] == done.by and d["by"] == exp.role and d["t"] <= done.t]
        yield _finding(exp, "plan.role", "Right role", "delegate", "P", ev + delegated,
                       f"{what} was done by {done.by} under a logged delegation from {exp.role}.", [done.by, exp.role])
        return
    yield _finding(exp, "plan.role", "Right role", "wrong_role", "M", ev,
                   f"{what} was done by {done.by}, not by {exp.role} or a logged delegate.", [done.by, exp.role])


def _order(facts: Facts, exp: Expectation, done: Done, what: str) -> Iterator[Finding]:
    if not exp.prerequisites:
        return
    late, ev = [], [done.line]
    for p in exp.prerequisites:
        prior = facts.done(facts.pack.expectations[p])
        if prior is None or prior.t > done.t:
            late.append(p)
        else:
            ev.append(prior.line)
    if late:
        yield _finding(exp, "plan.prerequisites", "In order", "out_of_order", "M", ev,
                       f"{what} came before its prerequisite step(s) {', '.join(late)} were done.")
    else:
        yield _finding(exp, "plan.prerequisites", "In order", "in_order", "P", ev,
                       f"{what} followed its prerequisite step(s) {', '.join(exp.prerequisites)}.")


def _authority(facts: Facts, exp: Expectation, done: Done, what: str) -> Iterator[Finding]:
    if exp.authority is None:
        return
    if facts.holds_authority(done.by, exp.authority, done.t):
        yield _finding(exp, "plan.authority", "With authority", "authorised", "P", [done.line],
                       f"{done.by} held the authority '{exp.authority}' for {what}.", [done.by])
    else:
        yield _finding(exp, "plan.authority", "With authority", "unauthorised", "M", [done.line],
                       f"{done.by} did {what} without holding '{exp.authority}' or a logged delegation of it.", [done.by])


def _approval(facts: Facts, exp: Expectation, done: Done, what: str) -> Iterator[Finding]:
    approver = judge.step_approver(facts.pack, exp)
    if approver is None or facts.whom_to_ask(approver, done.by, done.t) is None:
        return  # no approval needed
    req = facts.requests.get(done.approval or "")
    ev = [done.line] + ([req["line"], req["answer"]["line"]] if req and req["answer"] else [])
    if facts.approved(done.approval, approver, done.t, exp.action):
        yield _finding(exp, "plan.approval", "Approved first", "approved", "P", ev,
                       f"{what} had {approver}'s approval before it was done.", [done.by, approver])
    else:
        yield _finding(exp, "plan.approval", "Approved first", "not_approved", "M", ev,
                       f"{what} needed {approver}'s approval first and went ahead without it.", [done.by, approver])


def harm_findings(facts: Facts, final: bool) -> Iterator[Finding]:
    """Side effects the scenario declares harmful, judged at the end."""
    if not final:
        return
    from ..engine.history import dependencies

    pack = facts.pack
    for harm in pack.scenario.harms:
        if not facts.history.holds(harm.when):
            continue
        ev = []
        for kind, key in dependencies(harm.when):
            if kind == "delivered" and key in facts.deliveries:
                ev.append(facts.deliveries[key][1])
            elif kind == "action" and key in facts.actions:
                ev.append(facts.actions[key][0].line)
            elif kind == "chosen" and key in facts.decisions:
                ev.append(facts.decisions[key]["line"])
        exp = pack.expectations.get(harm.expectation) if harm.expectation else None
        objective = harm.objective or (exp.objective if exp else None)
        yield Finding(id=f"plan.harm:{harm.id}", rule="plan.harm", category="plan", title="No harmful side effects",
                      source=harm.source, roles=[exp.role] if exp else [], verdict="harm", rating="M", suggested="M",
                      evidence=sorted(set(ev)), explanation=f"Harmful side effect: {harm.label}.",
                      expectation=harm.expectation, objective=objective, capability=exp.capability if exp else None)
