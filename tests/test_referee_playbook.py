"""The referee on the communication playbook: first statement, first message, key messages and
audiences (phrases, word stems, patterns, min_hits), prohibited content and when it lifts,
messengers, channels, languages, consistency, rumour correction and cadence. Each verdict with
the case that earns it and its neighbour. Same pack and helpers as test_referee_plan.

In the referee pack the mayor and press are messengers (press needs the mayor's approval);
the deputy is not.
"""

from __future__ import annotations

import pytest

from .referee import Drill, final_card, findings, fire, note, of_rule, say, verdict

# ---- the first statement ----------------------------------------------------------------------------
# The incident (I1) is at minute 0 and the playbook wants a first statement by minute 30.

@pytest.mark.parametrize("minute, want", [(5, ("on_time", "P")), (30, ("on_time", "P")), (31, ("late", "M"))])
def test_first_statement_timing(minute, want):
    card = final_card([(minute, say("mayor", "Stay calm."))])
    assert verdict(card, "playbook.first_statement:timing") == want
    assert findings(card)["playbook.first_statement:timing"].roles == ["mayor"]


def test_first_statement_is_the_first_from_an_approved_messenger():
    card = final_card([(5, say("deputy", "Stay calm.")), (35, say("mayor", "Stay calm."))])
    f = findings(card)["playbook.first_statement:timing"]
    assert (f.verdict, f.roles) == ("late", ["mayor"])


def test_first_statement_missing():
    card = final_card([(5, say("deputy", "Stay calm."))])
    assert verdict(card, "playbook.first_statement:timing") == ("missing", "U")


def test_live_first_statement_missing_only_after_its_target():
    d = Drill().play([note(30)])
    assert "playbook.first_statement:timing" not in findings(d.card(final=False))
    d.play([note(31)])
    assert verdict(d.card(final=False), "playbook.first_statement:timing") == ("missing", "U")


def test_the_incident_starts_at_the_first_delivery():
    # A variant whose first inject arrives at minute 10 moves the target to 40.
    from .referee import variant

    pack = variant("late-start", [("scenario.yaml", "{id: I1, at: 0,", "{id: I1, at: 10,")])
    card = final_card([(40, say("mayor", "Stay calm."))], pack=pack)
    assert verdict(card, "playbook.first_statement:timing") == ("on_time", "P")


# ---- the first message's elements -------------------------------------------------------------------
# empathy: the stem 'sorry'; facts: a pattern, '<n> people|persons (were) hurt|injured'.

def test_first_message_complete_with_a_pattern_hit():
    card = final_card([(5, say("mayor", "We are so sorry. 3 persons were hurt."))])
    f = findings(card)["playbook.first_message:elements"]
    assert (f.verdict, f.rating) == ("complete", "P")
    assert f.matched == ["sorry", "3 persons were hurt"]


@pytest.mark.parametrize("text", ["We are so sorry.", "Sorry: three people were injured.", "We are so sorry. 3 people died."])
def test_first_message_with_half_its_elements(text):
    card = final_card([(5, say("mayor", text))])
    f = findings(card)["playbook.first_message:elements"]
    assert (f.verdict, f.rating) == ("incomplete", "S") and "Confirmed facts" in f.explanation


def test_first_message_with_a_pattern_hit_only():
    card = final_card([(5, say("mayor", "12 people injured in the square."))])
    f = findings(card)["playbook.first_message:elements"]
    assert (f.verdict, f.rating, f.matched) == ("incomplete", "S", ["12 people injured"])


def test_first_message_with_no_element():
    card = final_card([(5, say("mayor", "Stay calm."))])
    assert verdict(card, "playbook.first_message:elements") == ("incomplete", "M")


def test_only_the_first_statement_is_judged_for_its_elements():
    card = final_card([(5, say("mayor", "Stay calm.")), (6, say("mayor", "We are so sorry. 3 people were hurt."))])
    assert verdict(card, "playbook.first_message:elements") == ("incomplete", "M")


# ---- key messages and audiences ---------------------------------------------------------------------

def test_key_message_said_with_its_words():
    card = final_card([(5, say("press", "Please stay CALM.")), (6, say("mayor", "Calm, everyone."))])
    f = findings(card)["playbook.key_message:calm"]
    assert (f.verdict, f.rating, f.roles, f.matched) == ("said", "P", ["press"], ["CALM"])  # the speaker's own words


def test_key_message_not_said():
    card = final_card([(5, say("mayor", "We are here."))])
    f = findings(card)["playbook.key_message:calm"]
    assert (f.verdict, f.rating) == ("not_said", "S")


def test_key_message_not_judged_live_or_without_any_statement():
    assert "playbook.key_message:calm" not in findings(final_card([]))
    d = Drill().play([(5, say("mayor", "We are here."))])
    assert "playbook.key_message:calm" not in findings(d.card(final=False))


@pytest.mark.parametrize("text, said", [
    ("Call the hotline on 0808 157 0123.", True),
    ("Call the hotline.", False),                   # min_hits 2: the phrase alone is not enough
    ("Ring 0808 157 0123.", False),                 # nor the pattern alone
    ("Call   the\nHOTLINE: 0808 157 0999", True),   # case and spacing do not matter
])
def test_key_message_with_min_hits_of_phrase_and_pattern(text, said):
    card = final_card([(5, say("mayor", text))])
    f = findings(card)["playbook.key_message:hotline"]
    assert f.verdict == ("said" if said else "not_said")
    if said:
        words = [" ".join(m.split()).lower() for m in f.matched]  # quoted as said: case and spacing kept
        assert len(words) == 2 and words[0] == "call the hotline" and words[1].startswith("0808 157 0")


def test_audience_addressed_by_a_word_stem():
    card = final_card([(5, say("mayor", "Our thoughts are with the family of each victim."))])
    f = findings(card)["playbook.audience:families"]
    assert (f.verdict, f.rating, f.matched) == ("said", "P", ["family"])


def test_audience_not_addressed():
    card = final_card([(5, say("mayor", "Stay calm."))])
    assert verdict(card, "playbook.audience:families") == ("not_said", "S")


# ---- prohibited content -----------------------------------------------------------------------------

def test_every_breach_is_a_finding_with_its_words():
    card = final_card([(5, say("press", "It was their fault.")), (6, say("mayor", "Their  FAULT, clearly."))])
    breaches = [f for f in of_rule(card, "playbook.prohibited") if f.verdict == "breach"]
    assert [(f.rating, f.roles, f.matched) for f in breaches] == [("M", ["press"], ["their fault"]),
                                                                  ("M", ["mayor"], ["Their  FAULT"])]  # as said
    assert "playbook.prohibited:none" not in findings(card)


def test_a_prohibition_stands_until_its_condition_holds():
    # 'named' is prohibited until I4 (minute 40) has been delivered.
    card = final_card([(10, say("mayor", "The victims were named.")), (45, say("mayor", "The victims were named."))])
    breaches = [f for f in of_rule(card, "playbook.prohibited") if f.verdict == "breach"]
    assert len(breaches) == 1 and breaches[0].id.startswith("playbook.prohibited:names@")


def test_clean_statements_at_the_end():
    d = Drill().play([(5, say("mayor", "Stay calm.")), (6, say("press", "Stay calm."))])
    assert "playbook.prohibited:none" not in findings(d.card(final=False))
    f = findings(d.finish().card())["playbook.prohibited:none"]
    assert (f.verdict, f.rating, f.roles) == ("clean", "P", ["mayor", "press"])


def test_no_clean_finding_without_statements():
    assert "playbook.prohibited:none" not in findings(final_card([]))


# ---- messengers -------------------------------------------------------------------------------------

def test_a_statement_by_someone_who_is_not_a_messenger():
    d = Drill().play([(5, say("mayor", "Stay calm.")), (6, say("deputy", "Stay calm."))]).finish()
    [f] = of_rule(d.card(), "playbook.messenger")
    assert (f.verdict, f.rating, f.roles) == ("unapproved_messenger", "M", ["deputy"])
    assert [d.line_of(n)["by"] for n in f.evidence] == ["deputy"]


def test_all_statements_from_messengers():
    card = final_card([(5, say("mayor", "Stay calm.")), (6, say("press", "Stay calm."))])
    assert verdict(card, "playbook.messenger:all") == ("approved_messengers", "P")


def test_no_messenger_finding_without_statements():
    assert not of_rule(final_card([]), "playbook.messenger")


# ---- channels and languages -------------------------------------------------------------------------

def test_every_required_channel_and_language_used():
    card = final_card([(5, say("mayor", "Calm.", channel="social", languages=["english"])),
                       (6, say("mayor", "Calm.", channel="website", languages=["WELSH"]))])
    assert verdict(card, "playbook.channels:required") == ("covered", "P")
    assert verdict(card, "playbook.languages:required") == ("covered", "P")


def test_a_required_channel_and_language_never_used():
    card = final_card([(5, say("mayor", "Calm.", channel="social", languages=["English", "Polish"]))])
    channels = findings(card)["playbook.channels:required"]
    languages = findings(card)["playbook.languages:required"]
    assert (channels.verdict, channels.rating) == ("gaps", "S") and "website" in channels.explanation
    assert (languages.verdict, languages.rating) == ("gaps", "S") and "Welsh" in languages.explanation


def test_channels_and_languages_judged_at_the_end_only_and_only_with_statements():
    assert not of_rule(final_card([]), "playbook.channels")
    d = Drill().play([(5, say("mayor", "Calm."))])
    assert not of_rule(d.card(final=False), "playbook.languages")


# ---- consistency of facts ---------------------------------------------------------------------------

def test_facts_stated_the_same_way():
    card = final_card([(5, say("mayor", "3 people were injured.")), (6, say("press", "3 injured, all stable."))])
    f = findings(card)["playbook.consistency:injured"]
    assert (f.verdict, f.rating, f.roles) == ("consistent", "P", ["mayor", "press"])


def test_facts_that_contradict():
    d = Drill().play([(5, say("mayor", "3 people were injured.")), (6, say("press", "5 people injured."))]).finish()
    [f] = of_rule(d.card(), "playbook.consistency")
    assert (f.verdict, f.rating, f.matched) == ("contradiction", "M", ["3", "5"])
    assert sorted(f.roles) == ["mayor", "press"]
    assert [d.line_of(n)["by"] for n in f.evidence] == ["mayor", "press"]


def test_the_same_messenger_may_correct_itself_with_an_update():
    card = final_card([(5, say("mayor", "3 people were injured.")), (6, say("mayor", "Update: 5 people injured."))])
    assert verdict(card, "playbook.consistency:injured") == ("consistent", "P")


def test_an_update_from_another_messenger_is_still_a_contradiction():
    card = final_card([(5, say("mayor", "3 people were injured.")), (6, say("press", "Update: 5 people injured."))])
    assert [f.verdict for f in of_rule(card, "playbook.consistency")] == ["contradiction"]


def test_a_self_correction_without_an_update_mark_is_a_contradiction():
    card = final_card([(5, say("mayor", "3 people were injured.")), (6, say("mayor", "In fact 5 people injured."))])
    assert [f.verdict for f in of_rule(card, "playbook.consistency")] == ["contradiction"]


def test_a_fact_stated_once_gets_no_consistency_finding():
    assert not of_rule(final_card([(5, say("mayor", "3 people were injured."))]), "playbook.consistency")


# ---- rumour correction ------------------------------------------------------------------------------
# I4 spreads the rumour at minute 40; a correction ('false') is due by 60.

@pytest.mark.parametrize("minute, want", [(40, ("corrected", "P")), (60, ("corrected", "P")), (61, ("corrected_late", "M"))])
def test_rumour_correction_timing(minute, want):
    d = Drill().play([(minute, say("mayor", "That rumour is false."))]).finish()
    f = findings(d.card())["playbook.rumour:R1"]
    assert (f.verdict, f.rating) == want
    assert f.roles == ["mayor"] and f.matched == ["false"]
    assert sorted(d.line_of(n)["type"] for n in f.evidence) == ["inject_delivered", "statement_issued"]


def test_a_correction_before_the_rumour_does_not_count():
    card = final_card([(39, say("mayor", "Any such rumour is false."))])
    assert verdict(card, "playbook.rumour:R1") == ("not_corrected", "U")


def test_a_correction_from_someone_who_is_not_a_messenger_does_not_count():
    card = final_card([(45, say("deputy", "That rumour is false.")), (70, say("press", "That rumour is false."))])
    f = findings(card)["playbook.rumour:R1"]
    assert (f.verdict, f.roles) == ("corrected_late", ["press"])
    card = final_card([(45, say("deputy", "That rumour is false."))])
    assert verdict(card, "playbook.rumour:R1") == ("not_corrected", "U")


def test_live_rumour_uncorrected_only_after_its_target_and_only_once_spread():
    d = Drill().play([note(30)])
    assert "playbook.rumour:R1" not in findings(d.card(final=True))  # not spread yet: nothing to correct
    d.play([note(60)])
    assert "playbook.rumour:R1" not in findings(d.card(final=False))
    d.play([note(61)])
    assert verdict(d.card(final=False), "playbook.rumour:R1") == ("not_corrected", "U")


# ---- cadence ----------------------------------------------------------------------------------------
# An update is wanted every 30 minutes from the first statement; the end of the exercise (120) closes the last gap.

def official(*minutes, by="mayor"):
    return [(m, say(by, f"Update at {m}.")) for m in minutes]


@pytest.mark.parametrize("minutes, want", [
    ((10, 40, 70, 100), ("kept", "P")),     # gaps of 30 and 20 to the end
    ((10, 40, 70, 89), ("gaps", "S")),      # 31 from 89 to the end
    ((10, 70, 100), ("gaps", "S")),         # 60: twice the target is still some challenges
    ((10, 71, 100), ("gaps", "M")),         # 61
    ((10,), ("gaps", "M")),                 # 110 to the end
])
def test_cadence(minutes, want):
    card = final_card(official(*minutes))
    assert verdict(card, "playbook.cadence:updates") == want


def test_cadence_counts_only_official_statements():
    card = final_card(official(10, 100) + official(40, 70, by="deputy"))
    assert verdict(card, "playbook.cadence:updates") == ("gaps", "M")


def test_live_cadence_does_not_count_the_time_still_to_come():
    d = Drill().play(official(10, 40) + [note(100)])
    assert verdict(d.card(final=False), "playbook.cadence:updates") == ("kept", "P")


def test_no_cadence_finding_before_the_first_statement():
    assert not of_rule(final_card([]), "playbook.cadence")


def test_rumour_and_cadence_after_a_fired_inject_are_unchanged():
    # Firing a cue-only inject is a delivery, but not a new incident: the first-statement target stays.
    card = final_card([(20, fire("I8")), (31, say("mayor", "Stay calm."))])
    assert verdict(card, "playbook.first_statement:timing") == ("late", "M")
