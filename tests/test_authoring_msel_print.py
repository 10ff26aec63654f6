"""msel export as a controller prints it: page setup, print titles, filter, fonts, footer, row
heights tall enough for the wrapped text; and (when LibreOffice is installed) the real pages."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from simulator.authoring.msel import COLUMNS, export_rows, write_sheet
from simulator.authoring.msel_xlsx import WIDTHS, lines_needed
from simulator.loading.pack import load_pack

from .conftest import ROOT

FLAGSHIP = ROOT / "scenarios" / "caldmere-vaisakhi-attack"


@pytest.fixture(scope="module")
def flagship_sheet(tmp_path_factory):
    pack = load_pack(FLAGSHIP)
    path = tmp_path_factory.mktemp("print") / "msel.xlsx"
    write_sheet(path, export_rows(pack), pack)
    return path, pack


def test_page_setup_prints_one_page_wide_in_landscape(flagship_sheet):
    path, _pack = flagship_sheet
    ws = load_workbook(path).active
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$1:$1"  # the header row on every page
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:Q{ws.max_row}"
    assert [c.value for c in ws[1]] == COLUMNS


def test_header_and_footer_carry_the_title_and_page_numbers(flagship_sheet):
    path, pack = flagship_sheet
    ws = load_workbook(path).active
    assert pack.scenario.title in ws.oddHeader.center.text
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text


def test_every_cell_has_the_named_font_and_every_column_a_width(flagship_sheet):
    path, _pack = flagship_sheet
    ws = load_workbook(path).active
    fonts = {(c.font.name, c.font.sz) for row in ws.iter_rows() for c in row if c.value is not None}
    assert fonts == {("Arial", 10)}
    for k, name in enumerate(COLUMNS):
        assert ws.column_dimensions[chr(ord("A") + k)].width == WIDTHS[name]


def test_rows_are_tall_enough_for_their_wrapped_text(flagship_sheet):
    """By a generous measure (1.5 characters per unit of width, 11 points a line), no row is short;
    without heights a spreadsheet prints one line per row and the text runs over the next."""
    path, _pack = flagship_sheet
    ws = load_workbook(path).active
    widths = [WIDTHS[c] for c in COLUMNS]
    heights = []
    for n, row in enumerate(ws.iter_rows(min_row=2), start=2):
        texts = [str(c.value or "") for c in row]
        if texts[0].startswith("Module"):
            continue  # a section row: one line, running across the row
        need = max(_generous_lines(t, w) for t, w in zip(texts, widths))
        height = ws.row_dimensions[n].height
        assert height is not None and height >= need * 11, (n, height, need)
        heights.append(height)
    assert max(heights) > 3 * min(heights)  # heights follow the text, not one height for all


def _generous_lines(text: str, width: float) -> int:
    per_line = int(width * 1.5)
    return sum(max(1, -(-len(p) // per_line)) for p in text.split("\n")) if text else 1


def test_lines_needed_wraps_at_words():
    assert lines_needed("", 10) == 1
    assert lines_needed("short", 10) == 1
    assert lines_needed("one two three four five six seven eight", 10) > lines_needed("one two", 10)
    assert lines_needed("a\nb\nc", 30) == 3
    assert lines_needed("x" * 200, 10) >= 200 // 13  # a word wider than the column breaks across lines


def test_xlsx_cells_stay_text_and_the_section_row_runs_across(flagship_sheet):
    path, _pack = flagship_sheet
    ws = load_workbook(path).active
    section = [c.value for c in ws[2]]
    assert section[0].startswith("Module 1") and all(v is None for v in section[1:])
    assert {c.data_type for row in ws.iter_rows() for c in row if c.value is not None} == {"s"}


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) and poppler's pdftotext are not installed")
def test_libreoffice_prints_landscape_pages_with_the_header_on_each(flagship_sheet, tmp_path):
    path, _pack = flagship_sheet
    shutil.copy(path, tmp_path / "msel.xlsx")
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                           "pdf", "--outdir", str(tmp_path), str(tmp_path / "msel.xlsx")],
                          capture_output=True, text=True, timeout=300)
    pdf = tmp_path / "msel.pdf"
    assert pdf.exists(), done.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert 2 <= len(pages) <= 12  # not 40 one-column pages
    assert all("Expected Action" in p and "Synopsis" in p for p in pages)  # the header repeats
    assert all(re.search(rf"Page {k} of {len(pages)}", p) for k, p in enumerate(pages, start=1))
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf.read_bytes())
    assert sizes and all(float(w) > float(h) for w, h in sizes)  # landscape
