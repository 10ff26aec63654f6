"""Phrase rules over lemmas: the one matcher every statement rule uses.

A phrase is written as a reader would ('do not yet know', 'thoughts are with'). Each word is
compared by lemma, so inflections match; a word may list alternatives ('stay|remain calm'); '*'
stands for up to three words of the same clause ('no * evidence'); a word ending in '~' is a stem
matched on its spelling ('sympath~': sympathy, sympathise). Phrases are indexed by their first
word, so a statement is read once whatever the number of rules: the work is in step with the
length of the text and the number of places a phrase could start, never with both multiplied.
A phrase is only walked where the word after its first position is one its second can start
with: most places a common word ('we', 'not', a group word) stands, few of its phrases go on.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .text import Token, lemma

GAP = 3
"""How many words '*' may stand for."""

POOL_CACHE = 50_000
"""How many distinct words' phrase pools a matcher keeps (see Matcher._pool)."""

Alt = tuple[str, ...]
"""One alternative of a position: the lemmas of one or more words ('asylum seeker')."""


@dataclass(frozen=True)
class Phrase:
    text: str
    """As the trainer (or the built-in lexicon) wrote it: what a verdict quotes as the cue."""
    parts: tuple["Choice | str", ...]
    """Each a Choice, or GAP_PART."""


GAP_PART = "*"


STEM = "\u0001"
"""Marks a word of an alternative as a stem: matched on the start of the word's spelling or lemma."""


def _word(w: str) -> str:
    if w.endswith("~") and len(w) > 1:
        return STEM + w[:-1]
    return lemma(w)


class Choice:
    """One position of a phrase: its alternatives, indexed by first word so that a position with
    hundreds of alternatives (every group word of a pack) costs one look-up per token."""

    __slots__ = ("alts", "by_word", "stems", "_stems_by", "_short")

    def __init__(self, alts: list[Alt]):
        self.alts = tuple(alts)
        self.by_word: dict[str, list[Alt]] = {}
        self.stems: list[Alt] = []
        self._stems_by: dict[str, list[Alt]] = {}
        """Stems by the first three letters a word they match starts with (their own, and their
        lemma's): a position with dozens of stems ('deploy~|patrol~|...') costs a look-up a word."""
        self._short: list[Alt] = []
        """Stems of fewer than three letters (or whose lemma has fewer), tried one by one."""
        for alt in alts:
            if alt[0][:1] == STEM:
                self.stems.append(alt)
                prefix = alt[0][1:]
                keys = {prefix[:3], lemma(prefix)[:3]}
                if min(len(k) for k in keys) < 3:
                    self._short.append(alt)
                else:
                    for key in keys:
                        self._stems_by.setdefault(key, []).append(alt)
            else:
                self.by_word.setdefault(alt[0], []).append(alt)

    def __iter__(self):
        return iter(self.alts)

    def at(self, t: Token) -> list[Alt]:
        """The alternatives whose first word is this token."""
        found = self.by_word.get(t.lemma, [])
        if t.low != t.lemma:
            found = found + self.by_word.get(t.low, [])
        if self.stems:
            near = self._stems_by.get(t.low[:3], [])
            if t.lemma[:3] != t.low[:3]:
                near = near + self._stems_by.get(t.lemma[:3], [])
            maybe = near + self._short if self._short else near
            if maybe:
                seen: set[int] = set()
                for a in maybe:
                    if id(a) not in seen and _same(t, a[0]):
                        seen.add(id(a))
                        found = found + [a]
        return found


@functools.lru_cache(maxsize=4096)
def _part(word: str) -> "Choice | str":
    """One position of a phrase, compiled once and shared: every blame template that starts with
    the pack's group words holds the same Choice, so Matcher.find reads it once per word."""
    if word == "*":
        return GAP_PART
    alts = []
    for alt in word.split("|"):
        alt = alt.replace("_", " ")  # 'asylum_seeker' as one alternative of two words
        words = tuple(_word(w) for w in alt.lower().replace("’", "'").split())
        if words:
            alts.append(words)
    return Choice(alts)


def _same(t: Token, want: str) -> bool:
    if want[:1] == STEM:
        prefix = want[1:]
        return t.low.startswith(prefix) or t.lemma.startswith(prefix) or t.lemma.startswith(lemma(prefix))
    return t.lemma == want or t.low == want


def compile_phrase(text: str) -> Phrase | None:
    """A phrase ready to match, or None when it has no words (only punctuation, say)."""
    from .text import tokens
    raw = text.strip()
    pieces: list[Choice | str] = []
    for word in raw.split():
        if word == "*" or word.endswith("~") or "|" in word or "_" in word or word in ("'s", "’s"):
            # ("'s" alone: the tokeniser reads a word, and would keep only its 's'; in a statement
            # "sister's" is 'sister' then "'s", which is what the phrase means)
            pieces.append(_part(word))
        else:
            # A plain word goes through the statement tokeniser, so "don't", "11:40" or "gurdwara's"
            # split exactly as they do in a statement.
            pieces.extend(Choice([(t.lemma,)]) for t in tokens(word))
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
        if not _same(toks[i + k], want):
            return -1
    return i + len(alt)


Memo = dict[tuple[int, int], tuple[int, ...]]
"""Where a Choice, starting at a token, can end: (id of the Choice, token) -> ends, for one statement."""


def _choice_ends(part: "Choice", toks: list[Token], i: int, memo: Memo) -> tuple[int, ...]:
    key = (id(part), i)
    found = memo.get(key)
    if found is None:
        ends = []
        for alt in part.at(toks[i]):
            j = i + 1 if len(alt) == 1 else _alt_at(alt, toks, i)
            if j >= 0 and j not in ends:
                ends.append(j)
        found = memo[key] = tuple(ends)
    return found


def _ends(parts: tuple["Choice | str", ...], p: int, toks: list[Token], i: int, clause: int,
          memo: Memo | None = None) -> Iterator[int]:
    """Every index at which parts[p:] can end when starting at token i: the definition of a
    match, which the matcher's faster walk (_shortest_end) is tested against."""
    if p == len(parts):
        yield i
        return
    part = parts[p]
    if part is GAP_PART:
        for skip in range(GAP + 1):
            j = i + skip
            if j > len(toks) or (skip and toks[j - 1].clause != clause):
                break
            yield from _ends(parts, p + 1, toks, j, clause, memo)
        return
    if i >= len(toks):
        return
    assert isinstance(part, Choice)
    if memo is None:
        memo = {}
    for j in _choice_ends(part, toks, i, memo):
        yield from _ends(parts, p + 1, toks, j, clause, memo)


FOUND, GO = range(2)
"""How find() goes on from a word that starts a phrase (see Matcher._pool)."""

Start = tuple[Phrase, "frozenset[str] | None", int, "frozenset[str] | None", "frozenset[str] | None"]
"""A phrase a word starts: the phrase, the words its last position needs, FOUND or GO, the words
that may follow the word, and the words that must follow its first position when that position
may run on."""


class Matcher:
    """Many phrases, matched together against one statement's tokens."""

    def __init__(self, phrases: Iterable[Phrase]):
        self.by_first: dict[str, list[Phrase]] = {}
        self.stems: dict[str, list[Phrase]] = {}
        """Phrases that start with a stem, by the stem's first three letters (a statement word's
        first letters find them with one look-up, however many stems there are)."""
        self.short_stems: list[tuple[str, Phrase]] = []
        """Phrases that start with a stem too short to index, with that stem."""
        self.need: dict[int, frozenset[str]] = {}
        """Per phrase, the words its last position can start with: a phrase none of whose last
        words is in the statement cannot match, and is not tried (most blame templates end in a
        word few statements say, and there are dozens of them at every group word)."""
        self.need_prefix: dict[int, frozenset[str]] = {}
        """Per phrase whose last position has stems, the three-letter starts a statement word must
        have for it to match (with `need`'s words): such phrases are pruned the same way."""
        self.then: dict[int, frozenset[str]] = {}
        """Per phrase whose second position is plain words (nearly all), those words: find() walks
        such a phrase only where one of them follows its first position ('we' or 'not' starts a
        hundred phrases, every group word hundreds of blame templates, and at any one place few
        of them go on)."""
        self._pools: dict[tuple[str, str], list[Start]] = {}
        for ph in phrases:
            second = ph.parts[1] if len(ph.parts) > 1 else None
            if isinstance(second, Choice) and not second.stems:
                self.then[id(ph)] = frozenset(second.by_word)
            last = next((q for q in reversed(ph.parts) if q is not GAP_PART), None)
            if len(ph.parts) > 1 and isinstance(last, Choice) and not last.stems:
                self.need[id(ph)] = frozenset(last.by_word)
            elif len(ph.parts) > 1 and isinstance(last, Choice) and all(
                    len(a[0]) > 3 and len(lemma(a[0][1:])) >= 3 for a in last.stems):
                # A last position with stems ('deploy~|patrol~'): its words, and the first three
                # letters of its stems (and of their lemmas), which a statement word must start with.
                self.need[id(ph)] = frozenset(last.by_word)
                self.need_prefix[id(ph)] = frozenset(
                    x for a in last.stems for x in (a[0][1:4], lemma(a[0][1:])[:3]))
            first_part = ph.parts[0]
            assert isinstance(first_part, Choice)  # compile_phrase strips leading gaps
            for alt in first_part:
                first = alt[0]
                if first[:1] == STEM:
                    keys = {first[1:4], lemma(first[1:])[:3]}
                    if min(len(k) for k in keys) < 3:
                        # a stem of fewer than three letters (or whose lemma is): no three letters
                        # to look it up by, so it is tried at every word, as Choice.at does
                        self.short_stems.append((first, ph))
                    for key in keys:
                        self.stems.setdefault(key, []).append(ph)
                else:
                    self.by_first.setdefault(first, []).append(ph)

        for word in list(self.by_first):
            self._pool((word, word))  # every word a phrase starts with, ready before the first keystroke

    def _pool(self, key: tuple[str, str]) -> list[Start]:
        """The phrases a word (lemma, spelling) starts, each once, and how find() goes on from it:
        FOUND, a phrase of one position that this word alone fills; else GO, with the words that
        may come next (the second words of the first position's alternatives this word starts,
        and the words the phrase's second position starts with when this word alone can fill the
        first), and, when the first position may run on ('asylum seekers'), the words that must
        follow it. A phrase whose stem only shares this word's first letters is left out. Worked
        out once per distinct word for the life of the matcher (the composer checks the same
        words keystroke after keystroke), not once per statement."""
        found = self._pools.get(key)
        if found is None:
            lem, low = key
            pool = self.by_first.get(lem, [])
            if low != lem:
                pool = pool + self.by_first.get(low, [])
            for prefix in {low[:3], lem[:3]}:
                pool = pool + self.stems.get(prefix, [])
            word = Token(0, 0, low, lem, 0)
            if self.short_stems:
                pool = pool + [ph for stem, ph in self.short_stems if _same(word, stem)]
            picked: dict[int, Phrase] = {}
            for ph in pool:
                picked.setdefault(id(ph), ph)  # a phrase reached twice (lemma and spelling) is tried once
            found = []
            for ph in picked.values():
                here = ph.parts[0].at(word)  # type: ignore[union-attr]
                if not here:
                    continue
                alone = any(len(a) == 1 for a in here)
                if alone and len(ph.parts) == 1:
                    found.append((ph, self.need.get(id(ph)), FOUND, None, None))
                    continue
                then = self.then.get(id(ph))
                nexts = {a[1] for a in here if len(a) > 1}
                if alone:
                    nexts |= then if then is not None else {STEM}
                follow = None if any(w[:1] == STEM for w in nexts) else frozenset(nexts)
                runs_on = then if then is not None and any(len(a) > 1 for a in here) else None
                found.append((ph, self.need.get(id(ph)), GO, follow, runs_on))
            if len(self._pools) >= POOL_CACHE:
                self._pools.clear()  # bounded: a flood of distinct words (another script, noise) cannot grow it
            self._pools[key] = found
        return found

    def find(self, toks: list[Token]) -> list[tuple[Phrase, int, int]]:
        """(phrase, first token, token after the last) for every place a phrase matches; the
        shortest match at each start (a reader's reading of the phrase)."""
        out: list[tuple[Phrase, int, int]] = []
        memo: Memo = {}
        said = {t.lemma for t in toks} | {t.low for t in toks}
        starts: set[str] | None = None
        prefixes = self.need_prefix
        # The phrases a word can start, without those whose last words the statement never says:
        # worked out once per distinct word of the statement, not at every place it stands.
        starting: dict[tuple[str, str], list[Start]] = {}
        last = len(toks) - 1
        for i, t in enumerate(toks):
            key = (t.lemma, t.low)
            cands = starting.get(key)
            if cands is None:
                cands = []
                for start in self._pool(key):
                    need = start[1]
                    if need is None or not need.isdisjoint(said):
                        cands.append(start)
                    elif id(start[0]) in prefixes:
                        if starts is None:
                            starts = {w[:3] for w in said}
                        if not prefixes[id(start[0])].isdisjoint(starts):
                            cands.append(start)
                starting[key] = cands
            nxt = toks[i + 1] if i < last else None
            for ph, _need, how, follow, runs_on in cands:
                if how == FOUND:
                    out.append((ph, i, i + 1))
                    continue
                if follow is not None and (nxt is None or (nxt.lemma not in follow and nxt.low not in follow)):
                    continue
                if runs_on is not None and not any(
                        e <= last and (toks[e].lemma in runs_on or toks[e].low in runs_on)
                        for e in _choice_ends(ph.parts[0], toks, i, memo)):  # type: ignore[arg-type]
                    continue
                end = _shortest_end(ph.parts, toks, i, t.clause, memo)
                if end > i:
                    out.append((ph, i, end))
        return out


def _shortest_end(parts: tuple["Choice | str", ...], toks: list[Token], i: int, clause: int, memo: Memo) -> int:
    """The shortest end of a phrase starting at token i (-1: no match): the same as
    min(_ends(...)), walked position by position over the set of places reached instead of
    through nested generators. A '*' reaches up to GAP words further, within the clause of the
    phrase's first word."""
    positions = [i]
    n = len(toks)
    for part in parts:
        reached: list[int] = []
        if part is GAP_PART:
            for pos in positions:
                reached.append(pos)
                for j in range(pos + 1, min(pos + GAP, n) + 1):
                    if toks[j - 1].clause != clause:
                        break
                    reached.append(j)
            positions = sorted(set(reached))
            continue
        for pos in positions:
            if pos < n:
                reached.extend(_choice_ends(part, toks, pos, memo))  # type: ignore[arg-type]
        if not reached:
            return -1
        positions = reached if len(reached) == 1 else sorted(set(reached))
    return positions[0]
