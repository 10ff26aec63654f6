"""Logs replay with the simulated staff that played them: a log from before staff version 2 (its
header has no `staff`) verifies, resumes and branches with version 1, a log of version 2 with
version 2; new logs say version 3."""

from __future__ import annotations

import json
import shutil

import pytest

from simulator.engine import commands as C
from simulator.engine.staff import STAFF_VERSION
from simulator.loading.pack import load_pack
from simulator.log import read_log
from simulator.replay import ReplayError, replay_log
from simulator.session import Session

from .conftest import FIXTURES, rechain, run_headless

OLD = FIXTURES / "logs" / "staff-v1.jsonl"
V2 = FIXTURES / "logs" / "staff-v2.jsonl"


@pytest.fixture(scope="module")
def mini():
    return load_pack(FIXTURES / "mini")


def test_a_log_from_staff_version_1_verifies_and_resumes(tmp_path, mini):
    old = tmp_path / "old.jsonl"
    shutil.copyfile(OLD, old)
    read = read_log(old)
    assert read.header.staff is None
    result = replay_log(read, mini)
    assert [e.text for e in result.events if e.type == "message_sent"][0] == "Passing on: Incident reported"
    resumed = Session.resume(old, mini)
    assert resumed.header.staff is None and resumed.engine._staff_class.__module__.endswith("staff_v1")
    resumed.submit(C.ObserverNote(by=C.FACILITATOR, text="kept"))
    resumed.close()
    replay_log(read_log(old), mini)


def test_the_same_log_read_as_version_2_does_not_replay(tmp_path, mini):
    """What the version switch guards: today's staff play this log differently."""
    lines = OLD.read_text().splitlines()
    header = json.loads(lines[0])
    header.pop("chain", None)
    header["staff"] = STAFF_VERSION
    forged = tmp_path / "v2.jsonl"
    rechain(forged, [json.dumps(header, separators=(",", ":")), *lines[1:]])
    with pytest.raises(ReplayError):
        replay_log(read_log(forged), mini)


def test_new_logs_record_the_staff_version(tmp_path, mini):
    log = tmp_path / "new.jsonl"
    run_headless(mini, 2, "plan", log).close()
    assert json.loads(log.read_text().splitlines()[0])["staff"] == STAFF_VERSION == 3
    replay_log(read_log(log), mini)


@pytest.fixture(scope="module")
def chain():
    return load_pack(FIXTURES / "chain")


def test_a_log_from_staff_version_2_verifies_and_resumes(tmp_path, chain):
    old = tmp_path / "v2.jsonl"
    shutil.copyfile(V2, old)
    read = read_log(old)
    assert read.header.staff == 2
    result = replay_log(read, chain)
    assert [e.option for e in result.events if e.type == "decision_made"] == ["post", "correct"]
    assert not [e for e in result.events if e.type == "message_sent"]  # version 2 told nobody of its calls at once
    resumed = Session.resume(old, chain)
    assert resumed.engine._staff_class.__module__.endswith("staff_v2")
    resumed.submit(C.ObserverNote(by=C.FACILITATOR, text="kept"))
    resumed.close()
    replay_log(read_log(old), chain)


def test_the_version_2_log_read_as_version_3_does_not_replay(tmp_path, chain):
    """What the version switch guards: version 3 staff report their decisions at once, so they play
    this log differently."""
    lines = V2.read_text().splitlines()
    header = json.loads(lines[0])
    header.pop("chain", None)
    header["staff"] = 3
    forged = tmp_path / "v3.jsonl"
    rechain(forged, [json.dumps(header, separators=(",", ":")), *lines[1:]])
    with pytest.raises(ReplayError):
        replay_log(read_log(forged), chain)
