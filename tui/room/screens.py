"""Room mode's screens: the exercise screen as a seat sees it, and the code prompt.

A joined role gets the role console it would get hot-seat, driven through the host; the
observer gets the facilitator's panels read-only (the live checklist, roles, state and log, no
controls and no MSEL preview: its pack holds only what was delivered); the facilitator gets
every control, with the join codes and who is connected on the Roles tab.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from simulator.engine import events as E
from simulator.room.codes import FACILITATOR_SEAT, OBSERVER_SEAT
from simulator.room.mirror import RemoteControl

from ..screens.exercise import ExerciseScreen
from ..screens.render_panels import roles_text

CLOCK_ACTIONS = {"toggle_clock", "speed", "jump", "end"}
VIEWING = {"next_tab", "role_tab", "next_unread", "console"}
"""What the observer may do: look around."""


def room_text(codes: dict | None, connected: dict[str, int], address: str | None) -> Text:
    """The room panel: where to join, each seat's code and who is connected now."""
    t = Text()
    t.append("Room\n", style="bold underline")
    if address:
        t.append(f"  join: tabletop join {address} --code CODE\n")
    if codes:
        rows = [("facilitator", codes["facilitator"]), ("observer", codes["observer"]), *codes["seats"].items()]
        for seat, code in rows:
            n = connected.get(seat, 0)
            t.append(f"  {seat:<20} {code}  ")
            t.append(f"{n} connected\n" if n else "not connected\n", style="green" if n else "dim")
    else:
        for seat, n in sorted(connected.items()):
            t.append(f"  {seat:<20} {n} connected\n")
    return t.append("\n")


class RoomExerciseScreen(ExerciseScreen):
    owns_clock = False  # the host's facilitator runs the clock
    def __init__(self, control, config, seat: str, room: Callable[[], Text] | None = None, wall=time.monotonic):
        super().__init__(control, config, wall=wall)
        self.seat, self.room = seat, room
        self._folded = len(control.session.events)

    def on_mount(self, event: events.Mount) -> None:
        # Events that arrived between building this screen and mounting it (a joined seat's
        # catch-up) are folded here: the hot-seat screen assumes its session stood still.
        missed = list(self.control.session.events[self._folded:])
        super().on_mount()
        # Textual also calls each base class's own on_mount after this one; the base has run
        # here already, in the order this needs, so it must not run twice (two briefings, two
        # clock timers).
        event.prevent_default()
        if missed:
            self._fold(missed, self.view.apply(missed) | {"plan", "pending", "timeline", "state", "activity",
                                                         *(f"inbox:{r}" for r in self.humans)})

    def send(self, cmd, done: str | None = None):
        """As hot-seat, but "done" is said when the host has logged the command, not when it is sent."""
        events = self.control.submit(cmd)
        if events is None:
            return []
        if not isinstance(self.control, RemoteControl):
            return self._said(events, done)  # the host's own console: submitted is logged
        if done and self.control.last_id is not None:
            self.control.when_acked(self.control.last_id, lambda: self.notify(done, timeout=3))
        return events

    def _said(self, events, done):
        if done and not any(isinstance(e, E.CommandRejected) for e in events):
            self.notify(done, timeout=3)
        return events

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if self.seat == OBSERVER_SEAT:
            if action not in VIEWING or (action == "console" and parameters != ("facilitator",)):
                return False
        elif self.seat != FACILITATOR_SEAT and (action in CLOCK_ACTIONS or action == "console" and parameters == ("facilitator",)):
            return False  # the clock and the end are the facilitator's
        return super().check_action(action, parameters)

    def _refresh_facilitator(self, changed, delivered) -> None:
        super()._refresh_facilitator(changed, delivered)
        if self.room is not None:
            self.facilitator.text("roles").update(self.room() + roles_text(self.view, self.view.seats))

    def refresh_room(self) -> None:
        if self.room is not None and self.seat in (FACILITATOR_SEAT, OBSERVER_SEAT) and self.is_mounted:
            self.facilitator.text("roles").update(self.room() + roles_text(self.view, self.view.seats))

    def _to_hot_wash(self) -> None:
        if self.seat == FACILITATOR_SEAT:
            super()._to_hot_wash()
        else:
            self.notify("The exercise has ended. The facilitator leads the hot wash; the log and the scorecard are on "
                        "the host.", title="Ended", timeout=30)


class CodeScreen(Screen):
    """Asks for the join code (a browser visitor, or `tabletop join` without --code)."""

    DEFAULT_CSS = """
    CodeScreen { align: center middle; }
    CodeScreen > Vertical { width: 60; height: auto; border: thick $primary; padding: 1 2; }
    CodeScreen #code-problem { color: $error; }
    """

    def __init__(self, address: str, problem: str = "", on_code: Callable[[str], None] = lambda code: None):
        super().__init__()
        self.address, self.problem, self.on_code = address, problem, on_code

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Join the exercise", classes="title")
            yield Static(f"Host: {self.address}\nType the join code the facilitator gave you.")
            yield Input(placeholder="join code, e.g. K7QM-3XRT", id="code")
            yield Static(self.problem, id="code-problem")

    def on_mount(self) -> None:
        self.query_one("#code", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.query_one("#code-problem", Static).update("joining...")
            self.on_code(event.value.strip())

    def refused(self, problem: str) -> None:
        self.query_one("#code-problem", Static).update(problem)
        self.query_one("#code", Input).value = ""
