"""MSEL spreadsheets: the HSEEP Master Scenario Events List as CSV or XLSX, and the row format.

Columns (header row, in this order): Number, Scenario Time, Elapsed, Module, From, To, Method,
Event Type, Severity, Synopsis, Expected Action, Objective or Capability, Responsible Controller,
Notes, Contingency, Actual Time, Status.

- Number: the inject id.
- Scenario Time: the story clock when the inject is scheduled ('12:15', 'Day 3 10:22'; see
  story_clock), empty for injects sent on a cue.
- Elapsed: elapsed exercise time, HH:MM (00:00 is minute 0; HH:MM:SS for fractions). A delay
  after a cue is written '+HH:MM', after 'on cue' or after the time ('01:30 +00:05'); 'on cue'
  alone for an inject sent on a cue with no delay.
- Module: the module's title. Each module also opens with a section row: its title in Number
  (after 'Module:' unless the title starts with 'Module'), its story time and its start.
- From: the sender's name. To: the roles' titles (or ids), separated by commas, or 'All players'.
- Method: the channel ('phone', 'social', 'press conference', ...).
- Event Type: how the inject is sent (Scheduled, Triggered, Follow-up, Contingency, On cue) and
  whether it asks a decision; derived, so import ignores it.
- Severity: routine, low, medium, high or critical.
- Synopsis: the title on the first line, the body below it.
- Expected Action: plan steps, one per line: 'ROLE: description [STEP-ID]'.
- Objective or Capability: 'OBJECTIVE-ID: core capability', one per line (or separated by ';').
- Responsible Controller: left for the exercise planner (a pack does not assign controllers).
- Notes: the facilitator notes.
- Contingency: how the inject is sent other than by the clock, one clause per line, in words:
  "if the Mayor chooses 'Request full support' at I-07" (a follow-up of a decision option),
  "if 'Publish the first statement' is missed [first-statement]" (sent when that plan step's
  deadline passes unmet), 'when tension is above 70' (a trigger; see msel_prose for the words).
- Actual Time, Status: blank, for controllers to fill in during conduct; import ignores them.

Import also reads the earlier form of this file (Scenario Time holding elapsed time, and the
clauses 'after INJECT: OPTION', 'if missed: STEP' and 'when: {condition}').

Every cell is written as text. A cell a spreadsheet would run as a formula gets a leading "'"
(see neutralise_cell), which reading takes off again, so export, import, export is stable.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

COLUMNS = ["Number", "Scenario Time", "Elapsed", "Module", "From", "To", "Method", "Event Type", "Severity",
           "Synopsis", "Expected Action", "Objective or Capability", "Responsible Controller", "Notes",
           "Contingency", "Actual Time", "Status"]
REQUIRED = ["Number", "Scenario Time", "From", "To", "Method", "Synopsis"]
"""Columns an imported sheet must have ('Scenario Time' may be any time column, 'Elapsed' among them)."""
SHEET = "MSEL"


class MselError(Exception):
    """Problems with an MSEL file, each as one located line ('msel.csv: row 7: ...')."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("\n".join(lines))


def export_rows(pack) -> list[list[str]]:
    """One row per inject, grouped by module under a section row (without the header); see msel_export."""
    from .msel_export import export_rows as rows

    return rows(pack)


# ---- files -----------------------------------------------------------------------------------

def file_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"{path.name}: an MSEL file ends in .csv or .xlsx")
    return suffix[1:]


# A cell a spreadsheet would run as a formula: '=', '+', '-' or '@' first (and tab or carriage
# return, which some programs skip before looking). A sheet built from a pack must never run
# anything when opened, so such cells get a leading "'" (OWASP's advice for CSV injection).
# A cell that already starts with "'" before one of them gets one more, so reading a sheet
# back takes exactly one off and every cell round-trips.
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def neutralise_cell(text: str) -> str:
    """The cell as written to a sheet: text that no spreadsheet runs as a formula."""
    return "'" + text if _FORMULA_START.match(text) else text


def restore_cell(text: str) -> str:
    """The cell as read from a sheet: the "'" that neutralise_cell added taken off again."""
    return text[1:] if text.startswith("'") and _FORMULA_START.match(text, 1) else text


def write_csv(out: IO[str], rows: list[list[str]]) -> None:
    """The header and rows as CSV text, every cell neutralised."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows([neutralise_cell(str(cell)) for cell in row] for row in rows)


def write_sheet(path: Path, rows: list[list[str]], pack=None, fmt: str | None = None) -> None:
    """Write the header and rows as CSV or XLSX (`fmt`, else from the suffix): every cell text
    (times stay HH:MM), none a formula. With the pack, the XLSX carries its title when printed."""
    if (fmt or file_format(path)) == "csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            write_csv(fh, rows)
        return
    from .msel_xlsx import write_xlsx

    write_xlsx(path, [[neutralise_cell(str(cell)) for cell in row] for row in rows],
               title=pack.scenario.title if pack is not None else None)


@dataclass
class Sheet:
    """Rows read from an MSEL file, with where they came from for error messages."""

    where: str
    """'msel.csv' or "msel.xlsx: sheet 'MSEL'"."""
    rows: list[tuple[int, list]]
    """(1-based row number, cells) for every non-empty row: any title rows, the header, the rest."""
    notes: list[str] = field(default_factory=list)
    """What reading decided on the user's behalf (an encoding, a delimiter)."""

    def at(self, row: int, message: str) -> str:
        return f"{self.where} row {row}: {message}" if ":" in self.where else f"{self.where}: row {row}: {message}"


def read_sheet(path: Path) -> Sheet:
    shown = str(path)
    try:
        fmt = file_format(path)
    except ValueError as exc:
        raise MselError([str(exc)]) from None
    if not path.exists():
        raise MselError([f"{shown}: no such file"])
    if path.is_dir():
        raise MselError([f"{shown}: this is a folder, not an MSEL file"])
    from .msel_read import read_csv, read_xlsx  # here: msel_read builds on this module

    return read_csv(path, shown) if fmt == "csv" else read_xlsx(path, shown)
