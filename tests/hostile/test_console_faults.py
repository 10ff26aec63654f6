"""The consoles on a full disk and on a log another process holds (issues 9 and 10).

The attack: the disk fills during an exercise; the consoles showed a traceback. They must say
plainly which file and why, pause the clock and send nothing more, keep working otherwise, and
go on once there is room. A log another process writes is refused with its holder named.
"""

from __future__ import annotations

import errno
import os

import pytest
from textual.widgets import Input

from simulator.engine.seats import all_staff
from simulator.loading.pack import load_pack
from simulator.log import read_log
from simulator.replay import verify
from simulator.session import Session
from tui.app import make_app
from tui.config import RunConfig
from tui.screens.exercise import ExerciseScreen
from tui.screens.hotwash import HotWashScreen
from tui.screens.scorecard import ScorecardScreen
from tui.screens.setup import SetupScreen

from ..tui.conftest import MINI, Wall, app_for, back_to_facilitator, events_of
from .conftest import Disk


@pytest.fixture
def wall() -> Wall:
    return Wall()


def notes_of(app, monkeypatch) -> list[tuple[str, dict]]:
    """Every notification the app shows, kept for the test to read."""
    shown: list[tuple[str, dict]] = []
    monkeypatch.setattr(app, "notify", lambda message, **kw: shown.append((str(message), kw)))
    return shown


def log_faults(shown) -> list[str]:
    return [m for m, kw in shown if kw.get("title") == "The exercise log cannot be written"]


def commands(log) -> list[str]:
    return [ln.data["type"] for ln in read_log(log).lines if ln.data["kind"] == "command"]


async def test_a_full_disk_pauses_the_console_says_why_and_goes_on_once_there_is_room(tmp_path, wall, monkeypatch):
    log = tmp_path / "ex.jsonl"
    app = app_for(log, wall)
    shown = notes_of(app, monkeypatch)
    disk = Disk(monkeypatch, log)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        await pilot.press("space")  # the clock runs
        assert not app.control.paused
        before = log.read_bytes()

        disk.full(room=11)
        await pilot.press("space")  # a pause command the disk refuses halfway
        await pilot.pause()
        [fault] = log_faults(shown)
        assert str(log) in fault and os.strerror(errno.ENOSPC) in fault
        assert app.control.paused and app.control.fault is not None  # stopped: nothing more is sent
        assert log.read_bytes() == before  # the torn line was cut back

        await pilot.press("o")  # an observer note: refused the same way, never said to be logged
        await pilot.pause()
        await pilot.press(*"Chief hesitated", "enter")
        await pilot.pause()
        assert len(log_faults(shown)) == 2 and not any(m == "Note logged" for m, _ in shown)
        assert not events_of(app, "observer_noted")
        await pilot.press("1")  # the rest of the app keeps working
        assert screen.current == "chief"
        await back_to_facilitator(pilot, screen)

        disk.freed()
        await pilot.press("space")  # room again: the clock goes on, the command is logged
        await pilot.pause()
        assert not app.control.paused and app.control.fault is None
        assert commands(log)[-1] == "resume"
        await pilot.press("ctrl+q")
    verify(log)


async def test_a_full_disk_while_the_clock_runs_pauses_it(tmp_path, wall, monkeypatch):
    log = tmp_path / "ex.jsonl"
    app = app_for(log, wall)
    shown = notes_of(app, monkeypatch)
    disk = Disk(monkeypatch, log)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        await pilot.press("space")
        disk.full()
        wall.t += 20 * 60  # twenty exercise minutes: injects fall due, the disk refuses their events
        screen._tick()
        await pilot.pause()
        assert log_faults(shown) and app.control.paused
        now = app.control.session.now
        wall.t += 20 * 60
        screen._tick()  # paused: nothing runs ahead of the log
        assert app.control.session.now == now
        disk.freed()
        await pilot.press("space")
        await pilot.pause()
        assert not app.control.paused
        await pilot.press("ctrl+q")
    assert read_log(log).error is None
    verify(log)


async def test_a_hot_wash_save_the_disk_refuses_stays_and_saves_once_later(tmp_path, wall, monkeypatch):
    log = tmp_path / "ex.jsonl"
    app = app_for(log, wall)
    shown = notes_of(app, monkeypatch)
    disk = Disk(monkeypatch, log)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.control.end()
        app.screen._to_hot_wash()
        await pilot.pause()
        assert isinstance(app.screen, HotWashScreen)
        app.screen.query_one("#q0", Input).value = "We convened quickly."
        app.screen.query_one("#q1", Input).value = "Plan the vigil earlier."
        disk.events_refused = True  # the first answer is logged, its events and the second answer are not
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HotWashScreen) and log_faults(shown)
        disk.freed()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        await pilot.press("ctrl+q")
    assert commands(log).count("hot_wash_answer") == 2  # each answer once
    verify(log)


async def test_a_log_another_writer_holds_is_refused_on_the_setup_screen(tmp_path, wall, monkeypatch):
    log = tmp_path / "held.jsonl"
    pack = load_pack(MINI)
    holder = Session.start(pack, 1, all_staff(pack.scenario.roles, "plan", 1.0), log)
    try:
        app = app_for(log, wall)
        shown = notes_of(app, monkeypatch)
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, SetupScreen)  # still there, no traceback
            assert any(f"pid {os.getpid()}" in m for m, kw in shown if kw.get("title") == "Cannot write the log")
            await pilot.press("ctrl+q")
        resumed = make_app(RunConfig(resume=log), wall=wall)
        shown = notes_of(resumed, monkeypatch)
        async with resumed.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            assert isinstance(resumed.screen, SetupScreen)
            assert any(f"pid {os.getpid()}" in m for m, kw in shown if kw.get("title") == "Cannot resume this log")
            await pilot.press("ctrl+q")
    finally:
        holder.close()
