"""What the statement checker says about one rule: met or broken, by which words, and why."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models.conditions import Condition


@dataclass(frozen=True)
class Hit:
    """Words of the statement that triggered a rule."""

    start: int
    end: int
    """Character span in the statement."""
    words: str
    """The statement's own words at that span."""
    cue: str
    """What the rule looked for there (a phrase, or a named pattern such as 'street address')."""
    until: Condition | None = field(default=None, compare=False)
    """This hit stops counting once the condition holds (a victim's name once the family is told)."""


@dataclass(frozen=True)
class Verdict:
    """One rule the statement met (a credited element) or broke (a prohibition)."""

    rule: str
    kind: str
    """The rule kind ('empathy', 'speculation'...), or 'phrases' for a rule of plain phrases."""
    harmful: bool
    hits: tuple[Hit, ...]
    why: str

    @property
    def words(self) -> list[str]:
        return [h.words for h in self.hits]


@dataclass(frozen=True)
class Result:
    """Every verdict on a statement, and what of it was not read."""

    verdicts: dict[str, Verdict]
    unread: int = 0
    """Characters past the checker's limit (text.MAX_CHARS), not judged."""

    def ids(self) -> frozenset[str]:
        return frozenset(self.verdicts)
