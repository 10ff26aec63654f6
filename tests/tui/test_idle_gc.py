"""The app defers the collector's full sweeps to quiet moments, bounded, and gives them back."""

from __future__ import annotations

import gc

import pytest

from tui import idle_gc


@pytest.fixture
def sweeps(monkeypatch):
    """Record full sweeps instead of running them; the young-collection count is set by the test."""
    done: list[int] = []
    state = {"young": 0, "now": 1000.0}
    monkeypatch.setattr(idle_gc.gc, "collect", lambda generation=2: done.append(generation) or 0)
    monkeypatch.setattr(idle_gc.gc, "get_count", lambda: (0, 0, state["young"]))
    monkeypatch.setattr(idle_gc.time, "monotonic", lambda: state["now"])
    return done, state


def test_a_due_sweep_waits_for_a_quiet_moment(sweeps):
    done, state = sweeps
    state["young"] = idle_gc.DUE_AFTER
    idle_gc.saw_input()
    idle_gc.poll()
    assert done == []  # keys are coming: not now
    state["now"] += idle_gc.IDLE_AFTER
    idle_gc.poll()
    assert done == [2]


def test_nothing_is_swept_when_nothing_is_due(sweeps):
    done, state = sweeps
    state["young"] = idle_gc.DUE_AFTER - 1
    state["now"] += 60
    idle_gc.poll()
    assert done == []


def test_an_overdue_sweep_runs_even_while_keys_keep_coming(sweeps):
    done, state = sweeps
    state["young"] = idle_gc.FORCE_AFTER
    idle_gc.saw_input()
    idle_gc.poll()
    assert done == [2]


def test_holding_stops_automatic_full_sweeps_and_the_last_release_restores_them():
    first, second = object(), object()  # two apps in the same process
    before = gc.get_threshold()
    idle_gc.hold(first)
    idle_gc.hold(second)
    try:
        assert gc.get_threshold()[:2] == before[:2]  # young collections untouched
        assert gc.get_threshold()[2] > 10**6
        idle_gc.release(first)
        idle_gc.release(first)  # twice: still only its own hold
        assert gc.get_threshold()[2] > 10**6  # the other app still holds them
    finally:
        idle_gc.release(second)
    assert gc.get_threshold() == before


async def test_the_app_holds_the_sweeps_while_it_runs_and_gives_them_back(tmp_path):
    from tui.app import make_app

    before = gc.get_threshold()
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert gc.get_threshold()[2] > 10**6
        await pilot.press("ctrl+q")
    assert gc.get_threshold() == before
