"""Who sits in each seat: a person, or simulated staff with a policy."""

from __future__ import annotations

from typing import Literal, TypeGuard, get_args

from pydantic import BaseModel, ConfigDict, Field

Policy = Literal["plan", "late", "idle", "random"]
POLICIES: tuple[Policy, ...] = get_args(Policy)


def is_policy(name: str) -> TypeGuard[Policy]:
    """Whether `name` (from a command line, say) is one of the POLICIES."""
    return name in POLICIES


class Seat(BaseModel):
    """One role's seat at the table."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["human", "staff"] = "human"
    policy: Policy = "plan"
    """How simulated staff behave: 'plan' does what the plan expects on time, 'late' does it late,
    'idle' does nothing, 'random' mixes all three (seeded)."""
    competence: float = Field(default=1.0, ge=0, le=1)
    """Chance that staff do the right thing; below 1 they are sometimes late, skip an approval or choose badly."""


def all_staff(roles: list[str], policy: Policy, competence: float = 1.0) -> dict[str, Seat]:
    """Every role played by simulated staff with one policy (headless runs)."""
    return {r: Seat(kind="staff", policy=policy, competence=competence) for r in roles}
