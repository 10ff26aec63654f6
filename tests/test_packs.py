"""Every shipped scenario pack meets the same bar: valid, sourced, playable, and scored sensibly.

Why a generic test: trainers add packs; each must behave like the flagship without anyone
remembering to copy its tests.
"""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from simulator.loading.pack import load_pack
from simulator.loading.shipped import shipped_scenarios
from simulator.scoring.scorer import score_log
from simulator.validate import validate_paths

from .conftest import run_headless

PACKS = [p.parent for p in shipped_scenarios()]


@pytest.fixture(scope="module", params=PACKS, ids=[p.name for p in PACKS])
def pack_logs(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param.name)
    pack = load_pack(request.param)
    logs = {}
    for policy in ("plan", "idle", "random"):
        for seed in (1, 2):
            logs[(policy, seed)] = folder / f"{policy}-{seed}.jsonl"
            run_headless(pack, seed, policy, logs[(policy, seed)])
    return request.param, pack, logs


def test_at_least_one_pack_ships():
    assert PACKS


@pytest.mark.parametrize("folder", PACKS, ids=[p.name for p in PACKS])
def test_pack_is_valid_and_every_file_is_sourced(folder):
    problems, _count = validate_paths([folder])
    assert not problems, [str(p) for p in problems]
    for name in ("scenario.yaml", "plan.yaml", "playbook.yaml"):
        data = yaml.safe_load((folder / name).read_text())
        assert str(data.get("source", "")).strip(), f"{folder.name}/{name} has no top-level source note"
    pack = load_pack(folder)
    assert len(pack.scenario.modules) >= 3, "initial response, continued response, recovery"
    assert all(m.discussion_questions for m in pack.scenario.modules), "every module has discussion questions"
    for exp in pack.plan.expectations:
        assert exp.source.strip(), exp.id


def test_plan_policy_gets_no_u_and_a_high_score(pack_logs):
    folder, _pack, logs = pack_logs
    for seed in (1, 2):
        _p, card, _f = score_log(logs[("plan", seed)])
        assert not [f.id for f in card.findings if f.rating in ("U", "M")], folder.name
        assert card.score is not None and card.score > 90


def test_idle_gets_u_on_essential_steps(pack_logs):
    _folder, pack, logs = pack_logs
    _p, card, facts = score_log(logs[("idle", 1)])
    essential = {e.id for e in pack.plan.expectations if e.essential} & set(facts.triggered)
    assert essential, "an idle team must leave some essential step undone"
    assert all(r.rating == "U" for r in card.expectations if r.id.split(":")[1] in essential)


def test_random_gets_a_mix_and_branches_change_the_course(pack_logs):
    _folder, _pack, logs = pack_logs
    ratings: Counter[str] = Counter()
    for seed in (1, 2):
        _p, card, _f = score_log(logs[("random", seed)])
        ratings.update(f.rating for f in card.findings)
    assert ratings["P"] and (ratings["U"] or ratings["M"]), ratings
    plan_text = logs[("plan", 1)].read_text()
    idle_text = logs[("idle", 1)].read_text()
    assert plan_text.count('"type":"inject_delivered"') != idle_text.count('"type":"inject_delivered"'), \
        "the team's choices should change which injects arrive"
