"""What-if branches from the replay viewer, seats handed over mid-exercise, and the report export."""

from __future__ import annotations

from simulator.engine.seats import Seat
from simulator.log import read_log
from simulator.replay import verify
from tui.app import make_app
from tui.screens.exercise import ExerciseScreen
from tui.screens.replay import ReplayScreen
from tui.screens.scorecard import ScorecardScreen

from ..conftest import run_headless
from .conftest import app_for, end_to_scorecard, events_of


async def test_a_what_if_branch_from_the_replay_viewer(tmp_path, mini_pack):
    log = tmp_path / "done.jsonl"
    run_headless(mini_pack, 3, "late", log)
    app = make_app(replay=log)
    async with app.run_test(size=(100, 32)) as pilot:
        assert isinstance(app.screen, ReplayScreen)
        await pilot.press("shift+right", "shift+right", "shift+right")  # minute 30
        await pilot.pause(0.2)
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("down", "enter")  # "I take over Chief"
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen) and screen.humans == ["chief"] and screen.solo
        session = app.control.session
        assert session.header.branched_from == "done.jsonl@30" and session.now >= 30
        assert [e.role for e in session.events if e.type == "seat_taken"] == ["chief"]
        branch = app.log_path
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"convene", "enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
    result = verify(branch)  # history kept byte for byte, then the new command
    assert any(e.type == "action_taken" and e.by == "chief" and not e.staff for e in result.events)
    original = [ln.raw for ln in read_log(log).lines if ln.data["t"] <= 30]
    assert [ln.raw for ln in read_log(branch).lines][: len(original)] == original


async def test_the_facilitator_hands_a_staff_seat_to_a_person(tmp_path, wall):
    app = app_for(tmp_path / "seats.jsonl", wall, seats={"press": Seat(kind="staff")})
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert screen.humans == ["chief"]
        await pilot.press("j")  # the vigil decision: both seats have had injects by now
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("down", "enter")  # the press officer's seat
        await pilot.pause()
        await pilot.press("enter")  # to a person
        await pilot.pause()
        [taken] = events_of(app, "seat_taken")
        assert (taken.role, taken.seat) == ("press", "human")
        assert screen.humans == ["chief", "press"]
        await pilot.press("2")
        await pilot.pause()
        assert screen.current == "press", (screen.current, app.screen_stack, app.focused)
        assert screen.console("press").inbox.items  # the inbox so far is there
        await pilot.press("ctrl+q")


async def test_the_scorecard_exports_the_after_action_report(tmp_path, wall):
    log = tmp_path / "aar.jsonl"
    app = app_for(log, wall)
    async with app.run_test(size=(100, 32)) as pilot:
        await end_to_scorecard(pilot)
        assert isinstance(app.screen, ScorecardScreen)
        await pilot.press("x")
        await pilot.pause()
        report = tmp_path / "aar.aar.html"
        assert report.exists() and "<html" in report.read_text().lower()
        await pilot.press("x")
        await pilot.pause()
        assert (tmp_path / "aar.aar-2.html").exists()  # a second export never overwrites the first
        await pilot.press("ctrl+q")
