"""What-if branches from the replay viewer: a new log that replays the original up to a moment,
then continues live in the consoles (uses `simulator.branch` when the core provides it)."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path


def branching_available() -> bool:
    return importlib.util.find_spec("simulator.branch") is not None


def branch_path(source: Path, minute: float) -> Path:
    stamp = dt.datetime.now().strftime("%H%M%S")
    return source.with_name(f"{source.stem}-whatif-{minute:.0f}-{stamp}.jsonl")


def start_branch(screen, source: Path, minute: float) -> None:
    from simulator.branch import branch_log
    from simulator.session import Session

    out = branch_log(source, minute, branch_path(source, minute))
    session = Session.resume(out)
    screen.app.notify(f"What-if branch from minute {minute:.1f}: {out}", timeout=6)
    screen.app.open_branch(session)
