"""Solo play with simulated staff, the replay viewer, and resuming after a kill."""

from __future__ import annotations

import shutil

from textual.widgets import OptionList

from simulator.replay import verify
from tui.app import make_app
from tui.config import RunConfig
from tui.screens.exercise import ExerciseScreen
from tui.screens.replay import ReplayScreen

from ..conftest import run_headless
from .conftest import MINI, app_for, events_of


async def test_solo_chief_with_staff_who_ask_for_approval(tmp_path, wall):
    app = app_for(tmp_path / "solo.jsonl", wall, mode="solo", solo_role="chief", competence=1.0, speed=60.0)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "BriefingScreen"  # a new seat is briefed before the clock starts
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen) and screen.solo and screen.current == "chief"
        seats = app.control.session.header.seats
        assert seats["press"].kind == "staff" and seats["chief"].kind == "human"

        # The action palette: search the chief's catalogue and convene the crisis team.
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"convene")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert [e.action for e in events_of(app, "action_taken")] == ["chief.convene"]

        # Let twenty exercise minutes pass (60x: twenty wall seconds on the frozen clock): the
        # press officer drafts the first statement within 0.2-0.6 of its 30 minutes.
        await pilot.press("space")
        wall.t += 20
        screen._tick()
        await pilot.pause()
        asked = [e for e in events_of(app, "approval_requested") if e.staff]
        assert asked and asked[0].by == "press" and asked[0].to == "chief"
        assert asked[0].languages == ["English", "Welsh"] and asked[0].due == 30  # the draft, whole, and by when

        await pilot.press("d")
        await pilot.pause()
        waiting = screen.console("chief").pending.entries
        assert waiting[0].kind == "approve"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("tab", "tab", "enter")  # past the draft and the reason: Approve
        await pilot.pause()
        wall.t += 10
        screen._tick()
        await pilot.pause()
        said = events_of(app, "statement_issued")
        assert said and said[0].by == "press" and said[0].staff and said[0].approval == asked[0].request
        # ...and, the first statement being essential, reports it upwards within minutes.
        wall.t += 5
        screen._tick()
        await pilot.pause()
        assert any(e.by == "press" and e.to == "chief" and "statement on social" in e.text for e in events_of(app, "message_sent"))
        await pilot.press("ctrl+q")


async def test_replay_viewer_scrubs_with_the_engine_and_jumps_to_evidence(tmp_path, mini_pack):
    log = tmp_path / "done.jsonl"
    run_headless(mini_pack, 3, "late", log)
    app = make_app(replay=log)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReplayScreen) and screen.minute == 0
        await pilot.press("shift+right", "shift+right", "shift+right", "right")
        await pilot.pause(0.2)
        assert screen.minute == 31
        # The view at minute 31 is what the engine replayed up to there: I2 (minute 20) delivered, I6 (40) not yet.
        assert "I2" in screen.view.delivered and "I6" not in screen.view.delivered
        rows = screen.query_one("#replay-lines", OptionList)
        assert screen.line_minute[int(rows.get_option_at_index(rows.highlighted).id)] <= 31
        await pilot.press("2")
        await pilot.pause(0.1)
        assert screen.who == "press"
        assert "What the Press officer saw and did, up to 09:31" in str(screen.query_one("#replay-view").render())

        # From a finding to its evidence.
        with_evidence = next(n for n, f in enumerate(screen.findings) if f.evidence)
        finding = screen.findings[with_evidence]
        screen.query_one("#replay-tabs").active = "tab-findings"
        findings = screen.query_one("#replay-findings", OptionList)
        findings.focus()
        findings.highlighted = with_evidence
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert screen.minute == screen.line_minute[finding.evidence[0]]
        lines = screen.query_one("#replay-lines", OptionList)
        assert int(lines.get_option_at_index(lines.highlighted).id) == finding.evidence[0]

        # Play at 16x: the moment moves forward by itself.
        before = screen.minute
        await pilot.press("plus", "plus", "plus", "plus", "space")
        await pilot.pause(0.7)
        assert screen.speed == 16 and screen.minute > before
        await pilot.press("space", "end")
        await pilot.pause(0.2)
        assert screen.minute == screen.end and screen.view.ended
        await pilot.press("ctrl+q")


async def test_resume_after_a_kill_loses_nothing(tmp_path, wall):
    log = tmp_path / "live.jsonl"
    app = app_for(log, wall, speed=2.0)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("1", "d")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "enter")  # wait: the second option
        await pilot.pause()
        assert events_of(app, "decision_made")[0].option == "wait"
        # The kill: whatever is on disk now is all a crash leaves, plus half a line being written.
        killed = tmp_path / "killed.jsonl"
        shutil.copyfile(log, killed)
        with killed.open("a") as f:
            f.write('{"kind": "command", "type": "take_ac')
        await pilot.press("ctrl+q")

    resumed = make_app(RunConfig(resume=killed), wall=wall)  # (speed 2 was logged: it comes back too)
    async with resumed.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = resumed.screen
        assert isinstance(screen, ExerciseScreen) and not screen.solo
        session = resumed.control.session
        assert [e.option for e in session.events if e.type == "decision_made"] == ["wait"]
        assert session.now >= 20 and resumed.control.paused and resumed.control.speed == 2.0
        assert any("decided \u2018Vigil request\u2019: Wait" in line for line in screen.view.activity)
        assert (tmp_path / f"killed.jsonl.corrupt-{session.recovered.line}").exists()
        await pilot.press("1", "a")
        await pilot.pause()
        await pilot.press(*"convene")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
    result = verify(killed)
    assert [e.type for e in result.events].count("decision_made") == 1
    assert any(e.type == "action_taken" and e.action == "chief.convene" for e in result.events)


async def test_the_clock_ends_the_exercise_even_with_a_dialog_open(tmp_path, wall):
    from tui.screens.hotwash import HotWashScreen

    app = app_for(tmp_path / "end.jsonl", wall, mode="solo", solo_role="chief", speed=120.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")  # the briefing
        await pilot.press("j", "space")
        await pilot.pause()
        await pilot.press("d", "enter")  # the vigil decision dialog stays open
        await pilot.pause()
        wall.t += 120  # 240 exercise minutes at 120x: the end of the clock
        await pilot.pause(0.9)
        assert events_of(app, "exercise_ended")[0].reason == "clock"
        assert [type(s).__name__ for s in app.screen_stack[1:]] == ["HotWashScreen"]
        assert isinstance(app.screen, HotWashScreen) and app.screen.by == "chief"
        await pilot.press(*"Too slow", "ctrl+s")
        await pilot.pause()
        assert events_of(app, "hot_wash_answered")[0].answer == "Too slow"
        await pilot.press("ctrl+q")
