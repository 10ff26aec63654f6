"""Helpers for the attacks: a copied pack, a disk that fills up on demand, the real command."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from simulator.cli import main

from ..conftest import FIXTURES

TABLETOP = Path(sys.executable).parent / "tabletop"


@pytest.fixture
def pack_dir(tmp_path) -> Path:
    """A private copy of the mini pack, free to be edited or booby-trapped."""
    out = tmp_path / "pack"
    shutil.copytree(FIXTURES / "mini", out)
    return out


def tabletop(*args, cwd=None, timeout=120) -> subprocess.CompletedProcess:
    """The real `tabletop` script in a subprocess (stdin closed: nothing waits for a person)."""
    return subprocess.run([str(TABLETOP), *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          stdin=subprocess.DEVNULL, timeout=timeout)


def cli(*args):
    """`tabletop` in process (click's runner): quicker, and monkeypatched faults reach it."""
    return CliRunner().invoke(main, [str(a) for a in args])


def plain_refusal(code: int, err: str) -> bool:
    """Exit 1 and a message, never a traceback."""
    return code == 1 and "Traceback" not in err and err.strip() != ""


class Disk:
    """The disk under one file, made to fill up: writes to that file fail with ENOSPC.

    `room` is how many more bytes fit (None: plenty). A write larger than the room writes
    what fits and then fails, so a line is torn halfway, as on a real full disk. `fsync_error`
    makes every fsync of the file fail instead (EIO), after the bytes were written;
    `events_refused` fails every write that starts with an event line (a command alone fits).
    """

    def __init__(self, monkeypatch, path: Path):
        self.path, self.room, self.fsync_error, self.failures = Path(path), None, False, 0
        self.events_refused = False
        real_write, real_fsync = os.write, os.fsync

        def write(fd, data):
            if self.events_refused and bytes(data[:16]) == b'{"kind":"event",' and self._is_ours(fd):
                self.failures += 1
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            if self.room is not None and self._is_ours(fd):
                if self.room == 0:
                    self.failures += 1
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                fits = min(len(data), self.room)
                self.room -= fits
                return real_write(fd, bytes(data[:fits]))
            return real_write(fd, data)

        def fsync(fd):
            if self.fsync_error and self._is_ours(fd):
                self.failures += 1
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            return real_fsync(fd)

        monkeypatch.setattr(os, "write", write)
        monkeypatch.setattr(os, "fsync", fsync)

    def _is_ours(self, fd: int) -> bool:
        try:
            mine, other = os.fstat(fd), os.stat(self.path)
        except OSError:
            return False
        return (mine.st_dev, mine.st_ino) == (other.st_dev, other.st_ino)

    def full(self, room: int = 0) -> None:
        self.room = room

    def freed(self) -> None:
        self.room, self.fsync_error, self.events_refused = None, False, False
