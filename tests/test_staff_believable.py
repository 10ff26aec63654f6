"""Simulated staff a new mayor can learn from (simulator/engine/staff.py), on the shipped flagship and
succession packs: few reports, each with the facts that matter; approval requests with the draft,
the reason and the deadline; and, at lower competence, the mistakes real staff make, proven by the
playbook's own checker. Seeds are fixed, so every count is exact and replays."""

from __future__ import annotations

import pytest

from simulator import judge
from simulator.engine.core import Engine
from simulator.engine.history import History
from simulator.engine.seats import Seat
from simulator.loading.pack import load_pack

from .conftest import ROOT


@pytest.fixture(scope="module")
def flagship():
    return load_pack(ROOT / "scenarios" / "caldmere-vaisakhi-attack")


@pytest.fixture(scope="module")
def succession():
    return load_pack(ROOT / "scenarios" / "wendholm-threats-succession")


def play(pack, seed: int = 1, human: str | None = "mayor", competence: float = 1.0, **others: float):
    """Run to the end with one person (who does nothing) and staff elsewhere; `others` sets a role's competence."""
    seats = {r: Seat() if r == human else Seat(kind="staff", competence=others.get(r.replace("-", "_"), competence))
             for r in pack.scenario.roles}
    engine = Engine(pack, seed, seats)
    return engine.drain() + engine.run_to_end()


def to_mayor(events, kind="message_sent"):
    return [e for e in events if e.type == kind and e.to == "mayor"]


def test_the_flagship_mayor_gets_a_report_when_it_matters_not_one_per_inject(flagship):
    events = play(flagship)
    reports = to_mayor(events)
    # Version 1 sent 43 here: 'Passing on: <title>' for every serious inject, 'Done: <step>' for every step.
    assert 15 <= len(reports) <= 26, len(reports)
    assert not any(e.text.startswith(("Passing on:", "Done:")) for e in reports)
    delivered = {e.inject: e for e in events if e.type == "inject_delivered"}
    for e in reports:
        for line in e.text.splitlines():
            if line.startswith("New: "):
                inj = next(i for i in flagship.scenario.injects if line.startswith(f"New: {i.title} ("))
                assert "mayor" not in delivered[inj.id].to  # only news the mayor has not had
                assert inj.body.split(". ")[0].split()[-1] in line  # with the inject's own facts


def test_news_reports_name_what_the_officer_is_doing_about_it(flagship):
    reports = to_mayor(play(flagship))
    health = next(e for e in reports if e.by == "health" and "New: Casualties on their way to Caldmere General" in e.text)
    assert "nine injured" in health.text and "from Dr Owen Petrakis" in health.text
    police = next(e for e in reports if e.by == "police" and "That clears the way for you to authorise the vigil" in e.text)
    assert "security assessment" in police.text.lower()


def test_the_deputy_hands_over_what_she_did_while_the_mayor_was_in_the_air(succession):
    events = play(succession)
    [handover] = [e for e in to_mayor(events) if e.by == "deputy-mayor" and e.text.startswith("Handover")]
    assert 150 <= handover.t <= 175
    assert "invoke the succession order" in handover.text and "activate the city crisis team" in handover.text
    assert "hand command back to the mayor" in handover.text
    # while she was away, nobody reported to her
    assert not [e for e in to_mayor(events) if e.t < 150]


def test_staff_approval_requests_carry_the_draft_its_languages_the_reason_and_the_deadline(flagship):
    events = play(flagship)
    [first, *_] = [e for e in to_mayor(events, "approval_requested") if e.text]
    template = next(t for t in flagship.playbook.templates if t.text == first.text)
    assert first.languages == list(template.languages) and first.channel == template.channel
    assert first.due == 45 and "Needed by 12:25" in first.reason and "first statement" in first.reason


def test_staff_action_requests_say_what_the_action_does(succession):
    events = play(succession)
    [ask] = [e for e in to_mayor(events, "approval_requested") if e.action == "health.plan_long_term_support"]
    assert ask.reason.startswith("Plan long-term support: ") and ask.due is not None


def _flaws(pack, events):
    """Staff drafts that break a prohibition the playbook's template for them does not."""
    templates = {t.text for t in pack.playbook.templates}
    out = []
    for e in events:
        if e.type in ("approval_requested", "statement_issued") and e.text and e.text not in templates:
            out.append(e)
    return out


def test_careless_staff_draft_flawed_statements_the_checker_catches(flagship):
    found = []
    for seed in range(4):
        events = play(flagship, seed, human=None, competence=1.0, communications=0.5, police=0.5)
        found += _flaws(flagship, events)
    assert found, "at competence 0.5 some drafts go wrong"
    caught = 0
    for e in found:
        breaks = {rid for rid, v in flagship.check_statement(e.text).verdicts.items() if v.harmful}
        if breaks & {"PR-speculation", "PR-victim-names"}:
            caught += 1
    assert caught, "a flaw the checker itself flags (speculation or a victim's name)"
    for seed in range(4):  # competent staff never do
        assert not _flaws(flagship, play(flagship, seed, human=None))


def test_a_careful_approver_refuses_a_flawed_draft_and_the_drafter_redrafts(flagship):
    events = play(flagship, 0, human=None, competence=1.0, communications=0.5)
    refused = next(e for e in events if e.type == "approval_answered" and not e.granted)
    asked = next(e for e in events if e.type == "approval_requested" and e.request == refused.request)
    record = History(state={})
    assert any(v.harmful for v in judge.statement_verdicts(flagship, asked.text, record).values())
    again = next(e for e in events if e.type == "approval_requested" and e.t >= refused.t and e.by == asked.by)
    assert again.text in {t.text for t in flagship.playbook.templates}


def test_advice_on_the_mayors_decisions_and_the_wrong_call_she_must_overrule(flagship):
    def advice(events):
        return [e for e in to_mayor(events) if e.intent == "notify" and e.text.startswith("Advice on")]

    recommended = {o.label for i in flagship.scenario.injects if i.decision for o in i.decision.options if o.recommended}
    good = advice(play(flagship))
    assert good and all(any(label in e.text for label in recommended) for e in good)
    wrong = [e for seed in range(6) for e in advice(play(flagship, seed, competence=0.3))
             if not any(label in e.text for label in recommended)]
    assert wrong, "careless staff sometimes advise against the plan"


def test_staff_are_seeded(flagship):
    a = [e.to_json() for e in play(flagship, 3, competence=0.6)]
    b = [e.to_json() for e in play(flagship, 3, competence=0.6)]
    assert a == b
    assert a != [e.to_json() for e in play(flagship, 4, competence=0.6)]


def test_late_reports_come_at_lower_competence(flagship):
    """The plan wants serious news passed up within 15 minutes; careless staff sometimes take longer."""
    def delays(competence):
        out = []
        for seed in range(4):
            events = play(flagship, seed, competence=competence)
            delivered = {e.inject: e.t for e in events if e.type == "inject_delivered"}
            for e in to_mayor(events):
                for line in e.text.splitlines():
                    inj = next((i for i in flagship.scenario.injects if line.startswith(f"New: {i.title} (")), None)
                    if inj is not None:
                        out.append(e.t - delivered[inj.id])
        return out

    assert max(delays(1.0)) <= 15
    assert max(delays(0.5)) > 15


def test_the_approver_reads_by_when_and_why_before_the_draft(flagship):
    from simulator.console.display import ExerciseView

    seats = {r: Seat() if r == "mayor" else Seat(kind="staff") for r in flagship.scenario.roles}
    engine = Engine(flagship, 1, seats)
    view = ExerciseView(flagship, seats=seats)
    view.apply(engine.drain() + engine.advance_to(30))
    [item] = [i for i in view.inbox["mayor"] if i.kind == "approval"]
    assert item.title == "Approval asked: a statement (answer by 12:25)" and item.sender == "City spokesperson (public information officer)"
    assert item.body.startswith("Answer by 12:25.\nWhy: For the plan step: Publish the city's first statement")
    assert "Statement on social in English, Punjabi, Arabic, Dari, Tigrinya:\n\nWe are heartbroken" in item.body
