"""Escape sequences in scenario or log text never reach the terminal raw.

The attack: a title holding ESC [2J (clear the screen) and ESC ] 0;... BEL (set the window
title), printed raw by `simulate` and `graph`. Pack text with control characters is now refused
where it is written; text from logs, which people type, is printed with its control characters
shown as escapes.
"""

from __future__ import annotations

from simulator.engine import commands as C
from simulator.engine.seats import all_staff
from simulator.loading.pack import load_pack
from simulator.session import Session
from simulator.terminal import first_control_character, printable

from .attack_kit import copy_pack, edit, refused, tabletop

HOSTILE = "\x1b[2J\x1b]0;owned\x07\x9b31m\rBack"


def _no_raw_controls(*texts: str) -> bool:
    return all(first_control_character(t) is None for t in texts)


def test_printable_shows_control_characters_and_keeps_lines():
    assert printable(f"a{HOSTILE}\n\tb") == "a\\x1b[2J\\x1b]0;owned\\x07\\x9b31m\\rBack\n\tb"
    assert printable("line\nnext\ttab", one_line=True) == "line\\nnext\\ttab"
    assert printable("Café, Łódź, 東京 ✓") == "Café, Łódź, 東京 ✓"


def test_escape_sequences_in_scenario_text_are_refused_where_written(tmp_path):
    pack = copy_pack(tmp_path)
    yaml_escaped = HOSTILE.encode("unicode_escape").decode("ascii").replace("\\x1b", "\\e").replace("\\x07", "\\a")
    edit(pack / "scenario.yaml", "title: Incident reported", f'title: "Incident {yaml_escaped}"')
    edit(pack / "scenario.yaml", "name: Control desk", f'name: "Desk {yaml_escaped}"')
    for command in ("validate", "simulate", "graph", "lint"):
        result = tabletop(command, pack)
        assert refused(result), (command, result.stderr)
        assert _no_raw_controls(result.stdout, result.stderr), command
    lines = tabletop("validate", pack).stderr.splitlines()
    assert any(" injects[0].title: " in line and "\\x1b" in line for line in lines), lines
    assert any(" senders[0].name: " in line for line in lines), lines


def test_text_from_a_log_is_printed_with_its_controls_escaped(tmp_path):
    """A statement and an evaluator's rationale, typed by people, reach the log as they were typed."""
    pack_dir = copy_pack(tmp_path)
    pack = load_pack(pack_dir)
    log = tmp_path / "typed.jsonl"
    session = Session.start(pack, 1, all_staff(pack.scenario.roles, "idle"), log)
    session.advance_to(5)
    session.submit(C.IssueStatement(by="chief", t=5, channel="social", text=f"We are calm {HOSTILE}"))
    session.run_to_end()
    session.close()
    assert tabletop("override", log, "objective:O1", "S", "--rationale", f"looked fine {HOSTILE}").returncode == 0
    for command in (("replay", log, "--text"), ("score", log, "--all"), ("replay", log, "--verify")):
        result = tabletop(*command)
        assert result.returncode == 0, (command, result.stderr)
        assert _no_raw_controls(result.stdout, result.stderr), command
    shown = tabletop("replay", log, "--text").stdout
    assert "We are calm \\x1b[2J" in shown
