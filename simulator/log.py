"""The exercise log: append-only JSONL, the source of truth for replay, resume and review.

Line 1 is a header. Every later line is one command or one event. Commands are fsync'd
before they are applied; events are regenerated from commands on replay, so they are
flushed but not fsync'd one by one. In format 2 every line ends with its link in a hash
chain (see logchain), so a line changed, removed, moved or added after it was written is
refused at its number. The writer is `logwriter.LogWriter`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import logchain
from .engine.commands import COMMANDS
from .engine.seats import Seat
from .timegrid import TICKS_PER_MINUTE, is_on_grid

FORMAT = "tabletop-log/2"
"""Format 2 keeps every time on the exact grid (see timegrid) and chains every line to the one
before it by a hash (see logchain). Format 1 logs, written before both, may carry float noise
in their times (6.435600000000001) and have no chain: they are still read, and said to be unchained."""
VERDICTS_KEPT: Literal[1] = 1
"""The `verdicts` of a new log's header (see LogHeader.verdicts)."""
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
    staff: int | None = None
    """How simulated staff behave (engine/staff.py STAFF_VERSION); None in logs written before
    version 2, which replay with version 1 (engine/staff_v1.py); 2 replays with engine/staff_v2.py."""
    verdicts: Annotated[Literal[1] | None, Field(exclude_if=lambda v: v is None)] = None
    """How statement verdicts are kept. 1: each text the exercise judged is logged with the
    checker's verdicts (a `statement_judged` event), and replay and the scorer take them from
    there (statements/kept.py). Absent in logs written before: their statements are judged by the
    checker of the version that reads them."""
    branched_from: str | None = None
    """For a what-if branch: the log it started from, and the minute."""
    branched_from_link: Annotated[str | None, Field(exclude_if=lambda v: v is None)] = None
    """For a branch of a chained log: the parent's chain link at the last line the branch kept. It
    ties the branch to that exact history of its parent (a parent changed before that line no
    longer yields it). Absent from every other header, so older logs read as they were written."""
    wall_time: str | None = None


class LogError(Exception):
    """A log that cannot be read past a line: says which line and why."""

    def __init__(self, path: str, line: int, message: str):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}" if line > 0 else f"{path}: {message}")


class ChainBroken(LogError):
    """A line of a chained log is not as it was written: refused, never read past or set aside.

    Why a refusal and not damage: a crash tears only the last line, which is read as damage and
    kept aside on resume. A whole line whose link does not follow from the lines before it was
    changed, removed, moved or added after it was written, and nothing after it can be trusted.
    """


class LogLine:
    """One line after the header: its number, its content and (parsed on first use) its data.

    Why lazy: `replay --verify` compares each event line's text with the event the engine
    regenerates, so it need not JSON-parse the event lines at all (see `read_log(lazy_events=True)`).
    """

    __slots__ = ("number", "raw", "_data")

    def __init__(self, number: int, data: dict[str, Any] | None, raw: str):
        self.number = number
        """1-based line number in the file."""
        self.raw = raw
        """The line's content: its text without its newline, and without its chain link (see logchain)."""
        self._data = data

    @property
    def data(self) -> dict[str, Any]:
        if self._data is None:
            self._data = _DECODER.decode(self.raw)
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
    digest: str | None = None
    """The chain link of the last sound line (see logchain): it names the log up to there.
    None for a log of format 1, which has no chain."""

    @property
    def chained(self) -> bool:
        return self.digest is not None


EVENT_PREFIX = b'{"kind":"event","type":"'
"""How every event line the engine writes begins (its canonical JSON: `Event.to_json`)."""


class _NotANumber(ValueError):
    pass


def _no_constants(name: str) -> float:
    raise _NotANumber(f"{name} is not a number a log holds")


_DECODER = json.JSONDecoder(parse_constant=_no_constants)
"""Python's JSON reader without its extensions: NaN and Infinity are refused, as in JSON itself."""


def _finite(t: Any) -> bool:
    if isinstance(t, bool) or not isinstance(t, (int, float)):
        return False
    try:
        return math.isfinite(t)
    except OverflowError:
        return False


def _entry(text: str, gridded: bool) -> tuple[dict[str, Any] | None, str | None]:
    """A line's content -> (its data, None), or (None, what is wrong with it as a log entry)."""
    try:
        parsed = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        return None, f"garbled line: not valid JSON ({exc.msg} at column {exc.colno}); is this a Tabletop exercise log?"
    except RecursionError:
        return None, "garbled line: nested too deep to be a log entry"
    except _NotANumber as exc:
        return None, f"garbled line: {exc}"
    except ValueError:  # Python's limit on the digits of an integer
        return None, "garbled line: a number far too long to be a log entry's"
    if not isinstance(parsed, dict) or parsed.get("kind") not in ("header", "command", "event"):
        return None, "not a log entry (expected a JSON object with kind header, command or event)"
    kind = parsed["kind"]
    if kind == "header":
        return None, "a second header in the middle of the log"
    if kind == "command":
        try:
            COMMANDS.validate_python(parsed)
        except ValidationError as exc:
            err = exc.errors()[0]
            return None, f"invalid command: {'.'.join(map(str, err['loc']))}: {err['msg']}"
        except RecursionError:
            return None, "invalid command: nested too deep"
    elif not isinstance(parsed.get("type"), str):
        return None, "invalid event: needs a 'type' and a minute 't'"
    t: Any = parsed.get("t")
    if not _finite(t):
        return None, f"invalid {kind}: needs a minute 't' that is a finite number"
    if gridded and not is_on_grid(t):
        return None, (f"minute {t!r} is not on the exercise time grid (whole ticks of 1/{TICKS_PER_MINUTE:,} minute), "
                      f"where every time of a {FORMAT} log lies: the line was not written by Tabletop")
    return parsed, None


def line_problem(raw: str, gridded: bool = True) -> str | None:
    """What is wrong with a line's content as a log entry, if anything (used when a deferred line fails)."""
    return _entry(raw, gridded)[1]


CRLF = ("this line ends in a carriage return (Windows line endings: was the log opened and saved by an editor "
        "that converts them?); an exercise log is checked byte for byte, so Tabletop reads it only as it was "
        "written, with plain newlines: convert the line endings back (e.g. `dos2unix`), and the check will show "
        "whether anything else changed")


def read_log(path: Path, lazy_events: bool = False) -> ReadLog:
    """Read a log, stopping at the first truncated or garbled line (reported, prefix kept).

    A line of a chained log (format 2) whose link does not follow from the lines before it, and a
    line ending in a carriage return, are refused (`ChainBroken`, `LogError`) rather than kept
    as damage: they were not left by a crash.

    With `lazy_events`, lines that begin like an engine-written event are kept as text and
    parsed only when asked. Only a caller that checks every such line another way, and refuses
    any fault, may use it: `replay.verify` requires each one to equal, character for character,
    the JSON of the event the engine regenerates, which is a stricter check than parsing it (a
    damaged one is then reported by the replay, at its line). A caller that keeps the sound
    prefix of a damaged log must read every line, so that damage is found as damage wherever it is.
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
    out = _read_header(shown, data)
    offset, number = out.valid_bytes, 1
    chained, gridded = out.digest is not None, out.header.format not in GRIDLESS_FORMATS
    link = out.digest.encode("ascii") if out.digest is not None else logchain.START
    lines = out.lines
    while offset < len(data):
        number += 1
        end = data.find(b"\n", offset)
        if end == -1:
            out.error = LogError(shown, number, "truncated line (no end of line): the exercise probably stopped while writing it")
            break
        chunk = data[offset:end]
        if chunk.endswith(b"\r"):
            raise LogError(shown, number, CRLF)
        content = chunk
        if chained:
            content, found = logchain.split(chunk)
            expected = logchain.next_link(link, content)
            if found != expected:
                problem = _problem(content, gridded)
                if problem is not None:
                    out.error = LogError(shown, number, problem)
                    break
                raise _broken(shown, number, found)
            link = expected
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError as exc:
            out.error = LogError(shown, number, f"garbled line: {exc}")
            break
        if lazy_events and content.startswith(EVENT_PREFIX):
            parsed = None
        else:
            parsed, problem = _entry(text, gridded)
            if problem is not None:
                out.error = LogError(shown, number, problem)
                break
        lines.append(LogLine(number, parsed, text))
        offset = end + 1
        out.valid_bytes = offset
        if chained:
            out.digest = link.decode("ascii")
    return out


def _problem(content: bytes, gridded: bool) -> str | None:
    try:
        return _entry(content.decode("utf-8"), gridded)[1]
    except UnicodeDecodeError as exc:
        return f"garbled line: {exc}"


def _broken(shown: str, number: int, found: bytes | None) -> ChainBroken:
    if found is None:
        return ChainBroken(shown, number, f"this line has no chain link, though every line of a {FORMAT} log ends "
                           "with one: it was not written by Tabletop (added or edited by hand?)")
    if number == 1:
        return ChainBroken(shown, 1, "the header was changed after the log was written (its chain link does not match it)")
    return ChainBroken(shown, number, "this line does not follow from the lines before it (its chain link does not "
                       "match): it, or a line before it, was changed, removed or moved after the log was written, "
                       "so the log is not as Tabletop wrote it; use the original (its digest is in the report made from it)")


def _read_header(shown: str, data: bytes) -> ReadLog:
    """Line 1, checked: a sound header of a known format, with its chain link in format 2. Any fault is raised."""
    end = data.find(b"\n")
    if end == -1:
        raise LogError(shown, 1, "truncated line (no end of line): the exercise probably stopped while writing it")
    chunk = data[:end]
    if chunk.endswith(b"\r"):
        raise LogError(shown, 1, CRLF)
    content, found = logchain.split(chunk)
    try:
        parsed = _DECODER.decode(content.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise LogError(shown, 1, f"garbled line: {exc}") from None
    except (ValueError, RecursionError):
        raise LogError(shown, 1, _problem(content, False) or "garbled line") from None
    if not isinstance(parsed, dict) or parsed.get("kind") not in ("header", "command", "event"):
        raise LogError(shown, 1, "not a log entry (expected a JSON object with kind header, command or event)")
    try:
        header = LogHeader.model_validate(parsed)
    except ValidationError as exc:
        raise LogError(shown, 1, f"not an exercise log header ({exc.errors()[0]['msg']})") from None
    if header.format not in KNOWN_FORMATS:
        raise LogError(shown, 1, f"this log is in format '{header.format}', which this version of Tabletop "
                       f"cannot read (it reads {', '.join(sorted(KNOWN_FORMATS))}); it may come from a newer Tabletop")
    out = ReadLog(Path(shown), header, valid_bytes=end + 1)
    if header.format in GRIDLESS_FORMATS:
        if found is not None:
            raise LogError(shown, 1, f"a {header.format} log has no chain links, but this header ends with one: "
                           "the header was changed after the log was written")
        return out
    expected = logchain.next_link(logchain.START, content)
    if found != expected:
        raise _broken(shown, 1, found)
    out.digest = expected.decode("ascii")
    return out


def find_link(path: Path, digest: str) -> int | None:
    """The number of the line of `path` whose chain link is `digest`, if any (`replay --digest`).

    For a log that does not end with a filed digest: whether it passes through it, and where.
    Reads only as far as the chain holds.
    """
    wanted = digest.strip().lower().encode("ascii", "replace")
    link = logchain.START
    with Path(path).open("rb") as src:
        for number, line in enumerate(src, 1):
            if not line.endswith(b"\n"):
                return None
            content, found = logchain.split(line[:-1])
            link = logchain.next_link(link, content)
            if found != link:
                return None
            if link == wanted:
                return number
    return None


from .logwriter import LogBusy, LogWriteFailed, LogWriter, ensure_no_writer  # noqa: E402  (the writer, re-exported)

__all__ = ["FORMAT", "ChainBroken", "LogBusy", "LogError", "LogHeader", "LogLine", "LogWriteFailed", "LogWriter",
           "ReadLog", "ensure_no_writer", "find_link", "line_problem", "read_log", "wall_now"]
