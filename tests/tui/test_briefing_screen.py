"""The briefing screen: before the clock starts in solo play, then one key (b) away."""

from __future__ import annotations

from tui.screens.briefing import BriefingScreen
from tui.screens.exercise import ExerciseScreen

from .conftest import app_for


def _text(app) -> str:
    return str(app.screen.query_one("#briefing-text").render())


async def test_solo_play_opens_on_the_briefing_and_b_brings_it_back(tmp_path, wall):
    app = app_for(tmp_path / "solo.jsonl", wall, mode="solo", solo_role="chief", speed=60.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen) and app.screen.role == "chief"
        text = _text(app)
        assert "your briefing" in text and "Chain of command" in text and "What you can authorise" in text
        assert app.control.paused and app.control.session.now == 0  # the clock waits for the reader
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        await pilot.press("space")  # the clock runs; the briefing is still one key away
        wall.t += 5
        await pilot.pause(0.4)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen) and not app.screen.before_start
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        await pilot.press("ctrl+q")


async def test_the_facilitator_console_has_no_briefing_and_role_consoles_do(tmp_path, wall):
    app = app_for(tmp_path / "fac.jsonl", wall)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen) and app.screen.current == "facilitator"
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)  # nothing to brief at the facilitator's desk
        await pilot.press("2")  # the press officer's console
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen) and app.screen.role == "press"
        await pilot.press("escape")
        await pilot.press("ctrl+q")


async def test_the_succession_mayor_is_told_she_is_in_the_air(tmp_path, wall):
    from tests.conftest import ROOT

    app = app_for(tmp_path / "air.jsonl", wall, scenario=ROOT / "scenarios" / "wendholm-threats-succession" / "scenario.yaml",
                  mode="solo", solo_role="mayor", speed=60.0)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "until 11:10" in _text(app) and "minute 150" not in _text(app)
        await pilot.press("escape", "space")
        wall.t += 1
        await pilot.pause(0.4)
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        bar = str(screen.query_one("#clockbar").render())
        assert "unreachable until 11:10" in bar
        head = str(screen.console("mayor").head.render())
        assert "unreachable until 11:10" in head and "0 unread" in head
        assert "Deputy mayor" in str(screen.console("mayor").detail.render())
        await pilot.press("a")  # try to act anyway
        await pilot.pause()
        await pilot.press(*"crisis team")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert any(e.type == "command_rejected" for e in app.control.session.events)
        assert screen.view.rejected[-1].startswith("Mayor: cannot take that action. You cannot be reached")
        await pilot.press("ctrl+q")
