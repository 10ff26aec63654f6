"""Root-cause analysis for areas for improvement, derived only from what the log shows.

HSEEP asks evaluators for "not only what happened, but why". A log can show some causes
plainly (the inject never reached the role, an approval was never answered, a prerequisite
was not done, nobody stood in for a role that could not be reached). Where it cannot, the
analysis says so and leaves the judgement to the evaluator instead of guessing.
"""

from __future__ import annotations

from ..scoring.model import Finding
from .comms_causes import chain_rules, playbook_rules
from .data import ReportData
from .plan_causes import decision, harm, plan
from .wording import humane, role_names

CONFIRM = "Root cause to be confirmed by the evaluator: the log shows what happened, not why."

_BY_RULE = {
    "plan.timeliness": plan, "plan.contingency": plan, "plan.role": plan, "plan.prerequisites": plan,
    "plan.authority": plan, "plan.approval": plan, "plan.harm": harm, "plan.decision": decision,
    **playbook_rules(), **chain_rules(),
}
"""Rule -> function(finding, data) -> (sentences, whether they show a cause plainly)."""


def analyse(findings: list[Finding], data: ReportData) -> list[str]:
    """Sentences explaining why, for one area for improvement (its findings rated S, M or U)."""
    out: list[str] = []
    certain = False
    for f in findings:
        fn = _BY_RULE.get(f.rule)
        if fn is None:
            continue
        said, sure = fn(f, data)
        out.extend(s for s in said if s not in out)
        certain = certain or sure
    for note in _seat_notes(findings, data):
        if note not in out:
            out.append(note)
            certain = True  # a seat set to be idle, late or random explains a gap plainly
    if not certain:
        out.append(CONFIRM)
    return [humane(data.pack, s) for s in out]


def _seat_notes(findings: list[Finding], data: ReportData) -> list[str]:
    """Simulated staff play by a policy: say so, so a gap is not blamed on a person."""
    seats = data.header.seats
    by_why: dict[tuple[str, str], list[str]] = {}
    for role in sorted({r for f in findings for r in f.roles if r in seats}):
        seat = seats[role]
        if seat.kind != "staff":
            continue
        why = {"idle": "never acts, by design", "late": "acts after the due time, by design",
               "random": "is on time, late or silent at random"}.get(seat.policy)
        if why is None and seat.competence < 1:
            why = f"follows the plan but slips at times (competence {seat.competence:g})"
        if why is not None:
            by_why.setdefault((seat.policy, why), []).append(role)
    out = []
    for (policy, why), roles in by_why.items():
        who = role_names(data.pack, roles)
        verb = "was" if len(roles) == 1 else "were"
        out.append(f"{who} {verb} simulated staff on the '{policy}' policy, which {why}: the gap reflects "
                   "the seat's set-up, not a person's decision.")
    return out
