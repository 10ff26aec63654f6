"""Hot-seat number keys stay with their role when another seat changes hands."""

from __future__ import annotations

from simulator.engine import commands as C
from simulator.engine.seats import Seat
from tui.widgets.clock_bar import ClockBar

from .conftest import app_for, back_to_facilitator, started


async def test_key_numbers_stay_fixed_when_a_seat_goes_to_staff(tmp_path, wall):
    app = app_for(tmp_path / "s.jsonl", wall)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("2")
        assert screen.current == "press"
        await back_to_facilitator(pilot, screen)
        screen.send(C.TakeSeat(by="facilitator", role="chief", seat=Seat(kind="staff", policy="plan")))
        await pilot.pause()
        assert screen.humans == ["press"]
        await pilot.press("1")  # the chief's key: no console now, nothing happens
        await pilot.pause()
        assert screen.current == "facilitator"
        await pilot.press("2")  # the press officer keeps key 2
        await pilot.pause()
        assert screen.current == "press"
        assert "roles 2" in str(screen.query_one(ClockBar).render())
        await pilot.press("ctrl+q")


async def test_enter_on_a_checklist_row_shows_the_whole_step(tmp_path, wall, monkeypatch):
    from tui.widgets.checklist import Checklist

    app = app_for(tmp_path / "c.jsonl", wall)
    said = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        await pilot.press("1", "k")
        await pilot.pause()
        checklist = screen.console("chief").query_one(Checklist)
        monkeypatch.setattr(checklist, "notify", lambda text, **kw: said.append(text))
        await pilot.press("enter")
        await pilot.pause()
        assert said and "Convene the team" in said[0]
        await pilot.press("ctrl+q")


async def test_the_facilitators_code_is_asked_afresh_each_time(tmp_path, wall):
    """The code's dialog is kept between hand-overs: what was typed last time is gone, a wrong code
    leaves the role console shown, the right one hands the screen to the facilitator."""
    from textual.widgets import Input

    from tui.screens.dialogs import CodeDialog

    app = app_for(tmp_path / "c.jsonl", wall)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("1", "0")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CodeDialog)
        await pilot.press(*"NO", "escape")
        await pilot.pause()
        assert screen.current == "chief"
        await pilot.press("0")
        await pilot.pause()
        assert app.screen is dialog and dialog.query_one("#code", Input).value == ""
        await pilot.press(*"WRONG", "enter")
        await pilot.pause()
        assert app.screen is screen and screen.current == "chief"
        await back_to_facilitator(pilot, screen)
        assert app.screen is screen and screen.current == "facilitator"
        assert screen.facilitator.timeline.has_focus  # the facilitator's keys reach the facilitator's console
        await pilot.press("ctrl+q")
