"""In-story time: what the clock on the wall says in the story at an exercise minute.

Why in the core: the consoles, the replay viewer and the after-action report must all show the
same time, and modules may jump ahead in the story ('Day 3, 10:00'), which a plain
'start + minutes' gets wrong.
"""

from __future__ import annotations

import math
import re

from .models.scenario import Scenario

_STORY = re.compile(r"^(?P<day>.*?)[,\s]*(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)$")


def whole(t: float) -> int:
    """An exercise minute rounded to the nearest whole minute (halves up, unlike round())."""
    return int(math.floor(t + 0.5))


def story_time(scenario: Scenario, t: float) -> str:
    """In-story time of an exercise minute, e.g. '12:08' or 'Day 3 10:10'.

    The time runs on from the latest module that gives one, else from the scenario's start
    ('+1d' past midnight). The day is named only when it differs from the day the exercise
    starts on."""
    base_day, base, start = "", scenario.clock.start, 0.0
    first_day = ""
    for i, m in enumerate(sorted(scenario.modules, key=lambda m: m.starts_at)):
        found = _STORY.match(m.time or "")
        if found is None:
            continue
        if i == 0 or not first_day:
            first_day = first_day or found["day"]
        if m.starts_at <= t + 1e-9:
            base_day, base, start = found["day"], f"{found['hh']}:{found['mm']}", m.starts_at
    hh, mm = (int(x) for x in base.split(":"))
    total = hh * 60 + mm + whole(t) - whole(start)
    day, rest = divmod(total, 24 * 60)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    if base_day and base_day != first_day and not day:
        return f"{base_day} {text}"  # no comma: the time often sits in a list inside brackets
    return text + (f" +{day}d" if day else "")
