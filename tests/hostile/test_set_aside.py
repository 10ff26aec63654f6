"""What a resume sets aside is never overwritten (issue 10, data integrity).

The attack: a log damaged twice at the same line. The second resume wrote its tail over the
first `.corrupt-N` file, so the first tail was gone.
"""

from __future__ import annotations

from pathlib import Path

from simulator.engine import commands as C
from simulator.engine.seats import Seat
from simulator.loading.pack import load_pack
from simulator.replay import verify
from simulator.session import Session

from ..conftest import FIXTURES

SEATS = {"chief": Seat(), "press": Seat(kind="staff", policy="plan")}


def tear_line(log: Path, number: int, keep: int, junk: bytes) -> bytes:
    """Cut the log inside line `number` (1-based), keeping `keep` bytes of it, plus `junk`; the torn tail."""
    lines = log.read_bytes().splitlines(keepends=True)
    tail = lines[number - 1][:keep] + junk
    log.write_bytes(b"".join(lines[: number - 1]) + tail)
    return tail


def test_a_second_damage_at_the_same_line_gets_a_fresh_name(tmp_path):
    log = tmp_path / "x.jsonl"
    session = Session.start(load_pack(FIXTURES / "mini"), 1, SEATS, log)
    for i in range(4):
        session.advance_to(i + 1)
        session.submit(C.ObserverNote(by="facilitator", text=f"note {i}"))
    session.close()
    line = 6
    first = tear_line(log, line, 12, b"FIRST")
    resumed = Session.resume(log)
    assert resumed.set_aside == tmp_path / f"x.jsonl.corrupt-{line}"
    resumed.close()
    second = tear_line(log, line, 20, b"SECOND")
    again = Session.resume(log)
    assert again.set_aside == tmp_path / f"x.jsonl.corrupt-{line}.2"
    again.close()
    assert (tmp_path / f"x.jsonl.corrupt-{line}").read_bytes() == first  # the first tail is kept
    assert (tmp_path / f"x.jsonl.corrupt-{line}.2").read_bytes() == second
    third = tear_line(log, line, 3, b"THIRD")
    Session.resume(log).close()
    assert (tmp_path / f"x.jsonl.corrupt-{line}.3").read_bytes() == third
    assert (tmp_path / f"x.jsonl.corrupt-{line}").read_bytes() == first
    verify(log)


def test_a_file_that_happens_to_have_the_name_is_not_overwritten(tmp_path):
    log = tmp_path / "x.jsonl"
    session = Session.start(load_pack(FIXTURES / "mini"), 1, SEATS, log)
    session.advance_to(3)
    session.close()
    mine = tmp_path / "x.jsonl.corrupt-3"
    mine.write_text("someone's notes\n")
    tear_line(log, 3, 5, b"")
    resumed = Session.resume(log)
    resumed.close()
    assert mine.read_text() == "someone's notes\n"
    assert resumed.set_aside.name == "x.jsonl.corrupt-3.2"
