"""What the engine emits: each command's event carries what the command said; triggers, effects,
delays, modules, deadlines and the end of the clock happen at the minute they should; and every
event round-trips through its JSON form. Driven through the Session API on the referee pack and
a variant of it with triggered injects and effects.
"""

from __future__ import annotations

import json

import pytest

from simulator.engine import commands as C
from simulator.engine.events import EVENTS
from simulator.engine.seats import Seat

from .referee import F, Drill, act, fire, referee_pack, say, variant

ENGINE_EDITS = [
    ("scenario.yaml", "  - {id: tension, label: Tension, initial: 20}\n",
     "  - {id: tension, label: Tension, initial: 20}\n  - {id: trust, label: Trust, initial: 95, min: 10, max: 100}\n"),
    ("scenario.yaml", "  - {id: M1, title: Start, phase: initial, starts_at: 0, discussion_questions: [\"What went well?\"]}\n",
     "  - {id: M1, title: Start, phase: initial, starts_at: 0, discussion_questions: [\"What went well?\"]}\n"
     "  - {id: M2, title: Later, phase: recovery, starts_at: 60, discussion_questions: [\"What next?\"]}\n"),
    ("scenario.yaml", "harms:\n",
     "action_effects:\n  mayor.convene: {tension: -5}\nstatement_effects:\n  calm: {tension: -10}\n  families: {trust: 10}\nharms:\n"),
    ("scenario.yaml", "        - {id: hold, label: Hold it, recommended: true}\n",
     "        - {id: hold, label: Hold it, recommended: true, effects: {trust: 10}, follow_up: [T4]}\n"),
    ("scenario.yaml", "  - {id: I4, at: 40,", "  - {id: I4, at: 40, effects: {tension: 100, trust: -100},"),
    ("scenario.yaml", "  - {id: I8, from: desk,",
     "  - {id: T1, trigger: {action: mayor.declare}, from: desk, to: [press], channel: email, title: Declared, body: Declared.}\n"
     "  - {id: T2, trigger: {statement: {by: mayor, covers: calm, channel: website}}, from: desk, to: [press], channel: email, title: Heard, body: Heard.}\n"
     "  - {id: T3, trigger: {after: 100}, from: desk, to: [press], channel: email, title: Late news, body: Late news.}\n"
     "  - {id: T4, delay: 5, from: desk, to: [press], channel: email, title: Vigil planned, body: Plans go ahead.}\n"
     "  - {id: T5, trigger: {state: trust, at_least: 100}, from: desk, to: [press], channel: email, title: Trusted, body: Trusted.}\n"
     "  - {id: I8, from: desk,"),
    ("roles/mayor.yaml", "description: Calls the crisis team together., category: command}",
     "description: Calls the crisis team together., category: command, effects: {tension: -2}}"),
]


def engine_pack():
    return variant("engine", ENGINE_EDITS)


def delivered(d, inject):
    return [e for e in d.events("inject_delivered") if e.inject == inject]


def changes(d, cause):
    return [e for e in d.events("state_changed") if e.cause == cause]


# ---- every event round-trips ------------------------------------------------------------------------

EVERYTHING = [
    (0, C.Pause(by=F)), (0, C.Resume(by=F)), (0, C.SetSpeed(by=F, speed=4)), (1, C.JumpToNext(by=F)),
    (1, act("mayor", "mayor.convene")), (2, C.SendMessage(by="press", to="mayor", intent="report", text="News")),
    (3, C.RequestApproval(by="press", to="mayor", text="Stay calm.", channel="website")),
    (4, C.AnswerApproval(by="mayor", request="A1", granted=True)),
    (5, say("press", "Stay calm, families.", channel="website", languages=["English", "Welsh"], approval="A1")),
    (6, C.Delegate(by="mayor", to="press", authority="declare_emergency")), (7, act("press", "mayor.declare")),
    (8, C.AdHocInject(by=F, title="Power cut", body="Lights out.", to=["mayor"], channel="radio", severity="high",
                      sender="Grid")),
    (9, C.ObserverNote(by=F, text="Slow start", role="mayor")), (10, fire("I9")),
    (11, C.TakeSeat(by=F, role="press", seat=Seat(kind="staff", policy="late", competence=0.5))),
    (12, act("press", "nope")), (21, C.MakeDecision(by="deputy", inject="I2", option="hold")), (50, fire("I10")),
    (60, C.EndExercise(by=F)), (60, act("mayor", "mayor.convene")),
    (60, C.HotWashAnswer(by="mayor", question="M1.1", text="What went well?", answer="Talking")),
    (60, C.OverrideRating(by="evaluator", target="objective:O1", rating="S", rationale="slow")),
]


@pytest.mark.parametrize("pack", ["referee", "engine"])
def test_every_event_round_trips_through_json(pack):
    d = Drill(engine_pack() if pack == "engine" else None).play(EVERYTHING)
    kinds = set()
    for e in d.session.events:
        again = EVENTS.validate_json(e.to_json())
        assert again == e, e
        assert e.to_dict() == json.loads(e.to_json())
        kinds.add(e.type)
    assert len(kinds) >= (24 if pack == "engine" else 23), sorted(kinds)


# ---- the events of commands carry what was asked ----------------------------------------------------

def test_the_start_and_the_end():
    d = Drill(seed=7)
    start = d.session.events[0]
    assert (start.type, start.t, start.scenario, start.seed) == ("exercise_started", 0, "referee", 7)
    d.finish()
    end = d.session.events[-1]
    assert (end.type, end.t, end.reason) == ("exercise_ended", 120, "clock")
    assert all(e.t <= 120 for e in d.session.events)
    early = Drill()
    ended = early.at(30, C.EndExercise(by=F))
    assert [(e.type, e.t, e.reason) for e in ended] == [("exercise_ended", 30, "facilitator")]
    assert early.advance(100) is early and not early.session.engine.advance_to(120)  # nothing after the end


def test_clock_commands():
    d = Drill()
    assert [(e.type, e.t) for e in d.at(3, C.Pause(by=F))] == [("clock_paused", 3)]
    assert [(e.type, e.t) for e in d.at(3, C.Resume(by=F))] == [("clock_resumed", 3)]
    assert [(e.type, e.speed) for e in d.at(3, C.SetSpeed(by=F, speed=8))] == [("speed_changed", 8)]
    jump = d.at(3, C.JumpToNext(by=F))
    assert [(e.type, e.t, e.to) for e in jump] == [("clock_jumped", 3, 20)]
    d.advance(20.5)
    assert d.at(21, C.JumpToNext(by=F))[0].to == 30


def test_an_ad_hoc_inject_carries_what_the_facilitator_wrote():
    d = Drill()
    [e] = d.at(8, C.AdHocInject(by=F, title="Power cut", body="Lights out.", to=["mayor"], channel="radio",
                                severity="high", sender="Grid"))
    assert (e.inject, e.t, e.to, e.channel, e.severity, e.title, e.body, e.sender, e.cue) == \
        ("adhoc-1", 8, ["mayor"], "radio", "high", "Power cut", "Lights out.", "Grid", "ad_hoc")
    assert d.at(9, C.AdHocInject(by=F, title="x", body="y"))[0].inject == "adhoc-2"


def test_notes_answers_and_overrides_carry_their_words():
    d = Drill()
    [note] = d.at(9, C.ObserverNote(by=F, text="Slow start", role="mayor"))
    assert (note.t, note.text, note.role) == (9, "Slow start", "mayor")
    d.at(10, C.EndExercise(by=F))
    [hw] = d.at(10, C.HotWashAnswer(by="mayor", question="M1.1", text="What went well?", answer="Talking"))
    assert (hw.t, hw.by, hw.question, hw.text, hw.answer) == (10, "mayor", "M1.1", "What went well?", "Talking")
    [o] = d.at(10, C.OverrideRating(by="evaluator", target="objective:O1", rating="S", rationale="slow"))
    assert (o.by, o.target, o.rating, o.rationale) == ("evaluator", "objective:O1", "S", "slow")


def test_what_participants_do_is_logged_as_they_said_it_and_not_as_staff():
    d = Drill()
    [a] = d.at(1, C.TakeAction(by="mayor", action="mayor.convene", note="all hands"))[:1]
    assert (a.t, a.action, a.by, a.note, a.approval, a.staff) == (1, "mayor.convene", "mayor", "all hands", None, False)
    [m] = d.at(2, C.SendMessage(by="press", to="mayor", intent="escalate", text="News"))
    assert (m.by, m.to, m.intent, m.text, m.staff) == ("press", "mayor", "escalate", "News", False)
    [r] = d.at(3, C.RequestApproval(by="press", to="mayor", text="Stay calm.", channel="website"))
    assert (r.request, r.by, r.to, r.action, r.text, r.channel, r.staff) == \
        ("A1", "press", "mayor", None, "Stay calm.", "website", False)
    [r2] = d.at(3, C.RequestApproval(by="press", to="mayor", action="press.briefing"))
    assert (r2.request, r2.action, r2.text) == ("A2", "press.briefing", None)
    [ans] = d.at(4, C.AnswerApproval(by="mayor", request="A2", granted=False))
    assert (ans.request, ans.by, ans.granted, ans.staff) == ("A2", "mayor", False, False)
    judged, said = d.at(5, say("press", "Stay calm.", channel="website", languages=["Welsh"]))[:2]
    assert (judged.type, judged.text) == ("statement_judged", "Stay calm.")  # its verdicts, logged first
    assert (said.by, said.channel, said.languages, said.text, said.staff) == ("press", "website", ["Welsh"], "Stay calm.", False)
    [g] = d.at(6, C.Delegate(by="mayor", to="press", authority="declare_emergency"))
    assert (g.by, g.to, g.authority) == ("mayor", "press", "declare_emergency")
    d.advance(21)
    made = d.at(21, C.MakeDecision(by="mayor", inject="I2", option="hold"))[0]
    assert (made.inject, made.option, made.by, made.staff) == ("I2", "hold", "mayor", False)


def test_a_refusal_names_the_command_and_who_sent_it():
    d = Drill()
    [e] = d.at(4, act("press", "nope"))
    assert (e.type, e.t, e.command, e.by) == ("command_rejected", 4, "take_action", "press")
    d.at(5, C.EndExercise(by=F))
    [late] = d.at(5, act("mayor", "mayor.convene"))
    assert (late.command, late.by, late.reason) == ("take_action", "mayor", "the exercise has ended")


def test_taking_a_seat_records_the_seat_and_hands_over_the_work():
    d = Drill()
    [seat] = d.at(1, C.TakeSeat(by=F, role="mayor", seat=Seat(kind="staff", policy="plan", competence=1.0)))
    assert (seat.role, seat.seat, seat.policy, seat.competence) == ("mayor", "staff", "plan", 1.0)
    d.advance(30)
    staff_acts = [e for e in d.events("action_taken") if e.by == "mayor"]
    assert staff_acts and all(e.staff for e in staff_acts)   # the new staff picked up the mayor's open steps
    assert {e.action for e in staff_acts} >= {"mayor.convene"}
    [back] = d.at(30, C.TakeSeat(by=F, role="mayor", seat=Seat()))
    assert (back.seat, back.policy, back.competence) == ("human", None, None)
    before = len([e for e in d.session.events if getattr(e, "staff", False) and getattr(e, "by", None) == "mayor"])
    d.finish()
    after = len([e for e in d.session.events if getattr(e, "staff", False) and getattr(e, "by", None) == "mayor"])
    assert after == before  # the retired staff member stood down


def test_availability_is_announced_once_each_way():
    d = Drill()
    d.at(1, fire("I9"))
    d.at(2, fire("I10"))
    assert [(e.role, e.available, e.t) for e in d.events("role_availability")] == [("mayor", False, 1), ("mayor", True, 2)]


# ---- plan steps in the engine -----------------------------------------------------------------------

def test_a_step_is_triggered_with_its_due_minute_and_met_on_time_up_to_it():
    d = Drill().advance(0.5)
    s1 = next(e for e in d.events("expectation_triggered") if e.expectation == "S1")
    assert (s1.t, s1.role, s1.due) == (0, "mayor", 10)
    met = [e for e in d.at(10, act("mayor", "mayor.convene")) if e.type == "expectation_met"]
    assert [(e.expectation, e.by, e.on_time, e.t) for e in met] == [("S1", "mayor", True, 10)]


def test_a_step_met_after_its_due_minute_is_not_on_time():
    d = Drill()
    d.advance(12)
    # S1 is due at 10 with 5 minutes' grace: within grace the plan still accepts it, so no
    # deadline has passed yet (judge.grace_ends), but it is no longer on time.
    assert [e for e in d.events("deadline_passed") if e.expectation == "S1"] == []
    met = [e for e in d.at(12, act("mayor", "mayor.convene")) if e.type == "expectation_met"]
    assert [(e.expectation, e.on_time) for e in met] == [("S1", False)]


def test_a_step_not_met_by_the_end_of_its_grace_passes_its_deadline_then():
    d = Drill()
    d.advance(16)
    assert [(e.expectation, e.t, e.role) for e in d.events("deadline_passed")] == [("S1", 15, "mayor")]


def test_a_step_already_done_when_it_is_triggered_is_met_at_once():
    d = Drill().play([(5, act("press", "press.monitor"))])
    events = d.at(10, fire("I8"))
    kinds = [(e.type, getattr(e, "expectation", None)) for e in events]
    assert ("expectation_triggered", "S6") in kinds
    met = [e for e in events if e.type == "expectation_met"]
    assert [(e.expectation, e.by, e.on_time, e.t) for e in met] == [("S6", "press", True, 10)]
    d.advance(30)
    assert not [e for e in d.events("deadline_passed") if e.expectation == "S6"]


def test_a_statement_step_already_made_counts_only_from_its_own_role():
    pack = variant("statement-late-trigger", [("plan.yaml", "statement: [calm, families], trigger: {delivered: I1}",
                                               "statement: [calm, families], trigger: {delivered: I8}")])
    d = Drill(pack).play([(2, say("mayor", "Calm, families.")), (3, say("press", "Calm.")), (4, fire("I8"))])
    assert not [e for e in d.events("expectation_met") if e.expectation == "S2"]
    d = Drill(pack).play([(2, say("press", "Calm, families.")), (4, fire("I8"))])
    assert [(e.by, e.t) for e in d.events("expectation_met") if e.expectation == "S2"] == [("press", 4)]


def test_a_missed_deadline_cues_its_contingency_once():
    d = Drill().finish()
    assert [(e.expectation, e.t) for e in d.events("deadline_passed") if e.expectation == "S2"] == [("S2", 30)]
    assert [(e.t, e.cue) for e in delivered(d, "I5")] == [(30, "contingency:S2")]


def test_a_decision_lapses_at_its_deadline_with_its_default():
    d = Drill().finish()
    assert [(e.inject, e.option, e.t) for e in d.events("decision_lapsed")] == [("I2", "wait", 35)]
    d = Drill().play([(34.5, C.MakeDecision(by="mayor", inject="I2", option="hold"))]).finish()
    assert not d.events("decision_lapsed")


# ---- triggers, delays, effects and modules (the engine variant) -------------------------------------

def test_an_inject_triggered_by_an_action():
    d = Drill(engine_pack())
    d.at(5, act("mayor", "mayor.declare"))
    assert [(e.t, e.cue) for e in delivered(d, "T1")] == [(5, "trigger")]


def test_an_inject_triggered_by_a_statement_matching_its_query():
    d = Drill(engine_pack()).play([(1, say("press", "Calm.", channel="website")), (2, say("mayor", "Calm.", channel="social")),
                                   (3, say("mayor", "Hello.", channel="website"))])
    assert not delivered(d, "T2")
    d.at(4, say("mayor", "Stay calm.", channel="website"))
    assert [e.t for e in delivered(d, "T2")] == [4]


def test_an_inject_triggered_by_the_clock_arrives_at_that_minute():
    d = Drill(engine_pack()).advance(99.9)
    assert not delivered(d, "T3")
    d.advance(100.5)
    assert [(e.t, e.cue) for e in delivered(d, "T3")] == [(100, "trigger")]


def test_a_follow_up_with_a_delay_arrives_late_and_is_on_its_way_meanwhile():
    d = Drill(engine_pack())
    d.at(21, C.MakeDecision(by="mayor", inject="I2", option="hold"))
    refused = d.at(23, fire("T4"))
    assert refused[0].type == "command_rejected"
    d.advance(30)
    assert [(e.t, e.cue) for e in delivered(d, "T4")] == [(26, "follow_up:I2")]


def test_action_effects_add_up_and_statement_effects_apply_once_per_rule():
    d = Drill(engine_pack())
    d.at(2, act("mayor", "mayor.convene"))
    assert [(e.values, e.t) for e in changes(d, "action:mayor.convene")] == [({"tension": 13}, 2)]
    d.at(3, say("mayor", "Stay calm."))
    d.at(4, say("mayor", "Stay calm, all."))
    assert [e.values for e in changes(d, "statement:calm")] == [{"tension": 3}]


def test_effects_stop_at_the_bounds_and_an_effect_that_changes_nothing_is_not_logged():
    d = Drill(engine_pack())
    d.at(2, say("mayor", "Our families."))            # trust 95 + 10, held at its maximum of 100
    assert [e.values for e in changes(d, "statement:families")] == [{"trust": 100}]
    assert [e.t for e in delivered(d, "T5")] == [2]    # trust at least 100
    d.at(21, C.MakeDecision(by="mayor", inject="I2", option="hold"))
    assert not changes(d, "decision:I2:hold")          # already at 100: nothing changed
    d.advance(41)
    [rumour] = changes(d, "inject:I4")
    assert rumour.values == {"tension": 100, "trust": 10} and rumour.t == 40


def test_modules_start_at_their_minute():
    d = Drill(engine_pack()).finish()
    assert [(e.module, e.t, e.title) for e in d.events("module_started")] == [("M1", 0, "Start"), ("M2", 60, "Later")]


def test_a_scheduled_inject_fired_early_is_not_delivered_again():
    d = Drill()
    d.at(5, fire("I2"))
    d.finish()
    assert [(e.t, e.cue) for e in delivered(d, "I2")] == [(5, "facilitator")]
    assert [e.t for e in d.events("decision_lapsed")] == [20]


def test_serialising_an_event_warns_about_nothing():
    import warnings

    d = Drill(engine_pack()).play(EVERYTHING)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for e in d.session.events:
            e.to_json()
            e.to_dict()


def test_one_delivery_that_touches_two_triggers_fires_both():
    pack = variant("two-triggers", ENGINE_EDITS + [
        ("scenario.yaml", "  - {id: I8, from: desk,",
         "  - {id: T6, trigger: {delivered: I4}, from: desk, to: [press], channel: email, title: Spread, body: Spread.}\n"
         "  - {id: T7, trigger: {state: tension, at_least: 90}, from: desk, to: [press], channel: email, title: Tense, body: Tense.}\n"
         "  - {id: I8, from: desk,")])
    d = Drill(pack).advance(41)
    assert [e.t for e in delivered(d, "T6")] == [40] and [e.t for e in delivered(d, "T7")] == [40]


def test_dynamics_drift_each_tick_while_their_condition_holds(mini_pack):
    # mini: tension +0.5 a minute (ticks of 10) until the chief convenes; trust -0.1 a minute with noise.
    d = Drill(mini_pack, seats={"chief": Seat(), "press": Seat()})
    d.advance(35)
    d.at(35, act("chief", "chief.convene"))
    d.finish()
    drift = [e for e in d.events("state_changed") if e.cause == "dynamics"]
    assert [e.t for e in drift] == [10.0 * k for k in range(1, 12)]  # the end of the clock comes first at 120
    tension = [(e.t, e.values["tension"]) for e in drift if "tension" in e.values]
    assert [t for t, _v in tension] == [10, 20, 30]  # stops once convened
    assert [b - a for (_t, a), (_u, b) in zip([(0, 30.0)] + tension, tension)] == [5.0, 5.0, 5.0]  # 20 + 10 from I1


def test_dynamics_noise_is_centred_on_the_rate(mini_pack):
    steps = []
    for seed in range(20):
        d = Drill(mini_pack, seats={"chief": Seat(), "press": Seat()}, seed=seed).finish()
        trust = [50.0] + [e.values["trust"] for e in d.events("state_changed") if "trust" in e.values]
        steps += [b - a for a, b in zip(trust, trust[1:])]
    mean = sum(steps) / len(steps)
    spread_ = (sum((s - mean) ** 2 for s in steps) / len(steps)) ** 0.5
    assert abs(mean - (-1.0)) < 0.1 and 0.2 < spread_ < 0.4  # rate -0.1 x tick 10, noise 0.3
    assert len(set(steps)) > 10


def test_staff_taking_a_seat_take_over_an_open_decision_and_a_pending_request():
    d = Drill()
    d.advance(21)
    d.at(21, C.RequestApproval(by="press", to="mayor", text="Stay calm."))
    d.at(22, C.TakeSeat(by=F, role="mayor", seat=Seat(kind="staff")))
    d.advance(34)
    [made] = d.events("decision_made")
    assert (made.inject, made.by, made.staff) == ("I2", "mayor", True)
    [answer] = d.events("approval_answered")
    assert (answer.request, answer.by, answer.staff, answer.granted) == ("A1", "mayor", True, True)


def test_an_effect_on_a_variable_only_the_scenario_names_for_an_action():
    d = Drill(variant("declare-effect", ENGINE_EDITS + [("scenario.yaml", "  mayor.convene: {tension: -5}\n",
                                                         "  mayor.convene: {tension: -5}\n  mayor.declare: {trust: -5}\n")]))
    d.at(3, act("mayor", "mayor.declare"))
    assert [e.values for e in changes(d, "action:mayor.declare")] == [{"trust": 90}]


def test_scheduled_injects_say_they_came_by_the_schedule():
    d = Drill().advance(41)
    assert {(e.inject, e.cue) for e in d.events("inject_delivered") if e.inject != "I5"} == {
        ("I1", "scheduled"), ("I2", "scheduled"), ("I3", "scheduled"), ("I4", "scheduled")}  # I5: a contingency


def test_a_step_without_a_trigger_starts_at_minute_zero_and_the_rest_still_wait_for_theirs():
    pack = variant("untriggered", [("plan.yaml", "action: mayor.convene, trigger: {delivered: I1}, within: 10,",
                                    "action: mayor.convene, within: 10,")])
    d = Drill(pack)
    assert [(e.expectation, e.t, e.due) for e in d.events("expectation_triggered")] == [("S1", 0, 10)]
    d.advance(0.5)
    assert {e.expectation for e in d.events("expectation_triggered")} == {"S1", "S2", "S3", "S4", "S5", "S7"}


def test_seats_not_given_are_people():
    from simulator.engine.core import Engine

    engine = Engine(referee_pack(), 1)
    assert {r: s.kind for r, s in engine.seats.items()} == {"mayor": "human", "deputy": "human", "press": "human"}
    events = engine.drain() + engine.run_to_end()
    assert events[-1].type == "exercise_ended" and events[-1].t == 120
    assert not [e for e in events if getattr(e, "staff", False)]


def test_an_inject_triggered_by_the_option_chosen():
    pack = variant("chosen-trigger", ENGINE_EDITS + [
        ("scenario.yaml", "  - {id: I8, from: desk,",
         "  - {id: T8, trigger: {chosen: I2, option: wait}, from: desk, to: [press], channel: email, title: Waiting, body: Waiting.}\n"
         "  - {id: I8, from: desk,")])
    d = Drill(pack).play([(21, C.MakeDecision(by="mayor", inject="I2", option="hold"))]).advance(60)
    assert not delivered(d, "T8")
    d = Drill(pack).play([(21, C.MakeDecision(by="mayor", inject="I2", option="wait"))])
    assert [(e.t, e.cue) for e in delivered(d, "T8")] == [(21, "trigger")]
    d = Drill(pack).advance(36)  # the lapse chooses 'wait' by default
    assert [e.t for e in delivered(d, "T8")] == [35]


@pytest.mark.parametrize("fast, cls, fields", [
    ("inject_delivered", "InjectDelivered", dict(t=1.5, inject="I1", to=["mayor"], channel="radio", severity="low",
                                                 title="Update", cue="scheduled")),
    ("state_changed", "StateChanged", dict(t=2.0, values={"tension": 3.0}, cause="inject:I1")),
])
def test_the_hot_paths_event_makers_make_what_the_constructor_makes(fast, cls, fields):
    """The engine's hot path makes these two events by setting their slots (events.state_changed
    says why): every field the class has must be set, as the constructor sets it."""
    import dataclasses

    from simulator.engine import events as E

    made, want = getattr(E, fast)(*fields.values()), getattr(E, cls)(**fields)
    assert type(made) is type(want)
    assert {f.name: getattr(made, f.name) for f in dataclasses.fields(want)} == dataclasses.asdict(want)
    assert made.to_json() == want.to_json()
