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


class _Judged(_Frozen):
    """What every judged item of the feedback carries: its rating, why, the log lines behind it,
    and the scorer's finding it comes from (one set of fields, not one per kind of item)."""

    rating: Rating
    explanation: str
    evidence: list[int] = []
    finding: str | None = None


class Authorised(_Judged):
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


class Call(_Judged):
    """Someone this seat should have called, told or asked, by when, and whether it did."""

    whom: str | None = None
    """The role or party to reach (None when the plan step itself says who)."""
    what: str
    due: float | None = None
    done_at: float | None = None
    by: str | None = None
    verdict: str


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


class WrongCall(_Judged):
    """A decision taken below this seat on an option the plan does not favour, and whether this seat
    overruled it (and when) or let it stand."""

    inject: str
    prompt: str
    decider: str
    decider_title: str
    staff: bool
    """Whether simulated staff took it."""
    decided_at: float
    chosen: Option
    favoured: Option
    until: float
    """The last minute it could be overruled (judge.overrule_ends)."""
    verdict: Literal["overruled", "let_stand", "overruled_by_another"]
    overruled_at: float | None = None
    overruled_by: str | None = None
    replacement: Option | None = None
    """The option this seat (or another) put in its place."""


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
    wrong_calls: list[WrongCall] = []
    """Wrong calls taken below this seat, each overruled or let stand."""
    supervises: bool = False
    """Whether any role of the exercise is below this seat (else it has no calls to overrule)."""
    statements: list[StatementReview]
    practise: list[Practice]
    """At most three, most important first."""
    moment: Practice | None = None
    """The most important moment to re-run as a what-if branch: the first thing to practise that has one."""
