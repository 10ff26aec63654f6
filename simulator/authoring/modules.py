"""Which module an inject belongs to, for the MSEL's Module column and the graph's clusters.

Why a rule: many injects name no module. One sent at a minute belongs to the module running
then; one sent on a cue, to the module running at the earliest minute it can arrive (from the
static analysis, reach.py). An inject that can never arrive belongs to none.
"""

from __future__ import annotations

import math

from ..models.scenario import Inject, Module, Scenario


def module_at(s: Scenario, t: float) -> Module | None:
    started = [m for m in s.modules if m.starts_at <= t]
    return max(started, key=lambda m: m.starts_at) if started else None


def module_of(s: Scenario, inj: Inject, earliest: float | None = None) -> Module | None:
    if inj.module is not None:
        return next((m for m in s.modules if m.id == inj.module), None)
    if inj.at is not None:
        return module_at(s, inj.at + inj.delay)
    if earliest is not None and math.isfinite(earliest):
        return module_at(s, earliest)
    return None
