"""Replay: re-run the engine over a log's commands and confirm every logged event.

There is no second code path that reconstructs state: replay, verification, crash-resume
and the after-action review all go through the same engine.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .engine.commands import COMMANDS
from .engine.core import Engine
from .engine.events import Event
from .loading.pack import Pack, load_pack
from .loading.shipped import resolve_scenario
from .log import LogError, LogWriter, ReadLog, read_log


class ReplayError(LogError):
    """The log and the replay disagree, or the scenario is not the one the log was made with."""


@dataclass
class Replayed:
    log: ReadLog
    engine: Engine
    pack: Pack
    extra: list[Event]
    """Events the engine produced past the end of the log (a crash cut them off)."""
    events: list[Event]
    """Every event replayed, in log order."""


def pack_for(read: ReadLog, pack: Pack | None = None) -> Pack:
    """Load the scenario a log was made with, and refuse it if its files have changed."""
    header = read.header
    if pack is None:
        path = Path(header.scenario_path)
        if not path.exists():
            path = resolve_scenario(header.scenario)
        pack = load_pack(path)
    changed = sorted(k for k in set(header.files) | set(pack.files) if header.files.get(k) != pack.files.get(k))
    if changed:
        raise ReplayError(str(read.path), 1, "the scenario has changed since this exercise was played "
                          f"({', '.join(changed)}); replay needs the same files")
    return pack


def replay_log(read: ReadLog, pack: Pack | None = None, until: float | None = None) -> Replayed:
    """Re-run a read log; raise ReplayError at the first line that differs.

    With `until`, stop before the first line later than that minute (for what-if branches).
    """
    pack = pack_for(read, pack)
    header, shown = read.header, str(read.path)
    engine = Engine(pack, header.seed, header.seats)
    pending = engine.drain()
    replayed: list[Event] = []
    for line in read.lines:
        if until is not None and line.data["t"] > until:
            break
        if line.data["kind"] == "command":
            cmd = COMMANDS.validate_python(line.data)
            if pending:
                raise ReplayError(shown, line.number, f"replay produced {_short(pending[0])} before this command, but the log does not have it")
            if cmd.t < engine.now - 1e-9:
                raise ReplayError(shown, line.number, f"command at minute {cmd.t:g} is earlier than the exercise clock ({engine.now:g})")
            pending = engine.advance_to(cmd.t)
            if pending:
                raise ReplayError(shown, line.number, f"replay produced {_short(pending[0])} before this command, but the log does not have it")
            pending = engine.apply(cmd)
            continue
        while not pending and not engine.ended:
            pending = engine.step()
        if not pending:
            raise ReplayError(shown, line.number, "the log has an event here that replay does not produce")
        event = pending.pop(0)
        got = event.to_json()
        if got != line.raw:
            raise ReplayError(shown, line.number, f"event differs from replay:\n  log:    {line.raw}\n  replay: {got}")
        replayed.append(event)
    return Replayed(read, engine, pack, pending, replayed)


def _short(event: Event) -> str:
    return f"'{event.type}' at minute {event.t:g}"


def verify(path: Path, pack: Pack | None = None) -> Replayed:
    """Replay a whole log; a bad line is an error (verification needs the whole log)."""
    read = read_log(path)
    if read.error is not None:
        raise read.error
    return replay_log(read, pack)


def resume_session(path: Path, pack: Pack | None = None):
    """Continue an exercise after a crash: keep the sound prefix, replay it, append from there.

    A truncated or garbled tail is moved aside to '<log>.corrupt-<line>' (never deleted) and
    the log is cut back to its last sound line before anything new is written.
    """
    from .session import Session

    path = Path(path)
    read = read_log(path)
    if read.error is not None:
        aside = path.with_name(f"{path.name}.corrupt-{read.error.line}")
        with path.open("rb") as src, aside.open("wb") as dst:
            src.seek(read.valid_bytes)
            shutil.copyfileobj(src, dst)
        with path.open("r+b") as f:
            f.truncate(read.valid_bytes)
    result = replay_log(read, pack)
    writer = LogWriter(path, append=True)
    session = Session(result.engine, read.header, writer)
    session.events.extend(result.events)
    session.recovered = read.error  # type: ignore[attr-defined]
    session._record(result.extra)
    return session


__all__ = ["LogError", "ReplayError", "Replayed", "replay_log", "resume_session", "verify"]
