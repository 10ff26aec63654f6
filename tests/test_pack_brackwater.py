"""The Brackwater pack: an assault after Pride in which nobody dies, and the story's rules bite.

Why a pack test beyond the generic bar: the pack teaches that privacy is part of victim support
(naming or outing a victim is a breach, however kindly meant), that support means legal, financial
and practical help as well as care, and that a hate crime left unanswered is copied. Each of those
lessons only holds if the checker, the plan and the branches behave as the story says.
"""

from __future__ import annotations

import pytest

from simulator.engine import commands as C
from simulator.engine.seats import Seat, all_staff
from simulator.loading.pack import load_pack
from simulator.loading.shipped import scenarios_dir
from simulator.scoring.scorer import score_log
from simulator.session import Session
from simulator.statements.checker import Checker

from .packplay import plan_and_idle, play, delivered

PACK_DIR = scenarios_dir() / "brackwater-pride-assault"


@pytest.fixture(scope="module")
def pack():
    return load_pack(PACK_DIR)


@pytest.fixture(scope="module")
def checker(pack):
    return Checker(pack.playbook)


@pytest.fixture(scope="module")
def runs(pack, tmp_path_factory):
    """A whole exercise with every seat on the plan, and one with every seat idle."""
    return plan_and_idle(pack, tmp_path_factory.mktemp("brackwater"))






def breaks(checker, text: str) -> set[str]:
    return {rid for rid, v in checker.check(text).verdicts.items() if v.harmful}


# ---- the checker: naming and outing a victim ------------------------------------------------

@pytest.mark.parametrize("text, rule", [
    ("The young man in hospital is gay, and his parents do not know.", "PR-private"),
    ("Tomás is gay and was on his way home from the Lantern.", "PR-private"),
    ("The second victim, who is non-binary, has a broken wrist.", "PR-private"),
    ("He is recovering on Heron Ward at the Royal Infirmary.", "PR-private"),
    ("Our thoughts are with Tomás Reyes-Hart tonight.", "PR-victim-names"),
    ("Ash Kinley has been discharged.", "PR-victim-names"),
])
def test_outing_or_naming_a_victim_is_a_breach(checker, text, rule):
    assert rule in breaks(checker, text)


@pytest.mark.parametrize("text", [
    "Two people were attacked on Quay Street; both are being cared for in hospital.",
    "What is said about the people who were hurt is for them to decide, and we will respect it.",
    "To gay, lesbian, bi, trans and non-binary residents: we stand with you, and this is your city.",
])
def test_speaking_about_the_community_without_the_victims_breaks_nothing(checker, text):
    assert breaks(checker, text) == set()


def test_an_outing_statement_is_rated_m_with_the_words_quoted(pack, tmp_path):
    seats = all_staff(pack.scenario.roles, "plan")
    seats["mayor"] = Seat(kind="human")
    log = tmp_path / "mayor.jsonl"
    session = Session.start(pack, 1, seats, log)
    session.advance_to(40)
    session.submit(C.IssueStatement(by="mayor", channel="press_conference", languages=["English"],
                                    text="The man in hospital is gay and his family did not know; we are with him."))
    session.close()
    _p, card, _f = score_log(log)
    breach = [f for f in card.findings if f.rule == "playbook.prohibited" and f.rating == "M"]
    assert breach and any("gay" in " ".join(f.matched) for f in breach), [f.id for f in card.findings]


# ---- victim support: the plan meets it, an idle team does not -------------------------------

SUPPORT = ["victim-liaison", "caseworker", "legal-financial-help", "admin-help", "hardship-fund", "media-wishes"]


def test_victim_support_in_every_field_is_met_by_the_plan_and_missed_by_idle(runs):
    def ratings(card):
        return {r.id.split(":")[1]: r.rating for r in card.expectations}
    plan, idle = ratings(runs["plan"][1]), ratings(runs["idle"][1])
    assert all(plan[s] == "P" for s in SUPPORT), {s: plan[s] for s in SUPPORT}
    assert all(idle[s] == "U" for s in SUPPORT if s in idle), {s: idle.get(s) for s in SUPPORT}
    assert {"victim-liaison", "caseworker"} <= set(idle), "idle staff still receive the victims' calls"


def test_the_day5_update_must_name_legal_and_practical_help(pack):
    step = next(e for e in pack.plan.expectations if e.id == "recovery-update")
    assert "KM-practical" in (step.statement or [])
    c = Checker(pack.playbook)
    assert "KM-practical" not in c.check("Counsellors are at the Rainbow Centre if you need to talk.").verdicts
    assert "KM-practical" in c.check("Caseworkers can help with legal advice, compensation and lost income.").verdicts


# ---- copycat risk and the branches ----------------------------------------------------------

def test_a_copycat_attack_follows_an_unanswered_video_and_not_a_planned_response(runs):
    plan, idle = runs["plan"][0], runs["idle"][0]
    assert "I-51" in delivered(idle), "the copycat assault fires when nobody acts"
    assert "I-51" not in delivered(plan)
    assert idle.engine.history.state["copycat_risk"] > plan.engine.history.state["copycat_risk"]


def test_the_trans_audience_branch_fires_only_when_nobody_named_them(runs):
    assert "I-22" in delivered(runs["idle"][0])
    assert "I-22" not in delivered(runs["plan"][0]), "the mayor's statement named trans and non-binary residents"


def test_outing_tomas_to_his_parents_is_a_harm_and_asking_him_first_is_not(pack, tmp_path):
    outed = play(pack, "I-08", "tell_parents_everything", tmp_path / "outed.jsonl")
    asked = play(pack, "I-08", "ask_tomas_first", tmp_path / "asked.jsonl")
    assert "I-34" in delivered(outed) and "I-33" not in delivered(outed)
    assert "I-33" in delivered(asked)
    harm = "plan.harm:victim-outed"
    assert [f.rating for f in score_log(tmp_path / "outed.jsonl")[1].findings if f.id == harm] == ["M"]
    assert harm not in {f.id for f in score_log(tmp_path / "asked.jsonl")[1].findings}
    assert outed.engine.history.state["reporting_confidence"] < asked.engine.history.state["reporting_confidence"]


def test_publishing_the_video_shows_the_victims(pack, tmp_path):
    shown = play(pack, "I-05", "publish_in_appeal", tmp_path / "shown.jsonl")
    removed = play(pack, "I-05", "takedown_appeal", tmp_path / "removed.jsonl")
    assert "I-31" in delivered(shown) and "I-30" in delivered(removed)
    harm = "plan.harm:victims-shown-in-appeal"
    assert harm in {f.id for f in score_log(tmp_path / "shown.jsonl")[1].findings}
    assert harm not in {f.id for f in score_log(tmp_path / "removed.jsonl")[1].findings}


def test_third_party_reporting_brings_reports_that_a_phone_line_does_not(pack):
    runs = {opt: play(pack, "I-16", opt) for opt in ("third_party", "police_line_only")}
    assert "I-42" in delivered(runs["third_party"]) and "I-43" in delivered(runs["police_line_only"])
    assert runs["third_party"].engine.history.state["reporting_confidence"] > \
        runs["police_line_only"].engine.history.state["reporting_confidence"]


def test_the_rumour_correction_waits_for_the_police_to_clear_the_fact(pack):
    step = next(e for e in pack.plan.expectations if e.id == "rumour-correction")
    assert step.trigger is not None and getattr(step.trigger, "delivered", None) == "I-09"
    assert pack.injects["I-09"].at > pack.injects["I-07"].at
