"""MSEL spreadsheets: round trips through CSV and XLSX, skeletons that validate, located import errors."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from simulator.authoring.msel import COLUMNS, MselError, export_rows, read_sheet, write_sheet
from simulator.authoring.msel_import import import_msel
from simulator.authoring.timefmt import hhmm, parse_hhmm
from simulator.loading.pack import load_pack
from simulator.validate import validate_paths

from .conftest import FIXTURES, ROOT

TABLETOP = Path(sys.executable).parent / "tabletop"
FLAGSHIP = ROOT / "scenarios" / "caldmere-vaisakhi-attack"


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
@pytest.mark.parametrize("pack_dir", [FLAGSHIP, FIXTURES / "mini"], ids=["flagship", "mini"])
def test_round_trip_gives_the_same_rows(tmp_path, suffix, pack_dir):
    first = export_rows(load_pack(pack_dir))
    sheet = tmp_path / f"msel.{suffix}"
    write_sheet(sheet, first)
    assert [cells for _n, cells in read_sheet(sheet).rows] == [COLUMNS, *first]
    written = import_msel(sheet, tmp_path / "pack" / "scenario.yaml")
    problems, _n = validate_paths([tmp_path / "pack"])
    assert [str(p) for p in problems if p.severity == "error"] == []
    assert all(p.read_text().startswith("# yaml-language-server: $schema=") for p in written)
    again = export_rows(load_pack(tmp_path / "pack"))
    assert again == first


def test_export_columns_of_the_mini_pack(mini_pack):
    rows = {r[0]: dict(zip(COLUMNS, r)) for r in export_rows(mini_pack)}
    assert rows["I2"]["Scenario Time"] == "09:20" and rows["I2"]["Elapsed"] == "00:20"  # story clock beside elapsed
    assert rows["I2"]["To"] == "Chief" and rows["I2"]["Event Type"] == "Scheduled, Decision"
    assert rows["I3"]["Scenario Time"] == "" and rows["I3"]["Elapsed"] == "on cue +00:05"
    assert rows["I3"]["Contingency"] == "if the Chief chooses 'Hold it' at I2" and rows["I3"]["Event Type"] == "Follow-up"
    assert rows["I5"]["Contingency"] == "when tension is above 60" and rows["I5"]["Event Type"] == "Triggered"
    assert rows["I7"]["Contingency"] == "if 'First statement' is missed [P2]" and rows["I7"]["Method"] == "phone"
    assert rows["I1"]["To"] == "All players" and rows["I1"]["Synopsis"] == "Incident reported\nSomething happened downtown."
    assert rows["I1"]["Severity"] == "High" and rows["I6"]["Module"] == "Start" and rows["I1"]["Actual Time"] == ""
    order = [r[0] for r in export_rows(mini_pack)]  # modules in order, each opened by its section row
    assert order[0] == "Module: Start · starts at 00:00 elapsed" and order.index("Module: Later · starts at 01:00 elapsed") > order.index("I6")


def test_times_read_and_write():
    assert hhmm(0) == "00:00" and hhmm(90) == "01:30" and hhmm(90.5) == "01:30:30" and hhmm(1500) == "25:00"
    assert parse_hhmm("1:30") == 90 and parse_hhmm("01:30:30") == 90.5 and parse_hhmm("ab:cd") is None
    assert parse_hhmm("01:75") is None


def test_a_real_sheet_becomes_a_skeleton(tmp_path):
    """Header spellings of real MSELs, free-text expected actions, Excel time cells, new roles."""
    wb = Workbook()
    ws = wb.active
    ws.title = "MSEL"
    ws.append(["Inject No.", "Time", "From", "To", "Method", "Synopsis", "Expected Player Action", "Objective/Capability",
               "Controller Notes", "Responsible Controller"])
    ws.append([1, dt.time(0, 0), "SimCell – Dispatch", "EOC Director", "Phone call",
               "Report of smoke at the community centre.", "Activate the EOC", "Operational Coordination", "", "Ana"])
    ws.append([2, dt.time(0, 45), "Local radio", "EOC Director, Public Information Officer", "Radio",
               "Radio asks for comment\nA reporter wants a statement within ten minutes.", "PIO-1: Issue a holding statement",
               "OBJ-2: Public Information and Warning", "Push if quiet.", "Ben"])
    wb.save(tmp_path / "real.xlsx")
    import_msel(tmp_path / "real.xlsx", tmp_path / "out" / "scenario.yaml")
    pack = load_pack(tmp_path / "out")
    s = pack.scenario
    assert s.roles == ["eoc-director", "public-information-officer"]
    assert (tmp_path / "out" / "roles" / "eoc-director.yaml").is_file()
    assert [(i.id, i.at, i.channel) for i in s.injects] == [("1", 0, "phone"), ("2", 45, "radio")]
    assert s.injects[1].title == "Radio asks for comment" and s.injects[1].facilitator_notes == "Push if quiet."
    assert s.injects[0].expected_actions == ["1-action-1"] and pack.expectations["PIO-1"].description == "Issue a holding statement"
    assert {o.id: o.capability for o in s.objectives} == {"OBJ-1": "Operational Coordination", "OBJ-2": "Public Information and Warning"}
    assert "TODO" in s.title and "TODO" in s.state[0].label


def _csv(tmp_path, text: str) -> Path:
    path = tmp_path / "msel.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _errors(path: Path, out: Path) -> list[str]:
    with pytest.raises(MselError) as exc:
        import_msel(path, out)
    return exc.value.lines


LEGACY = ["Number", "Scenario Time", "From", "To", "Method", "Synopsis", "Expected Action", "Objective or Capability",
          "Notes", "Contingency"]
"""The columns of the earlier export, still read (and what many planners' sheets look like)."""
HEADER = ",".join(LEGACY) + "\n"


def test_bad_rows_are_located_and_all_reported(tmp_path):
    path = _csv(tmp_path, HEADER + "A1,00:00,Desk,mayor,phone,Hello\n"
                "A2,ab:cd,Desk,mayor,pigeon,Hi\n"
                "A1,00:10,,,phone,\n"
                "A3,,Desk,mayor,radio,Later,,,,after A9: go\n"
                "A4,,Desk,mayor,radio,Trigger,,,,\"when: {state: tension, above: [}\"\n"
                "A5,,Desk,mayor,radio,Odd,,,,sometimes\n")
    lines = _errors(path, tmp_path / "out" / "scenario.yaml")
    shown = str(path)
    assert lines == [
        f"{shown}: row 3: 'scenario time' \"ab:cd\" is not a time like 01:30 (elapsed exercise time; times of day like 09:30 are converted), optionally with a delay like +00:05",
        f"{shown}: row 3: 'method' \"pigeon\" is not a channel; use one of: briefing, community_meeting, email, in_person, news, "
        "news_release, phone, press_conference, radio, social, text, text_alert, tv, website",
        f"{shown}: row 4: 'number' \"A1\" is already used on row 2",
        f"{shown}: row 4: 'from' is empty; name who sends this inject",
        f"{shown}: row 4: 'to' is empty; name the roles that receive this inject (role ids, or 'all')",
        f"{shown}: row 4: 'synopsis' is empty; say what happens",
        f"{shown}: row 5: 'contingency' names inject \"A9\" (a decision), which is not a number in this sheet",
        f"{shown}: row 6: 'contingency' when: \"{{state: tension, above: [}}\" is not a condition in YAML flow form, like {{state: tension, above: 60}}",
        f"{shown}: row 7: 'contingency' \"sometimes\" is not understood; write \"if the ROLE chooses 'OPTION' at INJECT\", "
        "\"if 'PLAN STEP' is missed\" or 'when CONDITION' (like 'when tension is above 70')",
    ]
    assert not (tmp_path / "out").exists()


def test_xlsx_errors_name_the_sheet_and_row(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "MSEL"
    ws.append(LEGACY)
    ws.append(["I-1", "00:00", "Desk", "mayor", "phone", "Hello"])
    for _ in range(4):
        ws.append(["I-x", "", "", "", "", ""])  # blank-ish rows still count towards the row number
    ws.append(["I-7", "ab:cd", "Desk", "mayor", "phone", "Late"])
    path = tmp_path / "msel.xlsx"
    wb.save(path)
    lines = _errors(path, tmp_path / "o" / "scenario.yaml")
    assert f"{path}: sheet 'MSEL' row 7: 'scenario time' \"ab:cd\" is not a time like 01:30 (elapsed exercise time; times of day like 09:30 are converted), " \
           "optionally with a delay like +00:05" in lines
    assert f"{path}: sheet 'MSEL' row 3: 'from' is empty; name who sends this inject" in lines


def test_sheet_level_errors(tmp_path):
    out = tmp_path / "o" / "scenario.yaml"
    assert _errors(_csv(tmp_path, "Num,Time,From\n1,00:00,x\n"), out) == [
        f"{tmp_path / 'msel.csv'}: row 1: missing column(s) 'Number', 'To', 'Method', 'Synopsis'; the header row has 'Num', "
        "'Time', 'From'; expected: " + ", ".join(COLUMNS)]
    assert "the sheet is empty" in _errors(_csv(tmp_path, "\n\n"), out)[0]
    assert "no inject rows below the header" in _errors(_csv(tmp_path, HEADER), out)[0]
    assert _errors(tmp_path / "missing.xlsx", out) == [f"{tmp_path / 'missing.xlsx'}: no such file"]
    (tmp_path / "junk.xlsx").write_text("not a zip")
    assert "not a readable .xlsx workbook" in _errors(tmp_path / "junk.xlsx", out)[0]
    wb = Workbook()
    wb.active.title = "MSEL"
    wb.save(tmp_path / "empty.xlsx")
    assert _errors(tmp_path / "empty.xlsx", out)[0].startswith(f"{tmp_path / 'empty.xlsx'}: sheet 'MSEL': the sheet is empty")


def test_import_refuses_to_overwrite(tmp_path):
    sheet = tmp_path / "m.csv"
    write_sheet(sheet, export_rows(load_pack(FIXTURES / "mini")))
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "plan.yaml").write_text("x")
    assert _errors(sheet, tmp_path / "p" / "scenario.yaml") == [f"{tmp_path / 'p' / 'plan.yaml'}: already exists; choose another output folder"]


def test_cli_msel_export_import_and_errors(tmp_path):
    def run(*args):
        return subprocess.run([str(TABLETOP), "msel", *map(str, args)], capture_output=True, text=True, timeout=120, cwd=tmp_path)

    ok = run("export", FIXTURES / "mini", "-o", "m.xlsx")
    assert ok.returncode == 0 and ok.stdout == "wrote m.xlsx: 7 inject(s)\n"
    again = run("export", FIXTURES / "mini", "-o", "m.xlsx")
    assert again.returncode == 1 and "already exists" in again.stderr
    imp = run("import", "m.xlsx", "-o", "new/scenario.yaml")
    assert imp.returncode == 0 and "ok: new/scenario.yaml validates" in imp.stdout, imp.stderr
    assert run("export", FIXTURES / "mini", "-o", "m.txt").returncode == 2
    (tmp_path / "bad.csv").write_text(HEADER + "1,99:xx,Desk,mayor,phone,Hi\n")
    bad = run("import", "bad.csv", "-o", "b/scenario.yaml")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.splitlines() == ["bad.csv: row 2: 'scenario time' \"99:xx\" is not a time like 01:30 (elapsed exercise time; "
                                       "times of day like 09:30 are converted), optionally with a delay like +00:05", "1 problem(s) found."]
