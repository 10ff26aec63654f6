"""What a console asks of the core, logged: a denial's reason, approval with changes, edit and
resubmit, jumps that stop before a deadline, and the facilitator's live-check switch. Each is a
command in the log, so a resume and a replay see what the console saw."""

from __future__ import annotations

import json
import shutil

import pytest

from simulator.console.display import ExerciseView
from simulator.engine import commands as C
from simulator.engine.seats import Seat
from simulator.loading.pack import load_pack
from simulator.replay import verify
from simulator.session import Session

from .conftest import FIXTURES

PEOPLE = {"chief": Seat(), "press": Seat()}
DRAFT = "We ask everyone to stay calm. Help is on the way."


@pytest.fixture
def pack():
    return load_pack(FIXTURES / "mini")


def ask(s: Session, **fields) -> str:
    [asked] = [e for e in s.submit(C.RequestApproval(by="press", to="chief", text=fields.pop("text", DRAFT),
                                                     channel="website", languages=["English"], **fields))
               if e.type == "approval_requested"]
    return asked.request


def rejected(events) -> str | None:
    return next((e.reason for e in events if e.type == "command_rejected"), None)


def test_a_denial_carries_its_reason_to_the_drafter(pack):
    s = Session.start(pack, 1, PEOPLE)
    rid = ask(s)
    [answered] = s.submit(C.AnswerApproval(by="chief", request=rid, granted=False, note="Say where to get help"))
    assert (answered.granted, answered.note) == (False, "Say where to get help")
    view = ExerciseView(pack, seats=dict(PEOPLE))
    view.apply(list(s.events))
    assert "Say where to get help" in view.inbox["press"][-1].body


def test_approved_with_changes_publishes_the_changed_draft(pack):
    s = Session.start(pack, 1, PEOPLE)
    rid = ask(s)
    changed = "We ask everyone to stay calm. Help is on the way. Next update at noon."
    s.submit(C.AnswerApproval(by="chief", request=rid, granted=True, text=changed, note="added the next update"))
    [said] = [e for e in s.submit(C.IssueStatement(by="press", approval=rid)) if e.type == "statement_issued"]
    assert said.text == changed
    # the drafter cannot slip the original back in under the changed approval
    assert rejected(s.submit(C.IssueStatement(by="press", approval=rid, text=DRAFT))) is not None


def test_only_a_granted_statement_draft_can_be_changed(pack):
    s = Session.start(pack, 1, PEOPLE)
    rid = ask(s)
    assert rejected(s.submit(C.AnswerApproval(by="chief", request=rid, granted=False, text="other"))) is not None
    [asked] = [e for e in s.submit(C.RequestApproval(by="press", to="chief", action="press.monitor"))
               if e.type == "approval_requested"]
    assert rejected(s.submit(C.AnswerApproval(by="chief", request=asked.request, granted=True, text="x"))) is not None


def test_a_denied_draft_is_revised_once_by_its_drafter(pack):
    s = Session.start(pack, 1, PEOPLE)
    rid = ask(s)
    assert rejected(s.submit(C.RequestApproval(by="press", to="chief", text="v2", revises=rid))) is not None  # pending
    s.submit(C.AnswerApproval(by="chief", request=rid, granted=False, note="too vague"))
    second = ask(s, text=DRAFT + " Call 101.", revises=rid)
    assert s.engine.requests[rid]["revised"] and s.engine.requests[second]["status"] == "pending"
    assert rejected(s.submit(C.RequestApproval(by="press", to="chief", text="v3", revises=rid))) is not None  # twice
    view = ExerciseView(pack, seats=dict(PEOPLE))
    view.apply(list(s.events))
    assert view.requests[rid]["revised_by"] == second


def test_a_jump_stops_a_minute_before_the_next_deadline_unless_told(pack):
    s = Session.start(pack, 1, PEOPLE)
    s.advance_to(0.5)  # I1 delivered: P1 (convene) is due at minute 10
    [jumped] = [e for e in s.submit(C.JumpTo(by="facilitator", to=30)) if e.type == "clock_jumped"]
    assert (jumped.to, jumped.held_by) == (9.0, "step:P1")
    [through] = [e for e in s.submit(C.JumpTo(by="facilitator", to=30, through_deadlines=True))
                 if e.type == "clock_jumped"]
    assert (through.to, through.held_by) == (30, None)
    assert rejected(s.submit(C.JumpTo(by="chief", to=40))) is not None
    assert "held_by" not in json.loads(through.to_json())  # a full jump writes the line old logs have


def test_a_jump_back_is_refused(pack):
    s = Session.start(pack, 1, PEOPLE)
    s.advance_to(12)
    assert rejected(s.submit(C.JumpTo(by="facilitator", to=5))) is not None


def test_the_live_check_switch_is_logged_and_survives_a_resume(pack, tmp_path):
    log = tmp_path / "x.jsonl"
    s = Session.start(pack, 1, PEOPLE, log)
    [e] = s.submit(C.SetLiveCheck(by="facilitator", on=False))
    assert e.type == "live_check_set" and e.on is False
    assert rejected(s.submit(C.SetLiveCheck(by="press", on=True))) is not None
    s.close()
    view = ExerciseView(pack, seats=dict(PEOPLE))
    view.apply(list(Session.resume(log, pack).events))
    assert view.live_check is False
    verify(log, pack)


def test_old_logs_still_verify(tmp_path, pack):
    old = tmp_path / "old.jsonl"
    shutil.copyfile(FIXTURES / "logs" / "before-drafts.jsonl", old)
    verify(old, pack)
