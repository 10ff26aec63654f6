"""Room mode's transport: the host's websocket server and the joined consoles' client (aiohttp).

Everything they decide is in `simulator/room/` (pure); here are only sockets, tasks and timers.
"""
