"""Log lines that crashed the readers or were read wrong (issue 10, nothing crashes).

The attacks: a line nested thousands deep (RecursionError) or holding a 5,000-digit number
(Python's integer limit) gave a traceback in verify, `replay --text`, score, report and resume,
and resume failed without setting the tail aside; a damaged line that still began like an event
made score and `replay --text` exit 1 while other damage kept the sound prefix; a CRLF log
failed with "event differs"; a header seating an unknown role was accepted; a command at minute
NaN on line 151 was reported at line 152; a time off the grid passed in a format-2 log.

Damage is now always the same: a located message, the sound prefix kept (score and
`replay --text` warn and show it, verify and report refuse, resume sets the tail aside).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.engine import commands as C
from simulator.engine.seats import Seat
from simulator.loading.pack import load_pack
from simulator.log import LogError, read_log
from simulator.replay import verify
from simulator.session import Session

from ..conftest import FIXTURES, contents, rechain
from .conftest import cli, plain_refusal

SEATS = {"chief": Seat(), "press": Seat(kind="staff", policy="plan")}
DEEP = 5000


@pytest.fixture
def log(tmp_path) -> Path:
    path = tmp_path / "x.jsonl"
    s = Session.start(load_pack(FIXTURES / "mini"), 5, SEATS, path)
    for minute in (4, 30, 60):
        s.advance_to(minute)
        s.submit(C.ObserverNote(by="facilitator", text=f"note at {minute}"))
    s.run_to_end()
    s.close()
    return path


def note_line(log: Path, minute: int = 30) -> int:
    return next(i for i, line in enumerate(contents(log), 1) if f"note at {minute}" in line and '"command"' in line)


BAD = {
    "nested command": '{"kind":"command","type":"observer_note","t":30.0,"by":"facilitator","text":'
                      + "[" * DEEP + "]" * DEEP + "}",
    "nested event": '{"kind":"event","type":"observer_noted","t":30.0,"by":' + "[" * DEEP + "]" * DEEP + "}",
    "long number command": '{"kind":"command","type":"observer_note","t":30.0,"by":"facilitator","text":'
                           + "9" * 5000 + "}",
    "long number event": '{"kind":"event","type":"observer_noted","t":' + "1" * 5000 + "}",
    "garbage after an event's start": '{"kind":"event","type":"obs\x00\x01 }}{{ not json',
    "NaN minute": '{"kind":"command","type":"observer_note","t":NaN,"by":"facilitator","text":"x"}',
    "infinite minute": '{"kind":"command","type":"observer_note","t":1e999,"by":"facilitator","text":"x"}',
}


def damage(log: Path, bad: str, number: int) -> None:
    """Line `number` replaced by `bad` (its link not recomputed: damage, not an edit)."""
    lines = log.read_bytes().splitlines(keepends=True)
    lines[number - 1] = bad.encode("utf-8") + b"\n"
    log.write_bytes(b"".join(lines))


@pytest.mark.parametrize("kind", list(BAD))
def test_damage_is_located_and_refused_by_verify_and_report(log, tmp_path, kind):
    n = note_line(log)
    damage(log, BAD[kind], n)
    for result in (cli("replay", "--verify", log), cli("report", log, "-o", tmp_path / "aar.html")):
        assert plain_refusal(result.exit_code, result.output), result.output
        assert f"{log}:{n}:" in result.output
    assert not (tmp_path / "aar.html").exists()


@pytest.mark.parametrize("kind", list(BAD))
def test_damage_keeps_the_sound_prefix_in_score_and_text(log, kind):
    n = note_line(log)
    damage(log, BAD[kind], n)
    for args in (("score",), ("replay", "--text")):
        result = cli(*args, log)
        assert result.exit_code == 0, result.output
        assert "Traceback" not in result.output
        assert f"warning: {log}:{n}:" in result.stderr
    shown = cli("replay", "--text", log).stdout
    assert "note at 4" in shown and "note at 30" not in shown and "note at 60" not in shown


@pytest.mark.parametrize("kind", list(BAD))
def test_resume_sets_the_damaged_tail_aside(log, kind):
    n = note_line(log)
    damage(log, BAD[kind], n)
    tail = b"".join(log.read_bytes().splitlines(keepends=True)[n - 1:])
    session = Session.resume(log)
    assert session.set_aside == log.with_name(f"{log.name}.corrupt-{n}")
    assert session.set_aside.read_bytes() == tail  # nothing lost: the tail is kept whole
    session.submit(C.ObserverNote(by="facilitator", text="after the resume"))
    session.close()
    verify(log)


def test_an_old_unchained_log_with_a_damaged_event_line_keeps_its_sound_prefix(tmp_path):
    """No link to show the damage in format 1: score and replay --text parse every line, and find it as damage."""
    old = tmp_path / "old.jsonl"
    lines = (FIXTURES / "logs" / "before-drafts.jsonl").read_bytes().splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines, 1) if i > 5 and line.startswith(b'{"kind":"event","type":"'))
    lines[n - 1] = BAD["garbage after an event's start"].encode() + b"\n"
    old.write_bytes(b"".join(lines))
    for args in (("score",), ("replay", "--text")):
        result = cli(*args, old)
        assert result.exit_code == 0, result.output
        assert f"warning: {old}:{n}:" in result.stderr and "no digest" in result.stderr
    verified = cli("replay", "--verify", old)
    assert plain_refusal(verified.exit_code, verified.output) and f"{old}:{n}:" in verified.output


@pytest.mark.parametrize("kind", ["nested event", "long number event"])
def test_a_bad_event_line_with_its_chain_made_anew_is_still_located(log, kind):
    """A forger's line, links and all: it is no event the replay makes, and it is said where."""
    n = note_line(log) + 1
    lines = contents(log)
    lines[n - 1] = BAD[kind]
    rechain(log, lines)
    with pytest.raises(LogError) as err:
        verify(log)
    assert err.value.line == n
    result = cli("score", log)
    assert result.exit_code == 0 and f"warning: {log}:{n}:" in result.stderr  # parsed there: damage


def test_the_nan_minute_is_reported_at_its_own_line(log):
    """The issue's case: a command at minute NaN was reported at the line after it."""
    n = note_line(log)
    lines = contents(log)
    lines[n - 1] = lines[n - 1].replace('"t":30.0', '"t":NaN')
    rechain(log, lines)  # even with the chain made anew
    assert read_log(log).error.line == n
    result = cli("replay", "--verify", log)
    assert plain_refusal(result.exit_code, result.output) and f"{log}:{n}:" in result.output


def test_nan_anywhere_in_a_line_is_not_json_and_is_damage_there(log):
    """NaN and Infinity are Python's extensions to JSON; no log line holds one, in any field."""
    n = next(i for i, line in enumerate(contents(log), 1) if '"type":"state_changed"' in line)
    lines = contents(log)
    data = json.loads(lines[n - 1])
    data["values"] = {name: float("nan") for name in data["values"]}
    lines[n - 1] = json.dumps(data, separators=(",", ":"))
    rechain(log, lines)
    assert read_log(log).error.line == n and "NaN" in read_log(log).error.message


@pytest.mark.parametrize("kind", ["command", "event"])
def test_a_time_off_the_grid_is_damage_at_its_line(log, kind):
    n = next(i for i, line in enumerate(contents(log), 1) if f'"kind":"{kind}"' in line and json.loads(line)["t"] > 10)
    lines = contents(log)
    data = json.loads(lines[n - 1])
    data["t"] += 0.00001  # a tenth of a tick
    lines[n - 1] = json.dumps(data, separators=(",", ":"))
    rechain(log, lines)
    assert read_log(log).error.line == n and "grid" in read_log(log).error.message
    result = cli("replay", "--verify", log)
    assert plain_refusal(result.exit_code, result.output) and f"{log}:{n}:" in result.output


# ---- Windows line endings ------------------------------------------------------------------------

COMMANDS = {
    "verify": lambda log, tmp: cli("replay", "--verify", log),
    "text": lambda log, tmp: cli("replay", "--text", log),
    "score": lambda log, tmp: cli("score", log),
    "report": lambda log, tmp: cli("report", log, "-o", tmp / "aar.md"),
    "resume": lambda log, tmp: cli("override", log, "objective:O1", "P", "--rationale", "x"),
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_crlf_log_is_refused_plainly_at_line_1(log, tmp_path, command):
    log.write_bytes(log.read_bytes().replace(b"\n", b"\r\n"))
    before = log.read_bytes()
    result = COMMANDS[command](log, tmp_path)
    assert plain_refusal(result.exit_code, result.output), result.output
    assert f"{log}:1:" in result.output and "carriage return" in result.output
    assert log.read_bytes() == before and not list(tmp_path.glob("*.corrupt-*"))  # nothing set aside or cut


def test_one_crlf_line_is_refused_at_that_line(log):
    n = note_line(log)
    lines = log.read_bytes().splitlines(keepends=True)
    lines[n - 1] = lines[n - 1].replace(b"\n", b"\r\n")
    log.write_bytes(b"".join(lines))
    with pytest.raises(LogError) as err:
        Session.resume(log)
    assert err.value.line == n and "carriage return" in err.value.message
    assert not list(log.parent.glob("*.corrupt-*"))


def test_converting_the_line_endings_back_restores_the_log(log):
    original = log.read_bytes()
    log.write_bytes(original.replace(b"\n", b"\r\n").replace(b"\r\n", b"\n"))
    assert verify(log).log.digest == read_log(log).digest


# ---- the header -----------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [("replay", "--verify"), ("replay", "--text"), ("score",)])
def test_a_seat_for_an_unknown_role_is_refused_at_line_1(log, args):
    lines = contents(log)
    header = json.loads(lines[0])
    header["seats"]["mayor"] = {"kind": "human"}
    lines[0] = json.dumps(header, separators=(",", ":"))
    rechain(log, lines)  # a consistent edit: refused for what it says, not only for being an edit
    result = cli(*args, log)
    assert plain_refusal(result.exit_code, result.output), result.output
    assert f"{log}:1:" in result.output and "'mayor'" in result.output


@pytest.mark.parametrize("header", [
    "[" * DEEP + "]" * DEEP,
    '{"kind":"header","seed":' + "7" * 5000 + "}",
    '{"kind":"header","format":"tabletop-log/2","seed":NaN}',
])
def test_a_header_that_cannot_be_read_is_refused_at_line_1(log, header):
    lines = log.read_bytes().splitlines(keepends=True)
    log.write_bytes(header.encode() + b"\n" + b"".join(lines[1:]))
    for result in (cli("replay", "--verify", log), cli("score", log), cli("replay", "--text", log)):
        assert plain_refusal(result.exit_code, result.output), result.output
        assert f"{log}:1:" in result.output
    with pytest.raises(LogError):
        Session.resume(log)
