"""What every finding and roll-up of a scorecard promises, checked over a handful of varied
exercises of the referee pack: each finding's id, title, source, capability and objective come
from its rule and the pack; each roll-up lists exactly the findings it rolls up and takes the
worst of them by the HSEEP rules. The referee pack gives every rule its own `source:` text, so a
finding that lost its source (or took another rule's) shows.
"""

from __future__ import annotations

import re

import pytest

from simulator.engine import commands as C
from simulator.engine.seats import Seat
from simulator.scoring import Scorer, score_lines, score_log
from simulator.scoring.chain_checks import SOURCES as CHAIN_SOURCES
from simulator.scoring.model import worst
from simulator.session import Session

from .referee import F, Drill, act, final_card, findings, fire, of_rule, referee_pack, say, variant, verdict
from .test_referee_plan import BOTH, good_run

TITLES = {
    "plan.timeliness": "On time", "plan.contingency": "Needed no prompt", "plan.role": "Right role",
    "plan.prerequisites": "In order", "plan.authority": "With authority", "plan.approval": "Approved first",
    "plan.harm": "No harmful side effects", "plan.decision": "Decision taken well",
    "playbook.first_statement": "First statement in time", "playbook.first_message": "First message complete",
    "playbook.key_message": "Key message said", "playbook.audience": "Audience addressed",
    "playbook.prohibited": "No prohibited content", "playbook.messenger": "Approved messenger",
    "playbook.channels": "Channels used", "playbook.languages": "Languages used", "playbook.consistency": "Facts consistent",
    "playbook.rumour": "Rumour corrected", "playbook.cadence": "Regular updates",
    "chain.directive": "Orders through the chain", "chain.authority": "Acting with authority",
    "chain.approval": ("Approval before acting", "Approval before release"), "chain.reporting": "Reported upwards",
    "chain.unreachable": "Working around an unreachable role", "chain.succession": "Succession worked",
    "chain.span": "Span of control",
}
"""The title of each rule: the label the scorecard, the report and the consoles show for it."""

BAD_RUN = [
    (1, fire("I9")), (2, C.SendMessage(by="press", to="mayor", intent="directive", text="Do it")),
    (3, C.RequestApproval(by="press", to="mayor", text="Stay calm.")),
    (4, act("press", "press.alert")), (5, act("press", "press.briefing")),
    (6, C.SendMessage(by="press", to="deputy", intent="report", text="late")),
    (12, fire("I10")), (14, act("deputy", "deputy.evacuate")),
    (20, fire("I8")), (25, act("press", "press.monitor")),
    (31, say("press", "It was their fault. 3 people were injured. Call the hotline.")),
    (32, say("mayor", "5 people were injured. The victims were named.", channel="website")),
    (33, say("deputy", "Stay calm.")), (45, say("deputy", "The rumour is false.")),
    (50, C.MakeDecision(by="deputy", inject="I3", option="south")),
]


def _narrow():
    return variant("narrow", [("plan.yaml", "span_of_control: {max: 2", "span_of_control: {max: 1")])


EXERCISES = {
    "good": lambda: Drill().play(good_run() + [(30, say("mayor", "3 people were injured.")),
                                                (45, say("mayor", "That is false. 3 people were injured."))]).finish().card(),
    "bad": lambda: Drill().play(BAD_RUN).finish().card(),
    "bad-live": lambda: Drill().play(BAD_RUN).card(final=False),
    "idle": lambda: Drill().finish().card(),
    "successor": lambda: Drill().play([(1, fire("I9")), (2, act("deputy", "mayor.convene")), (3, act("deputy", "mayor.declare")),
                                       (4, act("deputy", "mayor.close")), (5, fire("I12")), (6, fire("I11")),
                                       (7, say("mayor", BOTH))]).finish().card(),
    "narrow": lambda: Drill(_narrow()).finish().card(),
}
"""A spread of exercises, live and final. Each test scores the ones it checks itself: the mutation
run picks, for each mutant, the tests that ran the mutated code, so a scorecard shared between
tests would leave all but the first blind to it."""


@pytest.fixture
def spread():
    return _Lazy()


class _Lazy(dict):
    def __missing__(self, name):
        self[name] = EXERCISES[name]()
        return self[name]


def test_the_spread_reaches_every_rule(spread):
    rules = {f.rule for name in EXERCISES for f in spread[name].findings}
    assert rules == set(TITLES), set(TITLES) ^ rules
    verdicts = {(f.rule, f.verdict) for name in EXERCISES for f in spread[name].findings}
    for pair in [("playbook.rumour", "corrected"), ("playbook.consistency", "consistent"), ("plan.role", "successor"),
                 ("plan.authority", "authorised"), ("plan.approval", "approved"), ("plan.prerequisites", "in_order")]:
        assert pair in verdicts, pair


@pytest.mark.parametrize("name", ["good", "bad", "bad-live", "idle", "successor", "narrow"])
def test_every_finding_names_its_rule_title_and_target(spread, name):
    card = spread[name]
    ids = [f.id for f in card.findings]
    assert len(ids) == len(set(ids)), "finding ids are unique"
    for f in card.findings:
        assert f.id.startswith(f.rule + ":"), f.id
        target = f.id.split(":", 1)[1]
        assert target and "None" not in target, f.id
        assert f.title in ((TITLES[f.rule],) if isinstance(TITLES[f.rule], str) else TITLES[f.rule]), (f.id, f.title)
        assert f.category == f.rule.split(".")[0] or (f.rule == "plan.harm" and f.category == "plan")
        assert f.suggested == f.rating or f.override is not None
        assert f.explanation and not re.search(r"\bNone\b(?! of the)", f.explanation), (f.id, f.explanation)
        if "@" in target:  # a finding about one log line names that line, and it is in its evidence
            assert int(target.rsplit("@", 1)[1]) in f.evidence, f.id


def _expected_source(f, pack):
    plan, pb = pack.plan, pack.playbook
    if f.rule == "plan.harm":
        return next(h.source for h in pack.scenario.harms if f.id == f"plan.harm:{h.id}")
    if f.rule == "plan.decision":
        inject = pack.injects[f.id.split(":", 1)[1]]
        return inject.source or f"scenario referee, inject {inject.id} (the option the scenario recommends)"
    if f.rule.startswith("plan."):
        return pack.expectations[f.expectation].source
    target = f.id.split(":", 1)[1]
    rule_id = target.split("@", 1)[0]
    every = {r.id: r for r in [*pb.first_message, *pb.key_messages, *pb.prohibited, *pb.rumours, *pb.audiences]}
    return {
        "playbook.first_statement": lambda: pb.first_statement.source,
        "playbook.first_message": lambda: "; ".join(sorted({r.source for r in pb.first_message})),
        "playbook.key_message": lambda: every[rule_id].source,
        "playbook.audience": lambda: every[rule_id].source,
        "playbook.prohibited": lambda: every[rule_id].source if rule_id in every else
        "; ".join(sorted({r.source for r in pb.prohibited})),
        "playbook.messenger": lambda: "; ".join(sorted({m.source for m in pb.messengers})),
        "playbook.channels": lambda: pb.channels.source,
        "playbook.languages": lambda: pb.languages.source,
        "playbook.consistency": lambda: next(x.source for x in pb.facts if x.id == rule_id),
        "playbook.rumour": lambda: every[rule_id].source,
        "playbook.cadence": lambda: pb.cadence.source,
        "chain.reporting": lambda: plan.reporting.source,
        "chain.span": lambda: plan.span_of_control.source,
        "chain.approval": lambda: (next(m.source for m in pb.messengers if m.role == "press") if rule_id == "statement"
                                   else CHAIN_SOURCES["chain.approval"]),
    }.get(f.rule, lambda: CHAIN_SOURCES[f.rule])()


@pytest.mark.parametrize("name", ["good", "bad", "idle", "successor"])
def test_every_finding_cites_the_source_of_its_rule(spread, name):
    pack = referee_pack()
    for f in spread[name].findings:
        if f.id == "chain.approval:statements":
            continue  # the all-approved summary cites the doctrine, like the other chain summaries
        assert f.source == _expected_source(f, pack), (f.id, f.source)


@pytest.mark.parametrize("name", ["good", "bad", "idle"])
def test_every_finding_counts_towards_its_capability_and_objective(spread, name):
    pack = referee_pack()
    objective_of = {o.capability: o.id for o in pack.scenario.objectives}
    for f in spread[name].findings:
        if f.rule == "plan.harm":
            harm = next(h for h in pack.scenario.harms if f.id == f"plan.harm:{h.id}")
            step = pack.expectations.get(harm.expectation) if harm.expectation else None
            assert f.objective == (harm.objective or step.objective), f.id
            # A harm counts towards its step's capability, or else its objective's (one roll-up).
            objective = next(o for o in pack.scenario.objectives if o.id == f.objective)
            assert f.capability == (step.capability if step else objective.capability), f.id
        elif f.rule == "plan.decision":
            objectives = pack.injects[f.id.split(":", 1)[1]].objectives
            assert f.objective == (objectives[0] if objectives else None), f.id
        elif f.expectation is not None:
            step = pack.expectations[f.expectation]
            assert (f.objective, f.capability) == (step.objective, step.capability), f.id
        else:
            want = "Operational Coordination" if f.category == "chain" else "Public Information and Warning"
            assert f.capability == want and f.objective == objective_of[want], f.id


def test_a_capability_is_matched_to_its_objective_ignoring_case():
    pack = variant("lower-capability", [("scenario.yaml", "{id: O2, title: Inform, capability: Public Information and Warning}",
                                          "{id: O2, title: Inform, capability: public information and warning}")])
    card = Drill(pack).play([(5, say("mayor", "Stay calm."))]).finish().card()
    assert findings(card)["playbook.key_message:calm"].objective == "O2"


@pytest.mark.parametrize("name", ["good", "bad", "bad-live", "idle", "successor"])
def test_rollups_list_what_they_roll_up_and_take_the_worst(spread, name):
    pack = referee_pack()
    card = spread[name]
    by_id = {f.id: f for f in card.findings}
    steps = {r.id.split(":", 1)[1]: r for r in card.expectations}
    assert [r.id for r in card.expectations] == [f"expectation:{e.id}" for e in pack.plan.expectations]
    for step_id, r in steps.items():
        mine = [f for f in card.findings if f.expectation == step_id]
        assert r.findings == [f.id for f in mine]
        assert r.rating == worst([f.rating for f in mine])
    assert [r.id for r in card.objectives] == [f"objective:{o.id}" for o in pack.scenario.objectives]
    for o, r in zip(pack.scenario.objectives, card.objectives):
        assert r.findings == [f.id for f in card.findings if f.objective == o.id]
        assert r.rating == _hseep(pack, steps, [by_id[i] for i in r.findings if by_id[i].expectation is None],
                                  [e for e in pack.plan.expectations if e.objective == o.id]), r.id
    capabilities = {e.capability for e in pack.plan.expectations} | {o.capability for o in pack.scenario.objectives} | \
        {f.capability for f in card.findings if f.capability}
    assert [r.id for r in card.capabilities] == [f"capability:{c}" for c in sorted(capabilities)]
    for r in card.capabilities:
        name_ = r.id.split(":", 1)[1]
        assert r.findings == [f.id for f in card.findings if f.capability == name_]
        assert r.rating == _hseep(pack, steps, [by_id[i] for i in r.findings if by_id[i].expectation is None],
                                  [e for e in pack.plan.expectations if e.capability == name_]), r.id
    for role, r in zip(pack.scenario.roles, card.roles):
        assert r.id == f"role:{role}" and r.title == pack.roles[role].title
        assert r.findings == [f.id for f in card.findings if role in f.roles]
        assert r.rating == worst([by_id[i].rating for i in r.findings])


def _hseep(pack, steps, others, exps):
    """The HSEEP roll-up, stated independently: U when an essential step was not performed,
    else the worst rating, with a non-essential step not performed counting as M."""
    if any(e.essential and steps[e.id].rating == "U" for e in exps):
        return "U"
    ratings = ["M" if steps[e.id].rating == "U" else steps[e.id].rating for e in exps] + [f.rating for f in others]
    return worst(ratings)


def test_rollup_reasons_name_their_culprits(spread):
    card = spread["bad"]
    for r in [*card.objectives, *card.capabilities]:
        if r.rating == "N/A":
            assert r.rule == "nothing observed"
        elif r.rule.startswith("essential plan step not performed: "):
            assert r.rating == "U"
            for step in r.rule.split(": ", 1)[1].split(", "):
                assert {x.id: x for x in card.expectations}[f"expectation:{step}"].rating == "U"
        elif r.rule.startswith("all "):
            count, rating = re.match(r"all (\d+) ratings (\S+)$", r.rule).groups()
            assert rating == r.rating
        else:
            n, culprits = re.match(r"worst of (\d+) ratings: (.*)$", r.rule).groups()
            named = culprits.removesuffix(" ...").split(", ")
            assert 1 <= len(named) <= 3 and (len(named) == 3 or not culprits.endswith(" ..."))
            rated = {x.id: x.rating for x in [*card.findings, *card.expectations]}
            assert all(("M" if rated[c] == "U" else rated[c]) == r.rating for c in named), (r.id, r.rule)


def test_the_score_weighs_essential_steps_harms_prohibitions_and_decisions():
    def score_with(*overrides):
        d = Drill().play(good_run() + [(45, say("mayor", "That is false."))]).finish()
        d.play([(120, C.OverrideRating(by="evaluator", target=t, rating=r, rationale="test")) for t, r in overrides])
        return score_lines(d.pack, d.lines).score

    base = score_with()
    essential = base - score_with(("expectation:S1", "U"))
    minor = base - score_with(("expectation:S7", "U"))
    decision = base - score_with(("plan.decision:I2", "U"))
    plain = base - score_with(("playbook.key_message:calm", "U"))
    assert essential == pytest.approx(3 * minor, rel=0.05)
    assert decision == pytest.approx(2 * plain, rel=0.05) and minor == pytest.approx(plain, rel=0.05)
    assert 0 < minor < decision < essential


# ---- what the scorer gathers besides findings, and its entry points ---------------------------------
# (hot-wash answers, observer notes, the state series and the timeline lines that the report
# builds on; conditions that read statements; the minute a role is back; scoring a finished log
# as live; a damaged log)

def facts_of(d):
    scorer = Scorer(d.pack)
    for number, data in d.lines:
        scorer.feed(number, data)
    return scorer.facts


def test_facts_keep_hot_wash_answers_notes_and_every_event_line():
    d = Drill().play([(5, C.ObserverNote(by=F, text="Slow start", role="mayor")), (6, act("mayor", "mayor.convene"))]).finish()
    d.play([(120, C.HotWashAnswer(by="mayor", question="M1.1", text="What went well?", answer="Talking"))])
    facts = facts_of(d)
    [note] = facts.notes
    assert (note["text"], note["role"], d.line_of(note["line"])["type"]) == ("Slow start", "mayor", "observer_noted")
    [answer] = facts.hot_wash
    assert (answer["answer"], d.line_of(answer["line"])["type"]) == ("Talking", "hot_wash_answered")
    events = [(n, data) for n, data in d.lines if data["kind"] == "event"]
    assert facts.lines == events  # every event, with its line number, and no command


def test_facts_keep_the_state_after_every_change():
    from .test_engine_events import engine_pack

    d = Drill(engine_pack()).play([(2, act("mayor", "mayor.convene"))]).finish()
    series = facts_of(d).series
    assert series[0] == (0.0, {"tension": 20, "trust": 95})
    assert (2, {"tension": 13, "trust": 95}) in series
    assert [t for t, _s in series] == sorted(t for t, _s in series)


def test_a_prohibition_that_lifts_once_a_statement_was_made():
    pack = variant("lift-on-statement", [("playbook.yaml", "until: {delivered: I4}",
                                          "until: {statement: {by: mayor, covers: calm, channel: website}}")])
    card = final_card([(5, say("press", "The victims were named.")), (6, say("mayor", "Stay calm.", channel="social")),
                       (7, say("press", "The victims were named.")), (8, say("mayor", "Stay calm.", channel="website")),
                       (9, say("press", "The victims were named."))], pack=pack)
    breaches = [f for f in of_rule(card, "playbook.prohibited") if f.verdict == "breach"]
    assert len(breaches) == 2  # at 5 and 7; lifted from 8, once the mayor said 'calm' on the website


def test_a_role_is_reachable_again_from_the_minute_it_is_back():
    card = final_card([(1, fire("I9")), (5, fire("I10")), (5, C.SendMessage(by="press", to="mayor", intent="report", text="x"))])
    assert not of_rule(card, "chain.unreachable")


def test_a_step_with_two_prerequisites_names_both_when_out_of_order():
    pack = variant("two-prerequisites", [("plan.yaml", "prerequisites: [S1]", "prerequisites: [S1, S3]")])
    card = final_card([(8, say("press", BOTH))], pack=pack)
    f = findings(card)["plan.prerequisites:S2"]
    assert f.verdict == "out_of_order" and "S1, S3" in f.explanation
    card = final_card([(1, act("mayor", "mayor.convene")), (2, act("mayor", "mayor.declare")), (8, say("press", BOTH))], pack=pack)
    f = findings(card)["plan.prerequisites:S2"]
    assert f.verdict == "in_order" and "S1, S3" in f.explanation


def test_matched_words_are_quoted_one_by_one():
    card = final_card([(5, say("mayor", "Call the hotline on 0808 157 0123."))])
    # Quoted as the statement says them (the checker reports the statement's own words).
    assert "(matched 'Call the hotline', '0808 157 0123')" in findings(card)["playbook.key_message:hotline"].explanation


def test_a_decision_without_a_preferred_option_says_what_was_chosen():
    card = final_card([(31, C.MakeDecision(by="deputy", inject="I3", option="south"))])
    f = findings(card)["plan.decision:I3"]
    assert "chose 'South road'" in f.explanation and "names no preferred option" in f.explanation


def test_a_finished_log_scored_as_live_stays_live():
    d = Drill().finish()
    live = score_lines(d.pack, d.lines, final=False)
    assert live.final is False and "plan.timeliness:S6" not in findings(live)
    assert score_lines(d.pack, d.lines).final is True


def test_a_damaged_log_is_scored_only_when_asked(tmp_path):
    from simulator.log import LogError

    log = tmp_path / "run.jsonl"
    s = Session.start(referee_pack(), 1, {r: Seat() for r in referee_pack().scenario.roles}, log)
    s.advance_to(2)
    s.submit(act("mayor", "mayor.convene"))
    s.advance_to(10)
    s.close()
    with log.open("a") as out:
        out.write('{"kind": "event", "type": "trunc')
    with pytest.raises(LogError):
        score_log(log)
    _pack, card, _facts = score_log(log, allow_damaged=True)
    assert verdict(card, "plan.timeliness:S1")[0] == "on_time"
