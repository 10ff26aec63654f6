"""Events: what happened, in the past tense. The engine emits them; the log keeps them.

Events carry no wall-clock time: the same scenario, seed and commands give the same events.

Why dataclasses: the engine creates one object per event on its hot path, and a slotted
dataclass is built about five times faster than a pydantic model. Pydantic still validates and
serialises them (TypeAdapter), so they round-trip through JSON like every other record.
Treat them as immutable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar, Union, dataclass_transform, get_args

from pydantic import Field, TypeAdapter

_E = TypeVar("_E")


@dataclass_transform(kw_only_default=True)
def event(cls: type[_E]) -> type[_E]:
    """Make an event class: a slotted, keyword-only dataclass (type checkers see its fields too)."""
    return dataclass(slots=True, kw_only=True)(cls)

AddedList = Annotated[list[str] | None, Field(exclude_if=lambda v: v is None)]
"""A field added to an event after logs were written with it: left out of the line while it is
None, so a log written before it replays to the same text."""
AddedText = Annotated[str | None, Field(exclude_if=lambda v: v is None)]
"""The same, for a text field."""
AddedMinute = Annotated[float | None, Field(exclude_if=lambda v: v is None)]
"""The same, for a minute."""


@event
class Event:
    kind: Literal["event"] = "event"
    type: str = "event"
    t: float
    """Exercise minute."""

    def to_json(self) -> str:
        """One log line (without its newline)."""
        return _adapter(type(self)).dump_json(self).decode()

    def to_dict(self) -> dict[str, Any]:
        return _adapter(type(self)).dump_python(self, mode="json")


_ADAPTERS: dict[type[Event], TypeAdapter[Event]] = {}


def _adapter(cls: type[Event]) -> TypeAdapter[Event]:
    """The event class's TypeAdapter, built the first time it is needed (building one is slow)."""
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    return adapter


@event
class ExerciseStarted(Event):
    type: Literal["exercise_started"] = "exercise_started"
    scenario: str
    seed: int


@event
class ModuleStarted(Event):
    type: Literal["module_started"] = "module_started"
    module: str
    title: str


@event
class InjectDelivered(Event):
    type: Literal["inject_delivered"] = "inject_delivered"
    inject: str
    to: list[str]
    channel: str
    severity: str
    title: str
    cue: str
    """Why now: 'scheduled', 'trigger', 'follow_up:<inject>', 'contingency:<step>', 'facilitator', 'ad_hoc'."""
    sender: str | None = None
    body: str | None = None
    """Only for ad-hoc injects, whose text is not in the scenario."""


@event
class StateChanged(Event):
    type: Literal["state_changed"] = "state_changed"
    values: dict[str, float]
    """New values of the variables that changed."""
    cause: str


_new = object.__new__


def inject_delivered(t: float, inject: str, to: list[str], channel: str, severity: str, title: str,
                     cue: str) -> InjectDelivered:
    """`InjectDelivered(t=t, inject=inject, ...)` for a scenario's inject, made as the engine's hot
    path needs it (see state_changed)."""
    e = _new(InjectDelivered)
    e.kind, e.type, e.t, e.inject, e.to, e.channel = "event", "inject_delivered", t, inject, to, channel
    e.severity, e.title, e.cue, e.sender, e.body = severity, title, cue, None, None
    return e


def state_changed(t: float, values: dict[str, float], cause: str) -> StateChanged:
    """`StateChanged(t=t, values=values, cause=cause)`, made as the engine's hot path needs it.

    Why not the constructor: calling a class with keywords makes CPython gather them into a dict
    for `__init__`, which costs more than the rest of the event; an engine delivering thousands of
    injects makes two events per inject. Setting the slots directly takes a third of the time.
    Every field of the class is set here (tests/test_engine_events.py checks it against the
    constructor, so a field added to the class must be added here too).
    """
    e = _new(StateChanged)
    e.kind, e.type, e.t, e.values, e.cause = "event", "state_changed", t, values, cause
    return e


@event
class DecisionMade(Event):
    type: Literal["decision_made"] = "decision_made"
    inject: str
    option: str
    by: str
    staff: bool = False


@event
class DecisionOverruled(Event):
    """Someone above the decider put another option in place of the one it chose (commands.Overrule)."""

    type: Literal["decision_overruled"] = "decision_overruled"
    inject: str
    option: str
    """The option that stands from now on."""
    replaced: str
    """The option the decider chose."""
    decider: str
    """Who took the decision that was overruled."""
    by: str
    reason: str


@event
class DecisionLapsed(Event):
    type: Literal["decision_lapsed"] = "decision_lapsed"
    inject: str
    option: str | None
    """The on_timeout option applied, if any."""


@event
class ActionTaken(Event):
    type: Literal["action_taken"] = "action_taken"
    action: str
    by: str
    staff: bool = False
    approval: str | None = None
    note: str | None = None


@event
class StatementIssued(Event):
    type: Literal["statement_issued"] = "statement_issued"
    by: str
    channel: str
    languages: list[str]
    audience: list[str]
    text: str
    approval: str | None = None
    staff: bool = False


@event
class StatementJudged(Event):
    """What the playbook's checker said of a text, the first time the exercise judged it (a
    statement issued, or a draft simulated staff weighed). Replay and the scorer read the verdicts
    from here, so a log is judged by the rules it was played with (statements/kept.py says why)."""

    type: Literal["statement_judged"] = "statement_judged"
    text: str
    verdicts: list[dict[str, Any]]
    """statements.kept.to_data of the checker's result, before any prohibition is lifted."""
    unread: int = 0
    """Characters past the checker's limit, not judged."""


@event
class ApprovalRequested(Event):
    type: Literal["approval_requested"] = "approval_requested"
    request: str
    by: str
    to: str
    action: str | None = None
    text: str | None = None
    channel: str | None = None
    languages: AddedList = None
    """The draft statement's languages (None for an action, or when the request named none)."""
    audience: AddedList = None
    staff: bool = False
    reason: AddedText = None
    """Why the drafter asks (simulated staff: the plan step it serves); None when not given."""
    due: AddedMinute = None
    """The minute by which the drafter needs the answer (the plan step's due minute); None when not given."""
    revises: AddedText = None
    """A denied request of the same drafter that this one revises (edit and resubmit)."""


@event
class ApprovalAnswered(Event):
    type: Literal["approval_answered"] = "approval_answered"
    request: str
    by: str
    granted: bool
    staff: bool = False
    note: AddedText = None
    """The approver's reason (a denial always gives one) or note."""
    text: AddedText = None
    """Approved with changes: the draft's text as the approver changed it (published as such)."""
    channel: AddedText = None
    languages: AddedList = None


@event
class InboxRead(Event):
    type: Literal["inbox_read"] = "inbox_read"
    by: str
    items: list[str]
    """Inbox item keys the role opened (see commands.MarkRead)."""


@event
class Delegated(Event):
    type: Literal["delegated"] = "delegated"
    by: str
    to: str
    authority: str


@event
class MessageSent(Event):
    type: Literal["message_sent"] = "message_sent"
    by: str
    to: str
    intent: str
    text: str
    staff: bool = False
    decision: AddedText = None
    """The decision inject the message tells of (staff report a decision they took to the one
    who may overrule it); None for any other message."""


@event
class ExpectationTriggered(Event):
    type: Literal["expectation_triggered"] = "expectation_triggered"
    expectation: str
    role: str
    due: float


@event
class ExpectationMet(Event):
    type: Literal["expectation_met"] = "expectation_met"
    expectation: str
    by: str
    on_time: bool


@event
class DeadlinePassed(Event):
    type: Literal["deadline_passed"] = "deadline_passed"
    expectation: str
    role: str


@event
class ClockPaused(Event):
    type: Literal["clock_paused"] = "clock_paused"


@event
class ClockResumed(Event):
    type: Literal["clock_resumed"] = "clock_resumed"


@event
class SpeedChanged(Event):
    type: Literal["speed_changed"] = "speed_changed"
    speed: float


@event
class ClockJumped(Event):
    type: Literal["clock_jumped"] = "clock_jumped"
    to: float
    held_by: AddedText = None
    """Why a jump stopped short of where it was asked to go: the deadline it stops before
    ('decision:<inject>' or 'step:<plan step>'); None when it went all the way."""


@event
class LiveCheckSet(Event):
    type: Literal["live_check_set"] = "live_check_set"
    on: bool
    """Whether the statement composer shows the playbook check while a player types."""


@event
class ObserverNoted(Event):
    type: Literal["observer_noted"] = "observer_noted"
    text: str
    role: str | None = None


@event
class CommandRejected(Event):
    type: Literal["command_rejected"] = "command_rejected"
    command: str
    by: str
    reason: str


@event
class RoleAvailability(Event):
    type: Literal["role_availability"] = "role_availability"
    role: str
    available: bool


@event
class SeatTaken(Event):
    type: Literal["seat_taken"] = "seat_taken"
    role: str
    seat: str
    """'human' or 'staff'."""
    policy: str | None = None
    competence: float | None = None


@event
class HotWashAnswered(Event):
    type: Literal["hot_wash_answered"] = "hot_wash_answered"
    by: str
    question: str
    text: str
    answer: str


@event
class RatingOverridden(Event):
    type: Literal["rating_overridden"] = "rating_overridden"
    by: str
    target: str
    rating: str
    rationale: str


EndReason = Literal["clock", "facilitator"]
"""Why an exercise ended: its clock ran out, or the facilitator ended it."""


@event
class ExerciseEnded(Event):
    type: Literal["exercise_ended"] = "exercise_ended"
    reason: EndReason


AnyEvent = Union[
    ExerciseStarted, ModuleStarted, InjectDelivered, StateChanged, DecisionMade, DecisionLapsed, ActionTaken,
    StatementIssued, ApprovalRequested, ApprovalAnswered, InboxRead, Delegated, MessageSent, DecisionOverruled,
    ExpectationTriggered, ExpectationMet, DeadlinePassed, ClockPaused, ClockResumed, SpeedChanged, ClockJumped,
    ObserverNoted, CommandRejected, RoleAvailability, SeatTaken, HotWashAnswered, RatingOverridden, ExerciseEnded,
    LiveCheckSet, StatementJudged,
]
"""Any one event, typed: narrow it with isinstance (or on its `type`) to read its fields.
Every Event class is listed here (a test checks it)."""

EVENT_TYPES: dict[str, type[Event]] = {cls.__dataclass_fields__["type"].default: cls for cls in get_args(AnyEvent)}
"""Event type name -> class."""

EVENTS: TypeAdapter[AnyEvent] = TypeAdapter(Annotated[AnyEvent, Field(discriminator="type")])
"""Validates an event from JSON data."""
