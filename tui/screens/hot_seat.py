"""Hot-seat: one terminal, many seats. Number keys switch to a role's console (a key stays with its
role when another seat changes hands), and the facilitator's console asks for its code, so a
player cannot reach the facilitator's notes and controls (mixed into the exercise screen)."""

from __future__ import annotations

from simulator.room.codes import normalise

from ..widgets.key_hints import KeyHints
from ..widgets.light_tabs import Switcher
from .dialogs import CodeDialog

KEY_LABELS = {"plus": "+", "minus": "-", "space": "space", "left_square_bracket": "[", "right_square_bracket": "]"}


class HotSeat:
    """Console switching for `ExerciseScreen` (which holds the seats, the consoles and the bars)."""


    def _show_hints(self) -> None:
        hints = []
        for b in self.BINDINGS:
            if b.show and self.check_action(b.action.split("(")[0], ()) is not False:
                hints.append((KEY_LABELS.get(b.key.split(",")[0], b.key.split(",")[0]), b.description))
        self.query_one(KeyHints).show(hints)

    def _focus_console(self) -> None:
        self._show_hints()
        who = self.current
        target = self.facilitator.timeline if who == "facilitator" else self.console(who).inbox
        if not target.has_focus:  # focus() repaints the whole list even when it has the focus already
            target.focus()

    def action_console(self, who: str) -> None:
        if who == "facilitator" and self.solo:
            return
        if who == "facilitator" and self.current != "facilitator":  # a player may not reach the notes and controls
            dialog = self.kept("facilitator-code", lambda: CodeDialog(self._code_given))
            assert isinstance(dialog, CodeDialog)
            dialog.reopen()
            self.app.push_screen("facilitator-code")
            return
        self._switch(who)

    def _code_given(self, code: str) -> None:
        """The right code hands the screen to the facilitator (while the code's dialog still covers it)."""
        if normalise(code) == normalise(self.facilitator_code):
            self._switch("facilitator")

    def _switch(self, who: str) -> None:
        if who != "facilitator" and who not in self._mounted:
            return  # its console is still being mounted
        with self.app.batch_update():  # one frame for the switch, the focus and the bars
            self._current = who
            self.query_one("#consoles", Switcher).current = self._console_id(who)
            self._focus_console()
            self._show_clock()
            self._show_banner()

    def action_seat(self, n: int) -> None:
        role = self.role_for_key(n)
        if role is not None:
            self.action_console(role)

    def seat_key(self, role: str) -> int:
        """The number key of a role's console: its place in the scenario's roles, so a key
        stays with its role when another seat changes hands."""
        return list(self.pack.scenario.roles).index(role) + 1

    def role_for_key(self, n: int) -> str | None:
        roles = list(self.pack.scenario.roles)
        role = roles[n - 1] if 1 <= n <= len(roles) else None
        return role if role in self.humans else None

    def _seat_keys(self) -> str:
        """'1-4 roles' while every seat has a person; else the keys that open a console ('1 3 4')."""
        keys = [self.seat_key(r) for r in self.humans]
        if keys == list(range(1, len(keys) + 1)):
            return f"1-{len(keys)} roles" if len(keys) > 1 else "1 role"
        return "roles " + " ".join(map(str, keys))

