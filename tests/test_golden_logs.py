"""Every pack, played every way of tests/golden_logs.py, writes the log it wrote when recorded, line for
line (wall-clock stamps aside); the log verifies, and resumes.

Why: the engine's speed work must not change what it does. A pack or a statement checker edited
since the recording plays differently by right: the comparison is skipped, with the command that
records it again. The recorded logs must verify all the same, whatever the checker has become:
logs keep the verdicts they were played with.
"""

from __future__ import annotations

import pytest

from simulator.engine import commands as C
from simulator.loading.pack import load_pack
from simulator.log import read_log
from simulator.replay import replay_log
from simulator.session import Session

from . import golden_logs as G

GOLDEN = G.load_golden()


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("golden-packs")
    return {d.name: d for d in G.pack_dirs(folder)}


def test_every_pack_and_play_is_recorded(packs):
    """The recording covers every pack there is and every play (a new pack needs recording too)."""
    assert set(GOLDEN) == set(packs), "record again: python -m tests.golden_logs --write"
    assert all(set(entry["plays"]) == set(G.plays_for(name)) for name, entry in GOLDEN.items())


def recorded(pack_name: str, packs: dict):
    """The pack and its recording; skipped when the pack is gone or changed since (record again)."""
    if pack_name not in packs:
        pytest.skip(f"{pack_name} is no longer a pack")
    pack = load_pack(packs[pack_name])
    entry = GOLDEN[pack_name]
    if pack.files != entry["files"]:
        pytest.skip(f"{pack_name} changed since its golden logs were recorded: python -m tests.golden_logs --write")
    return pack, entry


@pytest.mark.parametrize("pack_name", sorted(GOLDEN))
def test_a_pack_plays_its_golden_logs_again(pack_name, packs, tmp_path):
    pack, entry = recorded(pack_name, packs)
    if entry["checker"] != G.checker_fingerprint():
        pytest.skip("the statement checker changed since the golden logs were recorded: python -m tests.golden_logs --write")
    for name, play in G.plays_for(pack_name).items():
        log = tmp_path / f"{name}.jsonl"
        G.play_once(pack, play, log)
        got, want = G.comparable(log), entry["plays"][name]
        for number, (a, b) in enumerate(zip(got, want), start=1):
            assert a == b, f"{pack_name}/{name} line {number}:\n  now:      {a}\n  recorded: {b}"
        assert len(got) == len(want), f"{pack_name}/{name}: {len(got)} lines now, {len(want)} recorded"
        replay_log(read_log(log), pack)  # the log verifies against the engine that wrote it
    resumed = Session.resume(log, pack)  # and the last one (an old staff version) resumes and goes on
    resumed.submit(C.ObserverNote(by=C.FACILITATOR, text="resumed"))
    resumed.close()
    replay_log(read_log(log), pack)


@pytest.mark.parametrize("pack_name", sorted(GOLDEN))
def test_the_recorded_logs_verify_whatever_the_checker_has_become(pack_name, packs, tmp_path):
    """Each recorded log replays against today's engine, which takes its statements' verdicts from
    the log; those written as before verdicts were kept, only while the checker is unchanged."""
    pack, entry = recorded(pack_name, packs)
    same_checker = entry["checker"] == G.checker_fingerprint()
    checked = 0
    for name, play in G.plays_for(pack_name).items():
        if not (G.keeps_verdicts(play) or same_checker):
            continue
        lines = entry["plays"][name]
        log = G.rebuilt(lines, pack.scenario_path, tmp_path / f"{name}.jsonl")
        replayed = replay_log(read_log(log), pack)
        assert len(replayed.events) == sum(1 for x in lines if x.startswith('{"kind":"event"'))
        checked += 1
    assert checked


def test_the_comparison_bites(packs, tmp_path):
    """A changed seed changes the lines: the comparison is not blind."""
    pack = load_pack(packs["mini"])
    log = tmp_path / "other.jsonl"
    G.play_once(pack, {**G.PLAYS["plan-slips"], "seed": 99}, log)
    assert G.comparable(log) != GOLDEN["mini"]["plays"]["plan-slips"]
