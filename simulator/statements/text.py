"""A statement as tokens: each with its place in the text, its lower-case form and its lemma.

Why lemmas: 'condemned', 'condemns' and 'condemning' are one word to a reader; simplemma's
English dictionary (shipped with the package, nothing downloaded) maps them to 'condemn', so a
rule written once matches every inflection, and no hand-made suffix rule over-matches.
Contractions are split the way the rules are written ('don't' -> do + not), so a rule says
'do not know' once. Work is linear in the text: one regular-expression pass (no backtracking
pattern) and one dictionary look-up per distinct word, cached.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import simplemma

MAX_CHARS = 100_000
"""Statements longer than this are judged on their first MAX_CHARS characters (a statement read
aloud runs to a few thousand); the rest is reported as not checked, never silently dropped."""

# Words (letters, digits, inner apostrophes and hyphens), or single punctuation marks that end a
# clause. Any script: \w is Unicode here, so Arabic or CJK text tokenises and simply matches nothing.
_TOKEN = re.compile(r"\d{1,2}[:.]\d{2}\b|[^\W_](?:[\w'’\-]*[^\W_])?|[.!?;:]")
_CLAUSE_END = frozenset(".!?;:")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
"""The words of a CamelCase handle: 'DeanAshbyLive' -> Dean, Ashby, Live."""
_CLAUSE_WORDS = frozenset({"but", "however", "although", "though", "whereas", "while"})
_CONTRACTIONS = {"n't": "not", "'re": "be", "'s": "'s", "'ve": "have", "'ll": "will", "'m": "be", "'d": "would"}
_STEMS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "be"}
_BARE = {"dont": ("do", "not"), "cant": ("can", "not"), "isnt": ("be", "not"), "arent": ("be", "not"),
         "wasnt": ("be", "not"), "werent": ("be", "not"), "doesnt": ("do", "not"), "didnt": ("do", "not"),
         "couldnt": ("could", "not"), "shouldnt": ("should", "not"), "wouldnt": ("would", "not"),
         "havent": ("have", "not"), "hasnt": ("have", "not"), "wont": ("will", "not"), "theres": ("there", "be"),
         "thats": ("that", "be"), "theyre": ("they", "be"), "youre": ("you", "be"), "weve": ("we", "have")}
"""Contractions typed without their apostrophe, as posts often are ('pls dont share it')."""


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    low: str
    """Lower case, straight apostrophe."""
    lemma: str
    clause: int
    """Index of the clause it is in (clauses end at . ! ? ; : and at 'but', 'however'...)."""


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The English lemma of a lower-case word (itself when unknown, e.g. names or other scripts)."""
    if not word.isascii() or word.isdigit():
        return word
    try:
        return simplemma.lemmatize(word, lang="en").lower()
    except Exception:  # noqa: BLE001 - a word the library cannot handle is simply itself
        return word


def _split(word: str) -> list[tuple[int, int, str]]:
    """(offset, length, part) for a word with a contraction: "don't" -> [(0, 2, 'do'), (2, 3, 'not')]."""
    bare = _BARE.get(word)
    if bare is not None:
        cut = len(word) - 2 if word.endswith("nt") else len(word) - (len(word) - len(bare[0]))
        return [(0, cut, bare[0]), (cut, len(word) - cut, bare[1])]
    for tail, full in _CONTRACTIONS.items():
        if word.endswith(tail) and len(word) > len(tail):
            head = word[: -len(tail)]
            return [(0, len(head), _STEMS.get(head, head)), (len(head), len(tail), full)]
    return [(0, len(word), word)]


def tokens(text: str) -> list[Token]:
    """The statement's tokens, in order (at most MAX_CHARS characters of it are read)."""
    out: list[Token] = []
    clause = 0
    for m in _TOKEN.finditer(text, 0, min(len(text), MAX_CHARS)):
        raw = m.group(0)
        if raw in _CLAUSE_END:
            clause += 1
            continue
        low = raw.lower().replace("’", "'")
        if low in _CLAUSE_WORDS:
            if low == "but" and out and out[-1].low in ("nothing", "anything"):
                # 'nothing but trouble' means 'only trouble': one clause, and no denial in it
                out[-1] = Token(out[-1].start, out[-1].end, out[-1].low, "only", clause)
            else:
                clause += 1
        if m.start() > 0 and text[m.start() - 1] in "@#" and _CAMEL.search(raw):
            # '@DeanAshbyLive', '#StandWithNorthgate': the words a handle or hashtag is made of
            for piece in _CAMEL.finditer(raw):
                start = m.start() + piece.start()
                word = piece.group(0).lower()
                out.append(Token(start, start + len(word), word, lemma(word), clause))
            continue
        at = m.start()
        for offset, length, part, lem in _parts(low):
            out.append(Token(at + offset, at + offset + length, part, lem, clause))
    return out


@functools.lru_cache(maxsize=65536)
def _parts(low: str) -> tuple[tuple[int, int, str, str], ...]:
    """A word's parts with their lemmas, worked out once per distinct word (a statement says
    'the', 'we' and 'and' dozens of times, and the composer reads the same words each keystroke)."""
    return tuple((offset, length, part, lemma(part)) for offset, length, part in _split(low))


def words(text: str) -> list[str]:
    """A rule's phrase as the lemmas the matcher compares (the same tokeniser as statements)."""
    return [t.lemma for t in tokens(text)]
