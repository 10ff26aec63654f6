"""The analysis of core capabilities: strengths, areas for improvement and the improvement plan.

Areas for improvement are the findings rated S, M or U, grouped by plan step (expectation) or,
for playbook and chain-of-command rules, by rule. Strengths are the groups rated P throughout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..scoring.model import SEVERITY, Finding, Rollup
from ..scoring.text import finding_label
from .data import ReportData
from .improvement import TO_COMPLETE, corrective_action, organisation
from .rootcause import analyse
from .wording import anchor, humane, role_name


@dataclass
class Area:
    """One area for improvement: observation, reference, analysis (root cause) and evidence."""

    number: int
    capability: str
    title: str
    short: str
    """A short name for tables: 'Plan step <id>' or '<area>: <rule title>'."""
    rating: str
    findings: list[Finding]
    references: list[str]
    analysis: list[str]
    evidence: list[int]
    roles: list[str]

    @property
    def anchor(self) -> str:
        return f"afi-{self.number}"


@dataclass
class Strength:
    capability: str
    title: str
    findings: list[Finding]
    evidence: list[int]
    summary: str
    """What went well, in one or two sentences."""


@dataclass
class PlanRow:
    """A row of the improvement plan (HSEEP AAR/IP Appendix A)."""

    area: Area
    action: str
    element: str
    organisation: str
    contact: str = TO_COMPLETE
    start: str = TO_COMPLETE
    end: str = TO_COMPLETE


@dataclass
class CapabilitySection:
    name: str
    rollup: Rollup | None
    strengths: list[Strength] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)


@dataclass
class OverrideRow:
    """An evaluator's override of a suggested rating."""

    target: str
    title: str
    suggested: str
    rating: str
    rationale: str
    by: str
    line: int


@dataclass
class Analysis:
    capabilities: list[CapabilitySection]
    areas: list[Area]
    strengths: list[Strength]
    plan: list[PlanRow]
    overrides: list[OverrideRow]
    flags: dict[int, list[Finding]]
    """Log line -> the findings rated S, M or U that cite it (shown inline on the timeline)."""
    finding_area: dict[str, Area]
    """Finding id -> its area for improvement."""


def _key(f: Finding) -> str:
    return f"expectation:{f.expectation}" if f.expectation else (f.id if f.rule in ("plan.harm", "plan.decision") else f.rule)


def _capability(findings: list[Finding], data: ReportData) -> str:
    for f in findings:
        if f.capability:
            return f.capability
    objectives = {o.id: o.capability for o in data.pack.scenario.objectives}
    for f in findings:
        if f.objective in objectives:
            return objectives[f.objective]
    return "Other"


def _title(key: str, findings: list[Finding], data: ReportData) -> tuple[str, str]:
    """(full title, short title)."""
    if key.startswith("expectation:"):
        exp = data.pack.expectations[key.split(":", 1)[1]]
        desc = exp.description.rstrip(".")
        return f"Plan step {exp.id}: {desc} ({role_name(data.pack, exp.role)})", f"Plan step {exp.id}"
    f = findings[0]
    area = {"plan": "Response plan", "playbook": "Communication playbook", "chain": "Chain of command"}[f.category]
    if f.rule == "plan.harm":
        harm = next((h for h in data.pack.scenario.harms if f"plan.harm:{h.id}" == key), None)
        label = harm.label.strip().rstrip(".") if harm else key.split(":", 1)[1]
        short = label if len(label) <= 70 else label[:69].rstrip() + "\u2026"
        return f"Harmful side effect: {label}", f"Harmful side effect: {short}"
    if f.rule == "plan.decision":
        inject = key.split(":", 1)[1]
        return f"Decision on {inject}: {data.pack.injects[inject].decision.prompt}", f"Decision on {inject}"
    title = f"{area}: {f.title}"
    return title, title


def observation(f: Finding, data: ReportData) -> str:
    """A finding's explanation, with the plan step's long description (already in the title) cut to 'This step'."""
    exp = data.pack.expectations.get(f.expectation or "")
    text = f.explanation if exp is None else f.explanation.replace(f"'{exp.description}' ({exp.role})", "this step")
    text = humane(data.pack, _role_titles(text, f, data))
    return text[:1].upper() + text[1:]


def _role_titles(text: str, f: Finding, data: ReportData) -> str:
    """The scorer names roles by id ('mayor chose', 'passed ... to mayor'); people read titles.
    Only the finding's own roles, and only where the scorer's sentences put them."""
    for role in f.roles:
        title = role_name(data.pack, role)
        if text.startswith(f"{role} "):
            text = f"{title} {text[len(role) + 1:]}"
        text = re.sub(rf"\bto {re.escape(role)}\b(?![-\w])", f"to {title}", text)
    return text


_CHECKS = {"plan.timeliness": "on time", "plan.role": "by the right role", "plan.prerequisites": "in order",
           "plan.authority": "with authority", "plan.approval": "approved first"}


def _strength_summary(key: str, findings: list[Finding], data: ReportData) -> str:
    if not key.startswith("expectation:"):
        return " ".join(observation(f, data) for f in findings)
    checks = [_CHECKS[f.rule] for f in findings if f.rule in _CHECKS]
    timing = next((observation(f, data) for f in findings if f.rule == "plan.timeliness"), "")
    done = f"Performed {', '.join(checks)}." if checks else ""
    return f"{timing} {done}".strip()


def _clauses(data: ReportData) -> dict[str, str]:
    pb = data.pack.playbook
    out: dict[str, str] = {}
    for rules in (pb.first_message, pb.key_messages, pb.prohibited, pb.audiences, pb.facts):
        out.update({r.id: r.label for r in rules})
    out.update({r.id: f"correcting the rumour spread by inject {r.inject} within {r.correct_within:g} min" for r in pb.rumours})
    return out


def _references(key: str, findings: list[Finding], data: ReportData) -> list[str]:
    """The plan step or playbook clause (id and label) and the rule's source, for each finding."""
    pack, out = data.pack, []
    if key.startswith("expectation:"):
        exp = pack.expectations[key.split(":", 1)[1]]
        out.append(f"Response plan '{pack.plan.title}', step {exp.id}: {exp.description.strip().rstrip('.')} (due within {exp.within:g} min"
                   + (f", grace {exp.grace:g}" if exp.grace else "") + f"). Source: {exp.source}")
    clauses = _clauses(data)
    for f in findings:
        target = f.id.split(":", 1)[1].split("@", 1)[0]
        if f.category == "playbook":
            label = clauses.get(target)
            clause = f"clause {target}: {label}" if label else f"rule '{f.title}'"
            text = f"Communication playbook '{pack.playbook.title}', {clause}. Source: {f.source}"
        elif f.category == "chain":
            text = f"Chain of command rule '{f.title}'. Source: {f.source}"
        elif f.rule == "plan.harm":
            text = f"Scenario harm {target}: {f.explanation.removeprefix('Harmful side effect: ')} Source: {f.source}"
        elif f.rule == "plan.decision":
            d = pack.injects[target].decision
            favoured = [o.label for o in d.options if o.recommended]
            text = (f"Scenario decision on inject {target}: {d.prompt}"
                    + (f" The plan favours: {favoured[0]}." if favoured else "")
                    + (f" Due within {d.deadline:g} min of delivery." if d.deadline else "") + f" Source: {f.source}")
        else:
            continue  # the plan step above is the reference
        if text not in out:
            out.append(text)
    return out


def _worst_first(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-SEVERITY.get(f.rating, -1), f.evidence[:1] or [0]))


def build(data: ReportData) -> Analysis:
    card = data.card
    groups: dict[str, list[Finding]] = {}
    for f in card.findings:
        if f.rating in SEVERITY:
            groups.setdefault(_key(f), []).append(f)
    areas: list[Area] = []
    strengths: list[Strength] = []
    for key, found in groups.items():
        bad = _worst_first([f for f in found if f.rating != "P"])
        evidence = sorted({n for f in (bad or found) for n in f.evidence})
        if not bad:
            strengths.append(Strength(_capability(found, data), _title(key, found, data)[0], found, evidence,
                                      _strength_summary(key, found, data)))
            continue
        title, short = _title(key, bad, data)
        areas.append(Area(0, _capability(bad, data), title, short, bad[0].rating, bad,
                          _references(key, bad, data), analyse(bad, data), evidence,
                          sorted({r for f in bad for r in f.roles})))
    areas.sort(key=lambda a: (a.capability, -SEVERITY[a.rating], a.evidence[:1] or [0]))
    for i, a in enumerate(areas, 1):
        a.number = i
    rollups = {r.title: r for r in card.capabilities}
    names = sorted({*rollups, *(a.capability for a in areas), *(s.capability for s in strengths)})
    sections = [CapabilitySection(n, rollups.get(n), [s for s in strengths if s.capability == n],
                                  [a for a in areas if a.capability == n]) for n in names]
    plan = []
    for a in areas:
        action, element = corrective_action(a.findings, data.pack)
        plan.append(PlanRow(a, action, element, organisation(a.findings, data.pack)))
    flags: dict[int, list[Finding]] = {}
    finding_area = {f.id: a for a in areas for f in a.findings}
    for a in areas:
        for f in a.findings:
            for n in f.evidence:
                flags.setdefault(n, []).append(f)
    return Analysis(sections, areas, strengths, plan, _overrides(data), flags, finding_area)


def _rollup_label(target: str) -> str:
    """'objective:OBJ-2' as 'Objective OBJ-2', 'expectation:x' as 'Plan step x'."""
    kind, _, name = target.partition(":")
    return {"expectation": "Plan step", "objective": "Objective", "capability": "Capability",
            "role": "Role"}.get(kind, kind.capitalize()) + f" {name}"


def _overrides(data: ReportData) -> list[OverrideRow]:
    out = []
    card = data.card
    for f in card.findings:
        if f.override is not None:
            o = f.override
            out.append(OverrideRow(finding_label(f), f"{f.title}: {observation(f, data)}", f.suggested, o.rating,
                                   o.rationale, o.by, o.line))
    for r in [*card.expectations, *card.objectives, *card.capabilities]:
        if r.override is not None:
            o = r.override
            out.append(OverrideRow(_rollup_label(r.id), r.title, r.suggested, o.rating, o.rationale, o.by, o.line))
    return sorted(out, key=lambda x: x.line)


__all__ = ["Analysis", "Area", "CapabilitySection", "OverrideRow", "PlanRow", "Strength", "anchor", "build"]
