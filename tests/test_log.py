"""The exercise log: determinism, replay --verify, damaged logs, resume after a crash."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from simulator.engine import commands as C
from simulator.engine.seats import POLICIES, Seat
from simulator.log import ChainBroken, LogError, read_log
from simulator.replay import ReplayError, verify
from simulator.session import Session

from .conftest import FIXTURES, contents, rechain, run_headless, strip_wall


@pytest.mark.parametrize("policy", POLICIES)
def test_same_seed_same_log(mini_pack, tmp_path, policy):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    run_headless(mini_pack, 11, policy, a)
    run_headless(mini_pack, 11, policy, b)
    assert strip_wall(a.read_text()) == strip_wall(b.read_text())
    # wall_time is the only difference allowed, and it lives only in fields so named
    assert "wall_time" in a.read_text().splitlines()[0]


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_replay_verifies_every_policy(mini_pack, tmp_path, policy, seed):
    log = tmp_path / "run.jsonl"
    session = run_headless(mini_pack, seed, policy, log)
    result = verify(log)
    assert len(result.events) == len(session.events)


def human_run(pack, log):
    s = Session.start(pack, 5, {"chief": Seat(), "press": Seat(kind="staff")}, log)
    s.advance_to(4)
    s.submit(C.TakeAction(by="chief", action="chief.convene"))
    s.advance_to(22.5)
    s.submit(C.MakeDecision(by="chief", inject="I2", option="wait"))
    s.submit(C.ObserverNote(by="facilitator", text="Chief chose to wait"))
    s.advance_to(70)
    s.submit(C.IssueStatement(by="chief", channel="social", text="Please stay calm; the rumour is false."))
    s.run_to_end()
    s.close()
    return s


def test_replay_with_human_commands(mini_pack, tmp_path):
    log = tmp_path / "h.jsonl"
    human_run(mini_pack, log)
    result = verify(log)
    assert any(e.type == "decision_made" and e.by == "chief" for e in result.events)


def test_verify_names_the_first_differing_line(mini_pack, tmp_path):
    log = tmp_path / "h.jsonl"
    human_run(mini_pack, log)
    lines = log.read_text().splitlines(keepends=True)
    target = next(i for i, line in enumerate(lines) if '"decision_made"' in line)
    lines[target] = lines[target].replace('"wait"', '"hold"')
    log.write_text("".join(lines))
    with pytest.raises(ChainBroken) as err:  # the chain says first that the line was changed
        verify(log)
    assert err.value.line == target + 1
    rechain(log)  # an edit with the chain made anew: the replay still finds it, at the same line
    with pytest.raises(ReplayError) as err:
        verify(log)
    assert err.value.line == target + 1


def test_verify_reports_a_garbled_event_line_where_it_is(mini_pack, tmp_path):
    """verify keeps event lines as text and compares them with the replay; a broken one is
    still reported at its own line, as garbled, not as a mere difference."""
    log = tmp_path / "h.jsonl"
    human_run(mini_pack, log)
    lines = log.read_text().splitlines(keepends=True)
    target = max(i for i, line in enumerate(lines) if line.startswith('{"kind":"event","type":"state_changed"'))
    lines[target] = lines[target][:45] + "\n"
    log.write_text("".join(lines))
    with pytest.raises(LogError) as err:
        verify(log)
    assert err.value.line == target + 1 and "garbled" in err.value.message


def test_verified_lines_still_give_their_data(mini_pack, tmp_path):
    log = tmp_path / "h.jsonl"
    human_run(mini_pack, log)
    result = verify(log)
    assert [ln.data for ln in result.log.lines] == [json.loads(x) for x in contents(log)[1:]]


@pytest.mark.parametrize("until", [0, 4, 22.5, 55.55, 70, 119.99])
def test_replay_until_stops_at_the_last_line_it_matches(mini_pack, tmp_path, until):
    """Replay may run ahead to the next command in one go, but never past the lines it replays."""
    from simulator.replay import replay_log

    log = tmp_path / "h.jsonl"
    human_run(mini_pack, log)
    wanted = [x for x in contents(log)[1:] if json.loads(x)["t"] <= until]
    result = replay_log(read_log(log), mini_pack, until)
    assert [e.to_json() for e in result.events] == [x for x in wanted if '"kind":"event"' in x]
    assert result.engine.now == json.loads(wanted[-1])["t"] <= until


def test_verify_refuses_a_changed_scenario(mini_pack, tmp_path):
    import shutil

    from simulator.loading.pack import load_pack

    pack_dir = tmp_path / "pack"
    shutil.copytree(FIXTURES / "mini", pack_dir)
    log = tmp_path / "h.jsonl"
    run_headless(load_pack(pack_dir), 1, "plan", log)
    path = pack_dir / "scenario.yaml"
    path.write_text(path.read_text().replace("Mini drill", "Mini drill two"))
    with pytest.raises(ReplayError, match="scenario has changed"):
        verify(log)


def test_truncated_and_garbled_lines_are_reported_with_prefix_kept(mini_pack, tmp_path):
    log = tmp_path / "h.jsonl"
    human_run(mini_pack, log)
    data = log.read_bytes()
    n = data.count(b"\n")
    log.write_bytes(data[:-20])  # cut the last line short
    read = read_log(log)
    assert read.error is not None and read.error.line == n and "truncated" in read.error.message
    assert len(read.lines) == n - 2
    lines = data.splitlines(keepends=True)
    lines[9] = b'{"kind": "event", garbage\n'
    log.write_bytes(b"".join(lines))
    read = read_log(log)
    assert read.error.line == 10 and len(read.lines) == 8
    with pytest.raises(LogError):
        verify(log)


def test_not_a_log(tmp_path):
    bad = tmp_path / "x.jsonl"
    bad.write_text("hello\n")
    with pytest.raises(LogError) as err:
        read_log(bad)
    assert err.value.line == 1


def test_resume_moves_a_damaged_tail_aside_and_continues(mini_pack, tmp_path):
    log = tmp_path / "h.jsonl"
    human_run(mini_pack, log)
    full = log.read_bytes()
    lines = full.splitlines(keepends=True)
    # cut inside the events that follow the last command: they are regenerated, so nothing is lost
    cut = max(i for i, line in enumerate(lines) if b'"kind":"command"' in line) + 3
    damaged = b"".join(lines[:cut]) + lines[cut][:15]
    log.write_bytes(damaged)
    session = Session.resume(log)
    aside = tmp_path / f"h.jsonl.corrupt-{cut + 1}"
    assert aside.read_bytes() == lines[cut][:15]
    session.run_to_end()
    session.close()
    verify(log)
    # the resumed run ends exactly as the uninterrupted one
    assert strip_wall(log.read_text()) == strip_wall(full.decode())


CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from simulator.engine import commands as C
    from simulator.engine.seats import Seat
    from simulator.loading.pack import load_pack
    from simulator.session import Session
    pack = load_pack(Path(sys.argv[1]))
    s = Session.start(pack, 3, {"chief": Seat(), "press": Seat(kind="staff", policy="random")}, Path(sys.argv[2]))
    i = 0
    while True:
        s.advance_to(min(110, i * 0.5))
        s.submit(C.ObserverNote(by="facilitator", text=f"note {i}"))
        print(f"ACK {i}", flush=True)
        i += 1
        time.sleep(0.002)
""")


def test_sigkill_then_resume_loses_nothing_acknowledged(tmp_path):
    log = tmp_path / "killed.jsonl"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(FIXTURES / "mini"), str(log)],
                             stdout=subprocess.PIPE, text=True)
    acked = -1
    deadline = time.monotonic() + 60
    while acked < 40 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if line.startswith("ACK"):
            acked = int(line.split()[1])
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert acked >= 40
    session = Session.resume(log)
    notes = [json.loads(x)["text"] for x in log.read_text().splitlines() if '"observer_note"' in x and '"command"' in x]
    assert [f"note {i}" for i in range(acked + 1)] == notes[: acked + 1]
    session.submit(C.ObserverNote(by="facilitator", text="after resume"))
    session.run_to_end()
    session.close()
    result = verify(log)
    assert result.events[-1].type == "exercise_ended"


@pytest.fixture(scope="module")
def flagship_pack():
    from simulator.loading.pack import load_pack

    from .conftest import ROOT

    return load_pack(ROOT / "scenarios" / "caldmere-vaisakhi-attack")


@pytest.mark.parametrize("policy", POLICIES)
def test_flagship_same_seed_same_log_and_verifies(flagship_pack, tmp_path, policy):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    run_headless(flagship_pack, 21, policy, a, competence=0.8)
    run_headless(flagship_pack, 21, policy, b, competence=0.8)
    assert strip_wall(a.read_text()) == strip_wall(b.read_text())
    verify(a)


def test_flagship_plan_policy_meets_every_step(flagship_pack):
    s = run_headless(flagship_pack, 4, "plan")
    met = {e.expectation for e in s.events if e.type == "expectation_met" and e.on_time}
    assert met == {e.id for e in flagship_pack.plan.expectations}
    assert not [e for e in s.events if e.type == "command_rejected"]
