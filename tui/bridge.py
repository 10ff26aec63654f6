"""The one bridge from the session to the widgets: session events become Textual messages.

Why: the session calls subscribers synchronously, once per event, and a fast clock can emit
hundreds of events per tick. The bridge buffers them and posts a single `SessionUpdated`
message per burst (it coalesces: a newer one replaces one still queued), so the screen folds a
whole batch into its view and updates each widget once.
"""

from __future__ import annotations

from textual.message import Message
from textual.message_pump import MessagePump

from simulator.engine.events import Event
from simulator.session import Session


class SessionUpdated(Message, bubble=False):
    """New session events are waiting in the bridge (take them with `SessionBridge.take`)."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, SessionUpdated)


class SessionBridge:
    """Subscribes to one session and tells one target (the exercise screen) about new events."""

    def __init__(self, session: Session):
        self._buffer: list[Event] = []
        self._target: MessagePump | None = None
        self._posted = False
        session.subscribe(self._on_event)

    def attach(self, target: MessagePump) -> None:
        self._target = target
        if self._buffer:
            self._notify()

    def _on_event(self, event: Event) -> None:
        self._buffer.append(event)
        if not self._posted:
            self._notify()

    def _notify(self) -> None:
        if self._target is not None:
            self._posted = True
            self._target.post_message(SessionUpdated())

    def take(self) -> list[Event]:
        """Every event since the last take, in order."""
        out, self._buffer, self._posted = self._buffer, [], False
        return out
