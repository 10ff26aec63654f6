"""The words of the report's sections, shared by the HTML and Markdown renderers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .. import logchain
from ..scoring.model import RATING_WORDS, SEVERITY
from ..scoring.text import why
from .analysis import Analysis, Area
from .data import ReportData
from .improvement import TO_COMPLETE
from .wording import at, minute, plural, role_name

SECTIONS = [
    ("overview", "Exercise Overview"),
    ("summary", "Executive Summary"),
    ("analysis", "Analysis of Core Capabilities"),
    ("improvement-plan", "Improvement Plan"),
    ("timeline", "Timeline"),
    ("charts", "Charts: state of the city and score over time"),
    ("participants", "Participants, hot wash and evaluator notes"),
]
"""(anchor, heading) in the order of the HSEEP AAR/IP template, appendices last."""

MISSION_AREA = {"initial": "Response", "continued": "Response", "recovery": "Recovery"}


def seat_text(data: ReportData, role: str) -> str:
    seat = data.header.seats.get(role)
    if seat is None or seat.kind == "human":
        return "Person at the table"
    extra = f", competence {seat.competence:g}" if seat.competence < 1 else ""
    return f"Simulated staff ('{seat.policy}' policy{extra})"


def dates(data: ReportData) -> str:
    """The real-world day(s) the exercise was played, from the log's wall-clock stamps (the header's,
    then the last command's): the log is all the report knows, so it says where the date comes from."""
    start = (data.header.wall_time or "")[:10]
    end = (data.wall_end or "")[:10]
    if not start:
        return TO_COMPLETE
    return (start if not end or end == start else f"{start} to {end}") + " (from the exercise log)"


def overview(data: ReportData) -> list[tuple[str, str | list[str]]]:
    sc, pack = data.pack.scenario, data.pack
    modules = [f"{m.id} {m.title} (from minute {minute(m.starts_at)}" + (f", story time {m.time}" if m.time else "")
               + f"; {m.phase} phase)" for m in sc.modules]
    capabilities = sorted({o.capability for o in sc.objectives} | {e.capability for e in pack.plan.expectations})
    return [
        ("Exercise name", sc.title),
        ("Played on", dates(data)),
        ("Scope", f"Tabletop exercise (discussion-based) of {minute(sc.clock.duration)} exercise minutes, "
                  f"starting at {sc.clock.start}" + (f", {sc.clock.date}" if sc.clock.date else "")
                  + f"; played to {at(data.pack, data.end)}."),
        ("Modules", modules),
        ("Mission areas", ", ".join(a for a in ("Response", "Recovery") if a in {MISSION_AREA[m.phase] for m in sc.modules})),
        ("Core capabilities", capabilities),
        ("Objectives", [f"{o.id}: {o.title} ({o.capability})" for o in sc.objectives]),
        ("Threat or hazard", sc.threat),
        ("Scenario", sc.summary.strip()),
        ("City", f"{sc.city.name} (fictional). {sc.city.description.strip()}"),
        ("Plan and playbook", [f"Response plan: {pack.plan.title}", f"Communication playbook: {pack.playbook.title}"]),
        ("Sponsor", TO_COMPLETE),
        ("Participating organisations", [f"{role_name(pack, r)} ({r})" for r in sc.roles]),
        ("Point of contact", TO_COMPLETE),
        ("Exercise log", f"{data.path.name}: {plural(data.lines, 'line')}, {plural(data.events, 'event')}, "
                         f"{plural(data.commands, 'command')}; seed {data.header.seed}; scenario version {sc.version}; "
                         f"recorded with tabletop {data.header.tabletop_version}; replay verified."),
        ("Log digest", log_digest(data)),
    ]


def log_digest(data: ReportData) -> str:
    """The digest that names the log this report was drafted from, and what it is good for, plainly."""
    if data.digest is None:
        return f"None: {logchain.unchained(data.header.format)}."
    name = data.path.name
    return (f"{data.digest} (SHA-256): the last link of the hash chain through every line of {name}, so it names "
            "that log and no other; keep it with this report. To check that a log is still the one this report was "
            f"drafted from, run tabletop replay on it with --verify --digest and this digest. {logchain.LIMITS}")


def finding_counts(data: ReportData, analysis: Analysis) -> str:
    """One sentence on how many findings there are and how they become areas for improvement,
    shared by the executive summary and the `tabletop report` command so both say the same."""
    card = data.card
    bad = sum(1 for f in card.findings if f.rating in ("S", "M", "U"))
    return (f"The scorer made {plural(len(card.findings), 'finding')}; {bad} {'was' if bad == 1 else 'were'} rated S, M or U, "
            f"grouped into {plural(len(analysis.areas), 'area')} for improvement.")


@dataclass
class Summary:
    paragraphs: list[str]
    strengths: list[str]
    areas: list[Area]


def summary(data: ReportData, analysis: Analysis) -> Summary:
    card, sc = data.card, data.pack.scenario
    counts = Counter(o.rating for o in card.objectives)
    rated = ", ".join(f"{counts[r]} {RATING_WORDS[r].lower()} ({r})" for r in ("P", "S", "M", "U", "N/A") if counts[r])
    humans = [r for r in sc.roles if seat_text(data, r) == "Person at the table"]
    who = (f"{plural(len(humans), 'role')} played by people and {len(sc.roles) - len(humans)} by simulated staff"
           if humans else "every role played by simulated staff")
    paragraphs = [
        f"This tabletop exercise played '{sc.title}' in the fictional city of {sc.city.name}, with {who}. "
        f"It ran for {minute(data.end)} exercise minutes and the log holds {plural(data.events, 'event')}.",
        f"Against {plural(len(card.objectives), 'objective')} the suggested ratings are: {rated or 'none'}. "
        f"The overall score is {card.score if card.score is not None else 'not rated'} out of 100.",
        finding_counts(data, analysis) + " Each area gathers the findings about one plan step, decision, harmful side "
        "effect or playbook or chain-of-command rule; "
        + (f"{plural(len(analysis.strengths), 'plan step or rule', 'plan steps or rules')} went without challenges "
           "throughout and are listed as strengths." if analysis.strengths
           else "no plan step or rule went without challenges throughout, so no strength is listed."),
        "This report is a draft drawn from the exercise log. Ratings are the scorer's suggestions until the "
        "evaluators confirm them" + (f"; {plural(len(analysis.overrides), 'rating')} already overridden by an evaluator."
                                      if analysis.overrides else "."),
    ]
    strengths = [s.title for s in analysis.strengths[:5]]
    worst = sorted(analysis.areas, key=lambda a: (-SEVERITY[a.rating], a.number))[:5]
    return Summary(paragraphs, strengths, worst)


def participants(data: ReportData) -> list[list[str]]:
    pack = data.pack
    rows = []
    for r in pack.scenario.roles:
        role = pack.roles[r]
        rows.append([r, role.title, role_name(pack, role.reports_to) if role.reports_to else "-",
                     role_name(pack, role.successor) if role.successor else "-",
                     ", ".join(role.authorities) or "-", seat_text(data, r)])
    return rows


PARTICIPANT_COLUMNS = ["Role", "Title", "Reports to", "Successor", "Authorities", "Seat"]


def objective_rows(data: ReportData) -> list[list[str]]:
    rolled = {r.id: r for r in data.card.objectives}
    out = []
    for o in data.pack.scenario.objectives:
        r = rolled[f"objective:{o.id}"]
        out.append([o.id, o.title, o.capability, r.rating, why(r, data.card)])
    return out
