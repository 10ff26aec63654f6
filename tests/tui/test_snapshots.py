"""Snapshots of the main screens at 80x24 with a frozen wall clock (update with --snapshot-update)."""

from __future__ import annotations

from tui.app import make_app
from tui.config import RunConfig

from ..conftest import run_headless
from .conftest import MINI, Wall, app_for

SIZE = (80, 24)


def test_setup_screen(snap_compare):
    app = make_app(RunConfig(scenario=MINI), wall=Wall())
    assert snap_compare(app, terminal_size=SIZE)


def test_facilitator_console(snap_compare, tmp_path):
    async def run_before(pilot):
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()

    assert snap_compare(app_for(tmp_path / "f.jsonl", Wall()), terminal_size=SIZE, run_before=run_before)


def test_role_console_with_a_decision_waiting(snap_compare, tmp_path):
    async def run_before(pilot):
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("1", "down", "down")
        await pilot.pause()

    assert snap_compare(app_for(tmp_path / "r.jsonl", Wall()), terminal_size=SIZE, run_before=run_before)


def test_scorecard(snap_compare, tmp_path):
    async def run_before(pilot):
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("j", "j", "e")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause(0.6)
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert snap_compare(app_for(tmp_path / "s.jsonl", Wall()), terminal_size=SIZE, run_before=run_before)


def test_replay_viewer(snap_compare, tmp_path, mini_pack):
    log = tmp_path / "done.jsonl"
    run_headless(mini_pack, 3, "late", log)

    async def run_before(pilot):
        await pilot.press("shift+right", "shift+right", "shift+right", "1")
        await pilot.pause(0.2)

    assert snap_compare(make_app(replay=log), terminal_size=SIZE, run_before=run_before)


def test_high_contrast_role_console(snap_compare, tmp_path):
    async def run_before(pilot):
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()

    app = app_for(tmp_path / "h.jsonl", Wall(), high_contrast=True)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
