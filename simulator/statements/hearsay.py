"""Speculation said as hearsay: what the speaker has been told about the perpetrator, passed on.

Why a reading of its own: most guesses officials make in public carry no identity or motive word
at all ('I'm told he had been living rough', 'sources close to the inquiry say he had a troubled
past', 'from what I hear he kept to himself'). What makes them speculation is their shape: the
speaker's own unofficial source (lexicon.HEARSAY), the perpetrator in the same clause, and
something said of him that is not the police's process (arrest, charge, custody, court), which
an official may relay. The police's own words ('police have told us he has been charged') are
not hearsay.
"""

from __future__ import annotations

import bisect

from .analysis import Reading, Span
from .lexicon import DEEDS, HARMED, POLICE, PRONOUNS
from .phrases import Phrase
from .verdict import Hit

PROCESS = frozenset({"custody", "charge", "charged", "court", "bail", "release", "released", "remand", "remanded",
                     "interview", "interviewed", "question", "questioned", "detain", "detained", "hospital", "injure",
                     "injured", "recover", "stable", "condition", "treat", "treated", "surgery", "die", "died", "dead",
                     "cooperate", "co-operate", "arrest", "arrested", "identify", "identified", "name", "named",
                     "magistrate", "appear", "lawyer", "solicitor", "hearing", "trial", "investigation", "inquiry",
                     # and how someone harmed or threatened is cared for: 'I'm told she is safe with her children'
                     "safe", "safety", "moved", "protect", "protected", "protection", "guard", "supported", "support",
                     "care", "cared", "comfort", "comforted", "fine", "okay", "recovering", "shaken", "frightened", "grieving"})
"""What the police do with a suspect, or how a person harmed is looked after: relaying it is not
guessing about who did it."""

_PERSONS = frozenset({"man", "woman", "person", "individual"})
_WH = frozenset({"why", "how", "what", "your", "completely", "fully", "entirely", "very"})
_PASSIVE = frozenset({"said to", "rumoured to"})
"""Hearsay only after a form of 'be' (the phrase starts on the rarer word, for speed)."""
REACH = 8
"""How many words may stand between the hearsay cue and the perpetrator it speaks of."""


def _speaks_of_perpetrator(r: Reading) -> bool:
    """Whether 'he' may be the perpetrator: the statement speaks of one or of a deed, or of nobody
    harmed ('we don't have a name yet... from what I'm hearing, he had...' is about the man sought)."""
    return bool(r.spans.get("perp_s") or r.spans.get("act")) or any(
        t.lemma in DEEDS and t.lemma not in ("this", "it") for t in r.toks) or not any(
        t.lemma in HARMED or t.low in HARMED for t in r.toks)


_THESE = frozenset({"they", "these", "those"})
_PEOPLE = frozenset({"man", "men", "lad", "lads", "youth", "youths", "boy", "boys", "people", "kid", "kids", "local", "locals",
                     "resident", "residents", "member", "members", "supporter", "supporters", "fan", "fans", "student",
                     "students", "pupil", "pupils", "teenager", "teenagers", "group", "gang", "lot"})
_WHO_PHRASE = Phrase("who they were", ())


def _who_they_were(r: Reading, clause: int, after: int) -> list[Span]:
    """'(I'm hearing) these were lads off the estate': who did it, said of 'they' or 'these' just
    after the hearsay cue, a form of 'be', then the kind of people they were."""
    out: list[Span] = []
    for k in range(after, min(len(r.toks), after + REACH)):
        t = r.toks[k]
        if t.clause != clause or t.low not in _THESE:
            continue
        rest = [x for x in r.toks[k + 1:k + 5] if x.clause == clause]
        if rest and rest[0].lemma == "be" and any(x.low in _PEOPLE or x.lemma in _PEOPLE for x in rest[1:]):
            out.append((k, k + 2, _WHO_PHRASE))
            break
    return out


def hearsay(r: Reading) -> list[Hit]:
    """Hearsay about the perpetrator: a hearsay cue and the perpetrator in one clause, the clause
    neither a question nor a refusal, and nothing of the police's process or of harm in it."""
    out: list[Hit] = []
    spoken_of = None
    for h in r.spans.get("hearsay", []):
        i, j, _ = h
        clause = r.toks[i].clause
        if clause in r.questions() or r.disavows(clause) or r.negated(i, j):
            continue
        if h[2].text in _PASSIVE and (i == 0 or r.toks[i - 1].lemma != "be"):
            continue  # 'he is said to have...' passes on hearsay; 'a document said to be his' names a report
        near = r.toks[max(0, i - 3):min(len(r.toks), j + 3)]
        if any(t.lemma in POLICE and t.clause == clause for t in near) and not any(t.lemma.startswith("source") for t in near):
            continue  # 'we have been told by police': the police's word, relayed
        if j < len(r.toks) and r.toks[j].lemma in _WH:
            continue  # 'we understand why people are worried' is empathy, not a source
        perps = [p for p in r.starting_between("perp_s", clause, i - REACH, i + REACH) if abs(p[0] - i) <= REACH]
        for w in r.starting_between("perp_w", clause, i - REACH, j + REACH):  # the only ones the test below can pass
            lem = r.toks[w[0]].lemma
            # 'he' or 'she' as the subject of what was heard, after the cue ('I'm told he...');
            # 'her' or 'his' before it are anyone's ('her family... and we understand why...')
            if lem in _PERSONS and abs(w[0] - i) <= REACH or lem in ("he", "she") and i < w[0] <= j + REACH:
                if spoken_of is None:
                    spoken_of = _speaks_of_perpetrator(r)
                if spoken_of:  # 'I'm told the man was a much-loved grandfather' may speak of a victim
                    perps.append(w)
        perps += _who_they_were(r, clause, j)
        # not the cue's own words ('I suspect' is no suspect)
        perps = [p for p in perps if not r.negated(p[0], p[1]) and not (i <= p[0] < j)]
        if not perps:
            continue
        # What is said of him follows him ('sources close to the inquiry say he...' names the source)
        own = {k for p in perps for k in range(p[0], min(p[1] + 2, len(r.toks)))}
        said = _process_or_harm(r, clause)
        if any(k not in own for k in said[bisect.bisect_left(said, perps[0][0]):]):
            continue
        out += [r.hit(h), r.hit(perps[0])]
    return out


def _process_or_harm(r: Reading, clause: int) -> list[int]:
    """Where a clause says a word of the police's process or of harm done, in text order."""
    key = ("process or harm", clause)
    found = r.memo.get(key)
    if found is None:
        found = r.memo[key] = [k for k in r.clause_toks(clause) if (t := r.toks[k]).lemma in PROCESS or t.low in PROCESS
                               or t.lemma in HARMED or t.low in HARMED]
    return found
