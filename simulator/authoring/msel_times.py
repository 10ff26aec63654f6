"""Scenario Time cells of an imported MSEL: elapsed exercise time, or clock times converted to it.

Tabletop's MSEL format writes elapsed time (00:00 is minute 0), but many real MSELs write the
time of day ('09:30', '0930', '9:30 AM'). Read as elapsed time, 09:30 would put the first
inject nine and a half hours into the exercise, so a sheet whose times are clock times is
converted: each time becomes minutes after the first timed row, and the scenario clock starts
at that row's time of day. Delays ('+00:05') are durations either way.

A sheet holds clock times when its time header says so ('Clock Time', 'Time of Day', 'Local
Time'), when any cell is written as a time of day ('9:30 AM', '0930'), or, for a header that
does not say ('Time', 'Scenario Time'), when the first timed row is at 01:00 or later and every
time lies within one day: an elapsed MSEL starts at or near 00:00. A header with 'elapsed' in it
is always read as elapsed time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .timefmt import hhmm, parse_hhmm

_AMPM = re.compile(r"^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?\s*([ap])\.?\s*m\.?$", re.I)
_MILITARY = re.compile(r"^([01]\d|2[0-3])([0-5]\d)$")
DAY = 24 * 60


def parse_time(text: str) -> tuple[float, bool] | None:
    """(minutes, written as a time of day) for '01:30', '9:30 AM' or '0930'; None otherwise."""
    plain = parse_hhmm(text)
    if plain is not None:
        return plain, False
    found = _AMPM.match(text.strip())
    if found:
        h, m, s, half = found.groups()
        if not 1 <= int(h) <= 12:
            return None
        hour = int(h) % 12 + (12 if half.lower() == "p" else 0)
        return hour * 60 + int(m) + (int(s) / 60 if s else 0), True
    found = _MILITARY.match(text.strip())
    if found:
        return int(found.group(1)) * 60 + int(found.group(2)), True
    return None


@dataclass
class Timed:
    """One row's scheduled time, as read."""

    row: int
    minutes: float
    clock_form: bool
    inject: dict


@dataclass
class Settled:
    start: str | None
    """The scenario clock's start (HH:MM) when the sheet held clock times, else None."""
    note: str | None
    errors: list[tuple[int, str]]


def settle(timed: list[Timed], header_key: str, header: str) -> Settled:
    """Decide whether the times are clock times; if so rewrite each inject's 'at' as elapsed minutes."""
    if not timed:
        return Settled(None, None, [])
    elapsed_header = "elapsed" in header_key
    if elapsed_header:
        bad = [(t.row, f"'{header}' \"{hhmm(t.minutes)}\" is written as a time of day, but the column holds elapsed "
                        "exercise time; write it like 01:30") for t in timed if t.clock_form]
        return Settled(None, None, bad)
    from .msel import CLOCK_HEADERS

    first = timed[0]
    why = None
    if header_key in CLOCK_HEADERS:
        why = f"the column is '{header}'"
    elif any(t.clock_form for t in timed):
        why = "they are written as times of day"
    elif first.minutes >= 60 and all(t.minutes < DAY for t in timed):
        why = f"the first row is at {hhmm(first.minutes)}, not near 00:00"
    if why is None:
        return Settled(None, None, [])
    if first.minutes >= DAY:
        return Settled(None, None, [(first.row, f"'{header}' \"{hhmm(first.minutes)}\" is not a time of day")])
    errors = []
    for t in timed:
        elapsed = t.minutes - first.minutes
        if elapsed < 0 and first.minutes - t.minutes >= DAY / 2:
            elapsed += DAY  # past midnight: 23:30 then 00:15 is 45 minutes later
        if elapsed < 0 or t.minutes >= DAY:
            errors.append((t.row, f"'{header}' \"{hhmm(t.minutes)}\" is before the first row's {hhmm(first.minutes)}; "
                                  "with clock times, sort the rows by time (or write elapsed time, 00:00 = start)"))
            continue
        t.inject["at"] = elapsed
    start = hhmm(int(first.minutes))
    note = (f"'{header}' holds clock times ({why}): read as elapsed time from the first row, "
            f"so {start} is minute 0 and the scenario clock starts at {start}")
    return Settled(start, note, errors)
