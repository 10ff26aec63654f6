"""File models (pydantic, frozen, unknown keys refused), named with the shared vocabulary."""

from .base import Channel, Effects, Id, Minutes, Severity, Strict
from .conditions import CONDITION_KINDS, Condition
from .plan import Expectation, ResponsePlan
from .playbook import Match, MessageRule, Playbook, ProhibitedRule, Rumour, Template
from .role import Action, Role
from .scenario import Decision, Inject, Option, Scenario, StateVar

MODEL_BY_KIND: dict[str, type[Strict]] = {"scenario": Scenario, "role": Role, "response_plan": ResponsePlan, "playbook": Playbook}
"""The model for each file `kind`."""

__all__ = [
    "Action", "CONDITION_KINDS", "Channel", "Condition", "Decision", "Effects", "Expectation", "Id",
    "Inject", "MODEL_BY_KIND", "Match", "MessageRule", "Minutes", "Option", "Playbook", "ProhibitedRule",
    "ResponsePlan", "Role", "Rumour", "Scenario", "Severity", "StateVar", "Strict", "Template",
]
