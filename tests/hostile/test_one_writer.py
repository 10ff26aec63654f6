"""A second writer on a live log (issue 9, part 2), with real processes.

The attack: while `tabletop run ... --log x.jsonl` is live, a second process resumes, answers
the hot wash, overrides a rating or branches onto the same file. Its commands never reach the
first, and the log stops verifying. Every writer must be refused plainly, naming the holder;
a holder killed with SIGKILL must leave nothing that blocks a resume.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from simulator.engine import commands as C
from simulator.engine.seats import all_staff
from simulator.log import LogBusy, read_log
from simulator.loading.pack import load_pack
from simulator.loglock import sidecar
from simulator.replay import verify
from simulator.session import Session

from ..conftest import FIXTURES, run_headless
from .conftest import plain_refusal, tabletop

MINI = FIXTURES / "mini"

HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from simulator.engine import commands as C
    from simulator.engine.seats import all_staff
    from simulator.loading.pack import load_pack
    from simulator.session import Session
    pack = load_pack(Path(sys.argv[1]))
    log = Path(sys.argv[2])
    if log.exists():
        s = Session.resume(log)
    else:
        s = Session.start(pack, 1, all_staff(pack.scenario.roles, "plan", 1.0), log)
        s.advance_to(5)
    s.submit(C.ObserverNote(by="facilitator", text="from the holder"))
    print("HOLDING", flush=True)
    sys.stdin.readline()  # hold the log until the test closes our stdin (or kills us)
    s.close()
""")


class Holder:
    """A real process writing `log` (started fresh, or resuming it) until released or killed."""

    def __init__(self, log: Path):
        self.proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(MINI), str(log)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        assert line.strip() == "HOLDING", f"holder did not start: {line!r}"
        self.pid = self.proc.pid

    def release(self) -> None:
        self.proc.stdin.close()
        assert self.proc.wait(timeout=60) == 0

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        self.proc.wait(timeout=60)
        self.proc.stdin.close()


@pytest.fixture
def holder(tmp_path):
    made = []

    def start(log: Path) -> Holder:
        made.append(Holder(log))
        return made[-1]

    yield start
    for h in made:
        if h.proc.poll() is None:
            h.kill()


def test_every_writer_is_refused_while_a_process_holds_the_log(tmp_path, holder):
    """run --resume, run --log, simulate --log, hotwash, override and branch onto the live log:
    each exits 1 with a plain message naming the holder's pid, and the log is untouched."""
    log = tmp_path / "live.jsonl"
    other = tmp_path / "other.jsonl"
    run_headless(load_pack(MINI), 2, "plan", other)
    answers = tmp_path / "answers.yaml"
    answers.write_text("feedback.strengths: calm\n")
    h = holder(log)
    before = log.read_bytes()
    attempts = [
        ("run", "--resume", log),
        ("run", MINI, "--log", log),
        ("simulate", MINI, "--log", log),
        ("hotwash", log, "--answers", answers),
        ("override", log, "expectation:ack", "P", "--rationale", "because"),
        ("branch", other, "--at", "3", "-o", log),
    ]
    for args in attempts:
        result = tabletop(*args)
        assert plain_refusal(result.returncode, result.stderr), (args, result.stdout, result.stderr)
        assert f"pid {h.pid}" in result.stderr, (args, result.stderr)
        assert "only one process may write" in result.stderr
    assert log.read_bytes() == before  # nothing was cut, set aside or appended
    assert not list(tmp_path.glob("live.jsonl.corrupt-*"))
    h.release()
    verify(log)


def test_a_refused_resume_sets_nothing_aside_even_when_the_tail_looks_torn(tmp_path, holder):
    """A live writer's last line may be half written: a second resume must not 'repair' it."""
    log = tmp_path / "live.jsonl"
    h = holder(log)
    with log.open("ab") as f:
        f.write(b'{"kind":"command","type":"obs')  # the holder, halfway through a line
    before = log.read_bytes()
    result = tabletop("run", "--resume", log)
    assert plain_refusal(result.returncode, result.stderr) and f"pid {h.pid}" in result.stderr
    assert log.read_bytes() == before and not list(tmp_path.glob("live.jsonl.corrupt-*"))


def test_the_refusal_names_the_holder_in_process_too(tmp_path, holder):
    log = tmp_path / "live.jsonl"
    h = holder(log)
    with pytest.raises(LogBusy) as refused:
        Session.resume(log)
    assert refused.value.holder.pid == h.pid
    assert str(h.pid) in str(refused.value)
    h.release()


def test_a_holder_killed_with_sigkill_does_not_block_a_resume(tmp_path, holder):
    log = tmp_path / "killed.jsonl"
    h = holder(log)
    h.kill()
    assert str(h.pid) in sidecar(log).read_text()  # the stale record is still there...
    session = Session.resume(log)  # ...and blocks nothing: the kernel dropped the lock
    assert f"{os.getpid()}" in sidecar(log).read_text()  # the new writer recorded itself
    session.submit(C.ObserverNote(by="facilitator", text="after the kill"))
    session.run_to_end()
    session.close()
    assert not sidecar(log).exists()  # a clean close leaves no record behind
    notes = [ln.data["text"] for ln in read_log(log).lines if ln.data.get("type") == "observer_note"
             and ln.data["kind"] == "command"]
    assert notes == ["from the holder", "after the kill"]
    assert verify(log).events[-1].type == "exercise_ended"


def test_a_resume_after_the_holder_let_go_takes_over(tmp_path, holder):
    log = tmp_path / "handed.jsonl"
    holder(log).release()
    second = holder(log)  # a second real process resumes it: allowed now
    second.release()
    notes = [ln.data["text"] for ln in read_log(log).lines if ln.data.get("kind") == "command"]
    assert notes == ["from the holder", "from the holder"]
    verify(log)


def test_a_second_writer_in_the_same_process_is_refused(tmp_path):
    pack = load_pack(MINI)
    log = tmp_path / "one.jsonl"
    first = Session.start(pack, 1, all_staff(pack.scenario.roles, "plan", 1.0), log)
    with pytest.raises(LogBusy):
        Session.resume(log)
    first.close()
    second = Session.resume(log)  # the first let go
    second.close()


def test_a_refused_writer_that_finds_no_record_still_says_so_plainly(tmp_path, holder):
    log = tmp_path / "live.jsonl"
    holder(log)
    sidecar(log).unlink()
    result = tabletop("run", "--resume", log)
    assert plain_refusal(result.returncode, result.stderr)
    assert "another process" in result.stderr


@pytest.mark.parametrize("args", [("run", "--resume", "{log}"), ("hotwash", "{log}", "--answers", "/dev/null"),
                                  ("simulate", str(MINI), "--log", "{log}"), ("replay", "--verify", "{log}")])
def test_a_pipe_named_as_the_log_is_refused_not_waited_on(tmp_path, args):
    """A named pipe blocks whoever opens it until the other end does: the lock probe, the writer
    and the reader must refuse it at once (the timeout turns a hang into a failure)."""
    log = tmp_path / "pipe.jsonl"
    os.mkfifo(log)
    result = tabletop(*(a.format(log=log) for a in args), timeout=60)
    assert plain_refusal(result.returncode, result.stderr), result.stderr
