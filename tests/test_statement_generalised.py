"""Readings that generalise beyond the phrases (issue 11): a report called false denies what it
says, words shouted are a fact not a motive, 'from X to Y' is a range, a rumour declined across a
full stop, a guess in the speaker's own voice, who started it said sideways; and the sound
statements each must leave alone."""

from __future__ import annotations

import pytest

from .conftest import ROOT
from .test_statement_readings import _breaks

CALDMERE = ROOT / "scenarios" / "caldmere-vaisakhi-attack"
BRACKWATER = ROOT / "scenarios" / "brackwater-pride-assault"
DUNMARROW = ROOT / "scenarios" / "dunmarrow-disinformation-reception-centre"
LINDENPORT = ROOT / "scenarios" / "lindenport-march-counterprotest"
WENDHOLM = ROOT / "scenarios" / "wendholm-threats-succession"


@pytest.mark.parametrize("text, flagged", [
    # a report, then called false however long it runs
    ("The post saying the gunman came from the Northgate Welcome Centre is false.", False),
    ("The claim circulating tonight that the man arrested was a refugee from Northgate is simply untrue.", False),
    # the same words said as fact, or the report left standing
    ("The gunman came from the Northgate Welcome Centre.", True),
    ("I am told the gunman was a refugee from the Northgate Welcome Centre.", True),
])
def test_a_report_called_false_denies_what_it_says(text, flagged):
    assert ("PR-speculation" in _breaks(CALDMERE, text)) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("Two people were attacked by a group of men shouting homophobic and transphobic abuse.", False),
    ("Racist graffiti was sprayed on the wall of the gurdwara overnight.", False),
    ("This was a homophobic attack by men who hate people like us.", True),
])
def test_words_shouted_or_written_are_a_fact_not_a_motive(text, flagged):
    folder = CALDMERE if "gurdwara" in text else BRACKWATER
    assert bool(_breaks(folder, text) & {"PR-speculation", "PR-motive"}) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("The gurdwara has invited everyone, from Eastbank to Northgate and beyond.", False),
    ("The gunman came from Northgate.", True),
])
def test_from_one_place_to_another_is_a_range_not_an_origin(text, flagged):
    assert ("PR-rumour-northgate" in _breaks(CALDMERE, text)) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("Lots of you are asking me about the Northgate post. All I can say is the police haven't ruled it out.", True),
    ("People are asking about Northgate. We cannot rule that out yet.", True),
    ("Lots of you are asking me about the Northgate post. There is no evidence of any link; the police haven't ruled out anything else.", False),
    ("People are asking about Northgate. Can we rule it out? The police have found nothing linking anyone there.", False),
    ("Lots of you are asking me about the Northgate post. The families there are safe. The city is calm. We will not rule it out.", False),
])
def test_a_rumour_declined_across_a_full_stop_is_repeated(text, flagged):
    assert ("PR-rumour-northgate" in _breaks(CALDMERE, text)) is flagged, text


@pytest.mark.parametrize("folder, text, flagged", [
    (WENDHOLM, "We think it was sent by a parent.", True),
    (WENDHOLM, "I reckon the email was written by a former pupil.", True),
    (CALDMERE, "From what I'm hearing, he had been in contact with people abroad for months.", True),
    (WENDHOLM, "We think the police will say more at noon.", False),
    (WENDHOLM, "We don't know who sent the email, and we think it is wrong to guess.", False),
    (CALDMERE, "From what I'm hearing, the families at Northgate are frightened tonight.", False),
])
def test_a_guess_in_the_speakers_own_voice_is_a_guess(folder, text, flagged):
    assert bool(_breaks(folder, text) & {"PR-speculation", "PR-sender-guess"}) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("It's clear that the trouble started with the counter-protesters, who came looking for it.", True),
    ("The people who came here to march brought the violence with them.", True),
    ("The injuries on Bridge Street were caused by people who had split off from the counter-protest.", True),
    ("The marchers threw the first bottles.", True),
    ("Police are establishing how the trouble started on Bridge Street.", False),
    ("We will not say who threw the first bottle until the police have established it.", False),
    ("Two people were injured on Bridge Street and are being treated.", False),
])
def test_who_started_it_said_sideways(text, flagged):
    assert ("PR-prejudge" in _breaks(LINDENPORT, text)) is flagged, text


@pytest.mark.parametrize("folder, text, flagged", [
    (BRACKWATER, "We are not going to let a few men with their fists change that.", False),
    (BRACKWATER, "Officers are at the Harbour View hotel; they are there to keep guests safe.", False),
    (DUNMARROW, "A welcome gathering, organised with the families themselves, will take place in Hollins Park on Saturday.", False),
    (DUNMARROW, "Families have waited six years for a flat. This council will make sure local people come first.", True),
    (DUNMARROW, "The men at the centre arrived quickly. Local people are right to be wary of them.", True),
])
def test_names_futures_and_idioms_are_not_stigma(folder, text, flagged):
    assert ("PR-stigma" in _breaks(folder, text)) is flagged, text


@pytest.mark.parametrize("folder, text, rule, flagged", [
    # the attacker named by his deed, his words passed on
    (BRACKWATER, 'The men who did this were heard shouting that "this street isn\'t yours any more".', "PR-amplify", True),
    (BRACKWATER, "The men who did this will be found, and they will face the courts.", "PR-amplify", False),
    # a verb that negates reaches its own object only
    (LINDENPORT, "If you want to see what we're up against, his stream is live from Copperwick Road right now.", "PR-amplify", True),
    (LINDENPORT, "We warn against watching his stream, which is live right now.", "PR-amplify", False),
    # where one person is now
    (BRACKWATER, "The second victim was treated for a broken wrist and has since gone home to stay at her mother's.", "PR-private", True),
    (DUNMARROW, "One mother, who has one of the ground-floor rooms by the play yard, told me she hasn't slept.", "PR-identities", True),
    (BRACKWATER, "The second victim was treated for a broken wrist and has since gone home.", "PR-private", False),
])
def test_doers_verbs_that_negate_and_whereabouts(folder, text, rule, flagged):
    assert (rule in _breaks(folder, text)) is flagged, text


def test_the_matchers_word_pools_are_bounded_and_change_nothing(monkeypatch):
    from simulator.statements import phrases

    checker = _pack_checker(CALDMERE)
    text = "Sources say the gunman was probably a refugee from Northgate; stay away from the centre."
    before = checker.check(text).ids()
    monkeypatch.setattr(phrases, "POOL_CACHE", 1)  # every new word clears the pools
    assert checker.check(text).ids() == before
    checker.check("Zyxwvut")  # a word never seen: the pools are cleared before it is kept
    assert len(checker._matcher._pools) == 1
    assert checker.check(text).ids() == before


def _pack_checker(folder):
    from .test_stigma import _pack

    return _pack(folder).checker


@pytest.mark.parametrize("folder, text, rule, credited", [
    # not knowing, said with 'still' or as a pending decision
    (CALDMERE, "We still don't know who made the letter; the police are looking into it.", "FM-unknowns", True),
    (LINDENPORT, "We are working with the police on whether conditions are needed.", "FM-unknowns", True),
    (CALDMERE, "We know who was hurt, and the families have been told.", "FM-unknowns", False),
    # when the next word will come, said as a publication or a time
    (CALDMERE, "Further information will be published on the council website at 15:00.", "FM-next-update", True),
    (CALDMERE, "Our next message in Punjabi will come at six this evening.", "FM-next-update", True),
    (CALDMERE, "Information was published on the council website this morning.", "FM-next-update", False),
    # feeling with people, said plainly
    (BRACKWATER, "I am angry, and I am sorry this happened in our city.", "FM-empathy", True),
    (BRACKWATER, "The city knows that many of you are frightened after Saturday night.", "FM-empathy", True),
    (BRACKWATER, "Officers will be on Quay Street all week.", "FM-empathy", False),
])
def test_credited_turns_of_phrase(folder, text, rule, credited):
    assert (rule in _pack_checker(folder).check(text).ids()) is credited, text


@pytest.mark.parametrize("text, flagged", [
    ("The idea that the gunman came from the Northgate Welcome Centre is not true.", False),
    ("The story that the man arrested was a refugee from Northgate never happened.", False),
    ("The idea that the gunman came from the Northgate Welcome Centre is worth looking at.", True),
])
def test_a_report_said_not_true(text, flagged):
    assert ("PR-speculation" in _breaks(CALDMERE, text)) is flagged, text


@pytest.mark.parametrize("folder, text, rule, flagged", [
    # quoted to answer it: mentioned, not claimed
    (CALDMERE, 'A post says "the gunman was a refugee from the Northgate Welcome Centre". That is false.', "PR-speculation", False),
    (CALDMERE, 'One message claims “the shooter came from Northgate”. There is no evidence of that at all.', "PR-rumour-northgate", False),
    # quoted and left standing: passed on
    (BRACKWATER, 'We\'re aware a post says an officer told witnesses it was "just a fight that got out of hand". We\'re looking into it.',
     "PR-rumour-record", True),
    # said in the speaker's own voice, a denial elsewhere does not take it back
    (CALDMERE, 'The gunman was a refugee from the Northgate Welcome Centre. We will "not" be silenced.', "PR-speculation", True),
    # the attacker's words quoted are still passed on
    (BRACKWATER, 'The men who did this were heard shouting that "this street isn\'t yours". That is not who we are.', "PR-amplify", True),
])
def test_words_quoted_to_answer_them_are_mentioned_not_claimed(folder, text, rule, flagged):
    assert (rule in _breaks(folder, text)) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("Police have confirmed this was a racially motivated attack on the Sikh community.", False),
    ("Officers describe the attack as religiously motivated.", False),
    ("This was a racially motivated attack, whatever the police end up saying.", True),
    ("The police were slow, and this was a racially motivated attack.", True),
])
def test_a_motive_the_police_have_given_is_a_fact(text, flagged):
    assert ("PR-speculation" in _breaks(CALDMERE, text)) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    # a denial of any kind anywhere answers the rumour declined later
    ("People are asking about Northgate; that post is fake. The police haven't ruled it out.", False),
    ("People are asking about Northgate. We have found no sign of that. The police haven't ruled it out.", False),
    # the half-denial must speak of what was named ('it', 'that'), and come after it, within two clauses
    ("People are asking about Northgate. The police haven't ruled out anything.", False),
    ("The police haven't ruled it out. People are asking about Northgate.", False),
    ("People are asking about Northgate. The hall is open. The police haven't ruled that out.", True),
    ("People are asking about Northgate. The hall is open. The city is calm. The police haven't ruled that out.", False),
    # the first half-denial speaks of nothing named; a later one does
    ("People are asking about Northgate. We can't rule anything out, and we cannot rule it out.", True),
    # a question declines nothing
    ("People are asking about Northgate. Have the police ruled it out?", False),
])
def test_what_a_rumour_declined_later_must_say(text, flagged):
    assert ("PR-rumour-northgate" in _breaks(CALDMERE, text)) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("We met the Northgate Residents Association, Linked Arms and the gurdwara committee.", False),
    ("The gunman was associated with Northgate.", True),
    ("Associated with Northgate, the gunman had been in the city for a year.", True),
    ("He was known to police. Associated with Northgate, he had been in the city for a year.", True),
    ("He was known to police! Associated with Northgate, he had been in the city for a year.", True),
    ("We spoke to the Associated Northgate Tenants today.", False),
])
def test_a_link_word_inside_a_name_links_nothing(text, flagged):
    assert ("PR-rumour-northgate" in _breaks(CALDMERE, text)) is flagged, text
