"""The scorer: a pure function of (pack, log lines) to a scorecard, fed line by line so it also
runs live for the facilitator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..loading.pack import Pack
from .chain_checks import chain_findings
from .decision_checks import decision_findings
from .facts import Facts
from .model import POINTS, Finding, Override, Part, Rating, Rollup, Scorecard, worst
from .plan_checks import harm_findings, plan_findings
from .playbook_checks import playbook_findings


class Scorer:
    """Feed it log lines (1-based number, parsed dict); ask for a scorecard at any time."""

    def __init__(self, pack: Pack):
        self.pack = pack
        self.facts = Facts(pack)

    def feed(self, number: int, data: dict[str, Any]) -> None:
        self.facts.feed(number, data)

    def scorecard(self, final: bool | None = None) -> Scorecard:
        facts = self.facts
        final = facts.ended is not None if final is None else final
        findings = [*plan_findings(facts, final), *harm_findings(facts, final), *decision_findings(facts, final),
                    *playbook_findings(facts, final),
                    *chain_findings(facts, final)]
        findings = [_overridden(f, facts.overrides.get(f.id)) for f in findings]
        findings = _place_objectives(self.pack, findings)
        expectations = _expectation_rollups(self.pack, findings, facts)
        objectives = _objective_rollups(self.pack, findings, expectations, facts)
        capabilities = _capability_rollups(self.pack, findings, expectations, facts)
        roles = _role_rollups(self.pack, findings)
        return Scorecard(scenario=self.pack.scenario.id, final=final, minute=facts.now,
                         score=_score(self.pack, findings, expectations), findings=findings,
                         expectations=expectations, objectives=objectives, capabilities=capabilities, roles=roles)


WEIGHTS = {"essential": 3.0, "plan.harm": 3.0, "plan.decision": 2.0, "playbook.prohibited": 2.0}
"""How much a unit counts in the overall score. Why: a missed essential plan step, a harmful side
effect or prohibited words must weigh more than one late key message, or a team that skips what
matters most could still score 80."""


def _score(pack: Pack, findings: list[Finding], expectations: list[Rollup]) -> float | None:
    """0-100: one unit per plan step (its rolled-up rating: doing a step well yields several
    passing checks, missing it only one, so counting checks would flatter a team that skips
    steps), plus one unit per playbook, chain-of-command and harm finding."""
    steps = pack.expectations
    units = [(POINTS[r.rating], WEIGHTS["essential"] if steps[r.id.split(":", 1)[1]].essential else 1.0)
             for r in expectations if r.rating in POINTS]
    units += [(POINTS[f.rating], WEIGHTS.get(f.rule, 1.0)) for f in findings
              if f.rating in POINTS and not (f.expectation is not None and f.rule.startswith("plan.") and f.rule != "plan.harm")]
    total = sum(w for _p, w in units)
    return round(sum(p * w for p, w in units) / total, 1) if total else None


def _overridden(f: Finding, override) -> Finding:
    if override is None:
        return f
    data, line = override
    o = Override(rating=data["rating"], rationale=data["rationale"], by=data["by"], line=line)
    return f.model_copy(update={"rating": o.rating, "override": o, "evidence": sorted({*f.evidence, line})})


def _place_objectives(pack: Pack, findings: list[Finding]) -> list[Finding]:
    """Playbook and chain findings count towards the objective with their capability, and
    decisions and harms, which name an objective, towards that objective's capability: so a
    finding an objective counts is counted by its capability too."""
    by_capability = {o.capability.lower(): o.id for o in pack.scenario.objectives}
    capability_of = {o.id: o.capability for o in pack.scenario.objectives}
    out = []
    for f in findings:
        if f.objective is None and f.capability and f.capability.lower() in by_capability:
            f = f.model_copy(update={"objective": by_capability[f.capability.lower()]})
        elif f.capability is None and f.objective in capability_of:
            f = f.model_copy(update={"capability": capability_of[f.objective]})
        out.append(f)
    return out


def _rollup(target: str, title: str, suggested: Rating, rule: str, findings: list[str], facts: Facts,
            parts: list[Part] | None = None) -> Rollup:
    override = facts.overrides.get(target)
    parts = parts or []
    if override is None:
        return Rollup(id=target, title=title, rating=suggested, suggested=suggested, rule=rule, findings=findings,
                      parts=parts)
    data, line = override
    o = Override(rating=data["rating"], rationale=data["rationale"], by=data["by"], line=line)
    return Rollup(id=target, title=title, rating=o.rating, suggested=suggested,
                  rule=f"overridden by {o.by}: {o.rationale} (suggested {suggested}: {rule})", findings=findings, override=o,
                  parts=parts)


def _worst_rule(findings: list[Finding]) -> tuple[Rating, str]:
    rating = worst([f.rating for f in findings])
    if rating == "N/A":
        return rating, "nothing observed"
    culprit = next(f for f in findings if f.rating == rating)
    return rating, f"worst finding: {culprit.id} ({culprit.verdict})"


def _expectation_rollups(pack: Pack, findings: list[Finding], facts: Facts) -> list[Rollup]:
    out = []
    for exp in pack.plan.expectations:
        mine = [f for f in findings if f.expectation == exp.id]
        rating, rule = _worst_rule(mine)
        out.append(_rollup(f"expectation:{exp.id}", exp.description, rating, rule, [f.id for f in mine], facts))
    return out


def _group_rating(exp_rollups: list[tuple[Any, Rollup]], others: list[Finding]) -> tuple[Rating, str, list[Part]]:
    """HSEEP roll-up: U if an essential step was not performed; otherwise the worst, with a
    non-essential step that was not performed counting as a major challenge."""
    parts = [Part(id=r.id, rating=r.rating, counted="M" if r.rating == "U" and not e.essential else r.rating)
             for e, r in exp_rollups if r.rating != "N/A"]
    parts += [Part(id=f.id, rating=f.rating, counted=f.rating) for f in others if f.rating != "N/A"]
    essential_u = [e for e, r in exp_rollups if e.essential and r.rating == "U"]
    if essential_u:
        return "U", f"essential plan step not performed: {', '.join(e.id for e in essential_u)}", parts
    rating = worst(p.counted for p in parts)
    if rating == "N/A":
        return rating, "nothing observed", parts
    capped = sum(1 for p in parts if p.counted != p.rating)
    note = f"; {capped} non-essential plan step{'s' if capped > 1 else ''} not performed (U) counted as M" if capped else ""
    if all(p.counted == rating for p in parts):
        return rating, f"all {len(parts)} ratings {rating}{note}", parts
    culprits = [p.id for p in parts if p.counted == rating]
    return rating, (f"worst of {len(parts)} ratings: {', '.join(culprits[:3])}" + (" ..." if len(culprits) > 3 else "")
                    + note), parts


def _objective_rollups(pack, findings, expectations, facts) -> list[Rollup]:
    rolled = {r.id.split(":", 1)[1]: r for r in expectations}
    out = []
    for o in pack.scenario.objectives:
        exps = [(e, rolled[e.id]) for e in pack.plan.expectations if e.objective == o.id]
        others = [f for f in findings if f.objective == o.id and f.expectation is None]
        rating, rule, parts = _group_rating(exps, others)
        ids = [f.id for f in findings if f.objective == o.id]
        out.append(_rollup(f"objective:{o.id}", o.title, rating, rule, ids, facts, parts))
    return out


def _capability_rollups(pack, findings, expectations, facts) -> list[Rollup]:
    rolled = {r.id.split(":", 1)[1]: r for r in expectations}
    names = sorted({e.capability for e in pack.plan.expectations} | {f.capability for f in findings if f.capability}
                   | {o.capability for o in pack.scenario.objectives})
    out = []
    for name in names:
        exps = [(e, rolled[e.id]) for e in pack.plan.expectations if e.capability == name]
        others = [f for f in findings if f.capability == name and f.expectation is None]
        rating, rule, parts = _group_rating(exps, others)
        out.append(_rollup(f"capability:{name}", name, rating, rule,
                           [f.id for f in findings if f.capability == name], facts, parts))
    return out


def _role_rollups(pack, findings) -> list[Rollup]:
    out = []
    for role in pack.scenario.roles:
        mine = [f for f in findings if role in f.roles]
        rating, rule = _worst_rule(mine)
        title = pack.roles[role].title
        out.append(Rollup(id=f"role:{role}", title=title, rating=rating, suggested=rating, rule=rule,
                          findings=[f.id for f in mine]))
    return out


def score_lines(pack: Pack, lines, final: bool | None = None) -> Scorecard:
    """Score (number, dict) pairs."""
    scorer = Scorer(pack)
    for number, data in lines:
        scorer.feed(number, data)
    return scorer.scorecard(final)


def score_log(path: Path, allow_damaged: bool = False) -> tuple[Pack, Scorecard, Facts]:
    """Read, verify and score a log file (with `allow_damaged`, its sound lines before a damaged one)."""
    from ..replay import verify

    result = verify(path, allow_damaged=allow_damaged)
    scorer = Scorer(result.pack)
    for line in result.log.lines:
        scorer.feed(line.number, line.data)
    return result.pack, scorer.scorecard(), scorer.facts
