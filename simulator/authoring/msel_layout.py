"""The layout of a real MSEL sheet: where its header row is, what each column is called, and
which rows are not injects (module sections, 'END OF EXERCISE', footnotes).

Why: planners' sheets are made for printing. Templates put a merged title row (and often a
handling caveat) above the headers, group injects under section rows ('MODULE 2 – SHELTERING'),
close with 'END OF EXERCISE' and add footnotes. Reading the first row as the header, or every
row as an inject, refuses the sheets cities actually have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .msel import COLUMNS, REQUIRED, MselError, Sheet

HEADER_SCAN = 15
"""The header row is looked for among this many rows from the top."""


def norm(header: str) -> str:
    """'Inject #' -> 'injectnumber', 'Objective / Capability' -> 'objectivecapability'."""
    return re.sub(r"[^a-z0-9]", "", header.lower().replace("#", "number"))


# Header spellings of real MSELs (HSEEP templates, FEMA and agency variants), compared after
# norm(). Each list is in order of preference: when a sheet has both 'Inject #' and 'Event #'
# (HSEEP groups several injects under one event), the inject number is the id.
# 'Responsible Controller' is deliberately not a 'From': the controller is exercise staff who
# delivers the inject, not the sender the players see. It, 'Actual Time' and 'Status' are read
# by no field (they are filled in the room); of 'Event Type' only a 'Decision' is read.
ALIASES = {
    "Number": ["number", "injectnumber", "injectno", "injectid", "mselnumber", "mselno", "mselid", "msel", "no", "id",
               "eventnumber", "eventno", "eventid", "event"],
    "Scenario Time": ["scenariotime", "designatedscenariotime", "time", "exercisetime", "injecttime", "eventtime",
                      "deliverytime", "clocktime", "timeofday", "localtime", "storytime", "datetime", "dateandtime"],
    "Elapsed": ["elapsed", "elapsedtime", "elapsedexercisetime", "timeelapsed", "exerciseelapsedtime"],
    "Module": ["module", "modulename", "moduletitle", "phase", "section"],
    "From": ["from", "sender", "injectfrom", "simulatedsender", "originator"],
    "To": ["to", "recipient", "recipients", "player", "players", "injectto", "intendedplayer", "intendedplayers",
           "receivingplayer", "receivingplayers"],
    "Method": ["method", "channel", "deliverymethod", "mode", "deliverymode", "modeofdelivery", "injectmethod", "injectmode"],
    "Severity": ["severity", "priority", "urgency"],
    "Event Type": ["eventtype", "injecttype", "typeofevent", "typeofinject"],
    "Synopsis": ["synopsis", "injectsynopsis", "eventsynopsis", "description", "eventdescription", "injectdescription",
                 "message", "injecttext", "inject"],
    "Expected Action": ["expectedaction", "expectedactions", "expectedplayeraction", "expectedplayeractions",
                        "expectedoutcome", "expectedresponse"],
    "Objective or Capability": ["objectiveorcapability", "objectivecapability", "objectivecorecapability",
                                "objectivescapabilities", "objectives", "objective", "exerciseobjective",
                                "exerciseobjectives"],
    "Capability": ["corecapability", "capability", "corecapabilities", "capabilities"],
    "Notes": ["notes", "note", "controllernotes", "facilitatornotes", "remarks", "comments"],
    "Contingency": ["contingency", "contingencies"],
}
CLOCK_HEADERS = {"clocktime", "timeofday", "localtime", "datetime", "dateandtime"}
"""Time headers that say the times are times of day rather than elapsed exercise time."""


@dataclass
class Layout:
    """Where things are in a sheet."""

    header_row: int
    """Index in sheet.rows of the header row."""
    columns: dict[str, int]
    """Field name (ALIASES' keys) -> cell index."""
    title: str | None
    """The text of the first row above the header (a template's title row), if any."""

    @property
    def timing(self) -> str:
        """The column that schedules injects: Elapsed when the sheet has one, else Scenario Time."""
        return "Elapsed" if "Elapsed" in self.columns else "Scenario Time"

    @property
    def story(self) -> str | None:
        """The column holding story clock times next to an Elapsed column, if any."""
        return "Scenario Time" if "Elapsed" in self.columns and "Scenario Time" in self.columns else None


def _match(cells: list) -> dict[str, int]:
    keys = [norm(str(c)) for c in cells]
    found: dict[str, int] = {}
    for name, aliases in ALIASES.items():
        ranked = [(aliases.index(key), k) for k, key in enumerate(keys) if key in aliases and k not in found.values()]
        if ranked:
            found[name] = min(ranked)[1]
    return found


def _missing(found: dict[str, int]) -> list[str]:
    missing = [c for c in REQUIRED if c not in found]
    if "Scenario Time" in missing and "Elapsed" in found:
        missing.remove("Scenario Time")
    return missing


def header_score(cells: list) -> tuple[bool, int]:
    """How well a row reads as the header: (every required column found, how many columns found)."""
    found = _match(cells)
    return not _missing(found), len(found)


def find_layout(sheet: Sheet) -> Layout:
    """The header row (the best match among the first rows), its columns, and any title above it;
    MselError naming what is wrong."""
    if not sheet.rows:
        raise MselError([f"{sheet.where}: the sheet is empty; the first row must name the columns: {', '.join(COLUMNS)}"])
    scored = [(not _missing(found), len(found), -k, found) for k, (_n, cells) in enumerate(sheet.rows[:HEADER_SCAN])
              for found in [_match(cells)]]
    _complete, _count, minus_k, best_found = max(scored, key=lambda x: x[:3])
    best = -minus_k
    number, cells = sheet.rows[best]
    missing = _missing(best_found)
    if missing:
        seen = ", ".join(f"'{c}'" for c in cells if str(c).strip()) or "nothing"
        raise MselError([sheet.at(number, f"missing column(s) {', '.join(repr(m) for m in missing)}; the header row has "
                                          f"{seen}; expected: {', '.join(COLUMNS)}")])
    if len(sheet.rows) <= best + 1:
        raise MselError([f"{sheet.where}: no inject rows below the header"])
    title = next((str(c).strip() for _n, above in sheet.rows[:best] for c in above if str(c).strip()), None)
    return Layout(best, best_found, title)


# ---- rows that are not injects -----------------------------------------------------------------

_END = re.compile(r"^\W*(?:end\s*of\s*(?:the\s*)?(?:exercise|msel|module|play|scenario|session|day)\b.*|endex|end)\W*$", re.I)
_SECTION = re.compile(r"^\s*(?:module|section|phase|part|stage|block|day)\b\s*(?:[0-9]+[a-z]?|[ivx]+)?\s*"
                      r"(?:[:.\-–—)]|$)", re.I)
_OUR_SECTION = re.compile(r"^\s*module\s*:\s*(?=\S)", re.I)
_ID_LIKE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-#/]*$")
_INJECT_FIELDS = ("From", "To", "Method", "Synopsis", "Expected Action")


def is_section_text(text: str) -> bool:
    """Whether `text` reads as a module's section heading ('MODULE 2 – SHELTERING', 'Phase II: Recovery')."""
    return bool(_SECTION.match(text)) and not _END.match(text)


_SECTION_TIMES = re.compile(r"^(?P<title>.+?)(?:\s+·\s+story time\s+(?P<time>.+?))?\s+·\s+starts at\s+"
                            r"(?P<start>\d{1,3}:[0-5]\d(?::[0-5]\d)?)\s+elapsed$", re.S)


def section_title(text: str) -> str:
    """The module title a section row or Module cell gives: its text, without the 'Module:' export adds."""
    return " ".join(_OUR_SECTION.sub("", text).split())


def section_parts(text: str) -> tuple[str, str | None, str | None]:
    """(title, story time, elapsed start) of a section row; the times only as export writes them."""
    found = _SECTION_TIMES.match(" ".join(text.split()))
    if found is None:
        return section_title(text), None, None
    return section_title(found["title"]), found["time"], found["start"]


def row_kind(cells: list, columns: dict[str, int]) -> str:
    """'inject', 'section' (a module heading), 'end' ('END OF EXERCISE') or 'note' (a footnote, a
    caveat, a line of text): a row that fills no inject field and says nothing an inject would."""
    texts = [str(c).strip() for c in cells]
    filled = [t for t in texts if t]
    if not filled:
        return "note"
    first = filled[0]
    inject_fields = any(texts[columns[f]] for f in _INJECT_FIELDS if f in columns and columns[f] < len(texts))
    if not inject_fields or len(filled) == 1:
        if _END.match(first):
            return "end"
        if is_section_text(first):
            return "section"
        if len(filled) == 1 and not _ID_LIKE.match(first):
            return "note"
    return "inject"
