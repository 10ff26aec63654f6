"""Full garbage-collector sweeps while nobody is pressing keys, not in the middle of a key press.

Why: Textual's rendered lines (strips) keep themselves in their own caches, so every repaint
leaves garbage that only the cyclic collector's full sweep frees, and that sweep walks the whole
live heap: with 2,000 inbox rows and a 200x60 screen, about 100,000 objects (mostly the lines on
screen), 40-80 ms on these machines. Python runs it whenever enough objects have survived since
the last one, which on the consoles was every ten key presses or so: at 200x60 the slowest
presses were those sweeps, not the consoles' own work.

While the app runs, young collections stay automatic (they are cheap and free most garbage);
a full sweep becomes due after `DUE_AFTER` young collections, as with Python's defaults, and
runs at the next quiet moment (no key or mouse for `IDLE_AFTER` seconds). Should input never
stop, it runs anyway once `FORCE_AFTER` young collections have passed: about 370 presses of
benchmarks/tui.py's key mix at 200x60 without a pause, some 20 MB more memory than Python's
own schedule by then, so memory stays bounded.
"""

from __future__ import annotations

import gc
import time

IDLE_AFTER = 1.0
"""Seconds without input after which a due full sweep runs."""

DUE_AFTER = 10
"""Young (generation 1) collections after which a full sweep is due: Python's own default."""

FORCE_AFTER = 250
"""Young collections after which the full sweep runs even while keys keep coming."""

_holders: set[int] = set()
"""Who holds the sweeps (ids of the apps running): several apps may run in one process (tests)."""
_saved: tuple[int, int, int] | None = None
_last_input = time.monotonic()


def hold(owner: object) -> None:
    """Take over the full sweeps while `owner` runs; the last owner to `release` gives them back."""
    global _saved
    if not _holders:
        _saved = gc.get_threshold()
        gc.set_threshold(_saved[0], _saved[1], 2**31 - 1)  # generation 2 never sweeps by itself
    _holders.add(id(owner))


def release(owner: object) -> None:
    """Give the sweeps back (a no-op for an owner that holds nothing, e.g. an app stopped before it started)."""
    if id(owner) not in _holders:
        return
    _holders.discard(id(owner))
    if not _holders and _saved is not None:
        gc.set_threshold(*_saved)


def saw_input() -> None:
    global _last_input
    _last_input = time.monotonic()


def poll() -> None:
    """Run a due full sweep if input has been quiet long enough, or an overdue one regardless
    (called on a timer)."""
    young = gc.get_count()[2]  # young collections since the last full sweep
    quiet = time.monotonic() - _last_input >= IDLE_AFTER
    if young >= FORCE_AFTER or (young >= DUE_AFTER and quiet):
        gc.collect()
