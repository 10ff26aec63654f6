"""Replay review: playback up to 64×, stepping from event to event, and a what-if set beside its original."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from simulator.cli import main
from tui.app import make_app
from tui.screens.compare import CompareScreen, original_of
from tui.screens.replay import ReplayScreen

from ..conftest import ROOT

FLAGSHIP = ROOT / "scenarios" / "caldmere-vaisakhi-attack"


@pytest.fixture(scope="module")
def pair(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("review")
    original, branch = folder / "run.jsonl", folder / "run-whatif.jsonl"
    assert CliRunner().invoke(main, ["simulate", str(FLAGSHIP), "--log", str(original)]).exit_code == 0
    r = CliRunner().invoke(main, ["branch", str(original), "--at", "20", "-o", str(branch), "--seat",
                                  "communications=idle", "--play-out"])
    assert r.exit_code == 0, r.output
    return original, branch


async def test_playback_goes_up_to_64x(pair):
    app = make_app(replay=pair[0])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        await pilot.press(*["plus"] * 8)
        await pilot.pause()
        assert screen.speed == 64
        screen._advance()  # one quarter-second tick of playback at 64x
        assert screen.minute == pytest.approx(64 * 0.25 / 60)
        await pilot.press("minus")
        await pilot.pause()
        assert screen.speed == 32
        await pilot.press("ctrl+q")


async def test_next_event_steps_through_what_happened(pair):
    app = make_app(replay=pair[0])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        events = screen.events
        assert events and all(ln.data["type"] != "state_changed" for ln in events)
        # at minute 0 the view already shows everything of minute 0: stepping starts after its last line
        shown = max(ln.number for ln in screen.lines if ln.data["t"] <= 0)
        ahead = [ln.number for ln in events if ln.number > shown]
        seen = []
        for _ in range(4):
            await pilot.press("n")
            await pilot.pause(0.15)
            seen.append(screen._focus_line)
        assert seen == ahead[:4]
        assert screen.minute == next(ln.data["t"] for ln in events if ln.number == seen[-1])
        await pilot.press("p")
        await pilot.pause(0.15)
        assert screen._focus_line == seen[-2]
        await pilot.press("ctrl+q")


async def test_a_branch_is_compared_side_by_side_from_the_replay(pair):
    original, branch = pair
    assert original_of(branch) == original and original_of(original) is None
    app = make_app(replay=branch)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await pilot.pause(0.5)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        c = screen.comparison
        assert c.branched_at == 20 and c.changes
        left = str(screen.query_one("#compare-left").content)
        right = str(screen.query_one("#compare-right").content)
        assert "run.jsonl" in left and "run-whatif.jsonl" in right
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        await pilot.press("ctrl+q")


async def test_compare_is_not_offered_for_a_log_that_is_no_branch(pair):
    app = make_app(replay=pair[0])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        await pilot.press("ctrl+q")


async def test_the_branchs_scorecard_opens_the_comparison(pair):
    from simulator.loading.pack import load_pack
    from tui.screens.scorecard import ScorecardScreen

    app = make_app(replay=pair[1])
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ScorecardScreen(load_pack(FLAGSHIP), pair[1]))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("ctrl+q")
