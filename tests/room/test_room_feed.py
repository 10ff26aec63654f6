"""What each seat is sent: for every shipped pack, a seat's feed holds exactly what the role
view of the replay shows for that role, and nothing of what it may not see."""

from __future__ import annotations

import pytest

from simulator.console.display import ExerciseView
from simulator.engine import commands as C
from simulator.engine import events as E
from simulator.engine.seats import Seat, all_staff
from simulator.loading.pack import load_pack
from simulator.loading.shipped import shipped_scenarios
from simulator.room.feed import EVERYONE, NOBODY, Visibility, feed_for
from simulator.session import Session
from tui.screens.replay_panels import role_text

PACKS = [p for p in shipped_scenarios()]


def played(pack, seed: int, policy: str, competence: float) -> list[E.Event]:
    """A whole exercise with simulated staff, plus the facilitator's notes and an ad-hoc inject."""
    session = Session.start(pack, seed, all_staff(pack.scenario.roles, policy, competence))
    first = pack.scenario.roles[0]
    session.advance_to(5)
    session.submit(C.ObserverNote(by=C.FACILITATOR, text="slow to brief the mayor", role=first))
    session.submit(C.AdHocInject(by=C.FACILITATOR, to=[first], title="Only for the first role", body="private"))
    session.run_to_end()
    return session.events


@pytest.fixture(scope="module", params=PACKS, ids=lambda p: p.parent.name)
def runs(request):
    pack = load_pack(request.param)
    return pack, [played(pack, seed, policy, comp) for seed, policy, comp in ((1, "random", 0.6), (7, "plan", 0.85), (3, "late", 0.5))]


def test_packs_ship():
    assert PACKS


def test_a_seats_feed_shows_exactly_the_role_view_of_the_replay(runs):
    pack, logs = runs
    for events in logs:
        end = max(e.t for e in events)
        for role in pack.scenario.roles:
            feed = feed_for(pack, events, role)
            for minute in [*range(0, int(end) + 1, 3), end]:
                whole = ExerciseView(pack)
                whole.apply([e for e in events if e.t <= minute])
                seat = ExerciseView(pack)
                seat.apply([e for e in feed if e.t <= minute])
                whole.now = seat.now = minute
                assert role_text(seat, role).plain == role_text(whole, role).plain, (pack.scenario.id, role, minute)


def test_a_seats_feed_holds_nothing_of_other_roles(runs):
    pack, logs = runs
    for events in logs:
        for role in pack.scenario.roles:
            for e in feed_for(pack, events, role):
                assert not isinstance(e, (E.ObserverNoted, E.StateChanged, E.RatingOverridden)), e
                if isinstance(e, E.InjectDelivered) and role not in e.to:
                    decision = pack.injects[e.inject].decision
                    assert decision is not None, f"{role} was sent {e.inject}, addressed to {e.to}"
                if isinstance(e, (E.MessageSent, E.Delegated)):
                    assert role in (e.by, e.to), e
                if isinstance(e, (E.ActionTaken, E.InboxRead, E.CommandRejected)):
                    assert e.by == role, e
                if isinstance(e, E.ApprovalRequested) and role not in (e.by, e.to):
                    chain, r = [], e.to
                    while r is not None and r not in chain:
                        chain.append(r)
                        r = pack.roles[r].successor
                    assert role in chain, f"{role} was sent a request from {e.by} to {e.to}"


def test_every_role_hears_the_clock_and_public_statements(mini_pack):
    rule = Visibility(mini_pack)
    for e in (E.ClockPaused(t=1), E.ExerciseEnded(t=2, reason="clock"),
              E.StatementIssued(t=1, by="mayor", channel="press", languages=["en"], audience=[], text="We are safe")):
        assert rule.audience(e) is EVERYONE


def test_control_only_events_reach_no_role(mini_pack):
    rule = Visibility(mini_pack)
    assert rule.audience(E.ObserverNoted(t=1, text="note")) == NOBODY
    assert rule.audience(E.StateChanged(t=1, values={"x": 1.0}, cause="dynamics")) == NOBODY


def test_private_ad_hoc_inject_reaches_only_its_addressee(mini_pack):
    session = Session.start(mini_pack, 1, {r: Seat() for r in mini_pack.scenario.roles})
    roles = mini_pack.scenario.roles
    session.submit(C.AdHocInject(by=C.FACILITATOR, to=[roles[0]], title="private", body="for one role"))
    for role in roles:
        got = [e for e in feed_for(mini_pack, session.events, role) if isinstance(e, E.InjectDelivered) and e.cue == "ad_hoc"]
        assert len(got) == (1 if role == roles[0] else 0)


def test_a_decision_reaches_the_role_that_decides(runs):
    pack, logs = runs
    rule_checked = 0
    for events in logs:
        for role in pack.scenario.roles:
            view = ExerciseView(pack)
            view.apply(feed_for(pack, events, role))
            whole = ExerciseView(pack)
            whole.apply(events)
            mine = {i for i, (who, _due) in whole.decisions.items() if who == role}
            assert mine <= set(view.decisions), role
            rule_checked += 1
    assert rule_checked


def test_a_decision_asked_of_a_role_not_addressed_reaches_it():
    import dataclasses

    pack = load_pack(PACKS[0])
    inj = next(i for i in pack.scenario.injects if i.decision is not None and i.to != "all")
    outsider = next(r for r in pack.scenario.roles if r not in inj.to)
    asked = inj.model_copy(update={"decision": inj.decision.model_copy(update={"role": outsider})})
    injects = [asked if i.id == inj.id else i for i in pack.scenario.injects]
    changed = dataclasses.replace(pack, scenario=pack.scenario.model_copy(update={"injects": injects}))
    e = E.InjectDelivered(t=1, inject=inj.id, to=list(inj.to), channel=inj.channel, severity=inj.severity,
                          title=inj.title, cue="scheduled")
    assert outsider in Visibility(changed).audience(e)
    assert outsider not in Visibility(pack).audience(e)
