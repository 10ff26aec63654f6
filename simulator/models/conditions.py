"""Structured conditions: the small, schema-checked language for triggers and rules.

Why: a trainer writes "tension above 70 and no rumour correction yet" as YAML data that the
engine evaluates itself. Nothing in a scenario is ever passed to eval.
"""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import Discriminator, Field, Tag, model_validator

from . import limits
from .base import Amount, Id, Minutes, Strict

CONDITION_KINDS = ("all", "any", "not", "state", "action", "delivered", "chosen", "after", "statement")


class WhenAll(Strict):
    """True when every listed condition holds."""

    all: list["Condition"] = Field(min_length=1, max_length=limits.CONDITION_ITEMS)
    """Conditions that must all hold."""


class WhenAny(Strict):
    """True when at least one listed condition holds."""

    any_: list["Condition"] = Field(alias="any", min_length=1, max_length=limits.CONDITION_ITEMS)
    """Conditions of which one must hold."""


class WhenNot(Strict):
    """True when the inner condition does not hold."""

    not_: "Condition" = Field(alias="not")
    """The condition that must not hold."""


class WhenState(Strict):
    """Compares a state variable with thresholds."""

    state: Id
    """The state variable to compare."""
    above: Amount | None = None
    """Holds when the value is strictly greater than this."""
    below: Amount | None = None
    """Holds when the value is strictly less than this."""
    at_least: Amount | None = None
    """Holds when the value is greater than or equal to this."""
    at_most: Amount | None = None
    """Holds when the value is less than or equal to this."""

    @model_validator(mode="after")
    def _needs_threshold(self) -> "WhenState":
        if all(v is None for v in (self.above, self.below, self.at_least, self.at_most)):
            raise ValueError("a state condition needs a threshold: above, below, at_least or at_most")
        return self


class WhenAction(Strict):
    """Holds once an action has been taken."""

    action: Id
    """The action id from a role's catalogue."""
    by: Id | None = None
    """Only count the action when this role (or its delegate) took it."""
    before: Minutes | None = None
    """Only count the action when it was taken before this exercise minute."""


class WhenDelivered(Strict):
    """Holds once an inject has been delivered."""

    delivered: Id
    """The inject id."""
    before: Minutes | None = None
    """Only count the delivery when it happened before this exercise minute."""


class WhenChosen(Strict):
    """Holds once a decision was settled with a given option (by a person, staff or timeout)."""

    chosen: Id
    """The id of the inject that carries the decision."""
    option: Id
    """The option id."""


class WhenAfter(Strict):
    """Holds from an exercise minute on."""

    after: Minutes
    """The exercise minute from which this holds."""


class StatementQuery(Strict):
    """Which public statements count."""

    by: Id | None = None
    """Only statements by this role."""
    covers: Id | None = None
    """Only statements that match this playbook rule (a key message, first-message element or rumour correction)."""
    channel: Id | None = None
    """Only statements on this channel."""


class WhenStatement(Strict):
    """Holds once a public statement matching the query was issued."""

    statement: StatementQuery
    """What the statement must be."""


def _condition_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        keys = [k for k in CONDITION_KINDS if k in value]
        return keys[0] if len(keys) == 1 else None
    for kind, cls in _KIND_CLASSES.items():
        if isinstance(value, cls):
            return kind
    return None


Condition = Annotated[
    Union[
        Annotated[WhenAll, Tag("all")],
        Annotated[WhenAny, Tag("any")],
        Annotated[WhenNot, Tag("not")],
        Annotated[WhenState, Tag("state")],
        Annotated[WhenAction, Tag("action")],
        Annotated[WhenDelivered, Tag("delivered")],
        Annotated[WhenChosen, Tag("chosen")],
        Annotated[WhenAfter, Tag("after")],
        Annotated[WhenStatement, Tag("statement")],
    ],
    Discriminator(
        _condition_kind,
        custom_error_type="condition_kind",
        custom_error_message="a condition needs exactly one of: " + ", ".join(CONDITION_KINDS),
    ),
]
"""A structured condition: exactly one of all, any, not, state, action, delivered, chosen, after, statement."""

_KIND_CLASSES = {
    "all": WhenAll,
    "any": WhenAny,
    "not": WhenNot,
    "state": WhenState,
    "action": WhenAction,
    "delivered": WhenDelivered,
    "chosen": WhenChosen,
    "after": WhenAfter,
    "statement": WhenStatement,
}

for _cls in _KIND_CLASSES.values():
    _cls.model_rebuild()  # type: ignore[attr-defined]  # every value is a model class


def condition_cost(cond) -> tuple[int, bool]:
    """(how many conditions one check of `cond` evaluates, whether any of them reads a state
    variable), for bounding the work a pack asks of the clock (see limits.py)."""
    count, reads_state, stack = 0, False, [cond]
    while stack:
        node = stack.pop()
        count += 1
        if isinstance(node, WhenAll):
            stack.extend(node.all)
        elif isinstance(node, WhenAny):
            stack.extend(node.any_)
        elif isinstance(node, WhenNot):
            stack.append(node.not_)
        elif isinstance(node, WhenState):
            reads_state = True
    return count, reads_state
