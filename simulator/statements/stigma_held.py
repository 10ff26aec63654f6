"""Stigma by conduct, held back from judging: lurking, patience worn out, hostility held, and a
generalisation conceded then made.

Why held back: each was written from sentences of our own (tests/test_statement_round5.py) and,
over all the readable sets, fired on no statement another author wrote. This round keeps a
reading in the judgement only where it gains clearly more harmful hits than wrong flags on such
statements, so these wait here, read and tested, until a set shows them earning their place;
stigma_conduct.conduct then adds them.
- lurking where people feel exposed ('lads from the hotel hang around the school gates'): the
  group the active subject of a verb of lurking (a passive one makes it the one harmed);
- patience worn out by a group ('people are sick of the centre'): the group after the words,
  with no harm done to it between;
- hostility held towards people ('the mosque preaches against gay people');
- 'not every asylum seeker is a danger, but some of the men at the hotel are'.
"""

from __future__ import annotations

from .analysis import Reading
from .phrases import Phrase
from .stigma import _both, _denied, _open
from .stigma_conduct import _AUX, _NOT, _ByClause, _open_groups, _verb
from .stigma_groups import _groups
from .verdict import Hit

LOITER = frozenset({"loiter", "lurk", "prowl", "roam", "leer", "ogle", "hang", "stalk", "pester", "hassle", "harass",
                    "follow", "stare", "gather", "congregate", "linger"})
"""Verbs of lurking: with a group as their active subject, the fear of it made its conduct."""
_ROUND = frozenset({"around", "about", "round", "outside", "near", "by", "at"})
"""What turns 'hang', 'gather' or 'linger' into lurking somewhere ('hanging around the gates')."""
_NEEDS_PLACE = frozenset({"hang", "gather", "congregate", "linger"})
_AT_PEOPLE = frozenset({"follow", "stare", "leer", "ogle", "pester", "hassle"})
EXPOSED_PEOPLE = frozenset({"girl", "woman", "child", "kid", "daughter", "pupil", "teenager", "schoolgirl", "she", "her"})
"""Whom a 'follow' or 'stare' is feared to reach: 'follow girls home', not 'follow the guidance'."""
EXPOSED = frozenset({"school", "schools", "gate", "gates", "park", "playground", "girl", "girls", "woman", "women", "child",
                     "children", "kid", "kids", "daughter", "daughters", "pupil", "pupils", "shop", "shops", "station",
                     "street", "streets", "bus", "stop", "dark", "night", "home", "homes", "alley", "estate", "pool"})
"""Where, or whom, a 'gather' or 'follow' is feared to reach ('gather outside the school', 'follow
girls home'); 'gathered at the gurdwara to pray' reaches nobody."""
_LURKING = Phrase("lurking said of the group", ())
_SEEN = frozenset({"seen", "spotted", "caught", "found", "noticed", "often", "always", "constantly", "regularly", "usually",
                   "keep", "kept", "all", "of", "them"})
"""Words that may stand between a group and its lurking ('have been seen hanging around', 'keep
hanging about', 'all of them loiter')."""


def _lurking(r: Reading, by_clause: _ByClause | None = None) -> list[Hit]:
    """A group the active subject of a verb of lurking, within a few words of it in its clause."""
    out: list[Hit] = []
    toks = r.toks
    for clause, groups in (by_clause if by_clause is not None else _open_groups(r)).items():
        for group, _place in groups:
            if _denied(r, group):
                continue
            hit = None
            for k in range(group[1], min(len(toks), group[1] + 6)):
                t = toks[k]
                if t.clause != clause:
                    break
                verb = _verb(t)
                if verb not in LOITER:
                    if t.lemma in _AUX or t.low in _AUX or t.low in _SEEN:
                        continue
                    break  # another verb is the group's ('anyone they see hanging around')
                if k > 0 and toks[k - 1].lemma in ("be", "get") and t.low.endswith("ed"):
                    break  # 'have been followed': the group is the one harmed
                after = [toks[m] for m in range(k + 1, min(len(toks), k + 8)) if toks[m].clause == clause]
                if verb in _AT_PEOPLE:
                    # 'follow girls home', 'stare at women': whom it reaches is the next word
                    whom = [a for a in after[:3] if a.low not in ("at", "the", "our", "local", "young")][:1]
                    if not (whom and whom[0].lemma in EXPOSED_PEOPLE):
                        continue
                elif verb in _NEEDS_PLACE and not (after and after[0].low in _ROUND
                                                      and any(a.lemma in EXPOSED or a.low in EXPOSED for a in after)):
                    continue
                hit = (k, k + 1, _LURKING)
                break
            if hit is not None:
                out += _both(r, group, hit)
                break
    return out


WEARY = frozenset({"tired", "sick", "weary", "fed"})
"""Worn-out patience: 'sick of', 'tired of', 'fed up with' a group (after the words)."""
_ENDURE = frozenset({"tolerate", "endure", "put"})
"""'Tolerate', 'endure', 'put up with' a group: what is endured is the group."""
HARM_DONE = frozenset({"attack", "attacks", "abuse", "hate", "hatred", "racism", "violence", "threat", "threats", "blame",
                       "blamed", "blaming", "targeting", "targeted", "harassment", "insult", "insults", "lie", "lies",
                       "rumour", "rumours", "post", "posts", "aimed", "directed", "being",
                       "fear", "fears", "suffering", "treatment", "way"})
"""Words between the cue and the group that make the group the one harmed or spoken for ('sick of
the abuse aimed at the centre', 'tired of the families being blamed')."""
_WORN = Phrase("patience worn out by the group", ())


def _worn_out(r: Reading) -> list[Hit]:
    """A group as what people are tired of or must put up with (see the docstring)."""
    out: list[Hit] = []
    toks = r.toks
    for k, t in enumerate(toks):
        if t.lemma in WEARY or t.low in WEARY:
            nxt = toks[k + 1].low if k + 1 < len(toks) else ""
            if nxt not in ("of", "with", "up"):
                continue
        elif t.lemma in _ENDURE:
            if t.lemma == "put" and not (k + 2 < len(toks) and toks[k + 1].low == "up" and toks[k + 2].low == "with"):
                continue
        else:
            continue
        clause = t.clause
        if not _open(r, clause) or any(x.lemma in ("not", "never", "no") for x in toks[max(0, k - 4):k] if x.clause == clause):
            continue  # 'we will not tolerate...' refuses, it does not endure
        for group, _place in _groups(r, clause):
            if not k < group[0] <= k + 8 or _denied(r, group):
                continue
            if any(x.lemma in HARM_DONE or x.low in HARM_DONE for x in toks[k + 1:group[0]]):
                continue
            out += _both(r, (k, k + 1, _WORN), group)
            break
    return out


HOSTILE = frozenset({"hate", "despise", "loathe", "detest", "preach", "teach", "radicalise", "radicalize", "brainwash",
                     "indoctrinate", "resent", "look"})
"""Verbs of hostility a group is said to hold towards others ('the mosque preaches against gay
people', 'they despise us'): with people as their object, the group made hostile as a whole."""
_AGAINST = {"preach": ("against", "hate", "hatred"), "teach": ("hate", "hatred", "contempt", "against"), "look": ("down",)}
"""Verbs hostile only with the word after them ('preach against', 'teach hatred', 'look down on')."""
PEOPLE_OBJECT = frozenset({"us", "our", "we", "people", "women", "girls", "everyone", "anyone", "everybody", "neighbours",
                           "christians", "sikhs", "jews", "hindus", "muslims", "gay", "gays", "lesbian", "trans", "lgbt",
                           "lgbtq", "community", "communities", "country", "town", "city", "way", "values", "locals",
                           "them", "british", "english", "westerners", "unbelievers", "outsiders", "others"})
"""Whom hostility is held against: people, or our ways ('what happened' or 'the attack' is an event,
and hating it is grief)."""
_HOSTILITY = Phrase("hostility held by the group", ())


def _hostile(r: Reading, by_clause: _ByClause | None = None) -> list[Hit]:
    """A group the active subject of a verb of hostility towards people (see HOSTILE)."""
    out: list[Hit] = []
    toks = r.toks
    for clause, groups in (by_clause if by_clause is not None else _open_groups(r)).items():
        for group, _place in groups:
            if _denied(r, group):
                continue
            hit = None
            for k in range(group[1], min(len(toks), group[1] + 6)):
                t = toks[k]
                if t.clause != clause or t.lemma in _NOT or t.low in _NOT:
                    break
                verb = _verb(t)
                if verb not in HOSTILE:
                    if t.lemma in _AUX or t.low in _AUX or t.low in _SEEN:
                        continue
                    break
                if k > 0 and toks[k - 1].lemma in ("be", "get") and t.low.endswith("ed"):
                    break  # 'have been despised': the group is the one harmed
                after = [toks[m] for m in range(k + 1, min(len(toks), k + 5)) if toks[m].clause == clause]
                need = _AGAINST.get(verb)
                if need and not (after and after[0].low in need):
                    break
                if any(a.low in PEOPLE_OBJECT or a.lemma in PEOPLE_OBJECT for a in after):
                    hit = (k, k + 1, _HOSTILITY)
                break
            if hit is not None:
                out += _both(r, group, hit)
                break
    return out


_CONCEDED = frozenset({"all", "every", "everyone", "each"})
_SOME = frozenset({"some", "many", "most", "few", "lot", "plenty", "minority", "number", "several", "certain", "enough"})
_CONCESSION = Phrase("not all of them ..., but some", ())


def _conceded(r: Reading) -> list[Hit]:
    """A generalisation conceded and then made ('not every asylum seeker is a danger, but some of
    the men at the hotel clearly are', 'I'm not saying all refugees are criminals, but...'): a
    'not all' or 'not every' with a group and a word of what it is said to be, then a 'but'
    clause that picks out some of them. The concession is how the charge is laid."""
    out: list[Hit] = []
    toks = r.toks
    for k in range(len(toks) - 1):
        if toks[k].lemma not in _NOT or toks[k + 1].low not in _CONCEDED and not (
                k + 2 < len(toks) and toks[k + 2].low in _CONCEDED and toks[k + 1].lemma in ("say", "saying")):
            continue
        clause = toks[k].clause
        said = [c for tag in ("stig:nominal", "stig:attr", "slur") for c in r.in_clause(tag, clause) if c[0] > k]
        groups = [g for g, _ in _groups(r, clause) if g[0] > k] or [
            g for g in r.spans.get("grp", []) + r.spans.get("ident", []) + r.spans.get("ident_t", [])
            if r.toks[g[0]].clause == clause and g[0] > k]
        if not said or not groups:
            continue
        nxt = [m for m in r.clause_toks(clause + 1)]
        if not nxt or toks[nxt[0]].low != "but" or not any(toks[m].low in _SOME for m in nxt[:6]):
            continue
        out += _both(r, groups[0], (nxt[0], min(nxt[-1] + 1, nxt[0] + 6), _CONCESSION))
    return out

