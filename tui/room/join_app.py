"""`tabletop join` with a console: the seat's console, fed by the host instead of a local session."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from textual import events

from simulator.room.codes import FACILITATOR_SEAT, OBSERVER_SEAT
from simulator.room.mirror import FeedGap, Mirror, RemoteControl
from simulator.room.protocol import Ack, Clock, Error, EventMessage, Refused, Roster, Welcome

from ..app import TabletopApp
from ..config import RunConfig
from .client import Refusal, RoomClient
from .screens import CodeScreen, RoomExerciseScreen, room_text


APP_CSS = str(Path(__file__).parent.parent / "app.tcss")
"""The consoles' stylesheet (Textual reads CSS_PATH relative to the subclass's own module)."""


class JoinApp(TabletopApp):
    CSS_PATH = APP_CSS

    def __init__(self, address: str, code: str | None = None, high_contrast: bool = False):
        super().__init__(RunConfig(high_contrast=high_contrast))
        self.address, self.code = address, code
        self.mirror: Mirror | None = None
        self.client: RoomClient | None = None
        self.screen_: RoomExerciseScreen | None = None
        self._codes: dict | None = None
        self._connected: dict[str, int] = {}
        self.result: str | None = None

    def on_mount(self, event: events.Mount) -> None:
        event.prevent_default()  # not the hot-seat app's setup screen
        if self.code:
            self._join(self.code)
        else:
            self.push_screen(CodeScreen(self.address, on_code=self._join))

    def _join(self, code: str) -> None:
        self.client = RoomClient(self.address, code, self._message, lambda: self.mirror.since if self.mirror else 0,
                                 on_state=self._state)
        self.run_worker(self._stay_joined(self.client), exclusive=True)

    async def _stay_joined(self, client: RoomClient) -> None:
        try:
            reason = await client.run()
        except Refusal as exc:
            if self.mirror is None and isinstance(self.screen, CodeScreen):
                self.screen.refused(str(exc))
                return
            if self.mirror is None:
                self.exit(return_code=1, message=f"error: {exc}")
                return
            self.notify(str(exc), title="Left the exercise", severity="error", timeout=60)
            return
        self.result = reason
        self.notify(reason, title="The host has closed the exercise", timeout=60)

    def _state(self, state: str) -> None:
        if self.mirror is not None and state == "reconnecting":
            self.notify("Lost the host; reconnecting...", severity="warning", timeout=3)

    def _message(self, msg) -> None:
        if isinstance(msg, Welcome):
            self._welcome(msg)
        elif isinstance(msg, EventMessage) and self.mirror is not None:
            try:
                self.mirror.receive(msg)
            except (FeedGap, ValidationError) as exc:
                self.notify(f"the host sent an event this console cannot read: {exc}", severity="error")
        elif isinstance(msg, Clock) and self.mirror is not None:
            self.mirror.set_clock(msg)
        elif isinstance(msg, Roster):
            self._codes, self._connected = msg.codes or self._codes, msg.connected
            if self.screen_ is not None:
                self.screen_.refresh_room()
        elif isinstance(msg, Ack) and self.control is not None:
            self.control.answered(msg.id, True)
        elif isinstance(msg, Refused):
            if self.control is not None:
                self.control.answered(msg.id, False)
            self.notify(msg.reason, title="Refused by the host", severity="error")
        elif isinstance(msg, Error):
            self.notify(msg.reason, title="The host", severity="error")

    def _welcome(self, msg: Welcome) -> None:
        if self.mirror is not None:
            self.mirror.rejoined(msg)
            return
        self.mirror = mirror = Mirror(msg, where=self.address)
        self._codes = msg.codes
        read_only = msg.seat == OBSERVER_SEAT
        control = RemoteControl(mirror, (lambda data: None) if read_only else self.client.send_command)
        role = mirror.role
        config = RunConfig(mode="solo" if role else "facilitated", solo_role=role, high_contrast=self.config.high_contrast)
        room = (lambda: room_text(self._codes, self._connected, msg.address)) if msg.seat in (FACILITATOR_SEAT, OBSERVER_SEAT) else None
        self.control = control  # type: ignore[assignment]
        self.screen_ = RoomExerciseScreen(control, config, msg.seat, room)
        if isinstance(self.screen, CodeScreen):
            self.switch_screen(self.screen_)
        else:
            self.push_screen(self.screen_)

    def close_exercise(self) -> None:
        """The log is the host's: nothing to flush here."""

    async def action_quit(self) -> None:
        if self.client is not None:
            await self.client.close()
        self.exit()
