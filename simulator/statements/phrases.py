"""Phrase rules over lemmas: the one matcher every statement rule uses.

A phrase is written as a reader would ('do not yet know', 'thoughts are with'). Each word is
compared by lemma, so inflections match; a word may list alternatives ('stay|remain calm'); '*'
stands for up to three words of the same clause ('no * evidence'); a word ending in '~' is a stem
matched on its spelling ('sympath~': sympathy, sympathise). Phrases are indexed by their first
word, so a statement is read once whatever the number of rules: the work is in step with the
length of the text and the number of places a phrase could start, never with both multiplied.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .text import Token, lemma

GAP = 3
"""How many words '*' may stand for."""

Alt = tuple[str, ...]
"""One alternative of a position: the lemmas of one or more words ('asylum seeker')."""


@dataclass(frozen=True)
class Phrase:
    text: str
    """As the trainer (or the built-in lexicon) wrote it: what a verdict quotes as the cue."""
    parts: tuple[object, ...]
    """Each a tuple of Alt, or GAP_PART, or a StemPart."""


GAP_PART = "*"


@dataclass(frozen=True)
class StemPart:
    prefix: str


def _part(word: str) -> object:
    if word == "*":
        return GAP_PART
    if word.endswith("~"):
        return StemPart(word[:-1].lower())
    alts = []
    for alt in word.split("|"):
        alt = alt.replace("_", " ")  # 'asylum_seeker' as one alternative of two words
        lemmas = tuple(lemma(w) for w in alt.lower().replace("’", "'").split())
        if lemmas:
            alts.append(lemmas)
    return tuple(alts)


def compile_phrase(text: str) -> Phrase | None:
    """A phrase ready to match, or None when it has no words (only punctuation, say)."""
    from .text import tokens
    raw = text.strip()
    pieces: list[object] = []
    for word in raw.split():
        if word == "*" or word.endswith("~") or "|" in word or "_" in word:
            pieces.append(_part(word))
        else:
            # A plain word goes through the statement tokeniser, so "don't", "11:40" or "gurdwara's"
            # split exactly as they do in a statement.
            pieces.extend(((t.lemma,),) for t in tokens(word))
    while pieces and pieces[0] is GAP_PART:
        pieces.pop(0)
    while pieces and pieces[-1] is GAP_PART:
        pieces.pop()
    return Phrase(raw, tuple(pieces)) if pieces else None


def _alt_at(alt: Alt, toks: list[Token], i: int) -> int:
    """The index after `alt` if it matches at i, else -1."""
    if i + len(alt) > len(toks):
        return -1
    for k, want in enumerate(alt):
        t = toks[i + k]
        if t.lemma != want and t.low != want:
            return -1
    return i + len(alt)


def _ends(parts: tuple[object, ...], p: int, toks: list[Token], i: int, clause: int) -> Iterator[int]:
    """Every index at which parts[p:] can end when starting at token i."""
    if p == len(parts):
        yield i
        return
    part = parts[p]
    if part is GAP_PART:
        for skip in range(GAP + 1):
            j = i + skip
            if j > len(toks) or (skip and toks[j - 1].clause != clause):
                break
            yield from _ends(parts, p + 1, toks, j, clause)
        return
    if i >= len(toks):
        return
    if isinstance(part, StemPart):
        if toks[i].low.startswith(part.prefix):
            yield from _ends(parts, p + 1, toks, i + 1, clause)
        return
    for alt in part:  # type: ignore[union-attr]
        j = _alt_at(alt, toks, i)
        if j >= 0:
            yield from _ends(parts, p + 1, toks, j, clause)


class Matcher:
    """Many phrases, matched together against one statement's tokens."""

    def __init__(self, phrases: Iterable[Phrase]):
        self.by_first: dict[str, list[Phrase]] = {}
        self.stems: list[tuple[str, Phrase]] = []
        for ph in phrases:
            first = ph.parts[0]
            if isinstance(first, StemPart):
                self.stems.append((first.prefix, ph))
            else:
                for alt in first:  # type: ignore[union-attr]
                    self.by_first.setdefault(alt[0], []).append(ph)

    def find(self, toks: list[Token]) -> list[tuple[Phrase, int, int]]:
        """(phrase, first token, token after the last) for every place a phrase matches; the
        shortest match at each start (a reader's reading of the phrase)."""
        out: list[tuple[Phrase, int, int]] = []
        seen: set[tuple[int, int]] = set()
        for i, t in enumerate(toks):
            cands = self.by_first.get(t.lemma, [])
            if t.low != t.lemma:
                cands = cands + self.by_first.get(t.low, [])
            for ph in cands:
                if (id(ph), i) in seen:
                    continue
                end = min(_ends(ph.parts, 0, toks, i, t.clause), default=-1)
                if end > i:
                    seen.add((id(ph), i))
                    out.append((ph, i, end))
            for prefix, ph in self.stems:
                if t.low.startswith(prefix):
                    end = min(_ends(ph.parts, 0, toks, i, t.clause), default=-1)
                    if end > i:
                        out.append((ph, i, end))
        return out
