"""The real `tabletop` command, end to end: list, validate, simulate, replay, schema; and a plain wheel install."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT

TABLETOP = Path(sys.executable).parent / "tabletop"
FLAGSHIP = "caldmere-vaisakhi-attack"


def run(*args, cwd=None, env=None):
    return subprocess.run([str(TABLETOP), *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def test_list_json_names_the_flagship():
    result = run("list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    flagship = next(r for r in rows if r["id"] == FLAGSHIP)
    assert flagship["title"] and Path(flagship["path"]).is_file()


def test_shipped_scenarios_and_roles_validate():
    result = run("validate", ROOT / "scenarios", ROOT / "roles")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok:")


def test_simulate_then_verify(tmp_path):
    log = tmp_path / "plan.jsonl"
    result = run("simulate", FLAGSHIP, "--seed", 3, "--policy", "plan", "--log", log)
    assert result.returncode == 0, result.stderr
    assert "plan steps" in result.stdout and "missed essential" not in result.stdout
    verified = run("replay", log, "--verify")
    assert verified.returncode == 0 and verified.stdout.startswith("verified:")
    timeline = run("replay", log)
    assert timeline.returncode == 0 and "Inject: Shots fired at Gurdwara Sahib Eastbank" in timeline.stdout
    assert not re.search(r"\b[A-Z]+_[A-Z_]+\b", timeline.stdout), "event names in words, not wire names"


def test_the_printed_summary_names_steps_and_state_by_their_words():
    """The JSON summary keeps ids; the printed one says what a missed step is and what a gauge
    measures (its label and unit), never 'first-statement' or 'public_trust'."""
    from simulator.loading.pack import load_pack

    pack = load_pack(ROOT / "scenarios" / FLAGSHIP)
    result = run("simulate", FLAGSHIP, "--seed", 3, "--policy", "idle")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    data = json.loads(run("simulate", FLAGSHIP, "--seed", 3, "--policy", "idle", "--json").stdout)
    missed = data["plan_steps"]["missed_essential"]
    assert missed and "missed essential" in out
    for step in missed:
        assert f"    - {pack.expectations[step].description[:40]}" in out and step not in out.split("missed essential")[1]
    for var in pack.scenario.state:
        assert f"    {var.label}" in out
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", out.split("final state")[1]), "labels, not ids"


def test_simulate_json_summary():
    result = run("simulate", FIXTURES / "mini", "--policy", "idle", "--json")
    summary = json.loads(result.stdout)
    assert summary["plan_steps"]["missed_essential"] == ["P1", "P2"]


def test_simulate_refuses_to_overwrite_a_log(tmp_path):
    log = tmp_path / "x.jsonl"
    log.write_text("precious\n")
    result = run("simulate", FIXTURES / "mini", "--log", log)
    assert result.returncode == 1 and "already exists" in result.stderr
    assert log.read_text() == "precious\n"


@pytest.mark.parametrize("args, code, words", [
    (["simulate", "no-such-scenario"], 1, "not a file, a pack folder or a shipped scenario"),
    (["simulate", "missing/scenario.yaml"], 1, "no such file"),
    (["simulate", FLAGSHIP, "--policy", "lazy"], 2, "Invalid value"),
    (["replay", "missing.jsonl", "--verify"], 1, "no such file"),
    (["frobnicate"], 2, "No such command"),
    (["validate"], 2, "Missing argument"),
])
def test_wrong_use_gives_a_plain_error(args, code, words):
    result = run(*args)
    assert result.returncode == code
    assert words in result.stderr and "Traceback" not in result.stderr


def test_replay_reports_a_garbled_line(tmp_path):
    log = tmp_path / "g.jsonl"
    assert run("simulate", FIXTURES / "mini", "--log", log).returncode == 0
    lines = log.read_text().splitlines(keepends=True)
    lines[5] = "{not json\n"
    log.write_text("".join(lines))
    result = run("replay", log, "--verify")
    assert result.returncode == 1 and f"{log}:6:" in result.stderr and "Traceback" not in result.stderr


def test_schema_command_prints_the_committed_schema():
    result = run("schema", "--kind", "playbook")
    assert result.returncode == 0
    assert result.stdout == (ROOT / "schema" / "playbook.schema.json").read_text()


def test_plain_wheel_install_carries_scenarios_and_roles(tmp_path):
    """A non-editable install must still find, validate and run the shipped packs."""
    wheel_dir, site = tmp_path / "wheel", tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", wheel_dir, ROOT],
                   check=True, capture_output=True, timeout=300)
    wheel = next(wheel_dir.glob("tabletop-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", site, wheel],
                   check=True, capture_output=True, timeout=300)
    assert (site / "simulator" / "_bundled" / "scenarios" / FLAGSHIP / "scenario.yaml").is_file()
    env = {**os.environ, "PYTHONPATH": str(site)}
    code = "import sys; from simulator.cli import main; sys.argv[0] = 'tabletop'; main()"
    listed = subprocess.run([sys.executable, "-c", code, "list", "--json"], capture_output=True, text=True,
                            cwd=tmp_path, env=env, timeout=120)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert all(str(site) in r["path"] for r in rows) and any(r["id"] == FLAGSHIP for r in rows)
    ran = subprocess.run([sys.executable, "-c", code, "simulate", FLAGSHIP, "--seed", "2"], capture_output=True,
                         text=True, cwd=tmp_path, env=env, timeout=120)
    assert ran.returncode == 0 and "plan steps" in ran.stdout, ran.stderr
