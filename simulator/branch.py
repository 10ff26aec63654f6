"""What-if branches: start a new exercise from a moment of an old one.

Why: after-action reviews keep asking "what if we had decided differently at minute 70?". A
branch keeps the old log's history up to that minute (same scenario, same seed, the same lines
byte for byte), so it replays and verifies like any other log, then goes on from there, with
seats handed to people or to simulated staff as the team wants.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import logchain
from .engine import commands as C
from .engine.seats import Seat
from .log import LogError, LogWriter, read_log, wall_now
from .replay import pack_for, replay_log
from .session import Session
from .story_clock import minute_at


@dataclass
class Branched:
    path: Path
    at: float
    kept_lines: int
    """Lines of the old log (after its header) carried into the branch."""
    session: Session
    """The new exercise, open for more commands (close it when done)."""


def branch_log(source: Path, at: float | str, out: Path, seats: dict[str, Seat] | None = None) -> Branched:
    """Write `out`: the history of `source` up to `at` (an exercise minute, or a story time as the
    consoles and the report show it: '12:15', 'Day 3 10:30'), then hand over `seats`.

    Raises LogError (located, plain words) when the old log cannot support a branch there.
    """
    source, out = Path(source), Path(out)
    read = read_log(source)
    pack = pack_for(read)
    if isinstance(at, str):
        found = minute_at(pack.scenario, at)
        if found is None:
            raise LogError(str(source), 1, f"the story clock of this exercise never shows '{at}'; give a time it "
                           "shows (such as 12:15, or Day 3 10:30 where the story runs over days) or an exercise minute")
        at = found
    if at < 0:
        raise LogError(str(source), 1, f"a branch needs a minute of 0 or later, not {at:g}")
    ended = next((line for line in read.lines if line.data.get("type") == "exercise_ended"), None)
    if ended is not None and ended.data["t"] <= at:
        raise LogError(str(source), ended.number, f"the exercise ended at minute {ended.data['t']:g}; "
                       f"branch from an earlier minute")
    if read.error is not None and not any(line.data["t"] > at for line in read.lines):
        raise LogError(str(source), read.error.line, f"the log is damaged here ({read.error.message}), "
                       f"before minute {at:g}; branch from an earlier minute")
    result = replay_log(read, pack, until=at)  # also proves the kept history is sound
    unknown = [r for r in (seats or {}) if r not in result.engine.roles]
    if unknown:
        raise LogError(str(source), 1, f"unknown role '{unknown[0]}'; this exercise's roles: {', '.join(result.engine.roles)}")
    kept = [line for line in read.lines if line.data["t"] <= at]
    header = read.header.model_copy(update={"branched_from": f"{source.name}@{at:g}", "wall_time": wall_now(),
                                            "branched_from_link": _link_at(source, len(kept)) if read.chained else None})
    writer = LogWriter(out)
    if not read.chained:
        writer.continue_chain(None)  # a branch of an old log keeps its format, and so has no chain either
    try:
        writer.header(header)
        writer.raw_lines([line.raw for line in kept])
    except BaseException:
        writer.close()
        raise
    session = Session(result.engine, header, writer)
    try:
        session.events.extend(result.events)
        session._record(result.extra)
        session.advance_to(at)
        for role, seat in (seats or {}).items():
            if session.engine.seats.get(role) != seat:
                session.submit(C.TakeSeat(by=C.FACILITATOR, role=role, seat=seat))
    except BaseException:
        session.close_quietly()  # a branch the disk refused is not left open (nor locked)
        raise
    return Branched(out, at, len(kept), session)


def _link_at(log: Path, kept: int) -> str | None:
    """The chain link that ends line `kept + 1` of a chained log (the header is line 1)."""
    with log.open("rb") as f:
        for number, line in enumerate(f):
            if number == kept:
                found = logchain.split(line.rstrip(b"\n"))[1]
                return found.decode("ascii") if found is not None else None
    return None


def parse_seat(text: str) -> tuple[str, Seat]:
    """'mayor=human', 'police=late', 'health=plan:0.8' -> (role, Seat). Raises ValueError."""
    role, sep, who = text.partition("=")
    if not sep or not role or not who:
        raise ValueError(f"'{text}' is not ROLE=WHO (WHO is human, plan, late, idle or random[:competence])")
    if who == "human":
        return role, Seat(kind="human")
    policy, _, competence = who.partition(":")
    if policy not in ("plan", "late", "idle", "random"):
        raise ValueError(f"'{who}' is not human, plan, late, idle or random")
    try:
        level = float(competence) if competence else 1.0
    except ValueError:
        raise ValueError(f"competence '{competence}' is not a number between 0 and 1") from None
    if not 0 <= level <= 1:
        raise ValueError(f"competence {level:g} is not between 0 and 1")
    return role, Seat(kind="staff", policy=policy, competence=level)  # type: ignore[arg-type]
