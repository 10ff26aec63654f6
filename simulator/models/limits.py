"""Upper bounds on what a scenario pack may ask of the machine, in one place.

Why: every number and list in a pack sets an amount of work (ticks to simulate, conditions to
check, rows to draw). A typo (`tick: 0.000001`) or a hostile file must be refused where it is
written, with the limit named, instead of running for an hour. Each limit is far above what a
real exercise needs: the shipped packs hold under 50 injects, 20 dynamics and 10 options.
"""

from __future__ import annotations

LONGEST_CLOCK = 7 * 24 * 60
"""Longest exercise, in minutes: a week."""
MINUTES = 1_000_000
"""Largest time or span a pack may write, in minutes (almost two years): anything later than the
longest clock never happens anyway, and a bound keeps the time grid's arithmetic finite."""

TEXT_CHARS = 10_000
"""Longest free text (a title, an inject body, a template). Real bodies are under 600 characters."""

AMOUNT = 1_000_000_000
"""Largest size of a state value, bound, effect, rate, noise or threshold. Keeps every sum of
them finite (no overflow to infinity, whose differences are not numbers)."""

INJECTS = 20_000
"""Injects in one scenario (the engine benchmark plays 10,000)."""
DYNAMICS = 500
STATE_VARS = 500
OPTIONS = 20
"""Options of one decision: more cannot be read at the table."""
FOLLOW_UPS = 100
"""Injects one option cues."""
ROLES = 100
MODULES = 100
CONDITION_ITEMS = 100
"""Conditions listed under one `all` or `any`."""
EXPECTATIONS = 5_000
LIST_ITEMS = 1_000
"""Any other list of a pack (senders, objectives, rules, templates, actions, words...)."""

CHECKS_PER_EXERCISE = 10_000_000
"""Condition checks the clock's ticks may cost over one exercise: each tick applies every
dynamic (and checks its `when`) and re-checks every trigger that reads a state variable. About
three seconds of work; the heaviest benchmark needs 200,000."""

STATE_TRIGGERS_IN_PLAN = 1_000
"""Conditions in plan-step triggers that read state (re-checked on every change of state)."""
