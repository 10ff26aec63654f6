"""Every refusal of the engine, each beside the nearest command it accepts.

A refused command is logged with a `command_rejected` event that says why, and changes nothing
else; an accepted one emits what it did. Each test asserts both sides, so a refusal that is
dropped (the command goes through) or widened (a good command is refused) fails a test. The
reasons are matched on the names they carry, not on their wording.
"""

from __future__ import annotations

import pytest

from simulator.engine import commands as C
from simulator.engine.seats import Seat

from .referee import F, Drill, act, fire, say


def only_rejection(events, *names):
    """The command was refused: one `command_rejected` event, naming each of `names`."""
    assert [e.type for e in events] == ["command_rejected"], [e.type for e in events]
    for name in names:
        assert name in events[0].reason, (name, events[0].reason)
    return events[0]


def accepted(events, kind):
    events = [e for e in events if e.type != "statement_judged"]  # a statement's verdicts come first
    assert events and events[0].type == kind, [(e.type, getattr(e, "reason", "")) for e in events]
    return events[0]


# ---- who may issue what -----------------------------------------------------------------------------

FACILITATOR_ONLY = [
    C.Pause(by="mayor"), C.Resume(by="mayor"), C.SetSpeed(by="mayor", speed=2), C.JumpToNext(by="mayor"),
    C.FireInject(by="mayor", inject="I8"), C.AdHocInject(by="mayor", title="x", body="y"),
    C.ObserverNote(by="mayor", text="x"), C.EndExercise(by="mayor"),
    C.TakeSeat(by="mayor", role="press", seat=Seat(kind="staff")),
]


@pytest.mark.parametrize("cmd", FACILITATOR_ONLY, ids=lambda c: c.type)
def test_facilitator_commands_from_anyone_else(cmd):
    d = Drill()
    only_rejection(d.at(1, cmd))
    assert not d.session.ended
    accepted(d.at(1, cmd.model_copy(update={"by": F})), {
        "pause": "clock_paused", "resume": "clock_resumed", "set_speed": "speed_changed", "jump_to_next": "clock_jumped",
        "fire_inject": "inject_delivered", "ad_hoc_inject": "inject_delivered", "observer_note": "observer_noted",
        "end_exercise": "exercise_ended", "take_seat": "seat_taken"}[cmd.type])


def test_only_the_facilitator_or_an_evaluator_overrides_a_rating():
    d = Drill()
    cmd = C.OverrideRating(by="mayor", target="objective:O1", rating="P", rationale="me")
    only_rejection(d.at(1, cmd))
    for by in (F, "evaluator"):
        accepted(d.at(1, cmd.model_copy(update={"by": by})), "rating_overridden")


def test_participants_answer_the_hot_wash_under_any_name():
    d = Drill()
    accepted(d.at(1, C.HotWashAnswer(by="Alex", question="M1.1", text="What went well?", answer="Talking")), "hot_wash_answered")


@pytest.mark.parametrize("cmd", [act("ghost", "mayor.convene"), say("ghost", "hello"),
                                 C.SendMessage(by="ghost", to="mayor", intent="report", text="x"),
                                 C.Delegate(by="facilitator", to="press", authority="declare_emergency")],
                         ids=lambda c: c.type)
def test_commands_from_a_role_not_in_the_exercise(cmd):
    only_rejection(Drill().at(1, cmd), cmd.by)


def test_a_role_that_cannot_be_reached_is_refused_and_told_who_acts():
    d = Drill()
    accepted(d.at(1, act("mayor", "mayor.convene")), "action_taken")
    d.at(2, fire("I9"))
    only_rejection(d.at(3, act("mayor", "mayor.declare")), "mayor", "deputy")
    only_rejection(d.at(3, say("mayor", "Calm.")), "mayor")
    d.at(4, fire("I10"))
    accepted(d.at(5, act("mayor", "mayor.declare")), "action_taken")


def test_nothing_but_the_after_action_commands_once_the_exercise_has_ended():
    d = Drill().finish()
    only_rejection(d.at(120, act("mayor", "mayor.convene")))
    only_rejection(d.at(120, C.Pause(by=F)))
    accepted(d.at(120, C.ObserverNote(by=F, text="debrief")), "observer_noted")
    accepted(d.at(120, C.HotWashAnswer(by="mayor", question="M1.1", text="Q", answer="A")), "hot_wash_answered")
    accepted(d.at(120, C.OverrideRating(by=F, target="objective:O1", rating="S", rationale="r")), "rating_overridden")
    # a refused after-action command is still reported after the end
    only_rejection(d.at(120, C.OverrideRating(by="mayor", target="objective:O1", rating="S", rationale="r")))


# ---- actions ----------------------------------------------------------------------------------------

def test_an_unknown_action():
    only_rejection(Drill().at(1, act("mayor", "mayor.fly")), "mayor.fly")


def test_another_roles_action_without_delegation_or_succession():
    d = Drill()
    only_rejection(d.at(1, act("press", "mayor.convene")), "mayor.convene", "mayor", "press")
    only_rejection(d.at(1, act("press", "mayor.declare")), "mayor.declare")
    assert not d.events("action_taken")


def test_a_delegated_authority_lets_another_role_take_the_action_that_needs_it():
    d = Drill()
    accepted(d.at(1, C.Delegate(by="mayor", to="press", authority="declare_emergency")), "delegated")
    accepted(d.at(2, act("press", "mayor.declare")), "action_taken")
    only_rejection(d.at(2, act("deputy", "mayor.declare")))       # delegated to press, not the deputy
    only_rejection(d.at(2, act("press", "mayor.convene")))        # needs no authority: a delegation does not cover it
    only_rejection(d.at(2, act("press", "mayor.close")))          # needs another authority


def test_a_successor_takes_the_actions_of_the_role_it_stands_in_for():
    d = Drill()
    only_rejection(d.at(1, act("deputy", "mayor.convene")))
    d.at(2, fire("I9"))
    accepted(d.at(3, act("deputy", "mayor.convene")), "action_taken")
    only_rejection(d.at(3, act("press", "mayor.close")))  # press is no successor of the mayor
    d.at(4, fire("I10"))
    only_rejection(d.at(5, act("deputy", "mayor.close")))


def test_a_successor_in_turn_when_the_first_one_is_away_too():
    d = Drill()
    d.at(1, fire("I11"))  # press away: the mayor acts for press
    accepted(d.at(2, act("mayor", "press.monitor")), "action_taken")
    only_rejection(d.at(2, act("deputy", "press.monitor")))
    d.at(3, fire("I9"))   # and the mayor away: the deputy acts for both
    accepted(d.at(4, act("deputy", "press.alert")), "action_taken")


# ---- approvals used by actions and statements -------------------------------------------------------

def request_briefing(d, minute=1, to="mayor", by="press", action="press.briefing", text=None):
    return accepted(d.at(minute, C.RequestApproval(by=by, to=to, action=action, text=text)), "approval_requested").request


def test_an_unknown_approval():
    only_rejection(Drill().at(1, act("press", "press.briefing", approval="A7")), "A7")
    only_rejection(Drill().at(1, say("press", "Calm.", approval="A7")), "A7")


def test_an_approval_that_is_still_pending_or_was_denied():
    d = Drill()
    a1 = request_briefing(d)
    only_rejection(d.at(2, act("press", "press.briefing", approval=a1)), a1, "pending")
    d.at(3, C.AnswerApproval(by="mayor", request=a1, granted=False))
    only_rejection(d.at(4, act("press", "press.briefing", approval=a1)), a1, "denied")
    assert not d.events("action_taken")


def test_a_granted_approval_is_accepted_once_granted():
    d = Drill()
    a1 = request_briefing(d)
    d.at(2, C.AnswerApproval(by="mayor", request=a1, granted=True))
    assert accepted(d.at(3, act("press", "press.briefing", approval=a1)), "action_taken").approval == a1


def test_an_approval_requested_by_someone_else():
    d = Drill()
    d.at(1, C.Delegate(by="mayor", to="deputy", authority="declare_emergency"))
    a1 = request_briefing(d, by="deputy", action="press.alert")
    d.at(2, C.AnswerApproval(by="mayor", request=a1, granted=True))
    only_rejection(d.at(3, act("press", "press.alert", approval=a1)), a1, "deputy", "press")


def test_an_approval_for_another_action_or_for_a_statement():
    d = Drill()
    a1 = request_briefing(d, action="press.monitor")
    a2 = request_briefing(d, action=None, text="Stay calm.")
    d.at(2, C.AnswerApproval(by="mayor", request=a1, granted=True))
    d.at(2, C.AnswerApproval(by="mayor", request=a2, granted=True))
    only_rejection(d.at(3, act("press", "press.briefing", approval=a1)), a1, "press.monitor")
    only_rejection(d.at(3, act("press", "press.briefing", approval=a2)), a2)
    only_rejection(d.at(3, say("press", "Stay calm.", approval=a1)), a1, "press.monitor")
    accepted(d.at(3, say("press", "Stay calm.", approval=a2)), "statement_issued")


# ---- decisions --------------------------------------------------------------------------------------

def test_no_open_decision_before_delivery_and_after_it_was_taken():
    d = Drill()
    only_rejection(d.at(10, C.MakeDecision(by="mayor", inject="I2", option="hold")), "I2")
    accepted(d.at(21, C.MakeDecision(by="mayor", inject="I2", option="hold")), "decision_made")
    only_rejection(d.at(22, C.MakeDecision(by="mayor", inject="I2", option="wait")), "I2")


def test_no_open_decision_once_it_lapsed():
    d = Drill().advance(36)
    assert d.events("decision_lapsed")
    only_rejection(d.at(36, C.MakeDecision(by="mayor", inject="I2", option="hold")), "I2")


def test_a_decision_belongs_to_its_role_or_whoever_acts_for_it():
    d = Drill()
    only_rejection(d.at(21, C.MakeDecision(by="press", inject="I2", option="hold")), "I2", "mayor")
    d.at(22, fire("I9"))
    # the decision stays the mayor's; her successor may take it while she is away
    made = accepted(d.at(23, C.MakeDecision(by="deputy", inject="I2", option="hold")), "decision_made")
    assert made.by == "deputy"


def test_an_unknown_option_names_the_choices():
    d = Drill()
    only_rejection(d.at(21, C.MakeDecision(by="mayor", inject="I2", option="maybe")), "maybe", "hold", "wait")
    accepted(d.at(21, C.MakeDecision(by="mayor", inject="I2", option="wait")), "decision_made")


# ---- statements, approval requests and answers, delegation, messages --------------------------------

def test_a_statement_on_an_unknown_channel():
    d = Drill()
    only_rejection(d.at(1, say("mayor", "Calm.", channel="pigeon")), "pigeon")
    accepted(d.at(1, say("mayor", "Calm.", channel="website")), "statement_issued")


def test_an_approval_request_to_an_unknown_role():
    only_rejection(Drill().at(1, C.RequestApproval(by="press", to="pope", text="x")), "pope")


@pytest.mark.parametrize("action, text", [(None, None), ("press.briefing", "Stay calm.")])
def test_an_approval_request_names_an_action_or_carries_a_text_exactly_one(action, text):
    only_rejection(Drill().at(1, C.RequestApproval(by="press", to="mayor", action=action, text=text)))


def test_an_approval_request_for_an_unknown_action():
    only_rejection(Drill().at(1, C.RequestApproval(by="press", to="mayor", action="press.fly")), "press.fly")


def test_answering_an_unknown_request():
    only_rejection(Drill().at(1, C.AnswerApproval(by="mayor", request="A3", granted=True)), "A3")


def test_answering_a_request_sent_to_someone_else():
    d = Drill()
    a1 = request_briefing(d)
    only_rejection(d.at(2, C.AnswerApproval(by="deputy", request=a1, granted=True)), a1, "mayor")
    accepted(d.at(2, C.AnswerApproval(by="mayor", request=a1, granted=True)), "approval_answered")


def test_answering_a_request_twice():
    d = Drill()
    a1 = request_briefing(d)
    d.at(2, C.AnswerApproval(by="mayor", request=a1, granted=False))
    only_rejection(d.at(3, C.AnswerApproval(by="mayor", request=a1, granted=True)), a1, "denied")


def test_delegating_to_an_unknown_role():
    only_rejection(Drill().at(1, C.Delegate(by="mayor", to="pope", authority="declare_emergency")), "pope")


def test_delegating_what_a_role_may_not_delegate():
    d = Drill()
    only_rejection(d.at(1, C.Delegate(by="mayor", to="press", authority="close_roads")), "mayor", "close_roads")
    only_rejection(d.at(1, C.Delegate(by="press", to="deputy", authority="declare_emergency")), "press")
    accepted(d.at(1, C.Delegate(by="deputy", to="press", authority="declare_emergency")), "delegated")


def test_a_message_to_an_unknown_role():
    d = Drill()
    only_rejection(d.at(1, C.SendMessage(by="press", to="pope", intent="report", text="x")), "pope")
    accepted(d.at(1, C.SendMessage(by="press", to="mayor", intent="report", text="x")), "message_sent")


# ---- the facilitator's commands ---------------------------------------------------------------------

def test_jump_to_next_when_no_scheduled_inject_is_left():
    d = Drill()
    assert accepted(d.at(1, C.JumpToNext(by=F)), "clock_jumped").to == 20
    d.advance(41)
    only_rejection(d.at(41, C.JumpToNext(by=F)))


def test_firing_an_unknown_inject():
    only_rejection(Drill().at(1, fire("I99")), "I99")


def test_firing_an_inject_that_was_delivered_or_is_on_its_way():
    d = Drill()
    accepted(d.at(1, fire("I8")), "inject_delivered")
    only_rejection(d.at(2, fire("I8")), "I8")
    only_rejection(d.at(2, fire("I1")), "I1")      # delivered by the schedule
    accepted(d.at(2, fire("I4")), "inject_delivered")  # ahead of its schedule: then the schedule skips it
    d.advance(50)
    assert [e.t for e in d.events("inject_delivered") if e.inject == "I4"] == [2]


def test_an_ad_hoc_inject_to_an_unknown_role():
    d = Drill()
    only_rejection(d.at(1, C.AdHocInject(by=F, title="x", body="y", to=["mayor", "pope"])), "pope")
    assert accepted(d.at(1, C.AdHocInject(by=F, title="x", body="y", to=["mayor"])), "inject_delivered").to == ["mayor"]
    assert accepted(d.at(1, C.AdHocInject(by=F, title="x", body="y")), "inject_delivered").to == ["mayor", "deputy", "press"]


def test_an_observer_note_about_an_unknown_role():
    d = Drill()
    only_rejection(d.at(1, C.ObserverNote(by=F, text="x", role="pope")), "pope")
    accepted(d.at(1, C.ObserverNote(by=F, text="x", role="mayor")), "observer_noted")


def test_taking_the_seat_of_an_unknown_role():
    d = Drill()
    only_rejection(d.at(1, C.TakeSeat(by=F, role="pope", seat=Seat())), "pope")
    accepted(d.at(1, C.TakeSeat(by=F, role="press", seat=Seat(kind="staff"))), "seat_taken")


def test_a_refusal_changes_nothing_else():
    """The same exercise with and without a string of refused commands ends with the same events."""
    plain = Drill().finish()
    noisy = Drill()
    for cmd in [act("press", "mayor.convene"), C.Pause(by="mayor"), fire("I99"), say("mayor", "x", channel="pigeon"),
                C.MakeDecision(by="mayor", inject="I2", option="hold"), C.Delegate(by="press", to="mayor", authority="x")]:
        noisy.at(5, cmd)
    noisy.finish()
    events = [e.to_json() for e in noisy.session.events if e.type != "command_rejected"]
    assert events == [e.to_json() for e in plain.session.events]


def test_the_fixed_refusals_read_as_plain_sentences():
    """The consoles show these words to the person whose command was refused."""
    d = Drill()
    assert only_rejection(d.at(1, C.Pause(by="mayor"))).reason == "only the facilitator can do this"
    assert only_rejection(d.at(1, C.OverrideRating(by="mayor", target="objective:O1", rating="P", rationale="x"))).reason \
        == "only the facilitator or an evaluator can override a rating"
    assert only_rejection(d.at(1, C.RequestApproval(by="press", to="mayor"))).reason \
        == "an approval request names an action or carries a statement text, exactly one"
    a1 = request_briefing(d, action=None, text="Calm.")
    d.at(2, C.AnswerApproval(by="mayor", request=a1, granted=True))
    assert only_rejection(d.at(3, act("press", "press.briefing", approval=a1))).reason \
        == f"approval '{a1}' covers a statement, not this"
    assert only_rejection(d.at(21, C.MakeDecision(by="mayor", inject="I2", option="maybe"))).reason \
        == "unknown option 'maybe'; choose one of: hold, wait"
    d.advance(41)
    assert only_rejection(d.at(41, C.JumpToNext(by=F))).reason == "no scheduled inject is left"
