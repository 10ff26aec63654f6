"""Causes the log can show for playbook (public statements) and chain-of-command findings."""

from __future__ import annotations

from collections.abc import Callable

from .. import judge
from ..scoring.facts import Done, Said
from ..scoring.model import Finding
from .data import ReportData
from .plan_causes import activity, approval_of_act, availability, missing_authority
from .wording import minute as m
from .wording import plural, role_name, role_names


def _target(f: Finding) -> str:
    return f.id.split(":", 1)[1].split("@", 1)[0]


def _said_at(data: ReportData, line: int | None) -> Said | None:
    return next((s for s in data.facts.statements if s.line == line), None)


def _draft_approvals(data: ReportData, before: float) -> list[str]:
    """Statement drafts sent for approval before a minute: how long they waited, or that they still wait."""
    out = []
    for r in data.facts.requests.values():
        if r.get("text") is None or r["t"] > before:
            continue
        ans = r["answer"]
        if ans is None:
            out.append(f"A statement draft sent to {role_name(data.pack, r['to'])} for approval at minute {m(r['t'])} (line {r['line']}) was never answered.")
        elif not ans["granted"]:
            out.append(f"A statement draft was refused by {role_name(data.pack, ans['by'])} at minute {m(ans['t'])} (line {ans['line']}).")
        elif ans["t"] - r["t"] >= 10:
            out.append(f"A statement draft waited {m(ans['t'] - r['t'])} min for approval (lines {r['line']} and {ans['line']}).")
    return out


def _looks_for(match) -> str:
    cues = [*match.phrases, *match.words][:6]
    need = f" (at least {match.min_hits} of them)" if match.min_hits > 1 else ""
    return ", ".join(f"'{c}'" for c in cues) + need


# ---- playbook -----------------------------------------------------------------------------------

def _first_statement(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    pb = data.pack.playbook
    first = _said_at(data, f.evidence[0]) if f.evidence else None
    until = first.t if first else data.end
    out = _draft_approvals(data, until)
    sure = bool(out)
    for msg in pb.messengers:
        said, shown = availability(msg.role, 0.0, until, data)
        out += said
        sure = sure or shown
    if first is None:
        for msg in pb.messengers:
            out += activity(msg.role, 0.0, data.end, data)
    return out, sure


def _first_message(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    pb = data.pack.playbook
    first = _said_at(data, f.evidence[0]) if f.evidence else None
    if first is None:
        return [], False
    missing = [r for r in pb.first_message if r.id not in first.rules]
    out = [f"For '{r.label}' the playbook looks for {_looks_for(r.match)}; the first statement used none of them."
           for r in missing]
    full = [t for t in pb.templates if {r.id for r in pb.first_message} <= set(t.covers)]
    if full:
        out.append(f"The playbook's template '{full[0].title}' covers every element; the first statement did not follow it.")
    out.append("Whether the missing points were made in other words is for the evaluator to confirm.")
    return out, bool(full)


def _not_said(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    pb = data.pack.playbook
    rule = next((r for r in [*pb.key_messages, *pb.audiences] if r.id == _target(f)), None)
    if rule is None:
        return [], False
    out = [f"The playbook recognises '{rule.label}' by {_looks_for(rule.match)}; none of the "
           f"{plural(len(data.facts.statements), 'statement')} used them."]
    covering = [t for t in pb.templates if rule.id in t.covers]
    if covering:
        out.append(f"The template '{covering[0].title}' carries it and was not used.")
    return out, bool(covering)


def _prohibited(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    said = _said_at(data, f.evidence[0]) if f.evidence else None
    if said is None:
        return [], False
    words = ", ".join(f"'{w}'" for w in f.matched)
    out = [f"The statement on line {said.line} matched {words}."]
    req = data.facts.requests.get(said.approval or "")
    if req is not None and req["answer"] is not None and req["answer"]["granted"]:
        out.append(f"It had been approved by {req['answer']['by']} (line {req['answer']['line']}): the approval did not catch it.")
    elif said.approval is None:
        out.append("It was released without an approval that could have caught it.")
    return out, True


def _messenger(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    names = ", ".join(role_name(data.pack, x.role) for x in data.pack.playbook.messengers)
    return [f"Only these roles are approved messengers in the playbook: {names}."], True


def _coverage(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    pb = data.pack.playbook
    langs = f.rule.endswith("languages")
    req = pb.languages if langs else pb.channels
    if req is None:
        return [], False
    used = {x.lower() for s in data.facts.statements for x in (s.languages if langs else [s.channel])}
    missing = [x for x in req.required if x.lower() not in used]
    ready = [t.title for t in pb.templates if any(x.lower() in {y.lower() for y in (t.languages if langs else [t.channel])}
                                                 for x in missing)]
    out = [f"Never used: {', '.join(missing)}."]
    if ready:
        out.append(f"Templates for them exist ({', '.join(ready[:3])}) and were not used.")
    return out, bool(ready)


def _consistency(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    if len(f.evidence) < 2:
        return [], False
    a, b = _said_at(data, f.evidence[0]), _said_at(data, f.evidence[-1])
    if a is None or b is None:
        return [], False
    if a.by != b.by:
        return [f"The two figures came from different messengers ({role_name(data.pack, a.by)} and {role_name(data.pack, b.by)}); the log shows no message between "
                "them agreeing the facts, and whether they shared a fact sheet is for the evaluator to confirm."], False
    return [f"{role_name(data.pack, a.by)} changed the figure without marking the later statement as an update."], True


def _rumour(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    pb, facts = data.pack.playbook, data.facts
    rumour = next((r for r in pb.rumours if r.id == _target(f)), None)
    if rumour is None or rumour.inject not in facts.deliveries:
        return [], False
    t, line, to, _cue = facts.deliveries[rumour.inject]
    messengers = {x.role for x in pb.messengers}
    out = [f"The rumour reached {role_names(data.pack, to)} (line {line})."]
    sure = False
    if not messengers & set(to):
        out.append("None of them is an approved messenger, and a correction needs one.")
        sure = True
    out.append(f"A correction is recognised by {_looks_for(rumour.match)}.")
    drafts = _draft_approvals(data, t + rumour.correct_within)
    return out + drafts, sure or bool(drafts)


def _cadence(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    official = [s for s in data.facts.statements if s.line in set(f.evidence)]
    times = [s.t for s in official] + [data.facts.ended[0] if data.facts.ended else data.end]
    gap, at = max(((b - a, i) for i, (a, b) in enumerate(zip(times, times[1:]))), default=(0.0, 0))
    if not official:
        return [], False
    start = official[at]
    out = [f"The longest silence, {m(gap)} min, followed the statement at minute {m(start.t)} (line {start.line})."]
    return out + _draft_approvals(data, times[at + 1]), False


def playbook_rules() -> dict[str, Callable]:
    return {"playbook.first_statement": _first_statement, "playbook.first_message": _first_message,
            "playbook.key_message": _not_said, "playbook.audience": _not_said, "playbook.prohibited": _prohibited,
            "playbook.messenger": _messenger, "playbook.channels": _coverage, "playbook.languages": _coverage,
            "playbook.consistency": _consistency, "playbook.rumour": _rumour, "playbook.cadence": _cadence}


# ---- chain of command ---------------------------------------------------------------------------

def _directive(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    sender, rest = _target(f).split("->", 1)
    boss = data.pack.roles[rest].reports_to if rest in data.pack.roles else None
    return [f"{rest} reports to {boss or 'nobody'}, not to {sender}: the order skipped the chain of command."], True


def _acted(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    target = _target(f)
    line = f.evidence[0] if f.evidence else None
    if target == "statement":
        said = _said_at(data, line)
        approver = judge.statement_approver(data.pack, said.by) if said else None
        if said is None or approver is None:
            return [], False
        return approval_of_act(Done(said.t, said.line, said.by, said.approval), None, approver, data)
    done = next((d for d in data.facts.actions.get(target, ()) if d.line == line), None)
    if done is None:
        return [], False
    action = data.pack.actions[target][1]
    if f.rule == "chain.authority":
        return missing_authority(done.by, action.requires_authority, done.t, data)
    return approval_of_act(done, target, None, data)


def _reporting(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    inject, role = _target(f).split("/", 1)
    facts = data.facts
    if inject not in facts.deliveries:
        return [], False
    t = facts.deliveries[inject][0]
    within = data.pack.plan.reporting.within if data.pack.plan.reporting else 0
    said, shown = availability(role, t, t + within, data)
    other = [x for x in facts.messages if x["by"] == role and t <= x["t"] <= t + within]
    if other:
        said.append(f"{role_name(data.pack, role)} sent {plural(len(other), 'other message')} in that window (first on line {other[0]['line']}), "
                    "none of them a report or escalation to their supervisor.")
    else:
        said += activity(role, t, t + within, data)
    return said, shown


def _unreachable(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    role = _target(f)
    asked = next((d for n, d in data.facts.lines if f.evidence and n == f.evidence[-1]), None)
    acting = data.facts.acting_for(role, asked["t"]) if asked and role in data.pack.roles else role
    who = f"{role_name(data.pack, acting)} was acting for them" if acting != role else "no successor is named"
    return [f"The request went to {role_name(data.pack, role)}, who could not be reached; {who}, "
            "and the request was not redirected."], True


def _succession(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    role = _target(f)
    if f.verdict == "no_successor":
        return [f"The role file for {role_name(data.pack, role)} names no successor, so nobody could act in its place."], True
    successor = data.pack.roles[role].successor
    return [f"{role_name(data.pack, successor)} was the named successor but did not take over all of the {role_name(data.pack, role)}'s plan steps; "
            "whether they knew they were acting is for the evaluator to confirm."], False


def _span(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    role = _target(f)
    reports = sorted(r for r, x in data.pack.roles.items() if x.reports_to == role)
    return [f"The role files make {role_names(data.pack, reports)} all report to the {role_name(data.pack, role)} directly."], True


def chain_rules() -> dict[str, Callable]:
    return {"chain.directive": _directive, "chain.authority": _acted, "chain.approval": _acted,
            "chain.reporting": _reporting, "chain.unreachable": _unreachable, "chain.succession": _succession,
            "chain.span": _span}
