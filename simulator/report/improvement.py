"""Draft corrective actions for the improvement plan, with a suggested POETE capability element.

Why drafts: in HSEEP the corrective actions are agreed at the after-action meeting. The
report proposes one per area for improvement, worded from what the finding shows (the plan
step, the decision and its favoured option, the rumour, the reporting rule), so the meeting
starts from something an emergency manager would write; owner, contact and dates stay blank.
"""

from __future__ import annotations

from collections.abc import Callable

from typing import TYPE_CHECKING

from .. import judge
from ..engine.history import dependencies
from ..loading.pack import Pack
from ..scoring.model import Finding
from ..story_clock import story_span
from .wording import role_name, role_names

if TYPE_CHECKING:
    from .data import ReportData

TO_COMPLETE = "to be completed"
"""Placeholder text for the fields the after-action meeting fills in."""

ELEMENTS = ("Planning", "Organization", "Equipment", "Training", "Exercises")
"""POETE: the capability elements a corrective action can address."""


def _step(desc: str) -> str:
    """A plan step's description as a quotation inside a sentence."""
    return "\u2018" + desc.strip().rstrip(".") + "\u2019"


def _target(f: Finding) -> str:
    return f.id.split(":", 1)[1].split("@", 1)[0]


def _cause(f: Finding, data: ReportData | None) -> str | None:
    """What the log shows held a plan step up, as one word the corrective action is chosen by:
    'unreached' (the trigger never reached the role), 'unreachable', 'approval', 'prerequisite',
    'authority' or 'busy'; None when the log shows no cause."""
    if data is None:
        return None
    from . import plan_causes as pc

    exp = data.pack.expectations[f.expectation or ""]
    trig = data.facts.triggered.get(exp.id)
    t0, due = (trig[0], trig[2]) if trig else (0.0, exp.within)
    until = judge.grace_ends(due, exp.grace)
    if pc.reached_nobody(exp, t0, data):
        return "unreached"
    if pc.availability(exp.role, t0, until, data)[1]:
        return "unreachable"
    if pc.approval_wait(exp, exp.role, t0, data)[1]:
        return "approval"
    if pc.prerequisites(exp, due, data)[1]:
        return "prerequisite"
    if pc.missing_authority(exp.role, exp.authority, due, data)[1]:
        return "authority"
    if sum(1 for _n, d in data.acts.get(exp.role, ()) if t0 <= d["t"] <= until) >= 3:
        return "busy"
    return None


def _plan_step(f: Finding, pack: Pack, data: ReportData | None) -> tuple[str, str]:
    exp = pack.expectations[f.expectation or ""]
    role, step, within = role_name(pack, exp.role), _step(exp.description), f"{exp.within:g}"
    trig = data.facts.triggered.get(exp.id) if data is not None else None
    span = story_span(pack.scenario, trig[0], trig[2]) if trig else None
    story = f" ({span} in the story)" if span else ""  # a target across a module jump is days, not minutes
    target = f"{within}-minute target{story}"
    plan = f"the response plan \u2018{pack.plan.title}\u2019"
    if f.rule == "plan.timeliness":
        cause = _cause(f, data)
        trigger = next((pack.injects[k].title for kind, k in sorted(dependencies(exp.trigger))
                        if kind == "delivered" and k in pack.injects), None)
        if cause == "unreached":
            what = f"\u2018{trigger}\u2019" if trigger else "the news that starts it"
            return ("Organization", f"Add the {role} to the notification list in {plan} for {what}, or name who passes it "
                                    f"on at once, so {step} can start within its {within} minutes{story}.")
        if cause == "unreachable":
            return ("Organization", f"Name in {plan} who takes over {step} when the {role} cannot be reached, and brief "
                                    "that stand-in before the next exercise.")
        if cause == "approval":
            approver = role_name(pack, exp.approval_by) if exp.approval_by else "the approver"
            return ("Planning", f"Pre-agree the approval for {step}: {approver} approves the standard version in advance, "
                                f"or within an agreed few minutes, so the {target} holds.")
        if cause == "prerequisite":
            return ("Planning", f"Review the order of steps in {plan}: let {step} start alongside the steps before it, "
                                "or set those steps earlier targets.")
        if cause == "authority":
            return ("Organization", f"Write a standing delegation into {plan} so the {role} holds the authority {step} "
                                    "needs from the start.")
        if cause == "busy":
            return ("Organization", f"Give {step} to a deputy or support cell on the {role}'s behalf: the {role} had "
                                    "several other tasks in the same window.")
        if f.verdict == "missed":
            return ("Planning", f"Add to the {role}'s action checklist, with its {target}: {step}. Name a "
                                f"deputy who does it when the {role} is tied up, and walk through it at the next drill.")
        if f.verdict == "late_within_grace":
            return ("Exercises", f"Time {step} again at the next drill: it was done within the grace period but after "
                                 f"its {target}; practise it until it fits.")
        return ("Training", f"Find out with the {role} what held up {step}, have what it needs ready in advance (contacts, "
                            f"templates, pre-agreed decisions) so it fits the {target}, and time it again at the next drill.")
    if f.rule == "plan.contingency":
        return ("Training", f"Brief the {role} to start {step} as soon as the plan's trigger occurs, without waiting to be "
                            "reminded, and check this at the next drill.")
    if f.rule == "plan.role":
        return ("Organization", f"Confirm in {plan} that the {role} leads {step}; when another role has to step in, "
                                "agree the hand-over and record it.")
    if f.rule == "plan.prerequisites":
        before = ", ".join(_step(pack.expectations[p].description) for p in exp.prerequisites if p in pack.expectations)
        return ("Planning", f"Set out in the plan and on the {role}'s checklist that {step} follows "
                            + (before or "the steps it depends on") + ", and who confirms each is done.")
    if f.rule == "plan.authority":
        holder = role_names(pack, [r for r, x in pack.roles.items() if exp.authority in x.authorities]) if exp.authority else ""
        return ("Organization", f"Confirm who holds the authority for {step}" + (f" (today: {holder})" if holder else "")
                                + ", and prepare a written delegation so it can be handed on before it is needed.")
    approver = role_name(pack, exp.approval_by) if exp.approval_by else "the approver"
    return ("Planning", f"Write the approval route for {step} into the plan: {approver} approves within an agreed time, "
                        "and a named stand-in approves when they cannot be reached.")


def _decision(f: Finding, pack: Pack) -> tuple[str, str]:
    inj = pack.injects[_target(f)]
    d = inj.decision
    who = d.role or (f.roles[0] if f.roles else None)
    holder = role_name(pack, who) if who else "decision holder"
    prompt = _step(d.prompt)
    favoured = next((o for o in d.options if o.recommended), None)
    if f.verdict in ("lapsed", "not_decided"):
        by = f"within {d.deadline:g} minutes of being asked" if d.deadline else "by a set time"
        return ("Organization", f"Agree who decides {prompt} and by when ({by}), with a default that applies if no "
                                f"decision is made and a deputy who decides when the {holder} cannot; write it into the plan.")
    if favoured is None:
        return ("Planning", f"With the {holder}, agree the criteria the plan should give for deciding {prompt}.")
    why = f" ({favoured.note.strip().rstrip('.')})" if favoured.note else ""
    return ("Planning", f"With the {holder} and the people who advise on this decision, review the plan's decision "
                        f"criteria for {prompt}: the plan favours {_step(favoured.label)}{why}. Agree whether the plan, "
                        "the briefing or the criteria need to change.")


def _harm(f: Finding, pack: Pack) -> tuple[str, str]:
    harm = next((h for h in pack.scenario.harms if h.id == _target(f)), None)
    what = harm.label if harm else f.explanation.removeprefix("Harmful side effect: ")
    who = role_names(pack, f.roles) if f.roles else "the roles involved"
    return ("Planning", f"Add a check to the plan, and to the briefing of {who}, that prevents this outcome seen in the "
                        f"exercise: {what.strip().rstrip('.')}. Name who makes the check and at what point.")


def _rumour(f: Finding, pack: Pack) -> tuple[str, str]:
    rumour = next((r for r in pack.playbook.rumours if r.id == _target(f)), None)
    if rumour is None:
        return ("Training", "Set up rumour control: who watches, who confirms the facts, and who is cleared to publish a correction.")
    inj = pack.injects.get(rumour.inject)
    claim = f"such as {_step(inj.title)}" if inj else ""
    return ("Training", f"Set up rumour control for false claims {claim}: who watches for them, who confirms the facts "
                        f"with the police or hospitals, and who is cleared to publish a correction within "
                        f"{rumour.correct_within:g} minutes.")


def _message(f: Finding, pack: Pack) -> tuple[str, str]:
    pb = pack.playbook
    rule = next((r for r in [*pb.key_messages, *pb.audiences, *pb.first_message] if r.id == _target(f)), None)
    what = _step(rule.label) if rule else "the missing points"
    template = next((t for t in pb.templates if rule is not None and rule.id in t.covers), None)
    use = f" Start statements from the template \u2018{template.title}\u2019, which carries it." if template else ""
    if f.rule == "playbook.audience":
        return ("Planning", f"Add a line addressing {what} to the statement templates and the messengers' briefing.{use}")
    return ("Planning", f"Add {what} to the statement templates and the messengers' briefing, so every statement carries it.{use}")


def _prohibited(f: Finding, pack: Pack) -> tuple[str, str]:
    words = ", ".join(f"\u2018{w}\u2019" for w in f.matched[:4])
    who = role_names(pack, f.roles) if f.roles else "the messengers"
    seen = f" (here: {words})" if words else ""
    return ("Training", f"Brief {who} and the approvers on what the playbook \u2018{pack.playbook.title}\u2019 says must "
                        f"not be said{seen}, and add these words to the approvers' checklist so a draft that uses them "
                        "is stopped before release.")


def _chain_reporting(f: Finding, pack: Pack) -> tuple[str, str]:
    within = f" within {pack.plan.reporting.within:g} minutes" if pack.plan.reporting else ""
    return ("Training", "Agree what counts as serious news and brief every role to pass it to their supervisor"
                        f"{within}, by a set channel such as a short situation report.")


_FIXED: dict[str, tuple[str, str]] = {
    "playbook.first_statement": ("Planning", "Prepare a pre-approved holding statement and a short approval route, with a "
                                             "stand-in approver, so the first public statement goes out within {first} minutes."),
    "playbook.first_message": ("Planning", "Build the first-statement template around every element the playbook requires, "
                                           "and train the messengers to start from it."),
    "playbook.messenger": ("Organization", "Confirm who may speak for the city, and brief every role to route requests for "
                                           "public comment to them."),
    "playbook.channels": ("Equipment", "Make sure the messengers can publish on every required channel: accounts, access "
                                       "and a stand-in for each."),
    "playbook.languages": ("Equipment", "Arrange translation into every required language in advance: named translators "
                                        "and pre-translated templates."),
    "playbook.consistency": ("Organization", "Keep one shared fact sheet for all messengers, owned by the public "
                                             "information officer and updated before each statement."),
    "playbook.cadence": ("Planning", "Set an update schedule (every {cadence} minutes) after the first statement and name "
                                     "who keeps to it."),
    "chain.directive": ("Training", "Brief roles to give orders only to their direct reports and to go through the "
                                    "chain of command otherwise."),
    "chain.authority": ("Organization", "List each role's authorities on its role card and record any delegation before "
                                        "it is used."),
    "chain.approval": ("Planning", "Write the approval route into the procedure, with a stand-in approver for when the "
                                   "first is busy or cannot be reached."),
    "chain.unreachable": ("Training", "Brief roles to turn to the named successor when a colleague cannot be reached, "
                                      "rather than waiting."),
    "chain.succession": ("Planning", "Name a successor for every role and brief them on the plan steps they take over."),
    "chain.span": ("Organization", "Add a deputy or a section lead so that no role has more direct reports than the plan "
                                   "allows ({span})."),
}

_RULES: dict[str, Callable[[Finding, Pack], tuple[str, str]]] = {
    "plan.decision": _decision, "plan.harm": _harm, "playbook.rumour": _rumour,
    "playbook.key_message": _message, "playbook.audience": _message, "chain.reporting": _chain_reporting,
    "playbook.prohibited": _prohibited,
}


def corrective_action(findings: list[Finding], pack: Pack, data: ReportData | None = None) -> tuple[str, str]:
    """(draft corrective action, suggested capability element) for an area's findings, worst first.
    With the report's data, a late or missed plan step's action follows what the log shows held it up."""
    f = findings[0]
    if f.expectation in pack.expectations and f.rule.startswith("plan.") and f.rule not in _RULES:
        element, text = _plan_step(f, pack, data)
    elif f.rule in _RULES:
        element, text = _RULES[f.rule](f, pack)
    else:
        pb, plan = pack.playbook, pack.plan
        if f.rule not in _FIXED:
            return (f"Agree at the after-action meeting what change to the plan, training or equipment would "
                    f"address this: {f.explanation}"), "Planning"
        element, text = _FIXED[f.rule]
        text = text.format(first=f"{pb.first_statement.within:g}",
                           cadence=f"{pb.cadence.every:g}" if pb.cadence else "agreed",
                           span=f"at most {plan.span_of_control.max}" if plan.span_of_control else "as agreed")
    return text, element


def organisation(findings: list[Finding], pack: Pack) -> str:
    """The primary responsible organisation: the role the plan names, else the roles involved."""
    exp = pack.expectations.get(findings[0].expectation or "")
    if exp is not None:
        return role_name(pack, exp.role)
    roles = sorted({r for f in findings for r in f.roles})
    return "; ".join(role_name(pack, r) for r in roles) or TO_COMPLETE
