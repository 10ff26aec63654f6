"""The clock's keys: pause and run, speed, jump to the next inject, to a minute, a story time or a
module, each saying where it landed and what it skipped (mixed into the exercise screen; the
facilitator's in a facilitated exercise, a solo player's own)."""

from __future__ import annotations

from simulator.console.jumps import jump_summary, parse_target

from .jump_dialog import JumpDialog


class ClockIntents:
    """Clock actions for `ExerciseScreen` (which holds the control, the view and the clock bar)."""


    def action_toggle_clock(self) -> None:
        self.control.toggle_pause()
        self._show_clock()

    def action_speed(self, step: int) -> None:
        self.control.change_speed(step)
        self._show_clock()

    def action_jump(self) -> None:
        if self.control.jump_to_next() is None:
            if not self.view.ended and self.control.fault is None:
                self.notify("No scheduled inject is left.", severity="warning")
        else:
            self._say_jump()
        self._show_clock()

    def action_jump_to(self) -> None:
        now = self.control.session.now
        modules = [(m.id, f"{m.title} ({self.view.clock(m.starts_at)})", float(m.starts_at))
                   for m in sorted(self.pack.scenario.modules, key=lambda m: m.starts_at) if m.starts_at > now]
        dialog = JumpDialog(modules, lambda text: parse_target(self.view, text, self.control.session.now),
                            self.view.clock(now))
        self.app.push_screen(dialog, lambda r: r and self._jump_to(r))

    def _jump_to(self, r: dict) -> None:
        if self.control.jump_to(r["to"], r["through"], r["module"]) is not None:
            self._say_jump()
        self._show_clock()

    def _say_jump(self) -> None:
        """Say where the jump landed and what it skipped (from what the session did on the way)."""
        last = self.control.last_jump
        if last is not None:
            self.notify(jump_summary(self.view, *last), title="Clock jumped", timeout=8)

