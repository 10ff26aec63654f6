"""msel import of real-world sheets: a skeleton that lints clean, role names matched to shared
roles, clock times converted to elapsed time, HSEEP/FEMA header spellings."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from simulator.authoring.lint import lint_pack
from simulator.authoring.msel import MselError
from simulator.authoring.msel_import import import_msel
from simulator.cli import main
from simulator.loading.pack import load_pack

from .conftest import ROOT


def _cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _csv(tmp_path: Path, text: str, name: str = "msel.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_flagship_export_import_then_lint_passes(tmp_path):
    sheet = tmp_path / "msel.csv"
    assert _cli("msel", "export", "caldmere-vaisakhi-attack", "-o", sheet).exit_code == 0
    imported = _cli("msel", "import", sheet, "-o", tmp_path / "pack" / "scenario.yaml")
    assert imported.exit_code == 0, imported.output
    linted = _cli("lint", tmp_path / "pack")
    assert linted.exit_code == 0, linted.output
    pack = load_pack(tmp_path / "pack")
    asked = {e.role for e in pack.plan.expectations if e.statement}
    assert asked >= {"mayor", "communications", "health", "police"}
    assert asked <= {m.role for m in pack.playbook.messengers}
    # what only the author can supply stays visible: the state-triggered injects are warnings
    problems = lint_pack(tmp_path / "pack")
    todo = [p for p in problems if "TODO placeholder nothing moves yet" in p.message]
    state_triggered = {f"injects[{k}].trigger" for k, i in enumerate(pack.scenario.injects) if i.trigger is not None}
    assert len(state_triggered) == 3 and {p.path for p in todo} == state_triggered
    assert all(p.severity == "warning" for p in problems)


def test_a_filled_in_state_label_makes_the_unreachable_inject_an_error_again(tmp_path):
    path = _csv(tmp_path, "Number,Scenario Time,From,To,Method,Synopsis,Contingency\n"
                          "A1,00:00,Desk,mayor,phone,Start,\n"
                          "A2,,Desk,mayor,phone,Heat rises,\"when: {state: tension, above: 50}\"\n")
    import_msel(path, tmp_path / "p" / "scenario.yaml")
    assert [p.severity for p in lint_pack(tmp_path / "p") if "tension" in p.message] == ["warning"]
    scenario = tmp_path / "p" / "scenario.yaml"
    scenario.write_text(scenario.read_text().replace("TODO: label of tension", "Tension in the city"))
    assert [p.severity for p in lint_pack(tmp_path / "p") if "tension" in p.message] == ["error"]


def test_role_names_match_shared_roles_and_new_ones_are_slugged(tmp_path):
    path = _csv(tmp_path, "Number,Scenario Time,From,To,Method,Synopsis\n"
                          "1,00:00,Desk,Mayor,phone,One\n"
                          "2,00:10,Desk,\"Fire Chief, MAYOR\",phone,Two\n"
                          "3,00:20,Desk,FIRE_CHIEF; fire chief,phone,Three\n"
                          "4,00:30,Desk,Police Commander,phone,Four\n")
    written = import_msel(path, tmp_path / "p" / "scenario.yaml")
    s = load_pack(tmp_path / "p").scenario
    assert s.roles == ["mayor", "fire-chief", "police"]  # 'Police commander' is the shared police role's title
    assert [i.to for i in s.injects] == [["mayor"], ["fire-chief", "mayor"], ["fire-chief"], ["police"]]
    assert sorted(p.name for p in written if p.parent.name == "roles") == ["fire-chief.yaml"]
    assert yaml.safe_load((tmp_path / "p" / "roles" / "fire-chief.yaml").read_text())["id"] == "fire-chief"


def test_clock_times_become_elapsed_time_with_a_note(tmp_path):
    path = _csv(tmp_path, "Number,Scenario Time,From,To,Method,Synopsis\n"
                          "1,09:30,Desk,mayor,phone,One\n"
                          "2,10:15 +00:05,Desk,mayor,phone,Two\n"
                          "3,11:00,Desk,mayor,phone,Three\n")
    result = _cli("msel", "import", path, "-o", tmp_path / "p" / "scenario.yaml")
    assert result.exit_code == 0, result.output
    assert "note:" in result.output and "clock times" in result.output and "starts at 09:30" in result.output
    s = load_pack(tmp_path / "p").scenario
    assert s.clock.start == "09:30" and [(i.at, i.delay) for i in s.injects] == [(0, 0), (45, 5), (90, 0)]
    assert s.clock.duration == 150


@pytest.mark.parametrize(("header", "times", "start", "ats"), [
    ("Time of Day", ["00:30", "00:50"], "00:30", [0, 20]),       # the header says so
    ("Time", ["9:30 AM", "1:05 PM"], "09:30", [0, 215]),         # written as times of day
    ("Time", ["0930", "0945"], "09:30", [0, 15]),
    ("Time", ["23:30", "00:15"], "23:30", [0, 45]),              # past midnight
    ("Scenario Time", ["00:15", "02:00"], "00:00", [15, 120]),  # an elapsed sheet starting late stays elapsed
    ("Elapsed Time", ["01:00", "02:00"], "00:00", [60, 120]),    # the header says elapsed
])
def test_time_columns_read_as_clock_or_elapsed(tmp_path, header, times, start, ats):
    rows = "".join(f"{k},{t},Desk,mayor,phone,Row {k}\n" for k, t in enumerate(times, start=1))
    path = _csv(tmp_path, f"Number,{header},From,To,Method,Synopsis\n{rows}")
    import_msel(path, tmp_path / "p" / "scenario.yaml")
    s = load_pack(tmp_path / "p").scenario
    assert s.clock.start == start and [i.at for i in s.injects] == ats


def test_a_clock_time_before_the_first_row_is_refused_with_its_row(tmp_path):
    path = _csv(tmp_path, "Number,Time,From,To,Method,Synopsis\n1,09:30,Desk,mayor,phone,One\n2,08:00,Desk,mayor,phone,Two\n")
    with pytest.raises(MselError) as exc:
        import_msel(path, tmp_path / "p" / "scenario.yaml")
    assert exc.value.lines == [f"{path}: row 3: 'Time' \"08:00\" is before the first row's 09:30; with clock times, sort "
                               "the rows by time (or write elapsed time, 00:00 = start)"]


def test_hseep_and_fema_header_spellings(tmp_path):
    path = _csv(tmp_path, "Event #,Inject #,Designated Scenario Time,Responsible Controller,From,To,Mode,Event Synopsis,"
                          "Expected Player Action,Objective / Core Capability,Remarks\n"
                          "E1,1.1,00:00,Ana,Dispatch,mayor,Phone call,Smoke at the depot,Open the EOC,OBJ-1: Operational "
                          "Coordination,Push if quiet\n"
                          "E1,1.2,00:20,Ben,Local radio,mayor,radio,Reporter calls,,,\n")
    import_msel(path, tmp_path / "p" / "scenario.yaml")
    s = load_pack(tmp_path / "p").scenario
    assert [(i.id, i.at, i.channel, i.title) for i in s.injects] == [("1.1", 0, "phone", "Smoke at the depot"),
                                                                      ("1.2", 20, "radio", "Reporter calls")]
    assert {x.name for x in s.senders} == {"Dispatch", "Local radio"}  # not the responsible controller
    assert s.injects[0].facilitator_notes == "Push if quiet"
    other = _csv(tmp_path, "MSEL No.,Time,From,To,Method,Event Description\n7,00:00,Desk,mayor,email,Hello\n", "b.csv")
    import_msel(other, tmp_path / "q" / "scenario.yaml")
    assert [(i.id, i.title) for i in load_pack(tmp_path / "q").scenario.injects] == [("7", "Hello")]


def test_import_help_lists_accepted_headers_and_the_time_rule():
    text = _cli("msel", "import", "--help").output
    assert "Inject #" in text and "Event Synopsis" in text and "Mode" in text and "Responsible Controller" in text
    assert "Clock times are converted" in text
