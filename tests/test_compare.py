"""A what-if branch beside its original: `tabletop compare ORIGINAL BRANCH [--json]` and the model."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from simulator.branch import parse_seat
from simulator.cli import main
from simulator.log import LogError
from simulator.scoring.compare import branch_point, compare_cards, compare_logs
from simulator.scoring.scorer import score_log

from .conftest import ROOT

FLAGSHIP = ROOT / "scenarios" / "caldmere-vaisakhi-attack"
BRANCH_AT = 5  # before the spokesperson's first statement in this run (seed 1, plan staff)


def _invoke(*args):
    return CliRunner().invoke(main, [*map(str, args)])


@pytest.fixture(scope="module")
def pair(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("compare")
    original, branch = folder / "orig.jsonl", folder / "orig-whatif.jsonl"
    r = _invoke("simulate", FLAGSHIP, "--policy", "plan", "--seed", "1", "--log", original)
    assert r.exit_code == 0, r.output
    # branch before the first statement, then leave the city's spokesperson idle
    _pack, card, _facts = score_log(original)
    first = next(f for f in card.findings if f.id == "plan.timeliness:first-statement")
    assert first.rating == "P"
    r = _invoke("branch", original, "--at", BRANCH_AT, "-o", branch, "--seat", "communications=idle", "--play-out")
    assert r.exit_code == 0, r.output
    return original, branch


def test_the_branch_is_set_beside_its_original(pair):
    original, branch = pair
    c = compare_logs(original, branch)
    assert c.branched_at == BRANCH_AT and c.original.log == "orig.jsonl" and c.branch.log == "orig-whatif.jsonl"
    assert c.score_change is not None and c.score_change < 0  # nobody speaks for the city after the branch
    first = next(ch for ch in c.changes if ch.id == "plan.timeliness:first-statement")
    assert (first.change, first.original, first.branch) == ("worse", "P", "U")
    assert first.original_text and "was done" in first.original_text and "never done" in first.branch_text
    kinds = [ch.kind for ch in c.changes]
    assert kinds == sorted(kinds, key=["objective", "capability", "role", "finding"].index)  # roll-ups first
    assert c.unchanged > 0  # what came before the branch point is judged the same


def test_the_same_scorecard_twice_has_nothing_changed(pair):
    pack, card, _facts = score_log(pair[0])
    c = compare_cards(card, card, "a", "b", None, pack)
    assert c.changes == [] and c.unchanged == len(card.findings) and c.score_change == 0


def test_a_log_that_is_not_its_branch_still_compares_and_says_so(pair, tmp_path):
    other = tmp_path / "other.jsonl"
    assert _invoke("simulate", FLAGSHIP, "--policy", "late", "--seed", "2", "--log", other).exit_code == 0
    c = compare_logs(pair[0], other)
    assert c.branched_at is None and c.changes


def test_branch_point_reads_the_header(pair):
    from simulator.log import read_log

    header = read_log(pair[1]).header
    assert branch_point(header, pair[0]) == BRANCH_AT
    assert branch_point(header, pair[0].with_name("someone-else.jsonl")) is None


def test_compare_command_text_and_json(pair):
    r = _invoke("compare", *pair)
    assert r.exit_code == 0, r.output
    from simulator.loading.pack import load_pack
    from simulator.story_clock import story_time

    # The story's clock, as the consoles show it (the JSON keeps the exercise minute).
    assert f"branched at {story_time(load_pack(FLAGSHIP).scenario, BRANCH_AT)}" in r.output
    assert "Findings that changed" in r.output and not re.search(r"\bminutes? \d", r.output)
    r = _invoke("compare", *pair, "--json")
    data = json.loads(r.output)
    assert data["branched_at"] == BRANCH_AT and any(ch["id"] == "plan.timeliness:first-statement" for ch in data["changes"])


def test_compare_refuses_other_scenarios_and_the_same_log(pair, tmp_path):
    other = tmp_path / "succession.jsonl"
    assert _invoke("simulate", ROOT / "scenarios" / "wendholm-threats-succession", "--log", other).exit_code == 0
    r = _invoke("compare", pair[0], other)
    assert r.exit_code == 1 and "succession.jsonl" in r.output and "Traceback" not in r.output
    with pytest.raises(LogError):
        compare_logs(pair[0], other)
    r = _invoke("compare", pair[0], pair[0])
    assert r.exit_code == 2
    r = _invoke("compare", pair[0], tmp_path / "missing.jsonl")
    assert r.exit_code == 1 and "missing.jsonl" in r.output


def test_parse_seat_still_reads_staff_specs():
    role, seat = parse_seat("communications=idle")
    assert role == "communications" and seat.kind == "staff"
