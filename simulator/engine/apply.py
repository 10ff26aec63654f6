"""Check a command against the scenario and the exercise so far, then carry it out.

Returns a reason when the command is refused (logged as CommandRejected), or None.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, get_args

from .. import judge
from ..models import Channel
from ..timegrid import on_grid
from . import commands as C
from . import events as E

if TYPE_CHECKING:
    from .core import Engine

CHANNELS = set(get_args(Channel))


def _approval_problem(engine: "Engine", cmd, action: str | None) -> str | None:
    if cmd.approval is None:
        return None
    req = engine.requests.get(cmd.approval)
    if req is None:
        return f"unknown approval request '{cmd.approval}'"
    if req["by"] != cmd.by:
        return f"approval '{cmd.approval}' was requested by {req['by']}, not {cmd.by}"
    if req["status"] != "granted":
        return f"approval '{cmd.approval}' is {req['status']}"
    if req["action"] != action:
        return f"approval '{cmd.approval}' covers {req['action'] or 'a statement'}, not this"
    return None


DRAFT_FIELDS = {"text": "another text", "channel": "another channel", "languages": "other languages",
                "audience": "another audience"}
"""What a statement draft records, and an approved statement is published from (with how a
refusal names a mismatch)."""


def _published(engine: "Engine", cmd: C.IssueStatement) -> dict[str, Any] | str:
    """The statement that goes out (its DRAFT_FIELDS), or why it cannot: the command's fields,
    with those it leaves out taken from the approved draft.

    Why: an approval covers the draft as the approver saw it. A field the command gives must
    agree with what the draft recorded (order of languages and audiences aside); a field the
    draft did not record (a request made without it, or logged before drafts kept it) is the
    publisher's to give.
    """
    draft: Mapping[str, object] = engine.requests[cmd.approval] if cmd.approval is not None else {}
    out: dict[str, Any] = {}
    for name, other in DRAFT_FIELDS.items():
        given, recorded = getattr(cmd, name), draft.get(name)
        if given is not None and recorded is not None and _differs(given, recorded):
            return (f"approval '{cmd.approval}' covers a draft with {other}; publish it as approved, "
                    "or ask for approval of this one")
        out[name] = given if given is not None else recorded
    if out["text"] is None:
        return "a statement needs a text, or an approval whose draft has one"
    if out["channel"] is None:
        return "a statement needs a channel, or an approval whose draft names one"
    if out["channel"] not in CHANNELS:
        return f"unknown channel '{out['channel']}'"
    out["languages"], out["audience"] = list(out["languages"] or []), list(out["audience"] or [])
    return out


def _differs(given, recorded) -> bool:
    return sorted(given) != sorted(recorded) if isinstance(given, list) else given != recorded


def _request_problem(engine: "Engine", cmd: C.RequestApproval) -> str | None:
    if cmd.to not in engine.roles:
        return f"unknown role '{cmd.to}'"
    if (cmd.action is None) == (cmd.text is None):
        return "an approval request names an action or carries a statement text, exactly one"
    if cmd.action is not None:
        if cmd.action not in engine.pack.actions:
            return f"unknown action '{cmd.action}'"
        if cmd.channel is not None or cmd.languages is not None or cmd.audience is not None:
            return "an action's approval request carries no channel, languages or audience (those belong to a statement)"
    if cmd.channel is not None and cmd.channel not in CHANNELS:
        return f"unknown channel '{cmd.channel}'"
    if cmd.revises is not None:
        old = engine.requests.get(cmd.revises)
        if old is None:
            return f"unknown approval request '{cmd.revises}'"
        if old["by"] != cmd.by or old["status"] != "denied" or old["revised"] or old["action"] is not None:
            return f"only a denied statement draft of {cmd.by}'s own can be revised, once ('{cmd.revises}' cannot)"
    return None


def _answer_problem(engine: "Engine", cmd: C.AnswerApproval) -> str | None:
    req = engine.requests.get(cmd.request)
    if req is None:
        return f"unknown approval request '{cmd.request}'"
    if not judge.approves_for(engine.pack.roles, req["to"], cmd.by, engine.unavailable.__contains__):
        return f"request '{cmd.request}' was sent to {req['to']}, and {cmd.by} does not act for them"
    if req["status"] != "pending":
        return f"request '{cmd.request}' was already {req['status']}"
    changes = cmd.text is not None or cmd.channel is not None or cmd.languages is not None
    if changes and (not cmd.granted or req["action"] is not None):
        return "only a granted statement draft can be changed by its approver"
    if cmd.channel is not None and cmd.channel not in CHANNELS:
        return f"unknown channel '{cmd.channel}'"
    return None


def _overrule_problem(engine: "Engine", cmd: C.Overrule) -> str | None:
    """Why this overrule cannot stand: nothing taken to overrule, an option that does not change it,
    or (the judge's rule) someone who may not, or no longer may, overrule this decider."""
    inj = engine.pack.injects.get(cmd.inject)
    if inj is None or inj.decision is None:
        return f"no decision on inject '{cmd.inject}'"
    prompt, roles = inj.decision.prompt, engine.pack.roles
    if cmd.inject in engine.open_decisions:
        decider = engine.open_decisions[cmd.inject]
        return f"nobody has decided “{prompt}” yet: it is the {roles[decider].title}'s to decide"
    taken = engine.taken.get(cmd.inject)
    if taken is None:
        if cmd.inject in engine.history.delivered:  # delivered, no longer open, taken by nobody
            return f"nobody took the decision “{prompt}”: it lapsed at its deadline, so there is no call to overrule"
        return f"“{prompt}” has not been put to anyone yet"
    if cmd.inject in engine.overruled:
        by, at = engine.overruled[cmd.inject]
        return f"“{prompt}” was already overruled, by the {roles[by].title} at minute {at:g}"
    options = {o.id: o for o in inj.decision.options}
    if cmd.option not in options:
        return f"unknown option '{cmd.option}'; choose one of: {', '.join(sorted(options))}"
    decider, chosen, at = taken
    if cmd.option == chosen:
        return f"“{options[chosen].label}” is already the option chosen"
    engine.history.now = engine.env.now
    return judge.overrule_refusal(roles, inj.decision, decider, at, cmd.by, engine.env.now, engine.history)


def jump_target(engine: "Engine", to: float, through_deadlines: bool) -> tuple[float, str | None]:
    """Where a jump to minute `to` stops, and what held it: a minute before the first deadline on
    the way (an open decision's or plan step's), unless told to go through. A deadline less than
    a minute away is not waited for (the jump would not move)."""
    to = min(to, engine.end_time)
    if through_deadlines:
        return to, None
    now = engine.env.now
    dues = [(due, f"step:{exp}") for exp, due in engine.open_expectations.items()]
    for inj_id in engine.open_decisions:
        deadline = engine.pack.injects[inj_id].decision.deadline
        delivered = engine.history.delivered.get(inj_id)
        if deadline is not None and delivered is not None:
            dues.append((delivered + deadline, f"decision:{inj_id}"))
    ahead = sorted(d for d in dues if now + 1 < d[0] <= to)
    if not ahead:
        return to, None
    return on_grid(ahead[0][0] - 1), ahead[0][1]


def apply_command(engine: "Engine", cmd: C.CommandBase) -> str | None:
    roles = engine.roles
    facilitator = isinstance(cmd, (C.Pause, C.Resume, C.SetSpeed, C.JumpToNext, C.FireInject, C.AdHocInject,
                                   C.ObserverNote, C.EndExercise, C.TakeSeat, C.JumpTo, C.SetLiveCheck))
    if facilitator:
        if cmd.by != C.FACILITATOR:
            return "only the facilitator can do this"
    elif isinstance(cmd, C.HotWashAnswer):
        pass  # participants answer under their own name or their role
    elif isinstance(cmd, C.OverrideRating):
        if cmd.by not in (C.FACILITATOR, "evaluator"):
            return "only the facilitator or an evaluator can override a rating"
    elif isinstance(cmd, C.MarkRead):
        if cmd.by not in roles:  # reading is not acting: allowed while unreachable, and after the end
            return f"unknown role '{cmd.by}'"
    elif cmd.by not in roles:
        return f"unknown role '{cmd.by}'"
    elif cmd.by in engine.unavailable:
        return f"{cmd.by} cannot be reached at this point of the scenario; {engine.acting_for(cmd.by)} acts instead"
    t = engine.t

    if isinstance(cmd, C.TakeAction):
        found = engine.pack.actions.get(cmd.action)
        if found is None:
            return f"unknown action '{cmd.action}'"
        owner, action = found
        delegated = action.requires_authority is not None and (cmd.by, action.requires_authority) in engine.history.delegations
        if owner != cmd.by and not delegated and not engine.stands_in_for(cmd.by, owner):
            return f"'{cmd.action}' is an action of {owner}, and no delegation or succession lets {cmd.by} take it"
        problem = _approval_problem(engine, cmd, cmd.action)
        if problem:
            return problem
        engine.act(cmd.by, cmd.action, cmd.approval, cmd.note)
    elif isinstance(cmd, C.MakeDecision):
        decider = engine.open_decisions.get(cmd.inject)
        if decider is None:
            return f"no open decision on inject '{cmd.inject}'"
        if decider != cmd.by and not engine.stands_in_for(cmd.by, decider):
            return f"the decision on '{cmd.inject}' belongs to {decider}"
        options = {o.id for o in engine.pack.injects[cmd.inject].decision.options}
        if cmd.option not in options:
            return f"unknown option '{cmd.option}'; choose one of: {', '.join(sorted(options))}"
        engine.decide(cmd.inject, cmd.option, cmd.by)
    elif isinstance(cmd, C.Overrule):
        problem = _overrule_problem(engine, cmd)
        if problem:
            return problem
        engine.overrule(cmd.inject, cmd.option, cmd.by, cmd.reason)
    elif isinstance(cmd, C.IssueStatement):
        if cmd.channel is not None and cmd.channel not in CHANNELS:
            return f"unknown channel '{cmd.channel}'"
        problem = _approval_problem(engine, cmd, None)
        if problem:
            return problem
        statement = _published(engine, cmd)
        if isinstance(statement, str):
            return statement  # why it cannot go out
        engine.say(cmd.by, statement["channel"], statement["languages"], statement["audience"], statement["text"],
                   cmd.approval)
    elif isinstance(cmd, C.RequestApproval):
        problem = _request_problem(engine, cmd)
        if problem:
            return problem
        engine.request(cmd.by, cmd.to, cmd.action, cmd.text, cmd.channel, languages=cmd.languages,
                       audience=cmd.audience, revises=cmd.revises)
    elif isinstance(cmd, C.AnswerApproval):
        problem = _answer_problem(engine, cmd)
        if problem:
            return problem
        engine.answer(cmd.request, cmd.by, cmd.granted, note=cmd.note, text=cmd.text, channel=cmd.channel,
                      languages=cmd.languages)
    elif isinstance(cmd, C.Delegate):
        if cmd.to not in roles:
            return f"unknown role '{cmd.to}'"
        if cmd.authority not in engine.pack.roles[cmd.by].delegable:
            return f"{cmd.by} cannot delegate '{cmd.authority}'"
        engine.history.delegate(cmd.by, cmd.to, cmd.authority, engine.env.now)
        engine._emit(E.Delegated(t=t, by=cmd.by, to=cmd.to, authority=cmd.authority))
        engine._changed()
    elif isinstance(cmd, C.SendMessage):
        if cmd.to not in roles:
            return f"unknown role '{cmd.to}'"
        engine.message(cmd.by, cmd.to, cmd.intent, cmd.text)
    elif isinstance(cmd, C.Pause):
        engine._emit(E.ClockPaused(t=t))
    elif isinstance(cmd, C.Resume):
        engine._emit(E.ClockResumed(t=t))
    elif isinstance(cmd, C.SetSpeed):
        engine._emit(E.SpeedChanged(t=t, speed=cmd.speed))
    elif isinstance(cmd, C.JumpToNext):
        nxt = engine.next_inject_time()
        if nxt is None:
            return "no scheduled inject is left"
        engine._emit(E.ClockJumped(t=t, to=nxt))
    elif isinstance(cmd, C.JumpTo):
        if not t < cmd.to:
            return "a jump goes forward: that minute has already passed"
        target, held_by = jump_target(engine, cmd.to, cmd.through_deadlines)
        engine._emit(E.ClockJumped(t=t, to=target, held_by=held_by))
    elif isinstance(cmd, C.SetLiveCheck):
        engine._emit(E.LiveCheckSet(t=t, on=cmd.on))
    elif isinstance(cmd, C.FireInject):
        inj = engine.pack.injects.get(cmd.inject)
        if inj is None:
            return f"unknown inject '{cmd.inject}'"
        if inj.id in engine.history.delivered or inj.id in engine._cued:
            return f"inject '{cmd.inject}' was already delivered or is on its way"
        engine._cued.add(inj.id)
        engine._deliver(inj, "facilitator")
    elif isinstance(cmd, C.AdHocInject):
        to = engine.recipients(cmd.to)
        unknown = [r for r in to if r not in roles]
        if unknown:
            return f"unknown role '{unknown[0]}'"
        engine._emit(E.InjectDelivered(t=t, inject=engine.adhoc_id(), to=to, channel=cmd.channel, severity=cmd.severity,
                                       title=cmd.title, cue="ad_hoc", sender=cmd.sender, body=cmd.body))
    elif isinstance(cmd, C.ObserverNote):
        if cmd.role is not None and cmd.role not in roles:
            return f"unknown role '{cmd.role}'"
        engine._emit(E.ObserverNoted(t=t, text=cmd.text, role=cmd.role), after_end=True)
    elif isinstance(cmd, C.TakeSeat):
        if cmd.role not in roles:
            return f"unknown role '{cmd.role}'"
        engine.take_seat(cmd.role, cmd.seat)
    elif isinstance(cmd, C.EndExercise):
        engine.end()
    elif isinstance(cmd, C.HotWashAnswer):
        engine._emit(E.HotWashAnswered(t=t, by=cmd.by, question=cmd.question, text=cmd.text, answer=cmd.answer),
                     after_end=True)
    elif isinstance(cmd, C.MarkRead):
        engine._emit(E.InboxRead(t=t, by=cmd.by, items=list(cmd.items)), after_end=True)
    elif isinstance(cmd, C.OverrideRating):
        engine._emit(E.RatingOverridden(t=t, by=cmd.by, target=cmd.target, rating=cmd.rating, rationale=cmd.rationale),
                     after_end=True)
    else:  # pragma: no cover - the command union is closed
        return f"unsupported command '{cmd.type}'"
    return None
