"""Coached feedback for one seat (simulator/coaching): built on the scorecard, one model as text and
JSON, `tabletop score LOG --seat ROLE`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from simulator.cli import main
from simulator.coaching import UnknownSeat, feedback_for
from simulator.coaching.build import just_before
from simulator.coaching.text import render
from simulator.engine import commands as C
from simulator.loading.pack import load_pack
from simulator.scoring import Scorer

from .conftest import ROOT
from .referee import Drill

FLAGSHIP = ROOT / "scenarios" / "caldmere-vaisakhi-attack"
NAMED = ("We are heartbroken. Gurmeet Singh Dhillon was one of those killed at the gurdwara. "
         "We will give an update at 14:00.")
SOUND = ("We are deeply saddened by the attack at Gurdwara Sahib Eastbank. Police have secured the area. "
         "We will give the next update at 14:00.")


@pytest.fixture(scope="module")
def pack():
    return load_pack(FLAGSHIP)


@pytest.fixture(scope="module")
def played(pack):
    """A run with people in every seat: the mayor convenes late, picks a weaker option, approves a
    draft that names a victim before the family is told and turns down a sound one."""
    d = Drill(pack)
    d.at(30, C.TakeAction(by="mayor", action="mayor.activate_crisis_team"))  # due by 15, grace 5
    d.at(36, C.MakeDecision(by="mayor", inject="I-07", option="request_police_only"))
    [asked] = [e for e in d.at(60, C.RequestApproval(by="communications", to="mayor", text=NAMED, channel="social"))
               if e.type == "approval_requested"]
    d.at(62, C.AnswerApproval(by="mayor", request=asked.request, granted=True))
    d.at(63, C.IssueStatement(by="communications", channel="social", languages=["English"], text=NAMED,
                              approval=asked.request))
    [second] = [e for e in d.at(70, C.RequestApproval(by="communications", to="mayor", text=SOUND, channel="social"))
                if e.type == "approval_requested"]
    d.at(71, C.AnswerApproval(by="mayor", request=second.request, granted=False))
    d.finish()
    scorer = Scorer(pack)
    for n, line in d.lines:
        scorer.feed(n, line)
    return d, scorer.scorecard(), scorer.facts


def test_what_only_the_mayor_could_authorise_and_when(pack, played):
    _d, card, facts = played
    fb = feedback_for(pack, card, facts, "mayor")
    crisis = next(a for a in fb.authorised if a.finding == "plan.timeliness:crisis-team")
    assert (crisis.kind, crisis.done_at, crisis.due, crisis.rating) == ("plan_step", 30, 15, "M")
    assert crisis.authority == "activate_crisis_team"
    # a power the mayor alone holds that no plan step asked for is listed, unrated
    assert any(a.kind == "power" and a.authority == "declare_local_emergency" and a.rating == "N/A" for a in fb.authorised)
    approvals = [a for a in fb.authorised if a.kind == "approval"]
    assert [(a.verdict, a.rating) for a in approvals] == [("granted", "M"), ("denied", "P")]
    # the police's powers are not the mayor's
    assert not any(a.authority == "deploy_protection" for a in fb.authorised)


def test_decisions_are_set_against_the_favoured_option_with_the_scenarios_reasons(pack, played):
    _d, card, facts = played
    fb = feedback_for(pack, card, facts, "mayor")
    [review] = [r for r in fb.decisions if r.inject == "I-07"]
    assert review.chosen.id == "request_police_only" and review.favoured.id == "request_full"
    assert review.chosen.note and "psychosocial" in review.chosen.note
    assert review.favoured.note and review.rating == "S"
    assert not any(r.inject == "I-08" for r in fb.decisions)  # the police's decision


def test_statements_quote_the_words_that_triggered_each_verdict(pack, played):
    _d, card, facts = played
    fb = feedback_for(pack, card, facts, "mayor")
    approved = next(s for s in fb.statements if s.part == "approved")
    [broken] = approved.breaks
    assert broken.rule == "PR-victim-names" and "Gurmeet Singh Dhillon" in broken.words
    assert approved.rating == "M" and approved.by == "communications"
    denied = next(s for s in fb.statements if s.part == "denied")
    assert denied.rating == "S" and not denied.breaks  # a sound draft held back
    assert any(c.rule == "FM-empathy" and c.words for c in denied.covers)


def test_three_things_to_practise_and_the_moment_to_rerun(pack, played):
    _d, card, facts = played
    fb = feedback_for(pack, card, facts, "mayor")
    assert 1 <= len(fb.practise) <= 3
    assert fb.practise[0].rating in ("U", "M")
    ratings = [p.rating for p in fb.practise]
    assert ratings == sorted(ratings, key="UMS".index)
    assert fb.moment == next(p for p in fb.practise if p.minute is not None)
    assert fb.moment.minute < 240
    # one of each kind before a second of any: the careless approval is among them, from just before it
    statement = next(p for p in fb.practise if "statement" in p.title.lower())
    assert statement.minute == just_before(62) and "Gurmeet Singh Dhillon" in statement.why


def test_calls_name_whom_to_report_to(pack, played):
    _d, card, facts = played
    fb = feedback_for(pack, card, facts, "police")
    reports = [c for c in fb.calls if c.finding and c.finding.startswith("chain.reporting:")]
    assert reports and all(c.whom == "Mayor" for c in reports)
    assert all(c.rating == "M" for c in reports)  # nobody passed anything up in this run


def test_an_unknown_seat_is_refused_with_the_roles_there_are(pack, played):
    _d, card, facts = played
    with pytest.raises(UnknownSeat, match="mayor, police"):
        feedback_for(pack, card, facts, "chief")


def test_one_model_as_text_and_json(pack, played):
    _d, card, facts = played
    fb = feedback_for(pack, card, facts, "mayor")
    again = type(fb).model_validate_json(fb.model_dump_json())
    assert again == fb
    console = Console(record=True, width=120)
    render(fb, console)
    text = console.export_text()
    for heading in ("Three things to practise next", "What only you could authorise", "Who you should have called",
                    "Your decisions", "Statements you issued"):
        assert heading in text
    assert "'Gurmeet Singh Dhillon'" in text


def test_the_printed_feedback_says_this_step_and_the_grace_in_words(pack, played):
    """The item's title names the plan step, so its sentence says 'This step', not the step's whole
    description again; the grace is said in words ('beyond the 5-minute grace'), never 'grace 5'."""
    _d, card, facts = played
    fb = feedback_for(pack, card, facts, "mayor")
    console = Console(record=True, width=200)
    render(fb, console, pack=pack)
    text = console.export_text()
    convene = next(e for e in pack.plan.expectations if e.action == "mayor.activate_crisis_team")
    assert "This step was done at " in text and "beyond the 5-minute grace" in text
    assert f"'{convene.description}' (" not in text and "grace 5" not in text


def test_just_before_is_one_grid_step_earlier():
    assert just_before(63) == 62.9999
    assert just_before(0) == 0


# ---- the command --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def log(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("coach") / "run.jsonl"
    r = CliRunner().invoke(main, ["simulate", str(FLAGSHIP), "--policy", "plan", "--competence", "0.5", "--seed", "3",
                                  "--log", str(path)])
    assert r.exit_code == 0, r.output
    return path


def test_score_seat_prints_the_feedback_and_how_to_rerun(log):
    r = CliRunner().invoke(main, ["score", str(log), "--seat", "police"])
    assert r.exit_code == 0, r.output
    assert "Coached feedback: Police commander" in r.output
    assert "Three things to practise next" in r.output and "Most important moment" in r.output
    # the last line is the what-if command, and it runs
    command = r.output.strip().splitlines()[-1].split()
    assert command[:3] == ["tabletop", "branch", str(log)]
    branched = CliRunner().invoke(main, command[1:])
    assert branched.exit_code == 0, branched.output
    assert Path(command[command.index("-o") + 1]).exists()


def test_score_seat_json_is_the_model(log):
    r = CliRunner().invoke(main, ["score", str(log), "--seat", "mayor", "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["role"] == "mayor" and {"authorised", "calls", "decisions", "statements", "practise"} <= set(data)


def test_score_seat_unknown_role_is_wrong_usage(log):
    r = CliRunner().invoke(main, ["score", str(log), "--seat", "chief"])
    assert r.exit_code == 2
    assert "chief" in r.output and "mayor" in r.output and "Traceback" not in r.output


def test_score_seat_of_a_missing_log_is_located(tmp_path):
    r = CliRunner().invoke(main, ["score", str(tmp_path / "none.jsonl"), "--seat", "mayor"])
    assert r.exit_code == 1 and "none.jsonl" in r.output


def test_a_successor_learns_what_was_theirs_alone_while_acting(tmp_path):
    pack = load_pack(ROOT / "scenarios" / "wendholm-threats-succession")
    d = Drill(pack)
    d.at(5, C.MakeDecision(by="deputy-mayor", inject="I-02", option="assume_now"))
    d.at(7, C.TakeAction(by="deputy-mayor", action="mayor.activate_crisis_team"))
    d.finish()
    scorer = Scorer(pack)
    for n, line in d.lines:
        scorer.feed(n, line)
    fb = feedback_for(pack, scorer.scorecard(), scorer.facts, "deputy-mayor")
    crisis = next(a for a in fb.authorised if a.finding == "plan.timeliness:crisis-team")
    assert (crisis.by, crisis.rating) == ("deputy-mayor", "P")  # the mayor's power, the acting mayor's to use
    command = next(a for a in fb.decisions if a.inject == "I-02")
    assert command.rating == "P" and command.chosen.id == "assume_now"
