"""What the Engine's mixins (PlanSteps, Acts) use of the Engine: its shared state and the methods
each part provides to the others.

Why: the mixins are split out of Engine only to keep each module to one job; they read the
attributes Engine's __init__ sets and call methods Engine (or the other mixin) defines. Declaring
that contract here lets the type checker see it, in one place. At run time the base is plain
`object`, so Engine's method resolution order and its hot path are exactly what they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, TypedDict

if TYPE_CHECKING:
    import simpy

    from ..loading.pack import Pack
    from ..models import Inject
    from ..timegrid import GridEnvironment
    from . import events as E
    from .history import History
    from .staff import StaffMember
    from .staff_v1 import StaffMember as StaffMemberV1


class Request(TypedDict):
    """An approval request as the engine keeps it (see Acts.request): who asked whom, for what,
    and the whole draft when it is a statement."""

    by: str
    to: str
    action: str | None
    text: str | None
    channel: str | None
    languages: list[str] | None
    audience: list[str] | None
    status: Literal["pending", "granted", "denied"]
    revised: bool
    """A denied request its drafter has since revised (a revision replaces it)."""


if TYPE_CHECKING:

    class EngineBase:
        """The Engine as its mixins see it (for the type checker only; see the module docstring)."""

        pack: Pack
        env: GridEnvironment
        history: History
        roles: list[str]
        ended: bool
        staff: dict[str, StaffMember | StaffMemberV1]
        """Roles played by simulated staff -> their colleague (versions 1 and 2 only to replay old logs;
        version 2 is a StaffMember)."""
        open_expectations: dict[str, float]
        """Triggered, unmet plan steps -> due minute."""
        met: set[str]
        open_decisions: dict[str, str]
        """Decision inject id -> deciding role."""
        taken: dict[str, tuple[str, str, float]]
        """Decision inject id -> (who decided, the option that stands, minute decided), once someone decided."""
        overruled: dict[str, tuple[str, float]]
        """Decision inject id -> (who overruled it, minute), once overruled (a call is overruled once)."""
        requests: dict[str, Request]
        """Approval request id -> the request."""
        unavailable: set[str]
        """Roles that cannot be reached right now (see Inject.unavailable)."""
        _rule_effects_done: set[str]

        @property
        def t(self) -> float: ...
        def _emit(self, event: E.Event, after_end: bool = False) -> None: ...
        def _touch(self, kind: str, key: str = "") -> None: ...
        def _apply_effects(self, effects: dict[str, float], cause: str, notify: bool = True,
                           now: float | None = None) -> None: ...
        def _changed(self) -> None: ...
        def progress(self) -> simpy.Event: ...
        def _cue(self, inj: Inject, cue: str) -> None: ...
        # provided by PlanSteps, used by Acts
        def acting_for(self, role: str) -> str: ...
        def _meet(self, exp_id: str, by: str) -> None: ...

else:
    EngineBase = object
