"""A seat that cannot be reached, as the consoles show it (simulator/console/display.py): told how
long and who acts, refused in plain words, and not shown the calls made to its stand-in."""

from __future__ import annotations

import pytest

from simulator.console.display import ExerciseView
from simulator.engine import commands as C
from simulator.engine.core import Engine
from simulator.engine.seats import Seat
from simulator.loading.pack import load_pack

from .conftest import ROOT


@pytest.fixture(scope="module")
def succession():
    return load_pack(ROOT / "scenarios" / "wendholm-threats-succession")


def _played(pack, until: float, human: str = "mayor"):
    seats = {r: Seat() if r == human else Seat(kind="staff") for r in pack.scenario.roles}
    engine = Engine(pack, 1, seats)
    view = ExerciseView(pack, seats=seats)
    view.apply(engine.drain() + engine.advance_to(until))
    return engine, view


def test_the_mayor_in_the_air_reads_nothing_addressed_to_her_deputy(succession):
    engine, view = _played(succession, 149)
    addressed = [e for e in engine.history.delivered if "mayor" in (succession.injects[e].to if succession.injects[e].to != "all" else ["mayor"])]
    assert addressed, "the pack addresses injects to the mayor while she is in the air"
    assert view.inbox["mayor"] == []
    deputy = [i.ref for i in view.inbox["deputy-mayor"] if i.kind == "inject"]
    assert {"I-01", "I-02"} <= set(deputy) and len(deputy) == len(set(deputy))  # her stand-in gets them, once each


def test_the_mayor_reads_again_from_the_inject_that_brings_her_back(succession):
    _engine, view = _played(succession, 151)
    assert [i.ref for i in view.inbox["mayor"] if i.kind == "inject"] == ["I-21"]


def test_the_console_says_how_long_and_who_acts(succession):
    _engine, view = _played(succession, 60)
    assert view.unreachable_short("mayor") == f"unreachable until 11:10 ({150 - view.now:.0f}' left)"
    note = view.unreachable_note("mayor")
    assert note is not None and "until 11:10" in note and "Deputy mayor" in note
    assert view.unreachable_short("police") is None and view.unreachable_note("police") is None


def test_a_refusal_while_unreachable_says_why_in_plain_words(succession):
    engine, view = _played(succession, 30)
    view.apply(engine.apply(C.TakeAction(by="mayor", t=engine.now, action="mayor.activate_crisis_team")))
    refused = view.rejected[-1]
    assert refused.startswith("Mayor: cannot take that action.") and "until 11:10" in refused
    assert "take_action" not in refused and "Deputy mayor" in refused
