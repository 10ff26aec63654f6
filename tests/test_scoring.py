"""Scoring: each plan, playbook and chain-of-command rule with a case that passes and one that fails,
plus the pinned results on the flagship and the integrity of every finding's evidence."""

from __future__ import annotations

import json
import shutil
from collections import Counter

import pytest

from simulator.engine import commands as C
from simulator.engine.seats import Seat
from simulator.loading.pack import load_pack
from simulator.scoring import score_log
from simulator.session import Session

from .conftest import FIXTURES, ROOT, run_headless

F = "facilitator"


def play(pack, tmp_path, script, seats=None, name="run"):
    log = tmp_path / f"{name}.jsonl"
    s = Session.start(pack, 1, seats or {r: Seat() for r in pack.scenario.roles}, log)
    for minute, cmd in script:
        s.advance_to(minute)
        s.submit(cmd)
    s.run_to_end()
    s.close()
    _pack, card, _facts = score_log(log)
    return card, log


def by_id(card):
    return {f.id: f for f in card.findings}


GOOD_FIRST = ("We are so sorry and our thoughts are with the families. We confirm 3 people were injured. "
              "Please stay calm.")


def good_script():
    return [
        (3, C.SendMessage(by="press", to="chief", intent="report", text="Incident downtown, 3 injured")),
        (5, C.TakeAction(by="chief", action="chief.convene")),
        (6, C.RequestApproval(by="press", to="chief", text=GOOD_FIRST)),
        (7, C.AnswerApproval(by="chief", request="A1", granted=True)),
        (8, C.IssueStatement(by="press", channel="social", languages=["English", "Welsh"], text=GOOD_FIRST, approval="A1")),
        (9, C.SendMessage(by="chief", to="press", intent="directive", text="Watch the feeds")),
        (22, C.MakeDecision(by="chief", inject="I2", option="hold")),
        (35, C.IssueStatement(by="chief", channel="website", languages=["English"], text="Update: 3 people injured, all stable. Stay calm.")),
        (45, C.TakeAction(by="press", action="press.monitor")),
        (50, C.IssueStatement(by="chief", channel="website", languages=["Welsh"], text="The rumour online is false.")),
        (75, C.IssueStatement(by="chief", channel="social", languages=["English"], text="Update: support for families continues.")),
        (100, C.IssueStatement(by="chief", channel="website", languages=["English"], text="Update: the city stays calm.")),
    ]


@pytest.fixture
def mini(tmp_path):
    # Only press hears the first call here, so the reporting rule has something to judge
    # (a supervisor who got the same inject needs no report).
    return variant(tmp_path, [("scenario.yaml", "    to: all\n    channel: phone", "    to: [press]\n    channel: phone")])


def test_a_well_run_exercise_passes_every_rule(mini, tmp_path):
    card, _log = play(mini, tmp_path, good_script())
    f = by_id(card)
    expected_p = [
        "plan.timeliness:P1", "plan.timeliness:P2", "plan.timeliness:P3", "plan.role:P1", "plan.prerequisites:P2",
        "plan.approval:P2", "playbook.first_statement:timing", "playbook.first_message:elements",
        "playbook.key_message:calm", "playbook.audience:families", "playbook.prohibited:none", "playbook.messenger:all",
        "playbook.channels:required", "playbook.languages:required", "playbook.consistency:injured",
        "playbook.rumour:R1", "playbook.cadence:updates", "chain.approval:statements", "chain.reporting:I1/press",
        "chain.directive:all",
    ]
    for fid in expected_p:
        assert fid in f, fid
        assert f[fid].rating == "P", (fid, f[fid].explanation)
    assert not [x for x in card.findings if x.rating in ("U", "M")], [x.id for x in card.findings if x.rating in "UM"]
    assert "sorry" in f["playbook.first_message:elements"].matched


def test_a_badly_run_exercise_fails_each_rule(mini, tmp_path):
    script = [
        (9, C.SendMessage(by="press", to="chief", intent="directive", text="Do something")),
        (25, C.TakeAction(by="chief", action="chief.convene")),
        (38, C.IssueStatement(by="press", channel="social", languages=["English"],
                              text="It is their fault. 5 people injured.")),
        (41, C.TakeAction(by="press", action="press.alert")),
        (42, C.TakeAction(by="press", action="press.briefing")),
        (44, C.IssueStatement(by="chief", channel="social", languages=["English"], text="3 people injured. Stay calm.")),
        (65, C.IssueStatement(by="chief", channel="social", languages=["English"], text="This rumour is false.")),
    ]
    card, _log = play(mini, tmp_path, script)
    f = by_id(card)
    expect = {
        "plan.timeliness:P1": ("late", "M"),
        "plan.timeliness:P2": ("missed", "U"),
        "plan.timeliness:P3": ("missed", "U"),
        "plan.contingency:P2": ("contingency_needed", "S"),
        "plan.harm:H1": ("harm", "M"),
        "playbook.first_statement:timing": ("late", "M"),
        "playbook.first_message:elements": ("incomplete", "M"),
        "playbook.audience:families": ("not_said", "S"),
        "playbook.channels:required": ("gaps", "S"),
        "playbook.languages:required": ("gaps", "S"),
        "playbook.rumour:R1": ("corrected_late", "M"),
        "playbook.cadence:updates": ("gaps", "S"),
        "chain.directive:press->chief@2": None,
        "chain.reporting:I1/press": ("not_reported", "M"),
    }
    for fid, want in expect.items():
        if want is None:
            continue
        assert fid in f, (fid, sorted(f))
        assert (f[fid].verdict, f[fid].rating) == want, (fid, f[fid].verdict, f[fid].rating, f[fid].explanation)
    kinds = Counter((x.rule, x.verdict) for x in card.findings)
    assert kinds[("playbook.prohibited", "breach")] == 1
    assert kinds[("playbook.consistency", "contradiction")] == 1
    assert kinds[("chain.approval", "released_without_approval")] == 1
    assert kinds[("chain.approval", "without_approval")] == 1
    assert kinds[("chain.authority", "without_authority")] == 1
    assert kinds[("chain.directive", "outside_chain")] == 1
    breach = next(x for x in card.findings if x.verdict == "breach")
    assert breach.matched == ["their fault"]
    assert card.objectives[0].rating == "U"  # P2 is essential and was never done


def test_rumour_never_corrected_and_no_statement_at_all(mini, tmp_path):
    card, _log = play(mini, tmp_path, [])
    f = by_id(card)
    assert f["playbook.rumour:R1"].rating == "U"
    assert f["playbook.first_statement:timing"].verdict == "missing"
    assert f["plan.timeliness:P1"].verdict == "missed"


def test_prohibition_lifts_when_its_condition_holds(tmp_path):
    pack_dir = tmp_path / "pack"
    shutil.copytree(FIXTURES / "mini", pack_dir)
    pb = pack_dir / "playbook.yaml"
    pb.write_text(pb.read_text().replace("match: {phrases: [their fault]}, source: test}",
                                         "match: {phrases: [their fault]}, until: {delivered: I6}, source: test}"))
    pack = load_pack(pack_dir)
    text = "It was their fault, say the rumours."
    card, log = play(pack, tmp_path, [(10, C.IssueStatement(by="chief", channel="social", text=text)),
                                      (45, C.IssueStatement(by="chief", channel="social", text=text))])
    breaches = [x for x in card.findings if x.verdict == "breach"]
    assert len(breaches) == 1  # the second statement came after I6, when the prohibition had lifted
    line = json.loads(log.read_text().splitlines()[breaches[0].evidence[0] - 1])
    assert line["type"] == "statement_issued" and line["t"] == 10


def test_authority_by_delegation_and_approval_by_request_pass(mini, tmp_path):
    script = [
        (2, C.Delegate(by="chief", to="press", authority="declare_emergency")),
        (3, C.TakeAction(by="press", action="press.alert")),
        (4, C.RequestApproval(by="press", to="chief", action="press.briefing")),
        (5, C.AnswerApproval(by="chief", request="A1", granted=True)),
        (6, C.TakeAction(by="press", action="press.briefing", approval="A1")),
    ]
    card, _ = play(mini, tmp_path, script)
    rules = {x.rule for x in card.findings if x.rating in ("M", "U") and x.category == "chain"}
    assert "chain.authority" not in rules and "chain.approval" not in rules


def test_late_report_upwards_is_a_some_challenges_finding(mini, tmp_path):
    card, _ = play(mini, tmp_path, [(15, C.SendMessage(by="press", to="chief", intent="report", text="late news"))])
    f = by_id(card)["chain.reporting:I1/press"]
    assert (f.verdict, f.rating) == ("late", "S")


def variant(tmp_path, edits):
    pack_dir = tmp_path / "variant"
    while pack_dir.exists():
        pack_dir = pack_dir.with_name(pack_dir.name + "-x")
    shutil.copytree(FIXTURES / "mini", pack_dir)
    for rel, old, new in edits:
        path = pack_dir / rel
        text = path.read_text()
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new))
    return load_pack(pack_dir)


SUCCESSION = [
    ("roles/chief.yaml", "delegable:", "successor: press\ndelegable:"),
    ("scenario.yaml", "    severity: high\n", "    severity: high\n    unavailable: [chief]\n"),
]


def test_succession_passes_when_the_successor_takes_over(tmp_path):
    pack = variant(tmp_path, SUCCESSION)
    card, _ = play(pack, tmp_path, [(4, C.TakeAction(by="press", action="chief.convene")),
                                    (6, C.RequestApproval(by="press", to="chief", text="Stay calm"))])
    f = by_id(card)
    succession = next(x for x in card.findings if x.rule == "chain.succession")
    assert (succession.verdict, succession.rating) == ("took_over", "P")
    assert f["plan.role:P1"].verdict == "successor"
    asked = [x for x in card.findings if x.rule == "chain.unreachable"]
    assert asked and asked[0].rating == "S"


def test_succession_fails_when_nobody_takes_over(tmp_path):
    pack = variant(tmp_path, SUCCESSION)
    card, _ = play(pack, tmp_path, [])
    succession = next(x for x in card.findings if x.rule == "chain.succession")
    assert (succession.verdict, succession.rating) == ("gaps", "M")


def test_span_of_control(tmp_path):
    liaison = (FIXTURES / "mini" / "roles" / "press.yaml").read_text().replace("id: press\n", "id: liaison\n")
    liaison = liaison.replace("press.", "liaison.")
    pack_dir = tmp_path / "span"
    shutil.copytree(FIXTURES / "mini", pack_dir)
    (pack_dir / "roles" / "liaison.yaml").write_text(liaison)
    scen = pack_dir / "scenario.yaml"
    scen.write_text(scen.read_text().replace("roles: [chief, press]", "roles: [chief, press, liaison]"))
    plan = pack_dir / "plan.yaml"
    plan.write_text(plan.read_text().replace("span_of_control: {max: 3", "span_of_control: {max: 1"))
    card, _ = play(load_pack(pack_dir), tmp_path, [])
    assert by_id(card)["chain.span:chief"].rating == "S"
    card, _ = play(load_pack(FIXTURES / "mini"), tmp_path, [], name="narrow")
    assert not [x for x in card.findings if x.rule == "chain.span"]


def test_evaluator_override_is_logged_and_applied(mini, tmp_path):
    script = good_script() + [(119, C.OverrideRating(by="evaluator", target="plan.timeliness:P1", rating="S",
                                                      rationale="convened, but without the health lead"))]
    card, log = play(mini, tmp_path, script)
    f = by_id(card)["plan.timeliness:P1"]
    assert f.rating == "S" and f.suggested == "P" and f.override.rationale.startswith("convened")
    line = log.read_text().splitlines()[f.override.line - 1]
    assert '"rating_overridden"' in line


# ---- the flagship -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def flagship_logs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("flagship")
    pack = load_pack(ROOT / "scenarios" / "caldmere-vaisakhi-attack")
    out = {}
    for policy in ("plan", "idle", "random"):
        for seed in (1, 2, 3):
            log = folder / f"{policy}-{seed}.jsonl"
            run_headless(pack, seed, policy, log)
            out[(policy, seed)] = log
    return out


def test_flagship_plan_policy_gets_no_u(flagship_logs):
    for seed in (1, 2, 3):
        _p, card, _f = score_log(flagship_logs[("plan", seed)])
        assert not [f.id for f in card.findings if f.rating == "U"]
        assert card.score is not None and card.score > 90


def test_flagship_idle_gets_u_on_essential_steps(flagship_logs):
    _p, card, _f = score_log(flagship_logs[("idle", 1)])
    pack = _p
    essential = {e.id for e in pack.plan.expectations if e.essential}
    missed = {f.expectation for f in card.findings if f.rule == "plan.timeliness" and f.verdict == "missed" and f.rating == "U"}
    triggered = set(_f.triggered)
    assert essential & triggered <= missed
    assert all(r.rating == "U" for r in card.expectations if r.id.split(":")[1] in essential & triggered)


def test_flagship_random_gets_a_mix(flagship_logs):
    ratings = set()
    for seed in (1, 2, 3):
        _p, card, _f = score_log(flagship_logs[("random", seed)])
        ratings |= {f.rating for f in card.findings}
    assert {"P", "U"} <= ratings and len(ratings & {"S", "M"}) >= 1


def test_every_finding_has_a_source_and_real_evidence(flagship_logs):
    for log in flagship_logs.values():
        lines = log.read_text().splitlines()
        _p, card, _f = score_log(log)
        for f in card.findings:
            assert f.source.strip(), f.id
            for n in f.evidence:
                assert 2 <= n <= len(lines), (f.id, n)
                assert json.loads(lines[n - 1])["kind"] in ("event", "command")


def test_score_cli_json(flagship_logs):
    import subprocess
    import sys
    from pathlib import Path

    tabletop = Path(sys.executable).parent / "tabletop"
    out = subprocess.run([tabletop, "score", flagship_logs[("random", 1)], "--json"], capture_output=True, text=True)
    data = json.loads(out.stdout)
    assert {"findings", "objectives", "capabilities"} <= set(data)
    for f in data["findings"]:
        assert {"rule", "source", "verdict", "rating", "evidence"} <= set(f)
        assert f["rating"] in ("P", "S", "M", "U", "N/A")
    text = subprocess.run([tabletop, "score", flagship_logs[("idle", 1)]], capture_output=True, text=True)
    assert text.returncode == 0 and "Objectives" in text.stdout and "U" in text.stdout


def test_score_weighs_essential_steps_more_than_minor_ones(flagship_logs, tmp_path):
    """Missing an essential plan step must cost more than missing a minor one (one unit per step,
    essential steps weighted), and far more than one late key message would."""
    from simulator.engine import commands as C
    from simulator.session import Session

    pack, card, _f = score_log(flagship_logs[("plan", 1)])
    essential = {e.id for e in pack.plan.expectations if e.essential}
    timeliness = {f.expectation: f.id for f in card.findings if f.rule == "plan.timeliness" and f.rating == "P"}
    major = next(e for e in timeliness if e in essential)
    minor = next(e for e in timeliness if e not in essential)
    scores = {}
    for name, exp in (("major", major), ("minor", minor)):
        log = tmp_path / f"{name}.jsonl"
        log.write_bytes(flagship_logs[("plan", 1)].read_bytes())
        session = Session.resume(log)
        session.submit(C.OverrideRating(by="evaluator", target=timeliness[exp], rating="U", rationale="test"))
        session.close()
        scores[name] = score_log(log)[1].score
    assert card.score > scores["minor"] > scores["major"]
    assert card.score - scores["major"] >= 2.5 * (card.score - scores["minor"]) - 0.2


def test_cadence_is_counted_afresh_from_a_jump_in_story_time(tmp_path):
    script = [
        (8, C.IssueStatement(by="press", channel="social", languages=["English"], text="Update one.")),
        (35, C.IssueStatement(by="press", channel="social", languages=["English"], text="Update two.")),
        (80, C.IssueStatement(by="press", channel="social", languages=["English"], text="Update three.")),
        (105, C.IssueStatement(by="press", channel="social", languages=["English"], text="Update four.")),
    ]
    plain = variant(tmp_path / "a", [])
    card, _log = play(plain, tmp_path, script, name="plain")
    assert by_id(card)["playbook.cadence:updates"].rating == "S"  # 45 minutes from 35 to 80
    jumped = variant(tmp_path / "b", [("scenario.yaml", "starts_at: 60,", 'starts_at: 60, time: "Day 2, 10:00",')])
    card, _log = play(jumped, tmp_path, script, name="jumped")
    cadence = by_id(card)["playbook.cadence:updates"]
    assert cadence.rating == "P" and "afresh" in cadence.explanation  # 25 to the jump, 20 after it


def test_decisions_recommended_other_and_lapsed(mini, tmp_path):
    card, _log = play(mini, tmp_path, [(22, C.MakeDecision(by="chief", inject="I2", option="hold"))], name="rec")
    f = by_id(card)["plan.decision:I2"]
    assert (f.verdict, f.rating, f.roles) == ("recommended", "P", ["chief"]) and len(f.evidence) == 2
    card, log = play(mini, tmp_path, [(22, C.MakeDecision(by="chief", inject="I2", option="wait"))], name="other")
    f = by_id(card)["plan.decision:I2"]
    assert (f.verdict, f.rating) == ("other_option", "S") and "Hold it" in f.explanation
    assert all('"decision' in log.read_text().splitlines()[n - 1] or '"inject_delivered"' in log.read_text().splitlines()[n - 1]
               for n in f.evidence)
    card, _log = play(mini, tmp_path, [], name="lapsed")
    f = by_id(card)["plan.decision:I2"]
    assert (f.verdict, f.rating) == ("lapsed", "M") and "by default 'Wait'" in f.explanation


def test_no_report_is_expected_when_the_supervisor_got_the_same_inject(tmp_path):
    pack = load_pack(FIXTURES / "mini")  # here I1 goes to everyone, chief included
    card, _log = play(pack, tmp_path, [], name="all")
    assert not [f for f in card.findings if f.id.startswith("chain.reporting:I1/")]
