"""The Reference part of an area for improvement: the plan step or playbook clause it is judged
against, in the pack's own words, with the source the pack gives for it."""

from __future__ import annotations

from ..scoring.model import Finding
from .analysis import Group
from .data import ReportData
from .wording import step_text


def _clauses(data: ReportData) -> dict[str, str]:
    pb = data.pack.playbook
    out: dict[str, str] = {}
    for rules in (pb.first_message, pb.key_messages, pb.prohibited, pb.audiences, pb.facts):
        out.update({r.id: r.label for r in rules})
    for r in pb.rumours:
        inj = data.pack.injects.get(r.inject)
        claim = f"\u2018{inj.title}\u2019 (inject {r.inject})" if inj else f"inject {r.inject}"
        out[r.id] = f"correcting the rumour spread by {claim} within {r.correct_within:g} minutes"
    return out


def _target(f: Finding) -> str:
    return f.id.split(":", 1)[1].split("@", 1)[0]


def references(g: Group, data: ReportData) -> list[str]:
    pack, out = data.pack, []
    if g.key.startswith("expectation:"):
        exp = pack.expectations[g.key.split(":", 1)[1]]
        out.append(f"Response plan \u2018{pack.plan.title}\u2019, step \u2018{step_text(exp.description)}\u2019 (due within "
                   f"{exp.within:g} minutes of its trigger" + (f", with {exp.grace:g} minutes' grace" if exp.grace else "")
                   + f"). Source: {exp.source}")
    clauses = _clauses(data)
    for f in g.findings:
        target = _target(f)
        if f.category == "playbook":
            label = clauses.get(target)
            clause = f"clause \u2018{step_text(label)}\u2019" if label else f"rule \u2018{f.title}\u2019"
            text = f"Communication playbook \u2018{pack.playbook.title}\u2019, {clause}. Source: {f.source}"
        elif f.category == "chain":
            text = f"Chain of command rule \u2018{f.title}\u2019. Source: {f.source}"
        elif f.rule == "plan.harm":
            harm = next((h for h in pack.scenario.harms if h.id == target), None)
            label = step_text(harm.label) if harm else f.explanation.removeprefix("Harmful side effect: ")
            text = f"Scenario harm to avoid: {label}. Source: {f.source}"
        elif f.rule == "plan.decision":
            d = pack.injects[target].decision
            favoured = [o.label for o in d.options if o.recommended]
            text = (f"Scenario decision on inject {target}: {d.prompt}"
                    + (f" The plan favours: {step_text(favoured[0])}." if favoured else "")
                    + (f" Due within {d.deadline:g} minutes of delivery." if d.deadline else "") + f" Source: {f.source}")
        else:
            continue  # the plan step above is the reference
        if text not in out:
            out.append(text)
    return out
