"""The start screen says plainly when the exercise log cannot be written where it was asked for,
instead of a LogError traceback that ended the program."""

from __future__ import annotations

from textual.widgets import Input

from tui.screens.setup import SetupScreen

from ..tui.conftest import Wall, app_for


async def _start_with_log(log, tmp_path):
    app = app_for(log, Wall())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        still_setup = isinstance(app.screen, SetupScreen)
        focused = app.focused
        await pilot.press("ctrl+q")
    return app, shown, still_setup, focused


async def test_a_log_in_a_missing_folder_is_said_on_the_start_screen(tmp_path):
    log = tmp_path / "no-such-folder" / "run.jsonl"
    app, shown, still_setup, focused = await _start_with_log(log, tmp_path)
    assert still_setup and app.control is None  # nothing started, nothing crashed
    assert any("does not exist" in m and "no-such-folder" in m for m in shown), shown
    assert isinstance(focused, Input) and focused.id == "log"  # ready to be corrected
    assert not (tmp_path / "no-such-folder").exists()


async def test_a_log_that_is_a_folder_is_said_on_the_start_screen(tmp_path):
    app, shown, still_setup, _focused = await _start_with_log(tmp_path, tmp_path)
    assert still_setup and app.control is None
    assert any("is a folder" in m for m in shown), shown
