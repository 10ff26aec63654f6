"""The phrase matcher's shortcuts (word pools, the second-word filter, one-word phrases, the walk
over places reached) find exactly what the plain walk over every phrase finds, on phrases and
statements made up at random: alternatives, words of several parts, stems, '*' gaps and clause
ends where a gap would cross them."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.statements import phrases as P
from simulator.statements.text import tokens

WORDS = ["we", "do", "not", "know", "yet", "the", "family", "families", "asylum", "seeker", "seekers",
         "deployed", "deploy", "officers", "no", "evidence", "clear", "as", "there", "is", "calm",
         "found", "founded", "find"]  # 'found' is its own spelling but the lemma of 'founded', and 'find' its own
STEMS = ["deploy~", "famil~", "evid~", "se~"]
PUNCT = [".", ",", ";", "but"]

_alt = st.lists(st.sampled_from(WORDS), min_size=1, max_size=2).map("_".join)
_position = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(STEMS),
    st.lists(st.one_of(_alt, st.sampled_from(STEMS)), min_size=2, max_size=4).map("|".join),
)
_phrase = st.lists(st.one_of(_position, st.just("*")), min_size=1, max_size=4).map(" ".join)
_statement = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCT)), min_size=0, max_size=18).map(" ".join)


def _plain(phrases: list[P.Phrase], toks) -> set[tuple[int, int, int]]:
    """Every phrase tried at every token by the generator walk, the definition of a match."""
    out = set()
    for k, ph in enumerate(phrases):
        for i, t in enumerate(toks):
            end = min(P._ends(ph.parts, 0, toks, i, t.clause), default=-1)
            if end > i:
                out.add((k, i, end))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_phrase, min_size=1, max_size=8), st.lists(_statement, min_size=1, max_size=3))
def test_find_is_the_plain_walk(texts, statements):
    phrases = [ph for ph in (P.compile_phrase(t) for t in texts) if ph is not None]
    index = {id(ph): k for k, ph in enumerate(phrases)}
    m = P.Matcher(phrases)
    for text in statements:  # one matcher, several statements: its word pools are reused
        toks = tokens(text)
        found = {(index[id(ph)], i, j) for ph, i, j in m.find(toks)}
        assert found == _plain(phrases, toks), (texts, text)


def test_a_gap_stops_at_the_end_of_its_clause():
    ph = P.compile_phrase("no * evidence")
    assert ph is not None
    m = P.Matcher([ph])
    assert [(i, j) for _p, i, j in m.find(tokens("no real clear evidence"))] == [(0, 4)]
    assert m.find(tokens("no, as; clear evidence")) == []  # the words skipped cross a clause end
    assert [(i, j) for _p, i, j in m.find(tokens("no real clear new evidence"))] == [(0, 5)]  # three words skipped
    assert m.find(tokens("no real clear new hard evidence")) == []  # more than three


def test_a_phrase_whose_first_position_has_words_of_several_parts_is_found_after_them():
    ph = P.compile_phrase("asylum_seekers|families are")
    assert ph is not None
    m = P.Matcher([ph])
    assert [(i, j) for _p, i, j in m.find(tokens("the asylum seekers are here"))] == [(1, 4)]
    assert [(i, j) for _p, i, j in m.find(tokens("families are here; asylum are"))] == [(0, 2)]


def test_phrases_found_by_their_words_spelling_or_at_the_last_word():
    m = P.Matcher([ph for ph in map(P.compile_phrase, ["we founded", "asylum_seekers|families are"]) if ph])
    # 'found' is the lemma of 'founded' the phrase says: the statement's spelling matches it
    assert [(i, j) for _p, i, j in m.find(tokens("we found it"))] == [(0, 2)]
    # a first position of two words ending one word before the end: the last word goes on
    assert [(i, j) for _p, i, j in m.find(tokens("asylum seekers are"))] == [(0, 3)]


def test_a_stem_of_two_letters_starts_a_phrase():
    m = P.Matcher([ph for ph in map(P.compile_phrase, ["se~", "ch~ now"]) if ph])
    assert [(i, j) for _p, i, j in m.find(tokens("seekers change now"))] == [(0, 1), (1, 3)]


def test_the_shortest_match_wins_when_a_later_start_ends_sooner():
    ph = P.compile_phrase("the * asylum_seekers_are|seekers")
    assert ph is not None
    # after the gap, 'asylum seekers are' ends at 4 and 'seekers' (one word later) at 3
    assert [(i, j) for _p, i, j in P.Matcher([ph]).find(tokens("the asylum seekers are"))] == [(0, 3)]


def _spans(phrase: str, text: str) -> list[tuple[int, int]]:
    ph = P.compile_phrase(phrase)
    assert ph is not None
    return [(i, j) for _p, i, j in P.Matcher([ph]).find(tokens(text))]


def test_a_word_that_alone_or_with_others_fills_the_first_position():
    # 'asylum' alone, or the start of 'asylum seekers': either way the phrase can go on
    assert _spans("asylum|asylum_seekers are", "asylum are") == [(0, 2)]
    assert _spans("asylum|asylum_seekers are", "asylum seekers are") == [(0, 3)]


def test_the_word_after_a_first_position_of_several_words_matched_by_its_spelling():
    # the token 'found' is lemmatised 'find'; the phrase's 'founded' is 'found'
    assert _spans("asylum_seekers|refugees founded", "asylum seekers found") == [(0, 3)]


def test_a_second_position_with_stems_is_not_filtered_by_its_plain_words():
    assert _spans("we deploy~|officers", "we deployed") == [(0, 2)]
    assert _spans("we deploy~|officers", "we officers") == [(0, 2)]
