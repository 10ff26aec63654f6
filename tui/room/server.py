"""The room host's websocket server (aiohttp): connections in, `simulator.room.host.Room` decides.

Each connection must say hello with a join code within `hello_timeout` seconds, keep within
its message rate, and send only well-formed messages under the size limit; otherwise the host
warns plainly (naming the address and the seat), tells the client why, and closes that one
connection. The exercise goes on. Wrong codes from one address are answered more and more
slowly (`Throttle`).
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable

from aiohttp import WSMsgType, web

from simulator.console.clock_driver import ExerciseControl
from simulator.room.codes import JoinCodes, Throttle, TokenBucket
from simulator.room.host import Room
from simulator.room.journal import CommandJournal
from simulator.room.protocol import MAX_MESSAGE, BadMessage, Bye, Error, Hello, SendCommand, parse_client

PATH = "/room"
OUTBOX = 20_000
"""Messages queued for one client before it is dropped as too slow to keep up."""


class Peer:
    """One open connection: its socket, its queue of messages to send, and who it is."""

    _numbers = itertools.count(1)

    def __init__(self, ws: web.WebSocketResponse, address: str):
        self.ws, self.address = ws, address
        self.number = next(self._numbers)
        self.outbox: asyncio.Queue[str | None] = asyncio.Queue()
        self.seat: str | None = None

    def __repr__(self) -> str:
        return f"client {self.number} ({self.address}" + (f", seat {self.seat})" if self.seat else ")")

    def __hash__(self) -> int:
        return self.number


class RoomServer:
    def __init__(self, control: ExerciseControl, codes: JoinCodes, warn: Callable[[str], None],
                 bind: tuple[str, int] = ("127.0.0.1", 0), hello_timeout: float = 10.0,
                 rate: float = 20.0, burst: float = 60.0, journal: CommandJournal | None = None):
        self.bind, self.warn = bind, warn
        self.hello_timeout, self.rate, self.burst = hello_timeout, rate, burst
        self.throttle = Throttle()
        self.room = Room(control, codes, self._send, warn, journal=journal)
        self.peers: set[Peer] = set()
        self._runner: web.AppRunner | None = None
        self._tasks: list[asyncio.Task] = []
        self.port = 0

    @property
    def address(self) -> str:
        host = self.bind[0]
        shown = "127.0.0.1" if host in ("", "0.0.0.0") else f"[{host}]" if ":" in host else host
        return f"ws://{shown}:{self.port}{PATH}"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get(PATH, self._connection)
        app.router.add_get("/", self._index)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.bind[0], self.bind[1])
        await site.start()
        server = site._server
        sockets = getattr(server, "sockets", None) or []
        self.port = sockets[0].getsockname()[1] if sockets else self.bind[1]
        self.room.address = self.address
        self._tasks.append(asyncio.create_task(self._clock_readings()))

    async def stop(self, reason: str = "the host has closed the exercise") -> None:
        for task in self._tasks:
            task.cancel()
        bye = Bye(reason=reason).dump()
        for peer in list(self.peers):
            peer.outbox.put_nowait(bye)
            peer.outbox.put_nowait(None)
        await asyncio.sleep(0.2)  # let the goodbyes go out
        for peer in list(self.peers):
            await peer.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _clock_readings(self) -> None:
        """A clock reading for every client each second, so their countdowns run between events."""
        while True:
            await asyncio.sleep(1.0)
            self.room.broadcast_clock()

    # ---- one connection -----------------------------------------------------------------------------

    def _send(self, peer, text: str) -> None:
        if peer.outbox.qsize() > OUTBOX:
            self._drop(peer, "it is not keeping up with the exercise (too many messages waiting)")
            return
        peer.outbox.put_nowait(text)

    def _drop(self, peer: Peer, why: str, tell: str | None = None) -> None:
        self.warn(f"{peer}: disconnected: {why}")
        self.room.detach(peer)
        peer.outbox.put_nowait(Error(reason=tell or why).dump())
        peer.outbox.put_nowait(None)

    async def _index(self, request: web.Request) -> web.Response:
        return web.Response(text="Tabletop room host: join with `tabletop join " + self.address + " --code CODE`\n")

    async def _writer(self, peer: Peer) -> None:
        while True:
            text = await peer.outbox.get()
            if text is None or peer.ws.closed:
                break
            try:
                await peer.ws.send_str(text)
            except (ConnectionError, RuntimeError):
                break
        await peer.ws.close()

    async def _connection(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE, heartbeat=20.0)
        await ws.prepare(request)
        peer = Peer(ws, request.remote or "?")
        self.peers.add(peer)
        writer = asyncio.create_task(self._writer(peer))
        try:
            if await self._hello(peer):
                await self._messages(peer)
        finally:
            self.room.detach(peer)
            self.peers.discard(peer)
            peer.outbox.put_nowait(None)
            await writer
        return ws

    async def _hello(self, peer: Peer) -> bool:
        try:
            msg = await asyncio.wait_for(peer.ws.receive(), self.hello_timeout)
        except asyncio.TimeoutError:
            self._drop(peer, f"it sent nothing for {self.hello_timeout:g} s after connecting",
                       "no hello with a join code came in time")
            return False
        if msg.type != WSMsgType.TEXT:
            self._drop(peer, "it closed or sent something other than text before its hello", "expected a hello")
            return False
        try:
            hello = parse_client(msg.data)
        except BadMessage as exc:
            self._drop(peer, str(exc))
            return False
        if not isinstance(hello, Hello):
            self._drop(peer, "its first message was not a hello with a join code")
            return False
        wait = self.throttle.wait(peer.address, time.monotonic())
        if wait:
            await asyncio.sleep(wait)
        seat = self.room.seat_for(hello.code)
        if seat is None:
            self.throttle.failed(peer.address, time.monotonic())
            self._drop(peer, "it gave a wrong join code",
                       "that join code opens no seat of this exercise (or its seat is played by simulated staff now)")
            return False
        self.throttle.succeeded(peer.address)
        peer.seat = seat
        return self.room.attach(peer, seat, hello.since)

    async def _messages(self, peer: Peer) -> None:
        bucket = TokenBucket(self.rate, self.burst)
        async for msg in peer.ws:
            if msg.type == WSMsgType.ERROR:
                exc = peer.ws.exception()
                if getattr(exc, "code", None) == 1009:
                    self._drop(peer, f"it sent a message over the size limit of {MAX_MESSAGE:,} bytes", "message too large")
                else:
                    self._drop(peer, f"its connection failed ({exc})")
                return
            if msg.type != WSMsgType.TEXT:
                self._drop(peer, "it sent a binary message", "the room speaks JSON text messages only")
                return
            if not bucket.take(time.monotonic()):
                self._drop(peer, f"it sent more than {self.rate:g} messages a second", "too many messages")
                return
            try:
                parsed = parse_client(msg.data)
            except BadMessage as exc:
                self._drop(peer, str(exc))
                return
            if isinstance(parsed, SendCommand):
                self.room.command(peer, parsed)
        if peer.ws.close_code not in (None, 1000, 1001):
            code = peer.ws.close_code
            why = "a message over the size limit" if code == 1009 else f"close code {code}"
            self.warn(f"{peer}: disconnected: {why}")
