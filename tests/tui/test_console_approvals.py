"""The approval dialog shows the whole draft and its playbook check before the buttons; a denial
takes a reason; the drafter edits and asks again; an approver may change a draft before granting
it; the composer checks as the player types, unless the facilitator turned that off. Every
choice is a logged command."""

from __future__ import annotations

from textual.widgets import Input, Static, TextArea

from simulator.engine import commands as C
from tui.screens.composer import ComposerDialog
from tui.screens.exercise import ExerciseScreen
from tui.screens.waiting_dialogs import ApprovalDialog

from .conftest import app_for, events_of

HARMFUL = "Stay calm. It was their fault."


def shown(screen) -> str:
    return " ".join(str(w.render()) for w in screen.query(Static))


async def _draft_asked(app, pilot, text: str = HARMFUL) -> ExerciseScreen:
    """Start, and have the press officer ask the chief to approve `text` on the website."""
    await pilot.press("ctrl+s")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ExerciseScreen)
    screen.send(C.RequestApproval(by="press", to="chief", text=text, channel="website", languages=["Welsh"]))
    await pilot.pause()
    return screen


async def _open_request(pilot, app) -> ApprovalDialog:
    await pilot.press("1", "d")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ApprovalDialog)
    return dialog


async def test_the_approver_sees_the_whole_draft_and_its_check_and_a_denial_needs_a_reason(tmp_path, wall):
    app = app_for(tmp_path / "a.jsonl", wall)
    async with app.run_test(size=(80, 24)) as pilot:
        await _draft_asked(app, pilot)
        dialog = await _open_request(pilot, app)
        text = shown(dialog)
        assert "On website" in text and "Welsh" in text and HARMFUL in text
        assert "Blaming a community" in text and "'their fault'" in text  # the rule by name, with its words
        assert "Call for calm" in text
        dialog.choose("deny")  # no reason given: nothing is sent
        await pilot.pause()
        assert app.screen is dialog and not events_of(app, "approval_answered")
        dialog.query_one("#reason", Input).value = "Blames a community"
        dialog.choose("deny")
        await pilot.pause()
        [answer] = events_of(app, "approval_answered")
        assert (answer.granted, answer.note) == (False, "Blames a community")
        await pilot.press("ctrl+q")


async def test_the_drafter_edits_a_denied_draft_and_asks_again(tmp_path, wall):
    app = app_for(tmp_path / "b.jsonl", wall)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _draft_asked(app, pilot)
        [asked] = events_of(app, "approval_requested")
        screen.send(C.AnswerApproval(by="chief", request=asked.request, granted=False, note="Blames a community"))
        await pilot.press("2", "d")
        await pilot.pause()
        [entry] = screen.console("press").pending.entries
        assert entry.kind == "denied" and "Blames a community" in entry.title
        await pilot.press("enter")
        await pilot.pause()
        composer = app.screen
        assert isinstance(composer, ComposerDialog) and composer.mode == "revise"
        area = composer.query_one("#text", TextArea)
        assert area.text == HARMFUL
        area.text = "Stay calm. Our thoughts are with the families."
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        second = events_of(app, "approval_requested")[-1]
        assert second.revises == asked.request and second.text.startswith("Stay calm. Our thoughts")
        assert (second.channel, second.languages) == ("website", ["Welsh"])  # kept from the denied draft
        assert not screen.console("press").pending.entries  # nothing left to revise
        await pilot.press("ctrl+q")


async def test_approve_with_changes_publishes_what_the_approver_left(tmp_path, wall):
    app = app_for(tmp_path / "c.jsonl", wall)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _draft_asked(app, pilot)
        dialog = await _open_request(pilot, app)
        dialog.query_one("#reason", Input).value = "Took out the blame"
        dialog.choose("changes")
        await pilot.pause()
        composer = app.screen
        assert isinstance(composer, ComposerDialog) and composer.mode == "changes"
        composer.query_one("#text", TextArea).text = "Stay calm. Help is on the way."
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        [answer] = events_of(app, "approval_answered")
        assert (answer.granted, answer.text, answer.note) == (True, "Stay calm. Help is on the way.", "Took out the blame")
        await pilot.press("2", "d")
        await pilot.pause()
        [entry] = screen.console("press").pending.entries
        assert entry.kind == "approved" and "with changes" in entry.title
        await pilot.press("enter")
        await pilot.pause()
        [said] = events_of(app, "statement_issued")
        assert said.text == "Stay calm. Help is on the way."
        await pilot.press("ctrl+q")


async def test_the_composer_checks_as_the_player_types(tmp_path, wall):
    app = app_for(tmp_path / "d.jsonl", wall)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("2", "s")
        await pilot.pause()
        composer = app.screen
        assert isinstance(composer, ComposerDialog)
        composer.query_one("#text", TextArea).focus()
        await pilot.press(*"Stay calm")
        await pilot.pause()
        check = str(composer.query_one("#check", Static).render())
        assert "Call for calm" in check and "Breaks no prohibition" in check
        await pilot.press(*", it was their fault")
        await pilot.pause()
        check = str(composer.query_one("#check", Static).render())
        assert "Blaming a community" in check and "'their fault'" in check
        assert [v.rule for v in composer.last_check.breaks] == ["blame"]
        await pilot.press("ctrl+q")


async def test_the_facilitator_turns_the_live_check_off_and_a_resume_agrees(tmp_path, wall):
    from tui.app import make_app
    from tui.config import RunConfig

    log = tmp_path / "e.jsonl"
    app = app_for(log, wall)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        screen.action_live_check()
        await pilot.pause()
        assert [e.on for e in events_of(app, "live_check_set")] == [False]
        await pilot.press("2", "s")
        await pilot.pause()
        composer = app.screen
        composer.query_one("#text", TextArea).text = "It was their fault."
        await pilot.pause()
        assert "off" in str(composer.query_one("#check", Static).render()) and composer.last_check is None
        await pilot.press("ctrl+q")
    resumed = make_app(RunConfig(resume=log), wall=wall)
    async with resumed.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert resumed.screen.view.live_check is False
        await pilot.press("ctrl+q")


async def test_a_kept_composer_opens_blank_for_the_next_statement(tmp_path, wall):
    app = app_for(tmp_path / "k.jsonl", wall)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("2", "s")
        await pilot.pause()
        first = app.screen
        first.query_one("#text", TextArea).text = "It was their fault."
        await pilot.pause()
        await pilot.press("ctrl+r")  # sent for approval
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        again = app.screen
        assert again is first  # kept, not composed again
        assert again.query_one("#text", TextArea).text == "" and again.last_check is None
        assert "Type the statement" in str(again.query_one("#check", Static).render())
        await pilot.press("ctrl+q")


async def test_a_kept_approval_dialog_shows_each_request_afresh(tmp_path, wall):
    """The exercise screen keeps one approval dialog: each request opens in it as if new, with
    nothing of the request before (its draft, check, channel, the reason typed, its settled state)."""
    app = app_for(tmp_path / "f.jsonl", wall)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _draft_asked(app, pilot)
        [first_ask] = events_of(app, "approval_requested")
        first = await _open_request(pilot, app)
        assert HARMFUL in shown(first)
        first.query_one("#reason", Input).value = "Half a thought"
        screen.send(C.AnswerApproval(by="chief", request=first_ask.request, granted=False, note="Blames a community"))
        await pilot.pause()
        screen._tick()  # answered meanwhile (as from another console): the open dialog settles
        await pilot.pause()
        assert first.settled and first.query_one("#grant").disabled
        await pilot.press("escape")
        await pilot.pause()
        screen.send(C.RequestApproval(by="press", to="chief", text="Our thoughts are with the families.",
                                      channel="social", languages=["English"]))
        screen.send(C.RequestApproval(by="press", to="chief", action="press.briefing"))
        await pilot.pause()
        draft, action = [p.key for p in screen.view.pending_for("chief")]
        screen.open_pending("chief", draft)
        await pilot.pause()
        second = app.screen
        assert second is first  # kept, not composed again
        text = shown(second)
        assert "Our thoughts are with the families." in text and "On social" in text and "English" in text
        assert "Families" in text  # this draft's check
        assert HARMFUL not in text and "Welsh" not in text and "Blaming a community" not in text
        assert second.query_one("#reason", Input).value == ""
        assert not second.settled and not second.query_one("#grant").disabled
        assert second.query_one("#changes").display
        assert second.focused is second.query_one("#body-scroll")  # the draft first, as when new: Tab reaches the reason
        second.query_one("#reason", Input).focus()
        await pilot.pause()
        second.choose("grant")
        await pilot.pause()
        assert events_of(app, "approval_answered")[-1].granted
        screen.open_pending("chief", action)
        await pilot.pause()
        third = app.screen
        assert third is first
        text = shown(third)
        assert "Action: Brief the media off the record" in text and "Our thoughts" not in text
        assert not third.query_one("#changes").display  # an action is approved as it is, or not
        assert third.focused is third.query_one("#body-scroll")
        await pilot.press("ctrl+q")
