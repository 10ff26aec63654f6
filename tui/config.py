"""What the setup screen (or the command line) decided: scenario, seats, seed, speed and log.

Pure data, no Textual: the CLI, the setup screen and the tests all build one and hand it to
`make_app`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from simulator.engine.seats import Seat

from simulator.console.clock_driver import SPEEDS, nearest_speed  # noqa: F401  (the setup screen's choices)


@dataclass
class RunConfig:
    scenario: Path | None = None
    """The scenario file; None until picked on the setup screen."""
    mode: Literal["facilitated", "solo"] = "facilitated"
    solo_role: str | None = None
    seats: dict[str, Seat] = field(default_factory=dict)
    """Role -> seat for a facilitated exercise; empty means a person in every seat."""
    staff_policy: str = "plan"
    competence: float = 0.85
    """How often simulated staff get each step right (solo mode and staff seats)."""
    seed: int = 1
    speed: float = 1.0
    log: Path | None = None
    resume: Path | None = None
    """Continue this log instead of starting a new exercise."""
    high_contrast: bool = False

    def seats_for(self, roles: list[str]) -> dict[str, Seat]:
        """The seat of every role: in solo mode one person and simulated staff elsewhere."""
        staff = Seat(kind="staff", policy=self.staff_policy, competence=self.competence)
        if self.mode == "solo":
            return {r: Seat() if r == self.solo_role else staff for r in roles}
        return {r: self.seats.get(r, Seat()) for r in roles}

    def log_path(self, scenario_id: str) -> Path:
        """The log to write: the one given, or a fresh name in the current folder."""
        if self.log is not None:
            return self.log
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        return Path(f"tabletop-{scenario_id}-{self.seed}-{stamp}.jsonl")

