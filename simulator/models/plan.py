"""The city's response plan: who should do what, by when, on whose authority."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from . import limits
from .capabilities import CoreCapability
from .base import Id, Minutes, Source, Strict, Text, refused_at
from .conditions import Condition, condition_cost


class Expectation(Strict):
    """One plan step (an HSEEP critical task)."""

    id: Id
    role: Id
    """The role responsible."""
    description: Text
    action: Id | None = None
    """The catalogue action that fulfils this step."""
    statement: list[Id] | None = None
    """Alternatively: playbook rules a public statement must match, made by this role, its acting successor or a role it delegated to."""
    trigger: Condition | None = None
    """When the clock for this step starts; exercise start when absent."""
    within: Minutes = Field(gt=0)
    """Minutes after the trigger by which it is due."""
    grace: Minutes = 0
    """Extra minutes counted as 'late within grace' rather than late; the deadline passes (and any contingency inject is cued) only when they are over."""
    prerequisites: list[Id] = []
    """Plan steps that must be done first."""
    authority: Id | None = None
    """Authority needed to do it."""
    approval_by: Id | None = None
    """Role whose approval must come first."""
    objective: Id
    capability: CoreCapability
    essential: bool = False
    """Whether missing it means the objective was not met."""
    source: Source

    @model_validator(mode="after")
    def _action_or_statement(self) -> "Expectation":
        if (self.action is None) == (self.statement is None):
            raise ValueError("a plan step names either an 'action' or a 'statement', exactly one")
        return self


class Reporting(Strict):
    """How fast serious news must be passed up the chain of command."""

    within: Minutes = Field(gt=0)
    """Minutes after a serious inject reaches a role by which it must report to its supervisor."""
    severities: list[Literal["routine", "low", "medium", "high", "critical"]] = ["high", "critical"]
    source: Source


class SpanOfControl(Strict):
    """The span of control the plan tolerates."""

    max: int = Field(default=7, ge=1)
    """Most direct reports one role should have."""
    source: Source


class ResponsePlan(Strict):
    """A response plan file."""

    kind: Literal["response_plan"]
    """What this file is."""
    id: Id
    title: Text
    source: Source
    reporting: Reporting | None = None
    """Upward reporting rule of the chain of command."""
    span_of_control: SpanOfControl | None = None
    expectations: list[Expectation] = Field(min_length=1, max_length=limits.EXPECTATIONS)

    @model_validator(mode="after")
    def _state_triggers_are_bounded(self) -> "ResponsePlan":
        # A plan step's trigger that reads state is checked again on every change of state,
        # which dynamics make on every tick of the clock (see Scenario's own bound).
        total = 0
        for k, exp in enumerate(self.expectations):
            if exp.trigger is not None:
                count, reads_state = condition_cost(exp.trigger)
                total += count if reads_state else 0
                if total > limits.STATE_TRIGGERS_IN_PLAN:
                    raise refused_at(("expectations", k, "trigger"), (
                        f"the plan's triggers that read state hold more than {limits.STATE_TRIGGERS_IN_PLAN:,} conditions "
                        "by this step; each is checked again on every change of state: trigger steps on injects instead"))
        return self
