"""In-story time: what the clock on the wall says in the story at an exercise minute.

Why in the core: the consoles, the replay viewer and the after-action report must all show the
same time, and modules may jump ahead in the story ('Day 3, 10:00', 'Week 2, Wed 07:30'), which a
plain 'start + minutes' gets wrong.
"""

from __future__ import annotations

import math
import re

from .models.scenario import Scenario

# A module's time: a day label, then HH:MM, then optionally words the clock does not show
# ('Monday 09:00, five days before the march').
_STORY = re.compile(r"^(?P<day>.*?)[,\s]*\b(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)\b(?:[,;\s].*)?$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(f"{d[:3]}(?:{d[3:]})?" for d in _WEEKDAYS) + r")\b", re.IGNORECASE)
_DAY_N = re.compile(r"\b(Day\s+)(\d+)\b", re.IGNORECASE)
_WEEK_N = re.compile(r"\b(Week\s+)(\d+)\b", re.IGNORECASE)
DAY = 24 * 60


def whole(t: float) -> int:
    """An exercise minute rounded to the nearest whole minute (halves up, unlike round())."""
    return int(math.floor(t + 0.5))


def _label(day: str) -> str:
    """A day label as the clock shows it: no commas ('Week 2, Wed' reads 'Week 2 Wed'), because
    the time often sits in a list inside brackets in the report."""
    return " ".join(day.replace(",", " ").split())


def later_day(label: str, days: int) -> str | None:
    """The label `days` later: 'Day 3' -> 'Day 4', 'Week 1 Sun' -> 'Week 2 Mon', 'Saturday' ->
    'Sunday', 'Day 4 (Friday)' -> 'Day 5 (Saturday)'; None for a label the clock cannot count on
    ('the day of the march')."""
    weekday = _WEEKDAY.search(label)
    day_n, week_n = _DAY_N.search(label), _WEEK_N.search(label)
    if weekday is None and day_n is None:
        return None
    out, weeks = label, 0
    if weekday is not None:
        word = weekday.group(1)
        i = next(k for k, d in enumerate(_WEEKDAYS) if d.startswith(word[:3].lower()))
        weeks, j = divmod(i + days, 7)
        new = _WEEKDAYS[j] if len(word) > 3 else _WEEKDAYS[j][:3]
        new = new.capitalize() if word[0].isupper() else new
        out = out[:weekday.start(1)] + new + out[weekday.end(1):]
    if day_n is not None:
        out = _DAY_N.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + days}", out, count=1)
    elif week_n is not None and weeks:
        out = _WEEK_N.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + weeks}", out, count=1)
    return out


def story_time(scenario: Scenario, t: float) -> str:
    """In-story time of an exercise minute, e.g. '12:08', 'Day 3 10:10' or 'Week 2 Wed 07:47'.

    The time runs on from the latest module that gives one, else from the scenario's start. The
    day is named once the story has left the day it starts on (a later module on another day, or
    past midnight), and stays named from then on, so a second 'Monday' is never mistaken for the
    first. Past midnight the day label counts on ('Day 3' -> 'Day 4'), or '+1d' is added when it
    cannot."""
    base_day, base, start = "", scenario.clock.start, 0.0
    first_day: str | None = None
    left_first_day = False
    for m in sorted(scenario.modules, key=lambda m: m.starts_at):
        found = _STORY.match(m.time or "")
        if found is None:
            continue
        day = _label(found["day"])
        first_day = day if first_day is None else first_day
        if m.starts_at <= t + 1e-9:
            base_day, base, start = day, f"{found['hh']}:{found['mm']}", m.starts_at
            left_first_day = left_first_day or day != first_day
    hh, mm = (int(x) for x in base.split(":"))
    days, rest = divmod(hh * 60 + mm + whole(t) - whole(start), DAY)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    named = bool(base_day) and left_first_day
    if days:
        on = later_day(base_day, days) if base_day else None
        if on is not None:
            return f"{on} {text}"
        return (f"{base_day} " if named else "") + f"{text} +{days}d"
    return f"{base_day} {text}" if named else text  # no comma: the time often sits in a list inside brackets


_HHMM = re.compile(r"\b\d\d:\d\d\b")


def day_and_time(clock: str) -> tuple[str, str]:
    """A story time split into its day and its time of day: 'Day 3 10:10' is ('Day 3', '10:10'),
    '07:47 +1d' is ('+1d', '07:47'), '12:08' is ('', '12:08'). A long list (the replay viewer's)
    names the day once, above the rows of that day, and gives each row only its time."""
    found = _HHMM.search(clock)
    if found is None:
        return "", clock
    day = " ".join((clock[:found.start()] + clock[found.end():]).split())
    return day, found.group(0)


def first_day(scenario: Scenario) -> str:
    """The day the story starts on, as its first module with a time names it ('Day 1'); '' when none
    does. `story_time` leaves it out until the story moves on; a list of days can name it at the top."""
    for m in sorted(scenario.modules, key=lambda m: m.starts_at):
        found = _STORY.match(m.time or "")
        if found is not None:
            return _label(found["day"])
    return ""


def _day_number(label: str) -> int | None:
    """Which day of the story a label names, counted from 1, where it says: 'Day 9' is 9, 'Week 2
    Wed' is 10 (weeks start on Monday); None for a label that does not say."""
    day_n, week_n, weekday = _DAY_N.search(label), _WEEK_N.search(label), _WEEKDAY.search(label)
    if day_n is not None:
        return int(day_n.group(2))
    if week_n is not None and weekday is not None:
        i = next(k for k, d in enumerate(_WEEKDAYS) if d.startswith(weekday.group(1)[:3].lower()))
        return (int(week_n.group(2)) - 1) * 7 + i + 1
    return None


def _story_minute(scenario: Scenario, t: float) -> int | None:
    """Minutes since midnight of story day 1 at exercise minute `t`, where the module labels say
    which day it is; None where they do not."""
    base_day, base, start = "", scenario.clock.start, 0.0
    for m in sorted(scenario.modules, key=lambda m: m.starts_at):
        found = _STORY.match(m.time or "")
        if found is not None and m.starts_at <= t + 1e-9:
            base_day, base, start = _label(found["day"]), f"{found['hh']}:{found['mm']}", m.starts_at
    number = _day_number(base_day)
    if number is None:
        return None
    hh, mm = (int(x) for x in base.split(":"))
    return (number - 1) * DAY + hh * 60 + mm + whole(t) - whole(start)


def story_span(scenario: Scenario, t0: float, t1: float) -> str | None:
    """How long the story takes from exercise minute `t0` to `t1`, in words, when a jump between
    modules makes it differ from the exercise minutes ('9 days', '1 day 3 h'); None when there is
    no jump between them or the module labels do not say which day it is."""
    a, b = _story_minute(scenario, t0), _story_minute(scenario, t1)
    if a is None or b is None or b - a == whole(t1) - whole(t0):
        return None
    span = b - a
    days, hours = span // DAY, (span % DAY) // 60
    if days >= 2:
        return f"{days + (1 if hours >= 12 else 0)} days"
    if days == 1:
        return "1 day" + (f" {hours} h" if hours else "")
    return f"{hours} h {span % 60} min" if hours else f"{span} min"


_TYPED = re.compile(r"^(?P<day>.*?)[,\s]*\b(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)$")


def minute_at(scenario: Scenario, text: str, after: float = -1.0) -> float | None:
    """The first whole exercise minute after `after` whose story time is `text` ('10:30', or with
    its day, 'Day 3 10:30', as the clock shows it): how people give a moment they read on a console
    or in a report. None when the clock never shows it in (after, end]. The one reader of typed
    story times: the facilitator's jump and `tabletop branch --at` both call it."""
    found = _TYPED.match(" ".join(text.split()))
    if found is None:
        return None
    wanted = f"{int(found['hh']):02d}:{found['mm']}"
    day = _label(found["day"]).lower()
    # The clock leaves the first day unnamed until the story moves on, but a list of days names it
    # ('Day 1'), so a time typed with that name is looked for where no day is shown.
    unnamed = first_day(scenario).lower()
    for m in range(max(0, math.floor(after) + 1), int(scenario.clock.duration) + 1):
        shown = story_time(scenario, m)
        if not shown.endswith(wanted):
            continue
        shown_day = shown[:-len(wanted)].strip().lower()
        if not day or shown_day == day or (not shown_day and day == unnamed):
            return float(m)
    return None
