"""What a person chose survives a resume: the composer's languages and channel reach the approval
request and the approver's dialog after a restart; inbox unread marks come back as they were."""

from __future__ import annotations

import shutil

from textual.widgets import Select, SelectionList, Static

from simulator.log import read_log
from simulator.replay import verify
from tui.app import make_app
from tui.config import RunConfig
from tui.screens.composer import ComposerDialog
from tui.screens.waiting_dialogs import ApprovalDialog
from tui.screens.exercise import ExerciseScreen

from ..conftest import multilingual_pack_dir
from .conftest import app_for, events_of


def commands(path, kind: str) -> list[dict]:
    return [ln.data for ln in read_log(path).lines if ln.data["kind"] == "command" and ln.data["type"] == kind]


def killed_copy(log, tmp_path):
    """What a crash leaves: the log as it is on disk now."""
    killed = tmp_path / "killed.jsonl"
    shutil.copyfile(log, killed)
    return killed


async def test_composer_languages_reach_the_request_and_the_approver_after_resume(tmp_path, wall):
    log = tmp_path / "ex.jsonl"
    app = app_for(log, wall, scenario=multilingual_pack_dir(tmp_path) / "scenario.yaml")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("2", "s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ComposerDialog) and dialog.approver == "chief"
        # By the keyboard: the channel list (website, not the first), then the languages: English
        # off (the default), Welsh and Polish on; then the text.
        await pilot.press("tab", "enter")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert dialog.query_one("#channel", Select).value == "website"
        await pilot.press("tab", "space", "down", "space", "down", "space")
        await pilot.pause()
        assert sorted(dialog.query_one("#languages", SelectionList).selected) == ["Polish", "Welsh"]
        await pilot.press("tab", *"Stay calm, friends.")
        await pilot.press("ctrl+r")
        await pilot.pause()
        [asked] = commands(log, "request_approval")  # on disk, with the draft's choices
        assert (asked["channel"], sorted(asked["languages"]), asked["text"]) == ("website", ["Polish", "Welsh"],
                                                                                   "Stay calm, friends.")
        killed = killed_copy(log, tmp_path)
        await pilot.press("ctrl+q")

    resumed = make_app(RunConfig(resume=killed), wall=wall)
    async with resumed.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = resumed.screen
        assert isinstance(screen, ExerciseScreen)
        await pilot.press("1", "d")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        approve = resumed.screen
        assert isinstance(approve, ApprovalDialog)
        shown = " ".join(str(w.render()) for w in approve.query(Static))
        assert "On website" in shown and "Welsh" in shown and "Polish" in shown and "Stay calm, friends." in shown
        await pilot.press("tab", "tab", "enter")  # past the draft and the reason: Approve
        await pilot.pause()
        await pilot.press("2", "d")
        await pilot.pause()
        await pilot.press("enter")  # publish with the approval
        await pilot.pause()
        [said] = events_of(resumed, "statement_issued")
        assert (said.channel, sorted(said.languages), said.approval) == ("website", ["Polish", "Welsh"], "A1")
        await pilot.press("ctrl+q")
    verify(killed)


async def test_unread_counts_survive_a_resume(tmp_path, wall):
    log = tmp_path / "ex.jsonl"
    app = app_for(log, wall)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("j")  # the vigil request (I2) reaches the chief
        await pilot.pause()
        await pilot.press("1")  # the chief's console opens on the first item, I1: that one is read
        await pilot.pause()
        screen = app.screen
        before = {r: screen.view.unread(r) for r in ("chief", "press")}
        assert before == {"chief": 1, "press": 1}
        assert [c["items"] for c in commands(log, "mark_read")] == [["i:I1"]]
        killed = killed_copy(log, tmp_path)
        await pilot.press("ctrl+q")

    resumed = make_app(RunConfig(resume=killed), wall=wall)
    async with resumed.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = resumed.screen
        assert {r: screen.view.unread(r) for r in ("chief", "press")} == before
        inbox = screen.console("chief").inbox
        marks = [str(inbox.get_option_at_index(n).prompt).startswith("●") for n in range(len(inbox.items))]
        assert marks == [False, True]  # I1 read, I2 not, as the first console showed them
        assert "1 unread" in str(screen.console("chief").head.render())
        await pilot.press("ctrl+q")


async def test_a_resumed_hot_wash_shows_the_answers_already_logged(tmp_path, wall, mini_pack):
    from textual.widgets import Input

    from simulator.engine import commands as C
    from simulator.engine.seats import Seat
    from simulator.session import Session
    from tui.screens.hotwash import HotWashScreen

    log = tmp_path / "ended.jsonl"
    s = Session.start(mini_pack, 2, {"chief": Seat(), "press": Seat()}, log)
    s.submit(C.EndExercise(by="facilitator"))
    s.submit(C.HotWashAnswer(by="facilitator", question="M1.1", text="Start: What went well?", answer="Fast start"))
    s.close()  # the scorecard was next when the room lost power

    resumed = make_app(RunConfig(resume=log), wall=wall)
    async with resumed.run_test(size=(100, 32)) as pilot:
        await pilot.pause(0.6)
        assert isinstance(resumed.screen, HotWashScreen)
        assert resumed.screen.query_one("#q0", Input).value == "Fast start"
        resumed.screen.query_one("#q1", Input).value = "Rehearse the handover"
        await pilot.press("ctrl+s")
        await pilot.pause()
        answers = [(e.question, e.answer) for e in events_of(resumed, "hot_wash_answered")]
        assert answers == [("M1.1", "Fast start"), ("M2.1", "Rehearse the handover")]  # not logged twice
        await pilot.press("ctrl+q")
