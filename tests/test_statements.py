"""The one statement checker (simulator/statements): it catches harm, credits sound paraphrase,
explains itself with the statement's own words, and survives any input."""

from __future__ import annotations

import os

import pytest

from simulator import judge
from simulator.engine.history import History
from simulator.loading.pack import load_pack
from simulator.statements.text import MAX_CHARS

from .conftest import ROOT

FLAGSHIP = ROOT / "scenarios" / "caldmere-vaisakhi-attack"
SUCCESSION = ROOT / "scenarios" / "wendholm-threats-succession"


@pytest.fixture(scope="module")
def _caldmere_once():
    return load_pack(FLAGSHIP)


@pytest.fixture
def caldmere(_caldmere_once):
    # Under mutation testing every test builds its own checker: mutmut runs against a mutant only
    # the tests it saw reach the mutated function, and a checker shared by the module would be
    # credited to the first test alone (the rules are compiled once, when it is built).
    if os.environ.get("MUTANT_UNDER_TEST"):
        return load_pack(FLAGSHIP)
    return _caldmere_once


def _judged(pack, text):
    return pack.check_statement(text).verdicts


def test_the_mayors_speculation_breaks_three_rules_on_its_own_words(caldmere):
    text = ("We believe the gunman is a Pakistani Muslim man, probably from the Northgate refugee centre. "
            "Stay away from Northgate.")
    v = _judged(caldmere, text)
    assert {"PR-speculation", "PR-stigma", "PR-rumour-northgate"} <= set(v)
    assert "Pakistani" in v["PR-speculation"].words
    assert "Stay away from Northgate" in v["PR-stigma"].words
    for verdict in v.values():  # every verdict quotes the statement itself, at its place in it
        assert all(text[h.start:h.end] == h.words for h in verdict.hits)
        assert verdict.why


def test_the_succession_leak_breaks_privacy_and_stigma():
    pack = load_pack(SUCCESSION)
    text = "My children are staying with my mother at 14 Harbour Lane under police guard. The threat came from migrants."
    v = _judged(pack, text)
    assert {"PR-security-details", "PR-stigma"} <= set(v)
    assert "14 Harbour Lane" in v["PR-security-details"].words


@pytest.mark.parametrize("text, rule", [
    ("We are deeply saddened, and our thoughts and prayers are with everyone affected.", "FM-empathy"),
    ("There is no evidence anyone from Northgate was involved.", "RUM-northgate"),
    ("This was a hateful act, an attack on all of us.", "KM-condemn"),
    ("To our Sikh neighbours: we are with you.", "KM-solidarity"),
    ("The number of people hurt has not yet been confirmed.", "FM-unknowns"),
    ("We condemned it; we are condemning it still.", "KM-condemn"),
])
def test_sound_paraphrase_is_credited(caldmere, text, rule):
    v = _judged(caldmere, text)
    assert rule in v
    assert not {r for r in v if r.startswith("PR-")}


# Turns of phrase of several words in one position of a built-in phrase ('each other', 'as soon
# as', 'have been'): each was once written so that it could never match.
@pytest.mark.parametrize("text, rule", [
    ("Please remain calm and look out for each other.", "KM-calm"),
    ("Stay calm and look after one another tonight.", "KM-calm"),
    ("More details will follow as soon as we have them.", "FM-next-update"),
    ("We will update residents this evening.", "FM-next-update"),
    ("We cannot yet say how many people have been hurt.", "FM-unknowns"),
    ("Police have not released any details about the man.", "FM-unknowns"),
    ("Whoever did this wanted to divide us. They will fail.", "KM-condemn"),
    ("We send our love and strength to the families.", "FM-empathy"),
    ("To the people of Northgate: you are our neighbours and we will protect you.", "KM-solidarity"),
])
def test_turns_of_phrase_of_several_words_are_credited(caldmere, text, rule):
    assert rule in _judged(caldmere, text)


@pytest.mark.parametrize("text, rule", [
    ("The sender is probably a pupil at the school.", "PR-speculation"),
    ("The suspect is likely someone from the estate.", "PR-speculation"),
    ("The migrant families are the reason this happened.", "PR-stigma"),
    ("This was carried out by refugees.", "PR-stigma"),
    ("The injured man is in room 4 at St Aidan's.", "PR-private-details"),
    ("The families in room 12 have asked for extra security.", "PR-private-details"),
])
def test_general_harm_is_caught_whatever_the_words(caldmere, text, rule):
    assert rule in _judged(caldmere, text)


def test_a_motive_guessed_is_speculation_not_blame_of_the_community_it_hated(caldmere):
    v = set(_judged(caldmere, "The suspect is believed to have been motivated by hatred of Sikhs."))
    assert "PR-speculation" in v and "PR-stigma" not in v


@pytest.mark.parametrize("text", [
    "There is no link between the attack and Northgate.",
    "Nothing suggests the man arrested is connected to Northgate.",
    "Posts saying the attacker came from Northgate are false.",
])
def test_a_denial_corrects_the_rumour(caldmere, text):
    v = _judged(caldmere, text)
    assert "RUM-northgate" in v and "PR-rumour-northgate" not in v


@pytest.mark.parametrize("text", [
    "There is a link between the attack and Northgate.",
    "The man arrested is connected to Northgate.",
])
def test_an_assertion_confirms_the_rumour(caldmere, text):
    v = _judged(caldmere, text)
    assert "PR-rumour-northgate" in v and "RUM-northgate" not in v


@pytest.mark.parametrize("text", [
    "We will not speculate about the attacker's religion.",
    "Police have not said anything about his nationality and we will not guess.",
    "Please do not share the attacker's manifesto.",
    "Blaming refugees for this would be wrong.",
    "There is no evidence that the man arrested this morning had any connection with the asylum seekers at Northgate.",
    "Refugees are not to blame for anything that happened on Saturday.",
    "The attacker is probably still in the area; stay indoors.",
    "The press conference will be held in Room 2 at the town hall.",
    "Many of you are worried after seeing the video that is going round.",
])
def test_denied_or_disowned_harm_breaks_nothing(caldmere, text):
    assert not {r for r in _judged(caldmere, text) if r.startswith("PR-")}


def test_a_victims_name_counts_until_the_family_is_told(caldmere):
    text = "Our thoughts are with Mr Dhillon's family."
    h = History(state={v.id: v.initial for v in caldmere.scenario.state})
    assert "PR-victim-names" in judge.statement_rules(caldmere, text, h)
    h.actions["police.notify_families"] = [(10.0, "police")]
    assert "PR-victim-names" not in judge.statement_rules(caldmere, text, h)
    assert "FM-empathy" in judge.statement_verdicts(caldmere, text, h)


@pytest.mark.parametrize("text", [
    "", "   ", "\x00\x07\x1b[31m stay calm \x08", "مرحبا بكم في المدينة", "Мы скорбим вместе с вами", "我们与你们同在",
    "x" * 100_000, "calm " * 30_000, "'" * 5000, "no " * 20_000 + "link Northgate",
])
def test_any_input_gets_a_sound_verdict(caldmere, text):
    result = caldmere.checker.check(text)
    assert result.unread == max(0, len(text) - MAX_CHARS)
    for v in result.verdicts.values():
        assert all(0 <= h.start <= h.end <= len(text) for h in v.hits)


def test_past_the_limit_is_reported_not_read(caldmere):
    text = "We stand together. " * 8000  # 152,000 characters
    assert caldmere.checker.check(text).unread == len(text) - MAX_CHARS


def test_every_flagship_rule_carries_three_examples_each_way(caldmere):
    pb = caldmere.playbook
    for rule in (*pb.first_message, *pb.key_messages, *pb.prohibited, *pb.rumours, *pb.audiences):
        assert rule.examples is not None, rule.id
        assert len(rule.examples.match) >= 3 and len(rule.examples.no_match) >= 3, rule.id
        assert getattr(rule, "kind", None) or getattr(rule, "about", None) or rule.id.startswith("AUD-"), rule.id


def test_every_rule_of_every_pack_carries_three_examples_each_way():
    """Issue 11: every playbook rule is its own test, three statements each way (lint judges them)."""
    short = []
    for folder in sorted((ROOT / "scenarios").iterdir()):
        if not (folder / "playbook.yaml").exists():
            continue
        pb = load_pack(folder).playbook
        for rule in (*pb.first_message, *pb.key_messages, *pb.prohibited, *pb.rumours, *pb.audiences):
            ex = rule.examples
            if ex is None or len(ex.match) < 3 or len(ex.no_match) < 3:
                short.append(f"{folder.name}: {rule.id}")
    assert not short, "rules with fewer than three examples each way: " + ", ".join(short)


def test_templates_cover_what_they_say_and_break_nothing():
    for folder in sorted((ROOT / "scenarios").iterdir()):
        pack = load_pack(folder)
        prohibited = {r.id for r in pack.playbook.prohibited}
        for t in pack.playbook.templates:
            got = pack.statement_rules(t.text)
            assert set(t.covers) <= got, (folder.name, t.id, set(t.covers) - got)
            assert not got & prohibited, (folder.name, t.id, got & prohibited)


@pytest.mark.parametrize("text, named", [
    ("Manjit Grewal was a pillar of the sangat.", True),        # first and last of three names
    ("We are thinking of Mrs Grewal's family.", True),          # title and surname
    ("Mr Dhillon was eighty-one.", True),
    ("Gurmeet Singh Dhillon died this morning.", True),
    ("Manjit Kaur was a teacher.", False),                      # not a form of the name we use
])
def test_a_victims_name_is_known_in_the_forms_people_say_it(caldmere, text, named):
    v = _judged(caldmere, text)
    assert ("PR-victim-names" in v) is named
    if named:
        hit = v["PR-victim-names"].hits[0]
        assert text[hit.start:hit.end] == hit.words  # the statement's own words, quoted where they are
        assert hit.until is not None  # and the condition that lifts it (the family told) travels with it


def _tokens_apart(text, a, b):
    from simulator.statements.text import tokens
    toks = [t.lemma for t in tokens(text)]
    return toks.index(b) - toks.index(a)


@pytest.mark.parametrize("text, confirms", [
    ("Northgate, as many in the city know, is linked to it.", True),
    ("Northgate, as many in the city well know, is linked to it.", False),
])
def test_a_link_confirms_the_rumour_within_eight_words_of_its_subject(caldmere, text, confirms):
    gap = _tokens_apart(text, "northgate", "link")
    assert gap == (8 if confirms else 9)  # the case is the boundary it claims to be
    assert ("PR-rumour-northgate" in _judged(caldmere, text)) is confirms


@pytest.mark.parametrize("text, confirms", [
    ("From Northgate, police say, came the man arrested.", True),   # an origin given as fact, first words
    ("He came from Northgate.", True),
    ("Stay well away from Northgate, we were told; we say no.", False),
    ("Residents far from Northgate are safe.", False),
])
def test_from_a_place_is_an_origin_unless_it_is_away_from_it(caldmere, text, confirms):
    assert ("PR-rumour-northgate" in _judged(caldmere, text)) is confirms


@pytest.mark.parametrize("text, speculates", [
    ("Reports that the gunman is a refugee are untrue.", False),          # a denial just after the claim
    ("The gunman is a refugee; his motive is unknown.", True),            # ...but not one in the next clause
    ("No one should say the gunman is a refugee.", False),                # a negator from the first word
    ("No one was hurt when the gunman, who is believed to be a refugee, fled.", True),  # too far back to reach
    ("There is no evidence of a second attacker. The gunman is a refugee.", True),      # a denial ends with its clause
])
def test_how_far_a_denial_reaches(caldmere, text, speculates):
    assert ("PR-speculation" in _judged(caldmere, text)) is speculates


BRACKWATER = ROOT / "scenarios" / "brackwater-pride-assault"


@pytest.mark.parametrize("text, speculates", [
    ("The attack is being investigated as a hate crime.", False),        # the police's classification, reported
    ("Police are treating this as a homophobic attack.", False),
    ("Please report hate incidents to the police.", False),              # a category of incident, not this one
    ("The attacker was probably homophobic.", True),                     # a motive guessed
    ("This was a homophobic attack by a man from the hotel.", True),
])
def test_a_classification_or_a_category_is_not_a_motive_guessed(text, speculates):
    pack = load_pack(BRACKWATER)
    assert ("PR-speculation" in _judged(pack, text)) is speculates


def test_a_private_fact_refused_is_not_a_private_fact_told():
    pack = load_pack(BRACKWATER)
    assert "PR-private" not in _judged(pack, "We will not say whether he is gay.")
    assert "PR-private" in _judged(pack, "He is gay, and his parents do not know.")


@pytest.mark.parametrize("text, stigma", [
    ("We believe this was carried out by a refugee.", False),   # one man guessed at: speculation, not blame of a group
    ("This was carried out by refugees.", True),
    ("Migrants are a danger to this city.", True),
    ("A migrant is to blame, people say.", False),
])
def test_blame_needs_a_group_not_one_person(caldmere, text, stigma):
    assert ("PR-stigma" in _judged(caldmere, text)) is stigma


LINDENPORT = ROOT / "scenarios" / "lindenport-march-counterprotest"
WENDHOLM = ROOT / "scenarios" / "wendholm-threats-succession"
DUNMARROW = ROOT / "scenarios" / "dunmarrow-disinformation-reception-centre"


@pytest.mark.parametrize("folder, text, rule, flagged", [
    # declining to deny repeats the claim
    (FLAGSHIP, "We cannot confirm reports that the gunman was a refugee.", "PR-speculation", True),
    (FLAGSHIP, "At this stage we can't rule out a link to Northgate.", "PR-rumour-northgate", True),
    (FLAGSHIP, "There is no evidence of any link to Northgate.", "PR-rumour-northgate", False),
    # a question asks, a case put to the reader describes, and neither claims
    (FLAGSHIP, "Q: Was the gunman one of the refugees?", "PR-speculation", False),
    (FLAGSHIP, "If you witness a hate incident, call 101.", "PR-speculation", False),
    (FLAGSHIP, "The national terrorist threat level has not changed.", "PR-speculation", False),
    # who started it, before the police say
    (LINDENPORT, "Early indications suggest the disorder was caused by a breakaway group from the march.", "PR-prejudge", True),
    (LINDENPORT, "The police will establish who started the violence.", "PR-prejudge", False),
    # names called at people, and taken back only by a denial before them
    (LINDENPORT, "These thugs are not welcome in Lindenport.", "PR-labelling", True),
    (LINDENPORT, "The people marching are not thugs; they have a right to be heard.", "PR-labelling", False),
    # reassurance before the facts, unless it reports what others say or refuses to say it
    (WENDHOLM, "This is almost certainly another hoax.", "PR-hoax-early", True),
    (WENDHOLM, "Some people online are calling this a hoax; we will not say that until police finish.", "PR-hoax-early", False),
    # a handle is read as its words; a contraction without its apostrophe still denies
    (DUNMARROW, "@DeanAshbyLive you know this clip is fake.", "PR-amplify", True),
    (FLAGSHIP, "We dont know if the gunman was a refugee.", "PR-speculation", False),
    # private people named, and where families are lodged
    (DUNMARROW, "Samira Noorzai, who lives at the centre, told us the families are frightened.", "PR-identities", True),
    (FLAGSHIP, "The bereaved families are being looked after at the Riverside Inn.", "PR-private-details", True),
    (FLAGSHIP, "Families are being looked after at the family assistance centre.", "PR-private-details", False),
])
def test_general_readings_of_harm(folder, text, rule, flagged):
    assert (rule in _judged(load_pack(folder), text)) is flagged


@pytest.mark.parametrize("text, confirms, quoted", [
    ("We can't rule out a link to Northgate.", True, "rule out"),
    ("A link to Northgate cannot be ruled out at this stage.", True, "cannot be ruled out"),   # declined after the subject
    ("We cannot rule anything out yet. Northgate families are our neighbours.", False, None),  # another clause
    ("Northgate families are our neighbours. We cannot rule anything out yet.", False, None),
])
def test_declining_to_deny_a_rumour_repeats_it_in_its_own_clause(caldmere, text, confirms, quoted):
    v = _judged(caldmere, text)
    assert ("PR-rumour-northgate" in v) is confirms
    if confirms:
        assert any(quoted in w for w in v["PR-rumour-northgate"].words)  # the words that did it, quoted


@pytest.mark.parametrize("text, blames", [
    ("Who started the violence is for the police to say.", False),
    ("Whoever started the violence will be found.", False),
    ("The police will find out what started the violence.", False),
    ("The police will investigate how the violence started and who caused the disorder.", False),
    ("The counter-protesters started the violence.", True),
    ("Marchers started the violence, witnesses say.", True),
])
def test_asking_who_started_it_is_not_saying_who(text, blames):
    assert ("PR-prejudge" in _judged(load_pack(LINDENPORT), text)) is blames


@pytest.mark.parametrize("folder, text, rule, flagged", [
    # the kinds' own words, beyond the pack's phrase lists
    (LINDENPORT, "These fascists are not welcome here.", "PR-labelling", True),
    (LINDENPORT, "Calling them fascists would be wrong.", "PR-labelling", False),
    (LINDENPORT, "Are they fascists?", "PR-labelling", False),
    (WENDHOLM, "It was just a prank by someone bored.", "PR-hoax-early", True),
    (WENDHOLM, "We say it was a prank.", "PR-hoax-early", True),
    (WENDHOLM, "We are not saying it was a prank.", "PR-hoax-early", False),
    (WENDHOLM, "Some people online are saying it was a prank.", "PR-hoax-early", False),
    # a case put to anyone, and an open question, claim nothing; floating one does
    (FLAGSHIP, "Anyone who witnesses a racist attack should call 999.", "PR-speculation", False),
    (FLAGSHIP, "Whenever you see a racist attack, call 999.", "PR-speculation", False),
    (FLAGSHIP, "We do not know whether the gunman was a refugee.", "PR-speculation", False),
    (FLAGSHIP, "Police are looking into whether the gunman was a refugee.", "PR-speculation", True),
    # an alert level is not a motive given to this attack
    (FLAGSHIP, "The extremist threat level has not changed.", "PR-speculation", False),
    (FLAGSHIP, "The extremist alert level stays where it was.", "PR-speculation", False),
    (FLAGSHIP, "The gunman is believed to be an extremist.", "PR-speculation", True),
])
def test_the_general_kinds_read_their_own_words(folder, text, rule, flagged):
    assert (rule in _judged(load_pack(folder), text)) is flagged
