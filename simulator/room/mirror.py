"""A client's copy of its seat's feed, and the clock driver a joined console uses.

The consoles (tui/) read a session and drive it through `ExerciseControl`. A joined console
reads a `Mirror` instead: the events its seat was sent, folded in order, with the pack its seat
was sent; and it drives a `RemoteControl`, which turns the same intents into commands sent to
the host. Nothing here touches the network: the client hands in what arrives and gives
`RemoteControl` a function that sends.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from simulator.console.clock_driver import nearest_speed
from simulator.engine import commands as C
from simulator.engine import events as E
from simulator.engine.seats import Seat
from simulator.scoring.facts import Facts

from .codes import FACILITATOR_SEAT, OBSERVER_SEAT
from .protocol import Clock, EventMessage, Welcome
from .seat_pack import learn_inject, pack_from_wire


class FeedGap(ValueError):
    """The host sent an event past the one the client expected (it lost some): reconnect and catch up."""


class Mirror:
    """What a console reads in place of a session: `engine.pack`, `header.seats`, `events`,
    `now`, `ended`, `subscribe`; the log is the host's (`writer` is None)."""

    def __init__(self, welcome: Welcome, where: str = "room"):
        self.seat = welcome.seat
        self.role = None if welcome.seat in (FACILITATOR_SEAT, OBSERVER_SEAT) else welcome.seat
        self.pack = pack_from_wire(welcome.pack, f"{where}/{welcome.scenario}")
        self.facts = Facts(self.pack)
        """The exercise as this seat's feed tells it, in the shape the judge reads: a draft typed
        here is checked against it (prohibitions lifted, texts already judged)."""
        self.engine = SimpleNamespace(pack=self.pack, history=self.facts.history)
        self.header = SimpleNamespace(seats=self._seats(welcome.seats))
        self.writer = None
        self.events: list[E.Event] = []
        self.lines: list[str] = []
        """Every event as the host sent it (the log's line)."""
        self.clock = Clock(now=0.0, paused=True, speed=1.0)
        self._clock_at = time.monotonic()
        self._subscribers: list[Callable[[E.Event], None]] = []
        self.welcome = welcome

    def _seats(self, seats: dict[str, Any]) -> dict[str, Seat]:
        """Who sits where, as this console should draw it: a role's console shows only its own seat."""
        parsed = {r: Seat.model_validate(s) for r, s in seats.items()}
        if self.role is None:
            return parsed
        return {r: Seat() if r == self.role else Seat(kind="staff") for r in parsed}

    def rejoined(self, welcome: Welcome) -> None:
        """A welcome after a reconnection: the pack is kept, the seats are refreshed."""
        self.welcome = welcome
        self.header.seats = self._seats(welcome.seats)

    @property
    def since(self) -> int:
        """How many events of the seat's feed this client holds (the `since` of its next hello)."""
        return len(self.events)

    def subscribe(self, fn: Callable[[E.Event], None]) -> None:
        self._subscribers.append(fn)

    def receive(self, msg: EventMessage) -> E.Event | None:
        """Fold one event in; None for one already held (sent again after a reconnection)."""
        if msg.seq < len(self.events):
            return None
        if msg.seq > len(self.events):
            raise FeedGap(f"expected event {len(self.events)}, got {msg.seq}")
        if msg.inject is not None:
            learn_inject(self.pack, msg.inject)
        event = E.EVENTS.validate_json(msg.event)
        self.events.append(event)
        self.lines.append(msg.event)
        self.facts.feed(len(self.events), event.to_dict())
        for fn in self._subscribers:
            fn(event)
        return event

    def set_clock(self, clock: Clock) -> None:
        self.clock, self._clock_at = clock, time.monotonic()

    @property
    def now(self) -> float:
        """The exercise minute, from the host's last clock reading moved on by the wall clock."""
        c = self.clock
        now = c.now if c.paused or c.ended else c.now + (time.monotonic() - self._clock_at) / 60.0 * c.speed
        last = self.events[-1].t if self.events else 0.0
        return max(now, last)

    @property
    def ended(self) -> bool:
        return self.clock.ended or any(isinstance(e, E.ExerciseEnded) for e in self.events[-3:])

    def close(self) -> None:
        pass


_ids = itertools.count(1)


def command_id() -> str:
    """A command id unique to this client process (its retries reuse it)."""
    return f"{os.getpid():x}-{int(time.time() * 1000):x}-{next(_ids)}"


class RemoteControl:
    """The clock driver of a joined console: the intents of `ExerciseControl`, sent to the host.

    Nothing is applied here: the host logs and applies each command, and its events come back
    through the mirror. `submit` returns no events (they arrive later), or None when nothing
    could be sent.
    """

    def __init__(self, mirror: Mirror, send: Callable[[dict[str, Any]], str | None]):
        self.session, self._send = mirror, send
        self.fault = None
        self.on_fault: Callable[[Exception], None] = lambda exc: None
        self.last_id: str | None = None
        """The id of the last command sent (its ack comes later: see `when_acked`)."""
        self._on_ack: dict[str, Callable[[], None]] = {}

    def when_acked(self, cid: str, fn: Callable[[], None]) -> None:
        """Call `fn` once the host says command `cid` is in its log (a console says "done" then, not before)."""
        self._on_ack[cid] = fn

    def answered(self, cid: str, ok: bool) -> None:
        """The host's answer to command `cid` (the client calls this on an ack or a refusal)."""
        fn = self._on_ack.pop(cid, None)
        if fn is not None and ok:
            fn()

    @property
    def paused(self) -> bool:
        return self.session.clock.paused

    @property
    def speed(self) -> float:
        return self.session.clock.speed

    @property
    def ended(self) -> bool:
        return self.session.ended

    def tick(self) -> None:
        """The host's clock moves the exercise; nothing to do here."""

    def submit(self, cmd: C.CommandBase) -> list[E.Event] | None:
        data = cmd.model_dump(mode="json", exclude={"t", "wall_time", "kind", "by"})
        self.last_id = self._send(data)
        return [] if self.last_id is not None else None

    def toggle_pause(self) -> None:
        if not self.ended:
            self.submit(C.Resume(by=C.FACILITATOR) if self.paused else C.Pause(by=C.FACILITATOR))

    def change_speed(self, step: int) -> None:
        self.set_speed(nearest_speed(self.speed, step))

    def set_speed(self, speed: float) -> None:
        if speed != self.speed and not self.ended:
            self.submit(C.SetSpeed(by=C.FACILITATOR, speed=speed))

    def jump_to_next(self) -> float | None:
        if self.ended:
            return None
        self.submit(C.JumpToNext(by=C.FACILITATOR))
        return self.session.now  # the host says where the clock went, in its events

    def end(self) -> None:
        if not self.ended:
            self.submit(C.EndExercise(by=C.FACILITATOR))

    def close(self) -> None:
        pass
