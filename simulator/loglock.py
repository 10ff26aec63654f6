"""One writer per exercise log: an operating-system lock held for as long as a process writes it.

Why: two processes appending to one log interleave their lines, and the log no longer replays.
The lock is `flock` on the log file itself, so the kernel holds it and drops it the moment the
holder exits, however it exits (SIGKILL included): a lock left by a crash never blocks a resume.

Who holds it is written to a sidecar, `<log>.lock` (pid, host, command, since), only so that a
refused writer can name the holder. The sidecar is information, never the lock: a stale one is
simply overwritten by the next writer.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; logs there are not locked
    fcntl = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Holder:
    """What the sidecar says about the process that holds a log's lock (None: it does not say)."""

    pid: int | None = None
    host: str | None = None
    command: str | None = None
    since: str | None = None

    def describe(self) -> str:
        if self.pid is None:
            return "another process (it left no record of which)"
        where = f" on {_clean(self.host)}" if self.host and self.host != socket.gethostname() else ""
        text = f"pid {self.pid}{where}"
        if self.command:
            text += f" (`{_clean(self.command)}`"
            text += f", since {_clean(self.since)})" if self.since else ")"
        if not where and not _alive(self.pid):
            text += "; that process has exited, so its successor is just starting: try again in a moment"
        return text


def sidecar(log: Path) -> Path:
    """Where the holder of `log`'s lock is recorded."""
    return log.with_name(log.name + ".lock")


def take(fd: int) -> bool:
    """Take the exclusive lock on an open log; False when another open file holds it.

    Each open of the file is a separate claim, even within one process, so a second writer in
    the same process is refused as well.
    """
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def record(log: Path, since: str) -> None:
    """Say in the sidecar that this process holds the lock (best effort: it is only information).

    Why best effort: a resume on a full disk must still be possible; the lock itself is held.
    """
    data = {"pid": os.getpid(), "host": socket.gethostname(),
            "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]])[:300] if sys.argv else "", "since": since}
    path = sidecar(log)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(data) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def holder(log: Path) -> Holder:
    """Who the sidecar says holds `log`'s lock."""
    try:
        data = json.loads(sidecar(log).read_text(encoding="utf-8")[:2000])
    except (OSError, ValueError):
        return Holder()
    if not isinstance(data, dict) or not isinstance(data.get("pid"), int):
        return Holder()
    return Holder(data["pid"], *(str(data[k]) if data.get(k) is not None else None for k in ("host", "command", "since")))


def forget(log: Path) -> None:
    """Remove the sidecar while the lock is still held (so no later holder's record is removed)."""
    if holder(log).pid == os.getpid():
        try:
            sidecar(log).unlink(missing_ok=True)
        except OSError:
            pass


def probe(log: Path) -> Holder | None:
    """Who holds `log`'s lock now, or None when nobody does (or there is no such file yet)."""
    try:
        fd = os.open(log, os.O_RDONLY | os.O_NONBLOCK)  # a pipe named as a log must not hang the probe
    except OSError:
        return None
    try:
        return None if take(fd) else holder(log)
    finally:
        os.close(fd)  # closing drops a lock this probe took


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def _clean(text: str | None) -> str:
    """The sidecar is a file anyone could edit: never print its control characters raw."""
    return "".join(ch if ch.isprintable() else "?" for ch in str(text))[:300]
