"""A consistent hand edit of a log went unnoticed (issue 10, data integrity).

The attack: a sentence added to one statement, in its command and in the event replay makes
from it. `replay --verify` passed (the events regenerated from the edited command matched),
a rating moved and the report took it. Every line of a log now ends with its link in a
sha256 chain: an edited, removed, moved or added line is refused at its number by verify,
score, report, resume and branch. The chain is not keyed, so an editor who recomputes it gets
a log that verifies; the digest the report prints, kept apart from the log, shows the change
(`replay --verify --digest`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from simulator.engine import commands as C
from simulator.engine.seats import Seat
from simulator.loading.pack import load_pack
from simulator.log import ChainBroken, read_log
from simulator.replay import verify
from simulator.session import Session

from ..conftest import FIXTURES, contents, rechain
from .conftest import cli, plain_refusal

SEATS = {"chief": Seat(), "press": Seat(kind="staff", policy="plan")}
STATEMENT = "Please stay calm; the rumour is false."
DIGEST = re.compile(r"log digest: ([0-9a-f]{64})")


@pytest.fixture
def log(tmp_path) -> Path:
    """A short exercise with one statement a person made, played to the end."""
    path = tmp_path / "x.jsonl"
    s = Session.start(load_pack(FIXTURES / "mini"), 5, SEATS, path)
    s.advance_to(4)
    s.submit(C.TakeAction(by="chief", action="chief.convene"))
    s.advance_to(70)
    s.submit(C.IssueStatement(by="chief", channel="social", text=STATEMENT))
    s.run_to_end()
    s.close()
    return path


def lines_of(log: Path) -> list[bytes]:
    return log.read_bytes().splitlines(keepends=True)


def number_of(log: Path, fragment: str) -> int:
    """1-based number of the first line holding `fragment`."""
    return next(i for i, line in enumerate(contents(log), 1) if fragment in line)


def digest_of(log: Path) -> str:
    result = cli("replay", "--verify", log)
    assert result.exit_code == 0, result.output
    return DIGEST.search(result.output).group(1)


def consistent_edit(log: Path) -> int:
    """The issue's edit: a sentence added to the statement, in the command and in its events (its
    verdicts, and the statement issued), as replay would make the events from the edited command;
    the links left as they were. Its line."""
    text = log.read_text(encoding="utf-8")
    longer = STATEMENT + " Help is at the helpline."
    assert text.count(STATEMENT) == 3  # the command, the statement_judged and the statement_issued events
    log.write_text(text.replace(STATEMENT, longer), encoding="utf-8")
    return number_of(log, '"type":"issue_statement"')


REFUSERS = {
    "verify": lambda log, tmp: cli("replay", "--verify", log),
    "text": lambda log, tmp: cli("replay", "--text", log),
    "score": lambda log, tmp: cli("score", log),
    "report-html": lambda log, tmp: cli("report", log, "-o", tmp / "aar.html"),
    "report-md": lambda log, tmp: cli("report", log, "-o", tmp / "aar.md"),
    "hotwash": lambda log, tmp: cli("hotwash", log, "--list"),
    "branch": lambda log, tmp: cli("branch", log, "--at", "100", "-o", tmp / "b.jsonl"),
}


@pytest.mark.parametrize("command", list(REFUSERS))
def test_a_consistent_edit_is_refused_at_its_line(log, tmp_path, command):
    line = consistent_edit(log)
    result = REFUSERS[command](log, tmp_path)
    assert plain_refusal(result.exit_code, result.output), result.output
    assert f"{log}:{line}:" in result.output and "changed" in result.output
    assert not (tmp_path / "aar.html").exists() and not (tmp_path / "aar.md").exists()
    assert not (tmp_path / "b.jsonl").exists()


def test_resume_refuses_an_edited_log_and_sets_nothing_aside(log, tmp_path):
    line = consistent_edit(log)
    before = log.read_bytes()
    with pytest.raises(ChainBroken) as err:
        Session.resume(log)
    assert err.value.line == line
    assert log.read_bytes() == before and not list(tmp_path.glob("*.corrupt-*"))


def test_an_edited_header_is_refused_at_line_1(log):
    text = log.read_text()
    log.write_text(text.replace('"seats":{"chief":{"kind":"human"', '"seats":{"chief":{"kind":"staff"', 1))
    assert log.read_text() != text
    with pytest.raises(ChainBroken) as err:
        read_log(log)
    assert err.value.line == 1


def test_a_deleted_line_is_refused_where_the_chain_breaks(log):
    lines = lines_of(log)
    gone = number_of(log, '"type":"take_action"')
    log.write_bytes(b"".join(lines[:gone - 1] + lines[gone:]))
    result = cli("replay", "--verify", log)
    assert plain_refusal(result.exit_code, result.output)
    assert f"{log}:{gone}:" in result.output and "does not follow" in result.output  # the line now there


def test_two_swapped_lines_are_refused_at_the_first(log):
    lines = lines_of(log)
    k = number_of(log, '"type":"take_action"')
    lines[k - 1], lines[k] = lines[k], lines[k - 1]
    log.write_bytes(b"".join(lines))
    result = cli("score", log)
    assert plain_refusal(result.exit_code, result.output)
    assert f"{log}:{k}:" in result.output and "does not follow" in result.output


def test_a_forged_line_without_a_link_is_refused(log):
    n = len(lines_of(log))
    forged = C.ObserverNote(by="facilitator", t=120.0, text="All went to plan.").model_dump_json()
    log.write_text(log.read_text() + forged + "\n")
    result = cli("replay", "--verify", log)
    assert plain_refusal(result.exit_code, result.output)
    assert f"{log}:{n + 1}:" in result.output and "no chain link" in result.output


def test_a_forged_line_with_a_link_from_another_log_is_refused(log, tmp_path):
    """A real line of another exercise, link and all: it does not follow from this log's lines."""
    other = tmp_path / "other.jsonl"
    s = Session.start(load_pack(FIXTURES / "mini"), 6, SEATS, other)
    s.submit(C.ObserverNote(by="facilitator", text="From elsewhere."))
    s.close()
    borrowed = next(line for line in lines_of(other) if b"From elsewhere." in line)
    n = len(lines_of(log))
    log.write_bytes(log.read_bytes() + borrowed)
    with pytest.raises(ChainBroken) as err:
        verify(log)
    assert err.value.line == n + 1


def test_a_torn_last_line_is_damage_not_tampering(log):
    """A crash can tear the last line: still damage (sound prefix, resume sets it aside), located."""
    data = log.read_bytes()
    log.write_bytes(data[:-30])
    n = len(lines_of(log))
    verified = cli("replay", "--verify", log)
    assert plain_refusal(verified.exit_code, verified.output) and f"{log}:{n}:" in verified.output
    scored = cli("score", log)
    assert scored.exit_code == 0 and f"{log}:{n}:" in scored.stderr and "warning" in scored.stderr


# ---- the limit of an unkeyed chain, and the digest that covers it ---------------------------------

def test_a_recomputed_chain_passes_but_the_filed_digest_shows_the_edit(log):
    filed = digest_of(log)
    line = consistent_edit(log)
    rechain(log)  # anyone can: the chain is not keyed
    assert cli("replay", "--verify", log).exit_code == 0  # the honest limit: an edit made with care verifies
    result = cli("replay", "--verify", "--digest", filed, log)
    assert plain_refusal(result.exit_code, result.output)
    assert "not the log that digest names" in result.output
    assert digest_of(log) != filed and line > 1


def test_a_log_cut_short_at_a_line_end_is_shown_by_the_filed_digest(log):
    filed = digest_of(log)
    lines = lines_of(log)
    log.write_bytes(b"".join(lines[:-3]))
    assert cli("replay", "--verify", log).exit_code == 0  # a shorter log is a sound log...
    result = cli("replay", "--verify", "--digest", filed, log)
    assert plain_refusal(result.exit_code, result.output)  # ...but not the one that was filed
    assert "cut short" in result.output


def test_lines_added_after_the_digest_are_located(log):
    filed = digest_of(log)
    n = len(lines_of(log))
    session = Session.resume(log)
    session.submit(C.ObserverNote(by="facilitator", text="Added after the report was filed."))
    session.close()
    result = cli("replay", "--verify", "--digest", filed, log)
    assert plain_refusal(result.exit_code, result.output)
    assert f"{log}:{n + 1}:" in result.output and f"up to line {n}" in result.output


def test_the_filed_digest_matches_the_log_it_came_from(log, tmp_path):
    report = cli("report", log, "-o", tmp_path / "aar.md")
    assert report.exit_code == 0, report.output
    filed = DIGEST.search(report.output).group(1)
    assert filed in (tmp_path / "aar.md").read_text()
    result = cli("replay", "--verify", "--digest", filed.upper(), log)
    assert result.exit_code == 0 and "digest matches" in result.output


@pytest.mark.parametrize("bad", ["abc", "g" * 64, "0" * 63])
def test_a_digest_that_is_not_one_is_a_usage_error(log, bad):
    result = cli("replay", "--verify", "--digest", bad, log)
    assert result.exit_code == 2 and "Traceback" not in result.output


# ---- clean, resumed and branched logs verify and name themselves ---------------------------------

def test_a_clean_log_verifies_and_prints_its_digest_everywhere(log, tmp_path):
    digest = digest_of(log)
    assert digest == read_log(log).digest
    for name in ("aar.html", "aar.md"):
        result = cli("report", log, "-o", tmp_path / name)
        assert result.exit_code == 0, result.output
        assert digest in (tmp_path / name).read_text() and f"log digest: {digest}" in result.output


def test_a_resumed_log_continues_its_chain(log):
    lines = lines_of(log)
    log.write_bytes(b"".join(lines[:-2]) + lines[-2][:20])  # a crash tore a line
    session = Session.resume(log)
    assert session.set_aside is not None
    session.submit(C.ObserverNote(by="facilitator", text="Back after the crash."))
    session.run_to_end()
    session.close()
    result = cli("replay", "--verify", log)
    assert result.exit_code == 0, result.output
    assert DIGEST.search(result.output).group(1) == read_log(log).digest


def test_a_branched_log_continues_its_chain(log, tmp_path):
    out = tmp_path / "what-if.jsonl"
    result = cli("branch", log, "--at", "50", "-o", out, "--seat", "chief=plan", "--play-out")
    assert result.exit_code == 0, result.output
    verified = cli("replay", "--verify", out)
    assert verified.exit_code == 0, verified.output
    assert DIGEST.search(verified.output).group(1) not in (digest_of(log), None)
    kept = [line for line in contents(log)[1:] if json.loads(line)["t"] <= 50]
    assert contents(out)[1:len(kept) + 1] == kept  # the same records, byte for byte


def test_a_refused_command_leaves_no_gap_in_the_chain(tmp_path, monkeypatch):
    """A command the disk refused was never written, and its link never taken on."""
    from .conftest import Disk

    path = tmp_path / "full.jsonl"
    s = Session.start(load_pack(FIXTURES / "mini"), 5, SEATS, path)
    s.advance_to(3)
    disk = Disk(monkeypatch, path)
    disk.full(room=10)
    with pytest.raises(Exception):
        s.submit(C.ObserverNote(by="facilitator", text="This one the disk refuses."))
    disk.freed()
    s.submit(C.ObserverNote(by="facilitator", text="This one it takes."))
    s.close()
    verify(path)
    assert "refuses" not in path.read_text()


# ---- old logs: read, and said plainly to have no chain ---------------------------------------------

@pytest.fixture
def old_log(tmp_path) -> Path:
    old = tmp_path / "old.jsonl"
    old.write_bytes((FIXTURES / "logs" / "before-drafts.jsonl").read_bytes())
    return old


def test_an_old_log_verifies_and_says_it_has_no_chain(old_log):
    result = cli("replay", "--verify", old_log)
    assert result.exit_code == 0, result.output
    assert "no digest" in result.output and "tabletop-log/1" in result.output
    assert not DIGEST.search(result.output)


def test_an_old_log_cannot_be_checked_against_a_digest(old_log):
    result = cli("replay", "--verify", "--digest", "0" * 64, old_log)
    assert plain_refusal(result.exit_code, result.output) and "no digest" in result.output


def test_an_old_log_is_scored_and_reported_with_a_plain_note(old_log, tmp_path):
    scored = cli("score", old_log)
    assert scored.exit_code == 0 and "no digest" in scored.stderr
    reported = cli("report", old_log, "-o", tmp_path / "aar.md")
    assert reported.exit_code == 0, reported.output
    text = (tmp_path / "aar.md").read_text()
    assert "This log has no digest" in text and "cannot be detected" in text


def test_an_old_log_resumed_stays_unchained_and_verifies(old_log):
    session = Session.resume(old_log, load_pack(FIXTURES / "mini"))
    session.submit(C.ObserverNote(by="facilitator", text="Resumed today."))
    session.close()
    assert '"chain"' not in old_log.read_text()
    assert verify(old_log, load_pack(FIXTURES / "mini")).log.digest is None


def test_an_old_log_branched_stays_unchained_and_verifies(old_log, tmp_path):
    from simulator.branch import branch_log

    out = tmp_path / "what-if.jsonl"
    branched = branch_log(old_log, 10, out)
    branched.session.run_to_end()
    branched.session.close()
    assert '"chain"' not in out.read_text()
    assert verify(out, load_pack(FIXTURES / "mini")).log.digest is None
