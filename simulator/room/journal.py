"""Which command ids a room host has taken, kept beside the log (`LOG.ids`), so that a host
resumed after a crash still applies a retried command id once.

Why a journal and not the log: a command's id is the client's, not part of the exercise, and
the log's format stays as it is. Before the host submits a command it appends
`{"seat", "id", "at"}` and fsyncs it, `at` being the log's length in bytes just then. A crash
can then leave the command logged or not; after a resume, it was logged if and only if the log
(as the resume kept it) holds a whole command line starting at `at`. A submission the disk
refused is marked `undone`, since a later command may be logged at the same place.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

COMMAND_LINE = b'{"kind":"command"'


class CommandJournal:
    def __init__(self, path: Path, log: Path):
        self.path, self.log = Path(path), Path(log)

    def taken(self) -> list[tuple[str, str]]:
        """(seat, command id) of every command the log holds, by the journal's record."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        log = self.log.read_bytes()
        entries: dict[tuple[str, str], int | None] = {}
        for line in raw.splitlines():
            try:
                entry = json.loads(line)
                key = (str(entry["seat"]), str(entry["id"]))
                entries[key] = None if entry.get("undone") else int(entry["at"])
            except (ValueError, KeyError, TypeError):
                continue  # a line torn by the crash: its command was not submitted yet
        return [key for key, at in entries.items()
                if at is not None and log.startswith(COMMAND_LINE, at) and log.find(b"\n", at) != -1]

    def record(self, seat: str, cid: str, at: int) -> None:
        self._append({"seat": seat, "id": cid, "at": at})

    def undone(self, seat: str, cid: str) -> None:
        self._append({"seat": seat, "id": cid, "undone": True})

    def _append(self, entry: dict) -> None:
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, (json.dumps(entry) + "\n").encode())
            os.fsync(fd)
        finally:
            os.close(fd)
