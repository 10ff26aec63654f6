"""Build the report model once from the scorecard and the replayed log (ReportData).

Data flows one way: pack -> engine -> log -> judge/scorer -> this model -> renderers. Every
rating and count here is the scorer's: Table 1 and each objective's section take the same
roll-up, and an objective's section lists exactly the findings that roll-up counted.
"""

from __future__ import annotations

import re

from ..scoring.model import SEVERITY, Finding
from ..version import __version__
from .analysis import Group, group, observation, root_cause, strength_summary
from .content import (CAVEAT, PARTICIPANT_COLUMNS, SECTIONS, counts, overview, part_name, participants,
                      rollup_reason, summary)
from .data import ReportData
from .figures import score_figure, state_figures
from .improvement import TO_COMPLETE, corrective_action, organisation
from .model import (Area, AreaRef, Flag, HotWashRow, NoteRow, Observation, ObjectiveRow, ObjectiveSection,
                    OverrideRow, Overview, PlanRow, Report, Strength, TimelineRow)
from .references import references
from ..event_words import EventWords
from .wording import KIND_CLASS, anchor, at, clock, describe, minute, role_name, sentence, target_name


def section_anchor(objective: str | None) -> str:
    return "obj-" + re.sub(r"[^A-Za-z0-9_.-]", "-", objective) if objective else "obj-other"


def _area(i: int, g: Group, data: ReportData) -> Area:
    ref = AreaRef(i, f"afi-{i}", g.title, g.short, g.rating)
    action, element = corrective_action(g.findings, data.pack, data)
    obs = [Observation(f.id, f.rating, observation(f, data), f.evidence, anchor(f.id),
                       f"Evaluator changed the suggested {f.suggested} to {f.rating}: {f.override.rationale}"
                       if f.override else None) for f in g.findings]
    return Area(ref, g.objective, g.capability, obs, references(g, data), root_cause(g, data), action, element,
                f"ip-{i}", g.evidence)


def _strength(g: Group, data: ReportData) -> Strength:
    return Strength(sentence(g.title), strength_summary(g, data), g.evidence)


def _sections(data: ReportData, areas: list[Area], strengths: list[tuple[Group, Strength]]) -> tuple[list[ObjectiveRow], list[ObjectiveSection]]:
    card, pack = data.card, data.pack
    rolled = {r.id: r for r in card.objectives}
    rows, sections = [], []
    for o in pack.scenario.objectives:
        r = rolled[f"objective:{o.id}"]
        reason = rollup_reason(r, data)
        sid = section_anchor(o.id)
        rows.append(ObjectiveRow(o.id, o.title, o.capability, r.rating, reason, len(r.parts), sid))
        sections.append(ObjectiveSection(sid, f"Objective {o.id}: {o.title.rstrip('.')}", o.capability, r.rating, reason,
                                         [s for g, s in strengths if g.objective == o.id],
                                         [a for a in areas if a.objective == o.id]))
    known = {o.id for o in pack.scenario.objectives}
    loose_areas = [a for a in areas if a.objective not in known]
    loose_strengths = [s for g, s in strengths if g.objective not in known]
    if loose_areas or loose_strengths:
        sections.append(ObjectiveSection(section_anchor(None), "Findings not tied to an objective",
                                         ", ".join(sorted({a.capability for a in loose_areas})) or "-", None, None,
                                         loose_strengths, loose_areas))
    return rows, sections


def _flags(findings: list[Finding], area_of: dict[str, Area], data: ReportData) -> list[Flag]:
    """One flag per area for improvement on a line, however many of its findings cite it."""
    by_area: dict[int, list[Finding]] = {}
    for f in findings:
        by_area.setdefault(area_of[f.id].ref.number, []).append(f)
    out = []
    for number in sorted(by_area):
        found = by_area[number]
        worst = max(found, key=lambda f: SEVERITY[f.rating])
        a = area_of[worst.id]
        out.append(Flag(worst.rating, a.ref, anchor(worst.id), " ".join(observation(f, data) for f in found)))
    return out


def _timeline(data: ReportData, areas: list[Area], grouped: list[Group]) -> list[TimelineRow]:
    area_of = {f.id: a for a, g in zip(areas, grouped) for f in g.findings}
    cites: dict[int, list[Finding]] = {}
    for g in grouped:
        for f in g.findings:
            for n in f.evidence:
                cites.setdefault(n, []).append(f)
    rows = []
    words = EventWords(data.pack)
    for n, d in data.timeline:
        label, who, what = describe(words, d)
        rows.append(TimelineRow(n, minute(d["t"]), clock(data.pack, d["t"]), label, KIND_CLASS.get(d["type"], "system"),
                                who, what, _flags(cites.get(n, []), area_of, data)))
    return rows


def _overrides(data: ReportData) -> list[OverrideRow]:
    out = []
    card = data.card
    for f in card.findings:
        if f.override is not None:
            o = f.override
            out.append(OverrideRow(o.line, part_name(data, f.id), f"{f.title}: {observation(f, data)}", f.suggested,
                                   o.rating, o.rationale, role_name(data.pack, o.by)))
    for r in [*card.expectations, *card.objectives, *card.capabilities]:
        if r.override is not None:
            o = r.override
            out.append(OverrideRow(o.line, target_name(data.pack, r.id), r.title, r.suggested, o.rating, o.rationale,
                                   role_name(data.pack, o.by)))
    return sorted(out, key=lambda x: x.line)


def build_report(data: ReportData) -> Report:
    pack, sc = data.pack, data.pack.scenario
    grouped = group(data)
    areas = [_area(i, g, data) for i, g in enumerate(grouped.areas, 1)]
    strengths = [(g, _strength(g, data)) for g in grouped.strengths]
    table1, sections = _sections(data, areas, strengths)
    # numbered in the order the analysis shows them, objective by objective
    plan = [PlanRow(a.ref.number, a.plan_anchor, a.capability, a.ref, a.recommendation, a.element,
                    organisation(g.findings, pack), TO_COMPLETE, TO_COMPLETE, TO_COMPLETE)
            for a, g in zip(areas, grouped.areas)]
    c = counts(data, len(areas), len(strengths))
    overrides = _overrides(data)
    timeline = _timeline(data, areas, grouped.areas)
    facts = data.facts
    return Report(
        title=sc.title, city=sc.city.name, threat=sc.threat, caveat=CAVEAT, log_name=data.path.name,
        version=__version__, seed=data.header.seed, sections=list(SECTIONS), overview=Overview(overview(data), data.digest),
        summary=summary(data, c, [a.ref for a in areas], [g.title for g, _s in strengths], len(overrides)),
        table1=table1, objectives=sections, plan=plan,
        timeline_intro=(f"{len(timeline)} of the log's {data.lines} lines: injects, decisions, actions, statements, "
                        "approvals, messages and facilitator entries, plus every line a finding cites. State changes are "
                        "in the charts. Flags name the area for improvement (AFI) whose findings cite the line."),
        timeline=timeline, figures=[*state_figures(data), score_figure(data)],
        participant_columns=list(PARTICIPANT_COLUMNS), participants=participants(data),
        hot_wash=[HotWashRow(h["line"], h["question"], h["text"], h["answer"], role_name(pack, h["by"]))
                  for h in facts.hot_wash],
        notes=[NoteRow(x["line"], at(pack, x["t"]), role_name(pack, x.get("role")) if x.get("role") else "-", x["text"])
               for x in facts.notes],
        overrides=overrides, counts=c, placeholder=TO_COMPLETE)
