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

A date-time ('2026-03-14 09:30', '14.03.2026 09:30', '03/14/2026 9:30 AM', or a date-time cell
of a workbook) is a clock time on that day: rows on later days are that many days later.
Words planners write for an inject sent on a cue ('On cue', 'As needed', 'TBD') mean no time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .timefmt import hhmm, parse_hhmm

_AMPM = re.compile(r"^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?\s*([ap])\.?\s*m\.?$", re.I)
_MILITARY = re.compile(r"^([01]\d|2[0-3])([0-5]\d)$")
DAY = 24 * 60
_DATE = re.compile(r"^(?:(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})|(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})"
                   r"|(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y3>\d{4}))(?:[T\s]+|$)")
_ON_CUE = re.compile(r"^(?:on\s+cue|cue|as\s+needed|as\s+required|tbd|n/?a|on\s+call|when\s+triggered|contingent)\b\s*", re.I)


def split_date(text: str) -> tuple[int | None, str]:
    """(the day number of a leading date, the rest): '2026-03-14 09:30' -> (739324, '09:30').

    A slashed date is read month first (the HSEEP templates are American) unless the first
    number cannot be a month. None, text when the text starts with no date (or an impossible one)."""
    found = _DATE.match(text.strip())
    if found is None:
        return None, text
    g = found.groupdict()
    if g["y"]:
        y, m, d = g["y"], g["m"], g["d"]
    elif g["y2"]:
        y, m, d = g["y2"], g["m2"], g["d2"]
    else:
        m, d, y = (g["a"], g["b"], g["y3"]) if int(g["a"]) <= 12 else (g["b"], g["a"], g["y3"])
    try:
        day = dt.date(int(y), int(m), int(d)).toordinal()
    except ValueError:
        return None, text
    return day, text.strip()[found.end():].strip() or "00:00"


def on_cue(text: str) -> tuple[bool, str]:
    """(whether the cell starts with words for 'sent on a cue', the rest of it)."""
    found = _ON_CUE.match(text.strip())
    return (True, text.strip()[found.end():]) if found else (False, text)


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
    day: int | None = None
    """The day number when the cell held a date too."""


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
    from .msel_layout import CLOCK_HEADERS

    first = timed[0]
    why = None
    if header_key in CLOCK_HEADERS:
        why = f"the column is '{header}'"
    elif any(t.day is not None for t in timed):
        why = "they are written as dates and times"
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
        if t.day is not None and first.day is not None:
            elapsed += (t.day - first.day) * DAY  # a later day is that many days later, no guessing
        elif elapsed < 0 and first.minutes - t.minutes >= DAY / 2:
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
