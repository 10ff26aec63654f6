"""`tabletop join --events-only`: a seat's events as JSON lines on standard output.

Each line is the event exactly as the host's log writes it (without the log's chain link). It
follows the host through lost connections and restarts (catching up by sequence number), and
ends when the host closes the exercise.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable

from simulator.room.protocol import Error, EventMessage, Refused, Welcome

from .client import Refusal, RoomClient


def follow_feed(address: str, code: str, retry_for: float, err: Callable[[str], None]) -> str | None:
    """`follow` in its own event loop (the command line's entry)."""
    return asyncio.run(follow(address, code, retry_for, err))


async def follow(address: str, code: str, retry_for: float, err: Callable[[str], None]) -> str | None:
    """Print the feed until the host says goodbye; returns why it failed, or None."""
    printed = 0

    def on_message(msg) -> None:
        nonlocal printed
        if isinstance(msg, EventMessage):
            if msg.seq == printed:
                sys.stdout.write(msg.event + "\n")
                sys.stdout.flush()
                printed += 1
        elif isinstance(msg, Welcome):
            err(f"joined {msg.scenario} as {msg.seat} ({msg.next} events so far)")
        elif isinstance(msg, (Error, Refused)):
            err(f"host: {msg.reason}")

    client = RoomClient(address, code, on_message, lambda: printed, retry_for=retry_for,
                        on_state=lambda state: state == "reconnecting" and err("lost the host; reconnecting..."))
    try:
        reason = await client.run()
    except Refusal as exc:
        return str(exc)
    err(reason)
    return None
