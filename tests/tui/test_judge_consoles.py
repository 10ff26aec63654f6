"""The consoles keep no rules of their own: whom to ask for approval, and who may answer a request,
come from the judge (through the view model), succession of the approver included."""

from __future__ import annotations

from simulator.engine import commands as C
from tui.screens.composer import ComposerDialog
from tui.screens.exercise import ExerciseScreen

from ..test_judge import _three
from .conftest import app_for, back_to_facilitator, events_of


async def test_the_composer_asks_whoever_acts_for_the_unreachable_approver(tmp_path, wall):
    pack = _three(tmp_path)  # the aide needs the chief's approval; the chief is unreachable from I1; press succeeds
    app = app_for(tmp_path / "ex.jsonl", wall, scenario=pack.scenario_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)

        # Before I1 the chief can be reached: the aide's draft goes to the chief.
        await pilot.press("3")
        assert screen.current == "aide"
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ComposerDialog) and app.screen.approver == "chief"
        await pilot.press("escape")
        await pilot.pause()

        # I1 arrives (the jump delivers it): the chief cannot be reached and press acts for them.
        await back_to_facilitator(pilot, screen)
        await pilot.press("j")
        await pilot.pause()
        assert [e.role for e in events_of(app, "role_availability")] == ["chief"]
        await pilot.press("3", "s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ComposerDialog) and dialog.approver == "press"
        dialog.query_one("#text").text = "Please stay calm."
        await pilot.press("ctrl+r")
        await pilot.pause()
        [asked] = events_of(app, "approval_requested")
        assert (asked.by, asked.to) == ("aide", "press")

        # A request someone still sends to the unreachable chief waits on press, who acts for them.
        app.control.submit(C.RequestApproval(by="aide", to="chief", text="Update: all calm.", channel="social"))
        screen._tick()
        await pilot.pause()
        waiting = [p for p in screen.view.pending_for("press") if p.kind == "approve"]
        assert {p.ref for p in waiting} == {asked.request, "A2"}
        await pilot.press("ctrl+q")
