"""Causes the log can show for plan-step findings, and helpers the other rules share."""

from __future__ import annotations

from .. import judge
from ..engine.history import dependencies
from ..scoring.model import Finding
from .data import ReportData
from .wording import minute as m
from .wording import authority_name, plural, role_name, role_names, step_text

# ---- plan steps ---------------------------------------------------------------------------------

def plan(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    pack, facts = data.pack, data.facts
    exp = pack.expectations.get(f.expectation or "")
    if exp is None:
        return [], False
    out: list[str] = []
    sure = False
    trig = facts.triggered.get(exp.id)
    t0, due = (trig[0], trig[2]) if trig else (0.0, exp.within)
    if f.verdict in ("missed", "late", "late_within_grace", "contingency_needed"):
        out += trigger_reach(exp, t0, data)
        sure = reached_nobody(exp, t0, data)
        until = judge.grace_ends(due, exp.grace)
        for said, shown in (availability(exp.role, t0, until, data), prerequisites(exp, due, data),
                            approval_wait(exp, exp.role, t0, data), missing_authority(exp.role, exp.authority, due, data)):
            out += said
            sure = sure or shown
        out += activity(exp.role, t0, until, data)
    elif f.verdict == "wrong_role":
        done = facts.done(exp)
        if done is not None:
            out.append(f"It was done by {role_name(pack, done.by)}; no delegation from {role_name(pack, exp.role)} to them was logged, "
                       f"and {role_name(pack, exp.role)} could {'not' if facts.unreachable(exp.role, done.t) else 'still'} be reached then.")
    elif f.verdict == "out_of_order":
        s, sure = prerequisites(exp, (facts.done(exp) or _Never).t, data)
        out += s
    elif f.verdict == "unauthorised":
        done = facts.done(exp)
        if done is not None:
            s, sure = missing_authority(done.by, exp.authority, done.t, data)
            out += s
    elif f.verdict == "not_approved":
        done = facts.done(exp)
        if done is not None:
            s, sure = approval_of_act(done, exp.action, exp.approval_by, data)
            out += s
    return out, sure


class _Never:
    t = float("inf")


def trigger_reach(exp, t0: float, data: ReportData) -> list[str]:
    """Which inject started the step's clock, and whether it reached the role responsible."""
    pack, facts = data.pack, data.facts
    out = []
    for kind, key in sorted(dependencies(exp.trigger)):
        if kind != "delivered" or key not in facts.deliveries:
            continue
        t, line, to, _cue = facts.deliveries[key]
        title = pack.injects[key].title if key in pack.injects else key
        if exp.role in to:
            out.append(f"The step started when inject {key} ('{title}', minute {m(t)}, line {line}) reached {role_name(pack, exp.role)} directly.")
        else:
            passed = [x for x in facts.messages if x["to"] == exp.role and x["t"] >= t]
            note = (f"; the first message to {role_name(pack, exp.role)} afterwards came at minute {m(passed[0]['t'])} (line {passed[0]['line']})"
                    if passed else f"; no message to {role_name(pack, exp.role)} was logged afterwards")
            out.append(f"The step started when inject {key} ('{title}', minute {m(t)}, line {line}) went to "
                       f"{role_names(pack, to)}, not to {role_name(pack, exp.role)}{note}.")
    return out


def reached_nobody(exp, t0: float, data: ReportData) -> bool:
    """True when the role never heard of the trigger at all: a cause the log can show plainly."""
    facts = data.facts
    for kind, key in dependencies(exp.trigger):
        if kind == "delivered" and key in facts.deliveries:
            t, _line, to, _cue = facts.deliveries[key]
            if exp.role not in to and not any(x["to"] == exp.role and x["t"] >= t for x in facts.messages):
                return True
    return False


def availability(role: str, start: float, end: float, data: ReportData) -> tuple[list[str], bool]:
    pack, facts = data.pack, data.facts
    out = []
    for w_start, line, w_end in facts.unavailable.get(role, ()):
        if w_start <= end and (w_end is None or w_end >= start):
            successor = pack.roles[role].successor
            acting = facts.acting_for(role, max(start, w_start))
            who = (f"no successor is named in the role file" if successor is None
                   else f"{role_name(pack, acting)} was to act for them")
            out.append(f"{role_name(pack, role)} could not be reached from minute {m(w_start)} (line {line}); {who}.")
    return out, bool(out)


def prerequisites(exp, by: float, data: ReportData) -> tuple[list[str], bool]:
    pack, facts = data.pack, data.facts
    out = []
    for p in exp.prerequisites:
        prior = facts.done(pack.expectations[p])
        if prior is None:
            out.append(f"Its prerequisite step \u2018{step_text(pack.expectations[p].description)}\u2019 was never done.")
        elif prior.t > by:
            out.append(f"Its prerequisite step \u2018{step_text(pack.expectations[p].description, 70)}\u2019 was only done "
                       f"at minute {m(prior.t)} (line {prior.line}).")
    return out, bool(out)


def approver_of(exp, data: ReportData) -> str | None:
    return judge.approver_for(data.pack, exp.role, step=exp)


def approval_wait(exp, role: str, since: float, data: ReportData) -> tuple[list[str], bool]:
    """Time lost waiting for an approval, or an approval never asked for, answered or given."""
    approver = approver_of(exp, data)
    if data.facts.whom_to_ask(approver, role, since) is None:
        return [], False
    pack, facts = data.pack, data.facts
    asked = [r for r in facts.requests.values() if r["t"] >= since and r["by"] in (role, facts.acting_for(role, r["t"]))
             and (r.get("action") == exp.action if exp.action else r.get("text"))]
    name = role_name(pack, approver)
    if not asked:
        return [f"No approval from {name} was requested for it."], False
    r = asked[0]
    ans = r["answer"]
    if ans is None:
        return [f"Approval was requested from {name} at minute {m(r['t'])} (line {r['line']}) and never answered."], True
    if not ans["granted"]:
        return [f"{name} refused the approval request at minute {m(ans['t'])} (line {ans['line']})."], True
    wait = ans["t"] - r["t"]
    return [f"Approval took {m(wait)} min: requested at minute {m(r['t'])} (line {r['line']}), granted at minute "
            f"{m(ans['t'])} (line {ans['line']})."], wait >= 10


def approval_of_act(done, action: str | None, approval_by: str | None, data: ReportData) -> tuple[list[str], bool]:
    pack, facts = data.pack, data.facts
    approver = approval_by or (judge.action_approver(pack, action) if action else None)
    if approver is None:
        return [], False
    req = facts.requests.get(done.approval or "")
    name = role_name(pack, approver)
    if req is None:
        return [f"{role_name(pack, done.by)} cited no approval request; none from {name} was logged before minute {m(done.t)}."], True
    if req["answer"] is None or req["answer"]["t"] > done.t:
        return [f"Request {req['request']} to {req['to']} (line {req['line']}) had not been answered when it went ahead."], True
    if not req["answer"]["granted"]:
        return [f"Request {req['request']} was refused (line {req['answer']['line']}) and it went ahead anyway."], True
    return [f"Request {req['request']} was granted by {req['answer']['by']}, not by {name} or whoever stood in for them."], True


def missing_authority(role: str, authority: str | None, t: float, data: ReportData) -> tuple[list[str], bool]:
    if authority is None or data.facts.holds_authority(role, authority, t):
        return [], False
    holders = [r for r, x in data.pack.roles.items() if authority in x.authorities]
    held = f"; it belongs to {role_names(data.pack, holders)}" if holders else ""
    return [f"{role_name(data.pack, role)} did not hold the authority '{authority_name(authority)}' and no delegation of it "
            f"was logged{held}."], True


def activity(role: str, start: float, end: float, data: ReportData) -> list[str]:
    mine = [(n, d) for n, d in data.acts.get(role, ()) if start <= d["t"] <= end]
    if not mine:
        return [f"{role_name(data.pack, role)} logged no action, statement, decision, approval or message between "
                f"minute {m(start)} and minute {m(end)}."]
    lines = ", ".join(str(n) for n, _d in mine[:5]) + (" ..." if len(mine) > 5 else "")
    where = f"line {lines}" if len(mine) == 1 else f"lines {lines}"
    return [f"{role_name(data.pack, role)} logged {plural(len(mine), 'other action')} in that window ({where}); "
            "whether they crowded this out is for the evaluator to judge."]


def harm(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    harm = next((h for h in data.pack.scenario.harms if f"plan.harm:{h.id}" == f.id), None)
    if harm is None or not f.evidence:
        return [], False
    lines = ", ".join(str(n) for n in f.evidence)
    where = f"line {lines}" if len(f.evidence) == 1 else f"lines {lines}"
    return [f"The harmful outcome ('{harm.label}') follows from the choices and events on {where}."], True


def decision(f: Finding, data: ReportData) -> tuple[list[str], bool]:
    """A decision that lapsed or went another way: say what the log shows about who held it."""
    inject = f.id.split(":", 1)[1]
    d = data.pack.injects[inject].decision
    holder = ", ".join(role_name(data.pack, r) for r in f.roles) or "nobody"
    if f.verdict in ("lapsed", "not_decided"):
        when = f"its {d.deadline:g}-minute deadline" if d.deadline else "the end of the exercise"
        return [f"The decision was put to {holder} and no answer was logged before {when}."], False
    favoured = next((o for o in d.options if o.recommended), None)
    if favoured is None:
        return [], False
    why = f" ({favoured.note.rstrip('.')})" if favoured.note else ""
    return [f"The plan favours '{favoured.label}'{why}; the log shows the choice, not the reasoning behind it."], False
