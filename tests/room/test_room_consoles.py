"""The consoles in room mode: a joined role's console fed by a host in the same loop, the
observer's read-only view, and hot-seat role consoles that cannot reach the facilitator's."""

from __future__ import annotations

import asyncio

import pytest

from simulator.console.clock_driver import ExerciseControl
from simulator.engine.seats import Seat
from simulator.loading.pack import load_pack
from simulator.room.codes import JoinCodes
from simulator.session import Session
from tui.room.join_app import JoinApp
from tui.room.screens import RoomExerciseScreen
from tui.room.server import RoomServer
from textual.widgets import TextArea

from tui.screens.briefing import BriefingScreen
from tui.screens.composer import ComposerDialog
from tui.screens.dialogs import CodeDialog
from tui.screens.exercise import ExerciseScreen

from ..tui.conftest import MINI, Wall, _no_cursor_blink, app_for, events_of  # noqa: F401  (fixtures)


@pytest.fixture
async def served(tmp_path):
    pack = load_pack(MINI)
    session = Session.start(pack, 1, {"chief": Seat(), "press": Seat()}, tmp_path / "room.jsonl")
    control = ExerciseControl(session)
    warnings: list[str] = []
    server = RoomServer(control, JoinCodes.generate(["chief", "press"]), warnings.append)
    await server.start()
    yield server, control
    await server.stop()
    session.close()


async def settle(pilot, until, tries=60):
    for _ in range(tries):
        await pilot.pause(0.05)
        await asyncio.sleep(0.05)
        if until():
            return
    raise AssertionError("the console did not get there")


async def past_the_briefing(pilot, app) -> None:
    """A joined seat reads its briefing first, before the clock starts, as a solo player does."""
    await settle(pilot, lambda: isinstance(app.screen, BriefingScreen))
    await pilot.press("escape")
    await settle(pilot, lambda: isinstance(app.screen, RoomExerciseScreen))


async def test_a_joined_role_gets_its_console_and_no_clock(served):
    server, control = served
    app = JoinApp(server.address, server.room.codes.codes["chief"])
    async with app.run_test(size=(110, 32)) as pilot:
        await past_the_briefing(pilot, app)
        screen = app.screen
        assert screen.humans == ["chief"] and screen.current == "chief"
        control.jump_to_next()  # the facilitator delivers the first inject on the host
        await settle(pilot, lambda: screen.console("chief").inbox.items)
        await pilot.press("space", "e", "0")  # the facilitator's keys do nothing here
        await pilot.pause()
        assert control.paused and not control.ended and screen.current == "chief"
        assert not isinstance(app.screen, CodeDialog)
        before = len(control.session.events)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")  # the first action of the catalogue
        await settle(pilot, lambda: any(e.type == "action_taken" for e in control.session.events[before:]))
        taken = [e for e in control.session.events if e.type == "action_taken"]
        assert taken[-1].by == "chief"


async def test_a_joined_observer_reads_everything_and_changes_nothing(served):
    server, control = served
    app = JoinApp(server.address, server.room.codes.codes["observer"])
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RoomExerciseScreen))
        screen = app.screen
        control.jump_to_next()
        await settle(pilot, lambda: screen.view.delivered)
        n = len(control.session.events)
        await pilot.press("space", "j", "x", "o", "e", "1", "a")
        await pilot.pause(0.3)
        assert control.paused and len(control.session.events) == n and screen.current == "facilitator"
        assert not screen.pack.scenario.injects[0].facilitator_notes  # no notes reached it


async def test_a_joined_role_checks_its_draft_live_against_the_exercise_it_is_fed(served):
    """The composer's live check on a joined console judges the draft by what the seat's feed
    tells of the exercise (it had no exercise record at all, and the check raised)."""
    server, _control = served
    app = JoinApp(server.address, server.room.codes.codes["press"])
    async with app.run_test(size=(110, 32)) as pilot:
        await past_the_briefing(pilot, app)
        await pilot.press("s")
        await settle(pilot, lambda: isinstance(app.screen, ComposerDialog))
        app.screen.query_one(TextArea).insert("Please stay calm; the rumour is false.")
        await settle(pilot, lambda: app.screen.last_check is not None)
        assert "calm" in [v.rule for v in app.screen.last_check.covers]


async def test_a_wrong_code_is_said_on_the_code_screen(served):
    server, _control = served
    app = JoinApp(server.address)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"WRONGCODE", "enter")
        await settle(pilot, lambda: "code" in str(app.screen.query_one("#code-problem").render()).lower()
                     and "joining" not in str(app.screen.query_one("#code-problem").render()))
        await pilot.press(*server.room.codes.codes["press"], "enter")
        await settle(pilot, lambda: any(isinstance(s, RoomExerciseScreen) for s in app.screen_stack))
        [screen] = [s for s in app.screen_stack if isinstance(s, RoomExerciseScreen)]
        assert screen.seat == "press"


async def test_hot_seat_role_consoles_cannot_reach_the_facilitators_notes_or_controls(tmp_path):
    wall = Wall()
    app = app_for(tmp_path / "ex.jsonl", wall)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        await pilot.press("1")
        assert screen.current != "facilitator"
        await pilot.press("e", "space", "j")
        await pilot.pause()
        assert not events_of(app, "exercise_ended") and not events_of(app, "clock_resumed")
        await pilot.press("0")
        await pilot.pause()
        assert isinstance(app.screen, CodeDialog)
        await pilot.press(*"NOPE", "enter")
        await pilot.pause()
        assert screen.current != "facilitator"
        await pilot.press("0")
        await pilot.pause()
        await pilot.press(*screen.facilitator_code, "enter")
        await pilot.pause()
        assert screen.current == "facilitator"
