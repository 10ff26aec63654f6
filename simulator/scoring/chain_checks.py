"""The chain of command, over a networkx graph of the roles: directives, authority, approvals,
upward reporting, succession and span of control."""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from .. import judge
from ..loading.pack import Pack
from .facts import Facts
from .model import Finding, Rating

CAPABILITY = "Operational Coordination"
SOURCES = {
    "chain.directive": "Doctrine §2 ICS chain and unity of command (orders flow to direct subordinates); SCN Guide for Cities, ch. 3 Implementation: crisis response, line of command",
    "chain.authority": "Doctrine §2 NIMS establishment and transfer of command; the city's role definitions (authorities)",
    "chain.approval": "Doctrine §2 ICS: release only with the approval of the person in command; SCN Guide for Mayors, ch. 2 Prevention: communications playbook (approvals)",
    "chain.reporting": "Doctrine §2 chain of command (information flows upwards)",
    "chain.unreachable": "Doctrine §2 NIMS transfer of command; SCN Guide for Cities, ch. 3 Implementation: line of command",
    "chain.succession": "Doctrine §2 NIMS establishment and transfer of command; SCN Guide for Cities, ch. 3 Implementation: line of command",
}


def command_graph(pack: Pack) -> nx.DiGraph[str]:
    """Supervisor -> subordinate edges between the roles taking part."""
    g: nx.DiGraph[str] = nx.DiGraph()
    g.add_nodes_from(pack.scenario.roles)
    for rid, role in pack.roles.items():
        if role.reports_to in pack.roles:
            g.add_edge(role.reports_to, rid)
    return g


def _f(rule: str, target: str, title: str, verdict: str, rating: Rating, evidence: list[int], explanation: str,
       roles: list[str], source: str | None = None) -> Finding:
    return Finding(id=f"{rule}:{target}", rule=rule, category="chain", title=title, source=source or SOURCES[rule],
                   roles=sorted(set(roles)), verdict=verdict, rating=rating, suggested=rating, evidence=sorted(set(evidence)),
                   explanation=explanation, capability=CAPABILITY)


def chain_findings(facts: Facts, final: bool) -> Iterator[Finding]:
    pack = facts.pack
    graph = command_graph(pack)
    yield from _directives(facts, graph)
    yield from _authority_and_approval(facts)
    yield from _reporting(facts, final)
    yield from _succession(facts, final)
    span = pack.plan.span_of_control
    if span is not None and final:
        for role in graph.nodes:
            n = graph.out_degree(role)
            if n > span.max:
                yield _f("chain.span", role, "Span of control", "too_wide", "S", [],
                         f"{role} has {n} direct reports; the plan allows at most {span.max}.", [role], span.source)


def _directives(facts: Facts, graph: nx.DiGraph[str]) -> Iterator[Finding]:
    directives = [m for m in facts.messages if m["intent"] == "directive"]
    bad = []
    for m in directives:
        sender = m["by"]
        # whoever the sender stands in for gives orders through that role's line
        lines = {sender} | {r for r in graph.nodes if facts.acting_for(r, m["t"]) == sender}
        if not any(graph.has_edge(s, m["to"]) for s in lines):
            bad.append(m)
            yield _f("chain.directive", f"{m['by']}->{m['to']}@{m['line']}", "Orders through the chain", "outside_chain", "M",
                     [m["line"]], f"{m['by']} gave a directive to {m['to']} at minute {m['t']:g}, who does not report to them.",
                     [m["by"], m["to"]])
    if directives and not bad:
        yield _f("chain.directive", "all", "Orders through the chain", "within_chain", "P", [m["line"] for m in directives],
                 f"All {len(directives)} directives went to direct subordinates.", [m["by"] for m in directives])


def _authority_and_approval(facts: Facts) -> Iterator[Finding]:
    pack = facts.pack
    for action_id, done in facts.actions.items():
        _owner, action = pack.actions[action_id]
        for d in done:
            if action.requires_authority and not facts.holds_authority(d.by, action.requires_authority, d.t):
                yield _f("chain.authority", f"{action_id}@{d.line}", "Acting with authority", "without_authority", "M", [d.line],
                         f"{d.by} took '{action.label}' at minute {d.t:g} without the authority '{action.requires_authority}'.", [d.by])
            approver = judge.action_approver(pack, action_id)
            if (approver is not None and facts.whom_to_ask(approver, d.by, d.t) is not None
                    and not facts.approved(d.approval, approver, d.t, action_id)):
                yield _f("chain.approval", f"{action_id}@{d.line}", "Approval before acting", "without_approval", "M", [d.line],
                         f"{d.by} took '{action.label}' at minute {d.t:g} without {approver}'s approval.", [d.by, approver])
    messengers = {m.role: m for m in pack.playbook.messengers}
    gated, unapproved = [], []
    for s in facts.statements:
        approver = judge.statement_approver(pack, s.by)
        if approver is None or facts.whom_to_ask(approver, s.by, s.t) is None:
            continue  # no approval needed
        gated.append(s)
        if not facts.approved(s.approval, approver, s.t):
            unapproved.append(s)
            yield _f("chain.approval", f"statement@{s.line}", "Approval before release", "released_without_approval", "M",
                     [s.line], f"{s.by} released a public statement at minute {s.t:g} without {approver}'s approval.",
                     [s.by, approver], messengers[s.by].source)
    if gated and not unapproved:
        yield _f("chain.approval", "statements", "Approval before release", "approved", "P", [s.line for s in gated],
                 f"All {len(gated)} statements that needed approval had it before release.", [s.by for s in gated])


def _reporting(facts: Facts, final: bool) -> Iterator[Finding]:
    rule = facts.pack.plan.reporting
    if rule is None:
        return
    upward = [m for m in facts.messages if m["intent"] in ("report", "escalate")]
    for inject_id, (t, line, to, _cue) in facts.deliveries.items():
        inj = facts.pack.injects.get(inject_id)
        if inj is None or not judge.serious(rule, inj.severity):
            continue
        for role in to:
            boss = judge.report_up(facts.pack.roles, role, to, lambda r: facts.acting_for(r, t))
            if boss is None:
                continue  # nobody above, it is in command, or the supervisor received the same inject
            # Cheap tests first: on a long log the succession look-ups dominate otherwise.
            reports = [m for m in upward if m["t"] >= t and m["by"] in (role, facts.acting_for(role, m["t"]))
                       and m["to"] in (boss, facts.acting_for(boss, m["t"]))]
            due = t + rule.within
            target = f"{inject_id}/{role}"
            acting = facts.acting_for(boss, t)
            whom = boss if acting == boss else f"{acting} (acting for {boss})"
            if reports and reports[0]["t"] <= due:
                yield _f("chain.reporting", target, "Reported upwards", "on_time", "P", [line, reports[0]["line"]],
                         f"{role} passed '{inj.title}' to {whom} at minute {reports[0]['t']:g} (due by {due:g}).", [role, boss],
                         rule.source)
            elif reports:
                yield _f("chain.reporting", target, "Reported upwards", "late", "S", [line, reports[0]["line"]],
                         f"{role} passed '{inj.title}' to {whom} at minute {reports[0]['t']:g}, after the {rule.within:g}-minute target.",
                         [role, boss], rule.source)
            elif final or facts.now > due:
                yield _f("chain.reporting", target, "Reported upwards", "not_reported", "M", [line],
                         f"{role} never passed '{inj.title}' (minute {t:g}) up to {whom}.", [role, boss], rule.source)


def _succession(facts: Facts, final: bool) -> Iterator[Finding]:
    pack = facts.pack
    for role, windows in facts.unavailable.items():
        for start, line, end in windows:
            successor = facts.acting_for(role, start)
            asked = [r for r in facts.requests.values() if r["to"] == role and start <= r["t"] and (end is None or r["t"] < end)]
            asked += [m for m in facts.messages if m["to"] == role and start <= m["t"] and (end is None or m["t"] < end)]
            for x in asked:
                yield _f("chain.unreachable", f"{role}@{x['line']}", "Working around an unreachable role", "asked_unreachable", "S",
                         [line, x["line"]], f"{x['by']} turned to {role} at minute {x['t']:g}, who could not be reached; "
                         f"{successor} was acting.", [x["by"], role, successor])
            if not final:
                continue
            steps = [e for e in pack.plan.expectations if e.role == role and e.id in facts.triggered
                     and start <= facts.triggered[e.id][2] and (end is None or facts.triggered[e.id][0] < end)]
            # the step's act (by the judge's rule) came from whoever stood in for the role then
            done_by_successor = [e for e in steps if (done := facts.done(e)) is not None and facts.standing(e, done) == "successor"]
            if successor == role:
                yield _f("chain.succession", f"{role}@{line}", "Succession worked", "no_successor", "M", [line],
                         f"{role} could not be reached from minute {start:g} and no successor is named.", [role])
            elif steps:
                ok = len(done_by_successor) == len(steps)
                yield _f("chain.succession", f"{role}@{line}", "Succession worked", "took_over" if ok else "gaps",
                         "P" if ok else "M", [line],
                         f"While {role} could not be reached (from minute {start:g}), {successor} did "
                         f"{len(done_by_successor)} of {len(steps)} of {role}'s plan steps.", [role, successor])
