"""Batch runs: many headless exercises with simulated staff, scored, to measure a scenario before
anyone sits down: which injects fire, which branches are taken, how scores spread per policy, and
which decisions move the score most.

Each run is the same engine and scorer as `tabletop simulate` and `tabletop score`; runs are
spread over worker processes. Results are collected by (policy, seed) and reported in that
order, so the same arguments give the same report whatever order the workers finish in.
"""

from __future__ import annotations

import os
import statistics
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..engine import events as E
from ..engine.seats import Policy
from ..loading.pack import Pack, load_pack

RATINGS = ("P", "S", "M", "U", "N/A")


@dataclass(frozen=True)
class RunResult:
    policy: str
    seed: int
    score: float | None
    delivered: tuple[str, ...]
    chosen: tuple[tuple[str, str], ...]
    """(decision inject, option) however each decision was settled."""
    objectives: tuple[str, ...]
    """The HSEEP rating of each objective, in scenario order."""


def run_one(pack: Pack, policy: Policy, seed: int) -> RunResult:
    """Play one exercise headless with every seat on `policy`, and score it."""
    from ..engine.seats import all_staff
    from ..scoring import score_lines
    from ..session import Session

    session = Session.start(pack, seed, all_staff(pack.scenario.roles, policy))
    session.run_to_end()
    session.close()
    # Line numbers as in a log file: line 1 is the header, events follow.
    card = score_lines(pack, ((n, e.to_dict()) for n, e in enumerate(session.events, start=2)))
    delivered, chosen = [], []
    for e in session.events:
        if isinstance(e, E.InjectDelivered):
            delivered.append(e.inject)
        elif isinstance(e, (E.DecisionMade, E.DecisionLapsed)) and e.option is not None:
            chosen.append((e.inject, e.option))  # a lapsed decision counts when its on_timeout option applied
    return RunResult(policy, seed, card.score, tuple(delivered), tuple(chosen), tuple(r.rating for r in card.objectives))


_PACK: Pack | None = None


def _init_worker(path: str) -> None:
    global _PACK
    _PACK = load_pack(Path(path))


def _work(task: tuple[Policy, int]) -> RunResult:
    assert _PACK is not None
    return run_one(_PACK, *task)


def default_workers() -> int:
    """Both cores of the machine the project targets, never more than it has."""
    return max(1, min(2, os.cpu_count() or 1))


def run_batch(scenario_path: Path, policies: list[Policy], runs: int, workers: int | None = None,
              progress: Callable[[int], None] | None = None) -> tuple[Pack, list[RunResult]]:
    """`runs` seeded runs (seeds 1..runs) for each policy; `progress(n)` after each finished run."""
    pack = load_pack(scenario_path)
    tasks = [(p, seed) for p in policies for seed in range(1, runs + 1)]
    workers = workers or default_workers()
    results: dict[tuple[Policy, int], RunResult] = {}
    if workers == 1 or len(tasks) == 1:
        for task in tasks:
            results[task] = run_one(pack, *task)
            if progress:
                progress(1)
    else:
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                                 initargs=(str(pack.scenario_path),)) as pool:
            # Chunks keep the inter-process traffic small; ordered map keeps the results in task order.
            chunk = max(1, min(8, len(tasks) // (workers * 4)))
            for task, result in zip(tasks, pool.map(_work, tasks, chunksize=chunk)):
                results[task] = result
                if progress:
                    progress(1)
    return pack, [results[t] for t in tasks]


def _stats(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"min": None, "median": None, "mean": None, "max": None}
    return {"min": round(min(values), 1), "median": round(statistics.median(values), 1),
            "mean": round(statistics.fmean(values), 1), "max": round(max(values), 1)}


def report(pack: Pack, results: list[RunResult], policies: list[Policy], runs: int) -> dict[str, Any]:
    """Coverage, score distribution per policy and the decisions that swing the score most."""
    s = pack.scenario
    fired = Counter(i for r in results for i in set(r.delivered))
    injects = [i.id for i in s.injects]
    options = [(i.id, o.id) for i in s.injects if i.decision is not None for o in i.decision.options]
    taken = Counter(c for r in results for c in set(r.chosen))
    scores = {}
    for p in policies:
        mine = [r for r in results if r.policy == p]
        ratings = Counter(x for r in mine for x in r.objectives)
        scores[p] = {"runs": len(mine), **_stats([r.score for r in mine if r.score is not None]),
                     "objective_ratings": {k: ratings.get(k, 0) for k in RATINGS}}
    return {
        "scenario": s.id,
        "title": s.title,
        "policies": policies,
        "runs_per_policy": runs,
        "seeds": [1, runs],
        "runs": len(results),
        "injects": {"total": len(injects), "fired": sum(1 for i in injects if fired[i]),
                    "coverage": _pct(sum(1 for i in injects if fired[i]), len(injects)),
                    "runs_delivering": {i: fired[i] for i in injects}},
        "never_fired": [i for i in injects if not fired[i]],
        "branches": {"total": len(options), "chosen": sum(1 for o in options if taken[o]),
                     "coverage": _pct(sum(1 for o in options if taken[o]), len(options)),
                     "runs_choosing": {f"{d}/{o}": taken[(d, o)] for d, o in options},
                     "never_chosen": [f"{d}/{o}" for d, o in options if not taken[(d, o)]]},
        "scores": scores,
        "swings": _swings(pack, results, options),
    }


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 100.0


def _swings(pack: Pack, results: list[RunResult], options: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """For each option: how much higher the score is in runs that chose it than in runs that did not.

    Why within each policy: a 'plan' team both picks the recommended option and does everything
    else right, so comparing across policies would credit the option with the whole team's work.
    The difference is taken inside each policy whose runs went both ways, then averaged, weighted
    by that policy's runs; options no policy split on are left out.
    """
    scored = [(r.policy, r.chosen, r.score) for r in results if r.score is not None]
    labels = {(i.id, o.id): o.label for i in pack.scenario.injects if i.decision for o in i.decision.options}
    policies = list(dict.fromkeys(policy for policy, _, _ in scored))
    out: list[dict[str, Any]] = []
    for d, o in options:
        parts: list[tuple[int, float]] = []
        with_all: list[float] = []
        without_all: list[float] = []
        for p in policies:
            with_ = [score for policy, chosen, score in scored if policy == p and (d, o) in chosen]
            without = [score for policy, chosen, score in scored if policy == p and (d, o) not in chosen]
            if with_ and without:
                parts.append((len(with_) + len(without), statistics.fmean(with_) - statistics.fmean(without)))
                with_all += with_
                without_all += without
        if not parts:
            continue
        diff = sum(n * x for n, x in parts) / sum(n for n, _ in parts)
        out.append({"inject": d, "option": o, "label": labels[(d, o)], "runs_with": len(with_all),
                    "runs_without": len(without_all), "mean_with": round(statistics.fmean(with_all), 1),
                    "mean_without": round(statistics.fmean(without_all), 1), "difference": round(diff, 1)})
    out.sort(key=lambda x: (-abs(x["difference"]), x["inject"], x["option"]))
    return out


def report_text(rep: dict[str, Any], top: int = 10) -> str:
    """The report for the terminal, within 80 columns."""
    inj, br = rep["injects"], rep["branches"]
    lines = [f"{rep['title']} ({rep['scenario']})",
             f"  {rep['runs_per_policy']} run(s) per policy x {len(rep['policies'])} = {rep['runs']} runs, "
             f"seeds 1..{rep['runs_per_policy']}",
             "",
             f"Injects: {inj['fired']} of {inj['total']} delivered in at least one run ({inj['coverage']:g}%)",
             "  never fired: " + (", ".join(rep["never_fired"]) or "none"),
             f"Branches: {br['chosen']} of {br['total']} decision options chosen in at least one run ({br['coverage']:g}%)",
             "  never chosen: " + (", ".join(br["never_chosen"]) or "none"),
             "",
             "Scores (0-100)     runs    min  median   mean    max   objectives P/S/M/U/NA"]
    for p, sc in rep["scores"].items():
        cells = " ".join(f"{sc[k]:>6.1f}" if sc[k] is not None else "     -" for k in ("min", "median", "mean", "max"))
        r = sc["objective_ratings"]
        lines.append(f"  {p:<16} {sc['runs']:>4} {cells}   {'/'.join(str(r[k]) for k in RATINGS)}")
    lines += ["", "Decisions that swing the score most (within a policy, runs choosing vs not;",
              "  an association in these runs, not proof of cause; * fewer than 5 runs a side):"]
    if not rep["swings"]:
        lines.append("  none: every option was chosen in all runs or in none")
    for sw in rep["swings"][:top]:
        few = "*" if min(sw["runs_with"], sw["runs_without"]) < 5 else ""
        name = f"{sw['inject']}/{sw['option']}{few}"
        lines.append(f"  {name[:34]:<34} {sw['difference']:>+6.1f}  ({sw['runs_with']} vs {sw['runs_without']} runs: "
                     f"{sw['mean_with']:.1f} vs {sw['mean_without']:.1f})")
    return "\n".join(line[:80] for line in lines) + "\n"
