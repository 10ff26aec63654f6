"""A seat's briefing (simulator/briefing.py) and `tabletop brief`, on the shipped packs."""

from __future__ import annotations

import json
import shutil

import pytest

from simulator import briefing
from simulator.loading.pack import load_pack
from simulator.loading.problems import ValidationFailed

from .conftest import FIXTURES, ROOT
from .test_cli import run

SUCCESSION = ROOT / "scenarios" / "wendholm-threats-succession"
FLAGSHIP = ROOT / "scenarios" / "caldmere-vaisakhi-attack"


@pytest.fixture(scope="module")
def succession():
    return load_pack(SUCCESSION)


@pytest.fixture(scope="module")
def flagship():
    return load_pack(FLAGSHIP)


def test_the_flagship_mayor_is_told_what_only_she_can_authorise(flagship):
    b = briefing.brief(flagship, "mayor")
    powers = {a.id: a for a in b.authorities}
    assert {"activate_crisis_team", "approve_public_statement", "authorise_public_gathering"} <= set(powers)
    assert not powers["activate_crisis_team"].shared_with and powers["activate_crisis_team"].delegable
    assert "Authorise the vigil" in powers["authorise_public_gathering"].actions
    assert any("every public statement" in x and x.startswith(flagship.roles["communications"].title) for x in b.approves)
    assert b.reports_to is None and {c.role for c in b.reports} == {"police", "health", "communications"}
    assert b.situation and "crisis team" in b.situation
    assert b.absences == () and b.successor is None


def test_the_spokesperson_is_told_whose_approval_every_statement_needs(flagship):
    b = briefing.brief(flagship, "communications")
    assert b.reports_to is not None and b.reports_to.role == "mayor"
    assert any(x.startswith("Every public statement") and "Mayor" in x for x in b.needs_approval)
    assert {c.role: c.relation for c in b.contacts}["mayor"] == "you report to"


def test_the_succession_mayor_is_told_she_is_unreachable_until_she_lands(succession):
    b = briefing.brief(succession, "mayor")
    assert [(a.start, a.end, a.acting) for a in b.absences] == [(0, 150, "deputy-mayor")]
    assert b.successor is not None and b.successor.role == "deputy-mayor"
    text = briefing.briefing_text(succession, "mayor", width=200)
    assert "You cannot be reached from 08:40 until 11:10" in text and "minute 150" not in text
    assert "acts for you" in text and "07:55 flight" in text


def test_the_deputy_is_told_she_acts_for_the_mayor_with_her_powers(succession):
    b = briefing.brief(succession, "deputy-mayor")
    assert [c.role for c in b.acts_for] == ["mayor"]
    assert [(a.role, a.start, a.end) for a in b.stand_ins] == [("mayor", 0, 150)]
    heads = [h for h, _ in briefing.sections(succession, b)]
    assert any(h.startswith("What the plan expects of Mayor") for h in heads)
    chain = dict(briefing.sections(succession, b))["Chain of command"]
    assert any("activate crisis team" in line for line in chain)


def test_the_unreachable_note_counts_down_to_the_return(succession):
    note = briefing.unreachable_note(succession, "mayor", 100)
    assert "until 11:10" in note and "50 min from now" in note and "Deputy mayor" in note
    assert briefing.away_now(succession, "mayor", 150) is None


def test_a_situation_for_a_role_not_in_the_scenario_is_located(tmp_path):
    pack = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", pack)
    path = pack / "scenario.yaml"
    path.write_text(path.read_text().replace("roles: [chief, press]\n",
                                             "roles: [chief, press]\nsituations:\n  cheif: At the desk.\n"))
    with pytest.raises(ValidationFailed) as exc:
        load_pack(pack)
    problem = next(p for p in exc.value.problems if "cheif" in str(p))
    assert "scenario.yaml:" in str(problem) and "did you mean 'chief'" in str(problem)


def test_tabletop_brief_prints_a_new_mayors_briefing():
    result = run("brief", "wendholm-threats-succession", "--role", "mayor")
    assert result.returncode == 0, result.stderr
    assert "Your situation in this scenario" in result.stdout and "until 11:10" in result.stdout
    assert "What you can authorise" in result.stdout and "Chain of command" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


def test_tabletop_brief_json_and_an_unknown_role():
    result = run("brief", "caldmere-vaisakhi-attack", "--role", "police", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["role"] == "police" and data["reports_to"]["role"] == "mayor"
    bad = run("brief", "caldmere-vaisakhi-attack", "--role", "mayr")
    assert bad.returncode == 1 and "mayor" in bad.stderr and "Traceback" not in bad.stderr
