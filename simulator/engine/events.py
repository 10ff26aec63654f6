"""Events: what happened, in the past tense. The engine emits them; the log keeps them.

Events carry no wall-clock time: the same scenario, seed and commands give the same events.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class Event(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["event"] = "event"
    type: str
    t: float
    """Exercise minute."""


class ExerciseStarted(Event):
    type: Literal["exercise_started"] = "exercise_started"
    scenario: str
    seed: int


class ModuleStarted(Event):
    type: Literal["module_started"] = "module_started"
    module: str
    title: str


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


class StateChanged(Event):
    type: Literal["state_changed"] = "state_changed"
    values: dict[str, float]
    """New values of the variables that changed."""
    cause: str


class DecisionMade(Event):
    type: Literal["decision_made"] = "decision_made"
    inject: str
    option: str
    by: str
    staff: bool = False


class DecisionLapsed(Event):
    type: Literal["decision_lapsed"] = "decision_lapsed"
    inject: str
    option: str | None
    """The on_timeout option applied, if any."""


class ActionTaken(Event):
    type: Literal["action_taken"] = "action_taken"
    action: str
    by: str
    staff: bool = False
    approval: str | None = None
    note: str | None = None


class StatementIssued(Event):
    type: Literal["statement_issued"] = "statement_issued"
    by: str
    channel: str
    languages: list[str]
    audience: list[str]
    text: str
    approval: str | None = None
    staff: bool = False


class ApprovalRequested(Event):
    type: Literal["approval_requested"] = "approval_requested"
    request: str
    by: str
    to: str
    action: str | None = None
    text: str | None = None
    channel: str | None = None
    staff: bool = False


class ApprovalAnswered(Event):
    type: Literal["approval_answered"] = "approval_answered"
    request: str
    by: str
    granted: bool
    staff: bool = False


class Delegated(Event):
    type: Literal["delegated"] = "delegated"
    by: str
    to: str
    authority: str


class MessageSent(Event):
    type: Literal["message_sent"] = "message_sent"
    by: str
    to: str
    intent: str
    text: str
    staff: bool = False


class ExpectationTriggered(Event):
    type: Literal["expectation_triggered"] = "expectation_triggered"
    expectation: str
    role: str
    due: float


class ExpectationMet(Event):
    type: Literal["expectation_met"] = "expectation_met"
    expectation: str
    by: str
    on_time: bool


class DeadlinePassed(Event):
    type: Literal["deadline_passed"] = "deadline_passed"
    expectation: str
    role: str


class ClockPaused(Event):
    type: Literal["clock_paused"] = "clock_paused"


class ClockResumed(Event):
    type: Literal["clock_resumed"] = "clock_resumed"


class SpeedChanged(Event):
    type: Literal["speed_changed"] = "speed_changed"
    speed: float


class ClockJumped(Event):
    type: Literal["clock_jumped"] = "clock_jumped"
    to: float


class ObserverNoted(Event):
    type: Literal["observer_noted"] = "observer_noted"
    text: str
    role: str | None = None


class CommandRejected(Event):
    type: Literal["command_rejected"] = "command_rejected"
    command: str
    by: str
    reason: str


class ExerciseEnded(Event):
    type: Literal["exercise_ended"] = "exercise_ended"
    reason: Literal["clock", "facilitator"]
