"""A log that does not verify never puts a traceback on a console screen."""

from __future__ import annotations

import json

from tui.app import make_app
from tui.screens.replay import ReplayScreen
from tui.screens.scorecard import ScorecardScreen

from .conftest import app_for, end_to_scorecard


def _tamper(log) -> int:
    """Change the last event on disk (a consistent hand edit: valid JSON); return its line number."""
    lines = log.read_text().splitlines()
    number = max(n for n, line in enumerate(lines, 1) if json.loads(line)["kind"] == "event")
    data = json.loads(lines[number - 1])
    data["edited"] = "afterwards"
    lines[number - 1] = json.dumps(data, separators=(",", ":"))
    log.write_text("\n".join(lines) + "\n")
    return number


async def test_replay_from_the_scorecard_of_an_edited_log_says_which_line(tmp_path, wall):
    log = tmp_path / "x.jsonl"
    app = app_for(log, wall)
    async with app.run_test(size=(100, 32)) as pilot:
        await end_to_scorecard(pilot)
        assert isinstance(app.screen, ScorecardScreen)
        line = _tamper(log)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)  # still there, still working
        messages = [n.message for n in app._notifications]
        assert any(f":{line}:" in m and "cannot be replayed" in m for m in messages), messages
        await pilot.press("x")  # the rest of the screen keeps working: export refuses plainly too
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        assert not list(tmp_path.glob("*.html"))
        await pilot.press("ctrl+q")


async def test_the_replay_viewer_on_an_edited_log_exits_with_a_message(tmp_path, mini_pack):
    from simulator.engine.seats import all_staff
    from simulator.session import Session

    log = tmp_path / "y.jsonl"
    session = Session.start(mini_pack, 1, all_staff(mini_pack.scenario.roles, "plan"), log)
    session.run_to_end()
    session.close()
    _tamper(log)
    app = make_app(replay=log)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, ReplayScreen)
    assert app.return_code == 1
