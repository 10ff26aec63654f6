"""The replay viewer and the what-if comparison speak the consoles' language: the story clock, role
titles, inject and option titles, plan-step text and rule labels; never an exercise minute, a wire
name or an id. Checked on what the screen shows, at 80x24 and 200x60, while stepping through."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from simulator.cli import main
from simulator.story_clock import story_time
from tui.app import make_app
from tui.screens.compare import CompareScreen
from tui.screens.replay import ReplayScreen

from ..conftest import ROOT
from ..reviewed_log import RAW_MINUTE, UPPER_SNAKE, ids_in, ids_of, reviewed_log

FLAGSHIP = ROOT / "scenarios" / "caldmere-vaisakhi-attack"
SIZES = [(80, 24), (200, 60)]


@pytest.fixture(scope="module")
def logs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("words")
    flagship, branch, people = folder / "flagship.jsonl", folder / "flagship-whatif.jsonl", folder / "people.jsonl"
    run = CliRunner().invoke(main, ["simulate", str(FLAGSHIP), "--seed", "3", "--competence", "0.7", "--log", str(flagship)])
    assert run.exit_code == 0, run.output
    run = CliRunner().invoke(main, ["branch", str(flagship), "--at", "60", "-o", str(branch), "--seat", "mayor=late",
                                    "--play-out"])
    assert run.exit_code == 0, run.output
    reviewed_log(people)
    return {"flagship": flagship, "branch": branch, "people": people}


def screen_text(app) -> str:
    """What the terminal shows now, line by line (the compositor's own rendering)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def _plain(text: str, pack) -> None:
    assert not UPPER_SNAKE.findall(text), "event names in words, not wire names"
    assert not RAW_MINUTE.findall(text), "times on the story clock, not exercise minutes"
    assert not ids_in(text, ids_of(pack)), "titles and labels, not ids"


async def _look_around(pilot, app) -> list[str]:
    """Step through the log as a reviewer does, reading every view on the way."""
    screen = app.screen
    seen = [screen_text(app)]
    for keys in (["n"] * 6, ["right"] * 12, ["1"], ["n"] * 4, ["2"], ["end"], ["3"], ["0"], ["home"], ["p"]):
        await pilot.press(*keys)
        await pilot.pause(0.15)
        seen.append(screen_text(app))
    for n in range(1, len(screen.roles) + 1):
        await pilot.press(str(n))
        await pilot.pause(0.15)
        seen.append(screen_text(app) + "\n" + str(screen.query_one("#replay-view").content))
    return seen


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("which", ["flagship", "people"])
async def test_every_replay_screen_reads_in_story_time_and_titles(logs, which, size):
    app = make_app(replay=logs[which])
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        pack = screen.pack
        for text in await _look_around(pilot, app):
            _plain(text, pack)
            assert re.search(r"\b\d\d:\d\d\b", text), "the story clock is on screen"
        # The whole list, not just the rows in sight: a time of day, then what happened.
        rows = screen.query_one("#replay-lines")
        days: list[str] = []
        for i in range(rows.option_count):
            option = rows.get_option_at_index(i)
            prompt = str(option.prompt)
            if option.disabled:  # a day's name, once above its rows
                days.append(prompt)
                continue
            assert re.match(r"\d\d:\d\d  \S", prompt) and "\n" not in prompt, prompt
            _plain(prompt, pack)
        # Where the story jumps days, each day is named once, the first one too; one day needs no name.
        assert days == {"flagship": ["Day 1", "Day 3"], "people": []}[which]  # (the people run ends on day 1)
        await pilot.press("ctrl+q")


async def test_the_clock_bar_and_the_role_view_give_the_story_clock(logs):
    app = make_app(replay=logs["flagship"])
    async with app.run_test(size=(200, 60)) as pilot:
        screen = app.screen
        await pilot.press("end")
        await pilot.pause(0.2)
        assert screen.minute == screen.end
        end_clock = story_time(screen.pack.scenario, screen.end)
        assert end_clock.startswith("Day 3") and end_clock in screen_text(app).splitlines()[0]
        await pilot.press("1")
        await pilot.pause(0.2)
        view = str(screen.query_one("#replay-view").content)
        assert f"What the Mayor saw and did, up to {end_clock}" in view
        inbox = view[view.index("Inbox"):view.index("Checklist")].splitlines()[1:]
        assert inbox and all(re.match(r"\s+(Day 3 )?\d\d:\d\d \w", line) for line in inbox if line.strip()), inbox
        assert not re.search(r"\b\d+\.\d\b", view), "no exercise minutes in the role's view"
        await pilot.press("ctrl+q")


async def test_a_long_entry_is_read_whole_beside_the_list(logs):
    """The list cuts rows to its width; the row in focus is given whole above the view."""
    app = make_app(replay=logs["people"])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        statement = next(n for n, d in screen.data_of.items() if d.get("type") == "statement_issued")
        screen.goto_minute(screen.line_minute[statement], statement)
        await pilot.pause(0.3)
        entry = str(screen.query_one("#replay-entry").content)
        assert "We know of a threat to Kestrel Lane School. Pupils are safe.\nNext update at 10:00." in entry
        assert entry.startswith(screen.clock_of[statement])
        await pilot.press("ctrl+q")


async def test_findings_name_what_they_judged_and_jump_to_evidence_in_story_time(logs):
    app = make_app(replay=logs["flagship"])
    async with app.run_test(size=(200, 60)) as pilot:
        screen = app.screen
        pack = screen.pack
        await pilot.press("f")
        await pilot.pause(0.2)
        findings = screen.query_one("#replay-findings")
        rows = [str(findings.get_option_at_index(i).prompt) for i in range(findings.option_count)]
        for row in rows:
            _plain(row, pack)
        decision = next(n for n, f in enumerate(screen.findings) if f.rule == "plan.decision" and f.evidence)
        inj = pack.injects[screen.findings[decision].id.split(":")[1]]
        assert inj.decision.prompt[:40] in rows[decision]
        findings.highlighted = decision
        await pilot.pause(0.2)
        pane = str(screen.query_one("#replay-finding").content)
        _plain(pane, pack)
        option = next(o.label for o in inj.decision.options if o.id == pack.injects[inj.id].decision.options[0].id)
        assert option and "chose" in pane and re.search(r"\b\d\d:\d\d\b", pane)
        await pilot.press("enter")
        await pilot.pause(0.4)
        first = screen.findings[decision].evidence[0]
        assert screen._focus_line == first and screen.query_one("#replay-tabs").active == "tab-view"
        _plain(screen_text(app), pack)
        assert screen.clock_of[first] in screen_text(app)
        await pilot.press("ctrl+q")


@pytest.mark.parametrize("size", SIZES)
async def test_the_comparison_reads_in_story_time_and_titles(logs, size):
    app = make_app(replay=logs["branch"])
    async with app.run_test(size=size) as pilot:
        await pilot.press("c")
        await pilot.pause(0.5)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        pack = screen.pack
        assert f"branched at {story_time(pack.scenario, 60)}" in screen_text(app)
        changes = screen.query_one("#compare-changes")
        for n in range(changes.option_count):
            changes.highlighted = n
            await pilot.pause(0.05)
            for side in ("#compare-left", "#compare-right"):
                _plain(str(screen.query_one(side).content), pack)
            _plain(str(changes.get_option_at_index(n).prompt), pack)
        _plain(screen_text(app), pack)
        await pilot.press("ctrl+q")


def test_the_compare_command_reads_the_same(logs):
    shown = CliRunner().invoke(main, ["compare", str(logs["flagship"]), str(logs["branch"])])
    assert shown.exit_code == 0, shown.output
    from simulator.loading.pack import load_pack

    pack = load_pack(FLAGSHIP)
    assert f"branched at {story_time(pack.scenario, 60)}" in shown.output
    _plain(shown.output, pack)


def test_the_scorecard_summary_names_findings_by_title_never_by_id(tmp_path):
    """The roles' roll-up reasons ('worst finding: ...') and the live clock, in the consoles' words."""
    import re as _re

    from simulator.loading.pack import load_pack
    from simulator.scoring.scorer import score_log
    from tests.conftest import ROOT, run_headless
    from tui.score_text import card_summary

    log = tmp_path / "s.jsonl"
    run_headless(load_pack(ROOT / "scenarios" / "caldmere-vaisakhi-attack"), 3, "plan", log).close()
    pack, card, _facts = score_log(log)
    text = card_summary(card, pack, 3).plain
    ids = {f.id for f in card.findings}
    assert not [i for i in ids if i in text], text
    assert "Worst of " in text and not _re.search(r"\b[a-z]+_[a-z_]+\b", text)
