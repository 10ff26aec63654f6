"""Replay: re-run the engine over a log's commands and confirm every logged event.

There is no second code path that reconstructs state: replay, verification, crash-resume
and the after-action review all go through the same engine.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from . import logchain
from .engine.commands import COMMANDS
from .engine.core import Engine
from .engine.events import Event
from .loading.pack import Pack, load_pack
from .loading.shipped import shipped_scenario
from .log import GRIDLESS_FORMATS, LogError, LogHeader, LogLine, LogWriter, ReadLog, line_problem, read_log
from .statements import Result, kept
from .timegrid import on_grid


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
    off_grid: int = 0
    """Lines of an old (format 1) log whose times carry float noise but match on the grid."""


def pack_for(read: ReadLog, pack: Pack | None = None) -> Pack:
    """Load the scenario a log was made with, and refuse it if any of its files has changed."""
    header = read.header
    if pack is None:
        pack = load_pack(_scenario_file(read))
    current = pack.files if header.file_keys == "pack-path" else _short_keys(pack.files)
    changed = sorted(k for k in set(header.files) | set(current) if header.files.get(k) != current.get(k))
    if changed:
        raise ReplayError(str(read.path), 1, "the scenario has changed since this exercise was played "
                          f"({', '.join(changed)}); replay needs the same files")
    unknown = [role for role in header.seats if role not in pack.scenario.roles]
    if unknown:
        raise ReplayError(str(read.path), 1, f"the header gives a seat to '{unknown[0]}', which is not a role of "
                          f"scenario '{pack.scenario.id}' (its roles: {', '.join(pack.scenario.roles)})")
    return pack


def _short_keys(files: dict[str, str]) -> dict[str, str]:
    """A pack's hashes keyed the way logs made before per-path keys were (shared roles as roles/<file>).

    Files outside the pack, the only other difference, are refused by `load_pack` now. The old
    keys cannot collide here: a pack file at roles/<id>.yaml would itself be the role <id>.
    """
    return {"roles/" + k.removeprefix("shared-roles/") if k.startswith("shared-roles/") else k: v
            for k, v in files.items()}


def _scenario_file(read: ReadLog) -> Path:
    """The scenario file a log names, checked before it is opened; else the shipped one with its id.

    Why: a log is a file anyone can pass on, and its header must not make us open /etc/passwd.
    It must name a YAML file that the log lists among its pack's files; `load_pack` then holds
    the rest of the pack to its folder.
    """
    header = read.header
    problem = _not_a_scenario(Path(header.scenario_path), header.files)
    if problem is None:
        return Path(header.scenario_path)
    shipped = shipped_scenario(header.scenario)
    if shipped is not None:
        return shipped
    raise ReplayError(str(read.path), 1, f"the log's scenario_path {header.scenario_path!r} {problem}, and "
                      f"'{header.scenario}' is not a shipped scenario; replay needs the pack it was played from")


def _not_a_scenario(path: Path, files: dict[str, str]) -> str | None:
    try:
        real = path.resolve()
        if not {path.suffix, real.suffix} <= {".yaml", ".yml"}:
            return "is not a scenario file (.yaml)"
        if path.name not in files:
            return "is not among the files the log was played from"
        if not real.is_file():
            return "does not exist" if not real.exists() else "is not a file"
    except (OSError, RuntimeError) as exc:
        return f"cannot be opened ({getattr(exc, 'strerror', None) or exc})"
    return None


def replay_log(read: ReadLog, pack: Pack | None = None, until: float | None = None) -> Replayed:
    """Re-run a read log; raise ReplayError at the first line that differs.

    With `until`, stop before the first line later than that minute (for what-if branches).
    Event lines are compared as text with the JSON of the regenerated event, so a log read
    with `lazy_events` is checked as strictly as a fully parsed one.
    """
    pack = pack_for(read, pack)
    header, shown = read.header, str(read.path)
    # Logs written before the time grid carry float noise in their times; they are matched
    # with their times moved onto the grid, and counted, so `verify` can say so. Newer logs
    # must match to the character.
    gridless = header.format in GRIDLESS_FORMATS
    off_grid = 0
    engine = Engine(pack, header.seed, header.seats, staff_version=header.staff or 1,
                    keep_verdicts=header.verdicts is not None)
    engine.history.kept.update(_kept_verdicts(read.lines, until, shown))
    pending: deque[Event] = deque(engine.drain())
    replayed: list[Event] = []
    lines = read.lines
    # Where the engine may run ahead in one go: up to the next command, and never past the
    # last line (a crash-cut log must not be replayed beyond what it recorded) or `until`.
    horizons = _horizons(lines, until)

    def mismatch(i: int, message: str) -> ReplayError:
        """Line i and the replay disagree: `message`, and what may explain it in a log that kept no verdicts."""
        return ReplayError(shown, lines[i].number, message + _judged_since(header, lines[:i]))

    for i, line in enumerate(lines):
        if line.parsed or not line.raw.startswith('{"kind":"event"'):
            data = line.data
            if until is not None and data["t"] > until:
                break
            if data["kind"] == "command":
                cmd = COMMANDS.validate_python(data)
                if gridless and cmd.t != on_grid(cmd.t):
                    cmd, off_grid = cmd.model_copy(update={"t": on_grid(cmd.t)}), off_grid + 1
                if pending:
                    raise mismatch(i, f"replay produced {_short(pending[0])} before this command, but the log does not have it")
                if cmd.t < engine.now:
                    raise ReplayError(shown, line.number, f"command at minute {cmd.t:g} is earlier than the exercise clock ({engine.now:g})")
                pending.extend(engine.advance_to(cmd.t))
                if pending:
                    raise mismatch(i, f"replay produced {_short(pending[0])} before this command, but the log does not have it")
                pending.extend(engine.apply(cmd))
                continue
        elif until is not None and _minute(line) > until:
            break
        if not pending and not engine.ended:
            horizon = horizons[i]
            if engine.now < horizon < engine.end_time:
                pending.extend(engine.advance_to(horizon))
            while not pending and not engine.ended:
                pending.extend(engine.step())
        if not pending:
            problem = line_problem(line.raw, not gridless)
            raise ReplayError(shown, line.number, problem) if problem else mismatch(i, "the log has an event here that replay does not produce")
        event = pending.popleft()
        got = event.to_json()
        if got != line.raw:
            if gridless and _same_on_grid(got, line.raw):
                off_grid += 1
            else:
                problem = line_problem(line.raw, not gridless)
                raise ReplayError(shown, line.number, problem) if problem else \
                    mismatch(i, _differs(line.raw, got, header.tabletop_version if gridless else None))
        replayed.append(event)
    return Replayed(read, engine, pack, list(pending), replayed, off_grid)


_JUDGED = '{"kind":"event","type":"statement_judged",'
_ISSUED = '{"kind":"event","type":"statement_issued",'


def _kept_verdicts(lines: list[LogLine], until: float | None, shown: str) -> dict[str, Result]:
    """Text -> the verdicts the log recorded for it (up to `until`): the engine takes them back
    instead of re-checking, so the log replays with the rules it was played with. A judgement
    line that cannot be read back is refused here, located, rather than replayed differently."""
    out: dict[str, Result] = {}
    for line in lines:
        if not line.raw.startswith(_JUDGED):
            continue
        try:
            data = line.data
            if until is not None and data["t"] > until:
                break
            out.setdefault(data["text"], kept.from_data(data["verdicts"], data["unread"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ReplayError(shown, line.number, f"the statement verdicts on this line cannot be read ({type(exc).__name__})") from None
    return out


_TIME_FIELDS = ("t", "due")


def _gridded(raw: str) -> object:
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if isinstance(data, dict):
        for key in _TIME_FIELDS:
            if isinstance(data.get(key), float):
                data[key] = on_grid(data[key])
    return data


def _same_on_grid(got: str, raw: str) -> bool:
    """Whether an old log's line is the replayed event once its times are moved onto the grid."""
    old = _gridded(raw)
    return old is not None and old == _gridded(got)


def _differs(raw: str, got: str, older: str | None) -> str:
    """The mismatch, with what may explain it; `older` is the version that wrote a pre-grid log.

    (A carriage return at the end of a line never gets here: `read_log` refuses it first.)
    """
    message = f"event differs from replay:\n  log:    {raw}\n  replay: {got}"
    if older is not None:
        message += (f"\n  (this log was written by Tabletop {older}, before exact exercise time and the one "
                    "judgement of plan steps; this version plays some moments differently, so the log cannot be "
                    "verified past this line. `tabletop replay LOG --text` still shows everything it records)")
    return message


def _judged_since(header: LogHeader, before: list[LogLine]) -> str:
    """What may explain a mismatch in a log that kept no verdicts, after a statement: the checker."""
    if header.verdicts is not None or not any(x.raw.startswith(_ISSUED) for x in before):
        return ""
    return (f"\n  (this log was written by Tabletop {header.tabletop_version}, before logs kept the verdicts on their "
            "statements: its statements are judged by this version's statement checker, which may judge one of them "
            "differently, so the log cannot be verified past this line. `tabletop replay LOG --text` still shows "
            "everything it records)")


def _horizons(lines: list[LogLine], until: float | None) -> list[float]:
    """For each line: the minute the engine may safely run up to before matching it.

    That is the minute of the next command, capped by the minute of the last line to be matched
    (the last one, or the last one up to `until`), so the engine stops where stepping would have.
    Events at exactly that minute are then matched step by step, as before any command.
    Only command lines are parsed here (their minute is needed); event lines stay as text.
    """
    cap = float("inf")
    for line in reversed(lines):  # the last line replay will match: never run the engine past it
        t = _minute(line)
        if until is None or t <= until:
            cap = t
            break
    out = [0.0] * len(lines)
    nxt = cap
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line.parsed or not line.raw.startswith('{"kind":"event"'):
            if line.data.get("kind") == "command":
                nxt = min(cap, line.data["t"])
        out[i] = nxt
    return out


def _minute(line: LogLine) -> float:
    try:
        data = line.data
    except (ValueError, RecursionError):
        return 0.0  # a garbled line: run step by step, and report it when it is reached
    t = data.get("t") if isinstance(data, dict) else None
    return t if isinstance(t, (int, float)) else 0.0


def _short(event: Event) -> str:
    return f"'{event.type}' at minute {event.t:g}"


def verify(path: Path, pack: Pack | None = None, allow_damaged: bool = False) -> Replayed:
    """Replay a whole log; a bad line is an error (verification needs the whole log).

    With `allow_damaged`, a damaged tail is tolerated and the sound lines before it are replayed
    (reading commands can still show and score what was kept; the caller warns the user with
    `damage_warning(result.log)`). Every line is parsed then, so damage is found as damage
    wherever it is: a line kept as text would be found only by the replay, as a difference.
    """
    read = read_log(path, lazy_events=not allow_damaged)
    if read.error is not None and not allow_damaged:
        raise read.error
    return replay_log(read, pack)


def judged_otherwise(result: Replayed) -> tuple[int, list[int]]:
    """How many texts the log kept verdicts for, and the lines of those this version's statement
    checker would judge otherwise (other rules met or broken): what a reviewer should know when a
    log is judged by older rules, or by verdicts edited with care."""
    kept_lines = [ln for ln in result.log.lines if ln.raw.startswith(_JUDGED)]
    differ = [ln.number for ln in kept_lines
              if {v["rule"] for v in ln.data["verdicts"]} != set(result.pack.check_statement(ln.data["text"]).verdicts)]
    return len(kept_lines), differ


def damage_warning(read: ReadLog) -> str | None:
    """A plain warning when a log has a damaged line or no chain (format 1), or None when it is sound and chained."""
    path = read.path
    notes = [] if read.chained else [f"note: {logchain.unchained(read.header.format)}"]
    if read.error is not None:
        notes.append(f"warning: {read.error}; showing the {len(read.lines) + 1} sound line(s) before it "
                     f"(`tabletop run --resume {path}` recovers the exercise and keeps the damaged tail aside)")
    return "\n".join(notes) or None


def resume_session(path: Path, pack: Pack | None = None):
    """Continue an exercise after a crash: keep the sound prefix, replay it, append from there.

    The log's lock is taken first, so nothing is read, set aside or cut while another process
    writes it. A truncated or garbled tail is copied aside (see `set_aside`, never deleted,
    never over an earlier copy) and the log is cut back to its last sound line before anything
    new is written.
    """
    from .session import Session

    path = Path(path)
    writer = LogWriter(path, append=True)
    aside = None
    try:
        read = read_log(path)
        if read.error is not None:
            aside = set_aside(path, read)
            writer.cut_to(read.valid_bytes)
        writer.continue_chain(read.digest)
        result = replay_log(read, pack)
    except BaseException:
        try:
            writer.close()
        except LogError:
            pass
        raise
    session = Session(result.engine, read.header, writer)
    session.events.extend(result.events)
    session.recovered = read.error  # type: ignore[attr-defined]
    session.set_aside = aside  # type: ignore[attr-defined]
    try:
        session._record(result.extra)
    except BaseException:
        session.close_quietly()  # the disk refused the regenerated events: not left open (nor locked)
        raise
    return session


def set_aside(path: Path, read: ReadLog) -> Path:
    """Copy a log's damaged tail to '<log>.corrupt-<line>' ('.2', '.3'... if taken) and fsync it.

    Why a fresh name: a log damaged twice at the same line must keep both tails. Raises
    LogError (and leaves no partial copy) if the copy cannot be written: the log is only cut
    back once its tail is safe elsewhere.
    """
    if read.error is None:
        raise ValueError("set_aside needs a log read up to a damaged line")
    base = f"{path.name}.corrupt-{read.error.line}"
    n = 1
    while True:
        aside = path.with_name(base if n == 1 else f"{base}.{n}")
        try:
            fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            break
        except FileExistsError:
            n += 1
    try:
        with os.fdopen(fd, "wb") as dst, path.open("rb") as src:
            src.seek(read.valid_bytes)
            shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
    except OSError as exc:
        aside.unlink(missing_ok=True)
        raise LogError(str(aside), 0, f"cannot set the damaged tail of {path.name} aside here "
                       f"({exc.strerror or exc}); the log is left as it was") from None
    return aside


__all__ = ["LogError", "ReplayError", "Replayed", "replay_log", "resume_session", "set_aside", "verify"]
