"""The in-story clock that the consoles, the replay viewer and the report all show."""

from __future__ import annotations

from simulator.loading.pack import load_pack
from simulator.report.wording import clock
from simulator.story_clock import story_span, story_time

from .conftest import ROOT


def test_story_time_follows_module_jumps():
    pack = load_pack(ROOT / "scenarios" / "caldmere-vaisakhi-attack")  # 11:40; M2 'Day 1, 15:00' at 80; M3 'Day 3, 10:00' at 170
    sc = pack.scenario
    assert story_time(sc, 0) == "11:40"
    assert story_time(sc, 12.4) == "11:52"
    assert story_time(sc, 85) == "15:05"  # not 13:05: the story jumped at module 2
    assert story_time(sc, 180) == "Day 3 10:10"
    assert clock(pack, 85) == story_time(sc, 85)  # the report shows the consoles' clock


def _with_module_times(sc, *times):
    """The scenario with its modules' story times replaced, in module order."""
    modules = [m.model_copy(update={"time": t}) for m, t in zip(sc.modules, times)]
    return sc.model_copy(update={"modules": modules})


def test_a_story_over_weeks_reads_as_weeks_and_weekdays():
    sc = load_pack(ROOT / "scenarios" / "marlhaven-election-polarisation").scenario
    # M1 'Week 1, Mon 09:00' at 0; M2 'Week 2, Wed 07:30' at 70; M3 'Week 3, Tue 17:00' at 140; M4 'Week 5, Mon 09:00' at 195
    assert story_time(sc, 32) == "09:32", "still on the first day: the day goes unsaid"
    assert story_time(sc, 87) == "Week 2 Wed 07:47", "no comma inside: the time sits in bracketed lists"
    assert story_time(sc, 150) == "Week 3 Tue 17:10"
    assert story_time(sc, 239) == "Week 5 Mon 09:44"


def test_words_after_the_time_are_allowed_and_a_second_monday_is_named():
    sc = load_pack(ROOT / "scenarios" / "lindenport-march-counterprotest").scenario  # modules at 0, 40, 80, 180
    weekdays = _with_module_times(sc, "Monday 09:00, five days before the march", "Thursday 10:00", "Saturday 11:00",
                                  "Monday 10:00, two days after the march")
    assert story_time(weekdays, 10) == "09:10"
    assert story_time(weekdays, 87) == "Saturday 11:07"
    assert story_time(weekdays, 200) == "Monday 10:20", "the words after the time are not the clock's; the second Monday is named"


def test_past_midnight_the_day_label_counts_on():
    sc = load_pack(ROOT / "scenarios" / "marlhaven-election-polarisation").scenario
    weeks = _with_module_times(sc, "Week 1, Mon 09:00", "Week 1, Sun 23:50", "Week 3, Tue 17:00", "Week 5, Mon 09:00")
    assert story_time(weeks, 80) == "Week 2 Mon 00:00", "Sunday rolls over into the next week"
    days = _with_module_times(sc, "Day 1, 09:00", "Day 4 (Friday), 23:30", "Day 9, 10:00", "Day 12, 09:00")
    assert story_time(days, 100) == "Day 5 (Saturday) 00:00"
    assert story_time(days, 60) == "10:00" and story_time(days, 70 + 0) == "Day 4 (Friday) 23:30"
    first_day = _with_module_times(sc, "Day 1, 23:00", "Day 4, 10:00", "Day 9, 10:00", "Day 12, 09:00")
    assert story_time(first_day, 65) == "Day 2 00:05", "leaving the first day names the day"
    opaque = _with_module_times(sc, "Week 1, Mon 09:00", "the night of the count, 23:50", "Week 3, Tue 17:00", "Week 5, Mon 09:00")
    assert story_time(opaque, 80) == "the night of the count 00:00 +1d", "a label the clock cannot count on"


def test_story_span_reads_deadlines_across_a_jump_as_days():
    sc = load_pack(ROOT / "scenarios" / "marlhaven-election-polarisation").scenario
    assert story_span(sc, 32, 87) == "9 days", "convene-platform: set on Monday of week 1, due on Wednesday of week 2"
    assert story_span(sc, 10, 40) is None, "no jump in between: the exercise minutes are the story's"
    assert story_span(sc, 60, 75) == "9 days"
    days = _with_module_times(sc, "Day 1, 09:00", "Day 2, 08:00", "Day 9, 10:00", "Day 12, 09:00")
    assert story_span(days, 60, 80) == "22 h 10 min", "Day 1 10:00 to Day 2 08:10"
    caldmere = load_pack(ROOT / "scenarios" / "caldmere-vaisakhi-attack").scenario
    assert story_span(caldmere, 10, 175) == "1 day 22 h", "Day 1 11:50 to Day 3 10:05"
    lindenport = load_pack(ROOT / "scenarios" / "lindenport-march-counterprotest").scenario
    assert story_span(lindenport, 10, 100) is None, "weekday names alone do not say how many days passed"
