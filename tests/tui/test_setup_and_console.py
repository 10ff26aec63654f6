"""The setup screen without a scenario (picker, solo mode, seed, log), the live scorecard on the
facilitator console, the command palette, the high-contrast theme and resizing."""

from __future__ import annotations

import re

from textual.widgets import Input, OptionList, RadioButton, Select

from tui.app import make_app
from tui.config import RunConfig
from tui.screens.exercise import ExerciseScreen
from tui.screens.setup import SetupScreen
from tui.theme import HIGH_CONTRAST

from .conftest import app_for, events_of


async def test_setup_picks_a_shipped_scenario_and_starts_solo(tmp_path, wall, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the default log name lands in the current folder
    app = make_app(RunConfig(), wall=wall)
    async with app.run_test(size=(80, 24)) as pilot:
        setup = app.screen
        assert isinstance(setup, SetupScreen)
        picker = setup.query_one("#scenarios", OptionList)
        assert picker.option_count >= 1 and app.focused is picker
        await pilot.press("enter")  # pick the highlighted scenario
        summary = str(setup.query_one("#summary").render())
        assert setup.scenario.title in summary and setup.scenario.city.name in summary
        setup.query_one("#solo", RadioButton).value = True
        await pilot.pause()
        assert setup.query_one("#solo-box").display and not setup.query_one("#seats-box").display
        setup.query_one("#solo-role", Select).value = "mayor"
        setup.query_one("#seed", Input).value = "7"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")  # the mayor's briefing, shown before the clock starts
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen) and screen.solo and screen.current == "mayor"
        header = app.control.session.header
        assert header.seed == 7 and header.seats["mayor"].kind == "human"
        assert all(s.kind == "staff" and s.competence == 0.85 for r, s in header.seats.items() if r != "mayor")
        assert app.log_path.parent == tmp_path or app.log_path.resolve().parent == tmp_path.resolve()
        await pilot.press("ctrl+q")
    assert app.log_path.exists()


async def test_setup_refuses_a_log_that_exists(tmp_path, wall):
    taken = tmp_path / "taken.jsonl"
    taken.write_text("{}\n")
    app = app_for(taken, wall)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen) and app.control is None  # still there, nothing started
        assert taken.read_text() == "{}\n"


async def test_live_scorecard_palette_theme_and_resize(tmp_path, wall):
    app = app_for(tmp_path / "live.jsonl", wall)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("j", "j")
        await pilot.pause()
        screen = app.screen
        for _ in range(5):  # Next, Roles, State, Plan, Log, then Score
            await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.facilitator.tabs.active == "fac-score"
        score = str(screen.facilitator.text("score").render())
        assert re.search(r"\(live, \d\d:\d\d;", score) and "minute" not in score and "Objectives" in score

        # The command palette offers the exercise's own commands.
        commands = [c.title for c in app.get_system_commands(screen)]
        assert "Run or pause the clock" in commands and "Console: Chief" in commands and "High-contrast theme" in commands

        await pilot.press("f2")
        assert app.theme == HIGH_CONTRAST.name
        await pilot.press("f2")
        assert app.theme != HIGH_CONTRAST.name

        # Resizing keeps everything working: smaller than 80x24 and back, then a key still acts.
        await pilot.resize_terminal(60, 18)
        await pilot.pause()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.press("space")
        assert events_of(app, "clock_resumed")
        await pilot.press("ctrl+q")
