"""One judgement (simulator/judge.py): the engine, the scorer, the checklist and the summary agree on
when a plan step is met, late or missed, who may meet it, who approves, and whether a prohibition
has lifted. Each test drives the real engine and scores the real log, so breaking the rule on
either side fails it."""

from __future__ import annotations

import shutil

import pytest

from simulator import judge
from simulator.engine import commands as C
from simulator.engine.core import Engine
from simulator.engine.history import History
from simulator.engine.seats import Seat
from simulator.loading.pack import load_pack
from simulator.scoring import score_log

from .conftest import ROOT
from simulator.session import Session
from simulator.summary import summarise
from simulator.console.display import ExerciseView

from .conftest import FIXTURES

F = "facilitator"
CALM = "Please stay calm."


def variant(tmp_path, edits, name="pack"):
    folder = tmp_path / name
    shutil.copytree(FIXTURES / "mini", folder)
    for rel, old, new in edits:
        path = folder / rel
        text = path.read_text()
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1))
    return load_pack(folder)


class Played:
    def __init__(self, pack, tmp_path, script, name="run"):
        self.log = tmp_path / f"{name}.jsonl"
        s = Session.start(pack, 1, {r: Seat() for r in pack.scenario.roles}, self.log)
        for minute, cmd in script:
            s.advance_to(minute)
            s.submit(cmd)
        s.run_to_end()
        s.close()
        self.events = list(s.events)
        self.rejected = [e for e in self.events if e.type == "command_rejected"]
        _p, self.card, _f = score_log(self.log)
        self.findings = {f.id: f for f in self.card.findings}
        self.view = ExerciseView(pack)
        self.view.apply(self.events)
        self.summary = summarise(pack, self.events)

    def of(self, kind, **match):
        return [e for e in self.events if e.type == kind and all(getattr(e, k) == v for k, v in match.items())]

    def verdict(self, finding_id):
        f = self.findings[finding_id]
        return f.verdict, f.rating


# ---- the successor case of issue 9 -------------------------------------------------------------

PRESS_UNREACHABLE = [
    ("roles/press.yaml", "reports_to: chief\n", "reports_to: chief\nsuccessor: chief\n"),
    ("scenario.yaml", "    severity: high\n", "    severity: high\n    unavailable: [press]\n"),
]


def test_the_successor_meets_the_step_engine_checklist_summary_and_scorer_agree(tmp_path):
    # The press officer cannot be reached from minute 0; the chief, her successor, says what P2 needs at minute 5.
    pack = variant(tmp_path, PRESS_UNREACHABLE)
    run = Played(pack, tmp_path, [(2, C.TakeAction(by="chief", action="chief.convene")),
                                  (5, C.IssueStatement(by="chief", channel="social", text=CALM))])
    assert not run.rejected
    [met] = run.of("expectation_met", expectation="P2")
    assert (met.t, met.by, met.on_time) == (5, "chief", True)
    assert not run.of("deadline_passed", expectation="P2")
    assert not run.of("inject_delivered", inject="I7")  # no "why are you silent?" contingency
    assert run.verdict("plan.timeliness:P2") == ("on_time", "P")
    assert run.verdict("plan.role:P2") == ("successor", "P")
    assert "plan.contingency:P2" not in run.findings
    assert run.view.steps["P2"].status == "done"
    assert "P2" not in run.summary["plan_steps"]["missed_essential"]


def test_succession_counts_statement_steps_the_successor_did(tmp_path):
    pack = variant(tmp_path, PRESS_UNREACHABLE)
    run = Played(pack, tmp_path, [(5, C.IssueStatement(by="chief", channel="social", text=CALM)),
                                  (45, C.TakeAction(by="chief", action="press.monitor"))])
    [succession] = [f for f in run.card.findings if f.rule == "chain.succession"]
    assert (succession.verdict, succession.rating) == ("took_over", "P")
    assert "did 2 of 2" in succession.explanation


def test_a_statement_before_the_step_is_called_for_counts_only_from_someone_who_may_make_it(tmp_path):
    # P2 is called for when I1 arrives; here I1 is fired at minute 10, after the chief (successor) spoke at 5.
    pack = variant(tmp_path, PRESS_UNREACHABLE + [("scenario.yaml", "  - id: I1\n    at: 0\n", "  - id: I1\n")])
    run = Played(pack, tmp_path, [(1, C.IssueStatement(by="chief", channel="social", text=CALM)),
                                  (10, C.FireInject(by=F, inject="I1"))])
    # Press became unreachable only at minute 10: at minute 1 the chief was not standing in for her.
    assert not run.of("expectation_met", expectation="P2")
    assert run.verdict("plan.timeliness:P2") == ("missed", "U")
    pack2 = variant(tmp_path, PRESS_UNREACHABLE + [("scenario.yaml", "  - id: I1\n    at: 0\n", "  - id: I1\n")], "p2")
    run = Played(pack2, tmp_path, [(1, C.IssueStatement(by="press", channel="social", text=CALM)),
                                   (10, C.FireInject(by=F, inject="I1"))], "r2")
    [met] = run.of("expectation_met", expectation="P2")
    assert (met.t, met.by) == (10, "press")
    assert run.verdict("plan.timeliness:P2") == ("on_time", "P")


# ---- who may meet a step: role, delegate, wrong role ----------------------------------------------

PRESS_CAN_DELEGATE = [("roles/press.yaml", "reports_to: chief\n", "reports_to: chief\nauthorities: [speak]\ndelegable: [speak]\n")]


def test_a_delegate_statement_meets_the_step(tmp_path):
    pack = variant(tmp_path, PRESS_CAN_DELEGATE)
    run = Played(pack, tmp_path, [(2, C.Delegate(by="press", to="chief", authority="speak")),
                                  (5, C.IssueStatement(by="chief", channel="social", text=CALM))])
    [met] = run.of("expectation_met", expectation="P2")
    assert (met.t, met.by) == (5, "chief")
    assert not run.of("deadline_passed", expectation="P2") and not run.of("inject_delivered", inject="I7")
    assert run.verdict("plan.role:P2") == ("delegate", "P")
    assert run.verdict("plan.timeliness:P2") == ("on_time", "P")


def test_a_delegation_after_the_statement_does_not_count(tmp_path):
    pack = variant(tmp_path, PRESS_CAN_DELEGATE)
    run = Played(pack, tmp_path, [(5, C.IssueStatement(by="chief", channel="social", text=CALM)),
                                  (6, C.Delegate(by="press", to="chief", authority="speak"))])
    assert not run.of("expectation_met", expectation="P2")
    assert run.of("deadline_passed", expectation="P2") and run.of("inject_delivered", inject="I7")
    assert run.verdict("plan.timeliness:P2") == ("missed", "U")


def test_a_statement_by_another_reachable_role_does_not_meet_the_step(tmp_path):
    pack = variant(tmp_path, [])
    run = Played(pack, tmp_path, [(5, C.IssueStatement(by="chief", channel="social", text=CALM))])
    assert not run.of("expectation_met", expectation="P2")
    [passed] = run.of("deadline_passed", expectation="P2")
    assert passed.t == 30
    assert run.of("inject_delivered", inject="I7")
    assert run.verdict("plan.timeliness:P2") == ("missed", "U")
    assert run.view.steps["P2"].status == "missed"


def _step(line):
    return ("plan.yaml", "expectations:\n", "expectations:\n  - " + line + "\n")


# A chief's step that needs an authority the chief may delegate.
CHIEF_DECLARES = [_step("{id: P4, role: chief, description: Declare, action: chief.declare, trigger: {delivered: I1}, "
                        "within: 20, objective: O1, capability: Operational Coordination, source: test}")]


def test_an_action_by_a_delegate_of_the_step_role_does_the_step_and_is_rated_delegate(tmp_path):
    pack = variant(tmp_path, CHIEF_DECLARES)
    run = Played(pack, tmp_path, [(2, C.Delegate(by="chief", to="press", authority="declare_emergency")),
                                  (3, C.TakeAction(by="press", action="chief.declare"))])
    assert not run.rejected
    [met] = run.of("expectation_met", expectation="P4")
    assert met.by == "press"
    assert run.verdict("plan.timeliness:P4") == ("on_time", "P")
    assert run.verdict("plan.role:P4") == ("delegate", "P")


def test_an_action_by_a_role_the_step_role_never_delegated_to_is_rated_wrong_role(tmp_path):
    # The aide takes the press officer's alert under the chief's delegation, not the press officer's.
    pack = _three(tmp_path, step="{id: P4, role: press, description: Alert, action: press.alert, trigger: {delivered: I1}, "
                                 "within: 20, objective: O1, capability: Public Information and Warning, source: test}",
                  chief_away=False)
    run = Played(pack, tmp_path, [(2, C.Delegate(by="chief", to="aide", authority="declare_emergency")),
                                  (3, C.TakeAction(by="aide", action="press.alert"))])
    assert not run.rejected
    [met] = run.of("expectation_met", expectation="P4")
    assert met.by == "aide"
    assert run.verdict("plan.timeliness:P4") == ("on_time", "P")
    assert run.verdict("plan.role:P4") == ("wrong_role", "M")


NEEDS_AUTHORITY = [("plan.yaml", "action: press.monitor, trigger: {delivered: I6}",
                    "action: press.monitor, authority: declare_emergency, trigger: {delivered: I6}")]


@pytest.mark.parametrize("delegated_at, expected", [(None, ("unauthorised", "M")), (42, ("authorised", "P")),
                                                    (46, ("unauthorised", "M"))])
def test_authority_for_a_step_comes_from_holding_it_or_an_earlier_delegation(tmp_path, delegated_at, expected):
    pack = variant(tmp_path, NEEDS_AUTHORITY)
    script = [(45, C.TakeAction(by="press", action="press.monitor"))]
    if delegated_at is not None:
        script.append((delegated_at, C.Delegate(by="chief", to="press", authority="declare_emergency")))
        script.sort(key=lambda x: x[0])
    run = Played(pack, tmp_path, script)
    assert run.verdict("plan.authority:P3") == expected


# ---- timing: on time, late within grace, late, missed -----------------------------------------------

# P2 (statement, due at minute 30) gets ten minutes' grace; its contingency is I7.
P2_GRACE = [("plan.yaml", "within: 30, prerequisites: [P1]", "within: 30, grace: 10, prerequisites: [P1]")]


def _say_at(minute):
    return [(minute, C.IssueStatement(by="press", channel="social", text=CALM))]


@pytest.mark.parametrize("minute, verdict, rating, on_time", [
    (30, "on_time", "P", True),  # on time includes the due minute itself
    (35, "late_within_grace", "S", False),
    (40, "late_within_grace", "S", False),  # and the last minute of grace
])
def test_within_grace_no_deadline_passes_and_no_contingency_is_sent(tmp_path, minute, verdict, rating, on_time):
    run = Played(variant(tmp_path, P2_GRACE), tmp_path, _say_at(minute))
    [met] = run.of("expectation_met", expectation="P2")
    assert (met.t, met.on_time) == (minute, on_time)
    assert not run.of("deadline_passed", expectation="P2")
    assert not run.of("inject_delivered", inject="I7")
    assert run.verdict("plan.timeliness:P2") == (verdict, rating)
    assert "plan.contingency:P2" not in run.findings
    assert run.view.steps["P2"].status == ("done" if on_time else "late_within_grace")
    key = "met_on_time" if on_time else "met_within_grace"
    assert run.summary["plan_steps"][key] >= 1


def test_after_grace_the_deadline_passes_at_its_end_and_the_contingency_prompts(tmp_path):
    run = Played(variant(tmp_path, P2_GRACE), tmp_path, _say_at(45))
    [passed] = run.of("deadline_passed", expectation="P2")
    assert passed.t == 40  # due 30 + grace 10, not the due time
    [prompt] = run.of("inject_delivered", inject="I7")
    assert prompt.t == 40 and prompt.cue == "contingency:P2"
    [met] = run.of("expectation_met", expectation="P2")
    assert (met.t, met.on_time) == (45, False)
    assert run.verdict("plan.timeliness:P2") == ("late", "M")
    assert run.verdict("plan.contingency:P2") == ("contingency_needed", "S")
    assert run.view.steps["P2"].status == "late"
    assert run.summary["plan_steps"]["met_late"] == 1


def test_never_done_is_missed_once_the_grace_is_over(tmp_path):
    run = Played(variant(tmp_path, P2_GRACE), tmp_path, [])
    [passed] = run.of("deadline_passed", expectation="P2")
    assert passed.t == 40
    assert run.verdict("plan.timeliness:P2") == ("missed", "U")
    assert run.view.steps["P2"].status == "missed"
    assert "P2" in run.summary["plan_steps"]["missed_essential"]


def test_the_live_scorer_calls_a_step_missed_only_after_its_grace(tmp_path):
    from simulator.scoring.scorer import Scorer
    from simulator.log import read_log

    run = Played(variant(tmp_path, P2_GRACE), tmp_path, [])
    pack = variant(tmp_path, P2_GRACE, "again")
    scorer = Scorer(pack)
    seen = {}
    for line in read_log(run.log).lines:
        scorer.feed(line.number, line.data)
        t = line.data["t"]
        seen[t] = "plan.timeliness:P2" in {f.id for f in scorer.scorecard(final=False).findings}
    assert not any(v for t, v in seen.items() if t <= 40)
    assert all(v for t, v in seen.items() if t > 40)


def test_an_act_at_the_very_end_of_grace_beats_the_deadline_at_the_same_minute(tmp_path):
    # Simulated staff act from SimPy processes; one falling due at exactly the end of grace, and
    # scheduled after the deadline's own timer, must still count as late within grace.
    pack = variant(tmp_path, P2_GRACE)
    engine = Engine(pack, 1)
    events = engine.advance_to(1)

    def speak_at_grace_end():
        yield engine.env.timeout(39)
        engine.say("press", "social", ["English"], [], CALM, None)

    engine.env.process(speak_at_grace_end())
    events += engine.run_to_end()
    assert [e.t for e in events if e.type == "expectation_met" and e.expectation == "P2"] == [40]
    assert not [e for e in events if e.type == "deadline_passed" and e.expectation == "P2"]
    assert not [e for e in events if e.type == "inject_delivered" and e.inject == "I7"]


def test_timeliness_boundaries():
    assert judge.timeliness(10, 10, 0) == "on_time"
    assert judge.timeliness(10.0001, 10, 0) == "late"
    assert judge.timeliness(12, 10, 5) == "late_within_grace"
    assert judge.timeliness(15, 10, 5) == "late_within_grace"
    assert judge.timeliness(15.0001, 10, 5) == "late"
    assert not judge.missed(15, 10, 5) and judge.missed(15.0001, 10, 5)
    assert judge.missed(11, 10, 5, final=True)


# ---- prohibitions ---------------------------------------------------------------------------------

def _blame_pack(tmp_path, until, name):
    return variant(tmp_path, [
        ("playbook.yaml", "match: {phrases: [their fault]}, source: test}", f"match: {{phrases: [their fault]}}, until: {until}, source: test}}"),
        ("scenario.yaml", "statement_effects:\n", "statement_effects:\n  blame: {tension: 30}\n"),
    ], name)


@pytest.mark.parametrize("minute, lifted", [(10, False), (45, True)])
def test_a_prohibition_lifts_for_the_engine_and_the_scorer_alike(tmp_path, minute, lifted):
    pack = _blame_pack(tmp_path, "{delivered: I6}", "pack")
    run = Played(pack, tmp_path, [(minute, C.IssueStatement(by="chief", channel="social", text="It was their fault."))])
    engine_counted = any(e.type == "state_changed" and e.cause == "statement:blame" for e in run.events)
    scorer_counted = any(f.verdict == "breach" for f in run.card.findings)
    assert engine_counted == scorer_counted == (not lifted)


def test_a_prohibition_until_a_minute_is_judged_at_the_minute_of_the_statement(tmp_path):
    # Nothing else happens between the dynamics tick at 30 and the statement at 35: the engine must
    # still judge 'after 33' at minute 35, as the scorer does.
    pack = _blame_pack(tmp_path, "{after: 33}", "pack")
    run = Played(pack, tmp_path, [(35, C.IssueStatement(by="chief", channel="social", text="It was their fault."))])
    assert not any(e.type == "state_changed" and e.cause == "statement:blame" for e in run.events)
    assert not any(f.verdict == "breach" for f in run.card.findings)


def test_statement_rules_drop_only_lifted_prohibitions(tmp_path):
    pack = _blame_pack(tmp_path, "{delivered: I6}", "pack")
    h = History(state={})
    text = "It was their fault. Stay calm."
    assert judge.statement_rules(pack, text, h) == {"blame", "calm"}
    h.delivered["I6"] = 40
    assert judge.statement_rules(pack, text, h) == {"calm"}
    [blame] = pack.playbook.prohibited
    assert judge.prohibition_lifted(blame, h)


# ---- who approves -----------------------------------------------------------------------------------

def _three(tmp_path, name="three", step=None, chief_away=True):
    """Chief, press and an aide; the aide speaks with the chief's approval; press succeeds the chief, who
    cannot be reached from minute 0."""
    folder = tmp_path / name
    shutil.copytree(FIXTURES / "mini", folder)
    chief = folder / "roles" / "chief.yaml"
    chief.write_text(chief.read_text().replace("delegable:", "successor: press\ndelegable:"))
    aide = (folder / "roles" / "press.yaml").read_text().replace("id: press\n", "id: aide\n").replace("press.", "aide.")
    (folder / "roles" / "aide.yaml").write_text(aide)
    pb = folder / "playbook.yaml"
    pb.write_text(pb.read_text().replace("  - {role: press, approval_from: chief, source: test}\n",
                                         "  - {role: press, approval_from: chief, source: test}\n"
                                         "  - {role: aide, approval_from: chief, source: test}\n"))
    scen = folder / "scenario.yaml"
    text = scen.read_text().replace("roles: [chief, press]", "roles: [chief, press, aide]")
    if chief_away:
        text = text.replace("    severity: high\n", "    severity: high\n    unavailable: [chief]\n", 1)
    scen.write_text(text)
    if step is not None:
        plan = folder / "plan.yaml"
        plan.write_text(plan.read_text().replace("expectations:\n", "expectations:\n  - " + step + "\n"))
    return load_pack(folder)


def test_whom_to_ask_follows_the_approvers_succession(tmp_path):
    pack = _three(tmp_path)
    roles = pack.roles
    away = {"chief"}.__contains__
    nobody = set().__contains__
    assert judge.approver_for(pack, "aide") == "chief"
    assert judge.whom_to_ask(roles, "chief", "aide", nobody) == "chief"
    assert judge.whom_to_ask(roles, "chief", "aide", away) == "press"
    assert judge.whom_to_ask(roles, "chief", "press", away) is None  # press holds the chief's seat
    assert judge.whom_to_ask(roles, "chief", "chief", nobody) is None
    assert judge.whom_to_ask(roles, None, "aide", nobody) is None
    assert judge.approves_for(roles, "chief", "press", away) and not judge.approves_for(roles, "chief", "press", nobody)
    assert not judge.approves_for(roles, "chief", "aide", away)


def test_the_acting_approver_answers_a_request_sent_to_the_unreachable_one(tmp_path):
    pack = _three(tmp_path)
    text = "Stay calm, everyone."
    run = Played(pack, tmp_path, [(3, C.RequestApproval(by="aide", to="chief", text=text, channel="social")),
                                  (4, C.AnswerApproval(by="aide", request="A1", granted=True)),
                                  (5, C.AnswerApproval(by="press", request="A1", granted=True)),
                                  (6, C.IssueStatement(by="aide", channel="social", text=text, approval="A1"))])
    [refused] = run.rejected  # the aide cannot approve its own request
    assert refused.command == "answer_approval" and refused.by == "aide"
    [answered] = run.of("approval_answered")
    assert answered.by == "press"
    assert not [f for f in run.card.findings if f.verdict == "released_without_approval"]
    assert run.verdict("chain.approval:statements") == ("approved", "P")


def test_a_statement_approved_by_nobody_acting_for_the_approver_is_flagged(tmp_path):
    pack = _three(tmp_path)
    run = Played(pack, tmp_path, [(6, C.IssueStatement(by="aide", channel="social", text="Stay calm."))])
    assert [f.verdict for f in run.card.findings if f.rule == "chain.approval"] == ["released_without_approval"]


def test_the_successor_of_the_approver_needs_nobodys_approval_for_its_own_statement(tmp_path):
    # press normally needs the chief's approval; while press acts for the chief, that power is press's own.
    pack = _three(tmp_path)
    run = Played(pack, tmp_path, [(6, C.IssueStatement(by="press", channel="social", text="Stay calm."))])
    assert not [f for f in run.card.findings if f.verdict == "released_without_approval"]
    assert run.view.approver_for("press") is None
    assert run.view.approver_for("aide") == "press"


def test_the_view_model_asks_the_judge_who_approves(tmp_path):
    pack = _three(tmp_path)
    view = ExerciseView(pack)
    assert view.approver_for("aide") == "chief"
    assert view.approver_for("press", "press.briefing") == "chief"
    assert view.approver_for("chief") is None
    engine = Engine(pack, 1)
    view.apply(engine.advance_to(1))  # I1 at minute 0: the chief cannot be reached
    assert view.unavailable == {"chief"}
    assert view.approver_for("aide") == "press"
    assert view.approver_for("press", "press.briefing") is None
    assert view.acting_for("chief") == "press"


def test_report_up_names_the_supervisor_only_when_someone_must_be_told():
    """One rule for staff (whether to report) and the scorer (whether a report was owed)."""
    from simulator.models.role import Role

    def role(rid, boss=None, successor=None):
        return Role(kind="role", id=rid, title=rid, brief="b", reports_to=boss, successor=successor, source="test")

    roles = {"mayor": role("mayor", successor="deputy"), "deputy": role("deputy", "mayor"), "police": role("police", "mayor")}
    here = lambda r: r  # noqa: E731  (everyone reachable)
    away = lambda r: "deputy" if r == "mayor" else r  # noqa: E731  (the mayor in the air)
    assert judge.report_up(roles, "police", ["police"], here) == "mayor"
    assert judge.report_up(roles, "police", ["police", "mayor"], here) is None  # she had it too
    assert judge.report_up(roles, "police", ["police", "deputy"], away) is None  # whoever acts for her had it
    assert judge.report_up(roles, "deputy", ["deputy"], away) is None  # in command: nobody above to tell
    assert judge.report_up(roles, "mayor", ["mayor"], here) is None  # top of the chain
    assert judge.serious(None, "critical") is False


def test_what_only_a_role_can_authorise_is_one_rule_for_briefing_and_feedback():
    from simulator import briefing

    pack = load_pack(ROOT / "scenarios" / "caldmere-vaisakhi-attack")
    sole = judge.sole_authorities(pack, "mayor")
    assert sole and all(judge.holders(pack, a) == ["mayor"] for a in sole)
    b = briefing.brief(pack, "mayor")
    # the briefing marks as shared exactly the powers the judge says others hold too
    assert {a.id for a in b.authorities if not a.shared_with} == set(sole)
