"""Room mode, the pure part: every participant's console is a client of one host.

The host owns the session, the engine and the log. What it tells each seat, and what it takes
from each seat, is decided here, with no asyncio, no network and no Textual: the protocol
messages (`protocol`), join codes (`codes`), who may see each event (`feed`), which commands a
seat may give (`authority`), the pack a seat is sent (`seat_pack`), the host's bookkeeping of
seats, sequence numbers and retried commands (`host`), and a client's copy of its seat's feed
(`mirror`). The transport (aiohttp websockets) lives in `tui/room/`.
"""
