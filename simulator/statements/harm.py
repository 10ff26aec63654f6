"""The harmful kinds: each a general rule over a Reading and the pack's vocabulary.

Every detector returns the hits (words and spans) that break the rule, or nothing. They are
deliberately readable: a clause that ties an identity to the perpetrator, a group word next to
a blame word, the attacker's material next to a verb that passes it on. Denials ('no link',
'we will not speculate on his faith') are read by Reading.negated.
"""

from __future__ import annotations

import re

from .analysis import Reading
from .lexicon import INVITE, LOOK_VERBS
from .verdict import Hit

# Home addresses: a house number, one to three capitalised words and a street word. Case matters
# ('14 Harbour Lane', not '14 died on the lane'); bounded repetition, so linear.
_STREET = re.compile(r"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][A-Za-z'\-]+\s+){1,3}"
                     r"(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Way|Crescent|Place|Terrace|Gardens|Court|"
                     r"Square|Grove|Row|Hill|Walk|Mews|Park|Rise|View)\b")
_PUBLIC_BEFORE = re.compile(r"\b(?:centre|center|hall|library|office|station|church|mosque|gurdwara|temple|synagogue|school|"
                            r"hospital|stadium|council|headquarters|hq|point|desk|hub)\b[^.!?]{0,25}$", re.IGNORECASE)
_WARD = re.compile(r"\b(?:[Ww]ard|[Bb]ed|[Rr]oom|[Bb]ay)\s+\d{1,4}[A-Za-z]?\b|\b[A-Z][a-z]+ [Ww]ard\b")
_CLINICAL = re.compile(r"\b(?:hospital|treated|treatment|critical|intensive|patient|recovering|surgery|injured)\b", re.IGNORECASE)


def _regex_hits(r: Reading, rx: re.Pattern, cue: str, limit: int) -> list[Hit]:
    out = []
    for m in rx.finditer(r.text, 0, limit):
        out.append(Hit(m.start(), m.end(), m.group(0), cue))
    return out


def speculation(r: Reading) -> list[Hit]:
    """An identity, faith, origin or motive tied to the perpetrator before it is confirmed."""
    out: list[Hit] = []
    targeted = {s[0] for s in r.spans.get("ident_t", [])}
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
            strong = r.in_clause("perp_s", clause)
            weak = [] if ident == "ident_t" else r.in_clause("perp_w", clause)
            acts = r.in_clause("act", clause) if ident == "motive" else []
            tie = None
            for p in strong + weak + acts:
                pi, pj, _ = p
                if pj <= i <= pj + 10:  # 'the gunman is believed to be a refugee', 'a man, probably from Northgate'
                    between = {k for k in range(pj, i)}
                    if any(a[0] in between for a in r.in_clause("attr", clause)) or i == pj:
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
    return out


def rumour_confirmation(r: Reading, topic: str) -> list[Hit]:
    """A rumour's subject said with its link and no denial: 'a link to Northgate' confirms it."""
    out: list[Hit] = []
    for span in r.spans.get(topic, []):
        clause = r.toks[span[0]].clause
        for link in r.in_clause("link", clause):
            lo, hi = min(span[0], link[0]), max(span[1], link[1])
            if abs(link[0] - span[0]) > 8 or r.negated(lo, hi) or r.claims_about(clause):
                continue
            if any(c for c in r.in_clause("corr", clause)):
                continue
            out += [r.hit(link), r.hit(span)]
            break
        else:
            # 'from Northgate', 'from the Northgate centre': an origin given as fact.
            i = span[0]
            before = [t.lemma for t in r.toks[max(0, i - 3):i]]
            if "from" in before and before[max(0, before.index("from") - 1)] not in ("away", "far") and not r.negated(max(0, i - 2), span[1]) and not r.claims_about(clause) \
                    and not r.in_clause("corr", clause):
                out += [r.hit(span)]
    return out


def stigma(r: Reading) -> list[Hit]:
    """Collective blame of a group, avoid-them advice about a community's place, or a slur."""
    out = []
    for tag in ("slur", "blame"):
        for span in r.spans.get(tag, []):
            clause = r.toks[span[0]].clause
            if not r.negated(span[0], span[1]) and not r.disavows(clause):
                out.append(r.hit(span))
    return out


def _invites(r: Reading, i: int) -> bool:
    t = r.toks[i]
    if t.lemma not in LOOK_VERBS:
        return True
    return i == 0 or r.toks[i - 1].clause != t.clause or r.toks[i - 1].lemma in INVITE


def amplify(r: Reading) -> list[Hit]:
    """Passing on the attacker's material or words: quoting it, linking it, pointing people to it."""
    return [r.hit(s) for s in r.spans.get("amplify", [])
            if not r.negated(s[0], s[1]) and not r.claims_about(r.toks[s[0]].clause) and _invites(r, s[0])]


def private_details(r: Reading) -> list[Hit]:
    """Home addresses, hospital wards and beds, where a person's family is, how an official is protected."""
    limit = r.toks[-1].end if r.toks else 0
    out = [h for h in _regex_hits(r, _STREET, "street address", limit) if not _PUBLIC_BEFORE.search(r.text, max(0, h.start - 60), h.start)]
    if _CLINICAL.search(r.text, 0, limit):
        out += _regex_hits(r, _WARD, "hospital ward or bed", limit)
    out += [r.hit(s) for s in r.spans.get("private", []) if not r.negated(s[0], s[1])]
    return out
