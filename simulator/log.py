"""The exercise log: append-only JSONL, the source of truth for replay, resume and review.

Line 1 is a header. Every later line is one command or one event. Commands are fsync'd
before they are applied; events are regenerated from commands on replay, so they are
flushed but not fsync'd one by one.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from .engine.commands import COMMANDS, CommandBase
from .engine.events import Event
from .engine.seats import Seat
from . import loglock

FORMAT = "tabletop-log/2"
"""Format 2 keeps every time on the exact grid (see timegrid); format 1 logs, written before
that, may carry float noise in their times (6.435600000000001) and are still read."""
GRIDLESS_FORMATS = frozenset({"tabletop-log/1"})
KNOWN_FORMATS = GRIDLESS_FORMATS | {FORMAT}


def wall_now() -> str:
    """Wall-clock stamp for `wall_time` fields (the only place wall time enters a log)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


class LogHeader(BaseModel):
    """Line 1 of every exercise log."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["header"] = "header"
    format: str = FORMAT
    tabletop_version: str
    scenario: str
    """Scenario id."""
    scenario_path: str
    """Where the scenario file was loaded from."""
    files: dict[str, str]
    """Every file of the pack -> sha256 of its text."""
    file_keys: Literal["pack-path"] | None = None
    """How `files` is keyed. 'pack-path': by each file's path in its pack folder ('shared-roles/<file>'
    for a shared role). None, in logs made before: by short names, which two files could share."""
    seed: int
    seats: dict[str, Seat]
    branched_from: str | None = None
    """For a what-if branch: the log it started from, and the minute."""
    wall_time: str | None = None


class LogError(Exception):
    """A log that cannot be read past a line: says which line and why."""

    def __init__(self, path: str, line: int, message: str):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}" if line > 0 else f"{path}: {message}")


class LogLine:
    """One line after the header: its number, its text and (parsed on first use) its data.

    Why lazy: `replay --verify` compares each event line's text with the event the engine
    regenerates, so it need not JSON-parse the event lines at all (see `read_log(lazy_events=True)`).
    """

    __slots__ = ("number", "raw", "_data")

    def __init__(self, number: int, data: dict[str, Any] | None, raw: str):
        self.number = number
        """1-based line number in the file."""
        self.raw = raw
        """The line's text without its newline."""
        self._data = data

    @property
    def data(self) -> dict[str, Any]:
        if self._data is None:
            self._data = json.loads(self.raw)
        return self._data

    @property
    def parsed(self) -> bool:
        """Whether the line has been parsed (and so checked as a log entry) yet."""
        return self._data is not None

    def __repr__(self) -> str:
        return f"LogLine({self.number}, {self.raw[:60]!r})"


@dataclass
class ReadLog:
    """A log read as far as it is sound."""

    path: Path
    header: LogHeader
    lines: list[LogLine] = field(default_factory=list)
    """Every line after the header, up to the first bad one."""
    error: LogError | None = None
    valid_bytes: int = 0
    """Length of the sound prefix, in bytes."""


EVENT_PREFIX = b'{"kind":"event","type":"'
"""How every event line the engine writes begins (its canonical JSON: `Event.to_json`)."""


def line_problem(raw: str) -> str | None:
    """What is wrong with a line as a log entry, if anything (used when a deferred line fails)."""
    try:
        parsed = json.loads(raw)
    except json.JSONDecodeError as exc:
        return f"garbled line: not valid JSON ({exc.msg} at column {exc.colno}); is this a Tabletop exercise log?"
    if not isinstance(parsed, dict) or parsed.get("kind") not in ("header", "command", "event"):
        return "not a log entry (expected a JSON object with kind header, command or event)"
    if parsed["kind"] == "event" and not (isinstance(parsed.get("type"), str) and isinstance(parsed.get("t"), (int, float))):
        return "invalid event: needs a 'type' and a minute 't'"
    return None


def read_log(path: Path, lazy_events: bool = False) -> ReadLog:
    """Read a log, stopping at the first truncated or garbled line (reported, prefix kept).

    With `lazy_events`, lines that begin like an engine-written event are kept as text and
    parsed only when asked. Only a caller that checks every such line another way may use it:
    `replay.verify` requires each one to equal, character for character, the JSON of the event
    the engine regenerates, which is a stricter check than parsing it.
    """
    path = Path(path)
    shown = str(path)
    if not path.exists():
        raise LogError(shown, 0, "no such file")
    if path.is_dir():
        raise LogError(shown, 0, "this is a folder, not an exercise log")
    if not path.is_file():  # a pipe or a device would be read forever
        raise LogError(shown, 0, "not a regular file, so not an exercise log")
    data = path.read_bytes()
    if not data:
        raise LogError(shown, 1, "the log is empty")
    offset, number = 0, 0
    header: LogHeader | None = None
    out: ReadLog | None = None
    while offset < len(data):
        number += 1
        end = data.find(b"\n", offset)
        complete = end != -1
        chunk = data[offset: end if complete else len(data)]
        problem = None
        parsed: Any = None
        if not complete:
            problem = "truncated line (no end of line): the exercise probably stopped while writing it"
        elif lazy_events and number > 1 and chunk.startswith(EVENT_PREFIX):
            try:
                out.lines.append(LogLine(number, None, chunk.decode("utf-8")))
            except UnicodeDecodeError as exc:
                out.error = LogError(shown, number, f"garbled line: {exc}")
                return out
            offset = end + 1
            out.valid_bytes = offset
            continue
        else:
            try:
                parsed = json.loads(chunk.decode("utf-8"))
                if not isinstance(parsed, dict) or parsed.get("kind") not in ("header", "command", "event"):
                    problem = "not a log entry (expected a JSON object with kind header, command or event)"
            except UnicodeDecodeError as exc:
                problem = f"garbled line: {exc}"
            except json.JSONDecodeError:
                problem = line_problem(chunk.decode("utf-8"))
        if problem is None and number == 1:
            try:
                header = LogHeader.model_validate(parsed)
                out = ReadLog(path, header)
            except ValidationError as exc:
                problem = f"not an exercise log header ({exc.errors()[0]['msg']})"
            else:
                if header.format not in KNOWN_FORMATS:
                    raise LogError(shown, 1, f"this log is in format '{header.format}', which this version of Tabletop "
                                   f"cannot read (it reads {', '.join(sorted(KNOWN_FORMATS))}); "
                                   f"it may come from a newer Tabletop")
        elif problem is None and parsed["kind"] == "header":
            problem = "a second header in the middle of the log"
        elif problem is None and parsed["kind"] == "command":
            try:
                COMMANDS.validate_python(parsed)
            except ValidationError as exc:
                err = exc.errors()[0]
                problem = f"invalid command: {'.'.join(map(str, err['loc']))}: {err['msg']}"
        elif problem is None and not (isinstance(parsed.get("type"), str) and isinstance(parsed.get("t"), (int, float))):
            problem = "invalid event: needs a 'type' and a minute 't'"
        if problem is not None:
            if out is None:
                raise LogError(shown, number, problem)
            out.error = LogError(shown, number, problem)
            return out
        if number > 1:
            out.lines.append(LogLine(number, parsed, chunk.decode("utf-8")))
        offset = end + 1
        out.valid_bytes = offset
    assert out is not None
    return out


class LogBusy(LogError):
    """Another process is writing this log: one writer per log, always."""

    def __init__(self, path: str, holder: "loglock.Holder"):
        self.holder = holder
        super().__init__(path, 0, f"this exercise log is being written by {holder.describe()}; only one "
                                  "process may write a log at a time: close that one first")


class LogWriteFailed(LogError):
    """The log could not be written (a full disk, an I/O error): nothing more is taken until it can be."""

    def __init__(self, path: str, cause: OSError):
        self.cause = cause
        fix = "free some space" if cause.errno in (errno.ENOSPC, errno.EDQUOT) else "check the disk"
        super().__init__(path, 0, f"cannot write the exercise log ({cause.strerror or cause}); it still holds "
                                  "everything acknowledged so far, and nothing more is accepted until it can be "
                                  f"written again ({fix}, then try again)")


def ensure_no_writer(path: Path) -> None:
    """Refuse now, with the holder named, when another process is writing `path`.

    For commands that check a log before they open it for writing (the writer itself always checks).
    """
    found = loglock.probe(Path(path))
    if found is not None:
        raise LogBusy(str(path), found)


class LogWriter:
    """The one writer of an exercise log. Commands are durable (fsync) before `command` returns.

    It holds the log's lock (`loglock`) from open to close, so a second writer is refused.
    Every write is whole lines or nothing: when one fails (ENOSPC, EIO, any OSError) the file is
    cut back to where it ended before, and `LogWriteFailed` is raised. Events that could not be
    written are kept and go first with the next write; a command that could not be written was
    never applied, so nothing acknowledged is lost and no torn line is ever followed by more.
    """

    def __init__(self, path: Path, append: bool = False):
        self.path = Path(path)
        shown = str(self.path)
        if not append and not self.path.parent.is_dir():
            raise LogError(shown, 0, f"the folder {self.path.parent} does not exist; create it first")
        # Appending (resume) never creates a file; a new log is created here. O_NONBLOCK: a pipe
        # named as the log is refused at once instead of waiting for a reader (files ignore it).
        flags = os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK | (0 if append else os.O_CREAT)
        try:
            fd = os.open(self.path, flags, 0o644)
        except FileNotFoundError:
            raise LogError(shown, 0, "no such file") from None
        except IsADirectoryError:
            raise LogError(shown, 0, "this is a folder, not an exercise log") from None
        except OSError as exc:
            raise LogError(shown, 0, f"cannot be opened as an exercise log ({exc.strerror or exc})") from None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise LogError(shown, 0, "not a regular file, so not an exercise log")
            if not loglock.take(fd):
                raise LogBusy(shown, loglock.holder(self.path))
            size = os.fstat(fd).st_size
            if not append and size > 0:
                raise FileExistsError(f"{self.path} already exists; choose another path, or resume that log")
        except BaseException:
            os.close(fd)
            raise
        loglock.record(self.path, wall_now())
        self._fd = fd
        self._size = size
        """Length of the log up to its last line written in full (and fsync'd, for commands)."""
        self._pending = b""
        """Event lines a failed write left unwritten: they come first in the next write."""
        self._torn = False
        """A failed write could not be cut back yet: cut it back before writing anything else."""
        self.lines = 0

    @property
    def failing(self) -> bool:
        """Whether the last write failed and is still owed to the log."""
        return self._torn or bool(self._pending)

    def _write(self, data: bytes, durable: bool) -> None:
        if self._fd < 0:
            raise LogError(str(self.path), 0, "the log is closed")
        try:
            if self._torn:
                self._cut_back()
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view):]
            if durable:
                os.fsync(self._fd)
        except OSError as exc:
            self._torn = True
            try:
                self._cut_back()
            except OSError:
                pass  # still torn: the next write cuts it back first, and nothing follows a torn line
            raise LogWriteFailed(str(self.path), exc) from None
        self._size += len(data)

    def _cut_back(self) -> None:
        os.ftruncate(self._fd, self._size)
        os.fsync(self._fd)
        self._torn = False

    def cut_to(self, size: int) -> None:
        """Drop everything after the first `size` bytes (resume, once a damaged tail is set aside)."""
        self._size = size
        try:
            self._cut_back()
        except OSError as exc:
            self._torn = True
            raise LogWriteFailed(str(self.path), exc) from None

    def flush(self) -> None:
        """Write what a failed write still owes the log; raise LogWriteFailed if it still cannot."""
        if self.failing:
            self._write(self._pending, durable=True)
            self._pending = b""

    def header(self, header: LogHeader) -> None:
        self._write(header.model_dump_json().encode("utf-8") + b"\n", durable=True)
        self.lines += 1

    def command(self, cmd: CommandBase) -> None:
        """The command on disk (after any events still owed), or LogWriteFailed and nothing written."""
        self._write(self._pending + cmd.model_dump_json().encode("utf-8") + b"\n", durable=True)
        self._pending = b""
        self.lines += 1

    def events(self, events: list[Event]) -> None:
        """Events are regenerated on replay, so they are not fsync'd; on failure they wait for the next write."""
        if events:
            data = self._pending + "".join(e.to_json() + "\n" for e in events).encode("utf-8")
            self.lines += len(events)
            try:
                self._write(data, durable=False)
            except LogWriteFailed:
                self._pending = data
                raise
            self._pending = b""

    def raw_lines(self, lines: list[str]) -> None:
        """Copy lines from another log verbatim (what-if branches keep history byte for byte)."""
        if lines:
            self._write("".join(line + "\n" for line in lines).encode("utf-8"), durable=True)
            self.lines += len(lines)

    def close(self) -> None:
        """Write what is owed, fsync, release the lock (safe to call twice).

        Raises LogWriteFailed if events are still owed: the log then ends at its last command,
        which is sound, and a resume regenerates those events.
        """
        if self._fd < 0:
            return
        failure = None
        try:
            self.flush()
            os.fsync(self._fd)
        except LogWriteFailed as exc:
            failure = exc
        except OSError as exc:
            failure = LogWriteFailed(str(self.path), exc)
        loglock.forget(self.path)
        os.close(self._fd)
        self._fd = -1
        if failure is not None:
            raise failure
