"""Stigma by conduct: what a group is said to fail to do, or to do to the people around it.

Why beside stigma.py: these moves carry no word of blame, danger or debt. They say it through the
clause's verb, with the group as its subject:
- a failure of belonging, negated in the group's own clause ('they never mix', 'the men there
  do not respect our laws', 'half of them have never done a day's work'): the group is the
  subject, a 'not' or 'never' is on the verb, and the verb is one of fitting in or paying its way;
- its vetting put in doubt ('who is vetting them?', 'housed without proper checks');
- its presence said to frighten the people around it, or a violent deed said of it;
- 'they' told to take on our ways, where no group is named for 'they'.
Each is read with stigma.py's helpers: a group of stigma_groups, the clause in its own voice, and
no denial of the group itself. Readings not yet shown to earn their place wait in stigma_held.
"""

from __future__ import annotations

from .analysis import Reading, Span
from .lexicon import POLICE
from .phrases import Phrase
from .stigma import _both, _denied, _open
from .stigma_groups import _MEN, _groups
from .verdict import Hit

_AUX = frozenset({"do", "does", "did", "will", "would", "can", "could", "shall", "should", "have", "has", "had", "be", "is",
                  "are", "was", "were", "simply", "just", "really", "even", "ever", "still", "yet", "seem", "to", "want",
                  "bother", "try", "make", "any", "effort", "here", "there", "round", "now", "'s", "'ll", "'d", "who", "that", "clearly", "obviously"})
"""Words that may stand between a group and its verb ('the men there simply do not...', 'they
have never even tried to...'): auxiliaries, adverbs of degree, and a relative 'who'."""
_NOT = frozenset({"not", "never"})
_LEMMA_FIX = {"hanging": "hang", "following": "follow", "gathering": "gather", "mixe": "mix", "mixing": "mix",
              "lingering": "linger", "belonging": "belong", "fitting": "fit"}
"""Forms the lemmatiser leaves as they are ('hanging', 'mixing' -> 'mixe'), taken to their verb."""


def _verb(t) -> str:
    return _LEMMA_FIX.get(t.low, _LEMMA_FIX.get(t.lemma, t.lemma))
BELONGING = frozenset({"integrate", "mix", "assimilate", "adapt", "belong", "fit", "contribute", "work", "bother", "engage",
                       "settle", "blend"})
"""Verbs of fitting in or paying one's way: said with 'not' or 'never' of a group, a failing laid on
all of it ('they never integrate', 'they don't contribute')."""
OUR_WAYS = frozenset({"share", "respect", "accept", "follow", "obey", "understand", "embrace", "honour", "uphold", "keep",
                      "do"})
"""Verbs that fail a group only with an object of our ways ('do not respect our laws', 'have never
done a day's work'); 'did not share the video' or 'do not understand what happened' is no failing."""
WAYS = frozenset({"value", "values", "law", "laws", "rule", "rules", "way", "ways", "culture", "custom", "customs",
                  "tradition", "traditions", "life", "norm", "norms", "standard", "standards", "decency"})
_FAILING = Phrase("a failing of belonging said of the group", ())


def _negated_verb(r: Reading, group: Span, clause: int) -> Span | None:
    """The group's verb, when a 'not' or 'never' is on it: the words after the group, up to the
    verb, are auxiliaries or degree words only, so the denial is the group's own clause's."""
    toks = r.toks
    neg = False
    k = group[1]
    end = min(len(toks), group[1] + 7)
    while k < end and toks[k].clause == clause:
        t = toks[k]
        if t.lemma in _NOT or t.low in _NOT:
            neg = True
        elif _verb(t) in BELONGING and neg:
            return (k, k + 1, _FAILING)
        elif _verb(t) in OUR_WAYS and neg:
            obj = [toks[m] for m in range(k + 1, min(len(toks), k + 6)) if toks[m].clause == clause]
            worked = _verb(t) == "do" and any(o.lemma == "work" for o in obj)  # 'never done a day's work'
            if worked or any(o.lemma in WAYS or o.low in WAYS for o in obj) or _how_here(obj):
                return (k, k + 1, _FAILING)
            return None
        elif t.lemma not in _AUX and t.low not in _AUX:
            return None
        k += 1
    return None


def _how_here(obj) -> bool:
    """'how things work here', 'how we treat people in this country': our ways, said as a 'how'."""
    lows = [o.low for o in obj]
    return "how" in lows[:2] and any(w in lows for w in ("here", "we", "our", "this", "us"))


def _failings(r: Reading, by_clause: _ByClause | None = None) -> list[Hit]:
    """A failure of belonging said of a group as its own clause's subject (see the docstring)."""
    out: list[Hit] = []
    for clause, groups in (by_clause or _open_groups(r)).items():
        for group, _place in groups:
            if _denied(r, group):
                continue
            verb = _negated_verb(r, group, clause)
            if verb is not None:
                out += _both(r, group, verb)
                break
    return out


VETTING = frozenset({"vet", "vetted", "vetting", "check", "checked", "checks", "checking", "screen", "screened", "screening",
                     "background", "backgrounds"})
"""Words of vetting: said of a community's people as lacking, asked or wanted, a suspicion that
they are not what they seem ('who is vetting them?', 'without proper checks', 'want the
centre's children properly screened')."""
_LACK = frozenset({"without", "no", "never", "nobody", "none", "hardly", "proper", "properly"})
_WANT = frozenset({"want", "should", "must", "need", "demand", "insist", "expect", "ought", "before", "until", "deserve"})
_WELFARE = frozenset({"on", "in", "up"})
"""'check on the families', 'check in with', 'check up on': welfare, not suspicion."""
_VETTED = Phrase("the group's vetting put in doubt", ())


def _vetting(r: Reading, by_clause: _ByClause) -> list[Hit]:
    """A community's people said to be unvetted, or their vetting asked or wanted (see VETTING),
    in a clause with the group (or a 'them' for it) and not the police's own welfare checks."""
    out: list[Hit] = []
    toks = r.toks
    asked = r.questions()
    for clause in list(by_clause) + [c for c in asked if c not in by_clause]:
        groups = by_clause.get(clause) or _groups(r, clause)
        if not groups:
            continue
        for k in r.clause_toks(clause):
            t = toks[k]
            if t.low not in VETTING:
                continue
            if k + 1 < len(toks) and toks[k + 1].low in _WELFARE:
                continue
            before = {toks[m].lemma for m in range(max(0, k - 6), k) if toks[m].clause == clause}
            lacking = bool(before & _LACK) or t.low == "vetting" and "who" in before
            if not (lacking or clause in asked or before & _WANT):
                continue
            if before & POLICE or before & {"not"}:
                continue  # 'police will not be checking anyone's papers': an official check refused, a reassurance
            if any(toks[m].lemma in ("have", "be") and toks[m + 1].low in ("been", "all", "already")
                   for m in range(max(0, k - 3), k)) and not before & {"not", "never", "no"} and clause not in asked:
                continue  # 'every resident has been checked': a fact given, not a doubt
            out += _both(r, groups[0][0], (k, k + 1, _VETTED))
            break
    return out


FEAR_CAUSED = frozenset({"unsettle", "unsettled", "unsettling", "frighten", "frightened", "frightening", "scare", "scared",
                         "scaring", "worry", "worried", "worrying", "alarm", "alarmed", "alarming", "intimidate",
                         "intimidated", "intimidating", "upset", "threaten", "threatened"})
_HOSTS = frozenset({"families", "family", "people", "residents", "locals", "parents", "neighbours", "us", "children",
                    "women", "girls", "everyone", "anyone", "community", "town", "neighbourhood", "area", "village"})
_UNEASE = Phrase("the group's presence said to unsettle others", ())
_CAUSE_BREAK = frozenset({"because", "as", "when", "while", "if", "since", "crowd", "crowds", "protesters", "march", "marchers",
                          "rumour", "rumours", "posts", "who", "which"})


def _unsettling(r: Reading, by_clause: _ByClause) -> list[Hit]:
    """A group's presence said to cause fear in others ('putting a lot of young men ... into one
    neighbourhood was always going to unsettle families'): the group before a verb of causing
    fear whose object is the people around it. Passive ('the families were frightened') or
    with the group as the object ('the march frightened the families at Northgate') is its harm."""
    out: list[Hit] = []
    toks = r.toks
    for clause, groups in by_clause.items():
        people = [g for g, place in groups if not place]
        for k in r.clause_toks(clause):
            t = toks[k]
            if t.lemma not in FEAR_CAUSED and t.low not in FEAR_CAUSED:
                continue
            if t.low.endswith("ed") and (k > 0 and toks[k - 1].lemma in ("be", "get", "feel", "seem", "look")
                                         or k + 1 < len(toks) and toks[k + 1].low in ("by", "about", "of", "at")):
                continue  # 'were frightened', 'feel threatened': the group is the one afraid
            after = [toks[m] for m in range(k + 1, min(len(toks), k + 4)) if toks[m].clause == clause]
            if not any(a.low in _HOSTS for a in after):
                continue
            # the group's people (not its place), with no other cause given between ('because two
            # crowds at the gate would frighten the children')
            before = [g for g in people if g[1] <= k and k - g[1] <= 18
                      and not any(toks[m].low in _CAUSE_BREAK for m in range(g[1], k))]
            if not before or any(toks[m].lemma in ("not", "never") for m in range(max(0, k - 4), k)):
                continue
            out += _both(r, before[0], (k, k + 1, _UNEASE))
            break
    return out


VIOLENT = frozenset({"stab", "stabbed", "attack", "attacked", "assault", "assaulted", "beat", "shoot", "shot", "kill", "killed",
                     "rape", "raped", "burn", "burned", "burnt", "torch", "torched", "smash", "smashed", "vandalise",
                     "vandalised", "threaten", "threatened", "punch", "punched", "kick", "kicked", "injure", "injured",
                     "hurt", "rob", "robbed", "mug", "mugged"})
_DEED_OF = Phrase("a violent deed said of the group", ())


def _violent_deed(r: Reading, by_clause: _ByClause) -> list[Hit]:
    """A violent deed said of a group ('men from the mosque stabbed a marcher', 'a marcher was
    stabbed by men from the mosque'): the group its active subject, or its agent after 'by'.
    A report of it left standing blames the group all the same; a correction in the statement
    (or the group the one harmed) does not."""
    if r.spans.get("corr") or r.spans.get("neg_scope"):
        return []
    out: list[Hit] = []
    toks = r.toks
    for clause, groups in by_clause.items():
        for g, _ in groups:
            hit = None
            for k in range(g[1], min(len(toks), g[1] + 4)):
                if toks[k].clause != clause:
                    break
                if toks[k].low in VIOLENT and toks[k - 1].lemma not in ("be", "get", "been"):
                    hit = (k, k + 1, _DEED_OF)
                    break
                if toks[k].lemma not in _AUX and toks[k].low not in _AUX:
                    break
            if hit is None and g[0] >= 2 and toks[g[0] - 1].low == "by" and toks[g[0] - 2].low in VIOLENT \
                    and toks[g[0] - 2].clause == clause:
                hit = (g[0] - 2, g[0] - 1, _DEED_OF)
            if hit is not None and not r.negated(hit[0], hit[1]) and clause not in r.questions():
                out += _both(r, g, hit)
                break
    return out


_OUR_WAY = frozenset({"value", "values", "law", "laws", "rule", "rules", "way", "ways", "culture", "custom", "customs",
                      "tradition", "traditions"})
_TOLD_THEM = Phrase("they told to take on our ways", ())


def _told_our_ways(r: Reading) -> list[Hit]:
    """'They' told to take on our ways ('they have to learn how we do things here', 'they must
    respect our values'), where the statement names no group for 'they': the 'we' and 'our'
    against the 'they' say who is meant. Not 'they need to understand that we are here for them'."""
    out: list[Hit] = []
    toks = r.toks
    for k, t in enumerate(toks):
        if t.low != "they" or k + 3 >= len(toks):
            continue
        at = [m for m in range(k + 1, min(len(toks), k + 6)) if toks[m].clause == t.clause]
        words = [toks[m].lemma for m in at]
        if not words or words[0] not in ("must", "should", "have", "need", "will", "better", "ought"):
            continue
        verb = next((m for m in at if toks[m].lemma in ("learn", "respect", "adapt", "integrate", "follow", "obey", "accept",
                                                         "abide", "fit")), None)
        if verb is None or not _open(r, t.clause):
            continue
        obj = [toks[m] for m in range(verb + 1, min(len(toks), verb + 5)) if toks[m].clause == t.clause]
        if any(o.low == "our" for o in obj) and any(o.lemma in _OUR_WAY for o in obj) or _how_here(obj):
            out += _both(r, (k, k + 1, _TOLD_THEM), (verb, verb + 1, _TOLD_THEM))
            break
    return out


_ByClause = dict[int, list[tuple[Span, bool]]]


def _open_groups(r: Reading) -> _ByClause:
    """The groups of every clause that speaks in its own voice, found once for all the readings
    of this module (they all ask it first)."""
    return {c: g for c in _group_clauses(r) if _open(r, c) for g in (_groups(r, c),) if g}


def _group_clauses(r: Reading) -> list[int]:
    """The clauses where a group or a community's place is named, or pointed back to by 'they'."""
    clauses = {r.toks[s[0]].clause for tag in ("grp", "cplace") for s in r.spans.get(tag, [])}
    clauses |= {t.clause for t in r.toks if t.low in _MEN}
    if clauses:
        clauses |= {c + d for c in clauses for d in (1, 2)}
    return sorted(clauses)


def conduct(r: Reading) -> list[Hit]:
    by_clause = _open_groups(r)
    # stigma_held's readings (lurking, patience worn out, hostility, a concession) wait for evidence
    found = (_failings(r, by_clause) + _unsettling(r, by_clause) + _violent_deed(r, by_clause)) if by_clause else []
    return found + _vetting(r, by_clause) + _told_our_ways(r)
