"""Exercise time on an exact grid: a console-ticked session's log verifies, and equals the log of
the same commands driven in one go, whatever the tick pattern."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.engine import commands as C
from simulator.engine.seats import Seat
from simulator.loading.pack import load_pack
from simulator.log import read_log
from simulator.replay import ReplayError, verify
from simulator.session import Session
from simulator.timegrid import TICKS_PER_MINUTE, GridEnvironment, is_on_grid, later, on_grid

from .conftest import FIXTURES, ROOT, contents, rechain, strip_wall
from .drive import apply_op

# Tick sizes like a console's: wall seconds x speed / 60, so never round numbers.
tick_size = st.one_of(
    st.floats(min_value=1e-4, max_value=3.0, allow_nan=False, allow_infinity=False),
    st.sampled_from([0.1 * s / 60 for s in (1, 2, 4, 8, 15, 30, 60)]),
)
small = st.integers(min_value=0, max_value=50)
operation = st.one_of(
    st.tuples(st.just("ticks"), st.integers(min_value=1, max_value=40), tick_size),
    st.tuples(st.sampled_from(["act", "decide", "request", "answer"]), small, small),
    st.tuples(st.sampled_from(["say", "fire"]), small),
    st.tuples(st.sampled_from(["adhoc", "jump", "pause"])),
    st.tuples(st.just("speed"), st.floats(min_value=0.25, max_value=60, allow_nan=False)),
)


def _seats(pack, staffed: list[bool]) -> dict[str, Seat]:
    roles = sorted(pack.scenario.roles)
    return {r: Seat(kind="staff", policy="plan") if s else Seat() for r, s in zip(roles, staffed)}


def _times(path: Path) -> list[float]:
    out = []
    for line in path.read_text().splitlines()[1:]:
        data = json.loads(line)
        out += [data[k] for k in ("t", "due", "to") if isinstance(data.get(k), float)]
    return out


def _drive_and_check(pack, tmp_path: Path, seed: int, staffed: list[bool], ops: list[tuple]) -> None:
    ticked = tmp_path / "ticked.jsonl"
    ticked.unlink(missing_ok=True)
    session = Session.start(pack, seed, _seats(pack, staffed), ticked)
    try:
        for op in ops:
            apply_op(session, op)
        session.run_to_end()
    finally:
        session.close()

    verify(ticked, pack)  # raises ReplayError at the first line that differs
    assert all(is_on_grid(t) for t in _times(ticked)), [t for t in _times(ticked) if not is_on_grid(t)][:5]

    # The same commands in one go: jump straight to each command's minute, as replay does.
    at_once = tmp_path / "at_once.jsonl"
    at_once.unlink(missing_ok=True)
    commands = [C.COMMANDS.validate_python(ln.data) for ln in read_log(ticked).lines if ln.data["kind"] == "command"]
    again = Session.start(pack, seed, _seats(pack, staffed), at_once)
    try:
        for cmd in commands:
            if cmd.t > again.now:
                again.advance_to(cmd.t)
            again.submit(cmd)
        again.run_to_end()
    finally:
        again.close()
    assert strip_wall(at_once.read_text()) == strip_wall(ticked.read_text())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**16), staffed=st.lists(st.booleans(), min_size=2, max_size=2),
       ops=st.lists(operation, max_size=25))
def test_a_ticked_mini_session_verifies_and_equals_one_driven_in_one_go(mini_pack, tmp_path, seed, staffed, ops):
    _drive_and_check(mini_pack, tmp_path, seed, staffed, ops)


@pytest.fixture(scope="module")
def flagship():
    return load_pack(ROOT / "scenarios" / "caldmere-vaisakhi-attack")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**16), staffed=st.lists(st.booleans(), min_size=4, max_size=4),
       ops=st.lists(operation, min_size=5, max_size=30))
def test_a_ticked_flagship_session_verifies_and_equals_one_driven_in_one_go(flagship, tmp_path, seed, staffed, ops):
    _drive_and_check(flagship, tmp_path, seed, staffed, ops)


def test_the_console_tick_pattern_that_used_to_drift(mini_pack, tmp_path):
    # 0.1 s wall ticks at 15x are 0.025-minute steps: before the grid, SimPy reached minute 5.38
    # as 5.380000000000001 on one path and 5.38 on the other, and the log failed its own check.
    ops = [("ticks", 215, 0.025), ("act", 0, 0), ("ticks", 37, 0.0137), ("say", 1), ("fire", 3),
           ("ticks", 400, 0.1 * 15 / 60), ("decide", 0, 1), ("ticks", 90, 0.0311)]
    _drive_and_check(mini_pack, tmp_path, 0, [True, False], ops)


def test_grid_arithmetic_is_exact():
    assert later(6.4356, 15) == 21.4356
    assert later(0.1, 0.2) == 0.3  # 0.1 + 0.2 is 0.30000000000000004 in floats
    assert on_grid(5.380000000000001) == on_grid(5.38) == 5.38
    assert is_on_grid(6.4356) and not is_on_grid(6.43561) and not is_on_grid(math.nan)


def test_the_environment_lands_on_the_grid_whatever_the_path():
    stepped, jumped = GridEnvironment(), GridEnvironment()
    t = 0.0
    for _ in range(538):
        t += 0.01
        stepped.run(until=t)
    jumped.run(until=5.38)
    assert stepped.now == jumped.now == 5.38
    assert stepped.ticks == jumped.ticks == 538 * TICKS_PER_MINUTE // 100


# --- logs written before the grid (format 1) -------------------------------------------------------


def _old_style(path: Path, noisy: Path) -> None:
    """Rewrite a log as format 1 with float noise in some times, as older versions wrote them (no chain)."""
    lines = contents(path)
    header = json.loads(lines[0])
    header["format"] = "tabletop-log/1"
    out = [json.dumps(header)]
    for i, line in enumerate(lines[1:]):
        data = json.loads(line)
        if i % 3 == 0 and isinstance(data.get("t"), float) and data["t"] > 0:
            data["t"] = math.nextafter(data["t"], math.inf)  # one ulp off, like 5.380000000000001
            line = json.dumps(data, separators=(",", ":"))
        out.append(line)
    noisy.write_text("\n".join(out) + "\n")


def _a_log(pack, tmp_path: Path) -> Path:
    path = tmp_path / "grid.jsonl"
    session = Session.start(pack, 3, _seats(pack, [True, True]), path)
    session.run_to_end()
    session.close()
    return path


def test_an_old_log_with_float_noise_still_verifies_and_says_so(mini_pack, tmp_path):
    old = tmp_path / "old.jsonl"
    _old_style(_a_log(mini_pack, tmp_path), old)
    result = verify(old, mini_pack)
    assert result.off_grid > 0


@pytest.mark.parametrize("kind", ["event", "command"])
def test_a_new_log_with_float_noise_does_not_verify(mini_pack, tmp_path, kind):
    """A time off the grid in a format-2 log is damage at its line, even with the chain made anew."""
    from simulator.log import LogError

    path = tmp_path / "grid.jsonl"
    session = Session.start(mini_pack, 3, _seats(mini_pack, [False, True]), path)
    session.advance_to(4)
    session.submit(C.TakeAction(by="chief", action="chief.convene"))
    session.run_to_end()
    session.close()
    lines = contents(path)
    target = next(i for i, line in enumerate(lines) if f'"kind":"{kind}"' in line and json.loads(line)["t"] > 0)
    data = json.loads(lines[target])
    data["t"] = math.nextafter(data["t"], math.inf)  # one ulp off, like 5.380000000000001
    lines[target] = json.dumps(data, separators=(",", ":"))
    rechain(path, lines)
    with pytest.raises(LogError) as err:
        verify(path, mini_pack)
    assert err.value.line == target + 1 and "grid" in err.value.message
    assert read_log(path).error.line == target + 1  # read as damage there: the sound prefix is kept


def test_an_unknown_log_format_is_refused_plainly(mini_pack, tmp_path):
    path = _a_log(mini_pack, tmp_path)
    lines = contents(path)
    header = json.loads(lines[0])
    header["format"] = "tabletop-log/99"
    path.write_text("\n".join([json.dumps(header)] + lines[1:]) + "\n")
    from simulator.log import LogError

    with pytest.raises(LogError) as err:
        read_log(path)
    assert err.value.line == 1


def test_scenario_times_off_the_grid_are_refused_where_written(tmp_path):
    import shutil

    from .test_validate_errors import validate

    pack = tmp_path / "pack"
    shutil.copytree(FIXTURES / "mini", pack)
    text = (pack / "scenario.yaml").read_text().replace("tick: 10}", "tick: 10.00001}")
    (pack / "scenario.yaml").write_text(text)
    run = validate(pack / "scenario.yaml")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "10.00001" in ln)
    assert run.code == 1
    assert any(p.startswith(f"{pack / 'scenario.yaml'}:{line}:") and "clock.tick" in p for p in run.problems()), run.err


def test_an_old_log_that_plays_differently_is_refused_plainly_and_still_shown(mini_pack, tmp_path):
    from click.testing import CliRunner

    from simulator.cli import main

    old = tmp_path / "old.jsonl"
    _old_style(_a_log(mini_pack, tmp_path), old)
    lines = contents(old)
    header = json.loads(lines[0])
    header["tabletop_version"] = "0.1.0"
    header["scenario_path"] = str(FIXTURES / "mini" / "scenario.yaml")
    # An event the engine no longer produces there, as an older engine could have logged it.
    lines.insert(3, '{"kind":"event","type":"clock_paused","t":0.0}')
    old.write_text("\n".join([json.dumps(header)] + lines[1:]) + "\n")
    runner = CliRunner()
    verified = runner.invoke(main, ["replay", "--verify", str(old)])
    assert verified.exit_code == 1, verified.stderr
    assert f"{old}:4:" in verified.stderr and "0.1.0" in verified.stderr
    shown = runner.invoke(main, ["replay", "--text", str(old)])
    assert shown.exit_code == 0, shown.stderr
    assert "without confirmation" in shown.stderr and "The exercise ends" in shown.stdout
