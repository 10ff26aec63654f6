"""Reading an MSEL file that may be hostile: sizes checked before any work, rows read lazily.

Why: a spreadsheet comes from outside (a partner agency, an e-mail attachment). A 3 MB .xlsx
can unpack to gigabytes (a zip bomb), a 5 KB sheet can declare a cell at XFD1048576 that a
reader pads out to 17 billion empty cells, its XML can declare entities that expand without
end, and a CSV can hold 100,000 rows. Each is refused in plain words, naming the file and the
limit, before it costs time or memory. An MSEL is small: a real one has under 200 rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from pathlib import Path

from ..models.limits import TEXT_CHARS
from ..terminal import first_control_character, printable
from .msel import SHEET, MselError, Sheet, restore_cell
from .timefmt import hhmm

MAX_FILE_BYTES = 5_000_000
"""Largest MSEL file, CSV or XLSX (the same limit as a scenario file)."""
MAX_ROWS = 5_000
"""Rows of one sheet, the header included."""
MAX_COLUMNS = 50
MAX_CELL_CHARS = TEXT_CHARS
"""Longest cell: a cell becomes one text of the scenario, so it has the scenario's limit."""
MAX_UNPACKED_BYTES = 50_000_000
"""An .xlsx is a zip of XML; its parts together may unpack to this much."""
MAX_RATIO = 100
"""Most a part larger than MIN_RATIO_CHECKED may shrink in the zip. Spreadsheet XML shrinks
10 to 30 times; a zip bomb shrinks a thousand times."""
MIN_RATIO_CHECKED = 1_000_000
MAX_PARTS = 1_000


def check_size(path: Path, shown: str) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise MselError([f"{shown}: cannot read: {exc.strerror or exc}"]) from None
    if size > MAX_FILE_BYTES:
        raise MselError([f"{shown}: the file is {size:,} bytes; an MSEL file may be at most {MAX_FILE_BYTES:,}"])


class _Rows:
    """Collects the non-empty rows of a sheet, refusing past the limits as soon as they are passed."""

    def __init__(self, sheet: Sheet):
        self.sheet = sheet

    def add(self, number: int, cells: list[str]) -> None:
        if not any(c.strip() for c in cells):
            return
        if number > MAX_ROWS:
            raise MselError([self.sheet.at(number, f"the sheet goes on past row {MAX_ROWS:,}; an MSEL is read up to "
                                                   f"{MAX_ROWS:,} rows (the header and the injects): split it")])
        filled = [k for k, c in enumerate(cells) if c.strip()]
        if filled[-1] >= MAX_COLUMNS:
            raise MselError([self.sheet.at(number, f"a cell in column {filled[-1] + 1} is filled; an MSEL is read up to "
                                                   f"{MAX_COLUMNS} columns")])
        for k in filled:
            if len(cells[k]) > MAX_CELL_CHARS:
                raise MselError([self.sheet.at(number, f"the cell in column {k + 1} holds {len(cells[k]):,} characters; "
                                                       f"the limit is {MAX_CELL_CHARS:,}")])
        # A line break inside a cell may come as CR LF (a CSV saved on Windows): one newline.
        cells = [restore_cell(c).replace("\r\n", "\n") for c in cells]
        for k in filled:
            at = first_control_character(cells[k])
            if at is not None:  # said here, by row and column, rather than in a skeleton never written
                raise MselError([self.sheet.at(number, f"the cell in column {k + 1} holds the control character "
                                                       f"{printable(cells[k][at])} at character {at + 1}; remove it")])
        self.sheet.rows.append((number, cells))


def _decode(data: bytes, shown: str) -> tuple[str, str | None]:
    """The text, and a note when it was not UTF-8 but Windows-1252 (what Excel saves as plain
    'CSV' in Western Europe)."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        try:
            return data.decode("cp1252"), "not UTF-8: read as Windows-1252 (Excel's plain CSV); check accented letters"
        except UnicodeDecodeError:
            raise MselError([f"{shown}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x}); save the sheet as CSV UTF-8"]) from None


SNIFF_CHARS = 20_000
"""How much of a CSV is looked at to tell its delimiter."""


def delimiter(text: str) -> str:
    """',', ';' or tab: the one whose reading of the first rows finds the MSEL's header row best.

    Why not csv.Sniffer alone: it guesses from how often characters repeat, and an MSEL's cells
    are full of commas and semicolons; it is asked first, and the header decides."""
    from .msel_layout import HEADER_SCAN, header_score

    sample = text[:SNIFF_CHARS]
    try:
        guessed = [csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter]
    except csv.Error:
        guessed = []
    candidates = list(dict.fromkeys([*guessed, ",", ";", "\t"]))
    lines = sample.splitlines(keepends=True)
    scores = []
    for k, sep in enumerate(candidates):
        rows: list[list[str]] = []
        try:
            for cells in csv.reader(lines, delimiter=sep):
                rows.append(cells)
                if len(rows) >= HEADER_SCAN:
                    break
        except csv.Error:
            pass
        scores.append((max((header_score(r) for r in rows), default=(False, 0)), -k, sep))
    return max(scores)[2]


def read_csv(path: Path, shown: str) -> Sheet:
    check_size(path, shown)
    try:
        text, note = _decode(path.read_bytes(), shown)
    except OSError as exc:
        raise MselError([f"{shown}: cannot read: {exc.strerror or exc}"]) from None
    if "\x00" in text:
        raise MselError([f"{shown}: this looks like a binary file, not CSV text"])
    sheet = Sheet(shown, [])
    if note:
        sheet.notes.append(note)
    sep = delimiter(text)
    if sep != ",":
        sheet.notes.append(f"read with '{'tab' if sep == chr(9) else sep}' between cells")
    rows = _Rows(sheet)
    # csv numbers records, not lines; a cell may hold line breaks, so count lines ourselves.
    # Strict: a quote left open would otherwise swallow every row after it into one cell.
    line = 1
    reader = csv.reader(text.splitlines(keepends=True), strict=True, delimiter=sep)
    try:
        for cells in reader:
            rows.add(line, cells)
            line = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise MselError([sheet.at(line, 'a quoted cell starting on this row is never closed (a missing closing \'"\')')]) from None
        raise MselError([sheet.at(line, f"not readable as CSV: {exc}")]) from None
    return sheet


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.year > 1900:  # a date and a time: the date counts (rows may run over several days)
            return value.strftime("%Y-%m-%d ") + _cell_text(value.time())
        value = value.time()  # a time alone, which some workbooks store on Excel's day zero
    if isinstance(value, dt.time):
        return hhmm(value.hour * 60 + value.minute + value.second / 60)
    if isinstance(value, dt.timedelta):
        return hhmm(value.total_seconds() / 60)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _check_zip(path: Path, shown: str) -> None:
    """Refuse what is not an .xlsx, or would unpack to far more than an MSEL can hold, before opening it."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except zipfile.BadZipFile:
        raise MselError([f"{shown}: not a readable .xlsx workbook (not a zip archive); save the sheet as .xlsx or .csv"]) from None
    except OSError as exc:
        raise MselError([f"{shown}: cannot read: {exc.strerror or exc}"]) from None
    names = {p.filename for p in parts}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise MselError([f"{shown}: not an .xlsx workbook (a zip archive without a spreadsheet in it)"])
    if len(parts) > MAX_PARTS:
        raise MselError([f"{shown}: the workbook has {len(parts):,} parts; refused (an .xlsx MSEL has a few dozen)"])
    total = sum(p.file_size for p in parts)
    if total > MAX_UNPACKED_BYTES:
        raise MselError([f"{shown}: the workbook unpacks to {total:,} bytes; the limit is {MAX_UNPACKED_BYTES:,} "
                         "(a zip bomb, or far more than an MSEL)"])
    for p in parts:
        if p.file_size > MIN_RATIO_CHECKED and p.file_size > MAX_RATIO * max(p.compress_size, 1):
            raise MselError([f"{shown}: the workbook part {p.filename} shrinks {p.file_size // max(p.compress_size, 1):,} "
                             f"times in the zip; refused (a zip bomb?)"])


def _why(exc: Exception) -> str:
    """Plain words for what openpyxl met: an XML attack (defusedxml refuses entities and DTDs), damage, or its kind."""
    names = {type(e).__name__ for e in (exc, exc.__cause__, exc.__context__) if e is not None}
    if names & {"EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden", "NotSupportedError"}:
        return ": its XML declares entities or a DTD, which a spreadsheet never needs; refused (an XML bomb?)"
    if "ParseError" in names:  # without defusedxml, expat's own limit on entity expansion ends here too
        return ": its XML is damaged, or expands beyond what a spreadsheet holds"
    return f" ({type(exc).__name__})"


def read_xlsx(path: Path, shown: str) -> Sheet:
    from openpyxl import load_workbook

    check_size(path, shown)
    _check_zip(path, shown)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except MemoryError:
        raise MselError([f"{shown}: the workbook does not fit in memory; refused"]) from None
    except Exception as exc:  # openpyxl raises many types (zipfile, KeyError, InvalidFileException, XML errors)
        raise MselError([f"{shown}: not a readable .xlsx workbook{_why(exc)}"]) from None
    try:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        return _read_rows(ws, Sheet(f"{shown}: sheet '{ws.title}'", []))
    except MselError:
        raise
    except MemoryError:
        raise MselError([f"{shown}: the workbook does not fit in memory; refused"]) from None
    except Exception as exc:  # the sheet's XML is parsed only now, as its rows are read
        raise MselError([f"{shown}: not a readable .xlsx workbook{_why(exc)}"]) from None
    finally:
        wb.close()


def _read_rows(ws, sheet: Sheet) -> Sheet:
    # Read-only sheets pad every row to the declared width and every gap to the declared
    # height, so a sheet declaring a cell at XFD1048576 is refused before a row is read.
    rows, columns = ws.max_row, ws.max_column
    if rows is not None and columns is not None:
        if rows > MAX_ROWS or columns > MAX_COLUMNS:
            raise MselError([f"{sheet.where}: the sheet's used range is {ws.calculate_dimension()} ({rows:,} rows, "
                             f"{columns:,} columns); an MSEL is read up to {MAX_ROWS:,} rows and {MAX_COLUMNS} columns: "
                             "delete what lies beyond the injects"])
        values = ws.iter_rows(values_only=True, max_row=rows, max_col=columns)
        trim = False
    else:  # no declared size: read one column past the limit, so a filled cell there is seen
        values = ws.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)
        trim = True
    collect = _Rows(sheet)
    for number, row in enumerate(values, start=1):
        if row.count(None) == len(row):
            continue  # the padding of a gap: cheap to skip, however many
        cells = [_cell_text(v) for v in row]
        if trim:  # as a sized sheet would give: up to the last filled cell of the row
            while cells and not cells[-1].strip():
                cells.pop()
        collect.add(number, cells)
    return sheet
