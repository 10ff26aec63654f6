"""Upward reporting under succession: a role acting for its own supervisor is in command, so it
neither reports to itself nor is marked down for not reporting upwards.

Why: with the mayor unreachable, the deputy mayor (who reports to the mayor) is acting mayor.
Before this rule, simulated deputies sent "Passing on" reports to themselves, and a human
deputy who (rightly) did not would have been rated M for "never reported".
"""

from __future__ import annotations

import json
import shutil

from simulator.loading.pack import load_pack
from simulator.scoring import score_log

from .conftest import FIXTURES, run_headless


def _first_call_to_press_only(folder):
    """I1 goes to everyone in the mini pack; here only press hears it, so press must pass it up."""
    scen = folder / "scenario.yaml"
    text = scen.read_text()
    assert "    to: all\n    channel: phone" in text
    scen.write_text(text.replace("    to: all\n    channel: phone", "    to: [press]\n    channel: phone", 1))


def _pack(tmp_path, succession: bool):
    folder = tmp_path / ("succession" if succession else "plain")
    shutil.copytree(FIXTURES / "mini", folder)
    _first_call_to_press_only(folder)
    if succession:
        chief = folder / "roles" / "chief.yaml"
        chief.write_text(chief.read_text().replace("delegable:", "successor: press\ndelegable:"))
        scen = folder / "scenario.yaml"
        text = scen.read_text()
        assert "    severity: high\n" in text
        scen.write_text(text.replace("    severity: high\n", "    severity: high\n    unavailable: [chief]\n", 1))
    return load_pack(folder)


def _run(pack, tmp_path, name):
    log = tmp_path / f"{name}.jsonl"
    run_headless(pack, 1, "plan", log)
    messages = [json.loads(x) for x in log.read_text().splitlines()]
    messages = [m for m in messages if m.get("type") == "message_sent"]
    _p, card, _f = score_log(log)
    return messages, {f.id: f for f in card.findings}


def test_supervisor_reachable_the_subordinate_reports_up(tmp_path):
    messages, findings = _run(_pack(tmp_path, succession=False), tmp_path, "plain")
    assert any(m["by"] == "press" and m["to"] == "chief" and m["intent"] == "report" for m in messages)
    assert findings["chain.reporting:I1/press"].rating == "P"


def test_acting_for_the_supervisor_nobody_reports_to_themselves(tmp_path):
    messages, findings = _run(_pack(tmp_path, succession=True), tmp_path, "succession")
    assert not [m for m in messages if m["by"] == m["to"]]
    assert "chain.reporting:I1/press" not in findings
    assert not [f for f in findings.values() if f.rule == "chain.reporting" and f.rating in ("M", "U")]


def test_reports_name_whoever_is_acting(tmp_path):
    # A third role that reports to the chief: while the chief is unreachable its reports go to press.
    folder = tmp_path / "three"
    shutil.copytree(FIXTURES / "mini", folder)
    chief = folder / "roles" / "chief.yaml"
    chief.write_text(chief.read_text().replace("delegable:", "successor: press\ndelegable:"))
    aide = (folder / "roles" / "press.yaml").read_text().replace("id: press\n", "id: aide\n").replace("press.", "aide.")
    (folder / "roles" / "aide.yaml").write_text(aide)
    scen = folder / "scenario.yaml"
    text = scen.read_text().replace("roles: [chief, press]", "roles: [chief, press, aide]")
    text = text.replace("    to: all\n    channel: phone", "    to: [aide]\n    channel: phone", 1)
    scen.write_text(text.replace("    severity: high\n", "    severity: high\n    unavailable: [chief]\n", 1))
    _messages, findings = _run(load_pack(folder), tmp_path, "three")
    f = findings["chain.reporting:I1/aide"]
    assert f.rating == "P" and "press (acting for chief)" in f.explanation
