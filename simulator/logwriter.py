"""The one writer of an exercise log: locked, whole lines or nothing, every line chained.

Why apart from `log`: reading a log (and judging its lines) and writing one are two jobs; the
format they share (header, chain) lives in `log` and `logchain`.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from . import logchain, loglock
from .engine.commands import CommandBase
from .engine.events import Event
from .log import LogError, LogHeader, wall_now


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

    Every line is sealed with its chain link (see logchain) as it is written; the link moves on
    only with lines that are on disk or owed to it first, so a refused command leaves no gap.
    An appending writer (resume) must be told where the chain stands (`continue_chain`).
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
        self._link: bytes | None = logchain.START
        """The chain link of the last line written or owed; None for an old unchained log."""
        self._chain_unknown = append
        """Appending, until told where the log's chain stands: nothing may be written."""
        self.lines = 0

    def continue_chain(self, digest: str | None) -> None:
        """Where the chain stands: the digest of the log so far (`ReadLog.digest`, when appending), or None
        for a log without a chain (format 1: resumed, or branched), whose lines are written without links."""
        self._link = None if digest is None else digest.encode("ascii")
        self._chain_unknown = False

    def _seal(self, contents: list[bytes]) -> tuple[bytes, bytes | None]:
        """The lines to write for these contents, and the link after them (not yet taken on)."""
        if self._chain_unknown:
            raise RuntimeError("an appending LogWriter needs continue_chain() before it writes")
        link = self._link
        if link is None:  # an old log without a chain keeps none
            return b"".join(c + b"\n" for c in contents), None
        out: list[bytes] = []
        for content in contents:
            line, link = logchain.seal(link, content)
            out += (line, b"\n")
        return b"".join(out), link

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
        data, link = self._seal([header.model_dump_json().encode("utf-8")])
        self._write(data, durable=True)
        self._link = link
        self.lines += 1

    def command(self, cmd: CommandBase) -> None:
        """The command on disk (after any events still owed), or LogWriteFailed and nothing written."""
        data, link = self._seal([cmd.model_dump_json().encode("utf-8")])
        self._write(self._pending + data, durable=True)
        self._link = link
        self._pending = b""
        self.lines += 1

    def events(self, events: list[Event]) -> None:
        """Events are regenerated on replay, so they are not fsync'd; on failure they wait for the next write."""
        if events:
            sealed, self._link = self._seal([e.to_json().encode("utf-8") for e in events])  # owed first, if not written now
            data = self._pending + sealed
            self.lines += len(events)
            try:
                self._write(data, durable=False)
            except LogWriteFailed:
                self._pending = data
                raise
            self._pending = b""

    def raw_lines(self, lines: list[str]) -> None:
        """Copy line contents from another log (`LogLine.raw`) as they are, chained anew in this log.

        What-if branches keep history byte for byte this way: every record the same, its links
        those of the branch, whose own header starts the chain.
        """
        if lines:
            data, link = self._seal([line.encode("utf-8") for line in lines])
            self._write(data, durable=True)
            self._link = link
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
