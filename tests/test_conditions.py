"""Conditions: the compiled form agrees with the reference walk, on random trees and histories."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.engine.history import History, Statement, compile_condition, dependencies
from simulator.models import conditions as c

VARS = ["tension", "trust"]
LEVELS = [0.0, 50.0, 100.0]
"""Values a bound and a state share now and then, so the edge of a bound is tried too."""
ACTIONS = ["a.one", "a.two"]
INJECTS = ["I1", "I2"]
# Times written in a scenario are on the exercise time grid (at most 4 decimals).
minutes = st.one_of(st.integers(0, 60 * 10_000).map(lambda ticks: ticks / 10_000), st.sampled_from([10.0, 30.0]))
"""Minutes on the grid; now and then one a history's times share, so the edge of `before` is tried too."""

leaf = st.one_of(
    st.builds(lambda v, a, b: c.WhenState(state=v, above=a, below=b), st.sampled_from(VARS),
              st.one_of(st.none(), st.floats(0, 100)), st.floats(0, 100)),
    st.builds(lambda v, x: c.WhenState(state=v, at_least=x), st.sampled_from(VARS), st.floats(0, 100)),
    st.builds(lambda v, bound, x: c.WhenState(state=v, **{bound: x}), st.sampled_from(VARS),  # one bound alone
              st.sampled_from(["above", "below", "at_least", "at_most"]), st.one_of(st.floats(0, 100), st.sampled_from(LEVELS))),
    st.builds(lambda a, by, before: c.WhenAction(action=a, by=by, before=before), st.sampled_from(ACTIONS),
              st.sampled_from([None, "mayor", "police"]), st.one_of(st.none(), minutes)),
    st.builds(lambda i, before: c.WhenDelivered(delivered=i, before=before), st.sampled_from(INJECTS),
              st.one_of(st.none(), minutes)),
    st.builds(lambda i, o: c.WhenChosen(chosen=i, option=o), st.sampled_from(INJECTS), st.sampled_from(["x", "y"])),
    st.builds(lambda t: c.WhenAfter(after=t), minutes),
    st.builds(lambda by, covers, channel: c.WhenStatement(statement=c.StatementQuery(by=by, covers=covers, channel=channel)),
              st.sampled_from([None, "mayor"]), st.sampled_from([None, "calm", "facts"]),
              st.sampled_from([None, None, "social"])),
)
conditions = st.recursive(leaf, lambda inner: st.one_of(
    st.builds(lambda xs: c.WhenAll(all=xs), st.lists(inner, min_size=1, max_size=3)),
    st.builds(lambda xs: c.WhenAny(any=xs), st.lists(inner, min_size=1, max_size=3)),
    st.builds(lambda x: c.WhenNot(**{"not": x}), inner),
), max_leaves=8)


@st.composite
def histories(draw):
    h = History(state={v: draw(st.one_of(st.floats(0, 100), st.sampled_from(LEVELS))) for v in VARS},
                now=draw(st.floats(0, 60)))
    for a in draw(st.lists(st.sampled_from(ACTIONS), max_size=3)):
        h.actions.setdefault(a, []).append((draw(minutes), draw(st.sampled_from(["mayor", "police"]))))
    for i in draw(st.lists(st.sampled_from(INJECTS), max_size=2)):
        h.delivered[i] = draw(minutes)
        h.chosen[i] = draw(st.sampled_from(["x", "y"]))
    for _ in range(draw(st.integers(0, 2))):
        rules = frozenset(draw(st.lists(st.sampled_from(["calm", "facts"]), max_size=2)))
        h.statements.append(Statement(draw(st.floats(0, 60)), draw(st.sampled_from(["mayor", "police"])),
                                      draw(st.sampled_from(["social", "radio"])), rules))
    return h


@settings(max_examples=300, deadline=None)
@given(conditions, histories())
def test_compiled_conditions_agree_with_the_reference(cond, history):
    assert compile_condition(cond)(history) == history.evaluate(cond) == history.holds(cond)


LEAVES_ON_THEIR_EDGES = [
    c.WhenDelivered(delivered="I1", before=10.0), c.WhenAction(action="a.one", before=10.0),
    c.WhenAction(action="a.one", by="mayor"), c.WhenAction(action="a.two", by="police", before=30.0),
    c.WhenAfter(after=10.0), c.WhenChosen(chosen="I1", option="x"),
    c.WhenStatement(statement=c.StatementQuery(channel="social")),
    c.WhenStatement(statement=c.StatementQuery(by="mayor", channel="radio", covers="calm")),
    c.WhenStatement(statement=c.StatementQuery(covers="facts")),
    *(c.WhenState(state="trust", **{bound: 50.0}) for bound in ("above", "below", "at_least", "at_most")),
]
"""Each kind of leaf, with bounds a history's facts often sit on (the random trees rarely meet an edge)."""


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LEAVES_ON_THEIR_EDGES), histories())
def test_compiled_leaves_agree_with_the_reference_on_their_edges(cond, history):
    assert compile_condition(cond)(history) == history.evaluate(cond)


@settings(max_examples=200, deadline=None)
@given(conditions, histories(), st.sampled_from(VARS), st.floats(0, 100))
def test_a_condition_only_changes_when_a_dependency_changes(cond, history, var, value):
    """The engine re-checks a trigger only when a fact it reads changes; that must be safe."""
    before = history.holds(cond)
    history.state[var] = value
    if ("state", var) not in dependencies(cond):
        assert history.holds(cond) == before
