"""The harmful kinds: each a general rule over a Reading and the pack's vocabulary.

Every detector returns the hits (words and spans) that break the rule, or nothing. They are
deliberately readable: a clause that ties an identity to the perpetrator, a group word next to
a blame word, the attacker's material next to a verb that passes it on. Denials ('no link',
'we will not speculate on his faith') are read by Reading.negated.
"""

from __future__ import annotations

import bisect
import re

from .analysis import Reading
from .identifying import outed, young_person_pointed_out
from .lexicon import DEEDS, HARMED, INVITE, LOOK_VERBS, MATERIAL_WORDS, NEGATORS, NOT_CLAIMS, ONE_PERSON, OTHERS, OTHERS_SAY, POLICE, PRIVATE_PEOPLE, VENUES
from .speculation import asks_who, speculation  # noqa: F401 - the checker reads every harmful kind from here
from .stigma import insinuation
from .stigma_conduct import VIOLENT
from .verdict import Hit
from .whereabouts import whereabouts

# Home addresses: a house number, one to three capitalised words and a street word. Case matters
# ('14 Harbour Lane', not '14 died on the lane'); bounded repetition, so linear.
_STREET = re.compile(r"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][A-Za-z'\-]+\s+){1,3}"
                     r"(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Way|Crescent|Place|Terrace|Gardens|Court|"
                     r"Square|Grove|Row|Hill|Walk|Mews|Park|Rise|View)\b")
# A home on a named street, without its number: 'their home near the park on Oak Avenue'. Only a
# home said to be someone's (a possessive before it), so 'homes on Tanner Road were evacuated' is not.
_HOME_ON = re.compile(r"\b(?:[Hh]er|[Hh]is|[Tt]heir|[Mm]y|'s|’s)\s+(?:family\s+)?(?:home|house|flat|bungalow|cottage|address)\b"
                      r"[^.!?]{0,30}?\b(?:on|in|off|along)\s+(?:[A-Z][A-Za-z'\-]+\s+){1,3}"
                      r"(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Way|Crescent|Place|Terrace|Gardens|Court|"
                      r"Square|Grove|Row|Hill|Walk|Mews|Park|Rise|View)\b")
# A ward or unit named with its hospital: 'the children's ward at Caldmere General'. 'Moved to a
# general ward' is how a hospital says someone is better; the hospital's name makes it a place.
_WARD_AT = re.compile(r"\b[a-z]+(?:'s|’s)?\s+(?:ward|unit)\s+(?:at|in|of)\s+(?:the\s+)?[A-Z][A-Za-z'\-]+")
_PUBLIC_BEFORE = re.compile(r"\b(?:centre|center|hall|library|office|station|church|mosque|gurdwara|temple|synagogue|school|"
                            r"hospital|stadium|council|headquarters|hq|point|desk|hub)\b[^.!?]{0,25}$", re.IGNORECASE)
_WARD = re.compile(r"\b(?:[Ww]ard|[Bb]ed|[Rr]oom|[Bb]ay)\s+\d{1,4}[A-Za-z]?\b|\b[A-Z][a-z]+ [Ww]ard\b|"
                   r"\bon the (?:first|second|third|fourth|fifth|sixth|seventh|top|ground) floor\b")
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
_CLINICAL = re.compile(r"\b(?:hospital|treated|treatment|critical|intensive|patient|recovering|surgery|injured|infirmary|hurt|"
                       r"wounded|a&e|casualty|clinic|icu)\b", re.IGNORECASE)


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
    k = bisect.bisect_left([t.start for t in r.toks], start)
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
        after = r.toks[j:j + 9]  # 'moved out of Old Mill Lane to the hotel by the bus depot' 
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


def speaks_of_harm(r: Reading, clause: int) -> bool:
    """Whether a clause (or the one beside it) speaks of someone harmed (a first name then names a victim)."""
    return any(r.clause_has(c, HARMED) for c in (clause - 1, clause, clause + 1))


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
    lemmas = r.clause_lemmas(clause)
    return not OTHERS_SAY.isdisjoint(lemmas) and not OTHERS.isdisjoint(lemmas)


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
           if not r.negated(s[0], s[1]) and (not r.claims_about(r.toks[s[0]].clause) or r.toks[s[0]].clause in cases
                                               or _says_its_claim(r, s)) and invites(r, s[0])]
    if r.spans.get("amp_where") and (r.spans.get("material") or any(t.lemma in MATERIAL_WORDS for t in r.toks)):
        out += [r.hit(s) for s in r.spans["amp_where"]
                if not r.negated(s[0], s[1]) and r.toks[s[0]].clause not in r.questions() and invites(r, s[0])
                and not r.disavows(r.toks[s[0]].clause)]
    return out + _told_in_substance(r) + _his_words_quoted(r)


def _says_its_claim(r: Reading, span) -> bool:
    """Whether the words of claiming that make the clause 'about a claim' are the amplifying
    phrase's own ('the email claimed devices had been placed...'): it retells the claim, and a
    question or refusal elsewhere in the clause is what would take it back."""
    i, j, _ = span
    clause = r.toks[i].clause
    own = any(r.toks[k].lemma in NOT_CLAIMS for k in range(i, j))
    return own and clause not in r.questions() and not any(
        r.toks[k].lemma in NOT_CLAIMS for k in r.clause_toks(clause) if not i <= k < j)


def _his_words_quoted(r: Reading) -> list[Hit]:
    """His words in quotation marks ('the gunman's post ends: "..."', 'he shouted "..." as he
    fired'): at least three words quoted, in a clause that names him or his material (or says
    'he', where the statement names him), and not refused in that clause."""
    if not r.quoted_spans():
        return []
    named = bool(r.spans.get("perp_s") or r.spans.get("material") or r.spans.get("act"))
    # words shouted at the victims are the attackers' words, whoever they are called ('the men
    # can be heard shouting "..."'), where the statement speaks of the harm
    shouted = any(t.lemma in _SHOUTED for t in r.toks) and any(
        t.lemma in HARMED or t.lemma in DEEDS or t.low in VIOLENT for t in r.toks)
    if not (named or shouted):
        return []
    out: list[Hit] = []
    starts = [t.start for t in r.toks]
    for start, end in r.quoted_spans():
        k = bisect.bisect_right(starts, start)  # the first word inside (found by bisection: linear overall)
        if k + 2 >= len(starts) or starts[k + 2] >= end:
            continue  # fewer than three words: a title or scare quotes ('his so-called "manifesto"')
        clause = r.toks[k].clause
        before = [t for t in r.toks[max(0, k - 12):k] if t.clause == clause or t.clause == clause - 1]
        if not before:
            continue
        his = any(t.low in ("he", "his", "him", "she", "her") for t in before) or shouted and any(
            t.lemma in _SHOUTED for t in before[-4:]) or any(
            s[0] < k for tag in ("perp_s", "material") for c in (clause, clause - 1) for s in r.in_clause(tag, c))
        if not his or any(t.lemma in NEGATORS for t in before[-6:]) or any(t.lemma in POLICE for t in before[-6:]):
            continue  # refused, or the police's own words ('police describe him as "..."')
        out.append(Hit(start, end, r.text[start:end], "his words quoted"))
    return out


_SHOUTED = frozenset({"shout", "shouting", "yell", "yelling", "chant", "chanting", "scream", "screaming", "jeer", "taunt"})


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
        names_own = r.toks[s[0]].low == "in"  # 'in the video he says...' names the material it retells
        if not (names_own or material and material[0][0] < s[0] or r.in_clause("perp_s", clause)):  # spans are in text order
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
        if "ward" in r.text or "unit" in r.text:
            out += [h for h in _regex_hits(r, _WARD_AT, "hospital ward named with its hospital", limit) if not _denied_at(r, h.start)]
    if any(w in r.text for w in ("home", "house", "flat", "bungalow", "cottage", "address")):
        out += [h for h in _regex_hits(r, _HOME_ON, "a home on a named street", limit) if not _denied_at(r, h.start)]
    out += [h for h in _regex_hits(r, _LODGING, "room or flat number", limit)
            if not (_CLINICAL.search(r.text, 0, limit) is None and _PUBLIC_AFTER.search(r.text[h.end:h.end + 60]))]
    out += [r.hit(s) for s in r.spans.get("private", []) if not r.negated(s[0], s[1]) and not _nowhere(r, s)]
    out += [h for h in _regex_hits(r, _WORKPLACE, "where one person works or studies", limit)
            if not _PUBLIC_PLACE.search(r.text[h.start:h.end + 30]) and not _denied_at(r, h.start)]
    out += _named_private_people(r, limit) + _lodged(r) + outed(r, limit) + young_person_pointed_out(r, limit)
    out += whereabouts(r, limit)
    return out
