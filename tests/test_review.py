"""After-action tools: seats changing hands, what-if branches, the hot wash and rating overrides."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.branch import branch_log, parse_seat
from simulator.engine import commands as C
from simulator.engine.seats import Seat, all_staff
from simulator.log import LogError, read_log
from simulator.replay import verify
from simulator.scoring import score_log
from simulator.session import Session

from .conftest import ROOT, contents, run_headless

TABLETOP = Path(sys.executable).parent / "tabletop"
FLAGSHIP = ROOT / "scenarios" / "caldmere-vaisakhi-attack"


def cli(*args, stdin=None):
    return subprocess.run([TABLETOP, *map(str, args)], capture_output=True, text=True, input=stdin)


@pytest.fixture(scope="module")
def flagship_plan_log(tmp_path_factory):
    from simulator.loading.pack import load_pack

    log = tmp_path_factory.mktemp("review") / "plan.jsonl"
    run_headless(load_pack(FLAGSHIP), 1, "plan", log)
    return log


def _decisions(events):
    return {e.inject: (e.option, e.by, e.staff) for e in events if e.type == "decision_made"}


# ---- seats changing hands ------------------------------------------------------------------------

def test_a_person_taking_a_seat_stops_staff_from_acting_for_it(mini_pack, tmp_path):
    session = Session.start(mini_pack, 1, all_staff(mini_pack.scenario.roles, "plan"), tmp_path / "a.jsonl")
    session.advance_to(1)
    events = session.submit(C.TakeSeat(by=C.FACILITATOR, role="chief", seat=Seat(kind="human")))
    assert [e.type for e in events] == ["seat_taken"]
    session.run_to_end()
    session.close()
    later = [e for e in session.events if e.t > 1]
    assert not [e for e in later if getattr(e, "by", None) == "chief" and getattr(e, "staff", False)]
    verify(tmp_path / "a.jsonl")


def test_staff_taking_a_seat_pick_up_its_open_work(mini_pack, tmp_path):
    people = {r: Seat(kind="human") for r in mini_pack.scenario.roles}
    idle = Session.start(mini_pack, 1, people)
    idle.run_to_end()
    session = Session.start(mini_pack, 1, people, tmp_path / "b.jsonl")
    session.advance_to(12)
    open_steps = [e for e in session.engine.open_expectations]
    assert open_steps, "the mini scenario has open plan steps by minute 12"
    for role in mini_pack.scenario.roles:
        session.submit(C.TakeSeat(by=C.FACILITATOR, role=role, seat=Seat(kind="staff", policy="plan")))
    session.run_to_end()
    session.close()
    met_after = {e.expectation for e in session.events if e.type == "expectation_met" and e.t >= 12}
    assert set(open_steps) & met_after, "new staff must finish work that was open when they sat down"
    assert len([e for e in session.events if e.type == "expectation_met"]) > \
        len([e for e in idle.events if e.type == "expectation_met"])
    verify(tmp_path / "b.jsonl")


def test_only_the_facilitator_hands_over_seats(mini_pack):
    session = Session.start(mini_pack, 1, {})
    events = session.submit(C.TakeSeat(by="chief", role="press", seat=Seat(kind="human")))
    assert events[0].type == "command_rejected" and "facilitator" in events[0].reason
    events = session.submit(C.TakeSeat(by=C.FACILITATOR, role="nobody", seat=Seat(kind="human")))
    assert events[0].type == "command_rejected" and "unknown role" in events[0].reason


# ---- what-if branches ----------------------------------------------------------------------------

def test_branch_keeps_history_byte_for_byte_and_verifies(flagship_plan_log, tmp_path):
    out = tmp_path / "branch.jsonl"
    result = branch_log(flagship_plan_log, 70, out)
    result.session.close()
    old, new = contents(flagship_plan_log), contents(out)
    assert new[1:result.kept_lines + 1] == old[1:result.kept_lines + 1]  # every record as it was
    assert all(json.loads(line)["t"] <= 70 for line in new[1:])
    header = json.loads(new[0])
    assert header["branched_from"] == f"{flagship_plan_log.name}@70" and header["seed"] == 1
    # The chain goes on from the branch's own header: the same records, their links the branch's.
    assert read_log(out).digest != read_log(flagship_plan_log).digest
    assert verify(out).log.digest == read_log(out).digest


def _while_open(log, inject: str) -> int:
    """A whole minute at which the original run had delivered `inject` and not yet decided it.

    Why from the log: when staff settle a decision depends on the pack and the seed, so a fixed
    minute breaks whenever the flagship gains a plan step."""
    events = read_log_events(log)
    given = next(e.t for e in events if e.type == "inject_delivered" and e.inject == inject)
    decided = next(e.t for e in events if e.type == "decision_made" and e.inject == inject)
    minute = int(given) + 1
    assert minute < decided, f"{inject} was decided within a minute of delivery"
    return minute


def test_a_branch_with_a_different_decision_takes_another_course(flagship_plan_log, tmp_path):
    old = _decisions(read_log_events(flagship_plan_log))
    at = _while_open(flagship_plan_log, "I-11")
    assert old["I-11"][2], f"in the original run staff settled I-11 after minute {at}"
    out = tmp_path / "what-if.jsonl"
    result = branch_log(flagship_plan_log, at, out, {"mayor": Seat(kind="human")})
    session = result.session
    assert "I-11" in session.engine.open_decisions
    options = [o.id for o in session.engine.pack.injects["I-11"].decision.options]
    different = next(o for o in options if o != old["I-11"][0])
    session.submit(C.MakeDecision(by="mayor", inject="I-11", option=different))
    session.run_to_end()
    session.close()
    assert _decisions(session.events)["I-11"] == (different, "mayor", False)
    verify(out)
    _p, card_old, _ = score_log(flagship_plan_log)
    _p, card_new, _ = score_log(out)
    assert card_new.score != card_old.score


def read_log_events(path):
    from simulator.engine.events import EVENTS

    return [EVENTS.validate_python(ln.data) for ln in read_log(path).lines if ln.data["kind"] == "event"]


def test_branch_refuses_what_it_cannot_do(flagship_plan_log, tmp_path):
    with pytest.raises(LogError, match="ended at minute 240"):
        branch_log(flagship_plan_log, 300, tmp_path / "x.jsonl")
    with pytest.raises(LogError, match="unknown role 'king'"):
        branch_log(flagship_plan_log, 10, tmp_path / "y.jsonl", {"king": Seat()})
    assert not (tmp_path / "y.jsonl").exists()
    damaged = tmp_path / "damaged.jsonl"
    lines = flagship_plan_log.read_text().splitlines()
    damaged.write_text("\n".join(lines[:60]) + "\n{\"kind\": \"ev")
    cut = json.loads(lines[59])["t"]
    with pytest.raises(LogError, match="damaged"):
        branch_log(damaged, cut + 1, tmp_path / "z.jsonl")
    early = branch_log(damaged, cut - 1, tmp_path / "ok.jsonl") if cut >= 1 else None
    if early is not None:
        early.session.close()
        verify(tmp_path / "ok.jsonl")


def test_parse_seat():
    assert parse_seat("mayor=human") == ("mayor", Seat(kind="human"))
    assert parse_seat("police=random:0.5") == ("police", Seat(kind="staff", policy="random", competence=0.5))
    for bad in ("mayor", "mayor=boss", "mayor=plan:2", "mayor=plan:x", "=human"):
        with pytest.raises(ValueError):
            parse_seat(bad)


def test_branch_cli(flagship_plan_log, tmp_path):
    out = tmp_path / "cli.jsonl"
    at = _while_open(flagship_plan_log, "I-11")
    done = cli("branch", flagship_plan_log, "--at", at, "-o", out, "--seat", "mayor=random", "--play-out")
    assert done.returncode == 0, done.stderr
    assert "open decision at the branch point: I-11 (mayor)" in done.stdout
    assert "exercise ended at minute 240" in done.stdout
    assert cli("replay", "--verify", out).returncode == 0
    again = cli("branch", flagship_plan_log, "--at", "70", "-o", out)
    assert again.returncode == 1 and "already exists" in again.stderr and "Traceback" not in again.stderr
    bad = cli("branch", flagship_plan_log, "--at", "70", "-o", tmp_path / "n.jsonl", "--seat", "mayor=boss")
    assert bad.returncode == 2 and "--seat" in bad.stderr


def test_branch_takes_the_story_time_people_read(flagship_plan_log, tmp_path):
    """`--at 12:15` is the moment the consoles and the report show as 12:15: the same history as
    `--at` its exercise minute; a time the clock never shows is refused, located, exit 1."""
    from simulator.loading.pack import load_pack
    from simulator.story_clock import minute_at, story_time

    scenario = load_pack(FLAGSHIP).scenario
    shown = story_time(scenario, 70)
    assert minute_at(scenario, shown) == 70 and minute_at(scenario, shown, after=70) is None
    later = story_time(scenario, 200)  # after a module's jump in the story, the day is named
    assert minute_at(scenario, later) == 200 and minute_at(scenario, f"  {later.lower()} ") == 200
    assert minute_at(scenario, "Day 9 " + later.split()[-1]) is None  # a day the story never reaches
    assert minute_at(scenario, f"Day 1 {shown}") == 70  # the first day, which the clock leaves unnamed
    by_time, by_minute = tmp_path / "t.jsonl", tmp_path / "m.jsonl"
    done = cli("branch", flagship_plan_log, "--at", shown, "-o", by_time)
    assert done.returncode == 0, done.stderr
    assert f"at {shown} (minute 70)" in done.stdout
    assert cli("branch", flagship_plan_log, "--at", "70", "-o", by_minute).returncode == 0
    history = [read_log(p).lines for p in (by_time, by_minute)]
    assert [ln.data for ln in history[0]] == [ln.data for ln in history[1]]
    never = cli("branch", flagship_plan_log, "--at", "03:00", "-o", tmp_path / "n.jsonl")
    assert never.returncode == 1 and "03:00" in never.stderr and "Traceback" not in never.stderr
    assert not (tmp_path / "n.jsonl").exists()
    for bad in ("soon", "-5", "nan"):
        wrong = cli("branch", flagship_plan_log, "--at", bad, "-o", tmp_path / "w.jsonl")
        assert wrong.returncode == 2 and "--at" in wrong.stderr, bad


# ---- hot wash and overrides ----------------------------------------------------------------------

@pytest.fixture
def ended_log(flagship_plan_log, tmp_path):
    log = tmp_path / "ended.jsonl"
    log.write_bytes(flagship_plan_log.read_bytes())
    return log


def test_hotwash_answers_go_into_the_log(ended_log, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("M1.1: The crisis team met in ten minutes.\nfeedback.realism: '4'\nM1.2: ''\n")
    done = cli("hotwash", ended_log, "--answers", answers, "--by", "Mayor Osei")
    assert done.returncode == 0, done.stderr
    assert "recorded 2 answer(s)" in done.stdout
    rows = [json.loads(x) for x in ended_log.read_text().splitlines()]
    answered = [r for r in rows if r.get("type") == "hot_wash_answered"]
    assert [(a["question"], a["by"]) for a in answered] == [("M1.1", "Mayor Osei"), ("feedback.realism", "Mayor Osei")]
    assert answered[0]["text"].startswith("Who decided what")
    listing = cli("hotwash", ended_log, "--list")
    assert "Mayor Osei: The crisis team met in ten minutes." in listing.stdout
    assert cli("replay", "--verify", ended_log).returncode == 0


def test_hotwash_refuses_bad_answers_and_unended_exercises(ended_log, tmp_path, mini_pack):
    answers = tmp_path / "bad.yaml"
    answers.write_text("M9.1: nothing\n")
    done = cli("hotwash", ended_log, "--answers", answers)
    assert done.returncode == 1 and "did you mean 'M3.1'" in done.stderr
    answers.write_text("- a list\n")
    assert "mapping" in cli("hotwash", ended_log, "--answers", answers).stderr
    assert cli("hotwash", ended_log, stdin="").returncode == 2
    running = tmp_path / "running.jsonl"
    session = Session.start(mini_pack, 1, {}, running)
    session.advance_to(5)
    session.close()
    answers.write_text("feedback.realism: fine\n")
    done = cli("hotwash", running, "--answers", answers)
    assert done.returncode == 1 and "has not ended" in done.stderr and "Traceback" not in done.stderr


def test_override_cli_records_a_rationale_and_changes_the_rating(ended_log):
    _p, card, _ = score_log(ended_log)
    target = card.findings[0]
    new = "M" if target.rating != "M" else "S"
    done = cli("override", ended_log, target.id, new, "--rationale", "Observed a gap the log cannot show.")
    assert done.returncode == 0, done.stderr
    _p, card, _ = score_log(ended_log)
    after = next(f for f in card.findings if f.id == target.id)
    assert after.rating == new and after.suggested == target.suggested
    assert after.override.rationale == "Observed a gap the log cannot show."
    wrong = cli("override", ended_log, target.id + "x", "P", "--rationale", "x")
    assert wrong.returncode == 1 and "did you mean" in wrong.stderr


def test_after_end_commands_never_touch_a_damaged_or_running_log(ended_log, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("feedback.realism: fine\n")
    lines = ended_log.read_text().splitlines()
    for name, text in (("cut", "\n".join(lines[:-1]) + "\n" + lines[-1][:20]),
                       ("garbled", "\n".join(lines[:50] + ["{not json"] + lines[51:]) + "\n"),
                       ("running", "\n".join(lines[:50]) + "\n")):
        log = tmp_path / f"{name}.jsonl"
        log.write_text(text)
        for args in (("hotwash", log, "--answers", answers), ("override", log, "plan.decision:I-07", "P", "--rationale", "x")):
            done = cli(*args)
            assert done.returncode == 1 and "Traceback" not in done.stderr, (name, done.stderr)
            assert log.read_text() == text, f"{name}: a refused command changed the log"
            assert not list(tmp_path.glob(f"{name}.jsonl.corrupt-*"))


def test_hotwash_does_not_repeat_answers(ended_log, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("M1.1: Quick.\n")
    assert "recorded 1 answer(s)" in cli("hotwash", ended_log, "--answers", answers).stdout
    again = cli("hotwash", ended_log, "--answers", answers)
    assert "recorded 0 answer(s)" in again.stdout and "1 already recorded" in again.stdout
    assert ended_log.read_text().count('"hot_wash_answered"') == 1


def test_reading_commands_show_the_sound_part_of_a_damaged_log(ended_log, tmp_path):
    lines = ended_log.read_text().splitlines()
    cut = tmp_path / "cut.jsonl"
    cut.write_text("\n".join(lines[:-1]) + "\n" + lines[-1][:20])
    for args in (("score", cut), ("replay", cut, "--text")):
        done = cli(*args)
        assert done.returncode == 0 and "warning:" in done.stderr and "truncated" in done.stderr, done.stderr
    assert cli("replay", cut, "--verify").returncode == 1


def test_output_into_a_missing_folder_is_a_plain_error(flagship_plan_log, tmp_path):
    for args in (("simulate", "caldmere-vaisakhi-attack", "--log", tmp_path / "no" / "x.jsonl"),
                 ("branch", flagship_plan_log, "--at", "10", "-o", tmp_path / "no" / "y.jsonl"),
                 ("simulate", "caldmere-vaisakhi-attack", "--competence", "nan")):
        done = cli(*args)
        assert done.returncode in (1, 2) and "Traceback" not in done.stderr and done.stderr.strip(), (args, done.stderr)
    assert "does not exist" in cli(*("simulate", "caldmere-vaisakhi-attack", "--log", tmp_path / "no" / "x.jsonl")).stderr


def test_a_branch_names_the_parents_chain_link_where_it_left_it(flagship_plan_log, tmp_path):
    from simulator import logchain
    from simulator.branch import branch_log
    b = branch_log(flagship_plan_log, 70, tmp_path / "b.jsonl")
    b.session.close()
    header = json.loads((tmp_path / "b.jsonl").read_text().splitlines()[0])
    parent = flagship_plan_log.read_bytes().split(b"\n")
    assert header["branched_from_link"] == logchain.split(parent[b.kept_lines])[1].decode()
    # it is the parent's link at that line, not the branch's (whose header differs)
    branch_line = (tmp_path / "b.jsonl").read_bytes().split(b"\n")[b.kept_lines]
    assert logchain.split(branch_line)[1].decode() != header["branched_from_link"]
    assert len(header["branched_from_link"]) == 64
