"""A reading that looks across a clause finds only what is within its reach (a rumour's link
within LINK_REACH words of its subject, a perpetrator within reach of an identity word), so a very
long clause judges the way a short one does: the words far away change nothing, and the checker
never reads the whole clause again at every mention (benchmarks/statements.py times it)."""

from __future__ import annotations

import pytest

from simulator.statements import rumours, speculation

from .test_stigma import CALDMERE, _pack


def _breaks(text: str) -> set[str]:
    return {rid for rid, v in _pack(CALDMERE).checker.check(text).verdicts.items() if v.harmful}


FILLER = "and the residents of the city " * 400  # one clause, thousands of words


@pytest.mark.parametrize("core, rule", [
    ("a link to Northgate", "PR-rumour-northgate"),
    ("the gunman was probably a refugee", "PR-speculation"),
    ("the gunman was living at the Northgate centre", "PR-rumour-northgate"),
    ("I'm told he was a refugee", "PR-speculation"),
])
def test_a_harm_in_a_long_clause_is_read_as_in_a_short_one(core, rule):
    assert rule in _breaks(core + ".")
    assert rule in _breaks(FILLER + core + " " + FILLER)


def test_a_link_just_within_reach_ties_and_one_beyond_does_not():
    within = "people say there is a link " + "very " * (rumours.LINK_REACH - 3) + "to Northgate"
    beyond = "people say there is a link " + "very " * (rumours.LINK_REACH + 3) + "to Northgate"
    assert "PR-rumour-northgate" in _breaks(FILLER + within)
    assert "PR-rumour-northgate" not in _breaks(FILLER + beyond)


def test_doers_nearby_are_those_whose_start_lies_in_reach():
    phrase = object()
    spans = [(k, k + 2, phrase) for k in range(0, 100, 5)]
    near = speculation._Nearby(spans).near(50, 51)
    assert near == [s for s in spans if 50 - 10 - 2 <= s[0] <= 51 + 3]
    assert speculation._NOBODY.near(3, 4) == []
