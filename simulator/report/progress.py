"""`tabletop progress`: how a city's ratings and key timings moved across exercises.

Cities rehearse more than once, not always with the same scenario. Each log is verified and
scored as the after-action report scores it (one scorer, one roll-up), then the exercises are
set side by side: per core capability (the HSEEP list every pack names its capabilities from, so
logs of different scenarios compare there), per objective (within one scenario: objectives are a
scenario's own), and per seat (a role id is the same seat in every pack), with the key timings a
training programme watches: the first public statement, the crisis team's activation and rumour
corrections. Exercises are ordered by when they were played (the log header's wall time), so the
charts read left to right as the programme went.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..log import LogError
from ..scoring.facts import Facts
from ..scoring.model import POINTS, Rating, Scorecard
from ..scoring.scorer import Scorer
from .charts import Chart, Series
from .model import Figure

CRISIS_TEAM_AUTHORITY = "activate_crisis_team"
"""The authority the shared role vocabulary gives the act of activating a city's crisis team; the
crisis team's activation is the first action taken that requires it (whichever pack, whichever id)."""


@dataclass
class Exercise:
    number: int
    log: str
    scenario: str
    scenario_title: str
    played: str
    """The day it was played, from the log header ('' when the log has none)."""
    seed: int
    score: float | None
    people: list[str]
    """Seats played by people (the rest by simulated staff)."""


@dataclass
class Row:
    """One capability, objective or seat across the exercises."""

    key: str
    label: str
    values: list[Rating | None]
    """One per exercise; None where it was not part of that exercise."""
    trend: str
    """'improved', 'declined', 'held', or '' with fewer than two ratings."""
    group: str = ""
    """For an objective, its scenario's title (objectives belong to one scenario)."""


@dataclass
class TimingRow:
    key: str
    label: str
    values: list[float | None]
    """Minutes after the incident (None: it never happened, or the scenario has none)."""
    notes: list[str]
    """Per exercise, what the number stands for ('2 of 2 corrected', 'never')."""
    trend: str
    """'faster', 'slower', 'held' or ''."""


@dataclass
class Progress:
    exercises: list[Exercise]
    capabilities: list[Row]
    objectives: list[Row]
    seats: list[Row]
    timings: list[TimingRow]
    figures: list[Figure] = field(default_factory=list)

    @property
    def scenarios(self) -> list[str]:
        return sorted({e.scenario for e in self.exercises})


@dataclass
class _Scored:
    path: Path
    started: str
    """The header's wall time (ISO), for the order."""
    played: str
    seed: int
    people: list[str]
    card: Scorecard
    facts: Facts


def _score(path: Path) -> _Scored:
    from ..replay import verify

    result = verify(path)  # a damaged or forged log is refused with its line, never scored in part
    scorer = Scorer(result.pack)
    for line in result.log.lines:
        scorer.feed(line.number, line.data)
    card = scorer.scorecard()
    if not card.final:
        raise LogError(str(path), len(result.log.lines) + 1,
                       "this exercise has not ended; progress compares finished exercises (end it, or resume and finish it)")
    header = result.log.header
    people = [r for r, s in header.seats.items() if s.kind == "human"]
    return _Scored(path, header.wall_time or "", (header.wall_time or "")[:10], header.seed, people, card, scorer.facts)


def _trend(values: list, better_lower: bool = False) -> str:
    rated = [v for v in values if v is not None and (better_lower or v in POINTS)]
    if len(rated) < 2:
        return ""
    first, last = rated[0], rated[-1]
    if not better_lower:
        first, last = POINTS[first], POINTS[last]
    if first == last:
        return "held"
    if better_lower:
        return "faster" if last < first else "slower"
    return "improved" if last > first else "declined"


def _incident(facts: Facts) -> float:
    return min((v[0] for v in facts.deliveries.values()), default=0.0)


def _first_statement(facts: Facts) -> tuple[float | None, str]:
    messengers = {m.role for m in facts.pack.playbook.messengers}
    first = next((s for s in facts.statements if s.by in messengers), None)
    if first is None:
        return None, "never"
    return first.t - _incident(facts), f"by {first.by}"


def _crisis_team(facts: Facts) -> tuple[float | None, str]:
    acts = [d for aid, done in facts.actions.items() if facts.pack.actions[aid][1].requires_authority == CRISIS_TEAM_AUTHORITY
            for d in done]
    if not any(a.requires_authority == CRISIS_TEAM_AUTHORITY for _r, a in facts.pack.actions.values()):
        return None, "no crisis team in this scenario"
    if not acts:
        return None, "never"
    first = min(acts, key=lambda d: d.t)
    return first.t - _incident(facts), f"by {first.by}"


def _rumours(facts: Facts) -> tuple[float | None, str]:
    """The mean minutes from a rumour's spread to its first correction by an approved messenger."""
    messengers = {m.role for m in facts.pack.playbook.messengers}
    spread = [(r, facts.deliveries[r.inject][0]) for r in facts.pack.playbook.rumours if r.inject in facts.deliveries]
    if not spread:
        return None, "no rumour spread"
    delays = []
    for r, t0 in spread:
        fix = next((s for s in facts.statements if r.id in s.rules and s.t >= t0 and s.by in messengers), None)
        if fix is not None:
            delays.append(fix.t - t0)
    note = f"{len(delays)} of {len(spread)} corrected"
    return (sum(delays) / len(delays) if delays else None), note


TIMINGS = [("first_statement", "First public statement (min after the incident)", _first_statement),
           ("crisis_team", "Crisis team activated (min after the incident)", _crisis_team),
           ("rumours", "Rumour corrected (mean min after it spread)", _rumours)]


def build_progress(paths: list[Path]) -> Progress:
    """Verify and score every log, then set the exercises side by side (raises LogError, located)."""
    scored = [_score(p) for p in paths]
    scored.sort(key=lambda s: s.started)  # stable: logs without a wall time keep the order given
    exercises = [Exercise(i + 1, s.path.name, s.facts.pack.scenario.id, s.facts.pack.scenario.title, s.played, s.seed,
                          s.card.score, s.people) for i, s in enumerate(scored)]

    def rows(prefix: str, keyed) -> list[Row]:
        keys: dict[str, tuple[str, str]] = {}
        per: list[dict[str, Rating]] = []
        for s in scored:
            found = keyed(s)
            per.append({k: r for k, (_label, r) in found.items()})
            for k, (label, _r) in found.items():
                keys.setdefault(k, (label, s.facts.pack.scenario.title if prefix == "objective" else ""))
        out = []
        for k, (label, group) in keys.items():
            values: list[Rating | None] = [p.get(k) for p in per]
            out.append(Row(f"{prefix}:{k}", label, values, _trend(values), group))
        return out

    capabilities = rows("capability", lambda s: {r.title: (r.title, r.rating) for r in s.card.capabilities})
    capabilities.sort(key=lambda r: r.label)
    objectives = rows("objective", lambda s: {
        f"{s.facts.pack.scenario.id}:{r.id.split(':', 1)[1]}": (f"{r.id.split(':', 1)[1]}: {r.title}", r.rating)
        for r in s.card.objectives})
    seats = rows("role", lambda s: {r.id.split(":", 1)[1]: (r.title, r.rating) for r in s.card.roles})
    timings = []
    for key, label, measure in TIMINGS:
        found = [measure(s.facts) for s in scored]
        values = [v for v, _n in found]
        timings.append(TimingRow(key, label, values, [n for _v, n in found], _trend(values, better_lower=True)))
    progress = Progress(exercises, capabilities, objectives, seats, timings)
    progress.figures = figures(progress)
    return progress


def _points(values: list) -> list[tuple[float, float]]:
    return [(i + 1.0, float(POINTS[v] if isinstance(v, str) else v)) for i, v in enumerate(values)
            if v is not None and (not isinstance(v, str) or v in POINTS)]


def figures(p: Progress) -> list[Figure]:
    n = len(p.exercises)
    x = (1.0, float(max(n, 2)))
    columns = ["", *[f"#{e.number}" for e in p.exercises]]
    ticks = [float(e.number) for e in p.exercises]
    rated = [r for r in p.capabilities if any(v in POINTS for v in r.values)]
    ratings = Chart("progress-capabilities", "Core capability ratings by exercise",
                    "Each core capability's rating (P, S, M or U) in each exercise.",
                    [Series(r.label, _points(r.values)) for r in rated], x, (0.0, 100.0), "exercise", "rating",
                    step=False, height=300 + 18 * max(0, (len(rated) + 1) // 2 - 1), x_ticks=ticks, legend_columns=2,
                    dots=True, y_ticks=[(POINTS[r], r) for r in ("U", "M", "S", "P")])
    timed = [t for t in p.timings if any(v is not None for v in t.values)]
    top = max((v for t in timed for v in t.values if v is not None), default=10.0)
    timing = Chart("progress-timings", "Key timings by exercise",
                   "Minutes to the first statement and to the crisis team's activation after the incident, and the "
                   "mean minutes from a rumour's spread to its correction, in each exercise (lower is faster).",
                   [Series(t.label.split(" (")[0], _points(t.values)) for t in timed], x, (0.0, max(10.0, top * 1.1)),
                   "exercise", "minutes", step=False, x_ticks=ticks, dots=True)
    return [
        Figure(ratings.id, ratings.title, ratings, columns,
               [[r.label, *[v or "-" for v in r.values]] for r in rated]),
        Figure(timing.id, timing.title, timing, columns,
               [[t.label, *[f"{v:.0f}" if v is not None else "-" for v in t.values]] for t in timed]),
    ]
