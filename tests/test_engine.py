"""The engine on the mini pack: scheduling, triggers, decisions, contingencies, staff, commands."""

from __future__ import annotations

import pytest

from simulator.engine import commands as C
from simulator.engine.core import Engine
from simulator.engine.seats import Seat, all_staff
from simulator.session import Session

from .conftest import run_headless


def types(events, kind):
    return [e for e in events if e.type == kind]


def test_scheduled_injects_arrive_on_time_and_end_ends(mini_pack):
    s = run_headless(mini_pack, 1, "idle")
    delivered = {e.inject: e.t for e in types(s.events, "inject_delivered")}
    assert delivered["I1"] == 0 and delivered["I2"] == 20 and delivered["I6"] == 40
    assert s.events[-1].type == "exercise_ended" and s.events[-1].t == 120
    assert all(e.t <= 120 for e in s.events)


def test_idle_staff_miss_deadlines_and_contingency_fires(mini_pack):
    s = run_headless(mini_pack, 1, "idle")
    passed = {e.expectation for e in types(s.events, "deadline_passed")}
    assert {"P1", "P2", "P3"} <= passed
    contingency = [e for e in types(s.events, "inject_delivered") if e.inject == "I7"]
    assert contingency and contingency[0].cue == "contingency:P2" and contingency[0].t == 30


def test_lapsed_decision_applies_on_timeout_option(mini_pack):
    s = run_headless(mini_pack, 1, "idle")
    lapsed = types(s.events, "decision_lapsed")
    assert [(e.inject, e.option, e.t) for e in lapsed] == [("I2", "wait", 35)]
    follow = [e for e in types(s.events, "inject_delivered") if e.inject == "I4"]
    assert follow and follow[0].cue == "follow_up:I2"


def test_trigger_fires_once_when_state_crosses(mini_pack):
    s = run_headless(mini_pack, 1, "idle")  # nobody convenes: tension drifts up past 60
    hits = [e for e in types(s.events, "inject_delivered") if e.inject == "I5"]
    assert len(hits) == 1
    before = [e for e in types(s.events, "state_changed") if "tension" in e.values and e.t <= hits[0].t]
    assert before[-1].values["tension"] > 60


def test_plan_staff_meet_every_step_on_time_with_approval(mini_pack):
    s = run_headless(mini_pack, 1, "plan")
    met = {e.expectation: e.on_time for e in types(s.events, "expectation_met")}
    assert met == {"P1": True, "P2": True, "P3": True}
    statement = types(s.events, "statement_issued")[0]
    request = types(s.events, "approval_requested")[0]
    answer = types(s.events, "approval_answered")[0]
    assert statement.approval == request.request == answer.request and answer.granted
    assert request.t < answer.t <= statement.t
    convene = next(e for e in types(s.events, "action_taken") if e.action == "chief.convene")
    assert convene.t < statement.t  # P1 is a prerequisite of P2
    assert types(s.events, "decision_made")[0].option == "hold"  # the recommended option


def test_staff_report_serious_news_upwards(mini_pack):
    s = run_headless(mini_pack, 1, "plan")
    reports = [e for e in types(s.events, "message_sent") if e.intent == "report"]
    assert reports and all(e.by == "press" and e.to == "chief" for e in reports)


def test_late_staff_are_late(mini_pack):
    s = run_headless(mini_pack, 2, "late")
    met = types(s.events, "expectation_met")
    assert met and not any(e.on_time for e in met)


@pytest.mark.parametrize("seed", range(5))
def test_random_policy_is_seeded(mini_pack, seed):
    a = run_headless(mini_pack, seed, "random")
    b = run_headless(mini_pack, seed, "random")
    assert [e.to_json() for e in a.events] == [e.to_json() for e in b.events]


def test_different_seeds_differ(mini_pack):
    runs = {tuple(e.to_json() for e in run_headless(mini_pack, s, "random").events) for s in range(6)}
    assert len(runs) > 1


def test_state_stays_within_bounds(mini_pack):
    for seed in range(10):
        s = run_headless(mini_pack, seed, "idle")
        for e in types(s.events, "state_changed"):
            assert all(0 <= v <= 100 for v in e.values.values())


def human_session(pack):
    seats = {"chief": Seat(), "press": Seat()}
    return Session.start(pack, 4, seats)


def test_human_decision_and_follow_up(mini_pack):
    s = human_session(mini_pack)
    s.advance_to(25)
    events = s.submit(C.MakeDecision(by="chief", inject="I2", option="hold"))
    assert [e.type for e in events][:1] == ["decision_made"]
    s.advance_to(31)
    assert any(e.type == "inject_delivered" and e.inject == "I3" and e.t == 30 for e in s.events)  # delay 5


@pytest.mark.parametrize("cmd, reason", [
    (C.TakeAction(by="press", action="chief.convene"), "action of chief"),
    (C.TakeAction(by="chief", action="nope"), "unknown action"),
    (C.TakeAction(by="ghost", action="chief.convene"), "unknown role"),
    (C.MakeDecision(by="chief", inject="I1", option="x"), "no open decision"),
    (C.AnswerApproval(by="chief", request="A9", granted=True), "unknown approval"),
    (C.Delegate(by="press", to="chief", authority="declare_emergency"), "cannot delegate"),
    (C.IssueStatement(by="press", channel="pigeon", text="hi"), "unknown channel"),
    (C.FireInject(by="chief", inject="I7"), "only the facilitator"),
    (C.TakeAction(by="chief", action="chief.convene", approval="A1"), "unknown approval"),
])
def test_bad_commands_are_rejected_and_logged(mini_pack, cmd, reason):
    s = human_session(mini_pack)
    events = s.submit(cmd)
    assert len(events) == 1 and events[0].type == "command_rejected"
    assert reason in events[0].reason


def test_delegation_lets_another_role_act(mini_pack):
    s = human_session(mini_pack)
    assert s.submit(C.TakeAction(by="press", action="chief.declare"))[0].type == "command_rejected"
    s.submit(C.Delegate(by="chief", to="press", authority="declare_emergency"))
    assert s.submit(C.TakeAction(by="press", action="chief.declare"))[0].type == "action_taken"


def test_approval_flow_by_people(mini_pack):
    s = human_session(mini_pack)
    s.advance_to(3)
    req = s.submit(C.RequestApproval(by="press", to="chief", text="Stay calm, please."))[0]
    assert req.type == "approval_requested"
    early = s.submit(C.IssueStatement(by="press", channel="social", text="Stay calm.", approval=req.request))
    assert early[0].type == "command_rejected" and "pending" in early[0].reason
    s.submit(C.AnswerApproval(by="chief", request=req.request, granted=True))
    # An approval covers the draft as approved: another text under it is refused.
    other = s.submit(C.IssueStatement(by="press", channel="social", text="Please stay calm.", approval=req.request))
    assert other[0].type == "command_rejected" and "another text" in other[0].reason
    done = s.submit(C.IssueStatement(by="press", channel="social", approval=req.request))
    assert [e.type for e in done[:2]] == ["statement_judged", "statement_issued"]
    assert done[1].text == "Stay calm, please."
    assert any(e.type == "state_changed" and e.cause == "statement:calm" for e in done)


def test_facilitator_commands(mini_pack):
    s = human_session(mini_pack)
    f = "facilitator"
    assert s.submit(C.Pause(by=f))[0].type == "clock_paused"
    assert s.submit(C.SetSpeed(by=f, speed=4))[0].speed == 4
    jump = s.submit(C.JumpToNext(by=f))[0]
    assert jump.type == "clock_jumped" and jump.to == 20
    adhoc = s.submit(C.AdHocInject(by=f, title="Power cut", body="The lights go out.", to=["chief"]))[0]
    assert adhoc.inject == "adhoc-1" and adhoc.body == "The lights go out."
    fired = s.submit(C.FireInject(by=f, inject="I7"))
    assert fired[0].type == "inject_delivered" and fired[0].cue == "facilitator"
    assert s.submit(C.FireInject(by=f, inject="I7"))[0].type == "command_rejected"
    assert s.submit(C.ObserverNote(by=f, text="Chief hesitated", role="chief"))[0].type == "observer_noted"
    assert s.submit(C.EndExercise(by=f))[0].type == "exercise_ended"
    assert s.ended and s.submit(C.TakeAction(by="chief", action="chief.convene"))[0].type == "command_rejected"
    # the hot wash, evaluator overrides and observer notes go on after the end
    assert s.submit(C.ObserverNote(by=f, text="debrief"))[0].type == "observer_noted"
    answer = s.submit(C.HotWashAnswer(by="chief", question="M1.1", text="What went well?", answer="Fast start"))
    assert answer[0].type == "hot_wash_answered"
    override = s.submit(C.OverrideRating(by="evaluator", target="objective:O1", rating="S", rationale="slow"))
    assert override[0].type == "rating_overridden"
    assert s.submit(C.OverrideRating(by="chief", target="objective:O1", rating="P", rationale="me"))[0].type == "command_rejected"


def succession_pack(tmp_path):
    import shutil

    from simulator.loading.pack import load_pack

    from .conftest import FIXTURES

    shutil.copytree(FIXTURES / "mini", tmp_path / "pack")
    chief = tmp_path / "pack" / "roles" / "chief.yaml"
    chief.write_text(chief.read_text().replace("delegable:", "successor: press\ndelegable:"))
    scenario = tmp_path / "pack" / "scenario.yaml"
    scenario.write_text(scenario.read_text().replace(
        "    title: Vigil request\n", "    title: Vigil request\n    unavailable: [chief]\n"))
    return load_pack(tmp_path / "pack")


def test_succession_when_a_role_cannot_be_reached(tmp_path):
    pack = succession_pack(tmp_path)
    s = Session.start(pack, 1, {"chief": Seat(), "press": Seat()})
    s.advance_to(21)
    assert any(e.type == "role_availability" and e.role == "chief" and not e.available for e in s.events)
    refused = s.submit(C.MakeDecision(by="chief", inject="I2", option="hold"))[0]
    assert refused.type == "command_rejected" and "cannot be reached" in refused.reason
    made = s.submit(C.MakeDecision(by="press", inject="I2", option="hold"))[0]
    assert made.type == "decision_made" and made.by == "press"
    took = s.submit(C.TakeAction(by="press", action="chief.declare"))[0]
    assert took.type == "action_taken"


def test_staff_successor_takes_over_plan_steps(tmp_path):
    pack = succession_pack(tmp_path)
    s = Session.start(pack, 1, all_staff(pack.scenario.roles, "plan"))
    s.run_to_end()
    decision = next(e for e in s.events if e.type == "decision_made")
    assert decision.by == "press"


def test_advance_is_chunk_independent(mini_pack):
    """Advancing in many small steps or one big one gives the same events."""
    seats = all_staff(mini_pack.scenario.roles, "random")
    one = Engine(mini_pack, 9, seats)
    many = Engine(mini_pack, 9, seats)
    a = one.drain() + one.advance_to(120)
    b = many.drain()
    t = 0.0
    while not many.ended:
        t += 0.37
        b += many.advance_to(t)
    assert [e.to_json() for e in a] == [e.to_json() for e in b]


def test_commands_and_events_round_trip_json(mini_pack):
    from simulator.engine.commands import COMMANDS
    from simulator.engine.events import EVENTS

    s = run_headless(mini_pack, 3, "random")
    for e in s.events:
        assert EVENTS.validate_json(e.to_json()) == e
    cmd = C.IssueStatement(by="press", channel="social", text="x", languages=["English"], t=3.5)
    assert COMMANDS.validate_json(cmd.model_dump_json()) == cmd


def test_every_event_class_is_in_the_typed_union():
    """An event class left out of AnyEvent would not load back from a log, and readers could not narrow to it."""
    from typing import get_args

    from simulator.engine import events as E

    listed = get_args(E.AnyEvent)
    assert {c.__name__ for c in E.Event.__subclasses__()} == {c.__name__ for c in listed}
    assert all(getattr(E, c.__name__) is c for c in listed)  # the slotted classes the engine emits
    assert set(E.EVENT_TYPES.values()) == set(listed) and len(E.EVENT_TYPES) == len(listed)
