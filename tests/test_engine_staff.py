"""Simulated staff by policy and competence, over many seeds of the mini pack: how soon they act,
decide, answer and report, what they choose, and when they skip an approval. Each bound is the
one the staff model documents (simulator/engine/staff.py); the seeds are fixed, so the checks
are exact, and each also asserts that the spread of times reaches both ends of its window.
"""

from __future__ import annotations

import pytest

from simulator.engine.seats import Seat, all_staff
from simulator.session import Session

SEEDS = range(20)


def _play(policy: str, competence: float):
    from simulator.loading.pack import load_pack

    from .conftest import FIXTURES

    pack = load_pack(FIXTURES / "mini")
    out = []
    for seed in SEEDS:
        s = Session.start(pack, seed, all_staff(pack.scenario.roles, policy, competence))
        s.run_to_end()
        out.append(s.events)
    return out


_RUNS: dict = {}


@pytest.fixture(autouse=True)
def _fresh_runs():
    """Each test plays the runs it checks (a test may ask for the same runs twice). Runs are
    not shared between tests: the mutation run picks, for each mutant, the tests that ran the
    mutated code, so a shared run would leave every test but the first blind to it."""
    _RUNS.clear()
    yield
    _RUNS.clear()


def runs(policy: str, competence: float = 1.0):
    key = (policy, competence)
    if key not in _RUNS:
        _RUNS[key] = _play(policy, competence)
    return _RUNS[key]


def of(events, kind):
    return [e for e in events if e.type == kind]


def answer_delays(policy, competence=1.0):
    out = []
    for events in runs(policy, competence):
        asked = {e.request: e.t for e in of(events, "approval_requested")}
        out += [round(e.t - asked[e.request], 2) for e in of(events, "approval_answered")]
    return out


def step_delays(policy, step="P1", competence=1.0):
    """Minutes from a step's trigger to the staff act that met it (None when never met)."""
    out = []
    for events in runs(policy, competence):
        start = next(e.t for e in of(events, "expectation_triggered") if e.expectation == step)
        met = [e.t for e in of(events, "expectation_met") if e.expectation == step]
        out.append(round(met[0] - start, 2) if met else None)
    return out


def decision_delays(policy, competence=1.0):
    out = []
    for events in runs(policy, competence):
        made = of(events, "decision_made")
        start = next(e.t for e in of(events, "inject_delivered") if e.inject == "I2")
        out.append((round(made[0].t - start, 2), made[0].option) if made else None)
    return out


def spread(values, lo, hi):
    assert values and all(lo <= v <= hi for v in values), (lo, hi, sorted(values))
    # the whole window is used: some fall in its first and some in its last third
    third = (hi - lo) / 3
    assert min(values) < lo + third and max(values) > hi - third, (lo, hi, sorted(values))


# ---- plan ------------------------------------------------------------------------------------------

def test_plan_staff_act_early_in_the_window():
    delays = step_delays("plan")
    assert None not in delays
    spread(delays, 0.2 * 10, 0.6 * 10)


def test_plan_staff_decide_early_and_choose_the_recommended_option():
    made = decision_delays("plan")
    assert None not in made and {option for _t, option in made} == {"hold"}
    spread([t for t, _o in made], 0.2 * 15, 0.6 * 15)


def test_plan_staff_answer_approvals_within_minutes_and_grant_them():
    spread(answer_delays("plan"), 1, 4)
    assert all(e.granted for events in runs("plan") for e in of(events, "approval_answered"))


def test_plan_staff_ask_the_approver_first_and_speak_with_the_approval():
    for events in runs("plan"):
        [req] = [e for e in of(events, "approval_requested") if e.by == "press"]
        assert (req.to, req.action, req.staff) == ("chief", None, True)
        assert req.text and req.channel == "social"  # the playbook template's text and channel
        [said] = [e for e in of(events, "statement_issued") if e.by == "press"]
        assert said.approval == req.request and said.text == req.text and said.channel == "social"
        assert said.languages == ["English", "Welsh"] and said.staff
        convene = next(e for e in of(events, "action_taken") if e.action == "chief.convene")
        assert convene.t <= req.t  # the prerequisite came first


def test_plan_staff_report_what_their_supervisor_waits_for_and_not_what_it_has_read():
    """The chief got the incident report too, so nobody passes it on; the first statement is an
    essential step, so the press officer says soon after it that it went out, where and how."""
    for events in runs("plan"):
        reports = [e for e in of(events, "message_sent") if e.intent == "report"]
        assert reports and all((e.by, e.to, e.staff) == ("press", "chief", True) for e in reports)
        assert not any("New: Incident reported" in e.text for e in reports)
        said = next(e for e in of(events, "statement_issued") if e.by == "press")
        first = reports[0]
        assert 0.2 * 5 <= first.t - said.t <= 0.6 * 5  # staff.URGENT_WINDOW
        assert "statement on social in English, Welsh" in first.text and "We ask everyone to stay calm" in first.text
    spread([r.t - s.t for events in runs("plan") for r, s in
            [(next(e for e in of(events, "message_sent")), next(e for e in of(events, "statement_issued")))]], 0.2 * 5, 0.6 * 5)


def test_staff_pass_up_serious_news_their_supervisor_has_not_had(tmp_path):
    pack = _mini_variant(tmp_path, "serious-rumour", [("scenario.yaml", "title: Rumour, body: A false rumour spreads.}",
                                                       "title: Rumour, body: A false rumour spreads., severity: high}")])
    times = []
    for events in _staff_events(pack, seeds=SEEDS):
        [news] = [e for e in of(events, "message_sent") if "New: Rumour" in e.text]
        assert (news.by, news.to) == ("press", "chief") and news.text.startswith("Rumour\n")
        assert "A false rumour spreads." in news.text and "(09:40, from Control desk)" in news.text
        # and the plan step the rumour calls for, still to do or done by then
        assert "I am on it: watch online (due by 09:50)" in news.text or "monitor social media (09:4" in news.text
        times.append(news.t - 40)
    spread(times, 0.2 * 10, 0.6 * 10)  # within the plan's reporting rule (10 minutes)


def test_all_staff_events_are_marked_as_staff():
    for events in runs("random"):
        for e in events:
            if e.type in ("action_taken", "statement_issued", "decision_made", "approval_requested",
                          "approval_answered", "message_sent"):
                assert e.staff is True, e


# ---- late --------------------------------------------------------------------------------------------

def test_late_staff_act_after_the_due_time():
    delays = step_delays("late")
    assert None not in delays
    spread(delays, 10 + 0.2 * (0 + 0.5 * 10), 10 + 1.0 * (0 + 0.5 * 10))


def test_late_staff_use_the_grace_of_a_step(tmp_path):
    import shutil

    from simulator.loading.pack import load_pack

    from .conftest import FIXTURES

    shutil.copytree(FIXTURES / "mini", tmp_path / "mini")
    plan = tmp_path / "mini" / "plan.yaml"
    plan.write_text(plan.read_text().replace("action: chief.convene, trigger: {delivered: I1}, within: 10,",
                                             "action: chief.convene, trigger: {delivered: I1}, within: 10, grace: 20,"))
    pack = load_pack(tmp_path / "mini")
    delays = []
    for seed in SEEDS:
        s = Session.start(pack, seed, all_staff(pack.scenario.roles, "late"))
        s.run_to_end()
        delays.append(next(e.t for e in s.events if e.type == "expectation_met" and e.expectation == "P1"))
    spread(delays, 10 + 0.2 * (20 + 5), 10 + 1.0 * (20 + 5))


def test_late_staff_answer_approvals_late_and_let_decisions_lapse():
    spread(answer_delays("late"), 8, 20)
    assert decision_delays("late") == [None] * len(SEEDS)  # 1.1 to 1.5 times the 15-minute deadline
    assert all(of(events, "decision_lapsed") for events in runs("late"))


# ---- random ------------------------------------------------------------------------------------------

def test_random_staff_mix_early_late_and_never():
    delays = step_delays("random")
    early = [d for d in delays if d is not None and d <= 10]
    late = [d for d in delays if d is not None and d > 10]
    assert early and late and None in delays
    assert all(0.1 * 10 <= d <= 0.9 * 10 for d in early)
    assert all(10 + 0.2 * 5 <= d <= 10 + 1.0 * 5 for d in late)


def test_random_staff_decide_any_option_at_any_time_and_sometimes_deny():
    made = [m for m in decision_delays("random") if m is not None]
    assert {option for _t, option in made} == {"hold", "wait"}
    assert all(0.1 * 15 <= t <= 15 for t, _o in made)
    assert min(t for t, _o in made) < 4
    assert any(not e.granted for events in runs("random") for e in of(events, "approval_answered"))
    assert any(e.granted for events in runs("random") for e in of(events, "approval_answered"))
    delays = answer_delays("random")
    assert all(1 <= d <= 20 for d in delays) and min(delays) < 5 and max(delays) > 15


# ---- competence and idleness -------------------------------------------------------------------------

def test_competent_staff_never_slip():
    assert all(d is not None and d <= 6 for d in step_delays("plan", competence=1.0))


def test_careless_staff_slip_late_or_never_skip_approvals_and_make_the_wrong_call():
    delays = step_delays("plan", competence=0.0)
    assert None in delays and any(d is not None for d in delays)
    assert all(d is None or d > 10 for d in delays)
    for events in runs("plan", 0.0):
        assert not [e for e in of(events, "approval_requested") if e.by == "press"]  # approval skipped
    made = [m for m in decision_delays("plan", competence=0.0) if m is not None]
    # Every decision slips, and a slip is a wrong call: never the favoured option by chance (staff v3).
    assert len(made) == len(SEEDS) and {option for _t, option in made} == {"wait"}


def test_careless_approvers_are_slow():
    # A careless chief answers a person's request 5 to 15 minutes later than a careful one would.
    from simulator.engine import commands as C
    from simulator.loading.pack import load_pack

    from .conftest import FIXTURES

    pack = load_pack(FIXTURES / "mini")
    delays = []
    for seed in SEEDS:
        s = Session.start(pack, seed, {"chief": Seat(kind="staff", competence=0.0), "press": Seat()})
        s.advance_to(1)
        s.submit(C.RequestApproval(by="press", to="chief", text="Stay calm."))
        s.advance_to(60)
        delays += [round(e.t - 1, 2) for e in s.events if e.type == "approval_answered"]
    assert len(delays) == len(SEEDS)
    spread(delays, 1 + 5, 4 + 15)


def test_idle_staff_do_nothing():
    for events in runs("idle"):
        assert not [e for e in events if getattr(e, "staff", False)]


def test_staff_answer_only_what_is_still_pending():
    from simulator.engine import commands as C
    from simulator.loading.pack import load_pack

    from .conftest import FIXTURES

    pack = load_pack(FIXTURES / "mini")
    s = Session.start(pack, 3, {"chief": Seat(kind="staff"), "press": Seat()})
    s.advance_to(1)
    s.submit(C.RequestApproval(by="press", to="chief", text="Stay calm."))
    s.submit(C.TakeSeat(by="facilitator", role="chief", seat=Seat()))   # a person takes over before staff answer
    s.submit(C.AnswerApproval(by="chief", request="A1", granted=False))
    s.run_to_end()
    assert [(e.by, e.granted, e.staff) for e in s.events if e.type == "approval_answered"] == [("chief", False, False)]


def test_staff_who_skip_an_approval_log_none():
    for events in runs("plan", 0.0):
        for e in of(events, "action_taken") + of(events, "statement_issued"):
            assert e.approval is None, e


def test_staff_decide_a_decision_without_a_deadline_on_a_fifteen_minute_window():
    # The referee pack's I3 (minute 30, for the deputy) has no deadline and no recommended option.
    from .referee import referee_pack

    pack = referee_pack()
    made = []
    for seed in SEEDS:
        s = Session.start(pack, seed, all_staff(pack.scenario.roles, "plan"))
        s.run_to_end()
        made += [(round(e.t - 30, 2), e.option, e.by) for e in s.events if e.type == "decision_made" and e.inject == "I3"]
    assert len(made) == len(SEEDS) and {(o, by) for _t, o, by in made} == {("north", "deputy")}  # the first option
    spread([t for t, _o, _b in made], 0.2 * 15, 0.6 * 15)


def _mini_variant(tmp_path, name, edits):
    import shutil

    from simulator.loading.pack import load_pack

    from .conftest import FIXTURES

    folder = tmp_path / name
    shutil.copytree(FIXTURES / "mini", folder)
    for rel, old, new in edits:
        text = (folder / rel).read_text()
        assert old in text, (rel, old)
        (folder / rel).write_text(text.replace(old, new))
    return load_pack(folder)


def _staff_events(pack, policy="plan", competence=1.0, seeds=SEEDS):
    out = []
    for seed in seeds:
        s = Session.start(pack, seed, all_staff(pack.scenario.roles, policy, competence))
        s.run_to_end()
        out.append(s.events)
    return out


def test_staff_ask_the_messenger_approver_when_the_step_names_none(tmp_path):
    pack = _mini_variant(tmp_path, "messenger", [("plan.yaml", " approval_by: chief,", "")])
    for events in _staff_events(pack, seeds=range(5)):
        assert [(e.by, e.to) for e in of(events, "approval_requested")] == [("press", "chief")]


def test_staff_ask_the_approver_the_step_names(tmp_path):
    pack = _mini_variant(tmp_path, "step-approver", [("playbook.yaml", "{role: press, approval_from: chief, source: test}",
                                                      "{role: press, source: test}")])
    for events in _staff_events(pack, seeds=range(5)):
        assert [(e.by, e.to) for e in of(events, "approval_requested")] == [("press", "chief")]


def test_staff_ask_approval_for_the_action_they_will_take_and_use_it(tmp_path):
    pack = _mini_variant(tmp_path, "action-approval", [("plan.yaml", "action: press.monitor, trigger: {delivered: I6}, within: 10,",
                                                        "action: press.monitor, trigger: {delivered: I6}, within: 10, approval_by: chief,")])
    for events in _staff_events(pack, seeds=range(5)):
        [req] = [e for e in of(events, "approval_requested") if e.action is not None]
        assert (req.by, req.to, req.action, req.text) == ("press", "chief", "press.monitor", None)
        [monitor] = [e for e in of(events, "action_taken") if e.action == "press.monitor"]
        assert monitor.approval == req.request and monitor.staff


def test_staff_ask_whoever_acts_for_an_unreachable_approver(tmp_path):
    pack = _mini_variant(tmp_path, "succession", [
        ("roles/chief.yaml", "delegable:", "successor: press\ndelegable:"),
        ("scenario.yaml", "    severity: high\n", "    severity: high\n    unavailable: [chief]\n")])
    for events in _staff_events(pack, seeds=range(5)):
        assert not [e for e in of(events, "approval_requested") if e.to == "chief"]  # press acts for the chief


def test_half_competent_staff_sometimes_slip():
    delays = step_delays("plan", competence=0.5)
    assert any(d is not None and d <= 6 for d in delays) and any(d is None or d > 10 for d in delays)


def test_late_staff_report_serious_news_late(tmp_path):
    pack = _mini_variant(tmp_path, "late-rumour", [("scenario.yaml", "title: Rumour, body: A false rumour spreads.}",
                                                    "title: Rumour, body: A false rumour spreads., severity: high}")])
    times = [e.t - 40 for events in _staff_events(pack, policy="late", seeds=SEEDS) for e in of(events, "message_sent")
             if "New: Rumour" in e.text]
    spread(times, 10 + 0.2 * 5, 10 + 1.0 * 5)
