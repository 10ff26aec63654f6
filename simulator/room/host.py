"""The room host's bookkeeping, without the network: seats, feeds, sequence numbers, commands.

The transport (tui/room/server.py) hands this object what arrives on each connection and
sends what it is given. Connections are opaque keys here; `send(connection, text)` is the
transport's.

- Every event of the session is numbered per seat (its position in that seat's feed). The feeds
  are rebuilt from the session's events when a host resumes a log, by the same rule, so the
  numbers are the same after a crash and a reconnecting client asks for what it lacks.
- A command is acknowledged only once the session has logged it (fsync'd) and applied it; the
  same command id from the same seat is applied once, and a retry gets the first answer again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from typing import Any

from simulator.console.clock_driver import ExerciseControl
from simulator.engine import commands as C
from simulator.engine import events as E
from simulator.log import LogError

from .authority import Refusal, authorise
from .codes import FACILITATOR_SEAT, OBSERVER_SEAT, JoinCodes
from .feed import EVERYONE, Visibility
from .journal import CommandJournal
from .protocol import Ack, Clock, Error, EventMessage, Refused, Roster, SendCommand, Welcome
from .seat_pack import pack_for_seat, redact_inject

Connection = Hashable
CONTROL_SEATS = (FACILITATOR_SEAT, OBSERVER_SEAT)
"""Seats that see every event."""


def seats_json(seats: dict) -> dict[str, Any]:
    return {r: s.model_dump(mode="json") for r, s in seats.items()}


def drive(control: ExerciseControl, cmd: C.CommandBase) -> bool:
    """Apply a command through the host's clock driver, so the facilitator's clock commands move
    the host's clock as well as the log. False when the log refused the write."""
    if isinstance(cmd, (C.Pause, C.Resume)):
        if control.paused == isinstance(cmd, C.Resume):
            control.toggle_pause()
    elif isinstance(cmd, C.SetSpeed):
        control.set_speed(cmd.speed)
    elif isinstance(cmd, C.JumpToNext):
        control.jump_to_next()
    elif isinstance(cmd, C.EndExercise):
        control.end()
    else:
        control.submit(cmd)
    return control.fault is None


class Room:
    def __init__(self, control: ExerciseControl, codes: JoinCodes, send: Callable[[Connection, str], None],
                 warn: Callable[[str], None], address: str | None = None, journal: CommandJournal | None = None):
        self.control, self.codes, self.send, self.warn, self.address = control, codes, send, warn, address
        self.journal = journal
        session = control.session
        self.session, self.pack = session, session.engine.pack
        self.roles = list(self.pack.scenario.roles)
        self.rule = Visibility(self.pack)
        self.lines: list[str] = []
        """Every event of the session as its log line, in order (a control seat's feed)."""
        self.role_feeds: dict[str, list[int]] = {r: [] for r in self.roles}
        """Role -> positions in `lines` of the events it may see."""
        self._inject_at: dict[int, str] = {}
        """Position in `lines` -> the pack inject it delivers (it travels with the event)."""
        self._redacted: dict[str, dict] = {}
        self.seats = dict(session.engine.seats)
        """Role -> who sits there now (the engine's, after every hand-over)."""
        self.connections: dict[Connection, str] = {}
        self.on_change: Callable[[], None] = lambda: None
        """Called when who is connected, or who sits where, changes (the host's console redraws its room panel)."""
        self._answered: dict[tuple[str, str], str] = {}
        """(seat, command id) -> the answer sent (an ack, or a refusal) for a retry to get again."""
        for key in journal.taken() if journal is not None else ():
            self._answered[key] = Ack(id=key[1]).dump()  # logged before a crash: a retry is answered, not applied
        for e in session.events:
            self._number(e)
        session.subscribe(self._on_event)

    # ---- feeds ----------------------------------------------------------------------------------

    def feed_length(self, seat: str) -> int:
        return len(self.lines) if seat in CONTROL_SEATS else len(self.role_feeds[seat])

    def _number(self, e: E.Event) -> tuple[int, frozenset[str]]:
        at = len(self.lines)
        self.lines.append(e.to_json())
        if isinstance(e, E.InjectDelivered) and e.inject in self.pack.injects:
            self._inject_at[at] = e.inject
        audience = self.rule.audience(e)
        for role in (self.roles if audience is EVERYONE else audience):
            feed = self.role_feeds.get(role)
            if feed is not None:
                feed.append(at)
        return at, audience

    def _message(self, seat: str, seq: int, at: int) -> str:
        inject = self._inject_at.get(at)
        payload = None
        if inject is not None and seat != FACILITATOR_SEAT:
            payload = self._redacted.get(inject)
            if payload is None:
                payload = self._redacted[inject] = redact_inject(self.pack.injects[inject])
        return EventMessage(seq=seq, event=self.lines[at], inject=payload).dump()

    def _on_event(self, e: E.Event) -> None:
        at, audience = self._number(e)
        texts: dict[str, str] = {}
        for conn, seat in list(self.connections.items()):
            if seat in CONTROL_SEATS:
                seq = at
            elif audience is EVERYONE or seat in audience:
                seq = len(self.role_feeds[seat]) - 1
            else:
                continue
            text = texts.get(seat)
            if text is None:
                text = texts[seat] = self._message(seat, seq, at)
            self.send(conn, text)
        if isinstance(e, E.SeatTaken):
            self.seats = dict(self.session.engine.seats)
            if e.seat == "human":
                self.codes.add(e.role)
            self._roster()

    def _journal(self, seat: str, cid: str) -> None:
        writer = self.session.writer
        if self.journal is None or writer is None:
            return
        try:
            writer.flush()  # the events it owes first, so the log's length is where this command will go
        except LogError:
            return  # the command will be refused by the same disk; nothing to record
        self.journal.record(seat, cid, os.path.getsize(writer.path))

    def catch_up(self, seat: str, since: int) -> list[str]:
        """The messages of `seat`'s feed from position `since` on."""
        if seat in CONTROL_SEATS:
            return [self._message(seat, n, n) for n in range(since, len(self.lines))]
        feed = self.role_feeds[seat]
        return [self._message(seat, n, feed[n]) for n in range(since, len(feed))]

    # ---- connections -----------------------------------------------------------------------------

    def seat_for(self, code: str) -> str | None:
        seat = self.codes.seat_for(code)
        if seat in self.roles and self.seats.get(seat) is not None and self.seats[seat].kind != "human":
            return None  # a seat handed to simulated staff takes no person until it is handed back
        return seat

    def attach(self, conn: Connection, seat: str, since: int) -> bool:
        """A connection that gave the code of `seat`: welcome it, then send what it lacks."""
        have = self.feed_length(seat)
        if since > have:
            self.send(conn, Error(reason=f"this client holds {since} events of the seat '{seat}', but the host has only "
                                         f"{have}: it was joined to another exercise").dump())
            return False
        self.send(conn, Welcome(seat=seat, scenario=self.pack.scenario.id, pack=pack_for_seat(self.pack, seat),
                                seats=seats_json(self.seats), next=have, address=self.address,
                                codes=self.codes.as_json() if seat == FACILITATOR_SEAT else None).dump())
        for text in self.catch_up(seat, since):
            self.send(conn, text)
        self.send(conn, self.clock().dump())
        self.connections[conn] = seat
        self._roster()
        return True

    def detach(self, conn: Connection) -> None:
        if self.connections.pop(conn, None) is not None:
            self._roster()

    def connected(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for seat in self.connections.values():
            out[seat] = out.get(seat, 0) + 1
        return out

    def _roster(self) -> None:
        connected, seats = self.connected(), seats_json(self.seats)
        for conn, seat in list(self.connections.items()):
            if seat in CONTROL_SEATS:
                codes = self.codes.as_json() if seat == FACILITATOR_SEAT else None
                self.send(conn, Roster(connected=connected, seats=seats, codes=codes).dump())
        self.on_change()

    def clock(self) -> Clock:
        c = self.control
        return Clock(now=self.session.now, paused=c.paused, speed=c.speed, ended=self.session.ended)

    def broadcast_clock(self) -> None:
        text = self.clock().dump()
        for conn in list(self.connections):
            self.send(conn, text)

    # ---- commands ---------------------------------------------------------------------------------

    def command(self, conn: Connection, msg: SendCommand) -> None:
        """Authorise, log and apply one command from a connection, then answer it."""
        seat = self.connections[conn]
        key = (seat, msg.id)
        answered = self._answered.get(key)
        if answered is not None:  # a retry after a lost connection: applied once, answered again
            self.send(conn, answered)
            return
        try:
            cmd = authorise(seat, msg.command)
            if seat in self.seats and self.seats[seat].kind != "human":
                raise Refusal(f"the facilitator has handed the {seat} seat to simulated staff; ask them to hand it back")
        except Refusal as exc:
            self.warn(f"refused a command from the {seat} seat: {exc}")
            text = self._answered[key] = Refused(id=msg.id, reason=str(exc)).dump()
            self.send(conn, text)
            return
        self._journal(seat, msg.id)
        if not drive(self.control, cmd):
            # Not logged, so not applied: no answer is kept, and a retry may succeed once the disk does.
            if self.journal is not None:
                self.journal.undone(seat, msg.id)
            self.send(conn, Refused(id=msg.id, reason=f"not done: {self.control.fault}").dump())
            return
        text = self._answered[key] = Ack(id=msg.id).dump()
        self.send(conn, text)
        if isinstance(cmd, (C.Pause, C.Resume, C.SetSpeed, C.JumpToNext, C.EndExercise)):
            self.broadcast_clock()
