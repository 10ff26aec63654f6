"""tabletop lint: one fixture per kind of defect, a clean fixture, the static analysis, the CLI."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.authoring.lint import lint_pack
from simulator.authoring.reach import NEVER, Analysis
from simulator.loading.pack import load_pack
from simulator.loading.shipped import shipped_scenarios

from .conftest import FIXTURES, ROOT

LINT = FIXTURES / "lint"
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<path>[\w\[\].]+): (?P<msg>.+)$")

# defect folder -> [(file, line, field path, words in the message)] of every expected error
EXPECTED = {
    "unreachable": [
        ("scenario.yaml", 70, "injects[7].trigger", "'I8' can never be delivered: its trigger can never hold: its thresholds on state 'tension' exclude each other"),
        ("scenario.yaml", 77, "injects[8].trigger", "'I9' can never be delivered: its trigger can never hold: state 'trust' above 150 lies outside its bounds 0..100"),
        ("scenario.yaml", 88, "injects[9].trigger", "'I10' can never be delivered: its trigger can never hold: inject 'I8' is never delivered"),
        ("scenario.yaml", 89, "injects[10].trigger", "'I11' can never be delivered: its trigger can never hold: the decision inject 'I9' is never delivered"),
    ],
    "dead-option": [
        ("scenario.yaml", 58, "injects[1].decision.options[2].id", "option 'shrug' of decision 'I2' leads nowhere"),
    ],
    "dangling": [
        ("scenario.yaml", 56, "injects[1].decision.options[0].follow_up[1]", "unknown inject 'I99'"),
        ("scenario.yaml", 61, "injects[4].trigger.delivered", "unknown inject 'I42' (did you mean 'I4'?)"),
    ],
    "after-clock": [
        ("scenario.yaml", 58, "injects[2].delay", "inject 'I3' arrives at minute 220 at the earliest, at or after the end of the clock (120)"),
        ("scenario.yaml", 69, "injects[7].trigger", "inject 'I8' arrives at minute 130 at the earliest"),
    ],
    "unmeetable": [
        ("plan.yaml", 9, "expectations[1].role", "'P2' can never be met without breaking the playbook: it asks 'press' for a public statement, and 'press' is not an approved messenger"),
        ("plan.yaml", 11, "expectations[3].action", "'P4' can never be met: role 'press' needs authority 'order_evacuation', only chief holds it, and no role can delegate it"),
        ("plan.yaml", 12, "expectations[4].statement[0]", "'P5' can never be met: it asks a statement to match 'blame', a prohibited rule"),
        ("plan.yaml", 13, "expectations[5].prerequisites", "'P6' can never be met: its prerequisites lead back to itself"),
        ("plan.yaml", 14, "expectations[6].prerequisites", "'P7' can never be met: its prerequisites lead back to itself"),
        ("plan.yaml", 15, "expectations[7].trigger", "'P8' can never be met: it never starts, because inject 'I6' arrives at minute 40 at the earliest, never before minute 30"),
        ("plan.yaml", 16, "expectations[8].prerequisites", "'P9' can never be met: it waits for P4, which can never be met"),
    ],
    "unprompted": [
        ("plan.yaml", 11, "expectations[3].id", "no inject prompts plan step 'P4'"),
        ("plan.yaml", 12, "expectations[4].trigger", "no inject prompts plan step 'P5'"),
    ],
}


def test_clean_fixture_has_no_problems():
    assert lint_pack(LINT / "clean") == []


@pytest.mark.parametrize("defect", sorted(EXPECTED))
def test_each_defect_is_found_where_it_is(defect):
    errors = [p for p in lint_pack(LINT / defect) if p.severity == "error"]
    got = [(p.file.rsplit("/", 1)[-1], p.line, p.path, p.message) for p in errors]
    assert len(got) == len(EXPECTED[defect]), got
    for (file, line, path, words), (gfile, gline, gpath, gmsg) in zip(EXPECTED[defect], got):
        assert (gfile, gline, gpath) == (file, line, path)
        assert words in gmsg
    for p in errors:
        assert LINE.match(str(p)), str(p)


def test_warnings_for_chained_steps_and_untemplated_statements():
    warnings = [p for p in lint_pack(LINT / "unprompted") if p.severity == "warning"]
    assert [(p.path, "chained to play" in p.message) for p in warnings] == [("expectations[5].trigger", True)]
    warnings = [p.message for p in lint_pack(LINT / "unmeetable") if p.severity == "warning"]
    assert warnings == ["no playbook template for role 'chief' covers blame: simulated staff cannot meet plan step 'P5'"]


@pytest.mark.parametrize("folder", [p.parent for p in shipped_scenarios()], ids=lambda p: p.name)
def test_every_shipped_pack_is_lint_clean(folder):
    errors = [str(p) for p in lint_pack(folder) if p.severity == "error"]
    assert errors == []


def test_earliest_times_follow_cues_and_contingencies(mini_pack):
    reach = Analysis(mini_pack.scenario, mini_pack.plan, mini_pack.roles).run()
    assert reach.injects["I1"] == 0 and reach.injects["I2"] == 20
    assert reach.injects["I3"] == 25  # a follow-up of I2 (minute 20) with a 5-minute delay
    assert reach.injects["I4"] == 20
    assert reach.injects["I7"] == 30  # contingency for P2: triggered by I1 at 0, due within 30
    assert reach.steps == {"P1": 0, "P2": 0, "P3": 40}
    assert NEVER not in reach.injects.values()


def _verdict(mini_pack, cond_yaml: str):
    import yaml
    from pydantic import TypeAdapter

    from simulator.models.conditions import Condition

    cond = TypeAdapter(Condition).validate_python(yaml.safe_load(cond_yaml))
    analysis = Analysis(mini_pack.scenario, mini_pack.plan, mini_pack.roles)
    analysis.run()
    return analysis.verdict(cond)


@pytest.mark.parametrize("cond, earliest, why", [
    ("{all: [{delivered: I6}, {not: {delivered: I6}}]}", NEVER, "a condition and its negation"),
    ("{not: {state: tension, at_least: 0}}", NEVER, "negates a condition that holds from the start"),
    ("{state: tension, at_most: 100}", 0, None),
    ("{state: tension, below: 0}", NEVER, "outside its bounds"),
    ("{all: [{after: 50}, {not: {after: 40}}]}", NEVER, "before minute 40"),
    ("{any: [{state: trust, above: 200}, {after: 30}]}", 30, None),
    ("{any: [{state: trust, above: 200}, {state: trust, below: -1}]}", NEVER, "none of its alternatives"),
    ("{action: chief.convene, by: press}", NEVER, "neither applies"),
    ("{action: chief.declare, by: press}", 0, None),  # declare_emergency is delegable
    ("{all: [{delivered: I6}, {chosen: I2, option: hold}]}", 40, None),
    ("{delivered: I6, before: 41}", 40, None),
])
def test_condition_verdicts(mini_pack, cond, earliest, why):
    v = _verdict(mini_pack, cond)
    assert v.earliest == earliest
    assert (why is None and v.why is None) or (why is not None and why in v.why)


TABLETOP = Path(sys.executable).parent / "tabletop"


def _cli(*args, cwd=ROOT):
    return subprocess.run([str(TABLETOP), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_cli_lint_exit_codes_and_messages():
    ok = _cli("lint", str(LINT / "clean"))
    assert ok.returncode == 0 and ok.stdout.startswith("ok: no lint errors"), ok.stderr
    bad = _cli("lint", "tests/fixtures/lint/unreachable")
    assert bad.returncode == 1
    lines = bad.stderr.strip().splitlines()
    assert lines[0].startswith("tests/fixtures/lint/unreachable/scenario.yaml:70:5: injects[7].trigger: ")
    assert lines[-1] == "4 error(s), 0 warning(s)."
    warn = _cli("lint", "tests/fixtures/lint/unprompted")
    assert "(warning)" in warn.stderr and warn.returncode == 1
    missing = _cli("lint", "no/such/pack")
    assert missing.returncode == 1 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
    assert _cli("lint").returncode == 2
