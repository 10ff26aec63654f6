"""Every log entry in plain words (simulator/event_words.py): `replay --text`, the consoles' activity
log and the report's timeline tell the same events with titles, labels and the story clock, never
with wire names, ids or exercise minutes."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from simulator.cli import main
from simulator.console.display import ExerciseView
from simulator.engine.commands import Command
from simulator.engine.events import EVENT_TYPES
from simulator.event_words import COMMAND_WORDS, EventWords
from simulator.replay import verify
from simulator.story_clock import story_time

from .reviewed_log import RAW_MINUTE, UPPER_SNAKE, ids_in, ids_of, reviewed_log


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    log = tmp_path_factory.mktemp("words") / "reviewed.jsonl"
    pack = reviewed_log(log)
    return log, pack


def test_replay_text_reads_like_a_diary_of_the_story(reviewed):
    log, pack = reviewed
    shown = CliRunner().invoke(main, ["replay", "--text", str(log)])
    assert shown.exit_code == 0, shown.output
    text = shown.output
    assert not UPPER_SNAKE.findall(text), "event names in words, not wire names"
    assert not RAW_MINUTE.findall(text), "times on the story clock"
    assert not ids_in(text, ids_of(pack)), "titles and labels, not ids"
    assert not re.search(r"\d\d:\d\d  (mayor|police|communications|education|health)\b", text), "roles by title"
    assert not re.search(r"'A\d+'|\bA\d+\b", text), "approval requests by what they ask, not their id"
    data = [json.loads(line) for line in log.read_text().splitlines()[1:]]
    rows = [row for row in text.splitlines() if not row.startswith(" ")]  # continuation lines are indented
    assert len(rows) == len(data)
    for row, d in zip(rows, data):
        assert row.startswith(story_time(pack.scenario, d["t"]) + "  "), row
    # Each kind of entry says what happened, as a reviewer needs it.
    for said in ("Mayor: REFUSED (take that action): Mayor cannot be reached",
                 "cannot delegate \u2018approve public statement\u2019",
                 "approved a statement: \u201cWe know of a threat to Kestrel Lane School.",
                 "Observer: [Deputy mayor", "Clock paused", "Clock speed 4\u00d7", "Clock jumped to 08:52",
                 "stopping before the deadline of \u2018", "seat handed to simulated staff (acting late, competence 60%)",
                 "Inject: A call from the desk", "The exercise ends (ended by the facilitator)",
                 "hot wash: \u2018When did the deputy take command?\u2019 \u2014 At once.",
                 "rating of objective \u2018Keep an unbroken chain of command"):
        assert said in text, said
    assert "Plan step due by 08:53: \u2018Invoke the succession order" in text


def test_the_consoles_activity_log_tells_events_the_same_way(reviewed):
    log, pack = reviewed
    result = verify(log)
    view = ExerciseView(pack)
    view.apply(result.events)
    words = EventWords(pack)
    told = {words.of(e, brief=True).line() for e in result.events}
    assert view.activity and len(view.activity) == len(view.activity_roles)
    for line in view.activity:
        when, _, what = line.strip().partition("  ")
        assert re.fullmatch(r"(.* )?\d\d:\d\d", when) and what in told, line
        assert "\n" not in line and not UPPER_SNAKE.search(line) and not ids_in(line, ids_of(pack))
    assert any(role == "deputy-mayor" and "Deputy mayor" in line for line, role in zip(view.activity, view.activity_roles))


def test_every_event_and_command_has_its_words():
    """A new event type or command gets its words here, in the one describer, or this fails."""
    missing = [kind for kind in EVENT_TYPES if not hasattr(EventWords, f"_{kind}")]
    assert not missing, f"events without words in simulator/event_words.py: {missing}"
    from typing import get_args

    union = get_args(get_args(Command)[0])
    commands = [cls.model_fields["type"].default for cls in union]
    assert not [c for c in commands if c not in COMMAND_WORDS], "commands without words in COMMAND_WORDS"


def test_an_event_this_version_does_not_know_is_still_told_in_words(mini_pack):
    said = EventWords(mini_pack).of({"kind": "event", "type": "venue_evacuated", "t": 3.0})
    assert said.sentence() == "Venue evacuated"


def test_a_report_timeline_row_uses_the_same_words(reviewed):
    from simulator.report.wording import describe

    log, pack = reviewed
    words = EventWords(pack)
    rows = [describe(words, json.loads(line)) for line in log.read_text().splitlines()[1:]
            if json.loads(line)["kind"] == "event"]
    refused = [r for r in rows if r[0] == "Rejected"]
    assert len(refused) == 2 and all(what.startswith("REFUSED (") and who in ("Mayor", "Deputy mayor (acting mayor under "
                                     "the succession order)") for _l, who, what in refused)
    injects = [r for r in rows if r[0] == "Inject"]
    assert injects and all(who != "-" and not ids_in(what, ids_of(pack)) for _l, who, what in injects)
