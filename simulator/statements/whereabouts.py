"""Private details that say where a person can be found without an address: lodged at someone's
home, placed by a landmark, or met on a routine.

Why a module of its own: harm.py reads addresses, wards and rooms by their numbers and names.
These say it in relative terms, which no number gives away but any neighbour can follow:
- lodged in someone's home ('staying at a friend's flat across town', 'moved in with her sister's
  family'): a verb of staying, then a home said to be another person's;
- placed by a landmark ('two doors down from the gurdwara', 'the flat above the chemist'): a
  word of relative position beside a home or a verb of living or staying, in one clause;
- met on a routine ('her husband drops the kids at the school every morning at half eight'): a
  person's going to or from a place, said with a time it repeats.
Each is set aside when the clause refuses to say it ('we will not say where...').
"""

from __future__ import annotations

import re

from .analysis import Reading
from .verdict import Hit

_OTHERS_HOME = re.compile(r"\b(?:stay(?:s|ed|ing)?|sleep(?:s|ing)?|slept|hid(?:e|es|ing|den)?|liv(?:e|es|ed|ing)|"
                          r"moved(?: in)?|gone|taken|put up|lodg(?:e|es|ed|ing))\s+(?:at|with|to|in|into)\s+"
                          r"(?:a|an|her|his|their|the|my|our)\s+(?:[a-z]+\s+)?[a-z\-]+(?:'s|’s|s'|s’)\s+"
                          r"(?:flat|house|home|place|farm|cottage|caravan|bungalow|apartment|family)\b", re.IGNORECASE)
"""Staying in another person's home: 'at a friend's flat', 'with her sister's family'."""

_BESIDE = re.compile(r"\b(?:(?:one|two|three|four|five|a few|\d) doors? (?:down|up|along) from|next door to|"
                     r"(?:directly |right )?(?:above|below|opposite) (?:the|a)|across the road from|"
                     r"round the corner from|around the corner from|at the end of (?:the|a))\b", re.IGNORECASE)
_DWELLING = re.compile(r"\b(?:live[sd]?|living|stay(?:s|ed|ing)?|sleep(?:s|ing)?|looked after|housed|lodg\w*|moved|"
                       r"flat|house|home|room|bedsit|maisonette)\b", re.IGNORECASE)
"""A word of living or a home, in the clause of a relative position: 'she lives in the flat above
the chemist'. Without it, 'the cordon runs round the corner from the gurdwara' places no one."""

_ROUTINE = re.compile(r"\b(?:every|each)\s+(?:morning|evening|night|day|afternoon|weekday|week|monday|tuesday|wednesday|"
                      r"thursday|friday|saturday|sunday|school day)\b|\b(?:mornings|evenings|nights)\b|"
                      r"\bat\s+(?:half|quarter)\s+(?:past\s+|to\s+)?\w+\b|\bat\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\b",
                      re.IGNORECASE)
_GOING = re.compile(r"\b(?:drops?|dropping|dropped|picks?|picking|picked|collects?|collecting|walks?|walking|drives?|"
                    r"driving|leaves|leaving|arrives?|arriving|jogs?|jogging|runs|cycles?|cycling|parks?|parking|"
                    r"catches|gets the)\b", re.IGNORECASE)
_PERSON = re.compile(r"\b(?:he|she|her|his|they|their)\b", re.IGNORECASE)
_REFUSED = re.compile(r"\b(?:not|never|won't|will not|cannot|can't)\s+(?:\w+\s+){0,3}(?:say|saying|reveal|share|disclose|"
                      r"give|discuss|confirm|publish)\b", re.IGNORECASE)
_OPERATIONAL = re.compile(r"\b(?:police|officers?|patrols?|buses|trains|services|vigil|volunteers|staff|council)\b", re.IGNORECASE)
"""A routine of the services or of a public event is announced so people can use it; a private
person's routine is how to find them."""


def whereabouts(r: Reading, limit: int) -> list[Hit]:
    """Every relative whereabouts of a person in the statement (see the module docstring).

    Each reading's own words are searched for first, over the whole text, and only the clause
    around a match is read further: most statements have none, and cost three searches."""
    out: list[Hit] = []
    text = r.text
    low = text[:limit].lower()
    homes = any(w in low for w in _HOME_WORDS)
    for h in (_OTHERS_HOME.finditer(text, 0, limit) if homes and ("'" in low or "’" in low) else ()):
        if not _REFUSED.search(_clause_of(text, h.start(), limit)):
            out.append(Hit(h.start(), h.end(), h.group(0), "staying in another person's home"))
    for h in (_BESIDE.finditer(text, 0, limit) if any(w in low for w in _BESIDE_WORDS) else ()):
        clause = _clause_of(text, h.start(), limit)
        if _DWELLING.search(clause) and not _REFUSED.search(clause):
            out.append(Hit(h.start(), h.end(), h.group(0), "a home placed by a landmark"))
    for h in (_FAMILY_CHILD.finditer(text, 0, limit) if any(w in low for w in _SCHOOL_WORDS) else ()):
        clause = _clause_of(text, h.start(), limit)
        school = _NAMED_SCHOOL.search(clause)
        if school and not _REFUSED.search(clause):
            at = _clause_start(text, h.start())
            out.append(Hit(at + school.start(), at + school.end(), school.group(0), "the school a family's child attends"))
    seen: set[int] = set()
    for h in (_ROUTINE.finditer(text, 0, limit) if any(w in low for w in _ROUTINE_WORDS) else ()):
        at = _clause_start(text, h.start())
        if at in seen:
            continue
        seen.add(at)
        clause = _clause_of(text, h.start(), limit)
        going = _GOING.search(clause)
        if going and _PERSON.search(clause) and not _OPERATIONAL.search(clause) and not _REFUSED.search(clause):
            lo, hi = min(h.start() - at, going.start()), max(h.end() - at, going.end())
            out.append(Hit(at + lo, at + hi, clause[lo:hi], "a routine that says where someone will be"))
    return out


# A named school with a family member of someone in the story: 'Leyla's children are back at
# school at St Anne's Primary'.
_FAMILY_CHILD = re.compile(r"(?:'s|’s|\b(?:her|his|their|my))\s+(?:children|child|kids|son|daughter|sons|daughters|boy|girl)\b",
                           re.IGNORECASE)
_NAMED_SCHOOL = re.compile(r"\b(?:at|to|attends?)\s+(?:St\.?\s+)?(?:[A-Z][\w'’\-]+\s+){1,3}(?:Primary|School|Academy|College|"
                           r"High|Nursery|Infants|Juniors|Grammar)\b")
_ENDS = ".!?;:"
_BESIDE_WORDS = ("door", "above", "below", "opposite", "across the road", "corner", "end of")
_HOME_WORDS = ("flat", "house", "home", "place", "farm", "cottage", "caravan", "bungalow", "apartment", "family")
_SCHOOL_WORDS = ("primary", "school", "academy", "college", "high", "nursery", "infants", "juniors", "grammar")
_ROUTINE_WORDS = ("every", "each", "mornings", "evenings", "nights", "at half", "at quarter", "am", "pm", "0", "1", "2", "3",
                  "4", "5", "6", "7", "8", "9")
"""Words each reading needs: a statement without them is passed by in one look (a substring test)."""


def _clause_start(text: str, i: int) -> int:
    """Where the clause holding character i begins (after the last end of clause before it, at
    most 400 characters back: a clause is read aloud in one breath)."""
    lo = max(0, i - 400)
    return max([text.rfind(c, lo, i) for c in _ENDS] + [lo - 1]) + 1


def _clause_of(text: str, i: int, limit: int) -> str:
    """The clause holding character i (bounded both ways, so linear however long the text)."""
    start = _clause_start(text, i)
    hi = min(limit, i + 400)
    ends = [e for e in (text.find(c, i, hi) for c in _ENDS) if e >= 0]
    return text[start:min(ends) if ends else hi]
