"""Stigma by history and character: what happened made the group's nature or its arrival's cost.

Why beside stigma.py: these moves do not say what the group is or owes; they say that nobody
should be surprised ('it will surprise nobody who lives near the centre'), that things went
wrong when it came ('a quiet place until the centre opened'), or that people had warned about it
('residents who warned about the hotel'). Each is read with stigma.py's helpers: the group in the
clause (stigma_groups), no denial of the words, and the clause not about the group's own fear.
"""

from __future__ import annotations

from .analysis import Reading
from .lexicon import NEGATORS
from .stigma import _asserted, _both, _cue_denied, _denied, _protective
from .stigma_groups import NEAR, _groups
from .stigma_words import DECLINE, FEELINGS, HARMED_WORDS, REVIEW_CAUSE, SURPRISED, VICTIM_SIDE
from .verdict import Hit


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


def _arrival(r: Reading) -> list[Hit]:
    """The group's arrival as the turning point ('the trouble started once the refugees
    arrived', 'Hollins was a quiet place until the centre opened'): the group inside the time
    clause, a word of decline in the sentence, nothing denied."""
    out = []
    for cue in r.spans.get("stig:arrival", []):
        clause = r.toks[cue[0]].clause
        if _cue_denied(r, cue) or not _asserted(r, clause):
            continue
        near = [k for c in (clause - 1, clause, clause + 1) for k in r.clause_toks(c)]
        if not any(r.toks[k].lemma in DECLINE or r.toks[k].low in DECLINE for k in near):
            continue
        for group, _place in _groups(r, clause):
            # inside the time clause, or right after one that ends 'filled up with'
            after = cue[1] <= group[0] <= cue[1] + 2 and r.toks[cue[1] - 1].low in ("with", "of")
            if (cue[0] < group[0] < cue[1] or after) and not _denied(r, group):
                out += _both(r, cue, group)
                break
    return out


def _warned(r: Reading) -> list[Hit]:
    """People said to have warned about a group ('residents who warned about the centre'): the
    group right after the words, not a warning about what threatens it ('warned of reprisals
    against the families')."""
    out = []
    for cue in r.spans.get("stig:warned", []):
        clause = r.toks[cue[0]].clause
        if _cue_denied(r, cue) or not _asserted(r, clause):
            continue
        for group, _place in _groups(r, clause):
            if cue[1] <= group[0] <= cue[1] + 2 and not _denied(r, group):
                out += _both(r, cue, group)
                break
    return out


def _reviewed(r: Reading) -> list[Hit]:
    """A community's place put under review for the hostility it meets ('reviewing the
    suitability of the Northgate site in light of residents' concerns'): the place and the review
    in one clause, feeling or tension given as the reason, nothing denied."""
    out = []
    for cue in r.spans.get("stig:review", []):
        clause = r.toks[cue[0]].clause
        if _cue_denied(r, cue) or not _asserted(r, clause):
            continue
        if not any(r.toks[k].low in REVIEW_CAUSE or r.toks[k].lemma in REVIEW_CAUSE for k in r.clause_toks(clause)):
            continue
        if any(t.lemma in _SAFETY or t.low in _SAFETY for t in r.toks[cue[1]:cue[1] + 3]):
            continue  # 'we are reviewing security at the centre given the families' fears' protects it
        for group, _place in _groups(r, clause):
            if abs(group[0] - cue[0]) <= NEAR and not _denied(r, group) and not _protective(r, clause, group):
                out += _both(r, cue, group)
                break
    return out


_SAFETY = frozenset({"security", "safety", "protection", "protect", "patrol", "patrols", "safe", "cctv", "lighting"})


def history(r: Reading) -> list[Hit]:
    return _expected(r) + _arrival(r) + _warned(r) + _reviewed(r)
