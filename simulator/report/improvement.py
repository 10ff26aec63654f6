"""Draft corrective actions for the improvement plan, with a suggested POETE capability element.

Why drafts: in HSEEP the corrective actions are agreed at the after-action meeting. The
report proposes one per area for improvement, worded from the rule that found it, so the
meeting starts from something concrete; the owner, point of contact and dates stay blank.
"""

from __future__ import annotations

from ..loading.pack import Pack
from ..scoring.model import Finding
from .wording import role_name

TO_COMPLETE = "to be completed"
"""Placeholder text for the fields the after-action meeting fills in."""

ELEMENTS = ("Planning", "Organization", "Equipment", "Training", "Exercises")
"""POETE: the capability elements a corrective action can address."""

_BY_RULE: dict[str, tuple[str, str]] = {
    "plan.timeliness": ("Training", "Rehearse {what} with the {role} against its {within}-minute target, and put it on the role's checklist."),
    "plan.contingency": ("Training", "Drill {what} with the {role} so it happens without a prompt from exercise control."),
    "plan.role": ("Organization", "Confirm in the plan who does {what}, and record delegations when another role takes it on."),
    "plan.prerequisites": ("Planning", "Make the order of steps before {what} explicit in the plan and in the role's checklist."),
    "plan.authority": ("Organization", "Clarify who holds the authority for {what} and how it is delegated in writing."),
    "plan.approval": ("Planning", "Write the approval route for {what} into the plan, with a stand-in approver."),
    "plan.harm": ("Planning", "Add a safeguard to the plan so that this outcome is checked before it can happen ('{what}')."),
    "playbook.first_statement": ("Planning", "Pre-approve a holding statement and a short approval route so the first statement meets the playbook's target."),
    "playbook.first_message": ("Planning", "Build the first-statement template around every required element and train messengers to start from it."),
    "playbook.key_message": ("Planning", "Add the missing key messages to the statement templates and the messengers' briefing."),
    "playbook.audience": ("Planning", "Add lines for the audiences that were not addressed to the statement templates."),
    "playbook.prohibited": ("Training", "Train messengers and approvers on the playbook's prohibited content, with examples from this exercise."),
    "playbook.messenger": ("Organization", "Agree who may speak for the city, and brief every role on routing public comment to them."),
    "playbook.channels": ("Equipment", "Make sure messengers can publish on every required channel (accounts, access, stand-ins)."),
    "playbook.languages": ("Equipment", "Arrange translation for every required language in advance (translators, pre-translated templates)."),
    "playbook.consistency": ("Organization", "Keep one shared fact sheet across messengers, owned by the public information officer."),
    "playbook.rumour": ("Training", "Rehearse spotting and correcting false claims within the playbook's target, including who is told first."),
    "playbook.cadence": ("Planning", "Set an update schedule after the first statement and assign who keeps it."),
    "chain.directive": ("Training", "Brief roles to give orders only to their direct reports and to go through the chain otherwise."),
    "chain.authority": ("Organization", "List each role's authorities on its card and record delegations before they are used."),
    "chain.approval": ("Planning", "Write the approval route into the procedure, with a stand-in approver when the first is busy."),
    "chain.reporting": ("Training", "Practise passing serious news to the supervisor within the plan's reporting time."),
    "chain.unreachable": ("Training", "Teach roles to turn to the named successor when a colleague cannot be reached."),
    "chain.succession": ("Planning", "Name a successor for every role and brief them on the plan steps they inherit."),
    "chain.span": ("Organization", "Add a layer or a deputy so no role has more direct reports than the plan allows."),
}


def corrective_action(findings: list[Finding], pack: Pack) -> tuple[str, str]:
    """(draft corrective action, suggested capability element) for an area's findings, worst first."""
    f = findings[0]
    element, text = _BY_RULE.get(f.rule, ("Planning", "Review {what} at the after-action meeting and agree a corrective action."))
    exp = pack.expectations.get(f.expectation or "")
    if f.rule == "plan.harm":
        what = f.explanation.removeprefix("Harmful side effect: ").rstrip(".")
    else:
        what = f"plan step {exp.id}" if exp is not None else f"'{f.title.lower()}'"
    role = role_name(pack, exp.role) if exp is not None else (role_name(pack, f.roles[0]) if f.roles else "role")
    return text.format(what=what, role=role, within=f"{exp.within:g}" if exp is not None else "?"), element


def organisation(findings: list[Finding], pack: Pack) -> str:
    """The primary responsible organisation: the role the plan names, else the roles involved."""
    exp = pack.expectations.get(findings[0].expectation or "")
    if exp is not None:
        return role_name(pack, exp.role)
    roles = sorted({r for f in findings for r in f.roles})
    return "; ".join(role_name(pack, r) for r in roles) or TO_COMPLETE
