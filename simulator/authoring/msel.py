"""MSEL spreadsheets: the HSEEP Master Scenario Events List as CSV or XLSX, and the row format.

Columns (header row, in this order): Number, Scenario Time, From, To, Method, Synopsis,
Expected Action, Objective or Capability, Notes, Contingency.

- Number: the inject id.
- Scenario Time: elapsed exercise time, HH:MM (00:00 is minute 0; HH:MM:SS for fractions).
  A delay after a cue is written '+HH:MM', alone or after the time ('01:30 +00:05'); empty for
  injects sent on a cue with no delay.
- From: the sender's name. To: role ids separated by commas, or 'all'.
- Method: the channel ('phone', 'social', 'press conference', ...).
- Synopsis: the title on the first line, the body below it.
- Expected Action: plan steps as 'STEP-ID: description', one per line (or separated by ';').
- Objective or Capability: 'OBJECTIVE-ID: core capability', one per line (or separated by ';').
- Notes: the facilitator notes.
- Contingency: how the inject is sent other than by the clock, clauses separated by ';':
  'after INJECT: OPTION' (a follow-up of a decision option), 'if missed: STEP' (sent when that
  plan step's deadline passes unmet), 'when: {condition}' (a trigger in the scenario's own YAML
  condition form; always the last clause).

Every cell is written as text. A cell a spreadsheet would run as a formula gets a leading "'"
(see neutralise_cell), which reading takes off again, so export, import, export is stable.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..loading.pack import Pack
from .timefmt import hhmm

COLUMNS = ["Number", "Scenario Time", "From", "To", "Method", "Synopsis", "Expected Action",
           "Objective or Capability", "Notes", "Contingency"]
REQUIRED = COLUMNS[:6]
SHEET = "MSEL"


class MselError(Exception):
    """Problems with an MSEL file, each as one located line ('msel.csv: row 7: ...')."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("\n".join(lines))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def condition_text(cond) -> str:
    """A condition in YAML flow form, on one line: {all: [{delivered: I-06}, {state: x, above: 65}]}."""
    data = cond.model_dump(by_alias=True, exclude_none=True)
    return yaml.safe_dump(data, default_flow_style=True, width=10_000, sort_keys=False).strip()


def _time_cell(at: float | None, delay: float) -> str:
    parts = [hhmm(at)] if at is not None else []
    if delay:
        parts.append("+" + hhmm(delay))
    return " ".join(parts)


def export_rows(pack: Pack) -> list[list[str]]:
    """One row per inject, in scenario order (without the header)."""
    s = pack.scenario
    senders = {x.id: x.name for x in s.senders}
    objectives = {o.id: o for o in s.objectives}
    steps = pack.expectations
    follow: dict[str, list[str]] = {}
    for inj in s.injects:
        if inj.decision is not None:
            for o in inj.decision.options:
                for f in o.follow_up:
                    follow.setdefault(f, []).append(f"after {inj.id}: {o.id}")
    rows = []
    for inj in s.injects:
        cues = list(follow.get(inj.id, []))
        if inj.contingency_for is not None:
            cues.append(f"if missed: {inj.contingency_for}")
        if inj.trigger is not None:
            cues.append("when: " + condition_text(inj.trigger))
        rows.append([
            inj.id,
            _time_cell(inj.at, inj.delay),
            senders.get(inj.from_, inj.from_),
            "all" if inj.to == "all" else ", ".join(inj.to),
            inj.channel.replace("_", " "),
            f"{inj.title}\n{inj.body}",
            "\n".join(f"{e}: {_one_line(steps[e].description)}" for e in inj.expected_actions),
            "\n".join(f"{o}: {objectives[o].capability}" for o in inj.objectives),
            inj.facilitator_notes or "",
            "; ".join(cues),
        ])
    return rows


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


def write_sheet(path: Path, rows: list[list[str]]) -> None:
    """Write the header and rows as CSV or XLSX: every cell text (times stay HH:MM), none a formula."""
    rows = [[neutralise_cell(str(cell)) for cell in row] for row in rows]
    if file_format(path) == "csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(COLUMNS)
            writer.writerows(rows)
        return
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(COLUMNS)
    for row in rows:
        ws.append(row)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [10, 14, 22, 22, 16, 60, 50, 36, 40, 40]
    for k, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + k)].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.data_type = "s"  # stored as a string, never as a formula (openpyxl guesses from a leading '=')
            cell.number_format = "@"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    wb.save(path)


@dataclass
class Sheet:
    """Rows read from an MSEL file, with where they came from for error messages."""

    where: str
    """'msel.csv' or "msel.xlsx: sheet 'MSEL'"."""
    rows: list[tuple[int, list]]
    """(1-based row number, cells) for every non-empty row, the header first."""

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


def _norm(header: str) -> str:
    """'Inject #' -> 'injectnumber', 'Objective / Capability' -> 'objectivecapability'."""
    return re.sub(r"[^a-z0-9]", "", header.lower().replace("#", "number"))


# Header spellings of real MSELs (HSEEP templates, FEMA and agency variants), compared after
# _norm. Each list is in order of preference: when a sheet has both 'Inject #' and 'Event #'
# (HSEEP groups several injects under one event), the inject number is the id.
# 'Responsible Controller' is deliberately not a 'From': the controller is exercise staff who
# delivers the inject, not the sender the players see; such columns are ignored.
ALIASES = {
    "Number": ["number", "injectnumber", "injectno", "injectid", "mselnumber", "mselno", "mselid", "msel", "no", "id",
               "eventnumber", "eventno", "eventid", "event"],
    "Scenario Time": ["scenariotime", "designatedscenariotime", "time", "exercisetime", "elapsedtime", "injecttime",
                      "eventtime", "deliverytime", "clocktime", "timeofday", "localtime"],
    "From": ["from", "sender", "injectfrom", "simulatedsender", "originator"],
    "To": ["to", "recipient", "recipients", "player", "players", "injectto", "intendedplayer", "intendedplayers",
           "receivingplayer", "receivingplayers"],
    "Method": ["method", "channel", "deliverymethod", "mode", "deliverymode", "modeofdelivery", "injectmethod", "injectmode"],
    "Synopsis": ["synopsis", "injectsynopsis", "eventsynopsis", "description", "eventdescription", "injectdescription",
                 "message", "injecttext", "inject"],
    "Expected Action": ["expectedaction", "expectedactions", "expectedplayeraction", "expectedplayeractions",
                        "expectedoutcome", "expectedresponse"],
    "Objective or Capability": ["objectiveorcapability", "objectivecapability", "objectivecorecapability",
                                "objectives", "objective", "capability", "corecapability", "capabilities",
                                "corecapabilities"],
    "Notes": ["notes", "note", "controllernotes", "facilitatornotes", "remarks", "comments"],
    "Contingency": ["contingency", "contingencies"],
}
CLOCK_HEADERS = {"clocktime", "timeofday", "localtime"}
"""Time headers that say the times are times of day rather than elapsed exercise time."""


def header_map(sheet: Sheet) -> dict[str, int]:
    """Column name -> cell index, from the first non-empty row; MselError naming what is wrong."""
    if not sheet.rows:
        raise MselError([f"{sheet.where}: the sheet is empty; the first row must name the columns: {', '.join(COLUMNS)}"])
    number, cells = sheet.rows[0]
    keys = [_norm(c) for c in cells]
    found: dict[str, int] = {}
    for name, aliases in ALIASES.items():
        ranked = [(aliases.index(key), k) for k, key in enumerate(keys) if key in aliases]
        if ranked:
            found[name] = min(ranked)[1]
    missing = [c for c in REQUIRED if c not in found]
    if missing:
        seen = ", ".join(f"'{c}'" for c in cells if c.strip()) or "nothing"
        raise MselError([sheet.at(number, f"missing column(s) {', '.join(repr(m) for m in missing)}; the header row has "
                                          f"{seen}; expected: {', '.join(COLUMNS)}")])
    if len(sheet.rows) < 2:
        raise MselError([f"{sheet.where}: no inject rows below the header"])
    return found
