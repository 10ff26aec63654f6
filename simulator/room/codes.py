"""Join codes: one per human seat, one for the observer, one for the facilitator.

Why `secrets`: a code is the only thing that stands between a stranger on the room's network
and a seat. Codes use an alphabet without look-alike characters (no 0/O, 1/I/L), so they can be
read aloud and typed from a projector; 8 characters of 31 give about 40 bits, and wrong guesses
are slowed down (`Throttle`), so guessing is hopeless.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8
FACILITATOR_SEAT = "facilitator"
OBSERVER_SEAT = "observer"


def new_code() -> str:
    """A fresh code, shown as two groups of four ('K7QM-3XRT')."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise(code: str) -> str:
    """What a person typed, as the host compares it: upper case, no spaces or dashes."""
    return "".join(c for c in code.upper() if c.isalnum())


@dataclass
class JoinCodes:
    """Seat -> code. Seats are role ids, 'facilitator' and 'observer'."""

    codes: dict[str, str] = field(default_factory=dict)

    @classmethod
    def generate(cls, human_roles: list[str]) -> "JoinCodes":
        seats = [FACILITATOR_SEAT, OBSERVER_SEAT, *human_roles]
        return cls({seat: new_code() for seat in seats})

    def seat_for(self, code: str) -> str | None:
        """The seat a code opens, or None. Compared in constant time (no timing hints)."""
        typed = normalise(code)
        found = None
        for seat, known in self.codes.items():
            if secrets.compare_digest(normalise(known), typed) and typed:
                found = seat
        return found

    def add(self, seat: str) -> str:
        """A code for a seat that did not have one (a seat handed back to a person)."""
        if seat not in self.codes:
            self.codes[seat] = new_code()
        return self.codes[seat]

    def as_json(self) -> dict:
        """The shape `tabletop host --codes FILE` writes: {"facilitator", "observer", "seats": {role: code}}."""
        seats = {s: c for s, c in self.codes.items() if s not in (FACILITATOR_SEAT, OBSERVER_SEAT)}
        return {"facilitator": self.codes[FACILITATOR_SEAT], "observer": self.codes[OBSERVER_SEAT], "seats": seats}


@dataclass
class Throttle:
    """Slows down repeated wrong codes from one address: each failure doubles the wait before
    the next answer (0.5 s, 1 s, 2 s ... up to `cap`); a right code clears it.

    Pure: the caller passes the time (monotonic seconds) and sleeps for what `wait` returns.
    """

    first: float = 0.5
    cap: float = 30.0
    forget_after: float = 600.0
    """Seconds without a failure after which an address starts afresh."""
    _failures: dict[str, tuple[int, float]] = field(default_factory=dict)

    def wait(self, peer: str, now: float) -> float:
        """Seconds to wait before answering `peer`'s next attempt."""
        count, last = self._failures.get(peer, (0, 0.0))
        if count == 0 or now - last > self.forget_after:
            return 0.0
        return min(self.cap, self.first * 2 ** (count - 1))

    def failed(self, peer: str, now: float) -> None:
        count, last = self._failures.get(peer, (0, 0.0))
        if now - last > self.forget_after:
            count = 0
        self._failures[peer] = (count + 1, now)
        if len(self._failures) > 10_000:  # a scan from many addresses must not grow memory without end
            oldest = min(self._failures, key=lambda p: self._failures[p][1])
            del self._failures[oldest]

    def succeeded(self, peer: str) -> None:
        self._failures.pop(peer, None)


@dataclass
class TokenBucket:
    """Flood control for one connection: `rate` messages a second on average, bursts of `burst`.

    Pure: the caller passes the time. `take` says whether one more message is within the limit.
    """

    rate: float = 20.0
    burst: float = 60.0
    _tokens: float | None = None
    _last: float = 0.0

    def take(self, now: float) -> bool:
        if self._tokens is None:
            self._tokens, self._last = self.burst, now
        self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
        self._last = now
        if self._tokens < 1.0:
            return False
        self._tokens -= 1.0
        return True
