"""Conditions at their edges: each kind of condition and each field of it, on either side of its
threshold, through both the compiled test the engine uses and the reference walk. (The
property tests in test_conditions check that the two agree; these check that they are right.)
"""

from __future__ import annotations

import pytest

from simulator.engine.history import History, Statement, compile_condition, dependencies, time_thresholds
from simulator.models import conditions as c


def history():
    h = History(state={"tension": 50.0}, now=30.0)
    h.actions["a.one"] = [(10.0, "mayor")]
    h.delivered["I1"] = 20.0
    h.chosen["I1"] = "x"
    h.statements.append(Statement(15.0, "mayor", "social", frozenset({"calm"})))
    return h


CASES = [
    (c.WhenState(state="tension", above=49.9), True), (c.WhenState(state="tension", above=50), False),
    (c.WhenState(state="tension", below=50.1), True), (c.WhenState(state="tension", below=50), False),
    (c.WhenState(state="tension", at_least=50), True), (c.WhenState(state="tension", at_least=50.1), False),
    (c.WhenState(state="tension", at_most=50), True), (c.WhenState(state="tension", at_most=49.9), False),
    (c.WhenState(state="tension", above=40, at_most=50), True), (c.WhenState(state="tension", above=40, at_most=45), False),
    (c.WhenState(state="tension", at_least=50, below=60), True), (c.WhenState(state="tension", at_least=51, below=60), False),
    (c.WhenAction(action="a.one"), True), (c.WhenAction(action="a.two"), False),
    (c.WhenAction(action="a.one", by="mayor"), True), (c.WhenAction(action="a.one", by="press"), False),
    (c.WhenAction(action="a.one", before=10.5), True), (c.WhenAction(action="a.one", before=10), False),
    (c.WhenAction(action="a.one", by="mayor", before=11), True), (c.WhenAction(action="a.one", by="press", before=11), False),
    (c.WhenDelivered(delivered="I1"), True), (c.WhenDelivered(delivered="I2"), False),
    (c.WhenDelivered(delivered="I1", before=21), True), (c.WhenDelivered(delivered="I1", before=20), False),
    (c.WhenChosen(chosen="I1", option="x"), True), (c.WhenChosen(chosen="I1", option="y"), False),
    (c.WhenChosen(chosen="I2", option="x"), False),
    (c.WhenAfter(after=30), True), (c.WhenAfter(after=30.5), False),
    (c.WhenStatement(statement=c.StatementQuery()), True),
    (c.WhenStatement(statement=c.StatementQuery(by="mayor")), True),
    (c.WhenStatement(statement=c.StatementQuery(by="press")), False),
    (c.WhenStatement(statement=c.StatementQuery(channel="social")), True),
    (c.WhenStatement(statement=c.StatementQuery(channel="website")), False),
    (c.WhenStatement(statement=c.StatementQuery(covers="calm")), True),
    (c.WhenStatement(statement=c.StatementQuery(covers="facts")), False),
    (c.WhenStatement(statement=c.StatementQuery(by="mayor", channel="social", covers="calm")), True),
    (c.WhenStatement(statement=c.StatementQuery(by="mayor", channel="website", covers="calm")), False),
    (c.WhenStatement(statement=c.StatementQuery(by="mayor", channel="social", covers="facts")), False),
    (c.WhenAll(all=[c.WhenAfter(after=10), c.WhenChosen(chosen="I1", option="x")]), True),
    (c.WhenAll(all=[c.WhenAfter(after=10), c.WhenChosen(chosen="I1", option="y")]), False),
    (c.WhenAny(any=[c.WhenAfter(after=40), c.WhenChosen(chosen="I1", option="x")]), True),
    (c.WhenAny(any=[c.WhenAfter(after=40), c.WhenChosen(chosen="I1", option="y")]), False),
    (c.WhenNot(**{"not": c.WhenAfter(after=40)}), True), (c.WhenNot(**{"not": c.WhenAfter(after=10)}), False),
]


@pytest.mark.parametrize("cond, want", CASES, ids=lambda x: repr(x)[:60] if not isinstance(x, bool) else str(x))
def test_a_condition_holds_exactly_when_it_should(cond, want):
    h = history()
    assert compile_condition(cond)(h) is want
    assert h.evaluate(cond) is want
    assert h.holds(cond) is want
    assert h.holds(cond) is want  # the memoised test again


def test_no_condition_always_holds():
    assert history().holds(None) is True and history().evaluate(None) is True
    assert dependencies(None) == set()


def test_the_memo_is_per_condition_not_per_shape():
    h = history()
    first, second = c.WhenAfter(after=10), c.WhenAfter(after=40)
    assert h.holds(first) is True and h.holds(second) is False and h.holds(first) is True


def test_dependencies_and_time_thresholds_see_through_all_any_and_not():
    cond = c.WhenAll(all=[c.WhenAny(any=[c.WhenAfter(after=12), c.WhenState(state="tension", above=1)]),
                          c.WhenNot(**{"not": c.WhenAll(all=[c.WhenAfter(after=7), c.WhenDelivered(delivered="I1")])}),
                          c.WhenAction(action="a.one"), c.WhenChosen(chosen="I1", option="x"),
                          c.WhenStatement(statement=c.StatementQuery())])
    assert time_thresholds(cond) == {12, 7}
    assert time_thresholds(c.WhenNot(**{"not": c.WhenAfter(after=3)})) == {3}
    assert time_thresholds(c.WhenAny(any=[c.WhenAfter(after=4)])) == {4}
    assert dependencies(cond) == {("time", ""), ("state", "tension"), ("delivered", "I1"), ("action", "a.one"),
                                  ("chosen", "I1"), ("statement", "")}
    assert dependencies(c.WhenNot(**{"not": c.WhenChosen(chosen="I2", option="y")})) == {("chosen", "I2")}


def test_an_unknown_condition_is_refused_with_its_name():
    with pytest.raises(TypeError, match="unknown condition"):
        dependencies(object())
    with pytest.raises(TypeError, match="unknown condition"):
        history().evaluate(object())
