"""The room protocol: JSON text messages between the host and its clients, as pydantic models.

Client to host: `hello` (a join code, and how many of its seat's events the client already
holds), then `command`s, each with an id the client chose. Host to client: `welcome` (the seat,
its pack and who sits where), `event`s numbered per seat from 0, `ack` once a command is in the
log (fsync'd) or `refused` when the seat may not give it, `clock` readings, `roster` (who is
connected, for the facilitator and the observer), `error` before the host closes a connection,
and `bye` when the host shuts down.

An event travels as the very line the log holds (`Event.to_json`), so `tabletop join
--events-only` prints exactly what the log writes.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

MAX_MESSAGE = 64 * 1024
"""Bytes. Far above any command a console sends (a statement is at most a few kilobytes)."""

Id = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def dump(self) -> str:
        return self.model_dump_json(exclude_none=True)


# ---- client -> host ---------------------------------------------------------------------------

class Hello(Message):
    type: Literal["hello"] = "hello"
    code: str = Field(max_length=64)
    since: int = Field(default=0, ge=0)
    """How many of its seat's events the client holds already: the host sends from there on."""


class SendCommand(Message):
    type: Literal["command"] = "command"
    id: Id
    """Chosen by the client, the same on every retry: the host applies a command id once."""
    command: dict[str, Any]
    """The command as data (see engine.commands); `by` is set by the host from the seat."""


ClientMessage = Annotated[Union[Hello, SendCommand], Field(discriminator="type")]
CLIENT = TypeAdapter(ClientMessage)


class BadMessage(ValueError):
    """A client's message the host cannot take: said plainly, and the client is dropped."""


def parse_client(text: str | bytes) -> Hello | SendCommand:
    """A client's message, checked: size first, then JSON, then shape. Raises BadMessage."""
    size = len(text.encode("utf-8") if isinstance(text, str) else text)
    if size > MAX_MESSAGE:
        raise BadMessage(f"message of {size:,} bytes is over the limit of {MAX_MESSAGE:,}")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise BadMessage("message is not JSON") from None
    if not isinstance(data, dict) or data.get("type") not in ("hello", "command"):
        raise BadMessage("message is not a hello or a command")
    try:
        return CLIENT.validate_python(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"][1:]) or "message"
        raise BadMessage(f"{data['type']} message: {where}: {err['msg']}") from None


# ---- host -> client ---------------------------------------------------------------------------

class Welcome(Message):
    type: Literal["welcome"] = "welcome"
    seat: str
    """A role id, 'facilitator' or 'observer'."""
    scenario: str
    pack: dict[str, Any]
    """What this seat may know of the pack (see seat_pack)."""
    seats: dict[str, Any]
    """Role -> seat (person or simulated staff) now."""
    next: int
    """How many events this seat's feed holds now."""
    codes: dict[str, Any] | None = None
    """Every join code: for the facilitator only."""
    address: str | None = None


class EventMessage(Message):
    type: Literal["event"] = "event"
    seq: int
    """Position in this seat's feed, from 0."""
    event: str
    """The event exactly as the log line holds it."""
    inject: dict[str, Any] | None = None
    """The delivered inject as this seat may know it, the first time it reaches the seat."""


class Ack(Message):
    type: Literal["ack"] = "ack"
    id: str
    """The client's command id: that command is in the log."""


class Refused(Message):
    type: Literal["refused"] = "refused"
    id: str
    reason: str


class Clock(Message):
    type: Literal["clock"] = "clock"
    now: float
    paused: bool
    speed: float
    ended: bool = False


class Roster(Message):
    type: Literal["roster"] = "roster"
    connected: dict[str, int]
    """Seat -> open connections."""
    seats: dict[str, Any]
    codes: dict[str, Any] | None = None
    """Every join code (a seat handed back to a person gets one): for the facilitator only."""


class Error(Message):
    type: Literal["error"] = "error"
    reason: str


class Bye(Message):
    type: Literal["bye"] = "bye"
    reason: str = "the host has closed the exercise"


HostMessage = Annotated[Union[Welcome, EventMessage, Ack, Refused, Clock, Roster, Error, Bye], Field(discriminator="type")]
HOST = TypeAdapter(HostMessage)


def parse_host(text: str | bytes) -> Welcome | EventMessage | Ack | Refused | Clock | Roster | Error | Bye:
    """A host's message; raises BadMessage when it is not one (a client talking to something else)."""
    try:
        return HOST.validate_json(text)
    except ValidationError as exc:
        raise BadMessage(f"not a Tabletop room message ({exc.errors()[0]['msg']})") from None
