"""What a person chose is in the log: a statement draft's channel, languages and audiences travel
in its approval request, the approved statement is published from that record, and inbox reads
are logged. Resume, replay and a second console therefore see what the first console saw."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from simulator.engine import commands as C
from simulator.engine.seats import Seat
from simulator.loading.pack import load_pack
from simulator.replay import verify
from simulator.session import Session
from simulator.console.display import ExerciseView

from .conftest import FIXTURES, multilingual_pack_dir

PEOPLE = {"chief": Seat(), "press": Seat()}
DRAFT = "We ask everyone to stay calm. Help is on the way."


@pytest.fixture
def pack(tmp_path):
    return load_pack(multilingual_pack_dir(tmp_path))


def ask(session: Session, **draft) -> str:
    """The press officer asks the chief to approve a statement; returns the request id."""
    fields = {"text": DRAFT, "channel": "website", "languages": ["Welsh", "Polish"], **draft}
    [asked] = [e for e in session.submit(C.RequestApproval(by="press", to="chief", **fields))
               if e.type == "approval_requested"]
    return asked.request


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_a_draft_survives_a_kill_and_goes_out_as_chosen_after_resume(pack, tmp_path):
    log = tmp_path / "live.jsonl"
    first = Session.start(pack, 5, PEOPLE, log)
    first.advance_to(3)
    request = ask(first)
    # The kill: whatever is on disk now is all that is left; the first console's memory is gone.
    killed = tmp_path / "killed.jsonl"
    shutil.copyfile(log, killed)
    first.close()

    resumed = Session.resume(killed, pack)
    assert resumed.engine.requests[request]["languages"] == ["Welsh", "Polish"]
    resumed.advance_to(6)
    resumed.submit(C.AnswerApproval(by="chief", request=request, granted=True))
    [said] = [e for e in resumed.submit(C.IssueStatement(by="press", approval=request)) if e.type == "statement_issued"]
    resumed.close()
    assert (said.channel, said.languages, said.text, said.approval) == ("website", ["Welsh", "Polish"], DRAFT, request)

    # The log replays exactly, and the request line carries the whole draft.
    result = verify(killed, pack)
    [requested] = [e for e in result.events if e.type == "approval_requested"]
    assert (requested.channel, requested.languages) == ("website", ["Welsh", "Polish"])
    [on_disk] = [d for d in lines(killed) if d.get("type") == "approval_requested"]
    assert on_disk["languages"] == ["Welsh", "Polish"]


def test_a_second_console_built_from_events_shows_the_whole_draft(pack):
    s = Session.start(pack, 5, PEOPLE)
    s.advance_to(2)
    request = ask(s, audience=["families"])
    view = ExerciseView(pack, seats=dict(PEOPLE))
    view.apply(list(s.events))
    shown = view.draft_text(view.requests[request])
    assert "on website" in shown and "in Welsh, Polish" in shown and "for families" in shown and DRAFT in shown
    [item] = [i for i in view.inbox["chief"] if i.ref == request]
    assert "Welsh, Polish" in item.body  # the approver's inbox detail shows it too


@pytest.mark.parametrize("given, refused", [
    ({"text": "Something else entirely."}, "another text"),
    ({"channel": "social"}, "another channel"),
    ({"languages": ["English"]}, "other languages"),
    ({"audience": ["families"]}, None),  # the draft named no audience: the publisher may
    ({"languages": ["Polish", "Welsh"]}, None),  # the same languages in another order
    ({"text": DRAFT, "channel": "website"}, None),
])
def test_an_approval_covers_the_draft_as_approved(pack, given, refused):
    s = Session.start(pack, 5, PEOPLE)
    request = ask(s)
    s.submit(C.AnswerApproval(by="chief", request=request, granted=True))
    [event] = [e for e in s.submit(C.IssueStatement(by="press", approval=request, **given))
               if e.type != "statement_judged"][:1]
    if refused:
        assert event.type == "command_rejected" and refused in event.reason
    else:
        assert event.type == "statement_issued" and event.channel == "website" and event.text == DRAFT
        assert sorted(event.languages) == ["Polish", "Welsh"]
        assert event.audience == given.get("audience", [])


@pytest.mark.parametrize("cmd, reason", [
    (C.IssueStatement(by="press", text="Hello."), "needs a channel"),
    (C.IssueStatement(by="press", channel="social"), "needs a text"),
    (C.RequestApproval(by="press", to="chief", text="Hi.", channel="pigeon"), "unknown channel"),
    (C.RequestApproval(by="press", to="chief", action="press.briefing", languages=["English"]), "carries no channel"),
])
def test_incomplete_statements_and_mixed_requests_are_refused(pack, cmd, reason):
    [event] = Session.start(pack, 5, PEOPLE).submit(cmd)
    assert event.type == "command_rejected" and reason in event.reason


def test_a_request_without_languages_logs_no_languages_field(pack):
    """A request that names no languages writes the line earlier versions wrote (old logs verify)."""
    s = Session.start(pack, 5, PEOPLE)
    ask(s, languages=None)
    s.submit(C.RequestApproval(by="press", to="chief", action="press.briefing"))
    for e in [e for e in s.events if e.type == "approval_requested"]:
        assert "languages" not in json.loads(e.to_json()) and "audience" not in json.loads(e.to_json())


def test_a_log_from_before_drafts_were_kept_still_verifies_and_resumes(tmp_path):
    mini = load_pack(FIXTURES / "mini")
    old = tmp_path / "old.jsonl"
    shutil.copyfile(FIXTURES / "logs" / "before-drafts.jsonl", old)
    result = verify(old, mini)
    [said] = [e for e in result.events if e.type == "statement_issued"]
    assert (said.channel, said.languages) == ("website", ["Welsh"])  # what its command gave
    assert result.engine.requests["A1"]["languages"] is None  # not recorded then; nothing invented
    resumed = Session.resume(old, mini)
    assert resumed.submit(C.TakeAction(by="chief", action="chief.declare"))[0].type == "action_taken"
    resumed.close()
    verify(old, mini)


# ---- inbox reads ---------------------------------------------------------------------------------

def test_inbox_reads_are_logged_and_rebuild_the_unread_marks(pack, tmp_path):
    log = tmp_path / "reads.jsonl"
    s = Session.start(pack, 5, PEOPLE, log)
    s.advance_to(1)
    [read] = s.submit(C.MarkRead(by="chief", items=["i:I1"]))
    assert (read.type, read.by, read.items) == ("inbox_read", "chief", ["i:I1"])
    s.close()

    view = ExerciseView(pack, seats=dict(PEOPLE))
    view.apply(list(Session.resume(log, pack).events))
    assert view.unread("chief") == 0 and view.unread("press") == 1  # I1 went to both; only the chief read it
    assert view.read["chief"] == {"i:I1"}
    verify(log, pack)


def test_reading_is_not_acting(tmp_path):
    """A role that cannot be reached, or an exercise that has ended, still lets its seat read."""
    from .test_engine import succession_pack

    pack = succession_pack(tmp_path)
    s = Session.start(pack, 1, PEOPLE)
    s.advance_to(21)
    assert "chief" in s.engine.unavailable
    assert s.submit(C.MarkRead(by="chief", items=["i:I2"]))[0].type == "inbox_read"
    s.submit(C.EndExercise(by="facilitator"))
    assert s.submit(C.MarkRead(by="press", items=["i:I1"]))[0].type == "inbox_read"
    assert s.submit(C.MarkRead(by="ghost", items=["i:I1"]))[0].type == "command_rejected"


def test_message_keys_do_not_depend_on_what_else_the_console_saw(pack):
    """Items without an id of their own are keyed by their place in the recipient's inbox, so a
    console that folds only one role's events names them as the full view does."""
    s = Session.start(pack, 5, PEOPLE)
    s.advance_to(2)
    s.submit(C.SendMessage(by="press", to="chief", intent="report", text="On it."))
    s.submit(C.ObserverNote(by="facilitator", text="noted"))
    s.submit(C.SendMessage(by="press", to="chief", intent="report", text="Done."))
    full = ExerciseView(pack, seats=dict(PEOPLE))
    full.apply(list(s.events))
    mine = ExerciseView(pack, seats=dict(PEOPLE))
    mine.apply([e for e in s.events if e.type in ("inject_delivered", "message_sent") and "chief" in
                (e.to if isinstance(e.to, list) else [e.to])])
    assert [i.key for i in full.inbox["chief"]] == [i.key for i in mine.inbox["chief"]]
    assert len({i.key for i in full.inbox["chief"]}) == len(full.inbox["chief"])
