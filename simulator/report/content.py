"""The words of the report's overview, summary, participants and roll-up reasons (for report/build.py)."""

from __future__ import annotations

from collections import Counter

from .. import logchain
from ..scoring.model import RATING_WORDS, SEVERITY, Rollup
from . import reasons
from .data import ReportData
from .improvement import TO_COMPLETE
from .model import AreaRef, Counts, Fact, Summary
from .wording import at, authority_name, clock, minute, plural, role_name

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

CAVEAT = "For exercise use only"
"""The handling caveat on every page: the report describes a fictional exercise, not a real incident."""

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


def digest_note(data: ReportData) -> str:
    """What the log digest (shown beside it, when there is one) is good for, plainly."""
    if data.digest is None:
        return f"This log has no digest: {logchain.unchained(data.header.format)}."
    return (f"The digest is the last link of the SHA-256 hash chain through every line of {data.path.name}, so it "
            "names that log and no other; keep it with this report. To check that a log is still the one this report "
            f"was drafted from, run tabletop replay on it with --verify --digest and this digest. {logchain.LIMITS}")


def overview(data: ReportData) -> list[Fact]:
    sc, pack = data.pack.scenario, data.pack
    modules = [f"{m.id} {m.title}: from {at(pack, m.starts_at)}; {m.phase} phase" for m in sc.modules]
    capabilities = sorted({o.capability for o in sc.objectives} | {e.capability for e in pack.plan.expectations})
    facts = [
        Fact("Exercise name", sc.title),
        Fact("Played on", dates(data)),
        Fact("Scope", f"Tabletop exercise (discussion-based) of {minute(sc.clock.duration)} exercise minutes, "
                      f"starting at {sc.clock.start}" + (f", {sc.clock.date}" if sc.clock.date else "")
                      + f"; played to {at(pack, data.end)}."),
        Fact("Modules", modules),
        Fact("Mission areas", ", ".join(a for a in ("Response", "Recovery") if a in {MISSION_AREA[m.phase] for m in sc.modules})),
        Fact("Core capabilities", capabilities),
        Fact("Objectives", [f"{o.id}: {o.title} ({o.capability})" for o in sc.objectives]),
        Fact("Threat or hazard", sc.threat),
        Fact("Scenario", sc.summary.strip()),
        Fact("City", f"{sc.city.name} (fictional). {sc.city.description.strip()}"),
        Fact("Plan and playbook", [f"Response plan: {pack.plan.title}", f"Communication playbook: {pack.playbook.title}"]),
        Fact("Sponsor", TO_COMPLETE),
        Fact("Participating organisations", [role_name(pack, r) for r in sc.roles]),
        Fact("Point of contact", TO_COMPLETE),
        Fact("Exercise log", f"{data.path.name}: {plural(data.lines, 'line')}, {plural(data.events, 'event')}, "
                             f"{plural(data.commands, 'command')}; seed {data.header.seed}; scenario version {sc.version}; "
                             f"recorded with tabletop {data.header.tabletop_version}; replay verified."),
        Fact("About the log digest", digest_note(data)),
    ]
    for f in facts:
        f.placeholder = f.value == TO_COMPLETE
    return facts


def counts(data: ReportData, areas: int, strengths: int) -> Counts:
    card = data.card
    return Counts(len(card.findings), sum(1 for f in card.findings if f.rating in ("S", "M", "U")), areas, strengths)


def finding_counts(c: Counts) -> str:
    """One sentence on how many findings there are and how they become areas for improvement,
    shared by the executive summary and the `tabletop report` command so both say the same."""
    return (f"The scorer made {plural(c.findings, 'finding')}; {c.rated} {'was' if c.rated == 1 else 'were'} rated S, M or U, "
            f"grouped into {plural(c.areas, 'area')} for improvement.")


def summary(data: ReportData, c: Counts, areas: list[AreaRef], strengths: list[str], overrides: int) -> Summary:
    card, sc = data.card, data.pack.scenario
    by_rating = Counter(o.rating for o in card.objectives)
    rated = ", ".join(f"{by_rating[r]} {RATING_WORDS[r].lower()} ({r})" for r in ("P", "S", "M", "U", "N/A") if by_rating[r])
    humans = [r for r in sc.roles if seat_text(data, r) == "Person at the table"]
    who = (f"{plural(len(humans), 'role')} played by people and {len(sc.roles) - len(humans)} by simulated staff"
           if humans else "every role played by simulated staff")
    paragraphs = [
        f"This tabletop exercise played '{sc.title}' in the fictional city of {sc.city.name}, with {who}. "
        f"It ran for {minute(data.end)} exercise minutes, to {clock(data.pack, data.end)} in the story, and the log "
        f"holds {plural(data.events, 'event')}.",
        f"Against {plural(len(card.objectives), 'objective')} the suggested ratings are: {rated or 'none'}. "
        f"The overall score is {card.score if card.score is not None else 'not rated'} out of 100.",
        finding_counts(c) + " Each area gathers the findings about one plan step, decision, harmful side "
        "effect or playbook or chain-of-command rule under one objective; "
        + (f"{plural(c.strengths, 'plan step or rule', 'plan steps or rules')} went without challenges "
           "throughout and are listed as strengths." if c.strengths
           else "no plan step or rule went without challenges throughout, so no strength is listed."),
        "This report is a draft drawn from the exercise log. Ratings are the scorer's suggestions until the "
        "evaluators confirm them" + (f"; {plural(overrides, 'rating')} already overridden by an evaluator."
                                      if overrides else "."),
    ]
    worst = sorted(areas, key=lambda a: (-SEVERITY[a.rating], a.number))[:5]
    return Summary(paragraphs, strengths[:5], worst)


PARTICIPANT_COLUMNS = ["Role", "Reports to", "Successor", "Authorities", "Seat"]


def participants(data: ReportData) -> list[list[str]]:
    pack = data.pack
    rows = []
    for r in pack.scenario.roles:
        role = pack.roles[r]
        rows.append([role.title, role_name(pack, role.reports_to) if role.reports_to else "-",
                     role_name(pack, role.successor) if role.successor else "-",
                     ", ".join(authority_name(a) for a in role.authorities) or "-", seat_text(data, r)])
    return rows


def part_name(data: ReportData, part_id: str) -> str:
    """A counted rating's source for people (see `reasons.part_name`)."""
    return reasons.part_name(data.pack, data.card, part_id)


def rollup_reason(r: Rollup, data: ReportData) -> str:
    """Why a roll-up has its rating, in words (see `reasons.rollup_reason`)."""
    return reasons.rollup_reason(r, data.card, data.pack)


__all__ = ["CAVEAT", "PARTICIPANT_COLUMNS", "SECTIONS", "counts", "finding_counts", "overview", "participants",
           "rollup_reason", "seat_text", "summary"]
