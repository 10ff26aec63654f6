"""Exercise minutes as HH:MM (elapsed since exercise start), and back.

Why elapsed time rather than time of day: an MSEL row keeps its place when the exercise is
moved to another start time, and minute 0 is always 00:00. Fractions of a minute, which the
scenario format allows, are written as HH:MM:SS.
"""

from __future__ import annotations

import re

_TIME = re.compile(r"^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$")


def hhmm(minutes: float) -> str:
    """90 -> '01:30'; 90.5 -> '01:30:30'."""
    seconds = round(minutes * 60)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")


def parse_hhmm(text: str) -> float | None:
    """'01:30' -> 90.0; '1:30:30' -> 90.5; None when it is not such a time."""
    found = _TIME.match(text.strip())
    if found is None:
        return None
    h, m, s = found.groups()
    return int(h) * 60 + int(m) + (int(s) / 60 if s else 0)
