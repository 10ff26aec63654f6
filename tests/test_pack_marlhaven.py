"""The Marlhaven election pack: its rules bite on what a city must not say in a polarised
campaign, its decisions lead to different weeks, and five weeks of story read as weeks and days.

Why a pack test beyond the generic bar: this pack teaches even-handedness (every candidate, every
party), privacy (a councillor's street and her children's school), a deepfake corrected without
being passed on, and a platform that outlives a mayor. Those only teach if the playbook flags the
statements that break them and the options lead somewhere different. And it is the pack whose
story runs over weeks, so its clock is where 'Week 2 Wed 07:47' must read right.
"""

from __future__ import annotations

import pytest

from simulator.console.display import ExerciseView
from simulator.engine import commands as C
from simulator.engine.seats import Seat, all_staff
from simulator.loading.pack import load_pack
from simulator.loading.shipped import scenarios_dir
from simulator.report.build import build_report
from simulator.report.data import gather
from simulator.report.markdown import render_markdown
from simulator.scoring.scorer import score_log
from simulator.session import Session
from simulator.story_clock import story_span, story_time
from simulator.summary import summarise, summary_text, timeline_text

from .packplay import play, delivered
from .conftest import run_headless

PACK_DIR = scenarios_dir() / "marlhaven-election-polarisation"


@pytest.fixture(scope="module")
def pack():
    return load_pack(PACK_DIR)


def verdicts(pack, text: str) -> set[str]:
    return set(pack.check_statement(text).verdicts)






def findings(log) -> dict[str, str]:
    _p, card, _f = score_log(log)
    return {f.id: f.rating for f in card.findings}


# ---------------------------------------------------------------- the rules bite

def test_the_deepfake_is_corrected_not_repeated_or_passed_on(pack):
    correction = "The video of the mayor is fake: she never said it. Every registered voter can vote, and nobody will check your papers."
    said = verdicts(pack, correction)
    assert {"RUM-deepfake", "KM-fair-election"} <= said
    assert not {r for r in said if r.startswith("PR-")}, said
    assert "PR-fake-repeat" in verdicts(pack, "Police will check the papers of voters at Ashgate polling stations.")
    assert "PR-fake-amplify" in verdicts(pack, "Watch the video here and judge for yourself.")
    assert "PR-fake-amplify" not in verdicts(pack, "Please do not share the video; report it to the platform.")
    assert "RUM-deepfake" not in verdicts(pack, "Police will check papers at polling stations."), "asserting the fake corrects nothing"


def test_the_councillors_street_school_and_protection_stay_private(pack):
    for text in ("Councillor Demir lives on Alder Crescent.",
                 "Officers will be at St Brannock's Primary every morning.",
                 "She now has a panic alarm at home."):
        assert "PR-private" in verdicts(pack, text), text
    assert "PR-private" not in verdicts(pack, "We will say nothing about where any candidate or their family lives.")


def test_the_city_takes_no_side_and_guesses_no_culprit(pack):
    assert "PR-partisan" in verdicts(pack, "On polling day, vote for Marlhaven Together.")
    assert "PR-speculation" in verdicts(pack, "The video was probably made by Common Ground activists.")
    assert "PR-stigma" in verdicts(pack, "Civic Renewal supporters are to blame for this.")
    assert not {"PR-speculation", "PR-stigma", "PR-partisan"} & verdicts(
        pack, "We do not know who made the video and will not guess; Civic Renewal and Common Ground have both condemned it.")
    assert all(p.until is None for p in pack.playbook.prohibited if p.id == "PR-speculation"), \
        "no police action ever names a party: guessing is never lifted"


def test_condemning_the_second_attack_needs_its_own_words(pack):
    """Even-handedness: the week-1 condemnation of abuse of Councillor Demir does not meet the
    week-3 step for Civic Renewal's office; only words naming that attack do."""
    step = pack.expectations["condemn-all-sides"]
    templates = {t.id: t for t in pack.playbook.templates}
    week1 = pack.check_statement(templates["T-mayor-condemn"].text).verdicts
    week3 = pack.check_statement(templates["T-condemn-all"].text).verdicts
    assert not set(step.statement or ()) <= set(week1)
    assert set(step.statement or ()) <= set(week3)


def test_a_harmful_statement_is_rated_in_the_scorecard(pack, tmp_path):
    seats = all_staff(pack.scenario.roles, "plan")
    seats["mayor"] = Seat(kind="human")
    log = tmp_path / "harm.jsonl"
    session = Session.start(pack, 1, seats, log)
    session.advance_to(25)
    session.submit(C.IssueStatement(by="mayor", channel="press_conference",
                                    text="Councillor Demir lives on Alder Crescent. The video was made by Common Ground activists."))
    session.run_to_end()
    session.close()
    rated = findings(log)
    assert {k.split("@")[0] for k, v in rated.items() if v in ("M", "U") and k.startswith("playbook.prohibited:")} >= \
        {"playbook.prohibited:PR-private", "playbook.prohibited:PR-speculation"}


# ---------------------------------------------------------------- the decisions lead somewhere

def test_the_deepfake_decision_changes_week_two(pack, tmp_path):
    plain = play(pack, "I-14", "plain_correction", tmp_path / "plain.jsonl")
    repost = play(pack, "I-14", "repost_stamped", tmp_path / "repost.jsonl")
    wait = play(pack, "I-14", "wait_for_forensics")
    assert "I-49" in delivered(plain) and "I-50" not in delivered(plain)
    assert "I-50" in delivered(repost), "the city's own post spreads the fake"
    assert "I-51" in delivered(wait), "the returning officer goes ahead alone"
    assert findings(tmp_path / "repost.jsonl").get("plan.harm:fake-amplified") == "M"
    assert "plan.harm:fake-amplified" not in findings(tmp_path / "plain.jsonl")


def test_handing_names_to_the_police_breaks_the_platform(pack, tmp_path):
    agreed = ("platform_coordinator.convene_platform", "platform_coordinator.agree_information_protocol")
    protocol = play(pack, "I-18", "protocol_only", tmp_path / "protocol.jsonl", first=agreed, first_at="I-07")
    unwritten = play(pack, "I-18", "protocol_only", tmp_path / "unwritten.jsonl")
    everything = play(pack, "I-18", "share_all", tmp_path / "all.jsonl", first=agreed, first_at="I-07")
    assert "I-52" in delivered(protocol) and "I-53" in delivered(everything)
    assert everything.engine.history.state["platform_strength"] < protocol.engine.history.state["platform_strength"]
    assert findings(tmp_path / "all.jsonl").get("plan.harm:names-without-protocol") == "M"
    assert "plan.harm:names-without-protocol" not in findings(tmp_path / "protocol.jsonl")
    assert findings(tmp_path / "unwritten.jsonl").get("plan.harm:names-without-protocol") == "M", \
        "sharing 'under the protocol' with no protocol agreed is the same harm"


def test_taking_a_side_is_a_harm_and_speaking_for_everyone_is_not(pack, tmp_path):
    partisan = play(pack, "I-05", "partisan", tmp_path / "partisan.jsonl")
    cross = play(pack, "I-05", "cross_party", tmp_path / "cross.jsonl")
    assert "I-41" in delivered(partisan) and "I-40" in delivered(cross)
    assert findings(tmp_path / "partisan.jsonl").get("plan.harm:partisan-response") == "M"
    assert "plan.harm:partisan-response" not in findings(tmp_path / "cross.jsonl")
    assert partisan.engine.history.state["polarisation"] > cross.engine.history.state["polarisation"]


def test_the_handover_decides_whether_the_platform_survives(pack):
    runs = {opt: play(pack, "I-31", opt) for opt in ("full_briefing", "courtesy_call", "announce_framework")}
    assert "I-58" in delivered(runs["full_briefing"])
    assert "I-59" in delivered(runs["courtesy_call"]) and "I-60" in delivered(runs["announce_framework"])
    strength = {k: s.engine.history.state["platform_strength"] for k, s in runs.items()}
    assert strength["full_briefing"] > strength["courtesy_call"] and strength["full_briefing"] > strength["announce_framework"]


# ---------------------------------------------------------------- five weeks read as weeks

def test_the_story_clock_reads_weeks_and_days(pack):
    sc = pack.scenario
    at = {i.id: i.at for i in sc.injects if i.at is not None}
    assert story_time(sc, at["I-01"]) == "09:00", "the first day goes unsaid, as in every pack"
    assert story_time(sc, at["I-13"]) == "Week 2 Wed 07:30"
    assert story_time(sc, at["I-23"]) == "Week 3 Tue 17:00"
    assert story_time(sc, at["I-30"]) == "Week 5 Mon 09:00"
    # Every scheduled inject reads as its module's day.
    for inj in sc.injects:
        if inj.at is not None and inj.at >= 70:
            assert story_time(sc, inj.at).startswith("Week "), inj.id


def test_a_deadline_across_a_jump_reads_as_days_in_every_output(pack, tmp_path):
    log = tmp_path / "idle.jsonl"
    session = run_headless(pack, 1, "idle", log)
    due = next(e.due for e in session.events if e.type == "expectation_triggered" and e.expectation == "convene-platform")
    t0 = next(e.t for e in session.events if e.type == "expectation_triggered" and e.expectation == "convene-platform")
    assert story_time(pack.scenario, due) == "Week 2 Wed 07:47"
    assert story_span(pack.scenario, t0, due) == "9 days"
    assert "(Week 5 Mon 09:45 in the story)" in summary_text(summarise(pack, session.events), pack)
    import json
    timeline = timeline_text(pack, [json.loads(line) for line in log.read_text().splitlines()[1:]])
    assert any(row.startswith("Week 2 Wed 07:30") and "Inject: Week 2: a faked video of the mayor spreads overnight" in row
               for row in timeline.splitlines())
    report = build_report(gather(log))
    markdown = render_markdown(report)[0]
    assert "due by Week 2 Wed 07:47 (minute 87)" in markdown
    assert "55-minute target (9 days in the story)" in markdown, "the improvement plan says the target is days in the story"


def test_the_checklist_gives_the_story_day_of_a_deadline_across_a_jump(pack):
    session = run_headless(pack, 1, "idle")
    view = ExerciseView(pack)
    view.apply(list(session.events))
    assert view.steps["convene-platform"].due_story == "Week 2 Wed 07:47", "set in week 1, due nine days later"
    assert view.steps["crisis-team"].due_story is None, "due the same morning: the countdown says it all"
