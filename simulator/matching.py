"""Transparent statement matching: phrases, word stems and patterns, tolerant of case.

Why: trainers must be able to read why a statement passed or failed, so matching is plain
rules with the matched words reported, never a black box.
"""

from __future__ import annotations

import re
from typing import Any

from .models.playbook import Match
from .patterns import compile_pattern

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def normalise(text: str) -> str:
    """Lower case, straight quotes, single spaces."""
    return _SPACE.sub(" ", text.translate(_QUOTES).lower()).strip()


_CACHE: dict[int, tuple[Match, tuple]] = {}


def _compiled(rule: Match) -> tuple[tuple[str, Any], ...]:
    # Keyed by identity (models hold lists, so they do not hash); the rule is kept alive with its entry.
    entry = _CACHE.get(id(rule))
    if entry is not None and entry[0] is rule:
        return entry[1]
    out = []
    for phrase in rule.phrases:
        words = normalise(phrase).split(" ")
        out.append((phrase, re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b")))
    for stem in rule.words:
        # A stem matches its inflections: 'condemn' -> condemns, condemned, condemnation.
        out.append((stem, re.compile(r"\b" + re.escape(normalise(stem)) + r"\w*")))
    for pattern in rule.patterns:
        out.append((pattern, compile_pattern(pattern)))  # RE2: linear time, whatever the trainer wrote
    _CACHE[id(rule)] = (rule, tuple(out))
    return _CACHE[id(rule)][1]


def hits(rule: Match, text: str, normalised: bool = False) -> list[str]:
    """The rule's phrases, stems or patterns found in the text, as the words that matched."""
    norm = text if normalised else normalise(text)
    found = []
    for _label, rx in _compiled(rule):
        m = rx.search(norm)
        if m:
            found.append(m.group(0))
    return found


def matches(rule: Match, text: str, normalised: bool = False) -> bool:
    """Whether the text satisfies the rule (enough distinct hits)."""
    return len(hits(rule, text, normalised)) >= rule.min_hits


def matching_rules(rules: list, text: str) -> frozenset[str]:
    """Ids of the rules (anything with `.id` and `.match`) whose match the text satisfies."""
    norm = normalise(text)
    return frozenset(r.id for r in rules if matches(r.match, norm, normalised=True))
