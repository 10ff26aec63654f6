"""Stigma by insinuation (simulator/statements/stigma.py): a community given an attribute, a debt,
a hostility, a warning, a removal or a burden, read by where the group stands; and the sound
statements that name the same community to defend, protect or stand with it, which break nothing."""

from __future__ import annotations

import os

import pytest

from simulator.loading.pack import load_pack

from .conftest import ROOT

CALDMERE = ROOT / "scenarios" / "caldmere-vaisakhi-attack"
DUNMARROW = ROOT / "scenarios" / "dunmarrow-disinformation-reception-centre"
BRACKWATER = ROOT / "scenarios" / "brackwater-pride-assault"

_PACKS: dict = {}


def _pack(folder):
    if os.environ.get("MUTANT_UNDER_TEST"):
        return load_pack(folder)  # see test_statements.caldmere: a fresh checker per test under mutation
    if folder not in _PACKS:
        _PACKS[folder] = load_pack(folder)
    return _PACKS[folder]


def _stigma(folder, text) -> bool:
    return "PR-stigma" in _pack(folder).check_statement(text).verdicts


@pytest.mark.parametrize("text", [
    # an attribute said of the group
    "The young men from the Northgate centre have been a problem for some time.",
    "Radicalised youths at Northgate are a concern for the whole city.",
    "Crime among the asylum seekers has been rising for months.",
    "The Afghan families will never fit in here, and everyone knows it.",
    "Frankly, the Afghan lads are trouble.",
    "Northgate has become a hotbed of anger.",
    "The Afghan families keep themselves to themselves, and that worries people.",
    # a debt laid on the community
    "The Muslim community must now root out the extremists in its midst.",
    "We call on the refugee families at Northgate to explain themselves.",
    "It is time for the asylum seekers to show where they stand.",
    "The families at Northgate should tell the police what they know.",
    # hostility called understandable
    "People's anger at the refugees is understandable after today.",
    "No wonder residents are wary of the Northgate Welcome Centre.",
    "Serious questions will be asked about Northgate.",
    # advice to avoid or watch
    "Until we know more, I would stay away from Northgate.",
    "Parents may want to keep their children away from the Northgate Welcome Centre tonight.",
    "Be careful around the asylum seekers in the town centre this evening.",
    # removal and burden
    "The Northgate centre should be shut down for good.",
    "Many feel the asylum seekers should be sent back.",
    "The refugees put enormous pressure on our schools and surgeries.",
])
def test_insinuation_against_a_community_is_stigma(text):
    assert _stigma(CALDMERE, text), text


@pytest.mark.parametrize("text", [
    # the group harmed, protected or speaking
    "The families at Northgate have faced threats all afternoon and need our protection.",
    "Violence against refugees will not be tolerated in Caldmere.",
    "Refugees in the city are frightened of reprisals tonight.",
    "The Sikh community has suffered a terrible act of violence.",
    "The Muslim community has condemned the attack in the strongest terms.",
    # denied, disowned or asked
    "The refugees at Northgate are not a threat to anyone.",
    "There is no danger to residents from the Northgate centre.",
    "Blaming the families at Northgate for this would be wrong.",
    "Nobody should be asking the Muslim community to apologise for one man.",
    "Is it fair to ask questions about Northgate? No.",
    # protective watching and sound advice about the scene
    "Officers will keep watch on the Northgate centre to keep residents safe.",
    "Please avoid Tanner Road and Eastbank while police work at the scene.",
    "We ask the Sikh community to come forward with anything they saw.",
    "We understand the fear in the Sikh community tonight.",
    "We stand with the families at Northgate, who have done nothing wrong.",
    # one man, not a group
    "The attacker was known to be violent.",
    "We must do more to support refugee families at Northgate.",
])
def test_naming_a_community_to_defend_it_is_not_stigma(text):
    assert not _stigma(CALDMERE, text), text


@pytest.mark.parametrize("text, stigma", [
    ("Residents of Old Mill Lane are understandably nervous about the men at the new centre.", True),
    ("I can see why families on Old Mill Lane would not want hundreds of single men on their doorstep.", True),
    ("No parent could be blamed for keeping their child apart from the reception centre until the checks are done.", True),
    ("Please stay away from Old Mill Lane until this has calmed down.", True),
    ("The families at the centre have had nothing to do with the video.", False),
])
def test_the_reception_centre_pack(text, stigma):
    assert _stigma(DUNMARROW, text) is stigma, text


@pytest.mark.parametrize("text, stigma", [
    ("If they had been a bit more discreet, this might not have happened.", True),
    ("Frankly, holding hands on Quay Street at that hour was asking for trouble.", True),
    ("Nobody is ever asking for it: this was a hate crime.", False),
    ("We will keep Pride safe, and we will not ask anyone to hide who they are.", False),
])
def test_blaming_those_attacked_is_stigma(text, stigma):
    assert _stigma(BRACKWATER, text) is stigma, text


KESTRELFORD = ROOT / "scenarios" / "kestrelford-prevention-referral"


def _group_spans(folder, text):
    from simulator.statements import stigma_groups

    r = _pack(folder).checker.read(text)
    return [(" ".join(t.low for t in r.toks[i:j]), stigma_groups._is_group(r, (i, j, ph))) for i, j, ph in r.spans.get("grp", [])]


@pytest.mark.parametrize("folder, text, words, group", [
    (CALDMERE, "We met the refugees.", "refugees", True),
    (CALDMERE, "We met a refugee.", "refugee", False),
    (CALDMERE, "We met an Afghan.", "afghan", False),
    (CALDMERE, "We met one refugee.", "refugee", False),
    (CALDMERE, "We met another refugee.", "refugee", False),
    (CALDMERE, "We met the Muslim community.", "muslim community", True),
    (CALDMERE, "We met the Muslim congregation.", "muslim", False),
    (KESTRELFORD, "We met a working-class pupil.", "working-class", False),
])
def test_a_group_is_plural_or_collective_never_one_person(folder, text, words, group):
    found = dict(_group_spans(folder, text))
    assert found.get(words) is group, found


@pytest.mark.parametrize("text, stigma", [
    # a word of obligation, alone or with the word after it
    ("The Muslim community has to root out the extremists.", True),
    ("We call upon the Muslim community to root out the extremists.", True),
    ("It is up to the Muslim community to root out the extremists.", True),
    ("The Muslim community has got to root out the extremists.", True),
    ("The Muslim community has rooted out nobody and condemned the attack.", False),
    # a denial before the group reaches it; one in another clause does not
    ("There is no evidence the refugees at Northgate are a danger.", False),
    ("None of the refugees are a danger to anyone.", False),
    ("No. The refugees are a danger to this city.", True),
    ("Nothing suggests that refugees are dangerous.", False),
    # a denial after a legitimising cue takes it back
    ("No wonder people are not afraid of the refugees: they are our neighbours.", False),
])
def test_obligation_and_denial_are_read_where_they_stand(text, stigma):
    assert _stigma(CALDMERE, text) is stigma, text


@pytest.mark.parametrize("text, stigma", [
    # 'they' standing for the group named a clause or two before
    ("The young men at Northgate arrived last spring. Since then they have been a problem.", True),
    ("Asylum seekers moved into the Northgate centre in March; they have been nothing but trouble.", True),
    ("The refugees at Northgate came here last year. People are right to be wary of them.", True),
    # the group harmed, denied, or another antecedent named between
    ("The families at Northgate arrived last spring. Since then they have faced threats.", False),
    ("Refugees at Northgate have been threatened. They are not a problem for anyone.", False),
    ("We met the Afghan families and then the police this morning. They told us the threats have been a problem.", False),
    ("The young men at Northgate arrived last spring. The city was calm. The summer came. Since then they have been a problem.", False),
])
def test_they_stands_for_the_group_named_just_before(text, stigma):
    assert _stigma(CALDMERE, text) is stigma, text
