"""What a console lists: inbox entries, things waiting on a role, and plan steps on the checklist
(folded from events by `display.ExerciseView`; the widgets only draw them)."""

from __future__ import annotations

from dataclasses import dataclass

@dataclass
class Item:
    """One inbox entry for one role."""

    key: str
    t: float
    kind: str
    """'inject', 'message', 'approval' (a request to this role) or 'answer' (to a request it made)."""
    title: str
    channel: str
    severity: str = "medium"
    sender: str = ""
    body: str = ""
    ref: str | None = None
    """Inject id or approval request id."""
    when: str = ""
    """The story time it arrived ('09:20'), as the inbox shows it."""


@dataclass
class Pending:
    """Something waiting on a role: a decision, an approval to give, or a granted approval to use."""

    key: str
    kind: str
    """'decision', 'approve' (answer someone's request) or 'approved' (use a granted request)."""
    title: str
    due: float | None = None
    ref: str = ""


@dataclass
class Step:
    """One plan step on the checklist."""

    id: str
    role: str
    description: str
    status: str = "waiting"
    """'waiting' (not triggered), 'pending', 'done' (on time), 'late_within_grace', 'late' (after its grace)
    or 'missed' (its grace ran out with nothing done), as the judge rules (simulator/judge.py)."""
    due: float | None = None
    grace: float = 0.0
    due_story: str | None = None
    """The story's clock at the due minute, set only when a jump between modules lies before it
    ('Week 2 Wed 07:47'): a countdown in exercise minutes alone would hide that it is days away."""
