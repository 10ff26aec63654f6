"""Hearsay about the perpetrator (simulator/statements/hearsay.py), one feature at a time.

Each pair differs in the one thing the reading turns on: whether 'he' may be the man sought (a deed
named; 'this' and 'it' name none; someone harmed spoken of with no deed), and whether 'these' or
'they' are said to be a kind of people just after the cue.
"""

from __future__ import annotations

import pytest

from simulator.loading.pack import load_pack
from simulator.loading.shipped import shipped_scenario


@pytest.fixture(scope="module")
def caldmere():
    return load_pack(shipped_scenario("caldmere-vaisakhi-attack").parent)


@pytest.mark.parametrize("text, speculates", [
    ("Two people were hurt in the attack. I'm told he kept to himself.", True),    # a deed: he is the man sought
    ("Two people were hurt in this. I'm told he kept to himself.", False),         # 'this' names no deed; someone hurt
    ("Two people were hurt in it. I'm told he kept to himself.", False),           # nor does 'it'
    ("We don't have a name yet. From what I'm hearing, he kept to himself.", True),  # nobody harmed: the man sought
    ("Two people are in hospital. I'm told the man kept to himself.", False),      # the man may be one of them
    ("Two people are in hospital. I'm told he was a much-loved grandfather.", False),
    ("I'm told these were lads off the estate.", True),
    ("I'm told they are lads from the estate.", True),
    ("I'm told these were not lads off the estate.", False),                       # denied
    ("I'm told these were just rumours.", False),                                  # no kind of people
    ("Two people are in hospital. The suspect has not been named. I'm told he kept to himself.", True),  # he is named as sought
    ("The killing has shocked us all. I'm told he kept to himself.", True),        # the deed, though it harmed
    ("Two victims are being cared for. I'm told he kept to himself.", False),      # 'victims' spoken of: he may be one
    ("These were lads from the estate, I'm told.", False),                         # the kind of people said before the cue
    ("I'm told Dave was a lad from the estate.", False),                           # a man named: not who they were
    ("I'm told that these were lads from the estate.", True),
    ("I'm told these were gangs from the estate.", True),
])
def test_hearsay_speaks_of_the_man_sought_only(caldmere, text, speculates):
    assert ("PR-speculation" in caldmere.check_statement(text).verdicts) is speculates


def test_hearsay_quotes_who_they_were_said_to_be(caldmere):
    verdict = caldmere.check_statement("I'm told these were gangs from the estate.").verdicts["PR-speculation"]
    assert verdict.words == ["I'm told", "these were"]
