"""General readings beyond stigma: a rumour reported and left standing, an invitation to guess
who did it, a hedged source, an origin said by negation; each with the sound statement it must
leave alone."""

from __future__ import annotations

import pytest

from .conftest import ROOT
from .test_stigma import _pack

CALDMERE = ROOT / "scenarios" / "caldmere-vaisakhi-attack"
MARLHAVEN = ROOT / "scenarios" / "marlhaven-election-polarisation"
DUNMARROW = ROOT / "scenarios" / "dunmarrow-disinformation-reception-centre"


def _breaks(folder, text) -> set[str]:
    return {k for k, v in _pack(folder).check_statement(text).verdicts.items() if v.harmful}


@pytest.mark.parametrize("text, repeats", [
    ("We are aware of posts saying the gunman came from Northgate. We are looking into them.", True),
    ("Reports suggest the man was connected to the Northgate Welcome Centre; we will update you.", True),
    ("We are aware of posts saying the gunman came from Northgate. They are false.", False),
    ("There is no evidence he had any link to Northgate.", False),
    ("We will not speculate on whether he came from Northgate.", False),
])
def test_a_rumour_reported_and_left_standing_is_repeated(text, repeats):
    assert ("PR-rumour-northgate" in _breaks(CALDMERE, text)) is repeats, text


@pytest.mark.parametrize("folder, text, guesses", [
    (CALDMERE, "People can draw their own conclusions about where he learned to hate.", True),
    (CALDMERE, "It is no secret which group has been handing out leaflets at the gurdwara.", True),
    (CALDMERE, "Sources close to the investigation tell me the man is not originally from this country.", True),
    (DUNMARROW, "We have little doubt the threat came from the same circle who shared the video.", True),
    (CALDMERE, "Nobody should draw conclusions until the police have spoken.", False),
    (CALDMERE, "The police will establish who did this; we will not guess.", False),
    (DUNMARROW, "The threat came in by email at 09:10 and police are tracing it.", False),
])
def test_an_invitation_to_guess_who_did_it_is_speculation(folder, text, guesses):
    rules = {"PR-speculation", "PR-sender-guess"}
    assert bool(_breaks(folder, text) & rules) is guesses, text


def test_a_hateful_act_condemned_guesses_no_motive():
    assert "PR-speculation" not in _breaks(CALDMERE, "This was a hateful act, an attack on every one of us in Caldmere.")


@pytest.mark.parametrize("text, rule, credited", [
    # a rule asking for two cues is met by its clearest words alone
    ("In the meantime we ask everyone to stay calm.", "KM-calm", True),
    ("The Sikh community of this city does not stand alone.", "KM-solidarity", True),
    ("Counsellors are with families at the leisure centre now.", "KM-support", True),
    # and not by one weak word
    ("Patients are being treated together on one ward.", "KM-calm", False),
    ("We are working with them.", "KM-solidarity", False),
    # where to get help, said as a number or an address
    ("If you are worried about a relative, phone 0800 555 0140.", "FM-help", True),
    ("Updates at caldmere.gov.uk/attack throughout the day.", "FM-help", True),
    ("The two people hurt have asked for privacy.", "FM-help", False),
    ("At 11:40 a man opened fire; two people died in 2 minutes.", "FM-help", False),
])
def test_an_elements_clearest_words_or_a_contact_deliver_it(text, rule, credited):
    assert (rule in _pack(CALDMERE).check_statement(text).verdicts) is credited, text


@pytest.mark.parametrize("folder, text, rule, flagged", [
    # items under a heading of what is not known list open questions
    (CALDMERE, "What we don't know yet:\n- The suspect's identity and motive.\nPolice will confirm these.", "PR-speculation", False),
    (CALDMERE, "What we know:\n- The suspect's motive was hatred of Sikhs.", "PR-speculation", True),
    # a capitalised link word is part of a name, not a link
    (CALDMERE, "The Northgate New Neighbours Association stands with the sangat today.", "PR-rumour-northgate", False),
    # a pronoun is a perpetrator only where one or the deed is spoken of
    (DUNMARROW, "They are families who fled war in Sudan and Afghanistan.", "PR-sender-guess", False),
    # 'for your own safety' warns of the place; 'for the residents' safety' protects it
    (CALDMERE, "Please stay away from Northgate tonight for your own safety.", "PR-stigma", True),
    (CALDMERE, "Officers will stay at Northgate tonight for the residents' safety.", "PR-stigma", False),
])
def test_headings_names_pronouns_and_whose_safety(folder, text, rule, flagged):
    assert (rule in _breaks(folder, text)) is flagged, text


def test_a_home_mentioned_is_not_an_address_given():
    assert "PR-private" not in _breaks(MARLHAVEN, "On Sunday a group gathered outside her home until police arrived.")


LINDENPORT = ROOT / "scenarios" / "lindenport-march-counterprotest"


@pytest.mark.parametrize("folder, text, rule, flagged", [
    # a knowing 'who' says who it was
    (LINDENPORT, "Everyone watching knows who started this.", "PR-prejudge", True),
    (LINDENPORT, "The police will establish who started this.", "PR-prejudge", False),
    # pointing people to the material: where it is still up, the platform, his call to his followers
    (MARLHAVEN, "The clip was posted last night and it's still up on Parallax.", "PR-fake-amplify", True),
    (CALDMERE, "His manifesto is on Telegram if you want to read it.", "PR-hate-content", True),
    (CALDMERE, "We will not say where his manifesto can be found.", "PR-hate-content", False),
    # a claim floated as an open matter is passed on, with no denial anywhere
    (MARLHAVEN, "We are aware of a video suggesting documents will be checked at Ashgate polling stations.", "PR-fake-repeat", True),
    (MARLHAVEN, "A video suggesting documents will be checked at polling stations is fake.", "PR-fake-repeat", False),
    # a party's supporters are a group
    (MARLHAVEN, "Common Ground supporters have shown us exactly who they are.", "PR-stigma", True),
])
def test_knowing_who_pointing_to_material_floating_claims(folder, text, rule, flagged):
    assert (rule in _breaks(folder, text)) is flagged, text


BRACKWATER = ROOT / "scenarios" / "brackwater-pride-assault"
KESTRELFORD = ROOT / "scenarios" / "kestrelford-prevention-referral"


@pytest.mark.parametrize("folder, text, rule, flagged", [
    # an orientation or gender identity said of one person harmed outs them
    (BRACKWATER, "A gay man in his late twenties was left with a head injury after Saturday's attack.", "PR-private", True),
    (BRACKWATER, "The victim, who is trans, is recovering in hospital.", "PR-private", True),
    # said of a community, or refused, it outs nobody
    (BRACKWATER, "This was an attack on gay people and on all of us.", "PR-private", False),
    (BRACKWATER, "Gay and trans residents are frightened tonight after the attack.", "PR-private", False),
    (BRACKWATER, "We will not say whether the victim is gay.", "PR-private", False),
    # two details that point out one young person
    (KESTRELFORD, "The lad involved is fifteen and in Year 10 at Riverside; his mum works nights at the care home.", "PR-identity", True),
    (KESTRELFORD, "Pupils in Year 10 will have an assembly on Monday.", "PR-identity", False),
    (KESTRELFORD, "We will not identify the boy, his age or his school.", "PR-identity", False),
])
def test_details_that_identify_one_person(folder, text, rule, flagged):
    assert (rule in _breaks(folder, text)) is flagged, text


def test_the_matchers_fast_paths_find_what_the_plain_walk_finds():
    """find() skips phrases whose last words are absent or whose second word does not follow, and
    walks the places reached: at every place of every corpus statement, the same ends as the plain
    generator walk (tests/test_phrase_matcher.py checks the same on phrases made up at random)."""
    import yaml

    from simulator.statements import phrases as P
    from simulator.statements.text import tokens

    m = _pack(CALDMERE).checker._matcher
    texts = [e["text"] for e in yaml.safe_load((ROOT / "tests" / "corpus" / "statements" / "dev.yaml").read_text())]
    # phrases whose last position is a stem, pruned by the first letters their words must have
    texts += ["Officers have now been deployed, and the city has flagged the posts.",
              "The council is monitoring the site; staff have cleaned the wall and repaired the gate.",
              "We know many people in the community are frightened tonight.", "Patrolling officers remain nearby.",
              # a first position of several words (group words), phrases with '*', a clause end inside a gap
              "Asylum seekers and these people at the centre are to blame; those families never fit in.",
              "There is no real evidence whatsoever; no. Evidence: none at all, but there is no clear evidence.",
              "We don't yet know. We do not, as yet, know who he is; it is not yet known."]
    compared = 0
    for text in texts:
        toks = tokens(text)
        found = {(id(ph), i, j) for ph, i, j in m.find(toks)}
        everyone = {id(ph): ph for phs in (*m.by_first.values(), *m.stems.values()) for ph in phs}
        plain = set()
        for i, t in enumerate(toks):
            for ph in everyone.values():
                end = min(P._ends(ph.parts, 0, toks, i, t.clause), default=-1)
                if end > i:
                    plain.add((id(ph), i, end))
        assert found == plain, text
        compared += len(plain)
    assert compared > 500


def test_a_position_finds_its_stems_by_their_first_letters_as_by_trying_each():
    """Choice.at looks stems up by the first three letters of a word (its spelling and lemma): the
    same alternatives as trying every stem, short stems and lemma-only matches included."""
    from simulator.statements import phrases as P
    from simulator.statements.text import tokens

    choice = P._part("deploy~|patrol~|secur~|ch~|bereave~|treat~|officer|mourn~")
    assert isinstance(choice, P.Choice)
    text = "Officers deployed; patrolling, securing the site, treating the injured; the bereaved mourned; a change."
    for t in tokens(text):
        naive = choice.by_word.get(t.lemma, []) + (choice.by_word.get(t.low, []) if t.low != t.lemma else [])
        naive += [a for a in choice.stems if P._same(t, a[0])]
        assert sorted(choice.at(t)) == sorted(naive), t.low
    assert any(choice.at(t) for t in tokens("bereavement")) and any(choice.at(t) for t in tokens("chat"))
