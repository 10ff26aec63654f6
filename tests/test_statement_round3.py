"""General readings, round 3 (issue 11): stigma said as a debt, as no surprise, as hostility one
can understand, through 'there' or 'their sort'; speculation passed on as hearsay; what is being
done said in one breath. Each reading with sentences written for it, and the sound statements
beside it that it must leave alone (a community defended, a fear that is the community's own)."""

from __future__ import annotations

import pytest

from .conftest import ROOT
from .test_statement_readings import _breaks
from .test_stigma import _pack

CALDMERE = ROOT / "scenarios" / "caldmere-vaisakhi-attack"
BRACKWATER = ROOT / "scenarios" / "brackwater-pride-assault"
DUNMARROW = ROOT / "scenarios" / "dunmarrow-disinformation-reception-centre"
LINDENPORT = ROOT / "scenarios" / "lindenport-march-counterprotest"
MARLHAVEN = ROOT / "scenarios" / "marlhaven-election-polarisation"


def _stigma(folder, text) -> bool:
    return "PR-stigma" in _breaks(folder, text)


@pytest.mark.parametrize("text, flagged", [
    # a debt said without a word of obligation
    ("Northgate has some serious questions to answer.", True),
    ("The refugees owe this city an explanation.", True),
    ("Frankly the asylum seekers up at Northgate are not blameless in all this.", True),
    # ... and taken back, or owed by nobody
    ("Nobody from Northgate has anything to answer for.", False),
    ("The families at Northgate are our neighbours and have nothing to answer for.", False),
    ("Does Northgate have questions to answer? No, and saying so puts families in danger.", False),
])
def test_a_debt_laid_on_a_community(text, flagged):
    assert _stigma(CALDMERE, text) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("It will come as no surprise to anyone who lives near Northgate.", True),
    ("What happened today tells you everything about the asylum seekers up there.", True),
    ("Given who the council has housed at Northgate, none of this is any surprise.", True),
    # the group's own fear is no character of it
    ("It is no surprise that families at Northgate are frightened tonight.", False),
    ("Nobody at Northgate is to blame, and it is no surprise people there feel targeted.", False),
])
def test_the_deed_said_to_be_what_one_would_expect_of_them(text, flagged):
    assert _stigma(CALDMERE, text) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("I understand why people are angry with the refugees.", True),
    ("Feelings are running high about Northgate, and frankly who can blame people?", True),
    ("The anger people feel towards the Northgate centre is not hard to understand.", True),
    # the feeling is the group's own when it stands after it
    ("No wonder families at Northgate are frightened tonight.", False),
    ("It is understandable that the families at the Northgate centre feel afraid.", False),
    ("People at Northgate are understandably worried.", False),
    ("Who can blame the families at Northgate for being afraid? Nobody should be.", False),
])
def test_hostility_called_understandable_needs_the_feeling_before_the_group(text, flagged):
    assert _stigma(CALDMERE, text) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    # 'there' pointing back to the community's place
    ("The Harbour View hotel has been in the news all week. Nobody who lives round there will be surprised.", True),
    ("I've heard the posts about the Harbour View hotel; some of the men up there have a problem with gay people.", True),
    # existential or operational 'there', or at a clause's start
    ("We visited the Harbour View hotel today. There is no evidence anyone there was involved.", False),
    ("The Harbour View hotel residents are safe. Officers will be there tonight to protect them.", False),
])
def test_there_stands_for_the_place_named_before(text, flagged):
    assert _stigma(BRACKWATER, text) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("Their sort never wanted to fit in here.", True),
    ("We all know what their sort are like.", True),
    ("The likes of them always bring trouble to a town like ours.", True),
    # 'these people' is a group, not a slur, until something is said of it
    ("These people need our help and our support tonight.", False),
    ("These people are our neighbours.", False),
    ("That kind of language has no place in Caldmere.", False),
])
def test_a_class_named_by_contempt(text, flagged):
    assert _stigma(CALDMERE, text) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("Parents are entitled to be worried about the men at the centre.", True),
    ("I'd understand anyone wanting to keep their distance from the reception centre for now.", True),
    ("People should give the centre a wide berth for the time being.", True),
    ("The families at the centre have done nothing wrong, and officers are there to keep them safe.", False),
    ("Please keep your distance from the cordon on Old Mill Lane while police work.", False),
])
def test_men_of_a_place_and_keeping_distance(text, flagged):
    assert _stigma(DUNMARROW, text) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("I'm told the man they arrested had been living rough for some months.", True),
    ("Sources close to the investigation say he had a troubled past.", True),
    ("We understand the suspect had been in contact with others online.", True),
    ("I gather the attacker had fallen out with people at the gurdwara.", True),
    ("The suspect was well known to the police, I'm told.", True),
    # the police's process relayed, a source that is the police, a victim, or no perpetrator
    ("We understand the suspect will appear before magistrates tomorrow.", False),
    ("We have been told by police that a 34-year-old man has been charged.", False),
    ("I'm told the man who was injured is now stable in hospital.", False),
    ("We understand how worried people are; the police will say more when they can.", False),
    ("We understand why people are angry, and the man arrested will face justice.", False),
    ("Is it true, as people are saying, that the gunman was known to police? We will not guess.", False),
])
def test_hearsay_about_the_perpetrator_is_speculation(text, flagged):
    assert ("PR-speculation" in _breaks(CALDMERE, text)) is flagged, text


def test_a_pronoun_before_the_hearsay_cue_is_not_the_one_spoken_of():
    text = ("We are appalled by the abuse the councillor and her family have faced, and we understand why "
            "residents are worried. The police are investigating the threats.")
    assert "PR-speculation" not in _breaks(MARLHAVEN, text)


def _covers(folder, text) -> set[str]:
    return {k for k, v in _pack(folder).check_statement(text).verdicts.items() if not v.harmful}


@pytest.mark.parametrize("text, credited", [
    # one clear sentence of an agency at work delivers the element (rules asking for two cues)
    ("Officers are now on scene.", True),
    ("The city has flagged the posts to the platform.", True),
    ("There will be extra patrols along Quay Street all week.", True),
    ("Four men have been arrested and three charged.", True),
    ("Four men have now been arrested.", True),
    ("The platform has been asked to take the video down.", True),
    ("Extra officers have gone to the hotel this afternoon.", True),
    # a request to the public, a feeling, or a plan of nobody's is not the city acting
    ("We ask you not to share the video.", False),
    ("Everyone in Brackwater is shaken tonight.", False),
])
def test_an_agency_at_work_is_action(text, credited):
    assert ("FM-action" in _covers(BRACKWATER, text)) is credited, text


@pytest.mark.parametrize("text, flagged", [
    ("The manifesto is real, as far as we can tell. In it he writes that the city belongs to people like him.", True),
    ("Police have the gunman's livestream. He says that this is only the beginning.", True),
    ("The gunman's manifesto is vile. He claims: we must fight back.", True),
    # refused, reported of oneself, or someone else speaking
    ("We have read the manifesto and we will not repeat what he wrote.", False),
    ("The manifesto has been passed to police. Please do not share it.", False),
    ("The victim's son spoke to me today. He said that his father loved this city.", False),
])
def test_his_message_told_in_substance_amplifies_him(text, flagged):
    assert ("PR-hate-content" in _breaks(CALDMERE, text)) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("They should not have to see their job at the Ashgate library posted online.", True),
    ("Her shift at the Harbour Cafe ends at six, and that is where she was followed from.", True),
    ("Her office at Marlhaven Town Hall remains open to constituents.", False),
    ("We will not say where his work at the Greenway depot is.", False),
])
def test_where_one_person_works_is_private(text, flagged):
    assert ("PR-private" in _breaks(MARLHAVEN, text)) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("My children are staying with my mother tonight under police guard.", True),
    ("The families at Old Mill Lane are our neighbours now. Their children are in our schools.", False),
    ("Their children are in good hands with the school's staff.", False),
])
def test_a_family_in_our_schools_is_nowhere_in_particular(text, flagged):
    folder = ROOT / "scenarios" / "wendholm-threats-succession" if text.startswith("My") else DUNMARROW
    assert bool(_breaks(folder, text) & {"PR-identities", "PR-security-details"}) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("The gunman was living at Northgate.", True),
    ("He was a member of the Northgate Welcome Centre.", True),
    # belonging said of the community, or a public building's name
    ("The Northgate community has been a part of Caldmere for years and we stand with them.", False),
    ("Officers from Northgate police station will be there to help.", False),
    # declining to deny, said other ways
    ("I can't tell you it wasn't someone from Northgate. Not today.", True),
    ("The police are following every line of inquiry, including the claims about Northgate.", True),
    ("The claim that the gunman came from Northgate is false; police are following every line of inquiry into the attack itself.", False),
])
def test_a_rumours_link_said_of_the_deed(text, flagged):
    assert ("PR-rumour-northgate" in _breaks(CALDMERE, text)) is flagged, text


@pytest.mark.parametrize("kind_rule, text, credited", [
    ("FM-unknowns", "That will depend on the police assessment, which is being done tonight.", True),
    ("FM-unknowns", "We haven't decided those conditions yet.", True),
    ("FM-unknowns", "Neither of us knows, and nor does anyone else yet.", True),
    ("FM-unknowns", "The march will follow the route agreed with police.", False),
    ("FM-empathy", "The city knows that many people in the Polish community are frightened after Saturday night.", True),
    ("FM-empathy", "Many people in the Polish community were at the picnic on Saturday.", False),
])
def test_unknowns_and_empathy_in_paraphrase(kind_rule, text, credited):
    folder = LINDENPORT if kind_rule == "FM-unknowns" else BRACKWATER
    assert (kind_rule in _covers(folder, text)) is credited, text


@pytest.mark.parametrize("text, credited", [
    ("To the families at Old Mill Lane: you are welcome here.", True),
    ("Their neighbours have their backs, and so does the city.", True),
    ("The families moved to Old Mill Lane three weeks ago.", False),
])
def test_solidarity_said_plainly(text, credited):
    assert ("KM-welcome" in _covers(DUNMARROW, text)) is credited, text


@pytest.mark.parametrize("text, flagged", [
    # who they were, said just after the hearsay
    ("Nobody has been named yet. But from what I hear, these were lads from out of town who had been drinking all day.", True),
    ("I'm told they were students from the university, though police have not said so.", True),
    # 'he' after a hearsay cue, in a statement that speaks of nobody harmed, is the man sought
    ("We don't have a name. From what I'm hearing he had spent months online with people abroad.", True),
    # someone harmed or protected, however the hearsay is put
    ("I hear they were frightened but safe.", False),
    ("I'm told she is safe and being looked after by her family.", False),
])
def test_hearsay_about_who_they_were(text, flagged):
    folder = CALDMERE if "abroad" in text or "she is" in text else BRACKWATER
    assert ("PR-speculation" in _breaks(folder, text)) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    # the arrival as the turning point, with a word of decline beside it
    ("I won't name names, but everyone knows the trouble started once the refugees arrived.", True),
    ("Since the asylum seekers moved in, Caldmere has not been the same.", True),
    ("Since the refugee families arrived at Northgate, they have become part of Caldmere life.", False),
    ("When the asylum seekers arrived, volunteers from every faith came to help.", False),
    # people who warned about the group, the group right after the words
    ("Perhaps now people will listen to residents who warned about Northgate.", True),
    ("Police warned of reprisals against the families at Northgate and have stepped up patrols.", False),
    ("We have warned people about fake posts targeting the Northgate centre.", False),
])
def test_the_groups_arrival_and_the_warnings_about_it(text, flagged):
    assert _stigma(CALDMERE, text) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("Let's be frank: the asylum seekers at Northgate were never properly vetted.", True),
    ("The Muslim community at Northgate has to decide whose side it is on.", True),
    ("It is time the refugees stopped hiding behind excuses.", True),
    ("There is no truth in claims that the asylum seekers were not vetted.", False),
    ("The families at Northgate are not hiding behind anything; they are frightened.", False),
    ("The Northgate community needs to understand that we stand with them.", False),
])
def test_what_a_group_is_said_to_hide_or_owe(text, flagged):
    assert _stigma(CALDMERE, text) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    # newcomers named without an identity word are a group
    ("Kestrel Lane has taken in too many new families too quickly, and this is the result.", True),
    ("Those families are our neighbours and every child belongs at Kestrel Lane.", False),
    ("The new families at Kestrel Lane have been frightened by the threat, and we are with them.", False),
])
def test_newcomers_named_without_an_identity_word(text, flagged):
    assert _stigma(ROOT / "scenarios" / "wendholm-threats-succession", text) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    # the estates in the scenario's story are a community in the pack's vocabulary
    ("Most of the marchers came from Northside, which tells you something about the attitudes up there.", True),
    ("People in Northside aren't the march; most of them want nothing to do with it.", False),
])
def test_a_neighbourhood_of_the_story_is_a_community(text, flagged):
    assert _stigma(LINDENPORT, text) is flagged, text


@pytest.mark.parametrize("rule, text, credited", [
    ("KM-dialogue", "I'll be at St Anne's hall on Thursday to listen, and I want people to bring their questions.", True),
    ("KM-dialogue", "The four leaders will meet with an independent chair next week to agree how the campaign is run.", True),
    ("KM-dialogue", "The march will assemble at noon.", False),
    ("KM-calm", "Please keep the peace this weekend and let the police do their job.", True),
    ("KM-calm", "Don't go looking for the other side on Saturday.", True),
    ("KM-calm", "The route runs along Bridge Street.", False),
])
def test_dialogue_and_calm_in_paraphrase(rule, text, credited):
    assert (rule in _covers(LINDENPORT, text)) is credited, text


@pytest.mark.parametrize("folder, rule, text, flagged", [
    # a guess at who, in the speaker's own voice or as whose work it looks like
    (MARLHAVEN, "PR-speculation", "Frankly it has all the hallmarks of a Common Ground operation.", True),
    (MARLHAVEN, "PR-speculation", "It looks like Civic Renewal supporters were behind the video.", True),
    (ROOT / "scenarios" / "wendholm-threats-succession", "PR-speculation",
     "My guess is the email was sent by someone with a grudge against the school.", True),
    (ROOT / "scenarios" / "wendholm-threats-succession", "PR-speculation", "I suspect whoever sent it knows the school well.", True),
    (ROOT / "scenarios" / "wendholm-threats-succession", "PR-speculation",
     "The email came in last night. It is probably a parent who is angry about the new families.", True),
    (DUNMARROW, "PR-sender-guess", "It's pretty clear who is behind this video, and they know who they are.", True),
    (LINDENPORT, "PR-prejudge", "Everybody saw who threw the first punch, and it wasn't the counter-protesters.", True),
    # refused, the perpetrator named as such, or the police's work
    (MARLHAVEN, "PR-speculation", "We do not know who made the video, and we will not guess.", False),
    (CALDMERE, "PR-speculation", "A document said to be written by the suspect is being passed around; we will not quote it.", False),
    (ROOT / "scenarios" / "wendholm-threats-succession", "PR-speculation",
     "The email was sent from an anonymous account; police are working to trace it.", False),
    (MARLHAVEN, "PR-speculation", "Police are investigating who made the fake; it will not help to point fingers at any party.", False),
])
def test_a_guess_at_who_did_it(folder, rule, text, flagged):
    assert (rule in _breaks(folder, text)) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("The gunman's post ended with the words \"this is only the beginning\".", True),
    ("The manifesto is vile. It calls Sikhs \"a danger to our nation\".", True),
    # fewer than three words, someone else's words, the police's, or a claim quoted to deny it
    ("We will not repeat what the gunman wrote in his so-called \"manifesto\".", False),
    ("The imam said \"we are one city, and we grieve together\".", False),
    ("The suspect, who police describe as \"a 34-year-old local man\", remains in custody.", False),
    ("The post claiming \"the gunman came from Northgate\" is false.", False),
])
def test_his_words_in_quotation_marks_amplify_him(text, flagged):
    assert ("PR-hate-content" in _breaks(CALDMERE, text)) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("Police think it was kids messing about, so there is no cause for alarm.", True),
    ("This looks like an isolated incident and the danger has passed.", True),
    ("We will not call this an isolated incident until the police have finished their checks.", False),
    # put off to a time not yet come
    ("We will tell parents as soon as it is safe to return to the school.", False),
    ("Pupils will stay in the hall until all are accounted for.", False),
])
def test_reassurance_before_the_facts_said_other_ways(text, flagged):
    got = _breaks(ROOT / "scenarios" / "wendholm-threats-succession", text)
    assert bool(got & {"PR-hoax-early", "PR-safe-too-early"}) is flagged, text


def test_a_fact_the_police_give_after_it_is_theirs():
    assert "PR-speculation" not in _breaks(BRACKWATER, "The attack on Quay Street was a homophobic assault, police said.")
    assert "PR-speculation" in _breaks(BRACKWATER, "The attack on Quay Street was a homophobic assault, I am sure of it.")


@pytest.mark.parametrize("text, corrects", [
    # the rumour's community named by its people, not only by the rumour's own words
    ("The refugees had nothing to do with this attack.", True),
    ("The Afghan families have no link to what happened at the gurdwara.", True),
    ("The refugees are frightened tonight.", False),
])
def test_a_rumour_about_a_community_is_spoken_of_by_its_people(text, corrects):
    assert ("RUM-northgate" in _covers(CALDMERE, text)) is corrects, text


@pytest.mark.parametrize("text, flagged", [
    ("The refugees must change the way they behave.", True),
    ("The asylum seekers have to understand how things work here.", True),
    # what is owed to them, their own safety, or a denial
    ("The families at Northgate should know they are safe.", False),
    ("The refugees at Northgate should feel able to walk the streets.", False),
    ("The asylum seekers must not be blamed for this.", False),
])
def test_a_group_told_what_it_must_do(text, flagged):
    assert _stigma(CALDMERE, text) is flagged, text


@pytest.mark.parametrize("text, flagged", [
    ("The threat is wrong, but local parents have a point about how many newcomers the school has taken.", True),
    ("Some parents are worried about the number of migrant children at Kestrel Lane, and I understand that.", True),
    ("We have to be honest that the pressure on Kestrel Lane has been building since the refugee families arrived.", True),
    ("Parents have a point about the car park, and we will fix it.", False),
    ("Since the refugee families arrived, the school has welcomed them, and we are proud of it.", False),
    ("I understand that the new families are frightened, and we are with them.", False),
])
def test_a_point_about_them_and_a_pressure_since_they_came(text, flagged):
    assert _stigma(ROOT / "scenarios" / "wendholm-threats-succession", text) is flagged, text


@pytest.mark.parametrize("folder, text, flagged", [
    (ROOT / "scenarios" / "kestrelford-prevention-referral", "The Eastgate community needs to ask itself how a boy like this slipped through.", True),
    (ROOT / "scenarios" / "kestrelford-prevention-referral", "Families in Eastgate should be more careful about what their children see online.", True),
    (ROOT / "scenarios" / "kestrelford-prevention-referral", "You only have to look at the Millbrook estate to see where this came from.", True),
    (LINDENPORT, "The Muslim community here keeps itself to itself, which doesn't help.", True),
    (BRACKWATER, "Some of the displays at Pride were asking for a reaction.", True),
    # said to everyone, or for them
    (ROOT / "scenarios" / "kestrelford-prevention-referral", "Please be more careful about what you share online this week.", False),
    (LINDENPORT, "The Muslim community has asked us to keep the street quiet, and we will.", False),
])
def test_more_of_what_a_community_is_told_or_said_to_be(folder, text, flagged):
    assert _stigma(folder, text) is flagged, text


KESTRELFORD = ROOT / "scenarios" / "kestrelford-prevention-referral"


@pytest.mark.parametrize("folder, rule, text, flagged", [
    (KESTRELFORD, "PR-speculation", "It's almost certainly one of the lads from the Millbrook estate.", True),
    (KESTRELFORD, "PR-speculation", "My money is on somebody at Riverside.", True),
    (DUNMARROW, "PR-sender-guess", "I'd put money on it being someone who's been protesting outside the centre.", True),
    (DUNMARROW, "PR-sender-guess", "Everyone in Hollins knows who's behind this.", True),
    (LINDENPORT, "PR-prejudge", "It was the marchers who turned it ugly.", True),
    # 'it' with no person guessed after it, a cleft that names helpers
    (CALDMERE, "PR-speculation", "It is probably a good idea to avoid Tanner Road tonight.", False),
    (CALDMERE, "PR-speculation", "It is almost certainly going to rain at the vigil, so bring a coat.", False),
    (LINDENPORT, "PR-prejudge", "It was the stewards who kept people apart on Bridge Street.", False),
])
def test_a_bet_on_who_and_a_cleft_that_names_them(folder, rule, text, flagged):
    assert (rule in _breaks(folder, text)) is flagged, text


WENDHOLM = ROOT / "scenarios" / "wendholm-threats-succession"


@pytest.mark.parametrize("folder, rule, text, flagged", [
    (MARLHAVEN, "PR-private", "Councillor Demir and her children have moved in with her sister in Northbank for now.", True),
    (MARLHAVEN, "PR-private", "Her children go to Ashgate Primary, and officers will be at the gate.", True),
    (WENDHOLM, "PR-security-details", "The mayor is at her sister's house in Kelby tonight with two officers.", True),
    (WENDHOLM, "PR-security-details", "The acting mayor's children are being driven to school by police this week.", True),
    (BRACKWATER, "PR-private", "The victim's boyfriend, who works at the Lantern Bar, is devastated.", True),
    (CALDMERE, "PR-private-details", "The injured are at Caldmere General, on the third floor.", True),
    # safe, and where not said
    (MARLHAVEN, "PR-private", "Councillor Demir and her family are safe, and we will not say where they are.", False),
    (WENDHOLM, "PR-security-details", "The mayor is safe and in contact with the acting mayor.", False),
    (CALDMERE, "PR-private-details", "The injured are being treated at Caldmere General Hospital.", False),
])
def test_where_a_family_or_a_protected_person_is(folder, rule, text, flagged):
    assert (rule in _breaks(folder, text)) is flagged, text


def test_a_phrase_may_say_the_possessive_apart():
    """"'s" written alone in a phrase is the possessive a statement splits off ('sister's')."""
    from simulator.statements.phrases import Matcher, compile_phrase
    from simulator.statements.text import tokens

    ph = compile_phrase("at her sister 's house")
    assert ph is not None
    assert [(i, j) for _p, i, j in Matcher([ph]).find(tokens("She is at her sister's house."))] == [(2, 7)]


@pytest.mark.parametrize("text, flagged", [
    ("We have not been able to rule out a connection with the Northgate centre.", True),
    ("I'm not going to say the Northgate story is wrong.", True),
    ("We have checked: there is no connection with the Northgate centre.", False),
    ("The Northgate story is wrong, and the families had nothing to do with this.", False),
])
def test_declining_to_deny_said_other_ways(text, flagged):
    assert ("PR-rumour-northgate" in _breaks(CALDMERE, text)) is flagged, text


@pytest.mark.parametrize("folder, rule, text, flagged", [
    (CALDMERE, "PR-hate-content", "The livestream, which lasted seventeen minutes, shows him walking into the gurdwara.", True),
    (CALDMERE, "PR-hate-content", "His manifesto blames immigrants for everything and calls for more attacks.", True),
    (WENDHOLM, "PR-threat-text", "The email, which was sent at 8.02, said the school would be next.", True),
    (KESTRELFORD, "PR-amplify", "The Bunker server is where the meme started, and it's still active.", True),
    (WENDHOLM, "PR-threat-text", "The email has been passed to police; we will not repeat what it said.", False),
    (CALDMERE, "PR-hate-content", "The livestream has been removed; please report any copies you see.", False),
])
def test_what_his_material_says_or_shows(folder, rule, text, flagged):
    assert (rule in _breaks(folder, text)) is flagged, text


@pytest.mark.parametrize("folder, text", [
    (BRACKWATER, "We've read the posts about the Harbour View hotel. They are false, and they put people in danger."),
    (MARLHAVEN, "Whoever made this video wanted voters to stay at home. Do not let them win."),
    (CALDMERE, "People up at Northgate are frightened, and officers are there to protect them."),
    (CALDMERE, "There is no evidence that anyone from Northgate was involved, and it is no surprise that people there feel targeted."),
    (DUNMARROW, "Since the families arrived, neighbours have brought food and clothes, and we thank them."),
    (LINDENPORT, "The Muslim community must be able to worship in peace, and officers will make sure of it."),
    (WENDHOLM, "My guess is that parents will want to talk, so the head will be at the gate at 3pm."),
])
def test_sound_statements_that_speak_of_a_community_or_a_rumour_break_nothing(folder, text):
    assert not _breaks(folder, text), text


@pytest.mark.parametrize("rule, text, credited", [
    ("FM-empathy", "Words cannot describe what the families are going through.", True),
    ("FM-empathy", "I cannot imagine what they are feeling tonight.", True),
    ("FM-unknowns", "Police have not yet said whether anyone else was involved.", True),
    ("KM-calm", "Please look out for your neighbours tonight.", True),
    ("KM-solidarity", "Sikh, Muslim, Christian or none: we are one Caldmere.", True),
    ("FM-empathy", "The gurdwara will open at nine.", False),
])
def test_more_paraphrase_of_what_is_credited(rule, text, credited):
    assert (rule in _covers(CALDMERE, text)) is credited, text


@pytest.mark.parametrize("folder, text, flagged", [
    # a community's place put under review for the hostility it meets
    (CALDMERE, "The Council will be reviewing the Northgate arrangements in light of residents' concerns.", True),
    (CALDMERE, "In view of community tensions, a review of the suitability of the Northgate site will be undertaken.", True),
    (DUNMARROW, "The arrangements at Old Mill Lane will be looked at again, given the strength of local feeling.", True),
    (CALDMERE, "We are reviewing security at the Northgate centre given the families' fears.", False),
    (CALDMERE, "The council will review its own response in light of residents' concerns, and publish what it finds.", False),
    (DUNMARROW, "The suitability of the centre is a matter for the national agency, and it is not in question.", False),
    # a responsibility laid on it, a minority that shames it, its distance kept, who lives there asked
    (LINDENPORT, "The mosque has a responsibility to keep its young men off the streets on Saturday.", True),
    (LINDENPORT, "There is a small minority in the Muslim community who bring shame on the rest.", True),
    (CALDMERE, "Northgate residents have always kept their distance from the rest of Caldmere.", True),
    (DUNMARROW, "Residents are entitled to know who is living at the centre.", True),
    (LINDENPORT, "We have a responsibility to keep everyone on the route safe, and we will.", False),
])
def test_a_place_under_review_and_what_else_is_laid_on_a_community(folder, text, flagged):
    assert _stigma(folder, text) is flagged, text
