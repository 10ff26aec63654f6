"""Engine benchmarks (issue 2). Prints its figures; the last line is a JSON object.

- engine_vs_simpy: the engine's wall time per emitted event, against bare SimPy processing
  the same number of timeout events (each recording a small dict), in the same run. Budget <= 3.0.
- runs_1000_s: 1,000 seeded 'plan' runs of the flagship scenario on both cores. Budget <= 10 s.
- fsync_commands_per_s: commands made durable per second through the session's log. Budget >= 500.

Usage: python benchmarks/engine.py [--runs N] [--injects N]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sys
import tempfile
import time
from pathlib import Path

import simpy
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.engine import commands as C  # noqa: E402
from simulator.engine.core import Engine  # noqa: E402
from simulator.engine.seats import Seat, all_staff  # noqa: E402
from simulator.loading.pack import load_pack  # noqa: E402
from simulator.loading.shipped import shipped_scenarios  # noqa: E402
from simulator.session import Session  # noqa: E402


def synthetic_pack(folder: Path, injects: int):
    """A large generated scenario: many scheduled injects with effects, dynamics and triggers."""
    duration = 10_000
    roles = ["lead", "aide"]
    for r in roles:
        (folder / "roles").mkdir(exist_ok=True)
        (folder / "roles" / f"{r}.yaml").write_text(yaml.safe_dump({
            "kind": "role", "id": r, "title": r, "brief": "Benchmark role.", "source": "benchmark",
            "reports_to": None if r == "lead" else "lead",
            "actions": [{"id": f"{r}.act{i}", "label": "Act", "description": "Act.", "category": "operations"} for i in range(5)],
        }))
    scenario = {
        "kind": "scenario", "id": "bench", "title": "Benchmark", "summary": "Load.", "threat": "None", "source": "benchmark",
        "city": {"name": "Benchtown", "description": "Fictional.", "languages": ["English"]},
        "clock": {"start": "00:00", "duration": duration, "tick": 10},
        "objectives": [{"id": "O1", "title": "Cope", "capability": "Operational Coordination"}],
        "modules": [{"id": "M1", "title": "All", "phase": "initial", "starts_at": 0, "discussion_questions": ["Why?"]}],
        "state": [{"id": "tension", "label": "Tension", "initial": 50}, {"id": "trust", "label": "Trust", "initial": 50}],
        "dynamics": [{"var": "trust", "rate": 0.001, "noise": 0.1}],
        "senders": [{"id": "desk", "name": "Desk", "kind": "dispatcher"}],
        "roles": roles, "plan": "plan.yaml", "playbook": "playbook.yaml",
        "injects": [
            {"id": f"I{i}", "at": round(i * (duration - 1) / injects, 3), "from": "desk", "to": "all", "channel": "radio",
             "title": f"Update {i}", "body": "Routine traffic.", "severity": "low",
             "effects": {"tension": 0.01 if i % 2 else -0.01}}
            for i in range(injects)
        ] + [{"id": f"T{k}", "trigger": {"state": "trust", "above": 60 + k}, "from": "desk", "to": ["lead"],
              "channel": "news", "title": "Trust up", "body": "Good news."} for k in range(10)],
    }
    plan = {"kind": "response_plan", "id": "p", "title": "Plan", "source": "benchmark", "expectations": [
        {"id": f"P{k}", "role": roles[k % 2], "description": "Act", "action": f"{roles[k % 2]}.act{k % 5}",
         "trigger": {"delivered": f"I{k * 10}"}, "within": 30, "objective": "O1", "capability": "Operational Coordination",
         "source": "benchmark"} for k in range(20)]}
    playbook = {"kind": "playbook", "id": "pb", "title": "Playbook", "source": "benchmark",
                "first_statement": {"within": 30, "source": "benchmark"},
                "messengers": [{"role": "lead", "source": "benchmark"}]}
    for name, data in (("scenario.yaml", scenario), ("plan.yaml", plan), ("playbook.yaml", playbook)):
        (folder / name).write_text(yaml.safe_dump(data, sort_keys=False))
    return load_pack(folder)


def bare_simpy(n_events: int, ticks: int) -> float:
    """Bare SimPy: the same number of timeouts, each handing a small record to the consumer."""
    env = simpy.Environment()
    seen = [0]

    def consume(record: dict) -> None:
        seen[0] += 1

    def injects():
        for i in range(n_events - ticks):
            yield env.timeout(1)
            consume({"type": "inject", "t": env.now, "i": i})

    def dynamics():
        for _ in range(ticks):
            yield env.timeout(1)
            consume({"type": "tick", "t": env.now})

    env.process(injects())
    env.process(dynamics())
    start = time.perf_counter()
    env.run()
    return time.perf_counter() - start


def stream_engine(pack, seats, chunks: int = 200) -> tuple[float, int]:
    """Drive the engine the way a session does, a stretch of exercise time at a time, handing
    each stretch's events to the consumer (which counts them, as the SimPy baseline does)."""
    engine = Engine(pack, 1, seats)
    end = pack.scenario.clock.duration
    start = time.perf_counter()
    n = len(engine.drain())
    for k in range(1, chunks + 1):
        n += len(engine.advance_to(end * k / chunks))
    return time.perf_counter() - start, n


def engine_vs_simpy(injects: int, repeats: int = 5) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        pack = synthetic_pack(Path(tmp), injects)
        seats = all_staff(pack.scenario.roles, "plan")
        runs = [stream_engine(pack, seats) for _ in range(repeats)]
        best_engine, n_events = min(r[0] for r in runs), runs[0][1]
        ticks = int(pack.scenario.clock.duration / pack.scenario.clock.tick)
        best_simpy = min(bare_simpy(n_events, ticks) for _ in range(repeats))
    ratio = best_engine / best_simpy
    print(f"engine: {n_events} events in {best_engine:.3f} s ({best_engine / n_events * 1e6:.2f} us/event)")
    print(f"simpy:  {n_events} events in {best_simpy:.3f} s ({best_simpy / n_events * 1e6:.2f} us/event)")
    print(f"engine_vs_simpy = {ratio:.2f} (budget <= 3.0)")
    return {"engine_vs_simpy": round(ratio, 3), "events": n_events}


_PACK = None


def _init(path: str) -> None:
    global _PACK
    _PACK = load_pack(Path(path))


def _one_run(seed: int) -> int:
    engine = Engine(_PACK, seed, all_staff(_PACK.scenario.roles, "plan"))
    return len(engine.drain()) + len(engine.run_to_end())


FLAGSHIP = "caldmere-vaisakhi-attack"


def flagship() -> Path:
    """The flagship by name (the first pack in folder order changes as packs are added)."""
    found = [p for p in shipped_scenarios() if p.parent.name == FLAGSHIP] or shipped_scenarios()
    return found[0] if found else ROOT / "tests" / "fixtures" / "mini" / "scenario.yaml"


def runs(n: int) -> dict:
    path = flagship()
    start = time.perf_counter()
    with mp.get_context("fork").Pool(2, initializer=_init, initargs=(str(path),)) as pool:
        counts = pool.map(_one_run, range(n), chunksize=max(1, n // 40))
    elapsed = time.perf_counter() - start
    scaled = elapsed * 1000 / n
    print(f"runs: {n} plan runs of {path.parent.name} on 2 cores in {elapsed:.2f} s "
          f"({sum(counts) / n:.0f} events/run); scaled to 1,000 runs: {scaled:.2f} s (budget <= 10)")
    return {"runs_1000_s": round(scaled, 3), "runs": n, "scenario": path.parent.name}


def fsync_rate(n: int = 2000) -> dict:
    pack = load_pack(ROOT / "tests" / "fixtures" / "mini")
    with tempfile.TemporaryDirectory() as tmp:
        session = Session.start(pack, 1, {r: Seat() for r in pack.scenario.roles}, Path(tmp) / "log.jsonl")
        start = time.perf_counter()
        for i in range(n):
            session.submit(C.ObserverNote(by="facilitator", text=f"note {i}"))
        elapsed = time.perf_counter() - start
        session.close()
    rate = n / elapsed
    print(f"fsync: {n} durable commands in {elapsed:.2f} s = {rate:.0f}/s (budget >= 500)")
    return {"fsync_commands_per_s": round(rate, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--injects", type=int, default=10_000)
    args = parser.parse_args()
    figures = {}
    figures.update(engine_vs_simpy(args.injects))
    figures.update(runs(args.runs))
    figures.update(fsync_rate())
    budgets = {"engine_vs_simpy": figures["engine_vs_simpy"] <= 3.0, "runs_1000_s": figures["runs_1000_s"] <= 10,
               "fsync_commands_per_s": figures["fsync_commands_per_s"] >= 500}
    figures["within_budget"] = budgets
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
