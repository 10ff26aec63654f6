"""Rumour confirmation: a rumour's claim said, declined to deny, or reported and left standing.

Why a module of its own: a rumour is judged across clauses (reported here, denied there; named,
then declined a full stop later), unlike the one-clause harms in harm.py. The rumour's subject is
the pack's `about` words (tag 'topic:<rumour id>'); its link is lexicon.ASSERT_LINK.
"""

from __future__ import annotations

from .analysis import Reading
from .harm import reported_by_others
from .lexicon import DEEDS, FLOATED, NEGATORS
from .verdict import Hit


def rumour_confirmation(r: Reading, topic: str) -> list[Hit]:
    """A rumour's subject said with its link and no denial: 'a link to Northgate' confirms it; so
    does declining to deny it ('we cannot rule out a link to Northgate')."""
    out: list[Hit] = []
    # Worked out once, not once per mention of the topic (a hostile text of one long clause
    # mentions it thousands of times): the clauses with a correction, the last half-denial of
    # each clause, and each clause's links by where they start.
    corrected = {r.toks[c[0]].clause for c in r.spans.get("corr", ())}
    last_half: dict[int, int] = {}
    for h in r.spans.get("half_denial", ()):
        c = r.toks[h[0]].clause
        last_half[c] = max(last_half.get(c, -1), h[0])
    for span in r.spans.get(topic, []):
        clause = r.toks[span[0]].clause
        if r.half_denied(span[0], clause) or last_half.get(clause, -1) > span[0]:
            out += [r.hit(span)] + [r.hit(h) for h in r.in_clause("half_denial", clause)[:1]]
            continue
        if (_floated(r, clause) or reported_by_others(r, clause)) and (clause in corrected or clause + 1 in corrected):
            continue  # 'posts say he came from Northgate. They are false.': reported, then denied
        for link in r.starting_between("link", clause, span[0] - LINK_REACH, span[0] + LINK_REACH):  # a link further away never ties it (below)
            if _in_a_name(r, link):
                continue  # 'the Northgate New Neighbours Association' links nothing
            if link[2].text in BELONGING and (not _about_the_deed(r, clause, span) or (
                    link[1] < len(r.toks) and r.toks[link[1]].low in ("home", "work", "school"))):
                continue  # 'the Northgate community has been part of Caldmere for years' ties nobody to it
            lo, hi = min(span[0], link[0]), max(span[1], link[1])
            if abs(link[0] - span[0]) > LINK_REACH or r.negated(lo, hi) or r.claims_about(clause):
                continue
            if any(c for c in r.in_clause("corr", clause)):
                continue
            out += [r.hit(link), r.hit(span)]
            break
        else:
            # 'from Northgate', 'from the Northgate centre': an origin given as fact.
            i = span[0]
            before = [t.lemma for t in r.toks[max(0, i - 3):i]]
            ranged = bool(before) and before[-1] == "to"  # 'from Eastbank to Northgate': a range of places, not an origin
            # 'officers from Northgate police station': the name of a public building, not an origin
            ranged = ranged or span[1] < len(r.toks) and r.toks[span[1]].lemma in _PUBLIC_NOUNS and \
                not r.text[r.toks[span[1] - 1].end:r.toks[span[1]].start].strip()
            ranged = ranged or _harmed_here(r, clause, span[1])  # 'refugees from Northgate were attacked': its victims
            if "from" in before and not ranged and before[max(0, before.index("from") - 1)] not in ("away", "far") and not r.negated(max(0, i - 2), span[1]) and not r.claims_about(clause) \
                    and not r.in_clause("corr", clause):
                out += [r.hit(span)]
    return out or _declined_after(r, topic) or _reported_not_corrected(r, topic)


LINK_REACH = 8
"""How many words from a mention of the rumour's subject its link may stand ('a link to Northgate')."""

BELONGING = frozenset({"live|living|lives at|in", "stay~ at|in", "member of", "part of", "based", "belong~ to"})
"""Links that say where someone belongs: a rumour's link only when the clause speaks of the one
who did it or of the deed ('the gunman was living at Northgate'), not of the community itself."""


_PUBLIC_NOUNS = frozenset({"police", "station", "library", "council", "fire", "ambulance", "hospital", "leisure", "town",
                           "city", "civic", "community_centre", "health", "surgery", "school", "primary", "academy"})


def _about_the_deed(r: Reading, clause: int, topic) -> bool:
    """Whether the clause speaks of the doer or of a deed other than the rumour's own subject
    (a rumour about a video: 'the video' is its topic, not a deed tying anyone to it)."""
    if r.in_clause("perp_s", clause):
        return True
    key = ("deeds of clause", clause)
    found = r.memo.get(key)
    if found is None:  # once per clause (a long clause asks at every mention of the rumour)
        acts = sorted(a[0] for a in r.in_clause("act", clause))
        deeds = [k for k in r.clause_toks(clause)
                 if r.toks[k].lemma in DEEDS and r.toks[k].lemma not in ("this", "it") or r.toks[k].low in ("he", "she", "him")]
        found = r.memo[key] = (acts, deeds)  # both in text order
    # a deed or act that stands outside the topic's own words [topic[0], topic[1])
    return any(xs and (xs[0] < topic[0] or xs[-1] >= topic[1]) for xs in found)


_THAT = frozenset({"it", "that", "this", "them", "those", "these"})


def _declined_after(r: Reading, topic: str) -> list[Hit]:
    """The rumour named, then declined to deny a clause or two later, through a word that stands
    for it ('Lots of you are asking about the Northgate post. The police haven't ruled it out.'):
    the same half-denial as in one clause, said across a full stop. Not when anything in the
    statement denies it."""
    if r.spans.get("corr") or r.spans.get("neg_scope"):
        return []
    for h in r.spans.get("half_denial", []):
        clause = r.toks[h[0]].clause
        if not any(t.clause == clause and t.low in _THAT for t in r.toks[h[0]:min(len(r.toks), h[1] + 3)]):
            continue
        named = [s for s in r.spans.get(topic, []) if clause - 2 <= r.toks[s[0]].clause < clause]
        if named and clause not in r.questions():
            return [r.hit(named[-1]), r.hit(h)]
    return []


_HARM_DONE = frozenset({"attack", "assault", "target", "threaten", "abuse", "harass", "hurt", "injure", "intimidate", "beat",
                        "stab", "kill", "insult", "spit", "chase"})


def _harmed_here(r: Reading, clause: int, after: int) -> bool:
    """Whether the people of a place are said, after it, to be the ones harmed ('refugees from the
    Northgate centre were attacked last night'): an origin that names victims ties them to nothing."""
    toks = r.toks
    for k in range(after, min(len(toks), after + 6)):
        if toks[k].clause != clause:
            break
        if toks[k].lemma in _HARM_DONE and toks[k].low.endswith("ed") and k > 0 and toks[k - 1].lemma in ("be", "get", "been"):
            return True
    return False


def _in_a_name(r: Reading, span) -> bool:
    """Whether a phrase is part of a name: capitalised, and not the first word of a sentence."""
    t = r.toks[span[0]]
    first = span[0] == 0 or r.toks[span[0] - 1].clause != t.clause and r.text[max(0, t.start - 2):t.start].strip() in (".", "!", "?", "")
    return r.text[t.start:t.start + 1].isupper() and not first


def _reported_not_corrected(r: Reading, topic: str) -> list[Hit]:
    """A rumour passed on as a report and left standing: 'we are aware of posts claiming the man
    came from the centre; we are looking into these claims'. Saying what is being said is only
    sound with the fact that answers it, so a statement that denies nothing anywhere repeats it.
    A clause that refuses ('we will not speculate on whether...') is not a report."""
    if r.spans.get("corr") or r.spans.get("neg_scope"):
        return []
    for span in r.spans.get(topic, []):
        clause = r.toks[span[0]].clause
        if not NEGATORS.isdisjoint(r.clause_lemmas(clause)):
            continue
        if not (r.claims_about(clause) or reported_by_others(r, clause) or _floated(r, clause)):
            continue
        links = [s for s in r.starting_between("link", clause, span[0] - LINK_REACH, span[0] + LINK_REACH) if not _in_a_name(r, s)
                 and not (s[2].text in BELONGING and not _about_the_deed(r, clause, span))]
        came = [k for k in range(max(0, span[0] - 3), span[0]) if r.toks[k].lemma == "from"]
        # Floated as an open matter ('we are aware of a video suggesting police will check
        # documents', 'as for whether documents will be checked'), the claim itself is passed on.
        if links or came or _floated(r, clause):
            return [r.hit(span)] + [r.hit(s) for s in links[:1]]
    return []


def _floated(r: Reading, clause: int) -> bool:
    """Whether a clause floats a claim as an open matter ('as for whether...', 'reports that...',
    'we are aware of a video suggesting...')."""
    return not FLOATED.isdisjoint(r.clause_lemmas(clause))
