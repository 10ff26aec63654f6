"""A full disk (issue 10, data integrity).

The attack: on a small full filesystem commands 3-5 failed with ENOSPC, then 24 more were
accepted after space came back; the log had a torn line in the middle and a resume set all 24
aside. A failed write must leave the log as it was before that command, the session must take
nothing more until the log can be written again, and nothing acknowledged is ever set aside.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from simulator.engine import commands as C
from simulator.engine.seats import Seat, all_staff
from simulator.log import LogError, LogWriteFailed, read_log
from simulator.loading.pack import load_pack
from simulator.replay import verify
from simulator.session import Session

from ..conftest import FIXTURES, strip_wall
from .conftest import Disk, cli, plain_refusal

SEATS = {"chief": Seat(), "press": Seat(kind="staff", policy="plan")}


@pytest.fixture(scope="module")
def pack():
    return load_pack(FIXTURES / "mini")


def note(i: int) -> C.ObserverNote:
    return C.ObserverNote(by="facilitator", text=f"note {i}")


def logged_notes(log: Path) -> list[str]:
    return [ln.data["text"] for ln in read_log(log).lines if ln.data["kind"] == "command"
            and ln.data["type"] == "observer_note"]


def test_a_command_the_disk_refuses_halfway_leaves_the_log_as_it_was(pack, tmp_path, monkeypatch):
    log = tmp_path / "x.jsonl"
    disk = Disk(monkeypatch, log)
    session = Session.start(pack, 1, SEATS, log)
    session.advance_to(2)
    session.submit(note(0))
    before, events_before = log.read_bytes(), len(session.events)
    disk.full(room=17)  # 17 bytes fit: the command line is torn partway
    with pytest.raises(LogWriteFailed) as failed:
        session.submit(note(1))
    assert str(log) in str(failed.value) and os.strerror(errno.ENOSPC) in str(failed.value)
    assert isinstance(failed.value, LogError)  # the CLI and the consoles show LogErrors plainly
    assert log.read_bytes() == before  # cut back: no partial line
    assert len(session.events) == events_before  # and the command was not applied
    disk.freed()
    session.submit(note(2))
    session.run_to_end()
    session.close()
    assert logged_notes(log) == ["note 0", "note 2"]
    verify(log)


def test_a_failed_fsync_cuts_the_command_back_too(pack, tmp_path, monkeypatch):
    """The bytes were written but never made durable: the command is not acknowledged."""
    log = tmp_path / "x.jsonl"
    disk = Disk(monkeypatch, log)
    session = Session.start(pack, 1, SEATS, log)
    before = log.read_bytes()
    disk.fsync_error = True
    with pytest.raises(LogWriteFailed):
        session.submit(note(1))
    assert log.read_bytes() == before
    assert not any(e.type == "observer_noted" for e in session.events)
    disk.freed()
    session.close()


def test_a_command_on_disk_whose_events_are_refused_is_done_and_the_next_write_stops(pack, tmp_path, monkeypatch):
    log = tmp_path / "x.jsonl"
    disk = Disk(monkeypatch, log)
    session = Session.start(pack, 1, SEATS, log)
    session.advance_to(2)
    disk.events_refused = True
    events = session.submit(note(1))  # on disk and applied: not an error for this command
    assert [e.type for e in events] == ["observer_noted"] and logged_notes(log) == ["note 1"]
    with pytest.raises(LogWriteFailed):
        session.submit(note(2))  # its events are owed first, and the disk still refuses them
    with pytest.raises(LogWriteFailed):
        session.advance_to(5)
    assert logged_notes(log) == ["note 1"] and read_log(log).error is None
    disk.freed()
    session.submit(note(3))
    session.run_to_end()
    session.close()
    assert logged_notes(log) == ["note 1", "note 3"]
    verify(log)


def test_the_issue_attack_commands_3_to_5_fail_then_24_more_are_kept(pack, tmp_path, monkeypatch):
    """Then a resume sets nothing aside, and the log holds exactly the acknowledged commands."""
    log = tmp_path / "x.jsonl"
    disk = Disk(monkeypatch, log)
    session = Session.start(pack, 1, SEATS, log)
    acknowledged = []
    for i in range(29):
        if i == 3:
            disk.full(room=40)
        elif i == 6:
            disk.freed()
        if disk.room is None:
            session.advance_to(i * 0.5)
        try:
            session.submit(note(i))
        except LogWriteFailed:
            assert 3 <= i <= 5
            continue
        acknowledged.append(f"note {i}")
    assert len(acknowledged) == 26 and disk.failures == 3
    session.close()
    resumed = Session.resume(log)
    assert resumed.recovered is None and not list(tmp_path.glob("x.jsonl.corrupt-*"))
    resumed.run_to_end()
    resumed.close()
    assert logged_notes(log) == acknowledged
    verify(log)


def test_events_the_disk_refuses_stop_the_session_until_it_has_room(pack, tmp_path, monkeypatch):
    """The clock cannot run ahead of its log; once there is room the log is exactly the one an
    undisturbed run of the same commands writes."""
    plain = tmp_path / "plain.jsonl"
    log = tmp_path / "x.jsonl"
    disk = Disk(monkeypatch, log)

    def play(path: Path, trouble: bool) -> None:
        s = Session.start(pack, 4, SEATS, path)
        s.advance_to(3)
        s.submit(note(0))
        if trouble:
            before, now = path.read_bytes(), s.now
            disk.full(room=5)
            with pytest.raises(LogWriteFailed):
                s.advance_to(30)  # the engine ran, its events could not be written
            assert path.read_bytes() == before
            moved = s.now
            with pytest.raises(LogWriteFailed):
                s.advance_to(60)  # refused before the engine moves on
            with pytest.raises(LogWriteFailed):
                s.submit(note(99))  # and no command is taken
            assert s.now == moved > now and path.read_bytes() == before
            disk.freed()
        else:
            s.advance_to(30)
        s.submit(note(1))
        s.run_to_end()
        s.close()

    play(plain, trouble=False)
    play(log, trouble=True)
    assert strip_wall(log.read_text()) == strip_wall(plain.read_text())
    verify(log)


def test_a_cut_back_that_fails_is_finished_before_anything_else_is_written(pack, tmp_path, monkeypatch):
    """EIO on the cut-back itself: the torn line must never be followed by another."""
    log = tmp_path / "x.jsonl"
    disk = Disk(monkeypatch, log)
    session = Session.start(pack, 1, SEATS, log)
    real_ftruncate, calls = os.ftruncate, []

    def ftruncate(fd, size):
        calls.append(size)
        if len(calls) == 1:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real_ftruncate(fd, size)

    monkeypatch.setattr(os, "ftruncate", ftruncate)
    disk.full(room=9)
    with pytest.raises(LogWriteFailed):
        session.submit(note(1))
    assert read_log(log).error is not None  # torn for now...
    disk.freed()
    session.submit(note(2))  # ...cut back first, then written
    session.close()
    read = read_log(log)
    assert read.error is None and logged_notes(log) == ["note 2"]


def test_a_full_disk_at_close_keeps_the_log_sound(pack, tmp_path, monkeypatch):
    log = tmp_path / "x.jsonl"
    disk = Disk(monkeypatch, log)
    session = Session.start(pack, 1, SEATS, log)
    session.submit(note(0))
    disk.full()
    with pytest.raises(LogWriteFailed):
        session.advance_to(40)
    with pytest.raises(LogWriteFailed):
        session.close()  # the owed events cannot be written: said, and the log still ends soundly
    assert read_log(log).error is None
    disk.freed()
    resumed = Session.resume(log)  # the lock was released; the events are regenerated
    assert resumed.recovered is None
    resumed.close()


@pytest.mark.parametrize("room", [300, 3000], ids=["in-the-header", "in-the-events"])
def test_simulate_on_a_full_disk_is_a_plain_error(tmp_path, monkeypatch, room):
    log = tmp_path / "sim.jsonl"
    log.touch()  # an empty file is a new log; the disk under it is full
    Disk(monkeypatch, log).full(room=room)
    result = cli("simulate", FIXTURES / "mini", "--log", log)
    assert plain_refusal(result.exit_code, result.output), result.output
    assert str(log) in result.output and os.strerror(errno.ENOSPC) in result.output
    assert log.read_bytes() == b"" if room == 300 else read_log(log).error is None  # no torn line


def test_a_resume_that_cannot_set_the_tail_aside_changes_nothing(pack, tmp_path, monkeypatch):
    log = tmp_path / "x.jsonl"
    s = Session.start(pack, 1, SEATS, log)
    s.submit(note(0))
    s.close()
    with log.open("ab") as f:
        f.write(b'{"kind":"command","ty')
    damaged = log.read_bytes()
    real_fsync = os.fsync

    def fsync(fd):  # the copy of the tail cannot be made durable
        if ".corrupt-" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fsync(fd)

    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to tell the copy's descriptor")
    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(LogError) as failed:
        Session.resume(log)
    assert "aside" in str(failed.value)
    assert log.read_bytes() == damaged and not list(tmp_path.glob("x.jsonl.corrupt-*"))
    monkeypatch.setattr(os, "fsync", real_fsync)
    Session.resume(log).close()  # nothing holds the log


# ---- a real small filesystem -------------------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path):
    """A 64 KiB tmpfs (needs root and mount; skipped where either is missing)."""
    where = tmp_path / "small"
    where.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a real full disk needs root to mount a small tmpfs")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", f"tabletop-{uuid.uuid4().hex[:8]}", str(where)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.strip()}")
    try:
        yield where
    finally:  # lazily: a test that failed with the log still open must not leave the mount behind
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def test_a_real_full_disk_loses_nothing_acknowledged(pack, small_disk):
    log = small_disk / "x.jsonl"
    session = Session.start(pack, 1, all_staff(pack.scenario.roles, "plan", 1.0), log)
    filler = small_disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:  # fill the disk to the last byte
        while True:
            os.write(fd, b"\0" * 512)
    except OSError:
        pass
    finally:
        os.close(fd)
    acknowledged, refused, i = [], 0, 0
    try:
        while refused < 3 and i < 2000:  # the log's last page has some room left: use it up
            try:
                session.submit(note(i))
                acknowledged.append(f"note {i}")
            except LogWriteFailed as exc:
                assert exc.cause.errno == errno.ENOSPC
                refused += 1
            i += 1
        assert refused == 3
        assert read_log(log).error is None  # what was refused left no torn line
        filler.unlink()  # space comes back
        for i in range(i, i + 24):
            session.submit(note(i))
            acknowledged.append(f"note {i}")
        session.run_to_end()
    finally:
        session.close()
    resumed = Session.resume(log)
    assert resumed.recovered is None and not list(small_disk.glob("*.corrupt-*"))
    resumed.close()
    assert logged_notes(log) == acknowledged
    verify(log)
