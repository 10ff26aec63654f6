"""The Kestrelford prevention pack: its key rules bite, and its decisions lead to different weeks.

Why a pack test beyond the generic bar: the pack rehearses a balance that only teaches if the
rules hold: support for one young person without ever identifying him, information shared for a
purpose and no further, and a rumour of surveillance answered plainly. If naming the pupil went
unflagged, or an idle team still met the referral steps, the exercise would teach the opposite.
"""

from __future__ import annotations

import pytest

from simulator.engine import commands as C
from simulator.engine.seats import Seat, all_staff
from simulator.loading.pack import load_pack
from simulator.loading.shipped import scenarios_dir
from simulator.scoring.scorer import score_log
from simulator.session import Session

from .packplay import plan_and_idle, play, delivered, final

PACK_DIR = scenarios_dir() / "kestrelford-prevention-referral"
REFERRAL_STEPS = ("screen-concern", "meet-family", "sharing-terms", "convene-panel", "support-plan")


@pytest.fixture(scope="module")
def pack():
    return load_pack(PACK_DIR)


@pytest.fixture(scope="module")
def cards(pack, tmp_path_factory):
    """Scorecards of a plan run and an idle run (seed 1), with their sessions."""
    return plan_and_idle(pack, tmp_path_factory.mktemp("kestrelford"))








def ratings(card, prefix: str) -> dict[str, str]:
    return {f.id[len(prefix):]: f.rating for f in card.findings if f.id.startswith(prefix)}


def harms(log) -> set[str]:
    return {f.id for f in score_log(log)[1].findings if f.id.startswith("plan.harm:")}


def say(pack, tmp_path, by: str, minute: float, *texts: str):
    """Scorecard after `by` says each text at `minute`, every other seat following the plan."""
    seats = all_staff(pack.scenario.roles, "plan")
    seats[by] = Seat(kind="human")
    log = tmp_path / f"{by}.jsonl"
    session = Session.start(pack, 1, seats, log)
    session.advance_to(minute)
    for text in texts:
        session.submit(C.IssueStatement(by=by, channel="press_conference", languages=["English"], text=text))
    session.close()
    return score_log(log)[1]


# ---- the referral steps ---------------------------------------------------------------------

def test_the_plan_meets_the_referral_steps_and_idle_misses_them(cards):
    plan = ratings(cards["plan"][1], "plan.timeliness:")
    idle = ratings(cards["idle"][1], "plan.timeliness:")
    for step in REFERRAL_STEPS:
        assert plan[step] == "P", step
        assert idle[step] == "U", step


def test_convening_the_panel_before_the_sharing_terms_is_out_of_order(pack, tmp_path):
    seats = all_staff(pack.scenario.roles, "plan")
    seats["prevention_lead"] = Seat(kind="human")
    log = tmp_path / "early.jsonl"
    session = Session.start(pack, 1, seats, log)
    session.advance_to(5)
    session.submit(C.TakeAction(by="prevention_lead", action="prevention_lead.screen_concern"))
    session.advance_to(55)
    session.submit(C.TakeAction(by="prevention_lead", action="prevention_lead.convene_support_panel"))
    session.run_to_end()
    session.close()
    card = score_log(log)[1]
    assert ratings(card, "plan.prerequisites:")["convene-panel"] == "M"
    assert ratings(card, "plan.timeliness:")["sharing-terms"] == "U"


def test_naming_the_pupil_is_broken_and_declining_to_is_credited(pack, tmp_path):
    card = say(pack, tmp_path, "mayor", 30,
               "Kai Brennan is getting help and his mother has asked for privacy.",
               "We never comment on individual young people, and we ask everyone not to guess.")
    breaches = [f for f in card.findings if f.rule == "playbook.prohibited" and f.rating == "M"]
    assert [f.id.split(":")[1].split("@")[0] for f in breaches] == ["PR-identity"]
    assert "Kai Brennan" in breaches[0].matched
    said = ratings(card, "playbook.key_message:")
    assert said.get("KM-no-individuals") == "P"


def test_the_mother_and_the_young_man_leaving_custody_are_private_too(pack):
    checker = pack.checker
    for text in ("Donna Brennan has been very brave.", "Lewis Garner will be living with his grandmother in Millbrook."):
        assert "PR-identity" in checker.check(text).ids(), text
    assert "PR-identity" not in checker.check("The young man leaving custody has a mentor and a college place.").ids()


def test_the_police_may_speak_of_a_hate_incident_but_not_guess_a_motive(pack):
    checker = pack.checker
    assert "PR-speculation" not in checker.check("Police are investigating a hate incident at the Eastgate Road Mosque.").ids()
    assert "PR-speculation" in checker.check("Whoever sent the letter is probably a Millbrook lad.").ids()
    assert "PR-speculation" in checker.check("The letter was a racially motivated attack by a pupil.").ids()


def test_labelling_the_pupil_a_terrorist_is_broken_and_refusing_to_is_not(pack):
    checker = pack.checker
    assert "PR-label" in checker.check("We stopped a terrorist in the making at Riverside Academy.").ids()
    assert "PR-label" not in checker.check("No young person in support should be treated as a criminal.").ids()


# ---- the spying rumour ---------------------------------------------------------------------

def test_the_spying_rumour_is_corrected_by_the_plan_and_left_by_idle(cards):
    (plan_session, plan_card), (idle_session, idle_card) = cards["plan"], cards["idle"]
    assert ratings(plan_card, "playbook.rumour:")["RUM-spying"] == "P"
    assert ratings(idle_card, "playbook.rumour:")["RUM-spying"] == "U"
    assert "I-52" in delivered(idle_session) and "I-52" not in delivered(plan_session), \
        "the Somali centre's contingency call comes only when the correction is overdue"
    assert final(plan_session, "rumour_reach") < final(idle_session, "rumour_reach")


def test_a_correction_covers_the_rumour_and_a_confirmation_breaks_it(pack):
    checker = pack.checker
    fix = checker.check("The council is not spying on pupils: it does not monitor their phones, and there is no secret list.")
    assert "RUM-spying" in fix.ids() and "PR-spying-confirmed" not in fix.ids()
    confirm = checker.check("The council does keep a list of pupils for the police.")
    assert "PR-spying-confirmed" in confirm.ids() and "RUM-spying" not in confirm.ids()


# ---- decisions and their consequences ------------------------------------------------------

def test_sharing_decision_leads_to_different_weeks(pack, tmp_path):
    runs = {opt: play(pack, "I-07", opt, tmp_path / f"{opt}.jsonl")
            for opt in ("protocol_minimum", "share_everything", "share_nothing")}
    assert "I-37" in delivered(runs["protocol_minimum"])
    assert "I-38" in delivered(runs["share_everything"]), "the class chat export leaks"
    assert "I-39" in delivered(runs["share_nothing"]), "three services, three plans"
    assert "plan.harm:over-shared" in harms(tmp_path / "share_everything.jsonl")
    assert "plan.harm:over-shared" not in harms(tmp_path / "protocol_minimum.jsonl")
    assert final(runs["share_everything"], "community_trust") < final(runs["protocol_minimum"], "community_trust")


def test_handing_the_concern_to_the_police_costs_the_family(pack, tmp_path):
    consent = play(pack, "I-03", "consent_route", tmp_path / "consent.jsonl")
    police = play(pack, "I-03", "police_case", tmp_path / "police.jsonl")
    assert "I-34" in delivered(consent) and "I-35" in delivered(police)
    assert final(police, "family_trust") < final(consent, "family_trust")
    assert final(police, "stigma") > final(consent, "stigma")
    assert "plan.harm:handed-to-police" in harms(tmp_path / "police.jsonl")
    assert "plan.harm:handed-to-police" not in harms(tmp_path / "consent.jsonl")


def test_suspending_the_panel_stops_support_and_feeds_the_rumour(pack, tmp_path):
    explain = play(pack, "I-16", "explain_openly", tmp_path / "explain.jsonl")
    pause = play(pack, "I-16", "pause_panel", tmp_path / "pause.jsonl")
    assert "I-40" in delivered(explain) and "I-42" in delivered(pause)
    assert final(pause, "risk_of_harm") > final(explain, "risk_of_harm")
    assert "plan.harm:support-suspended" in harms(tmp_path / "pause.jsonl")


def test_names_stay_away_from_the_councillor(pack, tmp_path):
    brief = play(pack, "I-18", "brief_without_names", tmp_path / "brief.jsonl")
    handed = play(pack, "I-18", "hand_over_list", tmp_path / "handed.jsonl")
    assert "I-43" in delivered(brief) and "I-44" in delivered(handed)
    assert "plan.harm:names-to-councillor" in harms(tmp_path / "handed.jsonl")
    assert "plan.harm:names-to-councillor" not in harms(tmp_path / "brief.jsonl")


def test_telling_the_neighbours_undoes_reintegration(pack, tmp_path):
    support = play(pack, "I-28", "coordinate_support", tmp_path / "support.jsonl")
    warned = play(pack, "I-28", "warn_neighbours", tmp_path / "warned.jsonl")
    assert "I-46" in delivered(support) and "I-48" in delivered(warned)
    assert final(warned, "stigma") > final(support, "stigma")
    assert "plan.harm:neighbours-told" in harms(tmp_path / "warned.jsonl")
