"""Stigma by insinuation: a community given an attribute, a debt, a hostility or a warning.

lexicon.BLAME catches blame said outright ('refugees are to blame'). What officials say is more
often sideways (see stigma_words): 'the young men from the centre have been a problem', 'the
community must root out its extremists', 'people's anger at the new arrivals is understandable',
'keep your children away from the hotel', 'the centre should be closed'. Each move is read the
same general way: a group (a community's people, or a community's place other than the one
attacked) and the move's words in one clause, the group standing where the words are said of it
(not where it is the one harmed, protected or speaking), and no denial, disavowal or question.
"""

from __future__ import annotations

from .analysis import Reading, Span
from .phrases import Phrase
from .lexicon import GROUP_NOUNS
from .lexicon import NEGATORS
from .stigma_words import HARMED_WORDS
from .stigma_words import (APPEALS, DEBTS, FEELINGS, OBJECT_FIRST, PLACE_NOUNS, SURPRISED, FOR_ONE_MAN, LINKING, OBJECT_OF, OBLIGED, OBLIGED_WITH, OTHER_AGENTS,
                           PROTECTIVE, VICTIM_SIDE, WITNESS)
from .verdict import Hit

NEAR = 10
"""How many words may stand between a group and what is said of it, within one clause."""

_COLLECTIVE = frozenset({"community", "communities", "congregation", "sangat", "population", "lot", "people", "men", "women",
                         "youth", "youths", "children", "folk", "crowd", "diaspora", "families", "residents", "lads"})
_ONE = frozenset({"a", "an", "one", "another", "this", "that", "the"})
_LINKS = frozenset({"from", "among", "amongst", "within", "by", "of", "in", "inside", "at", "around", "near", "the", "these",
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
        return False
    return not (j - i == 1 and i > 0 and r.toks[i - 1].low in ("a", "an", "one", "another"))


def _groups(r: Reading, clause: int, places: bool = True) -> list[tuple[Span, bool]]:
    """(span, is a place) for every group and non-targeted community place in a clause, and a
    plural pronoun that stands for a group named just before (see _anaphors)."""
    out = [(s, False) for s in r.in_clause("grp", clause) if _is_group(r, s)]
    out += [(s, False) for s in _men_at(r, clause)]
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
        placed = r.toks[k - 1].low in _THERE_AFTER  # 'round there will be...' is a place whatever follows
        if not placed and after is not None and after.clause == clause and (after.lemma in _THERE_NOT or after.low in _THERE_NOT):
            continue
        if any(clause - ANAPHOR_REACH <= r.toks[g[0]].clause <= clause and g[0] < k for g in r.spans.get("cplace", [])):
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


def _said_of(r: Reading, group: Span, cue: Span) -> bool:
    """Whether the cue's words are said of the group: the group before them with nothing that
    makes it the one harmed or speaking ('the families have faced threats'), or the group just
    after them, linked as source or place ('crime among refugees', 'radical young men at the mosque')."""
    gi, gj, _ = group
    ci, cj, _ = cue
    if gj <= ci <= gj + NEAR:
        between = r.toks[gj:ci]
        return not any(t.lemma in VICTIM_SIDE or t.low in VICTIM_SIDE or t.lemma in FOR_ONE_MAN for t in between)
    if cj <= gi <= cj + 4:
        return all(t.low in _LINKS or t.lemma in _LINKS for t in r.toks[cj:gi])
    return gi <= ci < gj  # the cue inside the group's own words ('young men from the centre')


def _both(r: Reading, a: Span, b: Span) -> list[Hit]:
    """One hit from the first of two spans to the end of the other: the words as a reader quotes
    them ('Stay away from Northgate', 'the young men from the centre have been a problem')."""
    i, j = min(a[0], b[0]), max(a[1], b[1])
    start, end = r.toks[i].start, r.toks[j - 1].end
    return [Hit(start, end, r.text[start:end], f"{a[2].text} / {b[2].text}")]


def _open(r: Reading, clause: int) -> bool:
    """Whether a clause makes claims in its own voice: not a question, a denial of a claim, or a
    judgement that what it reports is wrong ('blaming the families would be wrong')."""
    return not r.claims_about(clause) and not r.disavows(clause)


def _asserted(r: Reading, clause: int) -> bool:
    """Whether a clause says what it says, not asking it or calling it wrong: for moves whose own
    words would make the clause 'about a claim' ('questions to answer', 'no surprise to anyone
    who...'), where _open would set every one of them aside."""
    return clause not in r.questions() and not r.disavows(clause)


def _obliged(r: Reading, clause: int, before: int) -> bool:
    """Whether a word of obligation stands before token `before` in the clause ('must', 'has to')."""
    for k in r.clause_toks(clause):
        if k >= before:
            break
        t = r.toks[k]
        if t.lemma in OBLIGED:
            return True
        follow = OBLIGED_WITH.get(t.lemma)
        if follow and k + 1 < len(r.toks) and r.toks[k + 1].lemma in (follow, "upon" if follow == "on" else follow):
            return True
    return False


def _negated_after(r: Reading, cue: Span, group: Span) -> bool:
    """Whether a denial stands between the cue and the group ('no wonder people are not afraid of
    the refugees'); the cue's own 'no' ('no wonder people are wary of...') denies nothing."""
    return any(t.lemma in NEGATORS for t in r.toks[cue[1]:group[0]]) or any(
        cue[1] <= s[0] < group[0] for s in r.spans.get("neg_scope", ()))


def _protective(r: Reading, clause: int, group: Span) -> bool:
    """Whether the clause gives a protective or operational reason (a word of the group's own name,
    'the Northgate Welcome Centre', is not one)."""
    return any(r.toks[k].lemma in PROTECTIVE and not group[0] <= k < group[1]
               and not (k > 0 and r.toks[k - 1].low in ("your", "own", "yourself"))  # 'for your own safety' warns of them
               for k in r.clause_toks(clause))


def _denied(r: Reading, span: Span, reach: int = 3) -> bool:
    """Whether a denial stands just before these words, within `reach` words of its clause ('nobody
    from Northgate', 'are not a threat'), or scopes over them ('no evidence that the families...').
    A 'not' further back or after belongs to other words: 'would not want hundreds of single men
    here' says it of the men, 'haven't always made it easy for themselves by keeping to their own'
    still says they keep to their own."""
    clause = r.toks[span[0]].clause
    if any(s[0] < span[0] and r.toks[s[0]].clause == clause for s in r.spans.get("neg_scope", ())):
        return True
    return any(t.clause == clause and t.lemma in NEGATORS for t in r.toks[max(0, span[0] - reach):span[0]])


def _cue_denied(r: Reading, cue: Span) -> bool:
    """A denial just before what is said of the group ('are not a threat', 'no danger')."""
    return _denied(r, cue, reach=4)


def _named(r: Reading, cue: Span) -> bool:
    """Whether the cue's first word is part of a name: capitalised inside its sentence ('the
    Harbour View hotel' harbours nobody)."""
    t = r.toks[cue[0]]
    starts = cue[0] == 0 or r.text[max(0, t.start - 3):t.start].strip()[-1:] in (".", "!", "?", ":", "")
    return r.text[t.start:t.start + 1].isupper() and not starts


def _attributes(r: Reading) -> list[Hit]:
    out = []
    for tag in ("stig:attr", "stig:nominal"):
        for cue in r.spans.get(tag, []):
            clause = r.toks[cue[0]].clause
            if _cue_denied(r, cue) or not _open(r, clause) or _named(r, cue):
                continue
            for group, _place in _groups(r, clause):
                if _denied(r, group) or not _said_of(r, group, cue):
                    continue
                if tag == "stig:nominal" and not _linked(r, group, cue):
                    continue
                out += _both(r, group, cue)
                break
    return out


def _linked(r: Reading, group: Span, cue: Span) -> bool:
    """Whether a word of what the group is ('a danger', 'a problem') is said of it: right beside it
    ('migrant crime', 'radical young men'), after it through a verb of being or causing ('the
    men there have become a problem'), or before it as its source ('crime among the refugees'),
    never 'the families' problems with housing'."""
    gi, gj, _ = group
    ci, cj, _ = cue
    if cj <= gi:
        return True  # before the group, already read by _said_of as source or place
    between = r.toks[gj:ci]
    return not between or any(t.lemma in LINKING for t in between)


def _demands(r: Reading) -> list[Hit]:
    """A community told it owes an answer: the group, then a word of obligation, then the demand,
    in one clause ('the Muslim community must do more', 'we call on the mosque to explain')."""
    out = []
    # A debt ('has questions to answer') says its own obligation; a demand needs a word of it.
    for cue in r.spans.get("stig:demand", []) + r.spans.get("stig:debt", []):
        clause = r.toks[cue[0]].clause
        debt = cue[2].text in DEBTS
        if r.negated(cue[0], cue[1]) or not (_asserted(r, clause) if debt else _open(r, clause)):
            continue
        for group, _place in _groups(r, clause):
            if group[1] > cue[0] or cue[0] - group[1] > NEAR or _denied(r, group):
                continue
            if not debt and not _obliged(r, clause, cue[0]):
                continue
            if cue[2].text in APPEALS and any(r.toks[k].lemma in WITNESS or r.toks[k].low in HARMED_WORDS for k in r.clause_toks(clause)):
                continue  # 'we ask the congregation to come forward with what they saw': a witness appeal, not a debt
            between = r.toks[group[1]:cue[0]]
            if any(t.lemma in ("protect", "support", "help", "with", "for", "reassure") for t in between):
                continue
            out += _both(r, group, cue)
            break
    return out


def _legitimised(r: Reading) -> list[Hit]:
    """Hostility to a group called understandable ('anger at the new arrivals is natural', 'no
    wonder people are wary of the centre'), or questions said to be owed about it."""
    out = []
    for tag in ("stig:legit", "stig:question"):
        for cue in r.spans.get(tag, []):
            clause = r.toks[cue[0]].clause
            # 'questions will be asked' is itself about a question: only a real one ('?') asks
            # 'who can blame them?' asks nothing: a question that excuses is said all the same
            rhetorical = tag == "stig:legit" and cue[2].text in _RHETORICAL and not r.disavows(clause)
            said = _asserted(r, clause) if tag == "stig:question" else _open(r, clause) or rhetorical
            if r.negated(cue[0], cue[1]) or not said:
                continue
            for group, _place in _groups(r, clause):
                # The feeling held against the group stands before it ('anger at the centre'); after
                # it, it is the group's own ('families at Northgate are understandably worried').
                if tag != "stig:question" and not any(r.toks[k].lemma in FEELINGS or r.toks[k].low in FEELINGS
                                                      for k in r.clause_toks(clause) if k < group[0]):
                    continue
                before = r.toks[max(0, group[0] - 3):group[0]]
                if any(t.low in OBJECT_OF and t.clause == clause for t in before) and not _negated_after(r, cue, group):
                    out += _both(r, cue, group)
                    break
    return out


_RHETORICAL = frozenset({"who can blame", "who could blame"})


def _advice(r: Reading) -> list[Hit]:
    """Advice to keep clear of or watch a community's people or place ('stay away from Northgate',
    'be careful around the men at the hotel'); not protective watching, nor keeping clear of a
    police operation ('avoid Eastbank while police work at the scene'), nor the scene itself."""
    out = []
    for cue in r.spans.get("stig:advice", []):
        clause = r.toks[cue[0]].clause
        if r.negated(cue[0], cue[1]) or not _open(r, clause):
            continue
        if any(t.low == "going" for t in r.toks[cue[0]:cue[1]]):
            continue  # 'we are not going to let...' is a future, not 'do not go to...'

        first = cue[2].text in OBJECT_FIRST  # 'give the centre a wide berth': the place before the words
        for group, place in _groups(r, clause):
            if _protective(r, clause, group):
                continue
            if first and not (group[1] <= cue[0] and cue[0] - group[1] <= 3) or not first and (
                    group[0] < cue[0] or group[0] - cue[1] > NEAR):
                continue
            out += _both(r, cue, group)
            break
    return out


def _exclusion(r: Reading) -> list[Hit]:
    """A call to remove a community or close its place ('the centre should be shut', 'send them
    back'): only with a word of wanting or needing, so a closure for safety is not one."""
    out = []
    for cue in r.spans.get("stig:exclude", []):
        clause = r.toks[cue[0]].clause
        if _cue_denied(r, cue) or not _open(r, clause) or not _obliged(r, clause, cue[1]):
            continue
        for group, _place in _groups(r, clause):
            if abs(group[0] - cue[0]) > NEAR + 4 or _denied(r, group) or _protective(r, clause, group):
                continue
            out += _both(r, group, cue)
            break
    return out


def _burden(r: Reading) -> list[Hit]:
    """A burden laid on a group: the group before the burden, as its cause ('the refugees put
    pressure on our schools'), or after it through 'because of' ('pressure because of the
    centre'); not 'the pressure the families are under'."""
    out = []
    for cue in r.spans.get("stig:burden", []):
        clause = r.toks[cue[0]].clause
        if r.negated(cue[0], cue[1]) or not _open(r, clause):
            continue
        for group, _place in _groups(r, clause):
            before = group[1] <= cue[0] and not any(t.lemma in VICTIM_SIDE or t.low in VICTIM_SIDE
                                                    for t in r.toks[group[1]:cue[0]])
            caused = cue[1] <= group[0] and any(t.lemma in ("because", "due", "from", "by") for t in r.toks[cue[1]:group[0]])
            if (before or caused) and abs(group[0] - cue[0]) <= NEAR and not _denied(r, group):
                out += _both(r, group, cue)
                break
    return out


def _excused(r: Reading) -> list[Hit]:
    """A hostile act excused ('no parent could be blamed for keeping their child away from the
    centre'): not blaming people, said with a denial, and a group or place later in the clause."""
    out = []
    for cue in r.spans.get("stig:noblame", []):
        clause = r.toks[cue[0]].clause
        if not any(t.clause == clause and t.lemma in NEGATORS for t in r.toks[max(0, cue[0] - 6):cue[0]]):
            continue
        if r.disavows(clause):
            continue
        for group, _place in _groups(r, clause):
            if group[0] > cue[1]:
                out += _both(r, cue, group)
                break
    return out


def _burden_alone(r: Reading) -> list[Hit]:
    return [r.hit(s) for s in r.spans.get("stig:burden_alone", [])
            if not _cue_denied(r, s) and _open(r, r.toks[s[0]].clause)]


def _victim_blame(r: Reading) -> list[Hit]:
    """Those attacked blamed for it ('they were asking for trouble', 'be more discreet')."""
    # Only a denial before the words takes them back ('nobody is asking for it'); 'more discreet,
    # this might not have happened' still says it, and 'if they had been more discreet' is its
    # usual form, so a case put is not set aside here.
    return [r.hit(s) for s in r.spans.get("stig:victim", [])
            if not any(t.lemma in NEGATORS and t.clause == r.toks[s[0]].clause for t in r.toks[max(0, s[0] - 4):s[0]])
            and r.toks[s[0]].clause not in r.questions() and not r.disavows(r.toks[s[0]].clause)]


def _expected(r: Reading) -> list[Hit]:
    """The deed said to be what one would expect of a group ('it will surprise nobody who lives
    near the centre', 'which tells you something about the estate'): the group in the clause, or
    a 'they' for it, and the clause not about its fear or harm ('no surprise the families at
    the centre are frightened' is their fear, not their character)."""
    out = []
    for cue in r.spans.get("stig:expected", []):
        clause = r.toks[cue[0]].clause
        if cue[2].text in SURPRISED:
            # 'nobody who lives round there will be surprised': the denial is the move itself
            if not any(r.toks[k].lemma in NEGATORS for k in r.clause_toks(clause) if k < cue[0]):
                continue
        elif _cue_denied(r, cue):
            continue
        if not _asserted(r, clause):
            continue
        if any(r.toks[k].lemma in FEELINGS or r.toks[k].low in FEELINGS or r.toks[k].low in HARMED_WORDS
               or r.toks[k].lemma in VICTIM_SIDE and r.toks[k].lemma not in _PLACE_PREPS for k in r.clause_toks(clause)):
            continue
        for group, _place in _groups(r, clause):
            if abs(group[0] - cue[0]) > NEAR + 4 or _denied(r, group):
                continue
            out += _both(r, cue, group)
            break
    return out


_PLACE_PREPS = frozenset({"at", "from", "on", "with", "against", "towards", "toward"})
"""VICTIM_SIDE's prepositions: they place a group ('anyone who lives near the centre'), they do
not make it the one harmed."""


def insinuation(r: Reading) -> list[Hit]:
    """Every sideways stigma in the statement (see the module's docstring)."""
    return (_attributes(r) + _demands(r) + _legitimised(r) + _advice(r) + _exclusion(r) + _burden(r) + _victim_blame(r)
            + _excused(r) + _burden_alone(r) + _expected(r))
