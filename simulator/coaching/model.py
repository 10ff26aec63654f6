"""Coached feedback for one seat: what the person in it did, against what only they could do.

One typed model, built once from the scorecard (simulator/scoring) and rendered as text for the
terminal and the consoles, or dumped as JSON. Why built on the scorecard: every verdict here is a
finding the scorer already made (the judge's timeliness, the chain of command's approvals, the
playbook's words); the coaching only gathers them by seat and puts them in the order a new mayor
learns from. Nothing is judged twice.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..scoring.model import Rating


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Authorised(_Frozen):
    """Something only this seat could authorise, and whether and when it did."""

    kind: Literal["plan_step", "power", "approval"]
    """A plan step that needs a power only this role holds; a power it holds that no step asks
    for (still worth knowing it exists); or an approval asked of it."""
    what: str
    authority: str | None = None
    due: float | None = None
    done_at: float | None = None
    by: str | None = None
    """Who did it: this role, or whoever stood in for it."""
    verdict: str
    rating: Rating
    explanation: str
    evidence: list[int] = []
    finding: str | None = None


class Call(_Frozen):
    """Someone this seat should have called, told or asked, by when, and whether it did."""

    whom: str | None = None
    """The role or party to reach (None when the plan step itself says who)."""
    what: str
    due: float | None = None
    done_at: float | None = None
    by: str | None = None
    verdict: str
    rating: Rating
    explanation: str
    evidence: list[int] = []
    finding: str | None = None


class Option(_Frozen):
    id: str
    label: str
    note: str | None = None
    """The scenario's reason for or against it."""


class DecisionReview(_Frozen):
    """A decision put to this seat: the option taken against the one the plan favours, with reasons."""

    inject: str
    prompt: str
    asked_at: float
    decided_at: float | None = None
    chosen: Option | None = None
    favoured: Option | None = None
    lapsed: bool = False
    verdict: str
    rating: Rating
    explanation: str
    facilitator_notes: str | None = None
    evidence: list[int] = []


class RuleVerdict(_Frozen):
    """One playbook rule a statement met or broke, with the words of the statement that triggered it."""

    rule: str
    label: str
    kind: Literal["element", "key_message", "audience", "rumour", "prohibited"]
    words: list[str]
    source: str


class StatementReview(_Frozen):
    """A statement this seat issued, approved or turned down, and what the playbook says of it."""

    part: Literal["issued", "approved", "denied"]
    minute: float
    by: str
    text: str
    covers: list[RuleVerdict]
    breaks: list[RuleVerdict]
    rating: Rating
    explanation: str
    evidence: list[int] = []


class Practice(_Frozen):
    """One thing to practise next, with the moment of this exercise it comes from."""

    title: str
    why: str
    rating: Rating
    minute: float | None = None
    """Where a what-if branch should start to practise it (None: no single moment)."""


class SeatFeedback(_Frozen):
    scenario: str
    scenario_title: str
    role: str
    role_title: str
    final: bool
    minute: float
    rating: Rating
    """The seat's roll-up on the scorecard (its worst finding)."""
    score: float | None
    """The whole team's score, for context."""
    authorised: list[Authorised]
    calls: list[Call]
    decisions: list[DecisionReview]
    statements: list[StatementReview]
    practise: list[Practice]
    """At most three, most important first."""
    moment: Practice | None = None
    """The most important moment to re-run as a what-if branch: the first thing to practise that has one."""
