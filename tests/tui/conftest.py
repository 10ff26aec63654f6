"""Helpers for the console tests: a frozen wall clock, the mini pack's path, and app builders."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import make_app
from tui.config import RunConfig

from ..conftest import FIXTURES

MINI = FIXTURES / "mini" / "scenario.yaml"


class Wall:
    """A wall clock that only moves when a test moves it (seconds)."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def wall() -> Wall:
    return Wall()


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch):
    """A blinking cursor makes screens differ from one frame to the next."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None, raising=False)
    monkeypatch.setattr(TextArea, "_toggle_cursor", lambda self: None, raising=False)


def app_for(log: Path, wall: Wall, **config):
    config.setdefault("scenario", MINI)
    return make_app(RunConfig(log=log, **config), wall=wall)


def events_of(app, kind: str) -> list:
    return [e for e in app.control.session.events if e.type == kind]


async def started(pilot):
    """From the setup screen: start the exercise and return its screen (the facilitator's console)."""
    from tui.screens.exercise import ExerciseScreen

    await pilot.press("ctrl+s")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ExerciseScreen)
    return screen


async def back_to_facilitator(pilot, screen) -> None:
    """Hot-seat: from a role console to the facilitator's, which asks for the facilitator's code."""
    await pilot.press("0")
    await pilot.pause()
    await pilot.press(*screen.facilitator_code, "enter")
    await pilot.pause()


async def end_to_scorecard(pilot) -> None:
    """From the setup screen: start, end the exercise at once, skip the hot wash, open the scorecard."""
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    await pilot.press("down", "enter")
    await pilot.pause(0.6)
    await pilot.press("ctrl+s")
    await pilot.pause()
