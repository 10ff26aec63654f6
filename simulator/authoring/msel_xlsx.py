"""The MSEL workbook as a controller prints it: landscape, one page wide, the header row on
every page, rows tall enough for their wrapped text, page numbers in the footer.

Why row heights are computed: a spreadsheet grows a row to fit wrapped text only when someone
edits it; opened fresh (and printed), rows written without a height stay one line tall and
their text runs over the next row. The estimate wraps each cell's words at the column's width,
erring a little tall, never short.
"""

from __future__ import annotations

import math
from pathlib import Path

from .msel import COLUMNS, SHEET

FONT = "Arial"
"""Arial, not Calibri: every office suite has it or a font of the same widths (LibreOffice's
Liberation Sans), so the computed row heights hold wherever the sheet is opened."""
SIZE = 10
LINE_POINTS = 12.75
"""Height of one line of 10-point Arial, in points: Excel's own row height for it."""
PAD_POINTS = 3.0
PIXELS_PER_UNIT, CELL_PADDING_PIXELS = 7, 5
"""A unit of column width is one '0' of the default 11-point font, 7 pixels, plus 5 pixels of
padding per column (Excel's rule, which LibreOffice follows)."""
PIXELS_PER_CHAR = 5.4
"""Average width of a character of 10-point Arial prose at 96 dpi is about 4.8 pixels
(LibreOffice fits 22 characters in a 15-unit column, 43 in a 30-unit one); 5.4 errs a line or
two tall, never short."""

WIDTHS = {"Number": 6, "Scenario Time": 7, "Elapsed": 7, "Module": 9, "From": 11, "To": 11, "Method": 8,
          "Event Type": 9, "Severity": 7, "Synopsis": 30, "Expected Action": 28, "Objective or Capability": 13,
          "Responsible Controller": 9, "Notes": 15, "Contingency": 18, "Actual Time": 7, "Status": 7}
"""Column widths: the prose columns get the room; the columns ticked by hand stay narrow."""

HEADER_FILL, SECTION_FILL, BORDER = "D9D9D9", "DDEBF7", "A6A6A6"


def lines_needed(text: str, width: float) -> int:
    """How many lines `text` takes wrapped at words in a column `width` units wide."""
    per_line = max(1, int((width * PIXELS_PER_UNIT + CELL_PADDING_PIXELS - 6) / PIXELS_PER_CHAR))
    total = 0
    for paragraph in text.split("\n"):
        used, lines = 0, 1
        for word in paragraph.split():
            size = len(word)
            if used and used + 1 + size > per_line:
                lines, used = lines + 1, 0
            if size > per_line:  # a word longer than the column breaks across lines
                lines += (used + size - 1) // per_line
                used = (used + size) % per_line or per_line
            else:
                used += size + (1 if used else 0)
        total += lines
    return max(1, total)


def row_height(cells: list[str], widths: list[float]) -> float:
    lines = max((lines_needed(str(c), w) for c, w in zip(cells, widths) if c), default=1)
    return math.ceil(lines * LINE_POINTS + PAD_POINTS)


def _header_footer_text(text: str) -> str:
    """Text for a page header or footer: '&' starts a code there, so a literal one is doubled."""
    return " ".join(text.split()).replace("&", "&&")[:200]


def write_xlsx(path: Path, rows: list[list[str]], title: str | None = None) -> None:
    """Write the header and rows (cells already neutralised) as the printable workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    from .msel_layout import row_kind

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    widths = [float(WIDTHS.get(c, 12)) for c in COLUMNS]
    columns = {name: k for k, name in enumerate(COLUMNS)}
    font, bold = Font(name=FONT, size=SIZE), Font(name=FONT, size=SIZE, bold=True)
    side = Side(style="thin", color=BORDER)
    border = Border(left=side, right=side, top=side, bottom=side)
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.append(COLUMNS)
    for cell in ws[1]:
        cell.font, cell.border = bold, border
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[1].height = row_height(COLUMNS, widths)
    for n, row in enumerate(rows, start=2):
        section = row_kind(row, columns) == "section"
        # Empty cells stay truly empty (None), so a section's title runs across the row in print.
        ws.append([cell if cell != "" else None for cell in row])
        for cell in ws[n]:
            if cell.value is not None:
                cell.data_type = "s"  # stored as a string, never as a formula (openpyxl guesses from a leading '=')
                cell.number_format = "@"
            if section:
                cell.font, cell.fill = bold, PatternFill("solid", fgColor=SECTION_FILL)
                cell.alignment = Alignment(vertical="center")
                cell.border = Border(top=side, bottom=side)
            else:
                cell.font, cell.alignment, cell.border = font, wrap, border
        ws.row_dimensions[n].height = math.ceil(LINE_POINTS * 1.4) if section else row_height(row, widths)
    for k, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(k)].width = width
    last = get_column_letter(len(COLUMNS))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0  # one page wide, as many pages tall as it takes
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    heading = _header_footer_text(title) if title else ""
    ws.oddHeader.center.text = f"&B{heading}&B" if heading else ""
    ws.oddHeader.right.text = "Master Scenario Events List"
    ws.oddFooter.center.text = "Page &P of &N"
    ws.oddFooter.left.text = "Actual Time and Status: fill in during conduct"
    for part in (ws.oddHeader.center, ws.oddHeader.right, ws.oddFooter.center, ws.oddFooter.left):
        part.font, part.size = FONT, 9
    wb.save(path)
