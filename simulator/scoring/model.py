"""The scorecard: findings with evidence, and ratings rolled up per plan step, objective, capability and role."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict

Rating = Literal["P", "S", "M", "U", "N/A"]
"""HSEEP ratings: Performed without challenges, with Some challenges, with Major challenges, Unable
to be performed; N/A when not observed or not exercised."""

SEVERITY = {"P": 0, "S": 1, "M": 2, "U": 3}
"""Higher is worse; N/A is not rated."""
POINTS = {"P": 100.0, "S": 67.0, "M": 33.0, "U": 0.0}
"""How a rating counts towards the overall score."""
RATING_WORDS = {"P": "Performed without challenges", "S": "Performed with some challenges",
                "M": "Performed with major challenges", "U": "Unable to be performed", "N/A": "Not observed"}


def worst(ratings: Iterable[Rating]) -> Rating:
    rated = [r for r in ratings if r in SEVERITY]
    return max(rated, key=SEVERITY.__getitem__) if rated else "N/A"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Override(_Frozen):
    rating: Rating
    rationale: str
    by: str
    line: int


class Finding(_Frozen):
    """One judgement, with the rule behind it and the log lines that prove it."""

    id: str
    """Stable id: '<rule>:<target>'."""
    rule: str
    category: Literal["plan", "playbook", "chain"]
    title: str
    source: str
    roles: list[str]
    verdict: str
    rating: Rating
    suggested: Rating
    """The rating the rule suggested, before any evaluator override."""
    evidence: list[int]
    """1-based line numbers in the exercise log."""
    explanation: str
    matched: list[str] = []
    """Words or phrases that matched, for statement checks."""
    expectation: str | None = None
    objective: str | None = None
    capability: str | None = None
    override: Override | None = None


class Part(_Frozen):
    """One rating that a roll-up counted: a plan step's or a finding's, as it counted."""

    id: str
    """'expectation:<id>' for a plan step, else the finding's id."""
    rating: Rating
    """Its own rating."""
    counted: Rating
    """The rating the roll-up counted: a plan step that was not performed (U) and is not
    essential counts as M."""


class Rollup(_Frozen):
    """A rating for a plan step, objective, capability or role, and why."""

    id: str
    title: str
    rating: Rating
    suggested: Rating
    rule: str
    """What produced the rating, in words."""
    findings: list[str]
    override: Override | None = None
    parts: list[Part] = []
    """For objectives and capabilities: every rating the roll-up counted (N/A ones left out),
    so a report can say how many there were and which, and agree with this roll-up."""


class Scorecard(_Frozen):
    scenario: str
    final: bool
    """False while the exercise is still running (pending steps are not yet judged)."""
    minute: float
    score: float | None
    """0-100: P=100, S=67, M=33, U=0, averaged over plan steps (essential ones count 3x) and the
    playbook, chain-of-command and harm findings (harms 3x, prohibited content 2x)."""
    findings: list[Finding]
    expectations: list[Rollup]
    objectives: list[Rollup]
    capabilities: list[Rollup]
    roles: list[Rollup]
