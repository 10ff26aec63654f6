"""What a console shows of decisions taken below a seat that it may still overrule.

Why a module of its own: the display model (display.py) folds the events; this asks the judge,
for the seat and the minute shown, which of the decisions taken so far that seat may overrule
(judge.overrule_refusal: the one rule the engine applies too), so a console offers an overrule
only where the engine would take it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from simulator import judge

if TYPE_CHECKING:
    from .display import ExerciseView


@dataclass(frozen=True)
class Taken:
    """A decision someone took, as the consoles keep it."""

    inject: str
    by: str
    option: str
    """The option that stands now (the overruling one, once overruled)."""
    t: float
    staff: bool
    overruled_by: str | None = None
    overruled_at: float | None = None
    replaced: str | None = None
    """The decider's own option, once overruled."""


@dataclass(frozen=True)
class Overrulable:
    """A decision taken below a seat that the seat may overrule now, and until when."""

    inject: str
    decider: str
    option: str
    label: str
    """The option chosen, by its title."""
    prompt: str
    decided_at: float
    until: float


class _Now:
    """The exercise as a console knows it at its minute, in the shape the judge reads (judge.Record):
    who cannot be reached now, and the delegations logged so far."""

    def __init__(self, view: "ExerciseView"):
        self.view = view

    def unreachable(self, role: str, t: float) -> bool:
        return role in self.view.unavailable

    def delegated(self, by: str, to: str, t: float) -> bool:
        since = self.view.handed.get((by, to))
        return since is not None and since <= t

    def holds(self, cond: object) -> bool:  # pragma: no cover - the overrule rules ask no condition
        return False


def overrulable(view: "ExerciseView", role: str, now: float) -> list[Overrulable]:
    """The decisions `role` may overrule at minute `now`, soonest closing first."""
    if view.ended or role not in view.pack.roles:
        return []
    roles, record, out = view.pack.roles, _Now(view), []
    for taken in view.taken.values():
        if taken.overruled_by is not None:
            continue
        d = view.pack.injects[taken.inject].decision
        assert d is not None  # only a decision inject is decided
        if judge.overrule_refusal(roles, d, taken.by, taken.t, role, now, record) is not None:
            continue
        out.append(Overrulable(taken.inject, taken.by, taken.option, view.option_label(taken.inject, taken.option),
                               d.prompt, taken.t, judge.overrule_ends(d, taken.t)))
    return sorted(out, key=lambda o: o.until)
