"""The after-action report's content, built once (report/build.py) and rendered by html.py,
markdown.py and docx.py.

Why a model: every table, section and summary of every format must say the same thing. The
renderers only lay this out; none of them looks at the log, the scorecard or the pack.
Text here is plain (renderers escape it); links are named by anchor ('afi-3', 'ip-3',
'line-42', 'obj-OBJ-1') so each format makes them its own way (HTML and Markdown anchors,
DOCX bookmarks).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .charts import Chart

RATINGS = ("P", "S", "M", "U")
"""HSEEP ratings in the order of Table 1's columns."""


@dataclass(slots=True)
class Fact:
    """One line of the exercise overview; `value` is a list for bulleted values."""

    label: str
    value: str | list[str]
    placeholder: bool = False
    """The value is a blank for the after-action meeting to fill in."""


@dataclass(slots=True)
class Overview:
    facts: list[Fact]
    log_digest: str | None = None
    """The log's hash-chain digest, shown when set."""


@dataclass(slots=True)
class AreaRef:
    """How other parts of the report point at an area for improvement."""

    number: int
    anchor: str
    title: str
    short: str
    rating: str


@dataclass(slots=True)
class Summary:
    paragraphs: list[str]
    strengths: list[str]
    primary: list[AreaRef]
    """The worst areas for improvement (at most five)."""


@dataclass(slots=True)
class ObjectiveRow:
    """A row of Table 1 (summary of core capability performance)."""

    id: str
    title: str
    capability: str
    rating: str
    """The scorer's roll-up rating (after any evaluator override)."""
    reason: str
    """Why, in words, built from the roll-up's counted ratings; the objective's section repeats it."""
    counted: int
    """How many ratings the roll-up counted."""
    anchor: str


@dataclass(slots=True)
class Observation:
    finding: str
    """The finding's id (kept for cross-checks; never shown)."""
    rating: str
    text: str
    evidence: list[int]
    anchor: str
    override: str | None = None
    """The evaluator's change to the suggested rating, in words."""


@dataclass(slots=True)
class Area:
    """An area for improvement: observation, reference, analysis, recommendation and evidence."""

    ref: AreaRef
    objective: str | None
    capability: str
    observations: list[Observation]
    references: list[str]
    analysis: list[str]
    recommendation: str
    element: str
    """The POETE capability element the recommendation addresses."""
    plan_anchor: str
    """The anchor of its row in the improvement plan."""
    evidence: list[int]


@dataclass(slots=True)
class Strength:
    title: str
    summary: str
    evidence: list[int]


@dataclass(slots=True)
class ObjectiveSection:
    """The analysis of one objective and its core capability (or the findings tied to none)."""

    anchor: str
    heading: str
    capability: str
    rating: str | None
    reason: str | None
    strengths: list[Strength] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)


@dataclass(slots=True)
class PlanRow:
    """A row of the improvement plan (HSEEP AAR/IP Appendix A), one per area for improvement."""

    number: int
    anchor: str
    capability: str
    area: AreaRef
    action: str
    element: str
    organisation: str
    contact: str
    start: str
    end: str


@dataclass(slots=True)
class Flag:
    """A timeline line cited by an area for improvement's findings."""

    rating: str
    area: AreaRef
    target: str
    """The anchor of the worst finding's observation."""
    tip: str


@dataclass(slots=True)
class TimelineRow:
    line: int
    minute: str
    clock: str
    kind: str
    css: str
    who: str
    what: str
    flags: list[Flag]


@dataclass(slots=True)
class Figure:
    id: str
    title: str
    chart: Chart
    columns: list[str]
    rows: list[list[str]]
    """The same data as a small table, for readers who cannot see the chart."""


@dataclass(slots=True)
class HotWashRow:
    line: int
    question: str
    asked: str
    answer: str
    by: str


@dataclass(slots=True)
class NoteRow:
    line: int
    when: str
    about: str
    text: str


@dataclass(slots=True)
class OverrideRow:
    line: int
    target: str
    what: str
    suggested: str
    rating: str
    rationale: str
    by: str


@dataclass(slots=True)
class Counts:
    """The numbers the summary and the command's last line give."""

    findings: int
    rated: int
    """Findings rated S, M or U."""
    areas: int
    strengths: int


@dataclass(slots=True)
class Report:
    title: str
    city: str
    threat: str
    caveat: str
    """The handling caveat printed in every page's header."""
    log_name: str
    version: str
    seed: int
    sections: list[tuple[str, str]]
    """(anchor, heading) in the order of the HSEEP AAR/IP template, appendices last."""
    overview: Overview
    summary: Summary
    table1: list[ObjectiveRow]
    objectives: list[ObjectiveSection]
    plan: list[PlanRow]
    timeline_intro: str
    timeline: list[TimelineRow]
    figures: list[Figure]
    participant_columns: list[str]
    participants: list[list[str]]
    hot_wash: list[HotWashRow]
    notes: list[NoteRow]
    overrides: list[OverrideRow]
    counts: Counts
    placeholder: str
    """The text of a blank the after-action meeting fills in."""

    @property
    def areas(self) -> list[Area]:
        return [a for s in self.objectives for a in s.areas]
