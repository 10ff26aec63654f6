"""One reading of a statement: its tokens, and where each kind of word the rules look for is.

Why one reading: every rule of a playbook asks about the same statement; tokenising it and
running one phrase index over it, once, keeps a check at a fraction of a millisecond however
many rules a pack has (the composer checks on every keystroke).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .lexicon import NOT_SO, VERB_NEGATORS, FALSEHOOD, REPORT_NOUNS, DENIALS, DISAVOW, NEGATED_AFTER, NEGATORS, NOT_CLAIMS, OPEN_QUESTION, UNKNOWING
from .phrases import Matcher, Phrase
from .text import MAX_CHARS, Token, tokens
from .verdict import Hit

_QUOTED = re.compile(r'"[^"\n]{1,400}"|“[^”\n]{1,400}”|‘[^’\n]{1,400}’|'
                     r"(?<![\w'])'(?:[^'\n]|(?<=\w)'(?=\w)){1,400}'(?![\w'])")
"""Words in quotation marks (straight or curly, double or single, one line, bounded: linear in
the text). A single quote inside a word ("don't", "the families' homes") is an apostrophe."""

Span = tuple[int, int, Phrase]
"""First token, token after the last, and the phrase that matched there."""

VERB_REACH = 3
"""How far back a verb or preposition that negates reaches ('avoid sharing the video', 'warn
against watching it'): its own object, not a whole clause."""

WINDOW = 8
"""How far back in its clause a negator reaches ('there is no evidence that anyone ... was involved')."""


@dataclass
class Reading:
    text: str
    toks: list[Token]
    spans: dict[str, list[Span]] = field(default_factory=dict)
    """Tag -> where phrases of that tag matched."""
    _about: set[int] | None = None
    _wrong: set[int] | None = None
    _clauses: dict[int, tuple[int, int]] | None = None
    _asked: set[int] | None = None
    _by_clause: dict[str, dict[int, list[Span]]] = field(default_factory=dict)
    _quotes: list[tuple[int, int]] | None = None
    memo: dict = field(default_factory=dict)
    """What a reading module works out once per statement and asks again for each rule or clause
    (stigma_groups' groups of a clause): keyed by the module's own names."""

    def clause_toks(self, clause: int) -> range:
        """The indices of a clause's tokens (tokens are in text order, so a clause is one run):
        a reading that looks within a clause costs the clause's length, not the statement's."""
        if self._clauses is None:
            runs: dict[int, tuple[int, int]] = {}
            for k, t in enumerate(self.toks):
                first = runs.get(t.clause, (k, k))[0]
                runs[t.clause] = (first, k + 1)
            self._clauses = runs
        first, end = self._clauses.get(clause, (0, 0))
        return range(first, end)

    def clause_has(self, clause: int, words: frozenset[str]) -> bool:
        """Whether a word of the clause (its lemma or spelling) is one of these."""
        return not words.isdisjoint(self._clause_words(clause, "words"))

    def clause_lemmas(self, clause: int) -> frozenset[str]:
        """The lemmas of a clause's words, gathered once per clause: a reading asked at every
        phrase of a long clause (a hostile text of one clause of 100,000 characters) costs a set
        look-up each time, not the clause's length."""
        return self._clause_words(clause, "lemmas")

    def _clause_words(self, clause: int, which: str) -> frozenset[str]:
        key = ("clause " + which, clause)
        found = self.memo.get(key)
        if found is None:
            toks = [self.toks[k] for k in self.clause_toks(clause)]
            lemmas = {t.lemma for t in toks}
            found = frozenset(lemmas) if which == "lemmas" else frozenset(lemmas | {t.low for t in toks})
            self.memo[key] = found
        return found

    def hit(self, span: Span, cue: str | None = None) -> Hit:
        i, j, ph = span
        start, end = self.toks[i].start, self.toks[j - 1].end
        return Hit(start, end, self.text[start:end], cue or ph.text)

    def negated(self, i: int, j: int) -> bool:
        """Whether tokens i..j are denied: a negator before them in the clause (within WINDOW words),
        a denial that scopes over the rest of its clause ('no evidence that ...'), or a denial
        just after ('is not known')."""
        clause = self.toks[i].clause
        if self.half_denied(i, clause):
            return False
        for si, _sj, _ph in self.spans.get("neg_scope", ()):
            if si < i and self.toks[si].clause == clause:
                return True
        for k in range(max(0, i - WINDOW), i):
            t = self.toks[k]
            if t.clause == clause and (t.lemma in NEGATORS or t.lemma in NOT_CLAIMS and not self._own_claim(k)):
                if t.lemma in VERB_NEGATORS and (k < i - VERB_REACH or "," in self.text[t.end:self.toks[i].start]):
                    continue  # 'what we're up against, his stream is live': 'against' governs its own words
                return True
        for k in range(j, min(len(self.toks), j + 3)):
            t = self.toks[k]
            if t.clause == clause and t.lemma in NEGATED_AFTER:
                return True
        return self._report_denied(i, j, clause)

    def _report_denied(self, i: int, j: int, clause: int) -> bool:
        """Whether the words sit inside a report that the clause then calls false ('the post
        saying the gunman came from the Northgate centre is false'): the report's noun before
        them, a word of falsehood after them, however long the report."""
        before = any(t.clause == clause and t.lemma in REPORT_NOUNS for t in self.toks[max(0, i - 2 * WINDOW):i])
        if not before:
            return False
        for k in range(j, min(len(self.toks), j + 2 * WINDOW)):
            t = self.toks[k]
            if t.clause != clause:
                break
            if t.lemma in FALSEHOOD:
                return True
            if t.lemma in ("not", "never") and k + 1 < len(self.toks) and self.toks[k + 1].lemma in NOT_SO:
                return True  # '... is not true', '... never happened'
        return False

    def quoted_and_answered(self, hits: list[Hit]) -> bool:
        """Whether every hit sits inside quotation marks and the statement, outside them, denies
        or corrects something: a claim quoted to answer it. Quoted and left unanswered, it is
        passed on ('a post says it was "just a fight"; we are looking into it')."""
        if not hits:
            return False
        if not all(self._in_quotes(h.start) and self._in_quotes(h.end - 1) for h in hits):
            return False
        return any((t.lemma in DENIALS or t.lemma in FALSEHOOD) and not self._in_quotes(t.start) for t in self.toks) or any(
            not self._in_quotes(self.toks[x[0]].start) for x in self.spans.get("corr", ()))

    def quoted_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each stretch in quotation marks, in text order (found once)."""
        if self._quotes is None:
            self._quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(self.text, 0, min(len(self.text), MAX_CHARS))]
        return self._quotes

    def _in_quotes(self, at: int) -> bool:
        """Whether character `at` lies inside quotation marks (the quoted spans found once, in
        text order, and searched by bisection: linear in the text however many quotes)."""
        if self._quotes is None:
            self._quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(self.text, 0, min(len(self.text), MAX_CHARS))]
        k = bisect.bisect_right(self._quotes, (at, len(self.text) + 1)) - 1
        return k >= 0 and self._quotes[k][0] < at < self._quotes[k][1] - 1

    def _own_claim(self, k: int) -> bool:
        """Whether a word of claiming at token k is the speaker's own ('my guess is...', 'our
        assumption is...'): it makes the claim, it does not talk about one."""
        return k > 0 and self.toks[k - 1].lemma in ("my", "our")

    def half_denied(self, i: int, clause: int) -> bool:
        """Whether words before token i in its clause decline to deny ('we cannot confirm reports
        that...', 'we are not ruling out'): what follows is repeated, not taken back."""
        return any(s[0] < i and self.toks[s[0]].clause == clause for s in self.spans.get("half_denial", ()))

    def denied_within(self, span: Span) -> bool:
        """Whether a negator the phrase does not itself say sits inside its match ('refugees are
        not to blame' against '{g} * be * to blame'; 'avoid Northgate' says its own 'avoid')."""
        i, j, ph = span
        own = {w for w in NEGATORS if w in ph.text.lower().split()}
        return any(self.toks[k].lemma in NEGATORS and self.toks[k].lemma not in own for k in range(i, j))

    def claims_about(self, clause: int) -> bool:
        """Whether a clause talks about a claim instead of making it ('we will not speculate'),
        or asks a question; a clause that declines to deny a claim repeats it (see half_denied)."""
        if self._about is None:
            toks = self.toks
            about = {t.clause for k, t in enumerate(toks) if t.lemma in NOT_CLAIMS and not self._own_claim(k)}
            denying = {t.clause for t in toks if t.lemma in DENIALS or t.lemma in UNKNOWING}
            # 'surprised if this wasn't...' guesses; 'we do not know if...' asks
            about |= {t.clause for k, t in enumerate(toks) if t.lemma in OPEN_QUESTION and t.clause in denying
                      and not (k and toks[k - 1].lemma in ("surprised", "surprise", "shocked"))}
            about |= self.questions() | self._hypothetical() | self._listed_unknowns() | self.put_by_others()
            about -= {self.toks[s[0]].clause for s in self.spans.get("half_denial", ())}
            self._about = about
        return clause in self._about

    def hypothetical_only(self) -> set[int]:
        """Clauses that are 'about a claim' only because they put a case ('if you want to...')."""
        asked = self.questions()
        return {c for c in self._hypothetical() if c not in asked and not self.clause_has(c, NOT_CLAIMS)}

    def put_by_others(self) -> set[int]:
        """The clauses of a question put in a transcript ('Q: Common Ground says its rivals made the
        video. Who is right? A: ...'): between a 'Q:' and the next 'A:', the words are the
        questioner's, reported, not the speaker's claims."""
        out: set[int] = set()
        start = None
        for t in self.toks:
            if t.low in ("q", "a") and self.text[t.end:t.end + 2].lstrip(" ").startswith(":"):
                if t.low == "q":
                    start = t.clause
                elif start is not None:
                    out |= set(range(start + 1, t.clause))
                    start = None
        return out

    def _listed_unknowns(self) -> set[int]:
        """The items under a heading of what is not known ('What we don't know yet: - the
        suspect's identity and motive'): they list open questions, they claim nothing."""
        out: set[int] = set()
        by_clause: dict[int, list[Token]] = {}
        for t in self.toks:
            by_clause.setdefault(t.clause, []).append(t)
        under = False
        for clause in sorted(by_clause):
            words = by_clause[clause]
            heading = self.text[words[-1].end:words[-1].end + 2].lstrip(" ").startswith(":")
            if under and not heading:
                out.add(clause)
            if heading:
                lemmas = {t.lemma for t in words}
                under = bool(lemmas & {"unknown", "unclear", "unconfirmed", "unanswered"}) or (
                    bool(lemmas & DENIALS) and bool(lemmas & {"know", "known", "confirm", "sure", "clear"}))
        return out

    def _hypothetical(self) -> set[int]:
        """Clauses that put a case to the reader ('if you see or suffer a hate incident, call
        101'): they describe what might happen to anyone, not what this attacker did."""
        out = set()
        for k, t in enumerate(self.toks):
            if t.lemma in ("if", "whenever", "anyone") and any(
                    u.lemma in ("you", "anyone", "someone", "somebody", "anybody", "who") and u.clause == t.clause
                    for u in self.toks[k + 1:k + 3]):
                out.add(t.clause)
        return out

    def questions(self) -> set[int]:
        """Clauses that end with a question mark: a question asks, it claims nothing ('Was the
        gunman one of the refugees?' in a press-conference transcript)."""
        if self._asked is not None:
            return self._asked
        out, last = set(), {}
        for t in self.toks:
            last[t.clause] = t.end
        for clause, end in last.items():
            rest = self.text[end:end + 4].lstrip(" \"'’”)")
            if rest.startswith("?"):
                out.add(clause)
        self._asked = out
        return out

    def disavows(self, clause: int) -> bool:
        """Whether a clause judges what it reports as wrong ('blaming refugees would be wrong')."""
        if self._wrong is None:
            self._wrong = {t.clause for t in self.toks if t.lemma in DISAVOW}
        return clause in self._wrong

    def starting_between(self, tag: str, clause: int, lo: int, hi: int) -> list[Span]:
        """A tag's spans in one clause that start between tokens lo and hi (both included), in
        text order: looked up by where they start (indexed once per tag and clause), so a reading
        asked at every mention in a very long clause does not read the whole clause each time."""
        key = ("starts of " + tag, clause)
        found = self.memo.get(key)
        if found is None:
            spans = self.in_clause(tag, clause)
            found = self.memo[key] = ([s[0] for s in spans], spans)
        starts, spans = found
        return spans[bisect.bisect_left(starts, lo):bisect.bisect_right(starts, hi)]

    def in_clause(self, tag: str, clause: int) -> list[Span]:
        """Where phrases of a tag matched in one clause (indexed by clause once per tag)."""
        index = self._by_clause.get(tag)
        if index is None:
            index = self._by_clause[tag] = {}
            for s in self.spans.get(tag, ()):
                index.setdefault(self.toks[s[0]].clause, []).append(s)
        return index.get(clause, [])


def read(text: str, matcher: Matcher, tags: dict[int, list[str]]) -> Reading:
    """Tokenise the text and find every tagged phrase in it."""
    toks = tokens(text)
    r = Reading(text, toks)
    for ph, i, j in matcher.find(toks):
        for tag in tags.get(id(ph), ()):
            r.spans.setdefault(tag, []).append((i, j, ph))
    return r
