"""A person overrules a wrong call of the simulated staff below them, on their console: the staff's
decision report arrives in the inbox, its detail says it can be overruled and until when, `o` on
it opens the overrule dialog (the other options, a reason), and the overrule is logged, meets the
plan step the favoured option is, and reaches the decider's inbox. Plain words: no ids on screen."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from tui.screens.exercise import ExerciseScreen
from tui.screens.waiting_dialogs import OverruleDialog

from ..conftest import FIXTURES
from .conftest import app_for, events_of

CHAIN = FIXTURES / "chain" / "scenario.yaml"


def _plain(widget) -> str:
    return str(widget.render())


async def test_the_chief_overrules_the_press_officers_wrong_call(tmp_path, wall):
    # Seed 0: the press officer (competence 0.5) decides "Ask the centre to close" at minute 14.14.
    app = app_for(tmp_path / "o.jsonl", wall, scenario=CHAIN, mode="solo", solo_role="chief", competence=0.5,
                  seed=0, speed=60.0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")  # solo play opens on the briefing
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen) and screen.solo and screen.current == "chief"
        await pilot.press("o")  # nothing taken below yet: the key says so, nothing opens
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("space")  # solo: the player runs the clock; 60x, one wall second a minute
        wall.t += 16
        screen._tick()
        await pilot.pause()
        await pilot.press("space")  # pause at minute ~16 to read
        await pilot.pause()
        inbox = screen.console("chief").inbox
        report = next(n for n, i in enumerate(inbox.items) if i.title.startswith("Decided:"))
        item = inbox.items[report]
        assert "Ask the centre to close" in item.body and "overrule me by 09:44" in item.body
        inbox.highlighted = report
        inbox.action_select()
        await pilot.pause()
        detail = _plain(screen.console("chief").detail)
        assert "The Press officer decided: Ask the centre to close" in detail and "until 09:44: press o" in detail
        inbox.focus()
        await pilot.press("o")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, OverruleDialog)
        assert "Press officer" in _plain(dialog.query_one(".title", Static))
        choices = dialog.query_one(OptionList)
        labels = [str(choices.get_option_at_index(n).prompt) for n in range(choices.option_count)]
        assert labels == ["Two officers at the door with a named contact", "Rely on normal patrols"]  # not the call itself
        assert "min left" in _plain(dialog.query_one(".countdown", Static))
        await pilot.press("enter")  # the first option; the focus moves to the reason
        await pilot.pause()
        await pilot.press("enter")  # no reason yet: refused, nothing sent
        await pilot.pause()
        assert app.screen is dialog and not events_of(app, "decision_overruled")
        assert dialog.query_one("#reason", Input).has_focus
        await pilot.press(*"Keep the door watched", "enter")
        await pilot.pause()
        assert app.screen is screen
        await pilot.pause()
        after = _plain(screen.console("chief").detail)
        assert "press o" not in after and "Overruled by the Chief at 09:16: Two officers at the door" in after
        over = events_of(app, "decision_overruled")
        assert len(over) == 1 and over[0].by == "chief" and over[0].option == "post" and over[0].replaced == "close"
        assert over[0].reason == "Keep the door watched"
        met = [e for e in events_of(app, "expectation_met") if e.expectation == "P2"]
        assert met and met[0].by == "press" and met[0].t == over[0].t and met[0].on_time
        assert not screen.view.overrulable("chief", app.control.session.now)  # a call is overruled once
        told = [i for i in screen.view.inbox["press"] if i.kind == "overruled"]
        assert told and "Keep the door watched" in told[0].body and "Two officers at the door" in told[0].body
        assert "I2" not in detail and "close" not in detail.replace("Ask the centre to close", "")
        await pilot.press("ctrl+q")


async def test_only_a_seat_with_someone_below_it_is_offered_the_overrule_key(tmp_path, wall):
    from tui.widgets.key_hints import KeyHints

    for role, offered in (("chief", True), ("press", False)):
        app = app_for(tmp_path / f"{role}.jsonl", wall, scenario=CHAIN, mode="solo", solo_role=role, seed=0)
        async with app.run_test(size=(160, 30)) as pilot:
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            hints = _plain(app.screen.query_one(KeyHints))
            assert ("Overrule" in hints) is offered, (role, hints)
            await pilot.press("ctrl+q")
