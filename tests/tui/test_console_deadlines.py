"""Deadlines a player can see coming: the decision dialog counts down live, a banner shows when
five minutes or less are left, and a lapsed decision says so in the inbox and in an open dialog."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from tui.screens.exercise import ExerciseScreen
from tui.screens.waiting_dialogs import DecisionDialog
from tui.widgets.deadline_banner import DeadlineBanner

from .conftest import app_for, back_to_facilitator


async def test_countdown_banner_and_lapse(tmp_path, wall):
    # 60x: one wall second is one exercise minute. I2 (a decision due 15 minutes after it) comes at 20.
    app = app_for(tmp_path / "d.jsonl", wall, speed=60.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        await pilot.press("j")  # I2 at minute 20: the chief's decision is open until 35
        await pilot.pause()
        await pilot.press("1", "d", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DecisionDialog)
        countdown = dialog.query_one(".countdown", Static)
        first = str(countdown.render())
        assert "15 min left" in first
        banner = screen.query_one(DeadlineBanner)
        assert not banner.display
        await pilot.press("escape")
        await back_to_facilitator(pilot, screen)  # hot-seat: only the facilitator runs the clock
        await pilot.press("space")  # run the clock
        await pilot.press("1")  # back to the chief's console
        await pilot.pause()
        wall.t += 11  # minute ~31: four minutes left
        screen._tick()
        await pilot.pause()
        assert banner.display and "to decide" in str(banner.render()) and "Hold the vigil?" in str(banner.render())
        await pilot.press("d", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DecisionDialog)
        screen._tick()
        assert "left" in str(dialog.query_one(".countdown", Static).render())
        assert str(dialog.query_one(".countdown", Static).render()) != first  # it moved
        wall.t += 5  # past minute 35: the decision lapses with the dialog open
        screen._tick()
        await pilot.pause()
        screen._tick()
        await pilot.pause()
        assert dialog.settled and dialog.query_one(OptionList).disabled
        assert "no longer open" in str(dialog.query_one(".countdown", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert not banner.display
        lapsed = [i for i in screen.view.inbox["chief"] if i.kind == "lapsed"]
        assert lapsed and "Vigil request" in lapsed[0].title and "Wait" in lapsed[0].body
        await pilot.press("ctrl+q")
