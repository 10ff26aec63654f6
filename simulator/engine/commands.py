"""Commands: what participants and the facilitator ask the exercise to do.

Commands are data. They are written to the exercise log, and fsync'd, before they are
applied; replay feeds the same commands to the same engine.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from .seats import Seat

FACILITATOR = "facilitator"
"""The `by` of facilitator commands."""


class CommandBase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["command"] = "command"
    t: float = 0.0
    """Exercise minute at which the command was applied (set by the session)."""
    by: str
    """The role that issues it, or 'facilitator'."""
    wall_time: str | None = None
    """Wall-clock stamp (ISO 8601); the only non-deterministic field in a log."""
    type: str
    """What the command asks; each command class fixes it (the union below tells them apart by it)."""


class TakeAction(CommandBase):
    type: Literal["take_action"] = "take_action"
    action: str
    approval: str | None = None
    """Id of a granted approval request that covers this action."""
    note: str | None = None


class MakeDecision(CommandBase):
    type: Literal["decide"] = "decide"
    inject: str
    option: str


class Overrule(CommandBase):
    """Overrule a decision a role below took: `option` stands in its place from now on. The call
    it replaces keeps what it already did (its effects and follow-ups stand: a wrong call has
    costs); the new option's effects, follow-ups and plan steps start now. Who may overrule,
    and until when, the judge says (judge.overrule_refusal)."""

    type: Literal["overrule"] = "overrule"
    inject: str
    """The decision inject."""
    option: str
    """The option that replaces the one chosen."""
    reason: str = Field(min_length=1)
    """Why, in the overruler's words: the decider reads it."""


class IssueStatement(CommandBase):
    """A public statement. Under an approval, leave out what the approved draft already says:
    the engine publishes the draft as it was approved (a field given must agree with it)."""

    type: Literal["issue_statement"] = "issue_statement"
    channel: str | None = None
    languages: list[str] | None = None
    audience: list[str] | None = None
    text: str | None = Field(default=None, min_length=1)
    approval: str | None = None


class RequestApproval(CommandBase):
    type: Literal["request_approval"] = "request_approval"
    to: str
    """The role asked to approve."""
    action: str | None = None
    """The action to approve; or leave empty and give a statement text."""
    text: str | None = None
    """The draft statement to approve."""
    channel: str | None = None
    languages: list[str] | None = None
    """The draft's languages, as chosen in the composer (None: not chosen; logs before they were kept)."""
    audience: list[str] | None = None
    """The draft's audiences (None: not chosen)."""
    revises: str | None = None
    """A denied request of this drafter that this draft replaces (edit and resubmit)."""


class AnswerApproval(CommandBase):
    """Grant or deny an approval request. A denial gives its reason in `note`. A grant may change
    a statement draft (approve with changes): the fields given replace the draft's, and the
    drafter publishes the draft as changed."""

    type: Literal["answer_approval"] = "answer_approval"
    request: str
    granted: bool
    note: str | None = None
    text: str | None = Field(default=None, min_length=1)
    channel: str | None = None
    languages: list[str] | None = None


class Delegate(CommandBase):
    type: Literal["delegate"] = "delegate"
    to: str
    authority: str


class SendMessage(CommandBase):
    type: Literal["send_message"] = "send_message"
    to: str
    intent: Literal["report", "directive", "request", "notify", "escalate"]
    text: str = Field(min_length=1)


class Pause(CommandBase):
    type: Literal["pause"] = "pause"


class Resume(CommandBase):
    type: Literal["resume"] = "resume"


class SetSpeed(CommandBase):
    type: Literal["set_speed"] = "set_speed"
    speed: float = Field(gt=0, le=120)


class JumpToNext(CommandBase):
    type: Literal["jump_to_next"] = "jump_to_next"


class JumpTo(CommandBase):
    """Jump the clock forward to a minute (the start of a module is one). Unless told to go
    through, the jump stops a minute before the next deadline on the way (a decision due, a
    plan step due), so nobody loses a deadline to a jump without seeing it."""

    type: Literal["jump_to"] = "jump_to"
    to: float = Field(ge=0, allow_inf_nan=False)
    through_deadlines: bool = False
    module: str | None = None
    """The module whose start `to` is, when the facilitator jumped to one (for the record)."""


class SetLiveCheck(CommandBase):
    """Turn the composer's live playbook check on or off (off for an assessed exercise)."""

    type: Literal["set_live_check"] = "set_live_check"
    on: bool


class FireInject(CommandBase):
    type: Literal["fire_inject"] = "fire_inject"
    inject: str


class AdHocInject(CommandBase):
    type: Literal["ad_hoc_inject"] = "ad_hoc_inject"
    sender: str = "Exercise control"
    to: list[str] | Literal["all"] = "all"
    channel: str = "briefing"
    title: str = Field(min_length=1)
    body: str = Field(min_length=1)
    severity: Literal["routine", "low", "medium", "high", "critical"] = "medium"


class ObserverNote(CommandBase):
    type: Literal["observer_note"] = "observer_note"
    text: str = Field(min_length=1)
    role: str | None = None
    """The role the note is about, if any."""


class HotWashAnswer(CommandBase):
    type: Literal["hot_wash_answer"] = "hot_wash_answer"
    question: str = Field(min_length=1)
    """Question id: '<module>.<n>' for a module's discussion question, 'feedback.<key>' for the feedback form."""
    text: str = Field(min_length=1)
    """The question as it was asked."""
    answer: str = Field(min_length=1)


class OverrideRating(CommandBase):
    type: Literal["override_rating"] = "override_rating"
    target: str = Field(min_length=1)
    """A finding id, or 'objective:<id>', 'capability:<name>', 'expectation:<id>'."""
    rating: Literal["P", "S", "M", "U", "N/A"]
    rationale: str = Field(min_length=1)


class MarkRead(CommandBase):
    """A participant has opened inbox items. Logged so that a resumed console, a replay and a
    second console show the same unread marks as the console the person read them on."""

    type: Literal["mark_read"] = "mark_read"
    items: list[str] = Field(min_length=1)
    """Inbox item keys, as the display model names them ('i:<inject>', 'a:<request>', ...)."""


AFTER_END = ("hot_wash_answer", "override_rating", "observer_note", "mark_read")
"""Commands that still make sense once the exercise has ended."""


class TakeSeat(CommandBase):
    """Hand a role's seat to a person or to simulated staff mid-exercise (a participant leaves,
    a facilitator fills a gap, or a what-if branch lets the team replay a moment themselves)."""

    type: Literal["take_seat"] = "take_seat"
    role: str
    seat: Seat


class EndExercise(CommandBase):
    type: Literal["end_exercise"] = "end_exercise"


Command = Annotated[
    Union[
        TakeAction, MakeDecision, Overrule, IssueStatement, RequestApproval, AnswerApproval, Delegate, SendMessage,
        Pause, Resume, SetSpeed, JumpToNext, FireInject, AdHocInject, ObserverNote, EndExercise,
        HotWashAnswer, OverrideRating, TakeSeat, MarkRead, JumpTo, SetLiveCheck,
    ],
    Field(discriminator="type"),
]
COMMANDS = TypeAdapter(Command)
"""Validates a command from JSON data."""
