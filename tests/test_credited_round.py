"""Credited elements, round 6 (issue 11): each element said the ways officials really say it (a
terse police line, a grieving mayor, a bureaucratic release, a spoken answer on the radio, a
social post, a translated text), and the near misses beside it that must not be credited ('we
cannot stay calm about this', 'officers were not deployed in time'). Sentences written for this
file from each element's meaning, not taken from the corpus."""

from __future__ import annotations

import pytest

from .conftest import ROOT
from .test_stigma import _pack

CALDMERE = ROOT / "scenarios" / "caldmere-vaisakhi-attack"
BRACKWATER = ROOT / "scenarios" / "brackwater-pride-assault"
DUNMARROW = ROOT / "scenarios" / "dunmarrow-disinformation-reception-centre"
LINDENPORT = ROOT / "scenarios" / "lindenport-march-counterprotest"
WENDHOLM = ROOT / "scenarios" / "wendholm-threats-succession"

# --- cases
CASES: dict[str, tuple] = {
    "calm": (LINDENPORT, "KM-calm", [
        ("Please keep a level head tonight and go home.", True),
        ("I am asking everyone to stay composed and to follow what officers tell you.", True),
        ("Do not let yourselves be provoked.", True),
        ("Don't take to the streets tonight. Let the officers do their work.", True),
        ("Now more than ever we need to stick together as one town.", True),
        ("Let's not turn on each other.", True),
        ("Keep it peaceful, folks.", True),
        ("Take a breath before you react, and stay home this evening.", True),
        ("Nobody should answer hate with more hate.", True),
        ("Tempers are high, but violence will only make this worse.", True),
        ("I'm appealing to everyone to cool down and let investigators handle this.", True),
        ("There is no reason to panic.", True),
        ("Never stop looking out for one another.", True),
        ("We cannot stay calm about this.", False),
        ("Police did not keep the peace on Saturday.", False),
        ("The streets were quiet by nine o'clock.", False),
        ("Police have closed the bridge.", False),
    ]),
    "unknowns": (CALDMERE, "FM-unknowns", [
        ("We have no information yet about why he did it.", True),
        ("It is not known at this time how many people were inside.", True),
        ("Whether anyone else was involved has yet to be established.", True),
        ("Police are still piecing together what happened.", True),
        ("The number of injured is still being determined.", True),
        ("At this stage we're not in a position to say more about the man.", True),
        ("It's too soon to say.", True),
        ("Information is still coming in and the picture is incomplete.", True),
        ("I won't pretend we have all the answers.", True),
        ("Many questions remain unanswered tonight.", True),
        ("It remains to be seen whether the road will reopen tomorrow.", True),
        ("There is a lot we still have to find out.", True),
        ("The identity of the man has not been released.", True),
        ("We know exactly what happened and who did it.", False),
        ("Police have confirmed the cause of the fire.", False),
        ("An unknown man was seen running from the scene.", False),
        ("We will update you at four.", False),
    ]),
    "empathy": (CALDMERE, "FM-empathy", [
        ("Our whole city is reeling this morning.", True),
        ("It is hard to find the words tonight.", True),
        ("We are shaken to the core.", True),
        ("Our hearts are heavy today.", True),
        ("Words fail me.", True),
        ("I cannot begin to understand what the families are going through.", True),
        ("This is an unspeakable tragedy.", True),
        ("The families are in our prayers.", True),
        ("Our community is in shock.", True),
        ("This is every parent's worst nightmare.", True),
        ("I know many of you are scared, and that is completely natural.", True),
        ("What happened last night is a tragedy for all of us.", True),
        ("Police have arrested a man at the scene.", False),
        ("We are not sorry for enforcing the law.", False),
        ("The road will stay closed overnight.", False),
        ("Shock absorbers and tyres were found in the van.", False),
    ]),
    "help": (CALDMERE, "FM-help", [
        ("Anyone worried about a relative should contact the casualty bureau.", True),
        ("Full details are on the council's Facebook page.", True),
        ("If you need advice, speak to one of the officers at the cordon.", True),
        ("A reception centre has been opened at the town hall for anyone who needs it.", True),
        ("Those affected can get information from the family liaison team.", True),
        ("Parents can get in touch with the school office for advice.", True),
        ("Anyone who needs support can walk in to the community hub on Mill Street.", True),
        ("For the latest on road closures, check our social media channels.", True),
        ("The minister will visit the scene tomorrow.", False),
        ("The attacker's website has been taken down.", False),
        ("Officers helped an injured man to the ambulance.", False),
        ("We are calling for calm.", False),
    ]),
    "action": (CALDMERE, "FM-action", [
        ("Roads around the scene are closed and forensic teams are examining the site.", True),
        ("A major incident has been declared and extra resources have been brought in.", True),
        ("Security has been stepped up at places of worship across the city.", True),
        ("We have convened an emergency meeting of the council's resilience group.", True),
        ("Detectives are interviewing witnesses and reviewing CCTV.", True),
        ("Medical teams treated twelve people at the scene.", True),
        ("We've asked the platforms to take the posts down.", True),
        ("The council has activated its emergency plan.", True),
        ("Officers are not only patrolling the streets but visiting every school.", True),
        ("Officers were not deployed in time.", False),
        ("The police did not respond to calls for an hour.", False),
        ("Our thoughts are with everyone affected.", False),
        ("We do not yet know what happened.", False),
    ]),
    "facts": (CALDMERE, "FM-facts", [
        ("At about 11:40 this morning two people were killed at the gurdwara on Tanner Road.", True),
        ("Police confirm that a man opened fire at the Vaisakhi celebration.", True),
        ("Overnight a window was smashed at the gurdwara on Tanner Road.", True),
        ("Police are treating it extremely seriously this morning.", False),
        ("Caldmere General is treating everyone brought in this morning.", False),
    ]),
    "report": (BRACKWATER, "KM-report", [
        ("If you see anything suspicious, tell a police officer straight away.", True),
        ("Anyone with information should contact police, quoting the incident number.", True),
        ("If you have been abused or threatened, please come forward.", True),
        ("Witnesses are asked to get in touch with detectives.", True),
        ("Anyone who has footage of the attack should send it to the police.", True),
        ("Please pass any threatening messages on to officers.", True),
        ("If you are targeted, let the police know.", True),
        ("The media reported the attack within minutes.", False),
        ("Reports of a second attacker are false.", False),
        ("We reported on the progress of the inquiry last week.", False),
    ]),
    "calm_more": (CALDMERE, "KM-calm", [
        ("Folks, please don't let anger get the better of you tonight.", True),
        ("We ask the public to remain calm and to go about their day.", True),
        ("This is a time for cool heads, not raised fists.", True),
        ("Please respect each other and keep things peaceful at the vigil.", True),
        ("Whatever you feel, don't take it out on your neighbours.", True),
        ("We will not be turned against one another.", True),
        ("Unity is our answer to this.", True),
        ("Please, don't take matters into your own hands; stay away from the counter-protest.", True),
        ("Whatever our differences, we can disagree peacefully.", True),
        ("Ignore the taunts and be kind to one another.", True),
        ("Residents were calm when officers arrived.", False),
        ("The United Kingdom's flag flew at half mast.", False),
        ("The crowd did not stay calm.", False),
    ]),
    "unknowns_more": (CALDMERE, "FM-unknowns", [
        ("We can't give you a number yet.", True),
        ("Exactly what happened is still under investigation and we don't want to guess.", True),
        ("The cause of death is awaiting confirmation from the coroner.", True),
        ("We are not yet able to name the man.", True),
        ("I don't have that information right now.", True),
        ("It is not clear why the van stopped where it did.", True),
        ("It will take some time to establish exactly what happened.", True),
        ("Information at this stage is limited.", True),
        ("Police know who he is and have confirmed his name.", False),
        ("The injured are all known to us and their families have been told.", False),
    ]),
    "empathy_more": (CALDMERE, "FM-empathy", [
        ("This city grieves with you.", True),
        ("We are thinking of you all tonight.", True),
        ("Honestly, I'm gutted for everyone who was there.", True),
        ("Our deepest condolences go to the family.", True),
        ("No words can take away what the families feel today.", True),
        ("This is a sad day for our town.", True),
        ("I know this is an incredibly difficult time for the families.", True),
        ("We are praying for everyone in hospital.", True),
        ("Police confirm two people died.", False),
        ("The council will publish its report on the attack next month.", False),
    ]),
    "help_more": (CALDMERE, "FM-help", [
        ("Questions? Message us on the council app and we will answer.", True),
        ("More information for families is available at the town hall desk.", True),
        ("People looking for loved ones should go straight to the leisure centre.", True),
        ("If you are worried about someone, the police have a number you can ring.", True),
        ("Our officers will visit every shop on the street this week.", False),
        ("His posts were on a website that has now been taken down.", False),
    ]),
    "action_more": (CALDMERE, "FM-action", [
        ("Armed officers are guarding the building and the streets nearby are sealed off.", True),
        ("We've stepped up patrols and put extra staff in the control room.", True),
        ("Counter-terrorism detectives are leading the investigation and a man is in custody.", True),
        ("The police have not been able to reach the building yet.", False),
        ("No arrests have been made and nobody has been charged.", False),
        ("Anyone who attacks a mosque in revenge will be arrested.", False),
        ("As acting mayor I am in charge of the city's response.", False),
    ]),
    "report_more": (WENDHOLM, "KM-report-threats", [
        ("If something worries you, call the police. You don't need to be sure.", True),
        ("Got a threat? Screenshot it and send it to us.", True),
        ("Please tell officers about any threat, however small.", True),
        ("Reporters asked the mayor about the threats.", False),
        ("The report into the threats will be published in May.", False),
    ]),
    "solidarity": (CALDMERE, "KM-solidarity", [
        ("To our Sikh neighbours: this is your city as much as anyone's.", True),
        ("We will walk beside the sangat for as long as it takes.", True),
        ("Caldmere is your home, Sikh friends, and nobody will take that from you.", True),
        ("We're here for the Sikh community, today and every day.", True),
        ("The whole city is behind the sangat tonight.", True),
        ("Faith leaders and the council stand together with the sangat this evening.", True),
        ("Hurting one of us hurts every one of us: an attack on the Sikh community is an attack on all of us.", True),
        ("The Sikh community has asked for privacy.", False),
        ("Police have secured the area around the gurdwara.", False),
    ]),
    "support": (CALDMERE, "KM-support", [
        ("Trained counsellors are available to anyone who was at the gurdwara.", True),
        ("It's okay not to be okay. Please talk to someone; free emotional support is there for you.", True),
        ("Each bereaved family will have a dedicated officer to guide them through what happens next.", True),
        ("Staff at the assistance centre can help with travel, money and paperwork, and trained listeners are on hand.", True),
        ("Police support the decision to close the road.", False),
        ("The council thanks everyone for their support for the new bus lane.", False),
    ]),
    "condemnation": (CALDMERE, "KM-condemn", [
        ("What happened today was pure hatred.", True),
        ("There is no excuse, none, for attacking people at prayer.", True),
        ("I utterly reject the hatred behind this attack.", True),
        ("Attacking people at worship is beyond contempt.", True),
        ("Such violence has no home in our city.", True),
        ("Police are looking into the attack.", False),
        ("We do not yet know why he did it.", False),
    ]),
    "next_update": (CALDMERE, "FM-next-update", [
        ("We'll be back with more at six.", True),
        ("Expect a further statement from us this evening.", True),
        ("I will brief you again first thing tomorrow.", True),
        ("Check back here later today for the latest.", True),
        ("The police will issue another statement at noon.", True),
        ("The last update was at noon.", False),
        ("We updated our records after the attack.", False),
    ]),
    "no_reprisals": (CALDMERE, "KM-no-reprisals", [
        ("Attacking a refugee because of what one man did is a crime and will be treated as one.", True),
        ("Leave justice to the courts.", True),
        ("Do not punish innocent people for one man's crime.", True),
        ("No family at Northgate deserves to pay for this.", True),
        ("Anyone who targets the Northgate families will face arrest.", True),
        ("Anyone who abuses the Northgate families online will be reported to the police and held to account.", True),
        ("The families at Northgate are our neighbours.", False),
        ("Police have arrested a man.", False),
    ]),
    "dialogue": (LINDENPORT, "KM-dialogue", [
        ("My door is open to anyone who wants to talk this through, and I will meet residents on Thursday.", True),
        ("We want to hear from both sides before the next march, at a public meeting in the town hall.", True),
        ("Residents will get the chance to have their say at an open meeting on Thursday.", True),
        ("The council is inviting community groups to sit around the table with us and talk it through.", True),
        ("We are setting up a residents' forum, and I will be there to listen to people on both sides.", True),
        ("Bring your worries to the public meeting; the housing team will answer your questions in person.", True),
        ("We spoke to the press this morning.", False),
        ("The meeting point for the march is Station Forecourt.", False),
    ]),
    "check_share": (DUNMARROW, "KM-check-share", [
        ("Before you hit share, ask yourself where it came from.", True),
        ("Please get your news from official sources.", True),
        ("If you're not sure it's true, don't pass it on.", True),
        ("Think twice before reposting anything about the centre.", True),
        ("Please share this message as widely as you can.", False),
        ("The video was shared thousands of times.", False),
    ]),
    # registers: a terse police line, an American release, a social post, a translated text
    "action_registers": (CALDMERE, "FM-action", [
        ("Scene secure. One male in custody. Enquiries ongoing.", True),
        ("We are doing everything we can, and we are supporting every family at the hospital.", True),
        ("The sheriff's office and the FBI are assisting, and deputies are patrolling the neighborhood.", True),
        ("The authorities are working to clarify the circumstances and the investigations are continuing.", True),
        ("There is a heavy police presence in the town centre and schools nearby are in lockdown.", True),
        ("The government is working closely with the council, and the police have a visible presence at every mosque.", True),
    ]),
    "unknowns_registers": (CALDMERE, "FM-unknowns", [
        ("It is not yet possible to say how many persons were injured.", True),
        ("The identity of the perpetrator is not established.", True),
        ("The circumstances are still being clarified by the authorities.", True),
        ("We're trying to find out more, and honestly we're not sure yet why it happened.", True),
        ("We cannot confirm the number of casualties, and the number may rise.", True),
    ]),
    "next_update_registers": (CALDMERE, "FM-next-update", [
        ("Further updates to follow.", True),
        ("More soon.", True),
        ("Stay tuned to this page.", True),
    ]),
    "empathy_registers": (CALDMERE, "FM-empathy", [
        ("Heartbreaking news from Tanner Road tonight.", True),
        ("Our compassion goes to the families of the deceased.", True),
        ("It is hard to take in. No one should ever go through this.", True),
        ("Such terrible news; our city weeps with you.", True),
    ]),
    "help_registers": (CALDMERE, "FM-help", [
        ("DM us if you need help.", True),
        ("Stewards are on hand to help; for anything else ring the non-emergency number.", True),
        ("Anyone with questions about the road closures can check the city website.", True),
    ]),
    "support_registers": (BRACKWATER, "KM-support", [
        ("Assistance is offered to all affected persons at the town hall.", True),
        ("Counseling services are available to anyone who needs them.", True),
    ]),
    "solidarity_registers": (CALDMERE, "KM-solidarity", [
        ("The city stands by the side of the Sikh community.", True),
        ("We are side by side with the sangat.", True),
    ]),
    "calm_registers": (LINDENPORT, "KM-calm", [
        ("We call on all citizens to refrain from violence and provocation.", True),
        ("We stand united, and we will not let anyone turn neighbor against neighbor.", True),
        ("Please do not gather outside the mosque tonight.", True),
        ("This has never been a city of hate; check on your neighbours and show some patience.", True),
    ]),
    "report_registers": (WENDHOLM, "KM-report-threats", [
        ("If you see anything, call 911.", True),
        ("Anyone with info call 101 quoting log 123.", True),
        ("Don't suffer in silence: keep a record of every message and tell us about it.", True),
    ]),
}
# --- end cases


def _credited(folder, rule: str, text: str) -> bool:
    return rule in _pack(folder).checker.check(text).verdicts


@pytest.mark.parametrize("kind, text, credited", [(k, t, c) for k, (_, _, cs) in CASES.items() for t, c in cs])
def test_an_element_said_many_ways_is_credited_and_its_near_misses_are_not(kind, text, credited):
    folder, rule, _ = CASES[kind]
    assert _credited(folder, rule, text) is credited, text
