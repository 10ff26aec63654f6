"""msel import of sheets as planners really write them: each test builds a sheet in one planner's
style (a FEMA template with a merged title row, a county's with section rows and footnotes, a
European semicolon CSV, objectives by capability name, date-times), imports it, and checks the
skeleton validates, lints clean and says what the sheet says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from simulator.authoring.lint import lint_pack
from simulator.authoring.msel import MselError
from simulator.authoring.msel_import import import_msel
from simulator.authoring.msel_read import delimiter
from simulator.authoring.msel_skeleton import schema_ref
from simulator.loading.pack import load_pack
from simulator.schema import SCHEMA_ID


def _import(sheet: Path, tmp_path: Path):
    notes: list[str] = []
    import_msel(sheet, tmp_path / "pack" / "scenario.yaml", notes)
    pack = load_pack(tmp_path / "pack")  # validates
    errors = [str(p) for p in lint_pack(tmp_path / "pack") if p.severity == "error"]
    assert errors == []
    return pack, notes


def _fema_template(path: Path) -> Path:
    """HSEEP/FEMA template: a merged title row and a handling caveat above the headers, Excel
    time cells, 'Event #' beside 'Inject #', objectives written 'OBJ 2 – …'."""
    wb = Workbook()
    ws = wb.active
    ws.title = "MSEL"
    ws.append(["Operation Eastbank Tabletop Exercise — Master Scenario Events List"])
    ws.merge_cells("A1:K1")
    ws.append(["FOR OFFICIAL USE ONLY"])
    ws.merge_cells("A2:K2")
    ws.append([])
    ws.append(["Event #", "Inject #", "Designated Scenario Time", "Responsible Controller", "From", "To", "Mode",
               "Event Synopsis", "Expected Player Action", "Objective / Core Capability", "Remarks"])
    ws.append([1, 1.1, dt.time(9, 0), "Ana", "Dispatch", "All Players", "Phone call", "Shots reported at the depot",
               "Mayor: activate the crisis team\nPolice: set up a cordon", "OBJ 1 – Operational Coordination", ""])
    ws.append([1, 1.2, dt.time(9, 20), "Ben", "Local radio", "Mayor, Police", "Radio",
               "Reporter on air\nThe station asks whether the city will confirm deaths.",
               "Mayor: Issue a holding statement", "OBJ 2 – Public Information and Warning", "Push if quiet"])
    ws.append([2, 2.1, dt.time(9, 45), "Ana", "Community leader", "Everyone", "In person", "Families at the hospital",
               "Health: open a family assistance centre", "Objective 3 - Mass Care Services", ""])
    wb.save(path)
    return path


def test_a_fema_template_with_a_merged_title_row(tmp_path):
    pack, notes = _import(_fema_template(tmp_path / "fema.xlsx"), tmp_path)
    s = pack.scenario
    assert s.title == "Operation Eastbank Tabletop Exercise — Master Scenario Events List"
    assert [(i.id, i.at) for i in s.injects] == [("1.1", 0), ("1.2", 20), ("2.1", 45)]
    assert s.clock.start == "09:00"
    assert s.injects[0].to == "all" and s.injects[2].to == "all"  # 'All Players', 'Everyone'
    assert "all-players" not in s.roles and "everyone" not in s.roles
    steps = {e.description: e.role for e in pack.plan.expectations}
    assert steps == {"activate the crisis team": "mayor", "set up a cordon": "police", "Issue a holding statement": "mayor",
                     "open a family assistance centre": "health"}
    assert {o.id: o.capability for o in s.objectives} == {
        "OBJ-1": "Operational Coordination", "OBJ-2": "Public Information and Warning", "OBJ-3": "Mass Care Services"}
    assert [i.objectives for i in s.injects] == [["OBJ-1"], ["OBJ-2"], ["OBJ-3"]]


def test_a_county_sheet_with_module_sections_end_and_footnotes(tmp_path):
    sheet = tmp_path / "county.csv"
    sheet.write_text(
        "Inject No.,Time,From,To,Method,Synopsis,Expected Action,Objective\n"
        "MODULE 1 – INITIAL RESPONSE,,,,,,,\n"
        "1,00:00,Dispatch,Mayor,phone,Flooding reported in the lower town,Mayor: open the EOC,1\n"
        "2,00:15,Radio North,Police,radio,Road closed at the bridge,,1\n"
        ",,,,,,,\n"
        "MODULE 2 – SHELTERING,,,,,,,\n"
        "3,01:10,Red Cross,Health,email,Shelter at the school is full,Health: find a second shelter,3\n"
        "4,01:30,Resident,Mayor,social,Residents ask where to go,,\n"
        "END OF EXERCISE,,,,,,,\n"
        "* All times are approximate and may be adjusted by the lead controller.,,,,,,,\n"
        "Prepared by the County Office of Emergency Management,,,,,,,\n", encoding="utf-8")
    pack, notes = _import(sheet, tmp_path)
    s = pack.scenario
    assert [(m.title, m.starts_at, m.phase) for m in s.modules] == [
        ("MODULE 1 – INITIAL RESPONSE", 0, "initial"), ("MODULE 2 – SHELTERING", 70, "continued")]
    assert [(i.id, i.module) for i in s.injects] == [("1", "M1"), ("2", "M1"), ("3", "M2"), ("4", "M2")]
    assert sum("read as a note" in n for n in notes) == 2 and any("All times are approximate" in n for n in notes)
    assert {o.id for o in s.objectives} == {"OBJ-1", "OBJ-3"}  # '1' and '3', not all OBJ-1


def test_a_semicolon_csv_from_a_european_planner(tmp_path):
    """Excel in much of Europe saves 'CSV' with ';' between cells and in Windows-1252."""
    sheet = tmp_path / "europe.csv"
    text = ("Inject No.;Time;From;To;Method;Synopsis;Expected Action;Objective\n"
            "1;09:30;Café Central, owner;Mayor;phone;Smoke seen near the café, several people outside;"
            "Mayor: call the fire service, then inform the council;Objective 2 - Public information and warning\n"
            "2;10:05;Polizei, Lagezentrum;Police;radio;\"Crowd gathering; officers request support\";;3\n")
    sheet.write_bytes(text.encode("cp1252"))
    pack, notes = _import(sheet, tmp_path)
    s = pack.scenario
    assert [(i.id, i.at, i.title) for i in s.injects][0] == ("1", 0, "Smoke seen near the café, several people outside")
    assert s.injects[1].at == 35 and s.injects[1].body == "Crowd gathering; officers request support"
    assert {x.name for x in s.senders} == {"Café Central, owner", "Polizei, Lagezentrum"}
    assert {o.id: o.capability for o in s.objectives}["OBJ-2"] == "Public Information and Warning"
    assert any("Windows-1252" in n for n in notes) and any("';'" in n for n in notes)


def test_the_delimiter_is_the_one_that_finds_the_header():
    rows = "Number;Time;From;To;Method;Synopsis\n1;00:00;Desk, front;mayor;phone;A, b, c, d, e, f, g\n"
    assert delimiter(rows) == ";"
    assert delimiter(rows.replace(";", "\t")) == "\t"
    assert delimiter("Number,Time,From,To,Method,Synopsis\n1,00:00,Desk,mayor,phone,\"a; b; c; d\"\n") == ","


def test_objectives_written_by_capability_name(tmp_path):
    sheet = tmp_path / "caps.csv"
    sheet.write_text(
        "Number,Time,From,To,Method,Synopsis,Core Capability\n"
        "1,00:00,Desk,Mayor,phone,One,Public Information and Warning\n"
        "2,00:10,Desk,Mayor,phone,Two,operational coordination\n"
        "3,00:20,Desk,Mayor,phone,Three,Public Information & Warning\n"
        "4,00:30,Desk,Mayor,phone,Four,Public Info and Warning\n"
        "5,00:40,Desk,Mayor,phone,Five,\n", encoding="utf-8")
    pack, notes = _import(sheet, tmp_path)
    s = pack.scenario
    by_id = {o.id: o.capability for o in s.objectives}
    assert sorted(by_id.values()) == ["Operational Coordination", "Public Information and Warning"]
    assert [by_id[i.objectives[0]] for i in s.injects[:4]] == ["Public Information and Warning", "Operational Coordination",
                                                               "Public Information and Warning",
                                                               "Public Information and Warning"]
    assert s.injects[0].objectives == s.injects[2].objectives == s.injects[3].objectives  # one objective per capability
    assert any("Public Info and Warning" in n and "Public Information and Warning" in n for n in notes)


@pytest.mark.parametrize("written", ["2026-03-14 09:30", "2026-03-14T09:30:00", "14.03.2026 09:30", "03/14/2026 9:30 AM"])
def test_date_times_are_clock_times_and_later_days_count(tmp_path, written):
    later = {"2026-03-14 09:30": "2026-03-15 08:00", "2026-03-14T09:30:00": "2026-03-15T08:00:00",
             "14.03.2026 09:30": "15.03.2026 08:00", "03/14/2026 9:30 AM": "03/15/2026 8:00 AM"}[written]
    sheet = tmp_path / "dated.csv"
    sheet.write_text("Number,Date/Time,From,To,Method,Synopsis\n"
                     f"1,{written},Desk,Mayor,phone,One\n"
                     f"2,{written.replace('9:30', '10:15')},Desk,Mayor,phone,Two\n"
                     f"3,{later},Desk,Mayor,phone,Next morning\n", encoding="utf-8")
    pack, notes = _import(sheet, tmp_path)
    assert pack.scenario.clock.start == "09:30" and [i.at for i in pack.scenario.injects] == [0, 45, 22 * 60 + 30]
    assert any("clock times" in n for n in notes)


def test_date_time_cells_of_a_workbook(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Number", "Time", "From", "To", "Method", "Synopsis"])
    ws.append(["1", dt.datetime(2026, 3, 14, 9, 30), "Desk", "mayor", "phone", "One"])
    ws.append(["2", dt.datetime(2026, 3, 14, 11, 0), "Desk", "mayor", "phone", "Two"])
    wb.save(tmp_path / "dated.xlsx")
    pack, _notes = _import(tmp_path / "dated.xlsx", tmp_path)
    assert [i.at for i in pack.scenario.injects] == [0, 90]


def test_expected_actions_go_to_the_role_they_name(tmp_path):
    sheet = tmp_path / "actions.csv"
    sheet.write_text("Number,Time,From,To,Method,Synopsis,Expected Action\n"
                     '1,00:00,Desk,"Mayor, Police, Fire Chief",phone,Fire at the depot,'
                     '"Mayor: activate the crisis team\nPolice: close the road\nFire: attack the fire\nPIO-1: draft a statement\n'
                     'Note to controllers: wait for the call"\n', encoding="utf-8")
    pack, _notes = _import(sheet, tmp_path)
    roles = {e.id: (e.role, e.description) for e in pack.plan.expectations}
    assert roles["1-action-1"] == ("mayor", "activate the crisis team")
    assert roles["1-action-2"] == ("police", "close the road")
    assert roles["1-action-3"] == ("fire-chief", "attack the fire")  # 'Fire' is a word of the recipient's name
    assert roles["PIO-1"] == ("mayor", "draft a statement")  # a step id, the earlier form: the first recipient
    assert roles["1-action-5"] == ("mayor", "Note to controllers: wait for the call")


def test_words_in_the_contingency_column(tmp_path):
    sheet = tmp_path / "cues.csv"
    sheet.write_text("Number,Time,From,To,Method,Synopsis,Expected Action,Contingency\n"
                     "7,00:10,National desk,Mayor,phone,Support offered,Mayor: ask for support [ask-support],\n"
                     "8,,National desk,Mayor,phone,Team arrives,,\"if the Mayor chooses 'Request full support' at 7\"\n"
                     "9,,Journalist,Mayor,phone,Why no request?,,if 'ask for support' is missed\n"
                     "10,,Crowd,Police,social,Crowd grows,,when tension is above 70 and inject 7 has been delivered\n",
                     encoding="utf-8")
    pack, _notes = _import(sheet, tmp_path)
    s = pack.scenario
    options = {o.label: o for o in s.injects[0].decision.options}
    assert options["Request full support"].follow_up == ["8"]
    assert s.injects[2].contingency_for == "ask-support"
    assert s.injects[3].trigger.model_dump(by_alias=True, exclude_none=True) == {
        "all": [{"state": "tension", "above": 70.0}, {"delivered": "7"}]}


def test_unreadable_words_in_the_contingency_column_are_located(tmp_path):
    sheet = tmp_path / "bad.csv"
    sheet.write_text("Number,Time,From,To,Method,Synopsis,Contingency\n"
                     "1,,Desk,Mayor,phone,One,when tension is rather high\n", encoding="utf-8")
    with pytest.raises(MselError) as exc:
        import_msel(sheet, tmp_path / "p" / "scenario.yaml")
    assert len(exc.value.lines) == 1 and exc.value.lines[0].startswith(f"{sheet}: row 2: 'contingency'")
    assert "rather high" in exc.value.lines[0] and not (tmp_path / "p").exists()


def test_the_modeline_is_portable(tmp_path):
    outside = tmp_path / "elsewhere" / "scenario.yaml"
    outside.parent.mkdir()
    assert schema_ref(outside, "scenario") == SCHEMA_ID.format(kind="scenario")  # never a virtualenv path
    checkout = tmp_path / "checkout"
    (checkout / "schema").mkdir(parents=True)
    (checkout / "schema" / "scenario.schema.json").write_text(
        f'{{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "$id": "{SCHEMA_ID.format(kind="scenario")}"\n}}\n')
    inside = checkout / "scenarios" / "new" / "scenario.yaml"
    inside.parent.mkdir(parents=True)
    assert schema_ref(inside, "scenario") == "../../schema/scenario.schema.json"
    sheet = tmp_path / "m.csv"
    sheet.write_text("Number,Time,From,To,Method,Synopsis\n1,00:00,Desk,mayor,phone,One\n", encoding="utf-8")
    import_msel(sheet, outside)
    assert outside.read_text().splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_ID.format(kind='scenario')}"
