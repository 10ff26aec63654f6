"""The Lindenport march pack: its decisions really change which injects follow and how the city moves.

Why a pack test beyond the generic bar: the pack rehearses a balance (free speech against public
safety, limited but present policing), and that balance only teaches if the options lead to
different days. One seat is played by a person who picks an option; every other seat follows the plan.
"""

from __future__ import annotations

import pytest

from simulator.engine import commands as C
from simulator.engine.seats import Seat, all_staff
from simulator.loading.pack import load_pack
from simulator.loading.shipped import scenarios_dir
from simulator.scoring.scorer import score_log
from simulator.session import Session

from .packplay import play, delivered, final

PACK_DIR = scenarios_dir() / "lindenport-march-counterprotest"


@pytest.fixture(scope="module")
def pack():
    return load_pack(PACK_DIR)








def test_route_decision_leads_to_different_weeks(pack):
    runs = {opt: play(pack, "I-06", opt) for opt in ("conditions", "ban_attempt", "no_action")}
    assert "I-25" in delivered(runs["conditions"]) and not {"I-26", "I-27"} & delivered(runs["conditions"])
    assert "I-26" in delivered(runs["ban_attempt"]), "the court refuses the ban"
    assert "I-27" in delivered(runs["no_action"]), "the mosque learns the march will pass its door"
    # A ban attempt costs the right to protest; leaving the route costs the targeted community's confidence.
    assert final(runs["ban_attempt"], "protest_rights") < final(runs["conditions"], "protest_rights")
    assert final(runs["no_action"], "community_confidence") < final(runs["conditions"], "community_confidence")


def test_policing_posture_changes_the_saturday(pack):
    runs = {opt: play(pack, "I-10", opt) for opt in ("limited_present", "heavy_visible", "minimal")}
    assert "I-28" in delivered(runs["limited_present"]), "liaison officers calm a stand-off"
    assert "I-29" in delivered(runs["heavy_visible"]) and "I-28" not in delivered(runs["heavy_visible"])
    assert "I-30" in delivered(runs["minimal"]), "nobody between the crowds on Bridge Street"
    assert final(runs["heavy_visible"], "protest_rights") < final(runs["limited_present"], "protest_rights")
    assert final(runs["minimal"], "damage") > final(runs["limited_present"], "damage")


def test_kettling_the_whole_march_is_a_harm_and_intercepting_is_not(pack, tmp_path):
    play(pack, "I-15", "contain_whole_march", tmp_path / "kettle.jsonl")
    play(pack, "I-15", "intercept", tmp_path / "intercept.jsonl")
    _p, kettle, _f = score_log(tmp_path / "kettle.jsonl")
    _p, intercept, _f = score_log(tmp_path / "intercept.jsonl")
    harm = "plan.harm:whole-march-kettled"
    assert [f.rating for f in kettle.findings if f.id == harm] == ["M"]
    assert harm not in {f.id for f in intercept.findings}


def test_naming_the_livestreamer_feeds_him(pack, tmp_path):
    callout = play(pack, "I-12", "public_callout", tmp_path / "callout.jsonl")
    report = play(pack, "I-12", "report_and_counter", tmp_path / "report.jsonl")
    assert "I-33" in delivered(callout) and "I-33" not in delivered(report)
    harm = "plan.harm:inciter-amplified"
    assert harm in {f.id for f in score_log(tmp_path / "callout.jsonl")[1].findings}
    assert harm not in {f.id for f in score_log(tmp_path / "report.jsonl")[1].findings}


def test_name_calling_a_crowd_is_flagged_and_the_plain_statement_is_not(pack, tmp_path):
    seats = all_staff(pack.scenario.roles, "plan")
    seats["mayor"] = Seat(kind="human")
    log = tmp_path / "mayor.jsonl"
    session = Session.start(pack, 1, seats, log)
    session.advance_to(30)
    session.submit(C.IssueStatement(by="mayor", channel="press_conference", languages=["English"],
                                    text="These thugs are not welcome in Lindenport."))
    session.submit(C.IssueStatement(by="mayor", channel="press_conference", languages=["English"],
                                    text="People have the right to protest peacefully here; intimidation will not be tolerated."))
    session.close()
    _p, card, _f = score_log(log)
    breaches = [f for f in card.findings if f.rule == "playbook.prohibited" and f.rating == "M"]
    assert [f.matched for f in breaches] == [["thugs"]]
