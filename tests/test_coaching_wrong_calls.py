"""Coached feedback on the wrong calls below a seat (simulator/coaching/wrong_calls.py): for each
decision taken under it on an option the plan does not favour, whether the person overruled it,
when and with what, or let it stand; as the model, as text and through `tabletop score --seat`.

The chain fixture pack, seed 0, competence 0.5: the press officer (staff) chooses "Ask the centre
to close" at minute 14.14, under the chief, and "Say nothing yet" at 52.43, while the chief is in
the air and the deputy acts for the chief."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from simulator.cli import main
from simulator.coaching import feedback_for
from simulator.engine import commands as C
from simulator.engine.seats import Seat
from simulator.loading.pack import load_pack
from simulator.scoring import score_log
from simulator.session import Session

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def chain():
    return load_pack(FIXTURES / "chain")


def run(chain, tmp_path, script):
    log = tmp_path / "run.jsonl"
    s = Session.start(chain, 0, {"chief": Seat(), "deputy": Seat(kind="staff"),
                                 "press": Seat(kind="staff", competence=0.5)}, log)
    for minute, cmd in script:
        s.advance_to(minute)
        s.submit(cmd)
    s.run_to_end()
    s.close()
    return log


def feedback(log, role):
    pack, card, facts = score_log(log)
    return feedback_for(pack, card, facts, role)


def test_a_wrong_call_left_standing_is_said_and_is_something_to_practise(chain, tmp_path):
    log = run(chain, tmp_path, [])
    fb = feedback(log, "chief")
    [call] = fb.wrong_calls  # the rumour call was taken while the chief was in the air: the deputy's to overrule
    assert (call.inject, call.verdict, call.decider, call.staff) == ("I2", "let_stand", "press", True)
    assert call.chosen.label == "Ask the centre to close" and call.favoured.id == "post"
    assert call.rating == "S" and call.finding == "plan.decision:I2" and call.until == 44.14
    assert "you let it stand" in call.explanation and "until minute 44.14" in call.explanation
    assert any(p.title.startswith("Overrule a wrong call while you can") and p.minute == 14.14 for p in fb.practise)
    deputy = feedback(log, "deputy")
    assert [c.inject for c in deputy.wrong_calls] == ["I6"]


def test_an_overruled_wrong_call_says_when_and_with_what(chain, tmp_path):
    log = run(chain, tmp_path, [(20, C.Overrule(by="chief", inject="I2", option="post", reason="Keep the door watched."))])
    [call] = feedback(log, "chief").wrong_calls
    assert (call.verdict, call.overruled_at, call.overruled_by, call.replacement.id) == ("overruled", 20, "chief", "post")
    assert call.rating == "P" and call.finding == "plan.overrule:I2"
    assert "You overruled it at minute 20, 6 min later" in call.explanation and "the option the plan favours" in call.explanation
    # The press officer's own feedback has its decision, and no calls below it to overrule.
    press = feedback(log, "press")
    assert not press.wrong_calls and not press.supervises and any(d.inject == "I2" for d in press.decisions)


def test_score_seat_prints_the_wrong_calls_and_json_carries_them(chain, tmp_path):
    log = run(chain, tmp_path, [(20, C.Overrule(by="chief", inject="I2", option="wait", reason="Patrols will do."))])
    text = CliRunner().invoke(main, ["score", str(log), "--seat", "chief"])
    assert text.exit_code == 0, text.output
    said = " ".join(text.output.split())  # as read, whatever the terminal's width wrapped
    assert "Wrong calls below you: overruled or let stand" in said
    assert "Press officer (simulated staff): Who stands at the community centre tonight?" in said
    # on the story clock, with the exercise minute a branch is taken from
    assert re.search(r"\[you overruled it at \d\d:\d\d \(minute 20\)\]", said), said
    assert "the plan favours 'Two officers" in said
    data = json.loads(CliRunner().invoke(main, ["score", str(log), "--seat", "chief", "--json"]).output)
    [call] = data["wrong_calls"]
    assert call["verdict"] == "overruled" and call["replacement"]["id"] == "wait" and call["rating"] == "S"
    press = CliRunner().invoke(main, ["score", str(log), "--seat", "press"])
    assert press.exit_code == 0 and "Wrong calls below you" not in press.output
