"""General readings, round 5 (issue 11): stigma said through the clause's verb (a failing of
belonging, lurking where people feel exposed, patience worn out by a group, a demand turned on
the group itself), people named by where they live, and the harm readings of speculation,
private details and rumours that follow. Every sentence here was written for its reading, in
several registers; each reading has sound sentences beside it that it must leave alone (the
group harmed, defended, spoken for, or a case put to the reader)."""

from __future__ import annotations

import pytest

from .conftest import ROOT
from .test_statement_readings import _breaks
from .test_stigma import _pack

CALDMERE = ROOT / "scenarios" / "caldmere-vaisakhi-attack"
DUNMARROW = ROOT / "scenarios" / "dunmarrow-disinformation-reception-centre"
LINDENPORT = ROOT / "scenarios" / "lindenport-march-counterprotest"


def _stigma(folder, text) -> bool:
    return "PR-stigma" in _breaks(folder, text)


def _held(folder, text, reading) -> bool:
    """Whether a reading held back from judging (stigma_held: no evidence yet on the readable
    sets) fires on a statement: kept working and tested, so it can be judged once it has some."""
    from simulator.statements import stigma_conduct as C, stigma_held as held
    r = _pack(folder).checker.read(text)
    fn = getattr(held, reading)
    return bool(fn(r) if reading in ("_worn_out", "_conceded") else fn(r, C._open_groups(r)))


@pytest.mark.parametrize("text, flagged", [
    # a 'not' or 'never' on the group's own verb of fitting in or paying its way
    ("The refugees at Northgate never really mix with anyone outside the centre.", True),
    ("Frankly, a lot of the Afghan families have made no effort to integrate.", True),
    ("These people do not respect our laws and never will.", True),
    ("The Muslim community here simply does not accept the way we live.", True),
    ("Half the men in that centre have never done a day's work here.", True),
    ("Many of the refugees at Northgate simply do not share the values of this city.", True),
    # ... a verb that is no failing, an object that is not our ways, or the group harmed
    ("The refugees at Northgate did not share the video and have asked others not to.", False),
    ("The families at Northgate do not know anything about the man arrested.", False),
    ("The Afghan families have not been involved in any way.", False),
    ("Many refugees at Northgate do not yet speak English, so interpreters are on hand.", False),
    ("The families at Northgate have not left the centre since the attack, because they are frightened.", False),
    ("The refugees have never been a threat to anyone.", False),
    ("It is not true that the refugees at Northgate refuse to integrate.", False),
])
def test_a_failing_of_belonging_on_the_groups_own_verb(text, flagged):
    assert _stigma(CALDMERE, text) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("Young men from the Northgate centre loiter outside the primary school every afternoon.", True),
    ("The lads at Northgate follow girls home from the bus stop.", True),
    ("Groups of refugees congregate around the park after dark.", True),
    ("Some of those Afghan lads have been hanging around the school gates for weeks.", True),
    # the group the one followed, a gathering that reaches nobody, guidance followed, another's verb
    ("The families at Northgate have been followed and harassed since the attack.", False),
    ("Sikh families gathered at the gurdwara to pray for the victims.", False),
    ("The refugees at Northgate follow the guidance of the centre staff.", False),
    ("Volunteers will be gathering outside the school to welcome the children.", False),
    ("The refugees at Northgate asked us to report anyone they see hanging around the gates.", False),
])
def test_lurking_said_of_a_group(text, flagged):
    assert _held(CALDMERE, text, "_lurking") is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("Residents have had to put up with Northgate for far too long.", True),
    ("People are sick and tired of the refugees at Northgate.", True),
    ("Eastbank is fed up with the asylum seekers being housed on its doorstep.", True),
    # refused, the group's own weariness, or harm done to it between the words and the group
    ("We will not tolerate abuse of the families at Northgate.", False),
    ("The families at Northgate are tired of being blamed for something they did not do.", False),
    ("Nobody should have to put up with threats against Northgate.", False),
    ("I am sick of the lies being told about the refugees at Northgate.", False),
])
def test_patience_worn_out_by_a_group(text, flagged):
    assert _held(CALDMERE, text, "_worn_out") is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("The refugee community needs to start policing its own.", True),
    ("The Afghan community will need to take a hard look at itself.", True),
    ("Those who live at Northgate will have to earn the trust of this city again.", True),
    ("Everyone staying at Northgate will have to prove they can be trusted.", True),
    # what is owed to the group, waiting on the police, a case put to the reader
    ("The families at Northgate need to know that police will protect them.", False),
    ("The community will have to wait for the police to finish their work.", False),
    ("Those who live at Northgate deserve to feel safe.", False),
    ("Anyone who lives at Northgate and feels unsafe should call 101.", False),
])
def test_a_demand_turned_on_the_group_and_people_named_by_where_they_live(text, flagged):
    assert _stigma(CALDMERE, text) is flagged, text


def test_a_case_put_to_the_reader_about_where_they_live_repeats_no_rumour():
    """'Anyone who lives at Northgate' puts a case; it ties nobody to the attack."""
    assert "PR-rumour-northgate" not in _breaks(CALDMERE, "Anyone who lives at Northgate and feels unsafe should call 101.")
    assert "PR-rumour-northgate" in _breaks(CALDMERE, "We are aware of posts saying the gunman was living at Northgate.")

BRACKWATER = ROOT / "scenarios" / "brackwater-pride-assault"


@pytest.mark.parametrize("text, flagged", [
    # a group the active subject of hostility towards people
    ("The men at the Harbour View hate gay people, plain and simple.", True),
    ("The Saltmarsh Mosque has been preaching against gay people for years.", True),
    # hating an event, preaching against violence, the group the one despised, taught to respect
    ("The residents of the Harbour View hate what happened last night as much as anyone.", False),
    ("The imam preached against violence of every kind on Friday.", False),
    ("The men at the Harbour View were despised by the people who posted those lies.", False),
    ("The Saltmarsh Mosque has taught its young people to respect everyone, including gay people.", False),
])
def test_hostility_held_by_a_group(text, flagged):
    assert _held(BRACKWATER, text, "_hostile") is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("Not every asylum seeker is a danger, but some of the men at the hotel clearly are.", True),
    ("Not all the asylum seekers at the hotel are violent, but many of them are.", True),
    ("I'm not saying every refugee is a criminal, but a lot of those men at the hotel are.", True),
    # a concession about rumours or the injured, not a group's character
    ("Not every rumour online is true, but some of the posts about the hotel are dangerous lies.", False),
    ("Not all of the injured have been named, but some families have been told.", False),
])
def test_a_generalisation_conceded_then_made(text, flagged):
    assert _held(BRACKWATER, text, "_conceded") is flagged, text


@pytest.mark.parametrize("folder, text, flagged", [
    (BRACKWATER, "There's a real problem with some of the men at the Harbour View hotel.", True),
    (BRACKWATER, "Is it any wonder people are nervous about the men at the Harbour View?", True),
    (LINDENPORT, "The Northside estates have a long history of racism, and today showed it.", True),
    (LINDENPORT, "The mosque's young men will need watching on Saturday.", True),
    (DUNMARROW, "The asylum seekers at the reception centre are getting better treatment than our own pensioners.", True),
    # the group's own fear, its own history of being harmed or of good, support owed, its own wish
    (BRACKWATER, "Is it any wonder the families at the Harbour View are frightened after last night?", False),
    (BRACKWATER, "The LGBTQ community has a long history of facing violence, and today reopened old wounds.", False),
    (BRACKWATER, "The Harbour View residents have a record of volunteering at Pride.", False),
    (BRACKWATER, "Young people at the Rainbow Centre will need support over the coming weeks.", False),
    (BRACKWATER, "The refugees have received no more support than any other resident would.", False),
    (LINDENPORT, "Residents of Northside have told us they do not want the march in their streets.", False),
    (CALDMERE, "We are dealing with threats with the help of the families at Northgate.", False),
])
def test_a_problem_with_a_group_a_vice_in_its_history_and_favour_over_our_own(folder, text, flagged):
    assert _stigma(folder, text) is flagged, text


def test_a_motive_aimed_at_people_names_them_as_its_targets():
    """'hate crime against the men at the hotel' makes the men its victims, not its authors."""
    sound = "We know there is a problem with hate crime against the men at the Harbour View, and we are acting on it."
    assert "PR-speculation" not in _breaks(BRACKWATER, sound)
    assert "PR-speculation" in _breaks(CALDMERE, "Police say the man was probably a Pakistani Muslim.")


@pytest.mark.parametrize("text, rule, flagged", [
    # his material retold, the material named in the same breath
    ("In the video he says he wanted to start a war.", "PR-hate-content", True),
    ("In the recording he says Sikhs have no place in this country.", "PR-hate-content", True),
    ("In the video the mayor says the city stands with the Sikh community.", "PR-hate-content", False),
    ("In the letter they say they are grateful for the support of the city.", "PR-hate-content", False),
    # certainty in the speaker's voice ties a motive as 'is' does
    ("Whoever did this clearly hates everything the Sikh community stands for.", "PR-speculation", True),
    # a hedge that says its own 'not' guesses the link
    ("I'd be amazed if this wasn't connected to the trouble at the mosque last year.", "PR-speculation", True),
    ("I'd be surprised if the threat did not come from someone at Northgate.", "PR-speculation", True),
    ("I would be surprised if anyone was not moved by the vigil tonight.", "PR-speculation", False),
    # a home on a named street, a ward with its hospital, a plural possessive's family
    ("The family of the victim have asked for privacy at their home near the park on Oak Avenue.", "PR-private-details", True),
    ("The gunman's mother lives at her home on Birch Close.", "PR-private-details", True),
    ("The injured boy is on the children's ward at Caldmere General.", "PR-private-details", True),
    ("The victims' children attend Eastbank Primary.", "PR-private-details", True),
    ("Officers have visited homes on Tanner Road to reassure residents.", "PR-private-details", False),
    ("We will not say where his home on Oak Avenue is, and we ask the press not to.", "PR-private-details", False),
    ("The injured man has been moved from intensive care to a general ward.", "PR-private-details", False),
    ("The wounded are being treated at Caldmere General.", "PR-private-details", False),
])
def test_his_words_retold_certainty_and_whereabouts(text, rule, flagged):
    assert (rule in _breaks(CALDMERE, text)) is flagged, text


KESTRELFORD = ROOT / "scenarios" / "kestrelford-prevention-referral"
MARLHAVEN = ROOT / "scenarios" / "marlhaven-election-polarisation"
WENDHOLM = ROOT / "scenarios" / "wendholm-threats-succession"


@pytest.mark.parametrize("folder, text, flagged", [
    # told to show more of a virtue it is said to lack
    (KESTRELFORD, "The Eastgate Road Mosque needs to be much more open about who it lets preach there.", True),
    (KESTRELFORD, "Muslim families in Eastgate should be more careful about what their children get up to.", True),
    (KESTRELFORD, "Muslim families in Eastgate should be better protected, and we will see that they are.", False),
    (KESTRELFORD, "The Eastgate families will need to be a little patient while the council sorts out the repairs.", False),
    (KESTRELFORD, "The Eastgate Road Mosque needs to be more supported by the council, not less.", False),
    # a place changed by a group; the turning point said by how they came
    (MARLHAVEN, "Polish and Kurdish newcomers are changing Marlhaven beyond recognition.", True),
    (MARLHAVEN, "Marlhaven has changed beyond recognition since the new bypass opened.", False),
    (WENDHOLM, "Kestrel Lane has had nothing but trouble since the refugee children were enrolled.", True),
    (WENDHOLM, "Kestrel Lane has welcomed pupils from many countries since the refugee children were enrolled last year, "
               "and the school is proud of them.", False),
])
def test_a_virtue_it_must_show_more_of_and_a_place_changed_by_it(folder, text, flagged):
    assert _stigma(folder, text) is flagged, text


@pytest.mark.parametrize("folder, text, flagged", [
    (WENDHOLM, "The letter reads like it was written by a teenager.", True),
    (WENDHOLM, "My guess is that this is a pupil with a grudge.", True),
    (LINDENPORT, "The stabbing was probably carried out by someone from the counter-protest.", True),
    # nobody guessed at: the question left to the police, a refusal to guess
    (WENDHOLM, "Police have not said who sent the emails, and we will not guess.", False),
    (WENDHOLM, "It is too early to say who is responsible, and speculation helps no one.", False),
    (WENDHOLM, "My guess is that this will take the police some weeks.", False),
    (LINDENPORT, "We do not yet know who started the violence; the police will establish that.", False),
])
def test_a_guess_in_the_speakers_own_words_at_who_did_the_deed(folder, text, flagged):
    got = _breaks(folder, text)
    assert bool(got & {"PR-speculation", "PR-sender-guess", "PR-prejudge"}) is flagged, (text, got)


@pytest.mark.parametrize("text, flagged", [
    # unable to say the denial itself declines to deny
    ("We are not in a position to say the gunman had nothing to do with Northgate.", True),
    ("I am unable to tell you he was never at Northgate.", True),
    ("The gunman did not live at Northgate and had no connection to it.", False),
    ("We have been asked about Northgate: the police have found no connection, and the families there are safe.", False),
])
def test_unable_to_say_the_denial(text, flagged):
    assert ("PR-rumour-northgate" in _breaks(CALDMERE, text)) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    # 'there' after people is where they are, whatever follows it
    ("I visited Northgate this morning. Frankly, the families there need to answer some hard questions.", True),
    ("I visited Northgate this morning. The families there need to know they are safe.", False),
])
def test_people_there_are_the_people_of_the_place(text, flagged):
    assert _stigma(CALDMERE, text) is flagged, text


@pytest.mark.parametrize("folder, text, flagged", [
    # lodged in another person's home, a home placed by a landmark, a routine with its time
    (WENDHOLM, "The acting mayor is staying at a friend's flat across town until the threats are dealt with.", True),
    (CALDMERE, "The children of the victims are being looked after by neighbours two doors down from the gurdwara.", True),
    (CALDMERE, "She lives alone in the flat above the chemist on Tanner Road.", True),
    (WENDHOLM, "Her husband drops the kids at Kestrel Lane every morning at half eight.", True),
    (CALDMERE, "He walks his dog along the canal every morning at six.", True),
    # a road closed by a landmark, a public event's or the services' routine, a refusal to say
    (CALDMERE, "Police have closed the road round the corner from the gurdwara.", False),
    (CALDMERE, "The vigil will be held opposite the town hall at 7pm every evening this week.", False),
    (CALDMERE, "We will not say where the family is staying, even if it is next door to you.", False),
    (CALDMERE, "Officers will patrol Eastbank every evening and they will park at the leisure centre.", False),
    (CALDMERE, "Over the weekend a group gathered outside her home until police arrived; she and her family are safe.", False),
    (WENDHOLM, "We will not discuss the security arrangements for the acting mayor or her family.", False),
])
def test_whereabouts_said_in_relative_terms(folder, text, flagged):
    got = _breaks(folder, text)
    assert bool(got & {"PR-private-details", "PR-security-details", "PR-private"}) is flagged, (text, got)


@pytest.mark.parametrize("text, flagged", [
    # vetting put in doubt: lacking, asked, or wanted
    ("Nobody seems to know who is living at Northgate, because they were put there without any checks.", True),
    ("Has anyone actually vetted the men at Northgate?", True),
    ("Parents want the Northgate children screened before they start at local schools.", True),
    # a fact of checks given, a welfare check, an official check refused
    ("Every resident at Northgate has been through the standard Home Office checks.", False),
    ("Officers are checking on the families at Northgate every few hours.", False),
    ("Police will not be checking anyone's immigration status at the vigil.", False),
    ("Volunteers at Northgate have all been checked and trained.", False),
])
def test_a_groups_vetting_put_in_doubt(text, flagged):
    assert _stigma(CALDMERE, text) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    # the group's presence said to frighten the people around it
    ("Housing hundreds of Afghan men next to a primary school was bound to frighten parents.", True),
    ("The refugees at Northgate are scaring local women off the streets.", True),
    ("The march frightened the families at Northgate badly.", False),
    ("The refugees at Northgate were frightened by the posts about them.", False),
    ("The families at Northgate feel threatened and we are protecting them.", False),
    ("Please stay away from Northgate tonight, because two crowds at the gate would frighten the children.", False),
    # a violent deed said of a group, as its subject or its agent
    ("Afghan men from Northgate attacked two Sikh teenagers last night, I am told.", True),
    ("A worshipper was assaulted by refugees from the Northgate centre.", True),
    ("Refugees from the Northgate centre were attacked last night, and police are investigating.", False),
    ("Posts saying refugees from Northgate attacked a gurdwara volunteer are false.", False),
    ("The claim that men from Northgate assaulted anyone has no basis.", False),
])
def test_fear_and_violence_laid_on_a_group(text, flagged):
    assert _stigma(CALDMERE, text) is flagged, text


def test_people_of_a_place_named_as_victims_are_tied_to_nothing():
    assert "PR-rumour-northgate" not in _breaks(
        CALDMERE, "Refugees from the Northgate centre were attacked last night, and police are investigating.")
    assert "PR-rumour-northgate" in _breaks(CALDMERE, "The gunman came from the Northgate centre, I am told.")


@pytest.mark.parametrize("folder, text, flagged", [
    # 'they' told to take on our ways, where the statement names no group
    (DUNMARROW, "They are welcome here, but they must respect our values.", True),
    (DUNMARROW, "They will have to learn how we do things in this city.", True),
    (DUNMARROW, "They need to know that we are here for them.", False),
    (DUNMARROW, "They must follow the advice of the police tonight.", False),
    (DUNMARROW, "They have to accept that we cannot give more details yet.", False),
    # questions put to a group, a wish that it declare itself
    (CALDMERE, "It is fair to put some tough questions to the Northgate centre about who they house.", True),
    (CALDMERE, "Journalists have asked the Northgate centre questions about its safety plans.", False),
    (BRACKWATER, "I would like to see the Saltmarsh Mosque say where it stands on gay people.", True),
    (BRACKWATER, "I would like to thank the Saltmarsh Mosque for standing with us.", False),
])
def test_our_ways_demanded_of_them_and_a_group_asked_to_answer(folder, text, flagged):
    assert _stigma(folder, text) is flagged, text


@pytest.mark.parametrize("folder, text, flagged", [
    # a community by its own name as subject, its people by a possessive, newcomers by their coming
    (KESTRELFORD, "Millbrook has always had a problem with that sort of attitude.", True),
    (MARLHAVEN, "Common Ground's activists have a lot to answer for.", True),
    (BRACKWATER, "Some people who arrived here recently come from countries where being gay is a crime.", True),
    (LINDENPORT, "People are angry about the numbers coming into this town, and that is understandable.", True),
    (KESTRELFORD, "Millbrook has been a good neighbour to Eastgate for years.", False),
    (MARLHAVEN, "Common Ground's activists have been threatened too, and we condemn it.", False),
    (BRACKWATER, "Some people who arrived here recently have joined the Pride volunteers.", False),
    # a bloc vote, a town no longer ours, a risk to our own, a precedent of arrival
    (MARLHAVEN, "Ashgate votes as a bloc for whoever the elders pick.", True),
    (LINDENPORT, "Parts of Northside don't feel like our town any more.", True),
    (WENDHOLM, "Is housing more migrant families really worth the risk to our own children?", True),
    (LINDENPORT, "We all know what happens once the hotels fill up with single men; people are nervous.", True),
    (MARLHAVEN, "Every vote in Ashgate counts, and the polling stations are open until ten.", False),
    (WENDHOLM, "The school has kept every child safe, our own and the newly arrived families' alike.", False),
])
def test_named_communities_newcomers_and_what_their_coming_is_said_to_cost(folder, text, flagged):
    assert _stigma(folder, text) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    # where the material is, or the invitation to look, in a statement that speaks of material
    ("The attack video is still up on the Brackwater Gossip page if you want it.", True),
    ("It's on the Quay Street Residents group, second post down, if you want to see the clip.", True),
    ("Go and have a look at the clip yourselves before you judge.", True),
    # words shouted at the victims, in single quotes or double
    ("In the footage the men can be heard shouting 'you lot are not welcome here' before the attack.", True),
    ('Witnesses heard them yelling "go back where you came from" as they kicked him.', True),
    # taken down, no material spoken of, told not to look, a vigil's chant
    ("The attack video has been taken down from the page at our request.", False),
    ("Support is easy to find on the council website.", False),
    ("Please do not go looking for the video; report it if you see it.", False),
    ("Information about the vigil is on the Pride committee's page.", False),
    ('The crowd at the vigil chanted "love is love" for ten minutes.', False),
])
def test_pointing_people_to_material_and_the_attackers_words(text, flagged):
    assert ("PR-amplify" in _breaks(BRACKWATER, text)) is flagged, text


@pytest.mark.parametrize("folder, text, rule, flagged", [
    # the threat's claim retold: the claim is the phrase's own word
    (WENDHOLM, "The email claimed that there were devices in the school hall.", "PR-threat-text", True),
    (WENDHOLM, "The email has been passed to police and we will not repeat what it claimed.", "PR-threat-text", False),
    # a ward with a hurt patient; a named school with a family's child; a boy by his home and year
    (BRACKWATER, "The more seriously hurt man is on Ward 3 at the Royal Infirmary.", "PR-private", True),
    (BRACKWATER, "Ward 3 councillors have been briefed on the response.", "PR-private", False),
    (WENDHOLM, "Her daughter started at Fernside Primary this term.", "PR-security-details", True),
    (KESTRELFORD, "The lad lives with his gran and is in Year 9 at Riverside.", "PR-identity", True),
    (KESTRELFORD, "Pupils in Year 9 at Riverside will have an assembly on Friday.", "PR-identity", False),
    (DUNMARROW, "The families have been moved out of Old Mill Lane to the hotel by the bus depot.", "PR-identities", True),
])
def test_threat_retold_and_whereabouts_of_people(folder, text, rule, flagged):
    assert (rule in _breaks(folder, text)) is flagged, text


@pytest.mark.parametrize("text, rule, flagged", [
    # a half-denial with an adverb between
    ("I can't honestly say he had no link to Northgate.", "PR-rumour-northgate", True),
    ("We cannot completely rule out a link to Northgate.", "PR-rumour-northgate", True),
    ("We can say clearly that there is no link to Northgate.", "PR-rumour-northgate", False),
    # litotes, a noun of guessing as subject, doers named by the deed
    ("It's hard not to wonder which group stands to gain from this.", "PR-speculation", True),
    ("It is hard to say who did this, and we will not guess.", "PR-speculation", False),
    ("Whoever did this, the most likely explanation is someone with a grudge against the gurdwara.", "PR-speculation", True),
    ("I am told the men who attacked the gurdwara were Afghan refugees.", "PR-speculation", True),
    ("The men who were injured are being treated at hospital.", "PR-speculation", False),
    # a motive as a topic is no motive given
    ("We are running sessions on online hate in every school this term.", "PR-speculation", False),
])
def test_half_denials_litotes_and_guesses_at_who(text, rule, flagged):
    assert (rule in _breaks(CALDMERE, text)) is flagged, text


def test_a_report_set_aside_by_the_fact_that_answers_it():
    text = ("You might have seen a post saying an officer told friends it was 'just a fight'. Whatever was said, "
            "the position is clear: this is being investigated as a hate crime.")
    assert "PR-rumour-record" not in _breaks(BRACKWATER, text)
    assert "PR-rumour-record" in _breaks(BRACKWATER, "An officer told friends it was just a fight.")


def test_a_groups_own_fear_is_not_its_number():
    assert not _stigma(KESTRELFORD, "I understand why so many Eastgate parents are anxious, and I want to reassure them.")
    assert _stigma(CALDMERE, "There are simply too many refugees at Northgate for a town this size.")


@pytest.mark.parametrize("folder, text, flagged", [
    # difference stressed as the point; the money poured in while our own wait
    (DUNMARROW, "Dozens of young men have been placed here, from completely different cultures.", True),
    (CALDMERE, "Why does the council pour money into Northgate while our own estates go without?", True),
    (DUNMARROW, "People from many different cultures came to the vigil in Hollins Park tonight.", False),
    (CALDMERE, "The council is putting money into Eastbank's repairs and into support for every family affected.", False),
])
def test_difference_stressed_and_money_poured_in(folder, text, flagged):
    assert _stigma(folder, text) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    # a transcript's question is the questioner's words; the answer is the speaker's
    ("Q: People are saying the gunman came from Northgate. Is that right? A: No. There is no link to Northgate.", False),
    ("Q: Was he a refugee? A: We are not going to speculate about that.", False),
    ("Q: Where was he from? A: I'm told he was a refugee from Northgate.", True),
    # 'whoever you are' is anyone; speaking is not a language spoken
    ("If you are abused or threatened, whoever you are, report it. The families asked to speak first, and they will.", False),
    ("The suspect spoke broken English, I am told.", True),
])
def test_a_transcripts_question_and_anyone_at_all(text, flagged):
    got = _breaks(CALDMERE, text)
    assert bool(got & {"PR-speculation", "PR-rumour-northgate"}) is flagged, (text, got)


def test_a_man_who_was_harmed_is_a_victim_not_the_perpetrator():
    victim = "Tomas, the young man who was injured, is well known on the gay scene and his friends have been wonderful."
    assert "PR-speculation" not in _breaks(BRACKWATER, victim)
    assert "PR-speculation" in _breaks(BRACKWATER, "The man who attacked them is gay himself, I am told.")


def test_our_ways_said_as_how_we_do_things_here():
    assert _stigma(BRACKWATER, "The lads at the Harbour View don't understand how we treat gay people here.")
    assert not _stigma(BRACKWATER, "The lads at the Harbour View don't understand how the investigation works yet.")
