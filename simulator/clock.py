"""The session clock: maps wall time to exercise time, with pause, speed and jump.

Pure: callers pass wall-clock readings in (seconds from a monotonic clock), so the mapping is
testable and the engine never reads the wall clock.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ExerciseClock:
    """Exercise minutes as a function of wall seconds."""

    speed: float = 1.0
    """Exercise minutes per wall minute."""
    paused: bool = True
    _anchor_wall: float = 0.0
    _anchor_minute: float = 0.0

    def minute(self, wall: float) -> float:
        """Exercise minute at wall reading `wall`."""
        if self.paused:
            return self._anchor_minute
        return self._anchor_minute + (wall - self._anchor_wall) / 60.0 * self.speed

    def _rebase(self, wall: float) -> None:
        self._anchor_minute, self._anchor_wall = self.minute(wall), wall

    def pause(self, wall: float) -> None:
        self._rebase(wall)
        self.paused = True

    def resume(self, wall: float) -> None:
        self._anchor_wall = wall
        self.paused = False

    def set_speed(self, speed: float, wall: float) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self._rebase(wall)
        self.speed = speed

    def jump(self, minute: float, wall: float) -> None:
        """Move exercise time forward to `minute` (never backwards)."""
        self._rebase(wall)
        self._anchor_minute = max(self._anchor_minute, minute)
