"""Speculation: what is guessed about who did it, or why, before the police have said.

Why a module of its own: it is the kind with the most readings (an identity or motive tied to the
perpetrator, hearsay about him, a hedged guess at who he is or whose work the deed looks like,
an invitation to guess, who started it), and they share their own helpers (who asks and who
knows, what the police have given as fact). harm.py keeps the other harmful kinds.
"""

from __future__ import annotations

import bisect

from .analysis import Reading, Span
from .hearsay import hearsay
from .lexicon import NEGATORS
from .lexicon import (ASKING, ATTRIBUTION, DEEDS, FIRM_TIES, GENERIC_ACT, GUESSED_WHO, HEDGE_WORDS, POLICE, POLICE_SAY, PRONOUNS,
                      SPOKEN)
from .phrases import Phrase
from .verdict import Hit


def speculation(r: Reading) -> list[Hit]:
    """An identity, faith, origin or motive tied to the perpetrator before it is confirmed."""
    out: list[Hit] = []
    targeted = {s[0] for s in r.spans.get("ident_t", [])}
    named_perp = any(not _whoever_you_are(r, p) for p in r.spans.get("perp_s", []))
    deed_clauses = {t.clause for t in r.toks if t.lemma in DEEDS}
    doers: dict[int, tuple[_Nearby, _Nearby, _Nearby]] = {}
    for ident in ("ident", "ident_t", "motive", "place_c"):
        for span in r.spans.get(ident, []):
            i, j, _ = span
            if ident == "ident" and i in targeted:
                continue  # the attacked community's own word ('a Sikh man died') is judged as such
            if ident == "motive" and r.toks[i].lemma == "hate" and j < len(r.toks) and r.toks[j].lemma == "incident":
                continue  # 'report a hate incident': the name of a kind of police report, not a motive given to anyone
            clause = r.toks[i].clause
            if r.negated(i, j) or r.claims_about(clause):
                continue
            if ident == "motive" and _not_this_attacks_motive(r, i, clause):
                continue
            found = doers.get(clause)
            if found is None:  # once per clause, not once per identity word in it
                strong_c = [p for p in r.in_clause("perp_s", clause) if not _alert_level(r, p[1], clause) and not _harmed_one(r, p)]
                # A pronoun is the perpetrator only where the statement speaks of one or of the deed:
                # 'they are families who fled war in Sudan' ties nobody to anything.
                # A hedge does too: 'from what I'm hearing, he had contacts abroad' passes on a guess about him.
                spoken_of = named_perp or clause in deed_clauses or bool(r.in_clause("hedge", clause))
                weak_c = [w for w in r.in_clause("perp_w", clause) if spoken_of or r.toks[w[0]].lemma not in PRONOUNS]
                found = doers[clause] = (_Nearby(strong_c), _Nearby(weak_c), _Nearby(r.in_clause("act", clause)))
            strong, weak, acts = found
            if ident == "ident_t":
                weak = _NOBODY
            # What was done carries a motive ('a racially motivated attack'); with a hedge it also
            # carries a guessed origin ('the email was probably sent from overseas').
            if not (ident == "motive" or (ident == "ident" and r.in_clause("hedge", clause))):
                acts = _NOBODY
            tie = None
            # Only a doer within reach can tie (ending up to 10 words before the identity word, or
            # starting up to 3 after it): those, in the order all of them would be tried.
            for p in strong.near(i, j) + weak.near(i, j) + acts.near(i, j):
                pi, pj, _ = p
                if pj <= i <= pj + 10:  # 'the gunman is believed to be a refugee', 'a man, probably from Northgate'
                    between = {k for k in range(pj, i)}
                    # The attacked community's own words need a real tie ('is', 'from'), not 'of' or
                    # 'and': 'talking to the organisers and to the mosque' ties nobody to anything.
                    # So does a pronoun ('they receive an allowance set nationally' says nothing of
                    # anyone's origin).
                    loose = ident != "ident_t" and p not in weak.members
                    ties = [a for a in r.in_clause("attr", clause) if a[0] in between
                            and (loose or r.toks[a[0]].lemma in FIRM_TIES)]
                    if ties or i == pj:
                        tie = p
                        break
                if j <= pi <= j + 3:  # 'a Pakistani Muslim man', 'a racially motivated attack'
                    if any(r.toks[k].lemma in _AIMED for k in range(j, pi)):
                        continue  # 'hate crime against the men at the hotel': the men are the ones harmed
                    if p in strong.members or p in acts.members or r.in_clause("hedge", clause) or r.toks[pi].lemma in ("man", "woman", "person", "individual"):
                        tie = p
                        break
            if tie is None and (strong.spans or weak.spans) and r.in_clause("hedge", clause):
                tie = (strong.spans + weak.spans)[0]  # 'sources say he is probably ... refugee'
            if tie is not None:
                out.append(r.hit(span))
                out.append(r.hit(tie))
    return out + _guessing_who(r) + _blaming_who(r) + _insinuated(r) + _guessed_source(r) + hearsay(r)


class _Nearby:
    """Doers of one clause (spans in text order), found by where they stand: an identity word
    looks only at those within reach, so a clause of thousands of words costs in step with its
    length, not its length squared."""

    REACH_BEFORE, REACH_AFTER = 10, 3

    def __init__(self, spans: list[Span]):
        self.spans = spans
        self.members = set(spans)
        self.starts = [s[0] for s in spans]
        self.longest = max((s[1] - s[0] for s in spans), default=0)

    def near(self, i: int, j: int) -> list[Span]:
        """The spans that could end up to REACH_BEFORE words before token i or start up to
        REACH_AFTER after token j: every span whose start lies in the window they make."""
        lo = bisect.bisect_left(self.starts, i - self.REACH_BEFORE - self.longest)
        hi = bisect.bisect_right(self.starts, j + self.REACH_AFTER)
        return self.spans[lo:hi]


_NOBODY = _Nearby([])


_AIMED = frozenset({"against", "on", "towards", "toward", "targeting", "target", "aimed", "at"})
"""Words between a motive and a person that make the person its target, not its holder."""


_HURT = frozenset({"injure", "injured", "hurt", "kill", "killed", "attack", "attacked", "assault", "assaulted", "stab",
                   "stabbed", "shot", "wound", "wounded", "beat", "beaten", "target", "targeted", "threaten", "threatened"})


def _harmed_one(r: Reading, span: Span) -> bool:
    """'the young man who was injured': a 'man who' that the clause then says was harmed is a
    victim, not the perpetrator."""
    i, j, _ = span
    if r.toks[j - 1].low != "who":
        return False
    after = [t for t in r.toks[j:j + 4] if t.clause == r.toks[i].clause]
    return len(after) >= 2 and after[0].lemma in ("be", "have", "get") and any(
        t.lemma in _HURT or t.low in _HURT for t in after[1:])


def _whoever_you_are(r: Reading, span: Span) -> bool:
    """'whoever you are', 'whoever they are': anyone at all, not the one who did it."""
    i, j, _ = span
    return r.toks[i].low == "whoever" and j + 1 < len(r.toks) and r.toks[j].low in ("you", "we", "they", "it") \
        and r.toks[j + 1].lemma in ("be", "'s")


def _insinuated(r: Reading) -> list[Hit]:
    """An invitation to guess who did it ('people can draw their own conclusions from the logos',
    'it is no secret which side gains'); not when refused ('we will not draw conclusions')."""
    return [r.hit(s) for s in r.spans.get("insinuate", [])
            if (not r.negated(s[0], s[1]) or _litotes(r, s[0])) and r.toks[s[0]].clause not in r.questions()
            and not r.disavows(r.toks[s[0]].clause)]


_HARD = frozenset({"hard", "difficult", "impossible", "tough"})


def _litotes(r: Reading, i: int) -> bool:
    """'Hard not to draw conclusions', 'impossible not to wonder': a denied denial, said as a
    claim (the only negator near is the 'not' after 'hard')."""
    before = [t for t in r.toks[max(0, i - 5):i] if t.clause == r.toks[i].clause]
    lows = [t.low for t in before]
    return "not" in lows and any(w in _HARD for w in lows[:lows.index("not")]) and lows.count("not") == 1


def _guessed_source(r: Reading) -> list[Hit]:
    """A deed tied to who did it under a hedge ('we have little doubt this threat came from the
    same circle', 'it would not surprise anyone if this is linked to the group'): a guess at the
    perpetrator, whoever is guessed."""
    out: list[Hit] = []
    for span in r.spans.get("origin_verb", []):
        i, j, _ = span
        clause = r.toks[i].clause
        hedges = [h for h in r.in_clause("hedge", clause) if h[0] < i]
        # a hedge that says its own 'not' ('I'd be surprised if this was not connected to...')
        # guesses the link; its 'not' denies nothing
        own_not = any("not" in h[2].text.split() for h in hedges) and not any(
            r.toks[k].lemma in NEGATORS and not any(h[0] <= k < h[1] for h in hedges) for k in r.clause_toks(clause) if k < i)
        if not hedges or r.negated(i, j) and not own_not or r.claims_about(clause) and not own_not or asks_who(r, i):
            continue
        if any(p[0] in (j, j + 1) for p in r.in_clause("perp_s", clause)):
            continue  # 'a document said to be written by the suspect' names no one new
        # the deed before the verb ('this threat came from...') or after it ('...were behind the video')
        words = {t.lemma for t in r.toks[max(0, i - 6):min(len(r.toks), j + 4)] if t.clause == clause}
        if not words & DEEDS and not r.in_clause("material", clause) and not any(h[2].text in BETS for h in hedges):
            continue
        out += [r.hit(hedges[0]), r.hit(span)]
    return out + _hallmarks(r)


def _hallmarks(r: Reading) -> list[Hit]:
    """A deed said to bear a group's marks ('it has all the hallmarks of a Common Ground
    operation', 'this smacks of the far right'): an attribution hedge and a group or community
    word in one clause, in a statement that speaks of the deed."""
    spans = [h for h in r.spans.get("hedge", []) if h[2].text in ATTRIBUTION]
    if not spans:
        return []
    deed = any(t.lemma in DEEDS and t.lemma not in ("this", "it") for t in r.toks) or bool(
        r.spans.get("act") or r.spans.get("material"))
    out: list[Hit] = []
    for h in spans:
        clause = r.toks[h[0]].clause
        # the deed named, or 'it' / 'this' the subject of the clause ('it has all the hallmarks of...')
        subject = any(r.toks[k].low in ("it", "this") for k in list(r.clause_toks(clause))[:3])
        if not (deed or subject) or r.negated(h[0], h[1]) or r.claims_about(clause):
            continue
        who = [g for tag in ("grp", "ident", "ident_t", "cplace") for g in r.in_clause(tag, clause) if g[0] >= h[0]]
        if who:
            out += [r.hit(h), r.hit(who[0])]
    return out


def _blaming_who(r: Reading) -> list[Hit]:
    """Who started it, said before the police have: 'the counter-protesters started the trouble'."""
    out = []
    for span in r.spans.get("blame_act", []):
        i, j, _ = span
        clause = r.toks[i].clause
        if r.negated(i, j) or r.claims_about(clause):
            continue
        if asks_who(r, i) or (any(t.lemma in ASKING for t in r.toks[i:j]) and not _knowing(r, i)):
            continue  # 'police will establish who started the violence' asks, it does not say
        out.append(r.hit(span))
    return out


def asks_who(r: Reading, i: int) -> bool:
    """Whether the words just before token i ask who did it rather than say it ('everyone knows
    who started this' says it: a knowing 'who' is a claim)."""
    before = [t for t in r.toks[max(0, i - 2):i] if t.clause == r.toks[i].clause]
    return any(t.lemma in ASKING for t in before) and not _knowing(r, i)


def _knowing(r: Reading, i: int) -> bool:
    """Whether the words before token i say who it was as known ('everyone knows who started
    this', 'let us be clear about who brought violence'): a knowing 'who' is a claim."""
    words = [t.lemma for t in r.toks[max(0, i - 5):i] if t.clause == r.toks[i].clause]
    if ("know" in words or "see" in words or "saw" in words) and any(
            w in words for w in ("everyone", "everybody", "all", "we", "watching")):
        return True
    if "clear" in words and ("about" in words or "on" in words):
        return True
    # 'it was the marchers who turned it ugly': a cleft names them
    return len(words) >= 3 and words[-1] == "who" and "it" in words[:-2] and ("be" in words or "'s" in words)


def _alert_level(r: Reading, j: int, clause: int) -> bool:
    """Whether the words after j name an alert state ('terrorist threat level'), not a person."""
    after = [t.lemma for t in r.toks[j:j + 2] if t.clause == clause]
    return bool(after) and after[0] in ("threat", "alert", "level")


def _not_this_attacks_motive(r: Reading, i: int, clause: int) -> bool:
    """A motive word that is the police's classification ('investigated as a hate crime') or a
    category of incident ('report hate incidents'), not a motive given to this attacker."""
    if any(c[0] < i for c in r.in_clause("classified", clause)):
        return True
    if _police_say(r, i, clause):
        return True
    after = [t.lemma for t in r.toks[i + 1:i + 3] if t.clause == clause]
    if after[:2] in (["threat", "level"], ["alert", "level"]) or after[:1] in (["level"], ["alert"]):
        return True  # 'the terrorist threat level' is the national alert state, not this man's motive
    # A word that describes what was said or written ('shouting homophobic and transphobic abuse',
    # 'racist graffiti') reports what people saw and heard, not a motive guessed at.
    said = [t.lemma for t in r.toks[i + 1:i + 4] if t.clause == clause]
    if said and (said[0] in SPOKEN or (len(said) >= 3 and said[0] in ("and", "or") and said[2] in SPOKEN)):
        return True
    return any(t.clause == clause and t.lemma in GENERIC_ACT for t in r.toks[max(0, i - 3):i])


def _police_say(r: Reading, i: int, clause: int) -> bool:
    """Whether the police are the ones who say it, before token i in its clause ('police have
    confirmed it was a racially motivated attack', 'officers describe it as homophobic'): a fact
    the police have given, not a motive the speaker guesses."""
    said_by = False
    for t in r.toks[max(0, i - 12):i]:
        if t.clause != clause:
            continue
        if t.lemma in POLICE:
            said_by = True
        elif said_by and t.lemma in POLICE_SAY:
            return True
    # or after it, as a source given at the end ('... was a homophobic assault, police said')
    # ('whatever the police end up saying' is no source given)
    after = [t for t in r.toks[i + 1:i + 16] if t.clause == clause]
    for k, t in enumerate(after):
        if t.lemma not in POLICE or any(u.lemma in _NOT_YET for u in after[max(0, k - 3):k]):
            continue
        verb = [u.lemma for u in after[k + 1:k + 3]]
        if verb[:1] and verb[0] in POLICE_SAY or verb[:2] and verb[0] == "have" and verb[1:2] and verb[1] in POLICE_SAY:
            return True
        if k > 1 and after[k - 1].lemma == "to" and after[k - 2].lemma == "according":
            return True
    return False


_NOT_YET = frozenset({"whatever", "until", "before", "if", "when", "unless", "whether"})


def _guessing_who(r: Reading) -> list[Hit]:
    """A hedged guess at who the perpetrator is, whatever the identity guessed ('the sender is
    probably a pupil', 'the attacker is likely someone from the area'): identity is not only faith
    or origin, and a guess points at real people. Said as a fact it is the police's to confirm."""
    out: list[Hit] = []
    deeds = _deed_subjects(r)
    for span in r.spans.get("perp_s", []) + deeds + _it_subjects(r, deeds) + _guess_nouns(r):
        i, j, ph = span
        clause = r.toks[i].clause
        if not r.in_clause("hedge", clause) or r.negated(i, j) or r.claims_about(clause):
            continue
        after = [t.lemma if t.lemma != "'s" else "be" for t in r.toks[j:j + 5] if t.clause == clause]  # "it's"
        if "be" not in after:
            continue
        rest = after[after.index("be") + 1:]
        rest = [w for w in rest if w not in HEDGE_WORDS]
        if ph is _IT_SUBJECT and not any(w in _PEOPLE for w in rest[:4]):
            continue  # 'it is probably a good idea': only a person guessed at makes 'it' the doer
        if rest and rest[0] in GUESSED_WHO:
            out += [r.hit(span)] + [r.hit(h) for h in r.in_clause("hedge", clause)[:1]]
    return out


BETS = frozenset({"my money be on", "put money on", "i bet", "bet~ it|that|you"})
"""Hedges that are a bet on who: they need no deed beside them ('my money is on somebody at...')."""
_IT_SUBJECT = Phrase("it (who did it)", ())
_PEOPLE = frozenset({"one", "someone", "somebody", "man", "men", "lad", "lads", "boy", "boys", "pupil", "pupils", "parent",
                     "teenager", "local", "locals", "student", "member", "supporter", "activist", "resident", "neighbour",
                     "person", "people", "group", "gang", "kid", "kids", "youth", "youths", "woman", "women", "worker"})
"""Who a guess names: 'it's almost certainly one of the lads...', 'it's probably a parent'."""


def _it_subjects(r: Reading, deeds: list[Span]) -> list[Span]:
    """'It' opening a clause where no deed is named in the statement (else _deed_subjects has it):
    taken for the deed only when a person is guessed after it (see _guessing_who)."""
    if deeds:
        return []
    return [(k, k + 1, _IT_SUBJECT) for k, t in enumerate(r.toks)
            if t.low in ("it", "this") and (k == 0 or r.toks[k - 1].clause != t.clause or r.toks[k - 1].low in _LEAD_IN)]


_DEED_SUBJECT = Phrase("it (the deed)", ())
_GUESS_NOUN = Phrase("the likeliest explanation (of who did it)", ())
_GUESS_NOUNS = frozenset({"explanation", "culprit", "culprits", "answer", "theory", "candidate", "candidates", "bet"})


def _guess_nouns(r: Reading) -> list[Span]:
    """'The most likely explanation is someone from...', 'my bet is a...': a noun of guessing
    as the subject, whose 'is' then names who (read like a deed's 'it' in _guessing_who)."""
    return [(k, k + 1, _GUESS_NOUN) for k, t in enumerate(r.toks) if t.low in _GUESS_NOUNS]
_LEAD_IN = frozenset({"frankly", "honestly", "well", "look", "so", "and", "i", "think", "guess", "reckon", "suspect", "bet",
                      "that"})
"""Words before 'it' or 'this' that still leave it the clause's subject ('my guess is that this is...')."""


def _deed_subjects(r: Reading) -> list[Span]:
    """'It' or 'this' opening a clause, where the statement speaks of a deed ('The email came last
    night. It's probably a parent...'): the deed, whose doer a guess then names."""
    if not (any(t.lemma in DEEDS and t.lemma not in ("this", "it") for t in r.toks) or r.spans.get("act")
            or r.spans.get("material")):
        return []
    out: list[Span] = []
    for k, t in enumerate(r.toks):
        if t.low in ("it", "this") and (k == 0 or r.toks[k - 1].clause != t.clause or r.toks[k - 1].low in _LEAD_IN):
            out.append((k, k + 1, _DEED_SUBJECT))
    return out
