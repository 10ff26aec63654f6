"""The whole facilitated flow through the keyboard: setup, run, decision, statement with approval,
end, hot wash and scorecard, asserting on session state, the log and the messages."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Select

from simulator.log import read_log
from simulator.replay import verify
from tui.bridge import SessionUpdated
from tui.screens.composer import ComposerDialog
from tui.screens.exercise import ExerciseScreen
from tui.screens.hotwash import HotWashScreen
from tui.screens.scorecard import ScorecardScreen
from tui.screens.setup import SetupScreen

from .conftest import app_for, back_to_facilitator, events_of


def logged_commands(path) -> list[str]:
    return [ln.data["type"] for ln in read_log(path).lines if ln.data["kind"] == "command"]


async def test_setup_run_decide_approve_publish_end_hot_wash_scorecard(tmp_path, wall):
    log = tmp_path / "ex.jsonl"
    app = app_for(log, wall)
    messages = []
    async with app.run_test(size=(100, 32), message_hook=messages.append) as pilot:
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen) and screen.current == "facilitator"
        session = app.control.session
        assert {r: s.kind for r, s in session.header.seats.items()} == {"chief": "human", "press": "human"}

        # The clock: run, pause, faster; each is a logged command.
        await pilot.press("space", "space", "plus")
        assert [e.type for e in session.events if e.type in ("clock_resumed", "clock_paused")] == ["clock_resumed", "clock_paused"]
        assert events_of(app, "speed_changed")[-1].speed == 2.0

        # Jump to the next inject: the vigil decision reaches the chief.
        await pilot.press("j")
        await pilot.pause()
        assert "I2" in session.engine.open_decisions
        assert any(isinstance(m, SessionUpdated) for m in messages)

        # Hot-seat: the chief's console, the Waiting tab, decide with the keyboard.
        await pilot.press("1")
        assert screen.current == "chief"
        await pilot.press("d")
        await pilot.pause()
        assert screen.console("chief").pending.entries[0].kind == "decision"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # the first option: hold the vigil
        await pilot.pause()
        [decided] = events_of(app, "decision_made")
        assert (decided.inject, decided.option, decided.by, decided.staff) == ("I2", "hold", "chief", False)
        assert "decide" in logged_commands(log)  # on disk before the screen said so

        # The press officer drafts from the playbook template and asks the chief to approve.
        await pilot.press("2")
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ComposerDialog) and dialog.approver == "chief"
        dialog.query_one("#template", Select).value = "T1"
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        [asked] = events_of(app, "approval_requested")
        assert (asked.by, asked.to, asked.channel) == ("press", "chief", "social") and "calm" in asked.text

        # The chief grants it from the inbox.
        await pilot.press("1", "d")
        await pilot.pause()
        assert [p.kind for p in screen.console("chief").pending.entries] == ["approve"]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("tab", "tab", "enter")  # past the draft and the reason: Approve
        await pilot.pause()
        assert events_of(app, "approval_answered")[0].granted is True

        # The press officer publishes with the approval.
        await pilot.press("2", "d")
        await pilot.pause()
        assert [p.kind for p in screen.console("press").pending.entries] == ["approved"]
        await pilot.press("enter")
        await pilot.pause()
        [said] = events_of(app, "statement_issued")
        assert (said.by, said.approval, said.languages, said.channel) == ("press", asked.request, ["English", "Welsh"], "social")

        # The facilitator ends the exercise; the hot wash follows.
        await back_to_facilitator(pilot, screen)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")  # the safe first choice: keep playing
        await pilot.pause()
        assert not events_of(app, "exercise_ended")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause(0.6)
        assert events_of(app, "exercise_ended")[0].reason == "facilitator"
        assert isinstance(app.screen, HotWashScreen)
        app.screen.query_one("#q0", Input).value = "We convened quickly but spoke late."
        await pilot.press("ctrl+s")
        await pilot.pause()
        [answer] = events_of(app, "hot_wash_answered")
        assert answer.by == "facilitator" and answer.question == "M1.1"

        # The scorecard, from the closed log.
        card_screen = app.screen
        assert isinstance(card_screen, ScorecardScreen)
        assert session.writer is None  # flushed and closed before it was read back
        assert card_screen.card.final and card_screen.findings
        findings = card_screen.query_one("#findings", OptionList)
        assert findings.option_count == len(card_screen.findings)
        await pilot.press("ctrl+q")
    result = verify(log)  # the log replays exactly, commands and all
    assert [ln.data["type"] for ln in result.log.lines if ln.data["kind"] == "command"][-1] == "hot_wash_answer"


async def test_ad_hoc_inject_note_and_fire_from_the_facilitator_console(tmp_path, wall):
    app = app_for(tmp_path / "ex.jsonl", wall)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press(*"Road closed", "enter", *"Police close Tanner Road.", "enter")
        await pilot.pause()
        [adhoc] = [e for e in events_of(app, "inject_delivered") if e.cue == "ad_hoc"]
        assert (adhoc.title, adhoc.to, adhoc.body) == ("Road closed", ["chief", "press"], "Police close Tanner Road.")
        assert app.screen.console("press").inbox.items[-1].title == "Road closed"

        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*"Chief hesitated", "enter")
        await pilot.pause()
        assert events_of(app, "observer_noted")[0].text == "Chief hesitated"

        # Fire a cue-only inject from the MSEL (I4 has no time: it waits for a cue).
        timeline = app.screen.facilitator.timeline
        timeline.highlighted = timeline.index["I4"]
        await pilot.press("f")
        await pilot.pause()
        assert [e.cue for e in events_of(app, "inject_delivered") if e.inject == "I4"] == ["facilitator"]
        await pilot.press("ctrl+q")
    assert app.control.session.writer is None  # ctrl+q closed the log
