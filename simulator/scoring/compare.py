"""A what-if branch set beside its original: the score, the roll-ups and the findings that changed.

Why here, on scorecards: both logs are scored by the one scorer, so a difference is a difference in
what happened after the branch point, never in how it was judged. A branch's header names its
original (`branched_from: NAME@MINUTE`); two logs of one scenario that are not parent and child can
still be compared, and the comparison says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..loading.pack import Pack
from .model import SEVERITY, Finding, Rating, Rollup, Scorecard


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Side(_Frozen):
    log: str
    score: float | None
    findings: int


class Change(_Frozen):
    """One finding or roll-up that differs between the two exercises."""

    id: str
    title: str
    kind: Literal["finding", "objective", "capability", "role"]
    change: Literal["better", "worse", "new", "gone", "reworded"]
    original: Rating | None
    branch: Rating | None
    original_text: str | None
    branch_text: str | None


class Comparison(_Frozen):
    scenario: str
    original: Side
    branch: Side
    branched_at: float | None
    """The minute the branch was taken (None: the second log is not a branch of the first)."""
    score_change: float | None
    changes: list[Change]
    """Roll-ups first, then findings; worse before better before new, gone and reworded."""
    unchanged: int
    """Findings the same in both (everything before the branch point, at least)."""


def branch_point(branch_header, original: Path) -> float | None:
    """The minute `branch_header` says it was branched from `original` (None when it names another log)."""
    named = getattr(branch_header, "branched_from", None) or ""
    name, sep, minute = named.rpartition("@")
    if not sep or name != original.name:
        return None
    try:
        return float(minute)
    except ValueError:
        return None


Direction = Literal["better", "worse", "new", "gone", "reworded"]


def _direction(a: Rating | None, b: Rating | None) -> Direction:
    if a is None:
        return "new"
    if b is None:
        return "gone"
    if a == b:
        return "reworded"
    sa, sb = SEVERITY.get(a, -1), SEVERITY.get(b, -1)
    if sa == -1 or sb == -1:  # N/A on one side: rated on the other only
        return "new" if sa == -1 else "gone"
    return "better" if sb < sa else "worse"


ORDER = {"worse": 0, "better": 1, "new": 2, "gone": 3, "reworded": 4}


def compare_cards(original: Scorecard, branch: Scorecard, original_log: str, branch_log: str,
                  branched_at: float | None, pack: Pack) -> Comparison:
    """Every finding and roll-up whose rating or words differ, by id (a roll-up's reason in words, as
    the scorecard prints it)."""
    from ..report.reasons import rollup_reason

    changes: list[Change] = []
    rollups: list[tuple[Literal["objective", "capability", "role"], list[Rollup], list[Rollup]]] = [
        ("objective", original.objectives, branch.objectives), ("capability", original.capabilities, branch.capabilities),
        ("role", original.roles, branch.roles)]
    for kind, a_rows, b_rows in rollups:
        a_by, b_by = {r.id: r for r in a_rows}, {r.id: r for r in b_rows}
        for rid in dict.fromkeys([*a_by, *b_by]):
            ra, rb = a_by.get(rid), b_by.get(rid)
            if ra is not None and rb is not None and ra.rating == rb.rating:
                continue
            title = (ra or rb).title if (ra or rb) is not None else rid  # type: ignore[union-attr]
            changes.append(Change(id=rid, title=title, kind=kind,
                                  change=_direction(ra.rating if ra else None, rb.rating if rb else None),
                                  original=ra.rating if ra else None, branch=rb.rating if rb else None,
                                  original_text=rollup_reason(ra, original, pack) if ra else None,
                                  branch_text=rollup_reason(rb, branch, pack) if rb else None))
    a_f: dict[str, Finding] = {f.id: f for f in original.findings}
    b_f: dict[str, Finding] = {f.id: f for f in branch.findings}
    unchanged = 0
    for fid in dict.fromkeys([*a_f, *b_f]):
        fa, fb = a_f.get(fid), b_f.get(fid)
        if fa is not None and fb is not None and fa.rating == fb.rating and fa.explanation == fb.explanation:
            unchanged += 1
            continue
        title = (fa or fb).title if (fa or fb) is not None else fid  # type: ignore[union-attr]
        changes.append(Change(id=fid, title=title, kind="finding",
                              change=_direction(fa.rating if fa else None, fb.rating if fb else None),
                              original=fa.rating if fa else None, branch=fb.rating if fb else None,
                              original_text=fa.explanation if fa else None, branch_text=fb.explanation if fb else None))
    kinds = {"objective": 0, "capability": 1, "role": 2, "finding": 3}
    changes.sort(key=lambda c: (kinds[c.kind], ORDER[c.change], c.id))
    delta = (None if original.score is None or branch.score is None else round(branch.score - original.score, 1))
    return Comparison(scenario=original.scenario,
                      original=Side(log=original_log, score=original.score, findings=len(original.findings)),
                      branch=Side(log=branch_log, score=branch.score, findings=len(branch.findings)),
                      branched_at=branched_at, score_change=delta, changes=changes, unchanged=unchanged)


def compare_logs(original: Path, branch: Path) -> Comparison:
    """Verify and score both logs and compare them (raises LogError, located, when either is unsound
    or they are exercises of different scenarios)."""
    return compared(original, branch)[0]


def compared(original: Path, branch: Path) -> tuple[Comparison, Pack]:
    """`compare_logs`, with the pack both exercises were played from: what tells the changes in
    words (titles for ids, the story clock for minutes) when they are shown to people."""
    from ..log import LogError
    from ..replay import verify
    from .scorer import Scorer

    cards = []
    for path in (original, branch):
        result = verify(path)
        scorer = Scorer(result.pack)
        for line in result.log.lines:
            scorer.feed(line.number, line.data)
        cards.append((result, scorer.scorecard()))
    (a, a_card), (b, b_card) = cards
    if a.pack.scenario.id != b.pack.scenario.id:
        raise LogError(str(branch), 1, f"this is an exercise of '{b.pack.scenario.id}', not of "
                       f"'{a.pack.scenario.id}' like {original.name}: only runs of one scenario compare finding by finding "
                       "(`tabletop progress` compares scenarios by capability)")
    return compare_cards(a_card, b_card, original.name, branch.name, branch_point(b.log.header, original), a.pack), a.pack
