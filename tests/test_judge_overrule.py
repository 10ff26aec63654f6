"""Who may overrule a decision, and until when: one rule (simulator/judge.py), which the engine
applies, the consoles offer and the coaching reads. The decider's superior, anyone above it on
the reporting line, whoever acts for one of them (succession) or holds a delegation from one of
them; never the decider itself, nobody who cannot be reached, and only for OVERRULE_WINDOW
minutes after the call."""

from __future__ import annotations

import pytest

from simulator import judge
from simulator.engine.history import History
from simulator.models.role import Role
from simulator.models.scenario import Decision
from simulator.timegrid import is_on_grid, later


def role(rid, boss=None, successor=None):
    return Role(kind="role", id=rid, title=rid.replace("_", " ").title(), brief="b", reports_to=boss,
                successor=successor, source="test")


@pytest.fixture
def roles():
    # mayor <- police <- inspector; mayor <- deputy (the mayor's successor); mayor <- comms
    return {"mayor": role("mayor", successor="deputy"), "deputy": role("deputy", "mayor"),
            "police": role("police", "mayor", successor="inspector"), "inspector": role("inspector", "police"),
            "comms": role("comms", "mayor")}


def record(away=(), delegated=()):
    h = History(state={})
    for r in away:
        h.set_reachable(r, False, 0.0)
    for by, to in delegated:
        h.delegate(by, to, "some_authority", 0.0)
    return h


def test_the_reporting_line_above_a_role_nearest_first(roles):
    assert judge.superiors(roles, "inspector") == ["police", "mayor"]
    assert judge.superiors(roles, "police") == ["mayor"]
    assert judge.superiors(roles, "mayor") == []
    looped = {"a": role("a", "b"), "b": role("b", "a")}
    assert judge.superiors(looped, "a") == ["b"]  # a loop ends the line
    assert judge.superiors({"a": role("a", "outside")}, "a") == []  # a superior not in the exercise ends it too


def test_the_superior_and_anyone_above_may_overrule(roles):
    here = record()
    assert judge.overrules_as(roles, "police", "mayor", 10, here) == "mayor"
    assert judge.overrules_as(roles, "inspector", "police", 10, here) == "police"
    assert judge.overrules_as(roles, "inspector", "mayor", 10, here) == "mayor"  # further up the line


def test_nobody_overrules_their_own_call_a_peer_or_a_superior(roles):
    here = record()
    assert judge.overrules_as(roles, "police", "police", 10, here) is None
    assert judge.overrules_as(roles, "police", "comms", 10, here) is None  # a peer
    assert judge.overrules_as(roles, "mayor", "police", 10, here) is None  # below the decider
    assert judge.overrules_as(roles, "police", "inspector", 10, here) is None
    assert judge.overrules_as(roles, "mayor", "deputy", 10, here) is None  # the top of the chain has nobody above


def test_the_successor_overrules_while_the_superior_cannot_be_reached_and_the_superior_does_not(roles):
    away = record(away=["mayor"])
    assert judge.overrules_as(roles, "police", "deputy", 10, away) == "mayor"
    assert judge.overrules_as(roles, "police", "mayor", 10, away) is None  # in the air: cannot be reached
    assert judge.overrules_as(roles, "police", "deputy", 10, record()) is None  # the mayor is back: not the deputy's


def test_a_delegate_of_the_superior_may_overrule_as_it_may_meet_the_superiors_steps(roles):
    # The same standing as for a plan step (judge.standing): the role, its successor or its delegate.
    assert judge.overrules_as(roles, "police", "comms", 10, record(delegated=[("mayor", "comms")])) == "mayor"
    assert judge.overrules_as(roles, "police", "comms", 10, record(delegated=[("police", "comms")])) is None
    assert judge.overrules_as(roles, "police", "police", 10, record(delegated=[("mayor", "police")])) is None


def test_a_successor_who_took_the_call_for_the_decider_cannot_overrule_it(roles):
    # The police chief cannot be reached; the inspector decides for her; the mayor may overrule it.
    away = record(away=["police"])
    assert judge.overrules_as(roles, "inspector", "inspector", 10, away) is None
    assert judge.overrules_as(roles, "inspector", "mayor", 10, away) == "mayor"


def decision(**extra):
    return Decision(prompt="Who stands at the door?", options=[{"id": "a", "label": "A"}, {"id": "b", "label": "B"}], **extra)


def test_the_window_is_thirty_minutes_unless_the_decision_says_inclusive_on_the_grid(roles):
    here = record()
    usual = decision()
    ends = judge.overrule_ends(usual, 12.3456)
    assert ends == 42.3456 and is_on_grid(ends)
    assert judge.overrule_refusal(roles, usual, "police", 12.3456, "mayor", ends, here) is None  # the last minute counts
    late = judge.overrule_refusal(roles, usual, "police", 12.3456, "mayor", later(ends, 0.0001), here)
    assert late is not None and "too late" in late and "42.3456" in late and "30 minutes" in late
    slow = decision(overrule_within=120)  # a call that takes hours to lock in (where a vigil is held)
    assert judge.overrule_ends(slow, 12.3456) == 132.3456
    assert judge.overrule_refusal(roles, slow, "police", 12.3456, "mayor", 100, here) is None
    assert "120 minutes" in (judge.overrule_refusal(roles, slow, "police", 12.3456, "mayor", 133, here) or "")
    for bad in (0, -5):
        with pytest.raises(ValueError):
            decision(overrule_within=bad)


def test_refusals_say_why_in_plain_words(roles):
    here = record()
    own = judge.overrule_refusal(roles, decision(), "police", 10, "police", 11, here)
    peer = judge.overrule_refusal(roles, decision(), "police", 10, "comms", 11, here)
    top = judge.overrule_refusal(roles, decision(), "mayor", 10, "deputy", 11, here)
    assert own is not None and "yourself" in own
    assert peer is not None and "above the Police" in peer and "the Mayor" in peer  # titles, not ids
    assert top is not None and "the Mayor reports to nobody" in top
    assert judge.overrule_refusal(roles, decision(), "police", 10, "mayor", 11, here) is None
    late = judge.overrule_refusal(roles, decision(), "police", 10, "mayor", 41, here)
    assert late is not None and "the Police decided at minute 10" in late
    # a decider outside the exercise's roles is named as given (no title to look up), never a crash
    assert "the ghost reports to nobody" in (judge.overrule_refusal(roles, decision(), "ghost", 10, "mayor", 11, here) or "")
