"""The harmful kinds: each a general rule over a Reading and the pack's vocabulary.

Every detector returns the hits (words and spans) that break the rule, or nothing. They are
deliberately readable: a clause that ties an identity to the perpetrator, a group word next to
a blame word, the attacker's material next to a verb that passes it on. Denials ('no link',
'we will not speculate on his faith') are read by Reading.negated.
"""

from __future__ import annotations

import re

from .analysis import Reading, Span
from .phrases import Phrase
from .lexicon import (ASKING, ATTRIBUTION, DEEDS, FIRM_TIES, GENERIC_ACT, GUESSED_WHO, HARMED, HEDGE_WORDS, INVITE, LOOK_VERBS, NEGATORS,
                      ONE_PERSON, OTHERS, OTHERS_SAY, POLICE, POLICE_SAY, PRIVATE_PEOPLE, PRONOUNS, SPOKEN, VENUES)
from .hearsay import hearsay
from .identifying import outed, young_person_pointed_out
from .stigma import insinuation
from .verdict import Hit

# Home addresses: a house number, one to three capitalised words and a street word. Case matters
# ('14 Harbour Lane', not '14 died on the lane'); bounded repetition, so linear.
_STREET = re.compile(r"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][A-Za-z'\-]+\s+){1,3}"
                     r"(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Way|Crescent|Place|Terrace|Gardens|Court|"
                     r"Square|Grove|Row|Hill|Walk|Mews|Park|Rise|View)\b")
_PUBLIC_BEFORE = re.compile(r"\b(?:centre|center|hall|library|office|station|church|mosque|gurdwara|temple|synagogue|school|"
                            r"hospital|stadium|council|headquarters|hq|point|desk|hub)\b[^.!?]{0,25}$", re.IGNORECASE)
_WARD = re.compile(r"\b(?:[Ww]ard|[Bb]ed|[Rr]oom|[Bb]ay)\s+\d{1,4}[A-Za-z]?\b|\b[A-Z][a-z]+ [Ww]ard\b")
# Where people are lodged: 'the families in room 12', 'moved to flat 4B'. A number is what makes it
# private (a room at the town hall is named, not numbered, in a public notice).
_LODGING = re.compile(r"\b(?:in|at|to|from|into)\s+(?:[Rr]oom|[Ff]lat|[Aa]partment|[Uu]nit|[Cc]abin|[Bb]lock|[Cc]hamber|[Dd]orm(?:itory)?)\s+"
                      r"\d{1,4}[A-Za-z]?\b")
_PUBLIC_AFTER = re.compile(r"^[^.!?]{0,25}\b(?:town hall|city hall|civic|council|library|press|briefing|conference|meeting|"
                           r"centre|center)\b", re.IGNORECASE)
# Where one person works or studies, named: 'her job at the Ashgate library', 'his shift at Kelly's
# Bakery'. A proper name after the preposition makes it findable; an official's office at the town
# hall is public (_PUBLIC_PLACE).
_WORKPLACE = re.compile(r"\b(?:[Hh]er|[Hh]is|[Tt]heir)\s+(?:job|work|workplace|office|school|college|class|gym|shift|"
                        r"desk|classroom|salon|studio|surgery|practice)\s+(?:at|in|on|near)\s+"
                        r"(?:the\s+)?[A-Z][\w'’\-]+")
_PUBLIC_PLACE = re.compile(r"^[^.!?]{0,60}\b(?:[Hh]all|[Cc]ouncil|[Cc]ivic|[Pp]arliament|[Ss]tation|[Hh]eadquarters|HQ)\b")
_CLINICAL = re.compile(r"\b(?:hospital|treated|treatment|critical|intensive|patient|recovering|surgery|injured)\b", re.IGNORECASE)


_NAME = r"(?:[A-Z][a-z'\-]+|[A-Z]\.)\s[A-Z][a-z'\-]+"
_PRIVATE_PERSON = re.compile(r"\b(?:" + "|".join(sorted((re.escape(w) for w in PRIVATE_PEOPLE), key=len, reverse=True)) +
                             r")s?,?\s+(?:called\s+|named\s+)?(" + _NAME + r")\b|\b(" + _NAME +
                             r"),?\s+(?:who|whose|a|an|the|one of)\s+(?:lives?|is|works?|stays?|living|staying|resident|"
                             r"member|staff|interpreter|volunteer)\b|\(([A-Z]\.\s?[A-Z][a-z]+)")
_VENUE = frozenset(VENUES)


def _named_private_people(r: Reading, limit: int) -> list[Hit]:
    """A private person named: 'centre manager Hana Kovac', 'Samira Noorzai, who lives at the
    centre', '(J. Marsh and K. Patel)'. Officials and the pack's public people are not matched."""
    out = []
    for m in _PRIVATE_PERSON.finditer(r.text, 0, limit):
        g = next(k for k in (1, 2, 3) if m.group(k))
        out.append(Hit(m.start(g), m.end(g), m.group(g), "a private person named"))
    return out


_NOWHERE = frozenset({"our", "good", "safe", "school", "schools", "shock", "mourning", "touch", "contact", "hospital", "care",
                      "pain", "grief", "need", "danger", "despair", "us", "them"})
"""After 'their children are in...', words that say how or among whom, not where ('in our schools',
'in good hands', 'in shock', 'with us')."""


def _nowhere(r: Reading, span) -> bool:
    """Whether a whereabouts phrase ends in a preposition followed by a word of _NOWHERE."""
    j = span[1]
    return r.toks[j - 1].lemma in ("in", "with", "at") and j < len(r.toks) and r.toks[j].low in _NOWHERE


def _denied_at(r: Reading, start: int) -> bool:
    """Whether a denial stands in the few words before the character `start` ('we will not say
    where her office in Kelby is')."""
    k = next((n for n, t in enumerate(r.toks) if t.start >= start), len(r.toks))
    if k >= len(r.toks):
        return False
    before = [t for t in r.toks[max(0, k - 6):k] if t.clause == r.toks[k].clause]
    return denied_before(r, k) or any(t.lemma in NEGATORS for t in before) and any(t.lemma in _TELL for t in before)


_TELL = frozenset({"say", "reveal", "share", "give", "publish", "disclose", "name", "confirm", "release", "post", "repeat"})


def _lodged(r: Reading) -> list[Hit]:
    """Where people are lodged: 'the bereaved families are being looked after at the Riverside
    Inn' (a family's word, a word of lodging, then a venue within a few words)."""
    out = []
    for s in r.spans.get("lodged", []):
        i, j, _ = s
        after = r.toks[j:j + 6]
        words = [t.lemma for t in after if t.clause == r.toks[i].clause]
        if any(w in _VENUE for w in words) and not any(w in ("centre", "center", "hall", "desk", "point", "hub") for w in words[:4]) \
                and not r.negated(i, j):
            out.append(r.hit(s))
    return out


def _regex_hits(r: Reading, rx: re.Pattern, cue: str, limit: int) -> list[Hit]:
    out = []
    for m in rx.finditer(r.text, 0, limit):
        out.append(Hit(m.start(), m.end(), m.group(0), cue))
    return out


def speculation(r: Reading) -> list[Hit]:
    """An identity, faith, origin or motive tied to the perpetrator before it is confirmed."""
    out: list[Hit] = []
    targeted = {s[0] for s in r.spans.get("ident_t", [])}
    named_perp = bool(r.spans.get("perp_s"))
    deed_clauses = {t.clause for t in r.toks if t.lemma in DEEDS}
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
            if ident != "motive" and _police_say(r, i, clause) and not r.in_clause("hedge", clause):
                continue  # 'police have confirmed the man arrested is a British citizen': their fact, relayed
            strong = [p for p in r.in_clause("perp_s", clause) if not _alert_level(r, p[1], clause)]
            # A pronoun is the perpetrator only where the statement speaks of one or of the deed:
            # 'they are families who fled war in Sudan' ties nobody to anything.
            # A hedge does too: 'from what I'm hearing, he had contacts abroad' passes on a guess about him.
            spoken_of = named_perp or clause in deed_clauses or bool(r.in_clause("hedge", clause))
            weak = [] if ident == "ident_t" else [w for w in r.in_clause("perp_w", clause)
                                                  if spoken_of or r.toks[w[0]].lemma not in PRONOUNS]
            # What was done carries a motive ('a racially motivated attack'); with a hedge it also
            # carries a guessed origin ('the email was probably sent from overseas').
            acts = r.in_clause("act", clause) if ident == "motive" or (ident == "ident" and r.in_clause("hedge", clause)) else []
            tie = None
            for p in strong + weak + acts:
                pi, pj, _ = p
                if pj <= i <= pj + 10:  # 'the gunman is believed to be a refugee', 'a man, probably from Northgate'
                    between = {k for k in range(pj, i)}
                    # The attacked community's own words need a real tie ('is', 'from'), not 'of' or
                    # 'and': 'talking to the organisers and to the mosque' ties nobody to anything.
                    # So does a pronoun ('they receive an allowance set nationally' says nothing of
                    # anyone's origin).
                    loose = ident != "ident_t" and p not in weak
                    ties = [a for a in r.in_clause("attr", clause) if a[0] in between
                            and (loose or r.toks[a[0]].lemma in FIRM_TIES)]
                    if ties or i == pj:
                        tie = p
                        break
                if j <= pi <= j + 3:  # 'a Pakistani Muslim man', 'a racially motivated attack'
                    if p in strong or p in acts or r.in_clause("hedge", clause) or r.toks[pi].lemma in ("man", "woman", "person", "individual"):
                        tie = p
                        break
            if tie is None and (strong or weak) and r.in_clause("hedge", clause):
                tie = (strong + weak)[0]  # 'sources say he is probably ... refugee'
            if tie is not None:
                out.append(r.hit(span))
                out.append(r.hit(tie))
    return out + _guessing_who(r) + _blaming_who(r) + _insinuated(r) + _guessed_source(r) + hearsay(r)


def _insinuated(r: Reading) -> list[Hit]:
    """An invitation to guess who did it ('people can draw their own conclusions from the logos',
    'it is no secret which side gains'); not when refused ('we will not draw conclusions')."""
    return [r.hit(s) for s in r.spans.get("insinuate", [])
            if not r.negated(s[0], s[1]) and r.toks[s[0]].clause not in r.questions() and not r.disavows(r.toks[s[0]].clause)]


def _guessed_source(r: Reading) -> list[Hit]:
    """A deed tied to who did it under a hedge ('we have little doubt this threat came from the
    same circle', 'it would not surprise anyone if this is linked to the group'): a guess at the
    perpetrator, whoever is guessed."""
    out: list[Hit] = []
    for span in r.spans.get("origin_verb", []):
        i, j, _ = span
        clause = r.toks[i].clause
        hedges = [h for h in r.in_clause("hedge", clause) if h[0] < i]
        if not hedges or r.negated(i, j) or r.claims_about(clause) or asks_who(r, i):
            continue
        if any(p[0] in (j, j + 1) for p in r.in_clause("perp_s", clause)):
            continue  # 'a document said to be written by the suspect' names no one new
        # the deed before the verb ('this threat came from...') or after it ('...were behind the video')
        words = {t.lemma for t in r.toks[max(0, i - 6):min(len(r.toks), j + 4)] if t.clause == clause}
        if not words & DEEDS and not r.in_clause("material", clause):
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


def speaks_of_harm(r: Reading, clause: int) -> bool:
    """Whether a clause (or the one beside it) speaks of someone harmed (a first name then names a victim)."""
    return any(r.clause_has(c, HARMED) for c in (clause - 1, clause, clause + 1))


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
    return "clear" in words and ("about" in words or "on" in words)


def denied_before(r: Reading, i: int) -> bool:
    """Whether a negator stands in the three words before token i ('they are not thugs')."""
    clause = r.toks[i].clause
    return any(t.clause == clause and t.lemma in NEGATORS for t in r.toks[max(0, i - 3):i])


def name_calling(r: Reading) -> list[Hit]:
    """Names called at people ('thugs', 'fascists'): not when denied or disowned."""
    out = []
    for s in r.spans.get("insult", []):
        clause = r.toks[s[0]].clause
        # Only a denial before the word takes it back ('they are not thugs'); 'these thugs are
        # not welcome' still calls them thugs.
        if not denied_before(r, s[0]) and not r.disavows(clause) and not r.claims_about(clause):
            out.append(r.hit(s))
    return out


def early_reassurance(r: Reading) -> list[Hit]:
    """Reassurance before the facts ('a hoax', 'everyone is safe'); not when denied, nor when it
    reports what others say ('some people online are calling it a hoax')."""
    out = []
    for s in r.spans.get("reassure", []):
        clause = r.toks[s[0]].clause
        if r.negated(s[0], s[1]) or r.claims_about(clause):
            continue
        if reported_by_others(r, clause) or _pending(r, s[0]):
            continue
        out.append(r.hit(s))
    return out


_PENDING = frozenset({"when", "until", "once", "unless", "before", "whether", "if", "till", "soon"})


def _pending(r: Reading, i: int) -> bool:
    """Whether reassurance is put off to a time not yet come ('we will tell you when it is safe to
    return', 'until everyone is accounted for'): a promise to say it later, not saying it now."""
    return any(t.lemma in _PENDING for t in r.toks[max(0, i - 4):i] if t.clause == r.toks[i].clause)


def reported_by_others(r: Reading, clause: int) -> bool:
    """Whether a clause reports what others say ('some people online are calling it a hoax')."""
    lemmas = {r.toks[k].lemma for k in r.clause_toks(clause)}
    return bool(lemmas & OTHERS_SAY and lemmas & OTHERS)


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
    for span in r.spans.get("perp_s", []) + _deed_subjects(r):
        i, j, _ = span
        clause = r.toks[i].clause
        if not r.in_clause("hedge", clause) or r.negated(i, j) or r.claims_about(clause):
            continue
        after = [t.lemma for t in r.toks[j:j + 5] if t.clause == clause]
        if "be" not in after:
            continue
        rest = after[after.index("be") + 1:]
        rest = [w for w in rest if w not in HEDGE_WORDS]
        if rest and rest[0] in GUESSED_WHO:
            out += [r.hit(span)] + [r.hit(h) for h in r.in_clause("hedge", clause)[:1]]
    return out


_DEED_SUBJECT = Phrase("it (the deed)", ())
_LEAD_IN = frozenset({"frankly", "honestly", "well", "look", "so", "and", "i", "think", "guess", "reckon", "suspect", "bet"})


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


def stigma(r: Reading) -> list[Hit]:
    """Collective blame of a group, avoid-them advice about a community's place, or a slur."""
    out = []
    for tag in ("slur", "blame", "blame_end"):
        for span in r.spans.get(tag, []):
            clause = r.toks[span[0]].clause
            if r.negated(span[0], span[1]) or r.disavows(clause):
                continue
            if tag != "slur" and r.denied_within(span):
                continue  # 'refugees are not to blame', 'the families were never the cause'
            if tag != "slur" and _one_person(r, span, tag == "blame_end"):
                continue  # 'carried out by a refugee' guesses at one man (speculation), it blames no group
            out.append(r.hit(span))
    return out + insinuation(r)


def _one_person(r: Reading, span, group_last: bool) -> bool:
    """Whether a blame phrase's group is one person ('by a refugee', 'a migrant is to blame')."""
    i, j, _ = span
    if group_last:
        return j - i >= 2 and r.toks[j - 2].lemma in ONE_PERSON
    return i > 0 and r.toks[i - 1].lemma in ONE_PERSON


def invites(r: Reading, i: int) -> bool:
    """Whether a looking verb at token i asks people to look (see LOOK_VERBS); any other word does."""
    t = r.toks[i]
    if t.lemma not in LOOK_VERBS:
        return True
    if i >= 2 and r.toks[i - 1].lemma == "have" and r.toks[i - 2].lemma in _REPORTERS:
        return False  # 'we have read the manifesto' reports what was done; 'have a look at it' invites
    return i == 0 or r.toks[i - 1].clause != t.clause or r.toks[i - 1].lemma in INVITE


_REPORTERS = frozenset({"we", "i", "they", "police", "officer", "detective", "investigator", "team", "council", "city", "who"})


def amplify(r: Reading) -> list[Hit]:
    """Passing on the attacker's material or words: quoting it, linking it, pointing people to it."""
    # 'if you want to read it' is the invitation itself, not a case put to the reader
    cases = r.hypothetical_only()
    out = [r.hit(s) for s in r.spans.get("amplify", [])
           if not r.negated(s[0], s[1]) and (not r.claims_about(r.toks[s[0]].clause) or r.toks[s[0]].clause in cases)
           and invites(r, s[0])]
    return out + _told_in_substance(r) + _his_words_quoted(r)


def _his_words_quoted(r: Reading) -> list[Hit]:
    """His words in quotation marks ('the gunman's post ends: "..."', 'he shouted "..." as he
    fired'): at least three words quoted, in a clause that names him or his material (or says
    'he', where the statement names him), and not refused in that clause."""
    if '"' not in r.text and "“" not in r.text:
        return []
    named = bool(r.spans.get("perp_s") or r.spans.get("material") or r.spans.get("act"))
    if not named:
        return []
    out: list[Hit] = []
    for start, end in r.quoted_spans():
        inside = [k for k, t in enumerate(r.toks) if start < t.start < end]
        if len(inside) < 3:
            continue  # a title or scare quotes ('his so-called "manifesto"')
        k = inside[0]
        clause = r.toks[k].clause
        before = [t for t in r.toks[max(0, k - 12):k] if t.clause == clause or t.clause == clause - 1]
        if not before:
            continue
        his = any(t.low in ("he", "his", "him", "she", "her") for t in before) or any(
            r.toks[s[0]].clause in (clause, clause - 1) and s[0] < k for tag in ("perp_s", "material") for s in r.spans.get(tag, []))
        if not his or any(t.lemma in NEGATORS for t in before[-6:]) or any(t.lemma in POLICE for t in before[-6:]):
            continue  # refused, or the police's own words ('police describe him as "..."')
        out.append(Hit(start, end, r.text[start:end], "his words quoted"))
    return out


def _told_in_substance(r: Reading) -> list[Hit]:
    """His message retold ('the manifesto is genuine; he writes that...'): 'he' saying something,
    where the statement names his material or the clause names him; not refused or denied ('we
    will not repeat what he wrote'), not asked."""
    spans = r.spans.get("amp_he", [])
    if not spans:
        return []
    material = r.spans.get("material", [])
    out = []
    for s in spans:
        clause = r.toks[s[0]].clause
        if not (material and any(m[0] < s[0] for m in material) or r.in_clause("perp_s", clause)):
            continue
        # (its own 'claims' would make the clause 'about a claim': only a question or a refusal counts)
        if r.negated(s[0], s[1]) or clause in r.questions() or r.disavows(clause) or any(
                t.lemma in NEGATORS for t in r.toks[max(0, s[0] - 6):s[0]] if t.clause == clause):
            continue
        out.append(r.hit(s))
    return out


def private_details(r: Reading) -> list[Hit]:
    """Home addresses, hospital wards and beds, where a person's family is, how an official is protected."""
    limit = r.toks[-1].end if r.toks else 0
    out = [h for h in _regex_hits(r, _STREET, "street address", limit) if not _PUBLIC_BEFORE.search(r.text, max(0, h.start - 60), h.start)]
    if _CLINICAL.search(r.text, 0, limit):
        out += _regex_hits(r, _WARD, "hospital ward or bed", limit)
    out += [h for h in _regex_hits(r, _LODGING, "room or flat number", limit)
            if not (_CLINICAL.search(r.text, 0, limit) is None and _PUBLIC_AFTER.search(r.text[h.end:h.end + 60]))]
    out += [r.hit(s) for s in r.spans.get("private", []) if not r.negated(s[0], s[1]) and not _nowhere(r, s)]
    out += [h for h in _regex_hits(r, _WORKPLACE, "where one person works or studies", limit)
            if not _PUBLIC_PLACE.search(r.text[h.start:h.end + 30]) and not _denied_at(r, h.start)]
    out += _named_private_people(r, limit) + _lodged(r) + outed(r, limit) + young_person_pointed_out(r, limit)
    return out
