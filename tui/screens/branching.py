"""What-if branches from the replay viewer: a new log holding the original's history up to the
moment shown (it verifies like any log), with one seat handed to the person at the keyboard if
they want, then continued live in the consoles (`simulator.branch.branch_log`)."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

from .dialogs import ChoiceDialog


def branching_available() -> bool:
    return importlib.util.find_spec("simulator.branch") is not None


def branch_path(source: Path, minute: float) -> Path:
    stamp = dt.datetime.now().strftime("%H%M%S")
    return source.with_name(f"{source.stem}-whatif-{minute:.0f}-{stamp}.jsonl")


def ask_and_branch(screen, source: Path, minute: float, roles: dict, clock: str) -> None:
    """Ask who plays, then branch and open the new exercise (errors are shown, not raised); `clock`
    is the moment on the story clock, as the viewer shows it."""
    options = [("same", "Keep every seat as it was")] + [(r, f"I take over {role.title}; the rest as they were")
                                                         for r, role in roles.items()]
    screen.app.push_screen(ChoiceDialog(f"What-if from {clock}", "A new exercise log starts from "
                                        "this moment; the original stays as it is.", options),
                           lambda choice: choice and start_branch(screen, source, minute, None if choice == "same" else choice))


def start_branch(screen, source: Path, minute: float, take_over: str | None) -> None:
    from simulator.branch import branch_log
    from simulator.engine.seats import Seat
    from simulator.log import LogError

    try:
        branched = branch_log(source, minute, branch_path(source, minute), {take_over: Seat()} if take_over else None)
    except (LogError, OSError) as exc:
        screen.app.notify(str(exc), title="No branch here", severity="error", timeout=8)
        return
    from simulator.story_clock import story_time

    clock = story_time(branched.session.engine.pack.scenario, minute)
    screen.app.notify(f"What-if branch from {clock}: {branched.path}", timeout=8)
    screen.app.open_branch(branched.session)
