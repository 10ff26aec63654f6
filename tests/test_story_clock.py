"""The in-story clock that the consoles, the replay viewer and the report all show."""

from __future__ import annotations

from simulator.loading.pack import load_pack
from simulator.report.wording import clock
from simulator.story_clock import story_time

from .conftest import ROOT


def test_story_time_follows_module_jumps():
    pack = load_pack(ROOT / "scenarios" / "caldmere-vaisakhi-attack")  # 11:40; M2 'Day 1, 15:00' at 80; M3 'Day 3, 10:00' at 170
    sc = pack.scenario
    assert story_time(sc, 0) == "11:40"
    assert story_time(sc, 12.4) == "11:52"
    assert story_time(sc, 85) == "15:05"  # not 13:05: the story jumped at module 2
    assert story_time(sc, 180) == "Day 3 10:10"
    assert clock(pack, 85) == story_time(sc, 85)  # the report shows the consoles' clock
