"""Numbers cannot hang or poison a run: non-finite values are refused everywhere, and every number
that sets the amount of work is bounded, each with a located message (or, on the command line,
as wrong usage, exit 2)."""

from __future__ import annotations

import re

import pytest

from .attack_kit import copy_pack, edit, refused, tabletop

LOCATED = re.compile(r"^\S+\.yaml:\d+:\d+: \S+: ")


def _refusal_lines(result) -> list[str]:
    assert refused(result), result.stdout + result.stderr
    return [line for line in result.stderr.splitlines() if LOCATED.match(line)]


@pytest.mark.parametrize("old, new, field", [
    ("{id: tension, label: Tension, initial: 20}", "{id: tension, label: Tension, initial: .nan}", "state[0].initial"),
    ("{id: trust, label: Trust, initial: 50, higher_is: better}", "{id: trust, label: Trust, initial: 50, max: .inf, higher_is: better}",
     "state[1].max"),
    ("{var: tension, rate: 0.5,", "{var: tension, rate: .inf,", "dynamics[0].rate"),
    ("rate: -0.1, noise: 0.3}", "rate: -0.1, noise: .nan}", "dynamics[1].noise"),
    ("effects: {tension: 10}", "effects: {tension: .nan}", "injects[0].effects.tension"),
    ("trigger: {state: tension, above: 60}", "trigger: {state: tension, above: .nan}", "injects[4].trigger.state.above"),
    ("chief.convene: {tension: -5}", "chief.convene: {tension: -.inf}", "action_effects.chief.convene.tension"),
    ("effects: {tension: 10}", "effects: {tension: 1.0e300}", "injects[0].effects.tension"),
    ("    at: 20\n", "    at: 1.0e+305\n", "injects[1].at"),  # overflowed the time grid: a traceback
])
def test_non_finite_and_runaway_amounts_are_refused_where_written(tmp_path, old, new, field):
    """`.nan` fails every comparison, so it passed range checks and ended as 'final state tension nan'."""
    pack = copy_pack(tmp_path)
    edit(pack / "scenario.yaml", old, new)
    lines = _refusal_lines(tabletop("validate", pack))
    assert [line for line in lines if f" {field}: " in line], lines
    assert tabletop("simulate", pack).returncode == 1


def test_a_nan_threshold_in_the_plan_is_refused(tmp_path):
    pack = copy_pack(tmp_path)
    plan = (pack / "plan.yaml").read_text()
    assert "within: 30" in plan
    (pack / "plan.yaml").write_text(plan.replace("within: 30", "within: .nan", 1))
    lines = _refusal_lines(tabletop("validate", pack))
    assert any(".within: " in line for line in lines), lines


def test_a_clock_that_would_tick_for_hours_is_refused_at_the_tick(tmp_path):
    """A week at the finest tick with hundreds of triggers on a drifting state: 600 million checks."""
    pack = copy_pack(tmp_path)
    edit(pack / "scenario.yaml", 'clock: {start: "09:00", duration: 120, tick: 10}',
         'clock: {start: "09:00", duration: 10080, tick: 0.1}')
    with (pack / "scenario.yaml").open("a") as fh:
        for k in range(300):
            fh.write(f"  - {{id: X{k}, trigger: {{state: trust, above: 99}}, from: desk, to: all, channel: news, "
                     "title: Watch, body: Still watching.}\n")
    result = tabletop("validate", pack)
    lines = _refusal_lines(result)
    assert len(lines) == 1 and " clock.tick: " in lines[0] and "10,000,000" in lines[0], lines
    assert tabletop("simulate", pack, timeout=60).returncode == 1


def test_a_tick_finer_than_six_seconds_is_refused(tmp_path):
    pack = copy_pack(tmp_path)
    edit(pack / "scenario.yaml", "tick: 10}", "tick: 0.000001}")
    lines = _refusal_lines(tabletop("validate", pack))
    assert any(" clock.tick: " in line for line in lines), lines


def test_lists_that_multiply_work_are_bounded(tmp_path):
    pack = copy_pack(tmp_path)
    wait = "        - {id: wait, label: Wait, effects: {tension: 5}, follow_up: [I4]}\n"
    more = "".join(f"        - {{id: o{k}, label: Option {k}, effects: {{trust: 1}}}}\n" for k in range(25))
    edit(pack / "scenario.yaml", wait, wait + more)
    lines = _refusal_lines(tabletop("validate", pack))
    assert any(" injects[1].decision.options: " in line and "too long" in line for line in lines), lines


def test_text_longer_than_the_limit_is_refused(tmp_path):
    pack = copy_pack(tmp_path)
    edit(pack / "scenario.yaml", "body: Something happened downtown.", "body: " + "word " * 3000)
    lines = _refusal_lines(tabletop("validate", pack))
    assert any(" injects[0].body: " in line and "too long" in line for line in lines), lines


@pytest.mark.parametrize("args", [
    ("simulate", "PACK", "--competence", "nan"),
    ("simulate", "PACK", "--competence", "inf"),
    ("run", "PACK", "--speed", "nan"),
    ("run", "PACK", "--competence", "nan"),
    ("branch", "LOG", "--at", "nan", "-o", "OUT"),
    ("branch", "LOG", "--at", "inf", "-o", "OUT"),
    ("branch", "LOG", "--at", "-inf", "-o", "OUT"),
    ("branch", "OPEN", "--at", "1e308", "-o", "OUT"),
    ("batch", "PACK", "--runs", "1000000"),
    ("batch", "PACK", "--runs", "2", "--workers", "1000"),
])
def test_non_finite_and_unbounded_options_are_wrong_usage(tmp_path, args):
    """`branch --at nan` exited 0 and `--competence nan` exited 1: both are wrong usage, exit 2."""
    pack = copy_pack(tmp_path)
    log = tmp_path / "run.jsonl"
    if "LOG" in args or "OPEN" in args:
        tabletop("simulate", pack, "--log", log).check_returncode()
    unfinished = tmp_path / "open.jsonl"  # a log whose exercise never ended: any minute ahead is open
    if "OPEN" in args:
        unfinished.write_text("".join(log.read_text().splitlines(keepends=True)[:20]))
    swap = {"PACK": pack, "LOG": log, "OPEN": unfinished, "OUT": tmp_path / "branch.jsonl"}
    result = tabletop(*[swap.get(a, a) for a in args])
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "branch.jsonl").exists()
