"""Private details that identify one person: a victim outed, a young person pointed out.

Why a rule of its own: no single word here is private. 'Gay', 'fifteen' or 'Year 10' are said in
sound statements every day ('an attack on gay people', 'pupils in Year 10 have an assembly'). What
breaks privacy is the combination: an orientation, gender identity or status said of one harmed
person ('a gay man in his late twenties was left with a head injury'), or enough about one young
person to find him ('the lad is fifteen, in Year 10 at Riverside, and his mum works nights').
"""

from __future__ import annotations

import re

from .analysis import Reading
from .verdict import Hit

_IDENTITY = re.compile(r"\b(?:gay|lesbian|bisexual|trans|transgender|non-binary|nonbinary|queer|asexual|intersex|"
                       r"undocumented|HIV[- ]positive|overstay(?:ed|er)|(?:came|come|coming) out (?:as|to)|not out to|closeted|"
                       r"his boyfriend|her girlfriend)\b", re.IGNORECASE)
_ONE_PERSON = re.compile(r"\b(?:a|an|the|one|this)\s+(?:[\w-]+\s+){0,2}(?:man|woman|person|teenager|lad|girl|boy|student|"
                         r"pupil|victim|resident|volunteer|worker|member)\b|\b(?:he|she|they)\s+(?:is|was|are|were|'s)\b|"
                         r"\bwho\s+(?:is|was|are|were|identifies)\b|\bone of the (?:victims|injured|men|women)\b", re.IGNORECASE)
_HARMED = re.compile(r"\b(?:attack(?:ed)?|assault(?:ed)?|injur(?:y|ies|ed)|hurt|hospital|treated|victim|beaten|punched|kicked|"
                     r"wounded|left with|targeted|abused)\b", re.IGNORECASE)
_GROUP_AFTER = re.compile(r"^\s*(?:people|men|women|community|communities|residents|couples|friends|rights|pride|bar|venue|"
                          r"and|or|,)", re.IGNORECASE)

_YOUNG = re.compile(r"\b(?:boy|girl|lad|lass|pupil|student|teenager|teen|child|kid|young person|youngster|son|daughter)\b",
                    re.IGNORECASE)
_AGE = re.compile(r"\b(?:aged\s+\d{1,2}|\d{1,2}[- ]year[- ]old|(?:is|was|turned|just)\s+(?:thirteen|fourteen|fifteen|sixteen|"
                  r"seventeen|twelve|eleven|1[1-7]))\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:[Yy]ear\s+(?:[7-9]|1[0-3]|seven|eight|nine|ten|eleven|twelve|thirteen)|(?:sixth|6th)[- ]form(?:er)?|"
                   r"(?:ninth|tenth|eleventh) grade)\b")
_SCHOOL = re.compile(r"\b(?:at|from|attends|goes to)\s+(?:[A-Z][a-z]+\s+){1,3}(?:School|Academy|High|College|Primary|Grammar)\b")
_FAMILY = re.compile(r"\b(?:his|her|their)\s+(?:mum|mother|dad|father|parents?|brother|sister|grandmother|gran|nan)\s+"
                     r"(?:works?|lives?|runs?|is a|drives?)\b", re.IGNORECASE)
_LIVES_WITH = re.compile(r"\b(?:lives?|living|stays?|staying)\s+with\s+(?:his|her|their)\s+(?:mum|mother|dad|father|parents?|"
                         r"gran|grandmother|grandparents|nan|aunt|uncle|foster)", re.IGNORECASE)
_YEAR_AT = re.compile(r"\b[Yy]ear\s+(?:[7-9]|1[0-3])\s+(?:at|in)\s+[A-Z][a-z]+")
"""'in Year 10 at Riverside': a school named by its name alone, after the year group."""
_STREET_OF = re.compile(r"\b(?:lives|living|lived)\s+(?:on|in|at|off)\s+(?:the\s+)?[A-Z][a-z]+", re.IGNORECASE)


def outed(r: Reading, limit: int) -> list[Hit]:
    """An orientation, gender identity or status said of one harmed person (not of a community:
    'an attack on gay people' names who was targeted, and outs nobody)."""
    out = []
    text = r.text[:limit]
    spans = _sentences(text)
    for m in _IDENTITY.finditer(text):
        if _GROUP_AFTER.match(text, m.end()):
            continue
        lo, hi = _around(spans, m.start())
        window = text[max(lo, m.start() - 60):min(hi, m.end() + 60)]
        if not _ONE_PERSON.search(window) or not _HARMED.search(text, lo, hi):
            continue
        if _denied(text, lo, m.start()):
            continue
        out.append(Hit(m.start(), m.end(), m.group(0), "an orientation, gender identity or status said of one person harmed"))
    return out


def young_person_pointed_out(r: Reading, limit: int) -> list[Hit]:
    """Enough about one young person to find him: two or more of an age, a school year, a school
    and a parent's work or street, in one sentence that speaks of one young person."""
    out = []
    text = r.text[:limit]
    for lo, hi in _sentences(text):
        if _YOUNG.search(text, lo, hi) and not _denied(text, lo, hi):
            found = [m for rx in (_AGE, _YEAR, _SCHOOL, _FAMILY, _STREET_OF, _LIVES_WITH, _YEAR_AT)
                     for m in [rx.search(text, lo, hi)] if m]
            if len({m.re.pattern for m in found}) >= 2:
                first, last = min(m.start() for m in found), max(m.end() for m in found)
                out.append(Hit(first, last, text[first:last], "details that point out one young person"))
    return out


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


def _sentences(text: str) -> list[tuple[int, int]]:
    """The sentences' spans, found once (a sentence ends at . ! ? or a line break)."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]


def _around(spans: list[tuple[int, int]], i: int) -> tuple[int, int]:
    """The sentence holding character i (binary search over the spans)."""
    lo, hi = 0, len(spans) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        a, b = spans[mid]
        if i < a:
            hi = mid - 1
        elif i >= b:
            lo = mid + 1
        else:
            return a, b
    return i, i


_NEGATION = re.compile(r"\b(?:not|never|no|will not|won't|don't|do not|nobody|refuse)\b[^.]{0,40}\b(?:say|name|share|"
                       r"identify|discuss|confirm|reveal|speculate|give|release|comment)", re.IGNORECASE)


def _denied(text: str, lo: int, hi: int) -> bool:
    """Whether the sentence refuses to tell ('we will not identify the boy or his school')."""
    return bool(_NEGATION.search(text, lo, max(hi, lo)))
