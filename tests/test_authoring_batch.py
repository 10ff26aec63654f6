"""tabletop batch: seeded runs per policy on worker processes, coverage, scores and swings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.authoring.batch import report, report_text, run_batch
from simulator.loading.shipped import shipped_scenarios
from simulator.scoring import score_log

from .conftest import FIXTURES, run_headless

TABLETOP = Path(sys.executable).parent / "tabletop"
MINI = FIXTURES / "mini" / "scenario.yaml"


def test_batch_matches_single_runs_and_is_the_same_on_one_or_two_workers(mini_pack, tmp_path):
    pack, two = run_batch(MINI, ["plan", "random"], 3, workers=2)
    _pack, one = run_batch(MINI, ["plan", "random"], 3, workers=1)
    assert two == one
    assert [(r.policy, r.seed) for r in two] == [("plan", 1), ("plan", 2), ("plan", 3), ("random", 1), ("random", 2), ("random", 3)]
    # each result is what `simulate` + `score` give for that policy and seed
    log = tmp_path / "random-2.jsonl"
    session = run_headless(mini_pack, 2, "random", log)
    _p, card, _f = score_log(log)
    result = two[4]
    assert result.score == card.score
    assert list(result.delivered) == [e.inject for e in session.events if e.type == "inject_delivered"]
    assert list(result.objectives) == [r.rating for r in card.objectives]


def test_report_coverage_never_fired_and_scores(mini_pack):
    pack, results = run_batch(MINI, ["plan", "idle"], 2, workers=1)
    rep = report(pack, results, ["plan", "idle"], 2)
    delivered = {i for r in results for i in r.delivered}
    assert rep["never_fired"] == [i.id for i in pack.scenario.injects if i.id not in delivered]
    assert "I4" in delivered and "I3" in delivered  # plan holds the vigil (I3), idle lets it lapse to 'wait' (I4)
    assert rep["injects"]["fired"] == len(delivered)
    assert rep["branches"] == {"total": 2, "chosen": 2, "coverage": 100.0, "runs_choosing": {"I2/hold": 2, "I2/wait": 2},
                               "never_chosen": []}
    assert rep["scores"]["plan"]["min"] > rep["scores"]["idle"]["max"]
    assert rep["scores"]["idle"]["objective_ratings"]["U"] == 2
    assert rep["swings"] == []  # within each policy every run chose the same option
    text = report_text(rep)
    assert "never fired:" in text and all(len(line) <= 80 for line in text.splitlines())


def test_swings_compare_runs_within_a_policy():
    pack, results = run_batch(MINI, ["random"], 12, workers=1)
    rep = report(pack, results, ["random"], 12)
    hold = next(s for s in rep["swings"] if s["option"] == "hold")
    with_ = [r.score for r in results if ("I2", "hold") in r.chosen]
    without = [r.score for r in results if ("I2", "hold") not in r.chosen]
    assert with_ and without
    assert hold["runs_with"] == len(with_) and hold["difference"] == round(sum(with_) / len(with_) - sum(without) / len(without), 1)


@pytest.mark.parametrize("scenario", shipped_scenarios(), ids=lambda p: p.parent.name)
def test_sixty_runs_fire_every_inject_of_every_shipped_pack(scenario):
    pack, results = run_batch(scenario, ["plan", "late", "idle", "random"], 60)
    assert report(pack, results, ["plan", "late", "idle", "random"], 60)["never_fired"] == []


def test_cli_batch_json_and_usage_errors():
    out = subprocess.run([str(TABLETOP), "batch", str(FIXTURES / "mini"), "--runs", "2", "--policies", "plan,idle", "--json"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["runs"] == 4 and isinstance(data["never_fired"], list) and set(data["scores"]) == {"plan", "idle"}
    assert out.stderr == ""  # no progress bar when not on a terminal
    text = subprocess.run([str(TABLETOP), "batch", str(FIXTURES / "mini"), "--runs", "1"], capture_output=True, text=True, timeout=300)
    assert text.returncode == 0 and "Injects:" in text.stdout
    bad = subprocess.run([str(TABLETOP), "batch", str(FIXTURES / "mini"), "--policies", "plan,lazy"], capture_output=True, text=True)
    assert bad.returncode == 2 and "lazy" in bad.stderr
    assert subprocess.run([str(TABLETOP), "batch", str(FIXTURES / "mini"), "--runs", "0"], capture_output=True).returncode == 2
    missing = subprocess.run([str(TABLETOP), "batch", "nowhere"], capture_output=True, text=True)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
