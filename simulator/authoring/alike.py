"""Whether a decision option and a plan step say the same thing: the lint's "look alike but are not
linked" warning (an option that *is* a step should name it in `meets`).

The measure is transparent so an author can see why it fired: the content lemmas (simplemma, as the
statement checker uses) both texts share, each weighted by how rare it is in the pack (a word every
inject and step uses, such as 'city' or 'police', says little), as a share of the option's own
weighted content. Words the option negates ('with no city contact point', 'do not share') are not
its content: an option that refuses what a step does is its opposite, not its twin.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..statements.text import tokens

_FUNCTION_WORDS = frozenset("""
a an the and or nor but if then than so as of to for in on at by with from into onto over under up down out
off about after before during until while since through across along around near past per via
be is are was were been being have has had do does did will would can could shall should may might must
it its this that these those there here their them they his her him he she we our us you your i my me
who whom which what when where why how all any some each every both either neither more most other such
own same only also just very too now not no without never nothing none
""".split())
_NEGATORS = frozenset({"no", "not", "without", "never", "nothing", "none", "nor", "neither"})
_SCOPE = 4
"""Tokens after a negator that it negates ('with no city contact point': city, contact, point)."""

THRESHOLD = 0.55
"""Weighted share of the shorter text's content found in the other at which they count as alike. On
the shipped packs the options that are their steps score 0.6 to 1.0, and the closest pair that is
not the same act 0.46 ('correct it with faith leaders' against 'meet faith leaders')."""
MIN_SHARED = 4
"""At least this many content lemmas shared: two or three shared words are a topic, not a twin."""


def content(text: str) -> frozenset[str]:
    """The content lemmas a text asserts: no function words, numbers or negated words."""
    out: set[str] = set()
    negated_until = -1
    for k, tok in enumerate(tokens(text)):
        if tok.low in _NEGATORS:
            negated_until = k + _SCOPE
            continue
        if k <= negated_until or tok.lemma in _FUNCTION_WORDS or not tok.lemma.isalpha() or len(tok.lemma) < 3:
            continue
        out.add(tok.lemma)
    return frozenset(out)


@dataclass(frozen=True)
class Weights:
    """How much each lemma says, from how many of the pack's texts use it (inverse document frequency)."""

    df: Counter
    n: int

    @classmethod
    def of(cls, texts: Iterable[frozenset[str]]) -> "Weights":
        docs = list(texts)
        return cls(Counter(w for d in docs for w in d), len(docs))

    def __call__(self, lemma: str) -> float:
        return math.log((self.n + 1) / (self.df.get(lemma, 0) + 1)) + 1.0


@dataclass(frozen=True)
class Likeness:
    score: float
    shared: tuple[str, ...]

    @property
    def alike(self) -> bool:
        return len(self.shared) >= MIN_SHARED and self.score >= THRESHOLD


def likeness(option: frozenset[str], step: frozenset[str], weight: Weights) -> Likeness:
    """How much of the weighted content of the shorter of the two the other also says (an option
    that adds a clause, or a step that spells out more, is still the same act)."""
    shared = option & step
    total = min(sum(weight(w) for w in option), sum(weight(w) for w in step))
    score = sum(weight(w) for w in shared) / total if total else 0.0
    return Likeness(score, tuple(sorted(shared)))


def step_text(description: str, action_label: str | None, action_description: str | None) -> str:
    """What a plan step says it does: its description and its catalogue action's label and description."""
    return " ".join(t for t in (description, action_label, action_description) if t)
