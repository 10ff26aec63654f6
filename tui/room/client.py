"""The joined side's websocket client (aiohttp): say hello with a code, take what the host sends,
send commands, and come back after a lost connection.

After a drop it reconnects with backoff, says hello again with how many events it holds (so
the host sends only what it lacks), and sends again every command not yet acknowledged, with
the same ids (the host applies each id once).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import aiohttp

from simulator.room.mirror import command_id
from simulator.room.protocol import Ack, BadMessage, Bye, Error, Hello, Refused, SendCommand, parse_host

from .server import PATH


def ws_address(address: str) -> str:
    """'HOST:PORT', 'ws://HOST:PORT' or a full URL -> the room's websocket URL."""
    if "://" not in address:
        address = "ws://" + address
    scheme, rest = address.split("://", 1)
    scheme = {"http": "ws", "https": "wss"}.get(scheme, scheme)
    if "/" not in rest:
        rest += PATH
    return f"{scheme}://{rest}"


class Refusal(Exception):
    """The host said no for good (a wrong code, another exercise): not worth reconnecting."""


FIRST_REACH = 8.0
"""Seconds to keep trying a host that has never answered (a host that answered and went away is
waited for `retry_for`: it may be restarting with --resume)."""


class RoomClient:
    def __init__(self, address: str, code: str, on_message: Callable[[Any], None], since: Callable[[], int],
                 retry_for: float = 60.0, on_state: Callable[[str], None] = lambda state: None):
        self.url, self.code = ws_address(address), code
        self.on_message, self.since, self.retry_for, self.on_state = on_message, since, retry_for, on_state
        self.pending: dict[str, dict[str, Any]] = {}
        """Command id -> command, sent and not yet answered (sent again after a reconnection)."""
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._closing = False
        self.welcomed = False
        self.ended_reason: str | None = None

    def send_command(self, command: dict[str, Any]) -> str:
        """Queue a command for the host; its id (it is on its way, or will be after a reconnection)."""
        cid = command_id()
        self.pending[cid] = command
        self._transmit(cid, command)
        return cid

    def _transmit(self, cid: str, command: dict[str, Any]) -> None:
        ws = self._ws
        if ws is not None and not ws.closed and self.welcomed:
            asyncio.get_running_loop().create_task(ws.send_str(SendCommand(id=cid, command=command).dump()))

    async def close(self) -> None:
        self._closing = True
        if self._ws is not None:
            await self._ws.close()

    async def run(self) -> str:
        """Stay joined until the host says goodbye (its reason is returned) or refuses (Refusal)."""
        lost_since: float | None = None
        delay = 0.2
        loop = asyncio.get_running_loop()
        ever = False  # a host never reached is most likely a wrong address: said sooner
        async with aiohttp.ClientSession() as http:
            while not self._closing:
                try:
                    async with http.ws_connect(self.url, heartbeat=20.0, max_msg_size=0) as ws:
                        self._ws, lost_since, delay, ever = ws, None, 0.2, True
                        await ws.send_str(Hello(code=self.code, since=self.since()).dump())
                        reason = await self._read(ws)
                        if reason is not None:
                            return reason
                except (aiohttp.ClientError, OSError, asyncio.TimeoutError):
                    pass
                finally:
                    self._ws, self.welcomed = None, False
                if self._closing:
                    break
                now = loop.time()
                lost_since = lost_since if lost_since is not None else now
                if not ever and now - lost_since > min(self.retry_for, FIRST_REACH):
                    raise Refusal(f"could not reach a host at {self.url}: check the address, and that "
                                  f"`tabletop host` is running there")
                if now - lost_since > self.retry_for:
                    raise Refusal(f"lost the host at {self.url} and could not reach it again for {self.retry_for:g} s")
                if ever:
                    self.on_state("reconnecting")
                await asyncio.sleep(delay)
                delay = min(delay * 2, 2.0)
        return "left the exercise"

    async def _read(self, ws: aiohttp.ClientWebSocketResponse) -> str | None:
        async for raw in ws:
            if raw.type != aiohttp.WSMsgType.TEXT:
                break
            try:
                msg = parse_host(raw.data)
            except BadMessage as exc:
                raise Refusal(f"{self.url}: {exc}") from None
            if isinstance(msg, Bye):
                return msg.reason
            if isinstance(msg, Error):
                if not self.welcomed:
                    raise Refusal(msg.reason)
                self.on_message(msg)
                continue
            if msg.type == "welcome":
                self.welcomed = True
                self.on_message(msg)
                self.on_state("connected")
                for cid, command in list(self.pending.items()):
                    self._transmit(cid, command)
                continue
            if isinstance(msg, (Ack, Refused)):
                self.pending.pop(msg.id, None)
            self.on_message(msg)
        return None
