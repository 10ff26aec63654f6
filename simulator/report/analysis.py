"""The analysis of core capabilities: which findings make each strength and area for improvement.

Areas for improvement are the findings rated S, M or U, grouped by plan step (expectation) or,
for playbook and chain-of-command rules, by rule; strengths are the groups rated P throughout.
Every group sits under the objective the scorer counted its findings towards, so an objective's
section lists exactly the findings its row in Table 1 rolls up (one roll-up, the scorer's).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..scoring.model import SEVERITY, Finding
from .data import ReportData
from .rootcause import analyse
from .wording import explained, humane, role_name, sentence, step_text


@dataclass
class Group:
    """The findings of one plan step, decision, harm or rule under one objective."""

    key: str
    objective: str | None
    """The objective the scorer counted these findings towards (None: not tied to one)."""
    capability: str
    findings: list[Finding]
    """Worst first; for an area for improvement only those rated S, M or U."""
    title: str
    short: str
    rating: str
    evidence: list[int]


def _key(f: Finding) -> str:
    if f.rule == "plan.overrule":  # an overrule is part of the story of its decision
        return "plan.decision:" + f.id.split(":", 1)[1]
    return f"expectation:{f.expectation}" if f.expectation else (f.id if f.rule in ("plan.harm", "plan.decision") else f.rule)


def _capability(objective: str | None, findings: list[Finding], data: ReportData) -> str:
    caps = {o.id: o.capability for o in data.pack.scenario.objectives}
    if objective in caps:
        return caps[objective]
    return next((f.capability for f in findings if f.capability), "Other")


def _title(key: str, findings: list[Finding], data: ReportData) -> tuple[str, str]:
    """(full title, short title): plan steps by their description, decisions by their prompt, never by id."""
    if key.startswith("expectation:"):
        exp = data.pack.expectations[key.split(":", 1)[1]]
        return f"{role_name(data.pack, exp.role)}: {step_text(exp.description)}", step_text(exp.description, 70)
    f = findings[0]
    area = {"plan": "Response plan", "playbook": "Communication playbook", "chain": "Chain of command"}[f.category]
    if f.rule == "plan.harm":
        harm = next((h for h in data.pack.scenario.harms if f"plan.harm:{h.id}" == key), None)
        label = step_text(harm.label) if harm else key.split(":", 1)[1]
        return f"Harmful side effect: {label}", f"Harmful side effect: {step_text(label, 60)}"
    if f.rule in ("plan.decision", "plan.overrule"):
        inject = key.split(":", 1)[1]
        prompt = data.pack.injects[inject].decision.prompt
        return f"Decision on inject {inject}: {prompt}", f"Decision: {step_text(prompt, 60)}"
    title = f"{area}: {f.title}"
    return title, title


def observation(f: Finding, data: ReportData) -> str:
    """A finding's explanation for people (`wording.explained`: the consoles read it the same way)."""
    return explained(data.pack, f)


_CHECKS = {"plan.timeliness": "on time", "plan.role": "by the right role", "plan.prerequisites": "in order",
           "plan.authority": "with authority", "plan.approval": "approved first"}


def strength_summary(group: Group, data: ReportData) -> str:
    """What went well, in one or two sentences."""
    if not group.key.startswith("expectation:"):
        return " ".join(sentence(observation(f, data)) for f in group.findings)
    checks = [_CHECKS[f.rule] for f in group.findings if f.rule in _CHECKS]
    timing = next((sentence(observation(f, data)) for f in group.findings if f.rule == "plan.timeliness"), "")
    done = f"Performed {', '.join(checks)}." if checks else ""
    return f"{timing} {done}".strip()


def _worst_first(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-SEVERITY.get(f.rating, -1), f.evidence[:1] or [0]))


@dataclass
class Grouped:
    areas: list[Group]
    """Numbered in this order: objective by objective (scenario order), worst first within one."""
    strengths: list[Group]


def group(data: ReportData) -> Grouped:
    card = data.card
    groups: dict[tuple[str | None, str], list[Finding]] = {}
    for f in card.findings:
        if f.rating in SEVERITY:
            groups.setdefault((f.objective, _key(f)), []).append(f)
    order = {o.id: i for i, o in enumerate(data.pack.scenario.objectives)}
    areas: list[Group] = []
    strengths: list[Group] = []
    for (objective, key), found in groups.items():
        bad = _worst_first([f for f in found if f.rating != "P"])
        evidence = sorted({n for f in (bad or found) for n in f.evidence})
        shown = bad or found
        title, short = _title(key, shown, data)
        g = Group(key, objective, _capability(objective, shown, data), shown, title, short,
                  shown[0].rating if bad else "P", evidence)
        (areas if bad else strengths).append(g)
    rank = len(order)
    areas.sort(key=lambda a: (order.get(a.objective or "", rank), -SEVERITY[a.rating], a.evidence[:1] or [0]))
    strengths.sort(key=lambda s: (order.get(s.objective or "", rank), s.evidence[:1] or [0]))
    return Grouped(areas, strengths)


def root_cause(g: Group, data: ReportData) -> list[str]:
    return analyse(g.findings, data)
