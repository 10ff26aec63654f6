"""Role files: a seat at the table, its mandate, authorities and action catalogue."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Literal

from pydantic import Field

from . import limits
from .base import Channel, Effects, Id, Source, Strict, Text


class Action(Strict):
    """Something a role can do."""

    id: Id
    """Unique across all roles of a scenario."""
    label: Text
    description: Text
    category: Literal["command", "operations", "coordination", "communication", "support", "intelligence"]
    effects: Effects = {}
    requires_authority: Id | None = None
    """An authority the actor must hold, or hold by delegation."""
    requires_approval: Id | None = None
    """A role that must approve before this action is taken."""
    source: Source | None = None


class Role(Strict):
    """A role file."""

    kind: Literal["role"]
    """What this file is."""
    id: Id
    title: Text
    brief: Text
    """What the person in this seat is responsible for, in plain words."""
    reports_to: Id | None = None
    """The role this one reports to; none for the top of the chain."""
    authorities: list[Id] = []
    """Powers this role holds, e.g. 'declare_emergency', 'approve_public_statement'."""
    delegable: list[Id] = []
    """Authorities this role may hand to another role."""
    successor: Id | None = None
    """Who acts in this role's place when it cannot be reached."""
    channels: list[Channel] = []
    """Public channels this role may speak on."""
    actions: list[Action] = Field(default=[], max_length=limits.LIST_ITEMS)
    source: Source


def acting_role(roles: Mapping[str, Role], role: str, unreachable: Callable[[str], bool]) -> str:
    """Who acts for `role`: the role itself, or its successor (in turn) while it cannot be reached.

    One walk for the engine (reachability now) and the scorer (reachability at a logged minute),
    so both always agree on who stood in; a loop or a missing successor stops the walk."""
    seen = {role}
    while unreachable(role):
        successor = roles[role].successor
        if successor is None or successor in seen or successor not in roles:
            break
        seen.add(successor)
        role = successor
    return role
