"""The referee on the response plan: every verdict of a plan step (on time, late within grace,
late, missed, not triggered, contingency, role, order, authority, approval), of harms and of
decisions, each with the case that earns it and the neighbouring case that must not.

Scripts run on tests/fixtures/referee through the public Session API and are scored by
`simulator.scoring`; every assertion is on a finding's verdict, rating, roles or evidence.
"""

from __future__ import annotations

import pytest

from simulator.engine import commands as C
from simulator.engine import events as E
from simulator.scoring import Scorer, score_lines, score_log
from simulator.session import Session

from .referee import Drill, act, final_card, findings, fire, note, of_rule, referee_pack, say, verdict

BOTH = "We ask everyone to stay calm. Our thoughts are with the families."
"""Meets plan step S2 (calm + families)."""


# ---- on time, within grace, late, missed --------------------------------------------------------------
# S1: the mayor convenes the team, due 10 minutes after I1 (minute 0), with 5 minutes' grace.

@pytest.mark.parametrize("minute, want", [
    (3, ("on_time", "P")),
    (10, ("on_time", "P")),              # due by 10: at 10 is on time
    (12, ("late_within_grace", "S")),
    (15, ("late_within_grace", "S")),    # the grace runs to 15 inclusive
    (16, ("late", "M")),
])
def test_timeliness_of_an_action_step(minute, want):
    card = final_card([(minute, act("mayor", "mayor.convene"))])
    assert verdict(card, "plan.timeliness:S1") == want
    assert findings(card)["plan.timeliness:S1"].roles == ["mayor"]


def test_a_step_never_done_is_missed_with_its_trigger_as_evidence():
    d = Drill().finish()
    f = findings(d.card())["plan.timeliness:S1"]
    assert (f.verdict, f.rating) == ("missed", "U")
    assert [d.line_of(n)["type"] for n in f.evidence] == ["expectation_triggered"]


def test_live_a_step_is_missed_only_once_its_grace_is_over():
    d = Drill().play([note(15)])
    assert "plan.timeliness:S1" not in findings(d.card(final=False))  # still within grace at 15
    d.play([note(16)])
    assert verdict(d.card(final=False), "plan.timeliness:S1") == ("missed", "U")


def test_live_the_due_time_without_grace_counts_for_steps_without_grace():
    # S2 (no grace) is due at 30: not missed at 30, missed after.
    d = Drill().play([(30, C.ObserverNote(by="facilitator", text="x"))])
    card = d.card(final=False)
    assert "plan.timeliness:S2" not in findings(card)
    d.play([note(30.5)])
    assert verdict(d.card(final=False), "plan.timeliness:S2") == ("missed", "U")


def test_a_step_whose_trigger_never_happened_is_not_triggered_at_the_end_only():
    d = Drill().play([note(50)])
    assert "plan.timeliness:S6" not in findings(d.card(final=False))
    assert verdict(d.finish().card(), "plan.timeliness:S6") == ("not_triggered", "N/A")


def test_a_late_trigger_starts_the_clock_from_its_own_minute():
    # S6 is due 10 minutes after I8, which only the facilitator fires.
    card = final_card([(50, fire("I8")), (60, act("press", "press.monitor"))])
    assert verdict(card, "plan.timeliness:S6") == ("on_time", "P")
    card = final_card([(50, fire("I8")), (61, act("press", "press.monitor"))])
    assert verdict(card, "plan.timeliness:S6") == ("late", "M")


def test_a_statement_step_needs_every_rule_it_names():
    only_calm = final_card([(5, say("press", "Please stay calm."))])
    assert verdict(only_calm, "plan.timeliness:S2") == ("missed", "U")
    both = final_card([(5, say("press", BOTH))])
    assert verdict(both, "plan.timeliness:S2") == ("on_time", "P")
    more = final_card([(5, say("press", BOTH + " We are so sorry."))])
    assert verdict(more, "plan.timeliness:S2") == ("on_time", "P")


def test_a_statement_step_is_not_met_by_another_role_who_does_not_stand_in():
    card = final_card([(5, say("mayor", BOTH))])  # press is reachable: the mayor's words are not press's step
    assert verdict(card, "plan.timeliness:S2") == ("missed", "U")


def test_the_first_statement_that_meets_a_step_counts():
    card = final_card([(5, say("press", "Stay calm.")), (20, say("press", BOTH)), (40, say("press", BOTH))])
    f = findings(card)["plan.timeliness:S2"]
    assert f.verdict == "on_time" and "minute 20" in f.explanation


# ---- contingency ------------------------------------------------------------------------------------

def test_a_missed_deadline_that_needed_a_contingency_inject():
    d = Drill().finish()
    card = d.card()
    f = findings(card)["plan.contingency:S2"]
    assert (f.verdict, f.rating) == ("contingency_needed", "S")
    assert [d.line_of(n)["inject"] for n in f.evidence] == ["I5"]
    missed = findings(card)["plan.timeliness:S2"]
    assert missed.verdict == "missed" and len(missed.evidence) == 2  # trigger and the contingency


def test_a_step_done_after_its_contingency_keeps_both_in_evidence():
    d = Drill().play([(1, act("mayor", "mayor.convene")), (40, say("press", BOTH))]).finish()
    card = d.card()
    f = findings(card)["plan.contingency:S2"]
    assert f.verdict == "contingency_needed"
    assert sorted(d.line_of(n)["type"] for n in f.evidence) == ["inject_delivered", "statement_issued"]
    assert verdict(card, "plan.timeliness:S2") == ("late", "M")


def test_no_contingency_finding_when_the_step_is_done_in_time():
    card = final_card([(1, act("mayor", "mayor.convene")), (20, say("press", BOTH))])
    assert "plan.contingency:S2" not in findings(card)


# ---- who did it -------------------------------------------------------------------------------------

def test_the_role_the_plan_names():
    card = final_card([(2, act("mayor", "mayor.convene"))])
    f = findings(card)["plan.role:S1"]
    assert (f.verdict, f.rating, f.roles) == ("right_role", "P", ["mayor"])


def test_a_successor_acting_for_an_unreachable_role():
    card = final_card([(1, fire("I9")), (2, act("deputy", "mayor.convene"))])
    f = findings(card)["plan.role:S1"]
    assert (f.verdict, f.rating) == ("successor", "P")
    assert sorted(f.roles) == ["deputy", "mayor"]
    assert findings(card)["plan.timeliness:S1"].roles == ["deputy"]


def test_a_successor_meets_a_statement_step():
    # Press cannot be reached; the mayor (press's successor) makes the statement herself and needs no approval.
    d = Drill().play([(1, act("mayor", "mayor.convene")), (2, fire("I11")), (5, say("mayor", BOTH)), note(25)])
    card = d.card(final=False)
    assert verdict(card, "plan.timeliness:S2") == ("on_time", "P")
    assert verdict(card, "plan.role:S2") == ("successor", "P")
    assert "plan.approval:S2" not in findings(card)  # the approver herself spoke


def test_a_successor_counts_only_while_the_role_cannot_be_reached():
    # The mayor spoke at minute 1, before press became unreachable at 2: not press's step.
    d = Drill().play([(0.5, act("mayor", "mayor.convene")), (1, say("mayor", BOTH)), (2, fire("I11"))]).finish()
    assert verdict(d.card(), "plan.timeliness:S2") == ("missed", "U")


def test_a_delegate_of_the_role_the_plan_names():
    d = Drill().play([(2, C.Delegate(by="mayor", to="press", authority="declare_emergency")),
                      (2, act("press", "mayor.declare"))]).finish()   # the same minute counts
    f = findings(d.card())["plan.role:S3"]
    assert (f.verdict, f.rating) == ("delegate", "P")
    assert sorted(f.roles) == ["mayor", "press"]
    assert "delegated" in [d.line_of(n)["type"] for n in f.evidence]


def test_a_delegation_from_someone_else_is_the_wrong_role():
    # The deputy may hand on the emergency power, but the plan names the mayor for S3.
    card = final_card([(2, C.Delegate(by="deputy", to="press", authority="declare_emergency")),
                       (3, act("press", "mayor.declare"))])
    f = findings(card)["plan.role:S3"]
    assert (f.verdict, f.rating) == ("wrong_role", "M")
    assert sorted(f.roles) == ["mayor", "press"]


def test_a_delegation_logged_after_the_act_does_not_make_a_delegate():
    card = final_card([(2, C.Delegate(by="deputy", to="press", authority="declare_emergency")),
                       (3, act("press", "mayor.declare")),
                       (5, C.Delegate(by="mayor", to="press", authority="declare_emergency"))])
    assert verdict(card, "plan.role:S3") == ("wrong_role", "M")


# ---- order ------------------------------------------------------------------------------------------
# S2 (statement) has S1 (convene) as its prerequisite.

def test_prerequisite_done_first_is_in_order():
    d = Drill().play([(5, act("mayor", "mayor.convene")), (8, say("press", BOTH))]).finish()
    f = findings(d.card())["plan.prerequisites:S2"]
    assert (f.verdict, f.rating) == ("in_order", "P")
    assert sorted(d.line_of(n)["type"] for n in f.evidence) == ["action_taken", "statement_issued"]


def test_prerequisite_done_the_same_minute_is_in_order():
    card = final_card([(8, act("mayor", "mayor.convene")), (8, say("press", BOTH))])
    assert verdict(card, "plan.prerequisites:S2") == ("in_order", "P")


def test_prerequisite_done_later_is_out_of_order():
    card = final_card([(8, say("press", BOTH)), (9, act("mayor", "mayor.convene"))])
    f = findings(card)["plan.prerequisites:S2"]
    assert (f.verdict, f.rating) == ("out_of_order", "M") and "S1" in f.explanation


def test_prerequisite_never_done_is_out_of_order():
    card = final_card([(8, say("press", BOTH))])
    assert verdict(card, "plan.prerequisites:S2") == ("out_of_order", "M")


def test_steps_without_prerequisites_get_no_order_finding():
    card = final_card([(2, act("mayor", "mayor.convene"))])
    assert "plan.prerequisites:S1" not in findings(card)


# ---- authority --------------------------------------------------------------------------------------
# S3 (mayor.declare) and S4 (press.alert) need 'declare_emergency'; S7 (mayor.close) 'close_roads'.

def test_authority_held_by_the_role():
    card = final_card([(2, act("mayor", "mayor.declare"))])
    f = findings(card)["plan.authority:S3"]
    assert (f.verdict, f.rating, f.roles) == ("authorised", "P", ["mayor"])


def test_authority_missing():
    card = final_card([(3, act("press", "press.alert"))])
    f = findings(card)["plan.authority:S4"]
    assert (f.verdict, f.rating, f.roles) == ("unauthorised", "M", ["press"])


@pytest.mark.parametrize("delegated_at, want", [(2, "authorised"), (3, "authorised"), (4, "unauthorised")])
def test_authority_by_delegation_counts_from_the_minute_it_is_logged(delegated_at, want):
    script = [(delegated_at, C.Delegate(by="mayor", to="press", authority="declare_emergency")),
              (3, act("press", "press.alert"))]
    card = final_card(sorted(script, key=lambda x: x[0]))
    assert verdict(card, "plan.authority:S4")[0] == want


def test_authority_by_succession():
    # The deputy does not hold 'close_roads' but acts as mayor while she cannot be reached.
    card = final_card([(1, fire("I9")), (2, act("deputy", "mayor.close"))])
    assert verdict(card, "plan.authority:S7") == ("authorised", "P")  # by succession: the deputy acts as mayor


def test_authority_by_succession_ends_when_the_role_is_back():
    d = Drill().play([(1, fire("I9")), (2, fire("I10"))])
    refused = d.at(3, act("deputy", "mayor.close"))
    assert refused[0].type == "command_rejected"
    card = d.finish().card()
    assert verdict(card, "plan.timeliness:S7") == ("missed", "U")


# ---- approval ---------------------------------------------------------------------------------------
# S2 names the mayor's approval; S5 (press.briefing) needs it through its action.

def approved_briefing(approver="mayor", asked_at=3, answered_at=4, acted_at=5, prelude=()):
    return [*prelude,
            (asked_at, C.RequestApproval(by="press", to=approver, action="press.briefing")),
            (answered_at, C.AnswerApproval(by=approver, request="A1", granted=True)),
            (acted_at, act("press", "press.briefing", approval="A1"))]


def test_approved_before_the_act():
    d = Drill().play(approved_briefing()).finish()
    f = findings(d.card())["plan.approval:S5"]
    assert (f.verdict, f.rating) == ("approved", "P")
    assert sorted(f.roles) == ["mayor", "press"]
    assert sorted(d.line_of(n)["type"] for n in f.evidence) == ["action_taken", "approval_answered", "approval_requested"]


def test_approved_the_same_minute_as_the_act():
    card = final_card(approved_briefing(asked_at=5, answered_at=5, acted_at=5))
    assert verdict(card, "plan.approval:S5") == ("approved", "P")


def test_no_approval_at_all():
    d = Drill().play([(5, act("press", "press.briefing"))]).finish()
    f = findings(d.card())["plan.approval:S5"]
    assert (f.verdict, f.rating) == ("not_approved", "M")
    assert [d.line_of(n)["type"] for n in f.evidence] == ["action_taken"]


def test_self_approval_is_not_approval():
    card = final_card(approved_briefing(approver="press"))
    assert verdict(card, "plan.approval:S5") == ("not_approved", "M")


def test_approval_by_someone_other_than_the_approver():
    card = final_card(approved_briefing(approver="deputy"))
    assert verdict(card, "plan.approval:S5") == ("not_approved", "M")


def test_approval_by_whoever_acts_for_the_approver():
    card = final_card(approved_briefing(approver="deputy", prelude=[(1, fire("I9"))]))
    assert verdict(card, "plan.approval:S5") == ("approved", "P")


def test_statement_step_approval():
    granted = final_card([(1, C.RequestApproval(by="press", to="mayor", text=BOTH)),
                          (2, C.AnswerApproval(by="mayor", request="A1", granted=True)),
                          (3, say("press", BOTH, approval="A1"))])
    assert verdict(granted, "plan.approval:S2") == ("approved", "P")
    missing = final_card([(3, say("press", BOTH))])
    assert verdict(missing, "plan.approval:S2") == ("not_approved", "M")


def test_steps_that_need_no_approval_get_no_approval_finding():
    card = final_card([(2, act("mayor", "mayor.convene"))])
    assert "plan.approval:S1" not in findings(card)


# The engine refuses to act on an approval that is pending, denied, someone else's or for another
# action, so these logs can only come from elsewhere (an older version, a hand-edited file). The
# scorer is a pure function of the log it is given and must judge them the same way.

def hand_log(*events):
    return [(n, e.to_dict()) for n, e in enumerate([E.ExerciseStarted(t=0, scenario="referee", seed=1), *events], start=2)]


def delivered_and_triggered():
    return [E.InjectDelivered(t=0, inject="I1", to=["press"], channel="phone", severity="high", title="x", cue="scheduled"),
            E.ExpectationTriggered(t=0, expectation="S5", role="press", due=60)]


def test_an_approval_granted_after_the_act_does_not_count():
    lines = hand_log(*delivered_and_triggered(),
                     E.ApprovalRequested(t=3, request="A1", by="press", to="mayor", action="press.briefing"),
                     E.ActionTaken(t=4, action="press.briefing", by="press", approval="A1"),
                     E.ApprovalAnswered(t=5, request="A1", by="mayor", granted=True),
                     E.ExerciseEnded(t=120, reason="clock"))
    card = score_lines(referee_pack(), lines)
    assert verdict(card, "plan.approval:S5") == ("not_approved", "M")
    assert of_rule(card, "chain.approval")[0].verdict == "without_approval"


def test_an_approval_for_another_action_does_not_count():
    lines = hand_log(*delivered_and_triggered(),
                     E.ApprovalRequested(t=3, request="A1", by="press", to="mayor", action="press.alert"),
                     E.ApprovalAnswered(t=4, request="A1", by="mayor", granted=True),
                     E.ActionTaken(t=5, action="press.briefing", by="press", approval="A1"),
                     E.ExerciseEnded(t=120, reason="clock"))
    card = score_lines(referee_pack(), lines)
    assert verdict(card, "plan.approval:S5") == ("not_approved", "M")


def test_a_denied_approval_does_not_count():
    lines = hand_log(*delivered_and_triggered(),
                     E.ApprovalRequested(t=3, request="A1", by="press", to="mayor", action="press.briefing"),
                     E.ApprovalAnswered(t=4, request="A1", by="mayor", granted=False),
                     E.ActionTaken(t=5, action="press.briefing", by="press", approval="A1"),
                     E.ExerciseEnded(t=120, reason="clock"))
    card = score_lines(referee_pack(), lines)
    assert verdict(card, "plan.approval:S5") == ("not_approved", "M")


def test_an_unanswered_approval_does_not_count():
    lines = hand_log(*delivered_and_triggered(),
                     E.ApprovalRequested(t=3, request="A1", by="press", to="mayor", action="press.briefing"),
                     E.ActionTaken(t=5, action="press.briefing", by="press", approval="A1"),
                     E.ExerciseEnded(t=120, reason="clock"))
    card = score_lines(referee_pack(), lines)
    assert verdict(card, "plan.approval:S5") == ("not_approved", "M")


# ---- harms ------------------------------------------------------------------------------------------

def test_a_harmful_choice_is_a_harm_finding_at_the_end():
    d = Drill().play([(22, C.MakeDecision(by="mayor", inject="I2", option="wait"))])
    assert not of_rule(d.card(final=False), "plan.harm")
    d.finish()
    f = findings(d.card())["plan.harm:H1"]
    assert (f.verdict, f.rating, f.expectation, f.objective) == ("harm", "M", "S1", "O1")
    assert f.roles == ["mayor"]
    assert [d.line_of(n)["type"] for n in f.evidence] == ["decision_made"]


def test_a_decision_left_to_lapse_into_the_harmful_default():
    card = final_card([])
    assert verdict(card, "plan.harm:H1") == ("harm", "M")


def test_the_good_choice_does_no_harm():
    card = final_card([(22, C.MakeDecision(by="mayor", inject="I2", option="hold"))])
    assert not of_rule(card, "plan.harm")


# ---- decisions --------------------------------------------------------------------------------------

def test_decision_recommended_option():
    d = Drill().play([(22, C.MakeDecision(by="mayor", inject="I2", option="hold"))]).finish()
    f = findings(d.card())["plan.decision:I2"]
    assert (f.verdict, f.rating, f.roles) == ("recommended", "P", ["mayor"])
    assert [d.line_of(n)["type"] for n in f.evidence] == ["inject_delivered", "decision_made"]


def test_decision_another_option_names_the_recommended_one_and_why():
    card = final_card([(22, C.MakeDecision(by="mayor", inject="I2", option="wait"))])
    f = findings(card)["plan.decision:I2"]
    assert (f.verdict, f.rating) == ("other_option", "S")
    assert "Hold it" in f.explanation and "without support" in f.explanation


def test_decision_lapsed_names_its_default():
    card = final_card([])
    f = findings(card)["plan.decision:I2"]
    assert (f.verdict, f.rating, f.roles) == ("lapsed", "M", ["mayor"])
    assert "Wait" in f.explanation


def test_decision_without_a_preferred_option_is_left_to_the_evaluator():
    card = final_card([(31, C.MakeDecision(by="deputy", inject="I3", option="north"))])
    f = findings(card)["plan.decision:I3"]
    assert (f.verdict, f.rating, f.roles) == ("decided", "N/A", ["deputy"])


def test_decision_never_taken_is_judged_at_the_end_only():
    d = Drill().play([note(100)])
    assert "plan.decision:I3" not in findings(d.card(final=False))
    f = findings(d.finish().card())["plan.decision:I3"]
    assert (f.verdict, f.rating, f.roles) == ("not_decided", "M", ["deputy"])


def test_decision_not_yet_delivered_has_no_finding():
    d = Drill().play([note(10)])
    assert "plan.decision:I2" not in findings(d.card(final=True))


# ---- roll-ups and the score -------------------------------------------------------------------------

def good_run():
    return [
        (1, act("mayor", "mayor.convene")),
        (2, C.SendMessage(by="press", to="mayor", intent="report", text="Incident downtown")),
        (3, C.RequestApproval(by="press", to="mayor", text=BOTH)),
        (4, C.AnswerApproval(by="mayor", request="A1", granted=True)),
        (5, say("press", BOTH, approval="A1")),
        (6, act("mayor", "mayor.declare")),
        (7, act("mayor", "mayor.close")),
        (8, C.Delegate(by="mayor", to="press", authority="declare_emergency")),
        (9, act("press", "press.alert")),
        (10, C.RequestApproval(by="press", to="mayor", action="press.briefing")),
        (11, C.AnswerApproval(by="mayor", request="A2", granted=True)),
        (12, act("press", "press.briefing", approval="A2")),
        (22, C.MakeDecision(by="mayor", inject="I2", option="hold")),
        (31, C.MakeDecision(by="deputy", inject="I3", option="north")),
    ]


def test_a_step_rolls_up_to_its_worst_finding():
    card = final_card([(16, act("mayor", "mayor.convene"))])
    rollup = {r.id: r for r in card.expectations}
    assert rollup["expectation:S1"].rating == "M"  # late (M) beats right role (P)
    assert "plan.timeliness:S1" in rollup["expectation:S1"].rule
    assert rollup["expectation:S6"].rating == "N/A"


def test_an_essential_step_not_performed_makes_its_objective_u():
    card = final_card([(a, c) for a, c in good_run() if not isinstance(c, C.IssueStatement)])
    objectives = {r.id: r for r in card.objectives}
    assert objectives["objective:O2"].rating == "U" and "S2" in objectives["objective:O2"].rule


def test_a_non_essential_step_not_performed_counts_as_major_challenges():
    card = final_card([(a, c) for a, c in good_run() if c.type != "take_action" or c.action != "mayor.close"])
    objectives = {r.id: r for r in card.objectives}
    assert {r.id: r.rating for r in card.expectations}["expectation:S7"] == "U"
    assert objectives["objective:O1"].rating == "M"


def test_the_good_run_scores_high_and_each_failure_costs():
    good = final_card(good_run())
    assert good.score is not None and good.score > 80
    assert {r.id: r.rating for r in good.expectations} == {
        "expectation:S1": "P", "expectation:S2": "P", "expectation:S3": "P", "expectation:S4": "P",
        "expectation:S5": "P", "expectation:S6": "N/A", "expectation:S7": "P"}
    minor = final_card([(a, c) for a, c in good_run() if c.type != "take_action" or c.action != "mayor.close"])
    major = final_card([(a, c) for a, c in good_run() if c.type != "take_action" or c.action != "mayor.convene"])
    assert good.score > minor.score > major.score  # S1 is essential, S7 is not


def test_scoring_nothing_gives_no_score():
    card = score_lines(referee_pack(), [], final=False)
    assert card.score is None and not card.findings and not card.final


def test_an_override_replaces_the_rating_and_keeps_the_suggestion():
    d = Drill().play([(16, act("mayor", "mayor.convene"))]).finish()
    d.play([(120, C.OverrideRating(by="evaluator", target="plan.timeliness:S1", rating="S", rationale="close enough")),
            (120, C.OverrideRating(by="evaluator", target="objective:O1", rating="P", rationale="fine"))])
    card = d.card()
    f = findings(card)["plan.timeliness:S1"]
    assert (f.rating, f.suggested) == ("S", "M") and f.override.by == "evaluator"
    assert d.line_of(f.override.line)["type"] == "rating_overridden" and f.override.line in f.evidence
    o1 = {r.id: r for r in card.objectives}["objective:O1"]
    assert o1.rating == "P" and o1.suggested != "P" and "close enough" not in o1.rule and "fine" in o1.rule


# ---- the in-memory lines equal the real log ---------------------------------------------------------

def test_the_drill_lines_score_like_the_log_file(tmp_path):
    log = tmp_path / "run.jsonl"
    session = Session.start(referee_pack(), 1, {r: __import__("simulator.engine.seats", fromlist=["Seat"]).Seat()
                                                  for r in referee_pack().scenario.roles}, log)
    drill = Drill()
    for minute, cmd in good_run():
        session.advance_to(minute)
        session.submit(cmd)
        drill.at(minute, cmd)
    session.run_to_end()
    session.close()
    drill.finish()
    _pack, from_file, _facts = score_log(log)
    from_drill = drill.card()
    assert [(f.id, f.rating, f.evidence) for f in from_file.findings] == \
           [(f.id, f.rating, f.evidence) for f in from_drill.findings]
    scorer = Scorer(referee_pack())
    for number, data in drill.lines:
        scorer.feed(number, data)
    assert scorer.scorecard().score == from_file.score


def test_a_harm_from_a_delivery_and_an_action_cites_both():
    d = Drill().play([(20, fire("I8")), (22, C.MakeDecision(by="mayor", inject="I2", option="hold")),
                      (25, act("press", "press.alert"))]).finish()
    card = d.card()
    assert [f.id for f in of_rule(card, "plan.harm")] == ["plan.harm:H2"]  # H1 did not hold; H2, listed after it, did
    f = findings(card)["plan.harm:H2"]
    assert (f.verdict, f.rating, f.roles, f.expectation, f.objective, f.capability) == ("harm", "M", [], None, "O2", "Public Information and Warning")
    assert sorted(d.line_of(n)["type"] for n in f.evidence) == ["action_taken", "inject_delivered"]
    assert "A second alert confused the public" in f.explanation


def test_live_decisions_are_judged_as_they_are_taken():
    d = Drill().play([(31, C.MakeDecision(by="deputy", inject="I3", option="north"))])
    card = d.card(final=False)
    assert "plan.decision:I2" not in findings(card)  # still open until minute 35
    assert verdict(card, "plan.decision:I3") == ("decided", "N/A")
