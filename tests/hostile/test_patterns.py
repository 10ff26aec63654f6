"""No playbook pattern can hang a run: trainer-written regular expressions run in linear time (RE2).

The attack: a key message whose pattern is `(x+x+)+y` and a statement template of forty x's.
With a backtracking engine, checking the first statement takes longer than the age of the
universe; `validate` and `lint` passed and `simulate` hung.
"""

from __future__ import annotations

import re

from simulator.models import Match, Playbook
from simulator.statements import Checker

from .attack_kit import copy_pack, edit, refused, tabletop

EVIL = "(x+x+)+y"
XS = "x" * 40


def _evil_pack(tmp_path):
    pack = copy_pack(tmp_path)
    playbook = pack / "playbook.yaml"
    edit(playbook, "match: {words: [calm]}", f'match: {{words: [calm], patterns: ["{EVIL}"]}}')
    edit(playbook, r"pattern: '(\d+) (?:people )?(?:were )?injured'", f"pattern: '{EVIL}(\\d)'")
    edit(playbook, "text: We ask everyone to stay calm. Help is on the way.", f"text: {XS} stay calm 1")
    return pack


def test_a_catastrophic_pattern_cannot_hang_simulate_or_score(tmp_path):
    pack = _evil_pack(tmp_path)
    assert tabletop("validate", pack).returncode == 0  # a pattern RE2 runs is a valid pattern
    log = tmp_path / "run.jsonl"
    run = tabletop("simulate", pack, "--log", log, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "Statements issued" in run.stdout or "statements" in run.stdout
    for command in (("score", log), ("replay", log, "--verify")):
        result = tabletop(*command, timeout=60)
        assert result.returncode == 0, result.stderr


def matches(match: Match, text: str) -> bool:
    """Whether a key message with this match is met by the text (through the one statement checker)."""
    pb = Playbook(kind="playbook", id="p", title="p", source="src", first_statement={"within": 1, "source": "src"},
                  messengers=[{"role": "mayor", "source": "src"}],
                  key_messages=[{"id": "KM", "label": "k", "match": match, "source": "src"}])
    return "KM" in Checker(pb).check(text).ids()


def test_the_pattern_still_means_what_it_says():
    rule = Match(patterns=[EVIL])
    assert not matches(rule, XS)
    assert matches(rule, "xxy") and matches(rule, "XXXY")  # case-insensitive, like every match
    assert matches(Match(patterns=[r"(\d+) people"]), "12 people were hurt")


def test_patterns_the_linear_engine_cannot_run_are_refused_where_written(tmp_path):
    pack = copy_pack(tmp_path)
    playbook = pack / "playbook.yaml"
    edit(playbook, "match: {words: [calm]}", 'match: {words: [calm], patterns: ["(?=calm)c", "(a)\\\\1", "(a{200}){200}"]}')
    result = tabletop("validate", pack)
    assert refused(result)
    lines = [line for line in result.stderr.splitlines() if "key_messages[0].match.patterns" in line]
    assert len(lines) == 3, result.stderr
    assert all(re.match(r"^.*playbook\.yaml:\d+:\d+: ", line) for line in lines)
    assert tabletop("lint", pack).returncode == 1
