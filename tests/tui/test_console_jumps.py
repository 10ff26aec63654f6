"""Facilitator jumps: to a minute or a module's start, stopping a minute before the next
deadline unless told to go through; the next-inject jump says what it skipped."""

from __future__ import annotations

from textual.widgets import Checkbox, Input

from simulator.console.jumps import parse_target
from tui.screens.exercise import ExerciseScreen
from tui.screens.jump_dialog import JumpDialog

from .conftest import app_for, events_of


def commands(log, kind: str) -> list[dict]:
    import json

    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    return [c for c in lines if c.get("kind") == "command" and c.get("type") == kind]


async def _started(app, pilot) -> ExerciseScreen:
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, ExerciseScreen)
    return app.screen


async def test_a_jump_to_a_minute_stops_before_the_next_deadline(tmp_path, wall):
    app = app_for(tmp_path / "j.jsonl", wall)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _started(app, pilot)
        screen.control.session.advance_to(0.5)  # the clock has run: I1 is in, the chief must convene by 10
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, JumpDialog)
        await pilot.press(*"30", "enter")
        await pilot.pause()
        [jump] = commands(tmp_path / "j.jsonl", "jump_to")  # logged as asked
        [jumped] = events_of(app, "clock_jumped")
        assert (jump["to"], jump["through_deadlines"]) == (30, False)
        assert jumped.held_by == "step:P1" and screen.control.session.now == jumped.to == 9
        assert not events_of(app, "deadline_passed")
        await pilot.press("ctrl+q")


async def test_a_jump_through_deadlines_to_a_module(tmp_path, wall):
    app = app_for(tmp_path / "m.jsonl", wall)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _started(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one(Checkbox).value = True
        dialog.query_one("#jump-modules").focus()
        await pilot.press("enter")  # the only module ahead: Later, at minute 60
        await pilot.pause()
        [jump] = commands(tmp_path / "m.jsonl", "jump_to")
        assert (jump["module"], jump["to"], jump["through_deadlines"]) == ("M2", 60, True)
        assert screen.control.session.now >= 60 and screen.view.module == "Later"
        assert events_of(app, "deadline_passed")  # went through them, as told
        await pilot.press("ctrl+q")


async def test_the_next_inject_jump_says_what_it_skipped(tmp_path, wall, monkeypatch):
    app = app_for(tmp_path / "n.jsonl", wall)
    said = []
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _started(app, pilot)
        monkeypatch.setattr(screen, "notify", lambda text, **kw: said.append(text))
        await pilot.press("j", "j")  # to I2 at 20 (P1 missed on the way), then to I6 at 40 (the vigil lapses)
        await pilot.pause()
        assert "Vigil request" in said[0] and "Convene the team" in said[0]
        assert "Lapsed on the way" in said[1] and "Vigil request" in said[1] and "Rumour" in said[1]
        await pilot.press("ctrl+q")


def test_typed_targets(mini_pack):
    from simulator.console.display import ExerciseView

    view = ExerciseView(mini_pack)
    assert parse_target(view, "45", 10) == 45 and parse_target(view, "+15", 10) == 25
    assert parse_target(view, view.clock(30), 10) == 30  # a story time
    assert parse_target(view, "5", 10) is None and parse_target(view, "soon", 10) is None
    assert parse_target(view, "9999", 10) is None  # past the end
