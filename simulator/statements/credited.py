"""When a credited cue does not deliver its element: taken back ('we cannot stay calm about this',
'officers were not deployed in time', 'we are not sorry'), or only looking like it ('the crowd was
calm', 'the report into the threats', 'anyone who does will be arrested'). The words of the
element are there, but the statement does not give it.

Why a reading of its own: the harm side's `Reading.negated` is broad on purpose (a speculation
reported as a rumour is not claimed); crediting needs the narrow case, a plain denial just before
the cue, and must leave alone the elements that are themselves a refusal ('do not panic', 'there
is no need to panic', 'never let hate win'): a call to refrain is how they are said.
"""

from __future__ import annotations

from .analysis import Reading

DENIALS = frozenset({"not", "no", "never", "nobody", "cannot", "none", "neither", "nor", "nothing"})
"""Words that deny what follows them in the clause."""

REACH = 3
"""How many words before a cue a denial takes it back from."""

CALL_START = frozenset({"please", "and", "so", "but", "just", "now", "then", "'s", "us"})
"""Words that may stand before a call's 'do not' or 'never' ('please do not ...', 'let's not ...')."""

REFRAIN = frozenset({"panic", "confront", "confrontation", "retaliate", "retaliation", "revenge", "violence",
                     "violent", "hate", "hatred", "anger", "fear", "divide", "provoke", "provocation", "rumour",
                     "speculate", "speculation", "gather", "escalate", "trouble", "tolerate", "blame", "abandon",
                     "alone", "intimidate", "succeed", "win", "forget", "worry", "afraid", "fight", "guess"})
"""Lemmas of what an element asks people not to do or feel: a denial before them is the element."""

DESCRIBED = frozenset({"was", "were"})
"""Past 'be' before a word of calm: the calm is described ('residents were calm'), not called for."""
DEGREE = frozenset({"largely", "mostly", "generally", "quite", "relatively", "very", "fairly", "remarkably", "all"})

DETERMINERS = frozenset({"the", "a", "an", "this", "that", "our", "its", "their", "his", "her", "my", "these", "those"})
"""Before 'report', a noun ('the report into the threats'), not the call to report."""

WARNED = frozenset({"anyone", "anybody", "whoever", "someone", "somebody"})
"""Who a warning is for: with them before it, 'will be arrested' is a warning, not a deed."""
PRESENT_BE = frozenset({"is", "are", "am", "'re", "be", "being"})

UNDENIABLE = frozenset({"unknowns", "no_reprisals", "check_share", "rumour_correction"})
"""Elements said by denying ('we do not yet know', 'will not be tolerated'): never taken back."""


def taken_back(r: Reading, i: int, j: int, phrase: str) -> bool:
    """Whether a plain denial in the cue's clause, just before it or inside it, says the opposite
    ('were not deployed', 'cannot stay calm'), unless the phrase itself was written with the denial
    ('not alone'), the cue is something to refrain from ('do not panic'), or the denial is a call
    ('please do not ...', 'never ...' opening the clause)."""
    written = {w for w in phrase.lower().replace("_", " ").replace("|", " ").split()}
    if written & (DENIALS | {"don't", "can't", "won't"}):
        return False
    toks = r.toks
    clause = toks[i].clause
    if any(toks[k].lemma in REFRAIN for k in range(i, j)):
        return False
    for k in range(max(0, i - REACH), j):
        t = toks[k]
        if t.clause != clause or t.lemma not in DENIALS:
            continue
        if _a_call(r, k):
            continue
        if t.lemma == "not" and k + 1 < len(toks) and toks[k + 1].lemma in ("only", "just", "merely"):
            continue  # 'not only patrolling but ...'
        return True
    return False


def _a_call(r: Reading, k: int) -> bool:
    """Whether the denial at k opens a call: 'do not ...', 'never ...' opening the clause or after
    'please', 'let's not ...'."""
    toks = r.toks
    clause = toks[k].clause
    m = k - 1
    if toks[k].lemma == "not" and m >= 0 and toks[m].clause == clause and toks[m].low == "do":
        m -= 1
    elif toks[k].lemma == "not" and m >= 0 and toks[m].low in ("'s", "us") and m > 0 and toks[m - 1].lemma == "let":
        return True
    elif toks[k].lemma != "never":
        return False
    return m < 0 or toks[m].clause != clause or toks[m].low in CALL_START


def not_a_call(r: Reading, kind: str, i: int, j: int, phrase: str) -> bool:
    """Whether the cue at tokens i..j only looks like the element: calm described in the past
    ('the crowd was calm'), 'report' as a noun ('the report into the threats'), a warning taken
    for a deed done ('anyone who does will be arrested' says what will happen to them, not what is
    being done), a harm in the present taken for a fact ('police are treating it seriously'
    read as 'were treated')."""
    toks = r.toks
    k = i - 1
    if kind == "action" and toks[j - 1].lemma == "charge" and j >= 2 and toks[j - 2].low == "in":
        return True  # 'I am in charge'
    if kind == "action" and toks[j - 1].lemma in ("arrest", "prosecute", "charge", "detain"):
        return _first_warned(r, toks[i].clause) < i
    if kind == "calm" and toks[i].lemma in ("unite", "united") and j < len(toks) and toks[i].low == "united":
        return toks[i + 1].lemma in ("kingdom", "states", "nations", "arab", "reformed", "church") if i + 1 < len(toks) else False
    if kind == "next_update":  # 'the last update was at noon' looks back
        return any(toks[m].low in ("was", "were", "last", "previous", "earlier") for m in range(max(0, i - 1), j))
    if kind == "facts" and set(phrase.lower().replace("|", " ").replace("_", " ").split()) & {"was", "were"}:
        return toks[i].low in PRESENT_BE
    if kind == "calm" and toks[i].lemma in ("calm", "peaceful"):
        while k >= 0 and toks[k].low in DEGREE:
            k -= 1
        return k >= 0 and toks[k].low in DESCRIBED and toks[k].clause == toks[i].clause
    if kind == "report" and toks[i].lemma == "report":
        return k >= 0 and toks[k].low in DETERMINERS and toks[k].clause == toks[i].clause
    return False


def _first_warned(r: Reading, clause: int) -> int:
    """Where a clause's first word of warning stands (past its end when it has none): found once
    per clause, since a long clause asks at every cue in it."""
    key = ("first warned", clause)
    found = r.memo.get(key)
    if found is None:
        found = r.memo[key] = next((m for m in r.clause_toks(clause) if r.toks[m].lemma in WARNED), len(r.toks))
    return found
