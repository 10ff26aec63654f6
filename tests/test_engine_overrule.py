"""Overruling a decision taken below (commands.Overrule, engine, scorer): on the chain fixture pack,
where the press officer (simulated staff) decides who stands at the community centre (I2, at
minute 10) and how to answer a rumour (I6, at 45), the chief is a person above it, and the deputy
acts for the chief while the chief is in the air (minutes 40 to 75).

Seed 0, competence 0.5: the press officer chooses "Ask the centre to close" at minute 14.14 (the
plan favours "Two officers at the door with a named contact", which is plan step P2) and
"Say nothing yet" on the rumour at 52.43."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from simulator import judge
from simulator.cli import main
from simulator.console.display import ExerciseView
from simulator.engine import commands as C
from simulator.engine.core import Engine
from simulator.engine.seats import Seat
from simulator.loading.pack import load_pack
from simulator.log import read_log
from simulator.replay import replay_log
from simulator.room.authority import authorise
from simulator.room.feed import feed_for
from simulator.scoring import score_log
from simulator.session import Session
from simulator.timegrid import is_on_grid, later

from .conftest import FIXTURES

CLOSE_AT, RUMOUR_AT = 14.14, 52.43


@pytest.fixture(scope="module")
def chain():
    return load_pack(FIXTURES / "chain")


def seats(competence=0.5, press="plan"):
    return {"chief": Seat(), "deputy": Seat(kind="staff"), "press": Seat(kind="staff", policy=press, competence=competence)}


def play(pack, script, tmp_path=None, seed=0, competence=0.5, press="plan", to_end=True):
    """Run a session (logged when tmp_path is given) with `script` as [(minute, command)]."""
    log = tmp_path / "run.jsonl" if tmp_path is not None else None
    s = Session.start(pack, seed, seats(competence, press), log)
    for minute, cmd in script:
        s.advance_to(minute)
        s.submit(cmd)
    if to_end:
        s.run_to_end()
    s.close()
    return s, log


def of(events, kind, **where):
    return [e for e in events if e.type == kind and all(getattr(e, k) == v for k, v in where.items())]


def overrule(by="chief", inject="I2", option="post", reason="Keep the door watched."):
    return C.Overrule(by=by, inject=inject, option=option, reason=reason)


# ---- simulated staff: the wrong call, told at once -------------------------------------------------

def test_careless_staff_make_the_wrong_call_and_tell_their_boss_at_once_naming_the_option(chain):
    s, _ = play(chain, [])
    [made] = of(s.events, "decision_made", inject="I2")
    assert (made.t, made.option, made.by, made.staff) == (CLOSE_AT, "close", "press", True)
    [told] = of(s.events, "message_sent", decision="I2")
    assert (told.t, told.by, told.to, told.staff) == (CLOSE_AT, "press", "chief", True)
    assert told.text.startswith("Decided: Ask the centre to close\n")  # the headline an inbox shows
    assert "On “Who stands at the community centre tonight?” (The venue asks for protection, 09:10)" in told.text
    assert "I decided at 09:14: Ask the centre to close." in told.text and "overrule me by 09:44" in told.text
    # The rumour call comes while the chief is in the air: it goes to whoever acts for the chief.
    [rumour] = of(s.events, "message_sent", decision="I6")
    assert rumour.to == "deputy" and "Say nothing yet" in rumour.text


def test_a_wrong_call_stands_the_officer_does_not_do_the_step_it_decided_against(chain):
    s, _ = play(chain, [])
    assert not of(s.events, "expectation_met", expectation="P2")
    assert not of(s.events, "action_taken", action="press.post")
    assert of(s.events, "deadline_passed", expectation="P2")


@pytest.mark.parametrize("competence, wrong", [(1.0, "never"), (0.0, "always"), (0.5, "sometimes")])
def test_wrong_calls_come_with_low_competence_and_are_seeded(chain, competence, wrong):
    chosen = []
    for seed in range(10):
        e = Engine(chain, seed, seats(competence))
        events = e.drain() + e.run_to_end()
        chosen.append(of(events, "decision_made", inject="I2")[0].option)
        again = Engine(chain, seed, seats(competence))
        assert [x.to_json() for x in again.drain() + again.run_to_end()] == [x.to_json() for x in events]
    wrong_calls = [c for c in chosen if c != "post"]
    if wrong == "never":
        assert not wrong_calls
    elif wrong == "always":
        assert len(wrong_calls) == 10  # a slip never lands on the favoured option by chance
    else:
        assert 0 < len(wrong_calls) < 10 and set(wrong_calls) == {"close", "wait"}


# ---- the overrule applied ------------------------------------------------------------------------------

def test_the_chief_overrules_the_wrong_call_the_new_option_counts_from_now(chain, tmp_path):
    s, log = play(chain, [(20, overrule())], tmp_path)
    [over] = of(s.events, "decision_overruled")
    assert (over.t, over.inject, over.option, over.replaced, over.decider, over.by) == (20, "I2", "post", "close", "press", "chief")
    assert over.reason == "Keep the door watched."
    # The step the favoured option is (its `meets`) is met at the overrule, by the officer who carries it out.
    [met] = of(s.events, "expectation_met", expectation="P2")
    assert (met.t, met.by, met.on_time) == (20, "press", True)
    # The wrong call's effects stand; the new option's effects and follow-ups start now.
    causes = [(e.t, e.cause, e.values) for e in of(s.events, "state_changed") if "I2" in e.cause]
    assert causes == [(CLOSE_AT, "decision:I2:close", {"trust": 45.0}), (20, "overrule:I2:post", {"trust": 50.0})]
    assert [e.t for e in of(s.events, "inject_delivered", inject="I3")] == [25]
    assert s.engine.history.chosen["I2"] == "post"
    # The log replays exactly, the engine's and the CLI's way.
    replay_log(read_log(log), chain)
    verified = CliRunner().invoke(main, ["replay", str(log), "--verify"])
    assert verified.exit_code == 0 and "replays exactly" in verified.output


def test_an_overrule_after_the_steps_due_time_meets_it_late_and_the_scorer_says_so(chain, tmp_path):
    _s, log = play(chain, [(35, overrule())], tmp_path)
    _pack, card, _facts = score_log(log)
    f = {x.id: x for x in card.findings}
    timely = f["plan.timeliness:P2"]
    assert timely.verdict == "late" and timely.rating == "M" and "chief overruled decision I2" in timely.explanation
    assert f["plan.role:P2"].verdict == "right_role"  # the officer carried it out: its own step
    decision = f["plan.decision:I2"]
    assert decision.rating == "S" and "chief overruled it at minute 35" in decision.explanation
    assert f["plan.overrule:I2"].rating == "P" and f["plan.overrule:I2"].roles == ["chief"]


def test_overruling_is_rated_by_what_it_puts_in_place(chain, tmp_path):
    def rated(script, seed=0, name="x"):
        folder = tmp_path / name
        folder.mkdir()
        _s, log = play(chain, script, folder, seed=seed)
        card = score_log(log)[1]
        return {x.id: x for x in card.findings}

    assert rated([(20, overrule(option="post"))], name="p")["plan.overrule:I2"].verdict == "to_favoured"
    other = rated([(20, overrule(option="wait"))], name="s")["plan.overrule:I2"]
    assert (other.verdict, other.rating) == ("to_other", "S")
    # Seed 1: the officer chose the favoured option at 18.53; overruling it away is a major challenge.
    away = rated([(20, overrule(option="wait"))], seed=1, name="m")
    assert (away["plan.overrule:I2"].verdict, away["plan.overrule:I2"].rating) == ("from_favoured", "M")
    assert away["plan.timeliness:P2"].rating == "P"  # the original call did the step, and that stands
    # No overrule: no overrule finding (old logs score as they did).
    assert "plan.overrule:I2" not in rated([], name="none")


# ---- who may, and when: refused in plain words ----------------------------------------------------

def refused(s, by):
    return [e.reason for e in of(s.events, "command_rejected", command="overrule", by=by)]


def test_only_someone_above_may_overrule(chain):
    s, _ = play(chain, [(20, overrule(by="deputy")), (20, overrule(by="press"))])
    assert "only someone above the Press officer" in refused(s, "deputy")[0]
    assert "yourself" in refused(s, "press")[0]
    assert not of(s.events, "decision_overruled")


def test_no_overrule_after_the_window_nor_after_the_end(chain):
    ends = judge.overrule_ends(chain.injects["I2"].decision, CLOSE_AT)  # 44.14, while the chief is in the air: the deputy acts
    s, _ = play(chain, [(later(ends, 0.0001), overrule(by="deputy")), (80, overrule())])
    assert all("too late" in r for r in refused(s, "deputy") + refused(s, "chief"))
    assert not of(s.events, "decision_overruled")
    s, _ = play(chain, [(30, C.EndExercise(by=C.FACILITATOR)), (30, overrule())], to_end=False)
    assert refused(s, "chief") == ["the exercise has ended"] and not of(s.events, "decision_overruled")


def test_the_last_minute_of_the_window_counts(chain):
    s, _ = play(chain, [(judge.overrule_ends(chain.injects["I2"].decision, CLOSE_AT), overrule(by="deputy"))])
    [over] = of(s.events, "decision_overruled")
    assert over.by == "deputy" and over.t == 44.14 and is_on_grid(over.t)


def test_nothing_to_overrule_before_a_decision_is_taken(chain):
    s, _ = play(chain, [(5, overrule()), (46, overrule(by="deputy", inject="I6", option="correct"))])
    assert "has not been put to anyone yet" in refused(s, "chief")[0]
    assert "nobody has decided" in refused(s, "deputy")[0] and "Press officer" in refused(s, "deputy")[0]
    s, _ = play(chain, [(26, overrule())], press="idle")  # I2 lapsed at 25: nobody took it
    assert "lapsed" in refused(s, "chief")[0] and not of(s.events, "decision_overruled")


def test_an_overrule_changes_the_call_once_to_another_known_option(chain):
    s, _ = play(chain, [(20, overrule(option="close")), (20, overrule(option="nope")), (20, overrule()),
                        (21, overrule(option="wait"))])
    reasons = refused(s, "chief")
    assert "already the option chosen" in reasons[0] and "unknown option 'nope'" in reasons[1]
    assert "already overruled" in reasons[2] and len(of(s.events, "decision_overruled")) == 1


def test_the_deputy_overrules_while_the_chief_is_in_the_air_and_the_chief_once_back(chain):
    s, _ = play(chain, [(60, overrule(by="chief", inject="I6", option="correct")),
                        (60, overrule(by="deputy", inject="I6", option="correct"))])
    assert "cannot be reached" in refused(s, "chief")[0]
    [over] = of(s.events, "decision_overruled")
    assert (over.by, over.decider, over.t) == ("deputy", "press", 60)
    # Back on the ground at 75, inside the window of the 52.43 call (until 82.43): the chief may.
    s, _ = play(chain, [(76, overrule(inject="I6", option="correct")), (76, overrule(by="deputy", inject="I6"))])
    [over] = of(s.events, "decision_overruled")
    assert over.by == "chief" and over.t == 76


def test_an_overrule_given_off_the_grid_lands_on_it(chain, tmp_path):
    s, log = play(chain, [(20.00003, overrule())], tmp_path)
    [over] = of(s.events, "decision_overruled")
    assert is_on_grid(over.t) and over.t == 20.0
    assert all(is_on_grid(line.data["t"]) for line in read_log(log).lines)
    replay_log(read_log(log), chain)


def test_a_scenario_sets_how_long_a_call_may_be_overruled(chain, tmp_path):
    """`overrule_within` on the decision: the engine, the staff's report and the console's offer
    all take the one window the judge reads from it."""
    import shutil

    folder = tmp_path / "chain-long"
    shutil.copytree(FIXTURES / "chain", folder)
    scenario = folder / "scenario.yaml"
    text = scenario.read_text()
    marker = "      on_timeout: wait\n"
    assert text.count(marker) == 1
    scenario.write_text(text.replace(marker, marker + "      overrule_within: 60\n"))
    long = load_pack(folder)
    ends = judge.overrule_ends(long.injects["I2"].decision, CLOSE_AT)
    assert ends == later(CLOSE_AT, 60) > judge.overrule_ends(chain.injects["I2"].decision, CLOSE_AT)
    s, _ = play(long, [(later(CLOSE_AT, 45), overrule(by="deputy"))])  # too late by the usual 30 minutes
    [over] = of(s.events, "decision_overruled")
    assert over.t == later(CLOSE_AT, 45)
    s, _ = play(long, [(later(ends, 0.0001), overrule(by="deputy"))])
    assert all("too late" in r and "60 minutes" in r for r in refused(s, "deputy")) and refused(s, "deputy")
    s2 = Session.start(long, 0, seats())
    s2.advance_to(later(CLOSE_AT, 40))
    view = ExerciseView(long, seats=seats())
    view.apply(list(s2.events))
    [offer] = [o for o in view.overrulable("deputy") if o.inject == "I2"]  # the chief is in the air: the deputy acts
    assert offer.until == ends
    [told] = of(s2.events, "message_sent", decision="I2")
    assert ExerciseView(long).clock(ends) in told.text


# ---- consoles and room mode: the same rule, the same events --------------------------------------------

def test_the_console_offers_what_the_engine_would_take(chain):
    s2 = Session.start(chain, 0, seats())
    s2.advance_to(20)
    view = ExerciseView(chain, seats=seats())
    view.apply(list(s2.events))
    [offer] = view.overrulable("chief")
    assert (offer.inject, offer.decider, offer.label) == ("I2", "press", "Ask the centre to close")
    assert offer.until == judge.overrule_ends(chain.injects["I2"].decision, CLOSE_AT)
    assert not view.overrulable("deputy") and not view.overrulable("press")
    assert not view.overrulable("chief", now=later(offer.until, 0.0001))
    report = next(i for i in view.inbox["chief"] if i.ref == "I2" and i.kind == "message")
    assert report.title == "Decided: Ask the centre to close"
    view.apply(s2.submit(overrule()))
    assert not view.overrulable("chief")
    [told] = [i for i in view.inbox["press"] if i.kind == "overruled"]
    assert "Keep the door watched." in told.body and "Two officers at the door" in told.body and "I2" not in told.body


def test_room_mode_lets_a_role_overrule_and_shows_the_call_to_those_above(chain):
    cmd = authorise("chief", {"type": "overrule", "inject": "I2", "option": "post", "reason": "Door."})
    assert isinstance(cmd, C.Overrule) and cmd.by == "chief"
    s, _ = play(chain, [(60, overrule(by="deputy", inject="I6", option="correct"))])
    # I6 went to the press officer only; the chief and the deputy (who acts for the chief) are above it.
    for role in ("chief", "deputy", "press"):
        seen = feed_for(chain, s.events, role)
        assert of(seen, "decision_made", inject="I6") and of(seen, "decision_overruled", inject="I6"), role
