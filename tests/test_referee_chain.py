"""The referee on the chain of command: directives, authority, approvals, upward reporting,
unreachable roles, succession and span of control, each verdict with its passing and failing
neighbour. Same pack and helpers as test_referee_plan.
"""

from __future__ import annotations

from simulator.engine import commands as C
from .referee import Drill, act, final_card, findings, fire, note, of_rule, say, variant, verdict


def directive(by, to, text="Do it"):
    return C.SendMessage(by=by, to=to, intent="directive", text=text)


def message(by, to, intent="report", text="News"):
    return C.SendMessage(by=by, to=to, intent=intent, text=text)


# ---- directives -------------------------------------------------------------------------------------

def test_directives_down_the_line_are_within_the_chain():
    d = Drill().play([(2, directive("mayor", "press")), (3, directive("mayor", "deputy"))]).finish()
    f = findings(d.card())["chain.directive:all"]
    assert (f.verdict, f.rating) == ("within_chain", "P")
    assert [d.line_of(n)["type"] for n in f.evidence] == ["message_sent", "message_sent"]


def test_a_directive_upwards_or_sideways_is_outside_the_chain():
    card = final_card([(2, directive("mayor", "press")), (3, directive("press", "mayor")), (4, directive("deputy", "press"))])
    outside = [f for f in of_rule(card, "chain.directive") if f.verdict == "outside_chain"]
    assert sorted(f.roles for f in outside) == [["deputy", "press"], ["mayor", "press"]]
    assert all(f.rating == "M" for f in outside)
    assert "chain.directive:all" not in findings(card)


def test_a_successor_gives_orders_through_the_line_of_the_role_it_stands_in_for():
    card = final_card([(1, fire("I9")), (2, directive("deputy", "press"))])
    assert verdict(card, "chain.directive:all") == ("within_chain", "P")


def test_once_the_role_is_back_its_successor_no_longer_gives_its_orders():
    card = final_card([(1, fire("I9")), (2, fire("I10")), (3, directive("deputy", "press"))])
    assert [f.verdict for f in of_rule(card, "chain.directive")] == ["outside_chain"]


def test_other_messages_are_not_directives():
    card = final_card([(2, message("press", "deputy", intent="request")), (3, message("press", "deputy", intent="notify"))])
    assert not of_rule(card, "chain.directive")


# ---- authority and approval of actions --------------------------------------------------------------

def test_an_action_without_its_authority():
    card = final_card([(3, act("press", "press.alert"))])
    [f] = of_rule(card, "chain.authority")
    assert (f.verdict, f.rating, f.roles) == ("without_authority", "M", ["press"])


def test_an_action_with_delegated_authority():
    card = final_card([(2, C.Delegate(by="mayor", to="press", authority="declare_emergency")), (3, act("press", "press.alert"))])
    assert not of_rule(card, "chain.authority")


def test_a_delegation_after_the_action_does_not_cover_it():
    card = final_card([(3, act("press", "press.alert")), (5, C.Delegate(by="mayor", to="press", authority="declare_emergency"))])
    assert [f.verdict for f in of_rule(card, "chain.authority")] == ["without_authority"]


def test_authority_held_through_succession():
    card = final_card([(1, fire("I9")), (2, act("deputy", "mayor.close"))])
    assert not of_rule(card, "chain.authority")


def test_an_action_without_its_approval():
    card = final_card([(3, act("press", "press.briefing"))])
    [f] = of_rule(card, "chain.approval")
    assert (f.verdict, f.rating, sorted(f.roles)) == ("without_approval", "M", ["mayor", "press"])


def test_an_action_with_its_approval():
    card = final_card([(1, C.RequestApproval(by="press", to="mayor", action="press.briefing")),
                       (2, C.AnswerApproval(by="mayor", request="A1", granted=True)),
                       (3, act("press", "press.briefing", approval="A1"))])
    assert not of_rule(card, "chain.approval")


def test_an_action_approved_by_the_actor_itself():
    card = final_card([(1, C.RequestApproval(by="press", to="press", action="press.briefing")),
                       (2, C.AnswerApproval(by="press", request="A1", granted=True)),
                       (3, act("press", "press.briefing", approval="A1"))])
    assert [f.verdict for f in of_rule(card, "chain.approval")] == ["without_approval"]


def test_actions_that_need_neither_get_no_chain_finding():
    card = final_card([(3, act("mayor", "mayor.convene")), (4, act("mayor", "mayor.declare"))])
    assert not of_rule(card, "chain.authority") and not of_rule(card, "chain.approval")


# ---- approval of statements -------------------------------------------------------------------------

def test_a_gated_messenger_speaking_without_approval():
    d = Drill().play([(5, say("press", "Stay calm."))]).finish()
    [f] = of_rule(d.card(), "chain.approval")
    assert (f.verdict, f.rating, sorted(f.roles)) == ("released_without_approval", "M", ["mayor", "press"])
    assert [d.line_of(n)["type"] for n in f.evidence] == ["statement_issued"]


def approved_statement(approver="mayor", prelude=()):
    return [*prelude, (1, C.RequestApproval(by="press", to=approver, text="Stay calm.")),
            (2, C.AnswerApproval(by=approver, request="A1", granted=True)),
            (3, say("press", "Stay calm.", approval="A1"))]


def test_a_gated_messenger_speaking_with_approval():
    card = final_card(approved_statement())
    assert verdict(card, "chain.approval:statements") == ("approved", "P")


def test_a_statement_approved_by_the_speaker_itself():
    card = final_card(approved_statement(approver="press"))
    assert [f.verdict for f in of_rule(card, "chain.approval")] == ["released_without_approval"]


def test_a_statement_approved_by_whoever_acts_for_the_approver():
    card = final_card(approved_statement(approver="deputy", prelude=[(0.5, fire("I9"))]))
    assert verdict(card, "chain.approval:statements") == ("approved", "P")


def test_a_statement_approved_by_someone_else_while_the_approver_is_there():
    card = final_card(approved_statement(approver="deputy"))
    assert [f.verdict for f in of_rule(card, "chain.approval")] == ["released_without_approval"]


def test_one_unapproved_statement_spoils_the_all_approved_finding():
    card = final_card(approved_statement() + [(4, say("press", "More news."))])
    assert [f.verdict for f in of_rule(card, "chain.approval")] == ["released_without_approval"]


def test_messengers_who_need_no_approval_are_not_judged_on_it():
    card = final_card([(5, say("mayor", "Stay calm.")), (6, say("deputy", "Stay calm."))])
    assert not of_rule(card, "chain.approval")


# ---- reporting upwards ------------------------------------------------------------------------------
# I1 (high severity) reaches press only at minute 0; press must tell the mayor within 10 minutes.

def test_reported_on_time():
    d = Drill().play([(10, message("press", "mayor"))]).finish()
    f = findings(d.card())["chain.reporting:I1/press"]
    assert (f.verdict, f.rating, sorted(f.roles)) == ("on_time", "P", ["mayor", "press"])
    assert sorted(d.line_of(n)["type"] for n in f.evidence) == ["inject_delivered", "message_sent"]


def test_escalating_counts_as_reporting():
    card = final_card([(4, message("press", "mayor", intent="escalate"))])
    assert verdict(card, "chain.reporting:I1/press") == ("on_time", "P")


def test_reported_late():
    card = final_card([(11, message("press", "mayor"))])
    assert verdict(card, "chain.reporting:I1/press") == ("late", "S")


def test_the_first_report_is_the_one_judged():
    card = final_card([(11, message("press", "mayor")), (12, message("press", "mayor"))])
    assert verdict(card, "chain.reporting:I1/press") == ("late", "S")


def test_not_reported():
    card = final_card([(4, message("press", "mayor", intent="notify")), (5, message("press", "deputy"))])
    assert verdict(card, "chain.reporting:I1/press") == ("not_reported", "M")


def test_live_not_reported_only_after_the_target():
    d = Drill().play([note(10)])
    assert "chain.reporting:I1/press" not in findings(d.card(final=False))
    d.play([note(11)])
    assert verdict(d.card(final=False), "chain.reporting:I1/press") == ("not_reported", "M")


def test_reporting_to_whoever_acts_for_the_supervisor():
    card = final_card([(0, fire("I9")), (3, message("press", "deputy"))])
    f = findings(card)["chain.reporting:I1/press"]
    assert (f.verdict, f.rating) == ("on_time", "P") and "acting for mayor" in f.explanation


def test_news_below_the_reporting_severity_and_news_at_the_top_need_no_report():
    card = final_card([])
    targets = {f.id for f in of_rule(card, "chain.reporting")}
    assert targets == {"chain.reporting:I1/press"}  # I4 (medium) to press, I2 to the mayor (nobody above)


def test_a_report_to_whoever_acts_when_it_is_sent():
    card = final_card([(41, fire("I9")), (45, message("press", "deputy"))], pack=_pack_with_high_rumour())
    assert verdict(card, "chain.reporting:I4/press") == ("on_time", "P")


def test_a_report_sent_before_the_news_arrived_does_not_count():
    card = final_card([(5, message("press", "mayor")), (39, message("press", "mayor"))], pack=_pack_with_high_rumour())
    assert verdict(card, "chain.reporting:I4/press") == ("not_reported", "M")


def _pack_with_high_rumour():
    return variant("high", [("scenario.yaml", "to: [press], channel: social, title: Rumour",
                              "to: [press], channel: social, severity: critical, title: Rumour")])


# ---- unreachable roles and succession ---------------------------------------------------------------

def test_turning_to_a_role_that_cannot_be_reached():
    d = Drill().play([(1, fire("I9")), (3, C.RequestApproval(by="press", to="mayor", text="Stay calm.")),
                      (4, message("press", "mayor"))])
    card = d.card(final=False)
    asked = of_rule(card, "chain.unreachable")
    assert [(f.verdict, f.rating) for f in asked] == [("asked_unreachable", "S")] * 2
    assert all(sorted(f.roles) == ["deputy", "mayor", "press"] for f in asked)


def test_turning_to_a_role_once_it_is_back_is_fine():
    card = final_card([(1, fire("I9")), (3, fire("I10")), (4, message("press", "mayor")),
                       (5, C.RequestApproval(by="press", to="mayor", text="Stay calm."))])
    assert not of_rule(card, "chain.unreachable")


def test_turning_to_a_role_before_it_became_unreachable_is_fine():
    card = final_card([(1, message("press", "mayor")), (2, fire("I9"))])
    assert not of_rule(card, "chain.unreachable")


def mayor_steps_by(actor):
    return [(actor_minute, act(actor, action)) for actor_minute, action in
            ((2, "mayor.convene"), (3, "mayor.declare"), (4, "mayor.close"))]


def test_succession_took_over_when_the_successor_did_every_step():
    d = Drill().play([(1, fire("I9")), *mayor_steps_by("deputy")])
    assert not of_rule(d.card(final=False), "chain.succession")  # judged at the end
    f = of_rule(d.finish().card(), "chain.succession")[0]
    assert (f.verdict, f.rating, sorted(f.roles)) == ("took_over", "P", ["deputy", "mayor"])
    assert "3 of 3" in f.explanation


def test_succession_gaps_when_the_successor_left_steps_undone():
    card = final_card([(1, fire("I9")), (2, act("deputy", "mayor.convene"))])
    f = of_rule(card, "chain.succession")[0]
    assert (f.verdict, f.rating) == ("gaps", "M") and "1 of 3" in f.explanation


def test_succession_counts_only_steps_the_successor_did():
    # The mayor did her steps before she left: nothing fell to the deputy undone, but nothing was his.
    card = final_card([(0.5, act("mayor", "mayor.convene")), (1, fire("I9")), (3, act("deputy", "mayor.declare")),
                       (4, act("deputy", "mayor.close"))])
    f = of_rule(card, "chain.succession")[0]
    assert f.verdict == "gaps" and "2 of 3" in f.explanation


def test_succession_when_nobody_is_named_to_stand_in():
    card = final_card([(1, fire("I12"))])
    f = of_rule(card, "chain.succession")[0]
    assert (f.verdict, f.rating, f.roles) == ("no_successor", "M", ["deputy"])


def test_succession_window_covers_only_steps_due_in_it():
    # The mayor is away from 70 to 80: S1 (due 10) was already past, S3 and S7 (due 60) too.
    card = final_card([(70, fire("I9")), (80, fire("I10"))])
    assert not of_rule(card, "chain.succession")


def test_succession_window_counts_the_steps_still_due_when_it_opens():
    # Away from 50 to 55: S3 and S7 (due 60) fell to the deputy, S1 (due 10) was long past.
    card = final_card([(50, fire("I9")), (55, fire("I10"))])
    f = of_rule(card, "chain.succession")[0]
    assert f.verdict == "gaps" and "0 of 2" in f.explanation  # S3 and S7 (due 60); S1 (due 10) was past


def test_succession_window_ends_before_a_later_trigger():
    pack = variant("late-mayor-step", [("plan.yaml", "action: mayor.close, trigger: {delivered: I1}",
                                         "action: mayor.close, trigger: {delivered: I8}")])
    card = final_card([(1, fire("I9")), *mayor_steps_by("deputy")[:2], (5, fire("I10")), (10, fire("I8"))], pack=pack)
    f = of_rule(card, "chain.succession")[0]
    assert (f.verdict, f.rating) == ("took_over", "P") and "2 of 2" in f.explanation


# ---- span of control --------------------------------------------------------------------------------

def test_span_of_control_at_its_limit_is_fine():
    assert not of_rule(final_card([]), "chain.span")


def test_span_of_control_too_wide():
    pack = variant("narrow", [("plan.yaml", "span_of_control: {max: 2", "span_of_control: {max: 1")])
    d = Drill(pack)
    assert not of_rule(d.card(final=False), "chain.span")  # judged at the end
    [f] = of_rule(d.finish().card(), "chain.span")
    assert (f.id, f.verdict, f.rating, f.roles) == ("chain.span:mayor", "too_wide", "S", ["mayor"])
