"""The host's command authority: which seat may give which command, and as whom.

A client never says who it is: the host sets `by` from the seat its connection opened with its
join code. A `by` the client sends anyway must be that seat's own, or the command is refused
(a client that tries to act for another seat is misbehaving). The facilitator's commands (the
clock, injects, notes, seats, ratings, the hot wash) come only from the facilitator's seat;
the roles' commands only from a role's seat; the observer gives none.
"""

from __future__ import annotations

from typing import get_args

from pydantic import ValidationError

from simulator.engine import commands as C

from .codes import FACILITATOR_SEAT, OBSERVER_SEAT

ROLE_COMMANDS = frozenset({"take_action", "decide", "overrule", "issue_statement", "request_approval", "answer_approval",
                           "delegate", "send_message", "mark_read"})
FACILITATOR_COMMANDS = frozenset({"pause", "resume", "set_speed", "jump_to_next", "fire_inject", "ad_hoc_inject",
                                  "observer_note", "end_exercise", "hot_wash_answer", "override_rating", "take_seat"})
KNOWN = frozenset(cls.model_fields["type"].default for cls in get_args(get_args(C.Command)[0]))
SET_BY_HOST = ("kind", "t", "wall_time")
"""Fields the session fills in; a client's values for them are dropped."""


class Refusal(ValueError):
    """A command the seat may not give, with the plain reason sent back to it."""


def by_for(seat: str) -> str:
    return C.FACILITATOR if seat == FACILITATOR_SEAT else seat


def authorise(seat: str, data: object) -> C.CommandBase:
    """The command `seat` asks for, with `by` set from the seat; raises Refusal."""
    if not isinstance(data, dict):
        raise Refusal("a command is a JSON object")
    kind = data.get("type")
    if kind not in KNOWN:
        raise Refusal(f"unknown command type {str(kind)[:40]!r}")
    if seat == OBSERVER_SEAT:
        raise Refusal("the observer's seat is read-only")
    by = by_for(seat)
    if "by" in data and data["by"] != by:
        raise Refusal(f"this connection holds the seat '{seat}' and cannot give commands as {str(data['by'])[:40]!r}")
    if seat == FACILITATOR_SEAT and kind not in FACILITATOR_COMMANDS:
        raise Refusal(f"'{kind}' is a role's command; the facilitator hands a seat over (take_seat) instead")
    if seat != FACILITATOR_SEAT and kind not in ROLE_COMMANDS:
        raise Refusal(f"'{kind}' is the facilitator's command")
    clean = {k: v for k, v in data.items() if k not in SET_BY_HOST}
    clean["by"] = by
    try:
        return C.COMMANDS.validate_python(clean)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"][1:]) or "command"
        raise Refusal(f"{kind}: {where}: {err['msg']}") from None
