"""`tabletop host`: the room host, headless or with the facilitator console in this terminal.

The host's one asyncio loop runs the websocket server, the clock (the console's timer, or a
task when headless) and, with a console, Textual itself: the session is only ever touched from
that loop, so commands from the room and keys at the console are applied one at a time.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
from collections.abc import Callable
from pathlib import Path

from simulator.console.clock_driver import ExerciseControl
from simulator.room.codes import FACILITATOR_SEAT, JoinCodes
from simulator.room.journal import CommandJournal

from .server import RoomServer


def codes_text(codes: JoinCodes, address: str, web: str | None) -> str:
    data = codes.as_json()
    lines = [f"room: {address}" + (f"  (browser: {web})" if web else ""),
             f"  facilitator  {data['facilitator']}", f"  observer     {data['observer']}"]
    lines += [f"  {role:<12} {code}" for role, code in data["seats"].items()]
    lines.append(f"join with: tabletop join {address} --code CODE")
    return "\n".join(lines)


def write_codes(path: Path, codes: JoinCodes, address: str, web: str | None) -> None:
    """The codes as JSON for scripts, readable only by their owner (they open seats)."""
    data = {**codes.as_json(), "address": address, "web": web}
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(data, f, indent=2)
        f.write("\n")


class Host:
    def __init__(self, control: ExerciseControl, codes: JoinCodes, bind: tuple[str, int], warn: Callable[[str], None],
                 web: tuple[str, int] | None = None, codes_file: Path | None = None, hello_timeout: float = 10.0):
        self.control, self.codes, self.web, self.codes_file = control, codes, web, codes_file
        writer = control.session.writer
        journal = CommandJournal(writer.path.with_name(writer.path.name + ".ids"), writer.path) if writer else None
        self.server = RoomServer(control, codes, warn, bind, hello_timeout=hello_timeout, journal=journal)
        self._web = None
        self.web_url: str | None = None

    async def start(self) -> None:
        from . import web

        await self.server.start()
        if self.web is not None:
            host, port = self.web
            shown = "127.0.0.1" if host in ("", "0.0.0.0") else host
            self.web_url = f"http://{shown}:{port}"
            self._web = web.start(self.server.address, host, port, self.web_url)
        if self.codes_file is not None:
            write_codes(self.codes_file, self.codes, self.server.address, self.web_url)

    async def stop(self) -> None:
        await self.server.stop()
        if self._web is not None:
            self._web.terminate()
            try:
                self._web.wait(5)
            except Exception:
                self._web.kill()


def serve_headless(*args, **kwargs) -> None:
    """`run_headless` in its own event loop (the command line's entry)."""
    asyncio.run(run_headless(*args, **kwargs))


async def run_headless(control: ExerciseControl, codes: JoinCodes, bind, start: bool, say: Callable[[str], None],
                       web=None, codes_file: Path | None = None, linger: float = 2.0, hello_timeout: float = 10.0) -> None:
    """Serve until stopped (Ctrl-C, SIGTERM), or until the exercise has ended and no facilitator
    has been connected for `linger` seconds (the hot wash is given from a facilitator's console)."""
    host = Host(control, codes, bind, lambda text: say(f"warning: {text}"), web, codes_file, hello_timeout)
    await host.start()
    say(codes_text(codes, host.server.address, host.web_url))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    if start and control.paused and not control.ended:
        control.toggle_pause()
    alone_since: float | None = None
    try:
        while not stop.is_set():
            control.tick()
            if control.fault is not None:
                say(f"warning: {control.fault}")
                control.fault = None
            if control.ended:
                if FACILITATOR_SEAT in host.server.room.connected():
                    alone_since = None
                else:
                    alone_since = alone_since if alone_since is not None else loop.time()
                    if loop.time() - alone_since >= linger:
                        break
            try:
                await asyncio.wait_for(stop.wait(), 0.25)
            except asyncio.TimeoutError:
                pass
    finally:
        await host.stop()
        control.close()
    say("exercise ended" if control.ended else "host stopped")


def run_console(session, control_speed: float, codes: JoinCodes, bind, start: bool, web=None,
                codes_file: Path | None = None, high_contrast: bool = False, hello_timeout: float = 10.0) -> Path | None:
    """The facilitator console in this terminal, with the room served from the same loop."""
    from ..app import TabletopApp
    from ..config import RunConfig
    from .screens import RoomExerciseScreen, room_text

    from .join_app import APP_CSS

    class HostApp(TabletopApp):
        CSS_PATH = APP_CSS
        host: Host | None = None

        def _open(self, session, speed=None, from_log=False) -> None:
            # The host console is the facilitator's, whoever sits in the seats.
            self.control = ExerciseControl(session, control_speed)
            self.control.on_fault = self._log_fault
            self.log_path = session.writer.path if session.writer else None
            self.host = Host(self.control, codes, bind, self._warn, web, codes_file, hello_timeout)
            screen = RoomExerciseScreen(self.control, self.config, FACILITATOR_SEAT, self._room)
            self.push_screen(screen)
            self._screen = screen
            self.run_worker(self._serve(), exclusive=True)

        def _room(self):
            server = self.host.server if self.host else None
            return room_text(codes.as_json(), server.room.connected() if server else {}, server.address if server else None)

        async def _serve(self) -> None:
            try:
                await self.host.start()
            except OSError as exc:
                self.exit(return_code=1, message=f"error: cannot serve the room on {bind[0]}:{bind[1]}: {exc.strerror or exc}")
                return
            self.notify(codes_text(codes, self.host.server.address, self.host.web_url), title="Room open", timeout=20)
            self.host.server.room.on_change = self._screen.refresh_room
            self._screen.refresh_room()
            if start and self.control.paused:
                self.control.toggle_pause()

        def _warn(self, text: str) -> None:
            self.notify(text, title="Room", severity="warning", timeout=8)

        async def action_quit(self) -> None:
            if self.host is not None:
                await self.host.stop()
            self.close_exercise()
            self.exit()

    app = HostApp(RunConfig(mode="facilitated", high_contrast=high_contrast), session=session)
    try:
        app.run()
    finally:
        app.close_exercise()
        session.close()
    return app.log_path
