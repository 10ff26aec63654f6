"""Who the group is, in stigma's readings: a community's people or place, as a statement names it.

Why a module of its own: every move of stigma.py asks the same question first (is there a group
in this clause, and which words are it?), and the answer grew several readings of its own: a
plural or collective word, never one person; men spoken of by the place they live; a 'they' or a
'there' pointing back to a group or place named a clause or two before.
"""

from __future__ import annotations

from .analysis import Reading, Span
from .lexicon import FALSEHOOD, GROUP_NOUNS
from .phrases import Phrase
from .stigma_words import OTHER_AGENTS, PLACE_NOUNS

NEAR = 10
"""How many words may stand between a group and what is said of it, within one clause."""

_COLLECTIVE = frozenset({"community", "communities", "congregation", "sangat", "population", "lot", "people", "men", "women",
                         "youth", "youths", "children", "folk", "crowd", "diaspora", "families", "residents", "lads"})
_ONE = frozenset({"a", "an", "one", "another", "this", "that", "the"})
_LINKS = frozenset({"from", "among", "amongst", "within", "by", "of", "in", "inside", "at", "around", "near", "the", "these", "with",
                    "those", "some", "many", "all", "their", "its", "our", "local", "young", "male", "single", "new",
                    *GROUP_NOUNS})
"""Words that may stand between an attribute and the group after it ('crime among the migrants',
'trouble from the centre', 'radicalised young men at the mosque')."""


def _is_group(r: Reading, span: Span) -> bool:
    """A group, not one person: a plural or collective word ('refugees', 'the community', 'Afghan
    families'), never 'a refugee' or 'the refugee' (one man: speculation, not stigma)."""
    i, j, _ = span
    last = r.toks[j - 1]
    plural = last.low.endswith("s") and not last.low.endswith("ss") or last.lemma in _COLLECTIVE or last.low in _COLLECTIVE
    if not plural:
        # 'persons of differing backgrounds', 'men from other countries': the head noun is the plural
        first = r.toks[i]
        if j - i >= 3 and r.toks[i + 1].low in ("of", "from") and (first.low in _COLLECTIVE or first.low.endswith("s")):
            return True
        return _named_subject(r, span)
    return not (j - i == 1 and i > 0 and r.toks[i - 1].low in ("a", "an", "one", "another"))


_FINITE = frozenset({"be", "have", "need", "must", "should", "will", "would", "can", "could", "do", "'s", "keep", "always",
                     "never", "still"})
_DETERMINERS = frozenset({"a", "an", "the", "one", "this", "that", "another", "every", "each", "any", "no", "his", "her"})


def _named_subject(r: Reading, span: Span) -> bool:
    """A community named by its own name, capitalised, as the subject of its clause ('Millbrook
    has had a problem with...', 'Northside keeps...'): the whole of it, not one person. Not an
    identity word with a determiner ('the refugee has been...': one man) nor in lower case."""
    i, j, _ = span
    t = r.toks[i]
    if j >= len(r.toks) or r.toks[j].clause != t.clause or r.toks[j].lemma not in _FINITE:
        return False
    if i > 0 and r.toks[i - 1].clause == t.clause and r.toks[i - 1].lemma in _DETERMINERS:
        return False
    return r.text[t.start:t.start + 1].isupper() and not _is_identity_word(t.low)


_IDENTITY_ADJ = ("ish", "ian", "ese", "an", "i", "ic")


def _is_identity_word(low: str) -> bool:
    """Whether a word reads as an adjective of faith or origin ('Kurdish', 'Afghan', 'Somali',
    'Islamic'): one person may be called that; a place-name community ('Millbrook') may not."""
    return low.endswith(_IDENTITY_ADJ) or low in ("muslim", "sikh", "hindu", "jew", "arab", "pole", "kurd", "roma", "black",
                                                  "white", "gay", "trans", "queer", "lesbian")


def _groups(r: Reading, clause: int, places: bool = True) -> list[tuple[Span, bool]]:
    """(span, is a place) for every group and non-targeted community place in a clause, and a
    plural pronoun that stands for a group named just before (see _anaphors). Found once per
    clause and statement: every move of stigma asks it, for every clause it reads."""
    key = ("groups", clause, places)
    found = r.memo.get(key)
    if found is None:
        found = r.memo[key] = _find_groups(r, clause, places)
    return found


def _find_groups(r: Reading, clause: int, places: bool) -> list[tuple[Span, bool]]:
    out = [(s, False) for s in r.in_clause("grp", clause) if _is_group(r, s)]
    out += [(s, False) for s in _their_people(r, clause)]
    out += [(s, False) for s in _men_at(r, clause)]
    out += [(s, False) for s in _living_at(r, clause)]
    if places:
        out += [(s, True) for s in r.in_clause("cplace", clause)]
    if not out:
        out = [(s, False) for s in _anaphors(r, clause)]
    if not out and places:
        out = [(s, True) for s in _there(r, clause)]
    return out


_MEN = frozenset({"men", "lads", "youths", "boys", "guys", "males"})
_AT = frozenset({"at", "from", "in", "of", "off", "on", "living", "staying", "housed", "up", "round", "around", "near"})
_MEN_PHRASE = Phrase("men of a place", ())


def _men_at(r: Reading, clause: int) -> list[Span]:
    """Men spoken of by the place they live ('the men at the new centre', 'lads off the estate'):
    the class men are feared as, located at a community's kind of place (PLACE_NOUNS)."""
    out = []
    for k in r.clause_toks(clause):
        if r.toks[k].low not in _MEN:
            continue
        after = [r.toks[m] for m in range(k + 1, min(len(r.toks), k + 6)) if r.toks[m].clause == clause]
        if after and after[0].low in _AT and any(t.lemma in PLACE_NOUNS for t in after[1:]):
            end = k + 1 + next(n for n, t in enumerate(after) if t.lemma in PLACE_NOUNS) + 1
            out.append((k, end, _MEN_PHRASE))
    return out


_RESIDENTS = frozenset({"those", "people", "everyone", "everybody", "men", "women", "families", "lads", "residents", "ones",
                        "many", "most", "all", "some"})
_LIVE = frozenset({"live", "stay", "house", "housed", "put", "place", "placed", "sleep", "be"})
_COMING = frozenset({"come", "came", "arrive", "arrived", "move", "moved"})
_RECENT = frozenset({"recently", "lately", "here", "over"})
_LIVING_PHRASE = Phrase("people who live at a community's place", ())


_COMING_PHRASE = Phrase("people named by their coming", ())


def _newly_come(r: Reading, clause: int) -> list[Span]:
    """People named by their coming ('people who have come to Brackwater recently', 'those who
    arrived last year', 'the numbers arriving in this town'): newcomers as a group, without an
    identity word."""
    out: list[Span] = []
    toks = r.toks
    for k in r.clause_toks(clause):
        t = toks[k]
        if t.low in _RESIDENTS and k + 1 < len(toks) and toks[k + 1].low == "who":
            verbs = [m for m in range(k + 2, min(len(toks), k + 5)) if toks[m].lemma in _COMING or toks[m].low in _COMING]
            if verbs and any(toks[m].low in _RECENT or toks[m].lemma in ("year", "month", "week")
                             for m in range(verbs[0], min(len(toks), verbs[0] + 6)) if toks[m].clause == clause):
                out.append((k, verbs[0] + 1, _COMING_PHRASE))
        elif t.low == "numbers" and k + 1 < len(toks) and toks[k + 1].lemma in ("arrive", "arriving", "come", "coming", "being"):
            out.append((k, k + 2, _COMING_PHRASE))
    return out


def _living_at(r: Reading, clause: int) -> list[Span]:
    """People named by where they live ('those who live at Northgate', 'everyone staying at the
    hotel'): a head word, 'who', a verb of living or being housed, then a community's place
    within three words; the whole of them a group, as 'the refugees' is."""
    out: list[Span] = _newly_come(r, clause)
    places = r.in_clause("cplace", clause)
    if not places:
        return out
    for k in r.clause_toks(clause):
        if r.toks[k].low not in _RESIDENTS or k + 2 >= len(r.toks) or r.toks[k + 1].low != "who":
            continue
        if r.toks[k + 2].lemma not in _LIVE:
            continue
        for p in places:
            if k + 2 < p[0] <= k + 6:
                out.append((k, p[1], _LIVING_PHRASE))
                break
    return out


_PEOPLE_OF = frozenset({"supporters", "members", "followers", "activists", "voters", "men", "lads", "youths", "boys",
                        "families", "residents", "congregation", "worshippers", "community", "leaders", "elders", "people",
                        "kids", "children", "young", "imams", "preachers"})
_THEIR_PEOPLE = Phrase("a community's people, named with its name", ())


def _their_people(r: Reading, clause: int) -> list[Span]:
    """A community's people named with a possessive ('Civic Renewal's supporters', 'the mosque's
    young men', 'Northgate's residents'): a group, as 'the refugees' is."""
    out: list[Span] = []
    for tag in ("grp", "cplace", "ident_t", "ident"):
        for s in r.in_clause(tag, clause):
            j = s[1]
            if j + 1 < len(r.toks) and r.toks[j].low == "'s" and r.toks[j + 1].clause == clause:
                k = j + 1
                if r.toks[k].low == "young" and k + 1 < len(r.toks):
                    k += 1
                if r.toks[k].low in _PEOPLE_OF:
                    out.append((s[0], k + 1, _THEIR_PEOPLE))
    return out


_THEY = frozenset({"they", "them", "their", "theirs"})
"""Not 'themselves': it stands for its own clause's subject ('with the families themselves')."""
_THEY_PHRASE = Phrase("they (the group named before)", ())
_THERE_PHRASE = Phrase("there (the place named before)", ())
ANAPHOR_REACH = 2
"""How many clauses back a 'they' may look for the group it stands for."""


_THERE_NOT = frozenset({"be", "seem", "appear", "remain", "have", "may", "will", "could", "should", "must", "might",
                        "would", "can", "need", "exist", "to", "and", "is", "are", "was", "were", "has", "'s"})
"""After 'there', words that make it 'there is...' or 'there to help', not a place pointed back to."""
_THERE_AFTER = frozenset({"up", "round", "around", "over", "down", "out", "from", "near", "in", "live", "lives", "living"})
"""Before 'there', words that make it a place ('up there', 'round there', 'people living there')."""


def _there(r: Reading, clause: int) -> list[Span]:
    """'There' pointing back to a community's place named a clause or two before ('the men at the
    hotel... what some of the lads up there say', 'it won't surprise anyone who lives round
    there'); not 'there is', 'there will be', 'they are there to help', nor at a clause's start."""
    out = []
    for k in r.clause_toks(clause):
        t = r.toks[k]
        if t.low != "there" or k == 0 or r.toks[k - 1].clause != clause:
            continue
        after = r.toks[k + 1] if k + 1 < len(r.toks) else None
        # 'round there will be...', 'the families there need...': a place whatever follows
        placed = r.toks[k - 1].low in _THERE_AFTER or r.toks[k - 1].low in _RESIDENTS or r.toks[k - 1].low in _MEN
        if not placed and after is not None and after.clause == clause and (after.lemma in _THERE_NOT or after.low in _THERE_NOT):
            continue
        if any(g[0] < k for c in range(clause - ANAPHOR_REACH, clause + 1) for g in r.in_clause("cplace", c)):
            out.append((k, k + 1, _THERE_PHRASE))
    return out


def _anaphors(r: Reading, clause: int) -> list[Span]:
    """'They' standing for a group named in the clause or two before ('the men at the centre
    arrived last spring. Since then they have been a problem'): officials rarely repeat the
    group's name in the clause that judges it. Only where the group is the last plural named
    (no other people, such as the police, named between) and is not itself the one harmed
    or protected there (the families need support. They...' reads the same way, and is judged
    by the cue's own reading of who is harmed)."""
    they = [k for k in r.clause_toks(clause) if r.toks[k].low in _THEY]
    if not they:
        return []
    if r.clause_has(clause, FALSEHOOD):
        return []  # '...the posts about the hotel. They are false': the posts, not the hotel's people
    first = they[0]
    named = [g for g in r.spans.get("grp", []) if clause - ANAPHOR_REACH <= r.toks[g[0]].clause < clause and _is_group(r, g)]
    named += [g for g in r.spans.get("cplace", []) if clause - ANAPHOR_REACH <= r.toks[g[0]].clause < clause]
    if not named:
        return []
    last = max(g[1] for g in named)
    # People named in the pronoun's own clause are its subject, not its antecedent ('people are
    # right to be wary of them'); named between the group and that clause, they may be.
    if any((t.lemma in OTHER_AGENTS or t.low in OTHER_AGENTS) and t.clause < clause for t in r.toks[last:first]):
        return []
    return [(k, k + 1, _THEY_PHRASE) for k in they]
