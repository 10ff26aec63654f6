"""The end of a solo run: the player's coached feedback, and a key that re-runs its most important
moment as a what-if branch in the player's seat."""

from __future__ import annotations

from rich.console import Console
from textual.widgets import Static

from tui.screens.coaching import CoachingScreen
from tui.screens.exercise import ExerciseScreen
from tui.screens.scorecard import ScorecardScreen

from .conftest import app_for, events_of


async def _close_briefing(pilot, app) -> None:
    """A solo seat reads its briefing before the clock starts (tui/screens/briefing.py): close it."""
    from tui.screens.briefing import BriefingScreen

    if isinstance(app.screen, BriefingScreen):
        await pilot.press("escape")
        await pilot.pause()


async def _to_feedback(pilot, app, wall) -> CoachingScreen:
    await pilot.press("ctrl+s")
    await pilot.pause()
    await _close_briefing(pilot, app)
    await pilot.press("space")
    wall.t += 120  # 240 exercise minutes at 120x: the clock runs out with the chief doing nothing
    await pilot.pause(0.9)
    assert events_of(app, "exercise_ended")
    await pilot.press("ctrl+s")  # the hot wash, unanswered
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CoachingScreen)
    return screen


async def test_a_solo_run_ends_on_the_players_feedback_and_branches_from_its_moment(tmp_path, wall):
    log = tmp_path / "solo.jsonl"
    app = app_for(log, wall, mode="solo", solo_role="chief", speed=120.0)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await _to_feedback(pilot, app, wall)
        fb = screen.feedback
        assert fb.role == "chief" and fb.practise and fb.moment is not None
        console = Console(record=True, width=100)
        console.print(screen.query_one("#coaching-text", Static).content)
        shown = console.export_text()
        assert "Three things to practise next" in shown and fb.practise[0].title in shown
        assert "press w" in shown
        await pilot.press("w")
        await pilot.pause(0.5)
        await _close_briefing(pilot, app)
        assert isinstance(app.screen, ExerciseScreen)
        branch = app.control.session
        assert branch.header.branched_from == f"{log.name}@{fb.moment.minute:g}"
        assert branch.header.seats["chief"].kind == "human"
        assert branch.now == fb.moment.minute
        await pilot.press("ctrl+q")


async def test_the_team_scorecard_is_one_key_away(tmp_path, wall):
    app = app_for(tmp_path / "solo2.jsonl", wall, mode="solo", solo_role="chief", speed=120.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_feedback(pilot, app, wall)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        await pilot.press("ctrl+q")


async def test_a_replayed_moment_ends_on_feedback_that_compares_with_the_first_run(tmp_path, wall):
    from tui.screens.compare import CompareScreen

    log = tmp_path / "solo3.jsonl"
    app = app_for(log, wall, mode="solo", solo_role="chief", speed=120.0)
    async with app.run_test(size=(100, 32)) as pilot:
        first = await _to_feedback(pilot, app, wall)
        assert not first.check_action("compare", ())  # the first run is no branch
        await pilot.press("w")
        await pilot.pause(0.5)
        await _close_briefing(pilot, app)
        await pilot.press("space")
        wall.t += 240
        await pilot.pause(0.9)
        await pilot.press("ctrl+s")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, CoachingScreen) and again.log_file != log
        await pilot.press("c")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.comparison.original.log == log.name
        await pilot.press("ctrl+q")
