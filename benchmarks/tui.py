"""Console benchmarks (issue 4), in one process with Textual's `run_test`. Prints its figures;
the last line is a JSON object.

- cold_start_s: from before `import tui` to the first screen (the setup screen) mounted and idle.
  Budget <= 1.0 s.
- burst_2000_s: a session tick that delivers 2,000 injects to two hot-seat consoles (and the
  facilitator's MSEL, log and gauges), folded and shown in batches. Reported, no budget.
- key_p95_ms: key-to-screen time at p95 with 2,000 injects delivered: the CPU time the app
  spends from a key press to a settled, composited screen (inbox moves, hot-seat console
  switches, tab changes, the composer with its live check, the approval dialog with the whole
  draft and its check, the jump dialog). Budget <= 50 ms, for every key: key_p95_by_key_ms.
  The top-level key_p95_ms and worst_key_p95_ms are the worst size's; each size's figures are
  under "sizes".
- tick_p95_ms: one clock tick of the exercise screen (clock bar, the deadline banner, a
  dialog's live countdown), four times a second while the clock runs. key_wall_p95_ms is the same in wall time, which
  includes Pilot's idle polling (~80 ms per press even in an empty app on these machines).

Both terminal sizes are measured by default, each with its own empty-app baseline: 80x24 (the
smallest supported) and 200x60 (a large terminal, where every frame paints 6x the cells);
`--size WxH` measures one. `within_budget` covers every key at every size measured.

Usage: python benchmarks/tui.py [--size WxH] [--injects N] [--keys N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = ("80x24", "200x60")
"""Measured by default: the smallest supported terminal and a large one."""
BUDGET_KEY_MS = 50
BUDGET_COLD_S = 1.0


async def cold_start() -> dict:
    t0 = time.perf_counter()
    from tui.app import make_app  # noqa: PLC0415  (the import is part of a cold start)
    from tui.config import RunConfig
    from tui.screens.setup import SetupScreen

    imported = time.perf_counter() - t0
    app = make_app(RunConfig(scenario=ROOT / "scenarios" / "caldmere-vaisakhi-attack" / "scenario.yaml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        first = time.perf_counter() - t0
        await pilot.press("ctrl+q")
    return {"cold_start_s": round(first, 3), "import_s": round(imported, 3)}


async def keys_with_many_injects(injects: int, presses: int, size: tuple[int, int]) -> dict:
    from benchmarks.engine import synthetic_pack
    from simulator.engine import commands as C
    from simulator.engine.seats import Seat
    from simulator.session import Session
    from tui.app import make_app
    from tui.config import RunConfig

    folder = Path(tempfile.mkdtemp())
    pack = synthetic_pack(folder, injects)
    session = Session.start(pack, 1, {"lead": Seat(), "aide": Seat()}, folder / "bench.jsonl")
    app = make_app(RunConfig(), session=session, wall=lambda: 0.0)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        t0 = time.perf_counter()
        session.advance_to(pack.scenario.clock.duration - 0.5)  # one tick that delivers every inject
        await pilot.pause()
        burst = time.perf_counter() - t0
        screen = app.screen
        delivered = len(screen.view.delivered)
        rows = screen.console("lead").inbox.option_count
        # Something for the dialogs: a draft from the aide waiting on the lead's approval.
        session.submit(C.RequestApproval(by="aide", to="lead", channel="website", languages=["English"],
                                         text="We are deeply saddened. Stay calm; the next update is at noon. " * 3))
        await pilot.pause()
        # '0' on a hot-seat role console asks for the facilitator's code (room mode's rule): the
        # code is typed (each character measured as "code_key") and Enter hands the screen to the
        # facilitator ("code_enter"), so the facilitator's keys that follow reach the facilitator's
        # console, not the code's input.
        plan = ["1", "down", "down", "up", "2", "down", "0", "code", "right_square_bracket", "right_square_bracket",
                "left_square_bracket", "1", "d", "i", "end", "home",
                "s", "escape", "1", "d", "enter", "escape", "0", "code", "g", "escape"]
        code = [c.lower() if c.isalpha() else c for c in screen.facilitator_code]
        keys: list[tuple[str, str]] = []
        for k in plan:
            keys += [("code_key", c) for c in code] + [("code_enter", "enter")] if k == "code" else [(k, k)]
        times, walls, by_key, handed_back, codes = [], [], {}, 0, 0
        for n in range(presses):
            label, key = keys[n % len(keys)]
            t, cpu = time.perf_counter(), time.process_time()
            await pilot.press(key)
            await pilot.pause()
            if label == "code_enter":
                codes += 1
                handed_back += app.screen is screen and screen.current == "facilitator"
            # Key to screen: the CPU the app spent from the key to a settled, composited screen.
            # Why CPU and not wall time: Pilot settles by sleeping until the loop is idle, which
            # adds ~80 ms of wall time per press even in an empty app, and the cores are shared
            # with other jobs; the work a key causes is what the budget is about. (An empty
            # app's press costs ~6 ms of CPU this way, Pilot's own polling included.)
            times.append((time.process_time() - cpu) * 1000)
            walls.append((time.perf_counter() - t) * 1000)
            by_key.setdefault(label, []).append(times[-1])
        ticks = []
        for _ in range(100):
            cpu = time.process_time()
            screen._tick()
            ticks.append((time.process_time() - cpu) * 1000)
        await pilot.press("ctrl+q")
    times.sort()
    ticks.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    if handed_back != codes:  # the facilitator's keys would be measured typing into the code's input
        raise SystemExit(f"benchmark broken: the facilitator's code handed the screen back {handed_back} of {codes} times")
    return {"injects_delivered": delivered, "inbox_rows": rows, "burst_2000_s": round(burst, 3),
            "key_p50_ms": round(statistics.median(times), 1), "key_p95_ms": round(p95, 1),
            "key_max_ms": round(times[-1], 1), "presses": presses,
            "key_wall_p95_ms": round(sorted(walls)[int(0.95 * (len(walls) - 1))], 1),
            "worst_key_ms": {k: round(max(v), 1) for k, v in by_key.items()},
            "key_p95_by_key_ms": {k: round(sorted(v)[int(0.95 * (len(v) - 1))], 1) for k, v in by_key.items()},
            "tick_p95_ms": round(ticks[int(0.95 * (len(ticks) - 1))], 2),
            "median_key_ms": {k: round(statistics.median(v), 1) for k, v in by_key.items()}}


async def empty_app_baseline(presses: int, size: tuple[int, int]) -> dict:
    """The same press-and-settle loop on an empty Textual app, in the same run: what Pilot and
    Textual cost per key before our app does anything (the baseline the key figures sit on)."""
    from textual.app import App
    from textual.widgets import Static

    class Empty(App):
        def compose(self):
            yield Static("empty")

    cpus, walls = [], []
    async with Empty().run_test(size=size) as pilot:
        await pilot.pause()
        for n in range(presses):
            t, cpu = time.perf_counter(), time.process_time()
            await pilot.press("down" if n % 2 else "up")
            await pilot.pause()
            cpus.append((time.process_time() - cpu) * 1000)
            walls.append((time.perf_counter() - t) * 1000)
    cpus.sort()
    walls.sort()
    return {"empty_key_p95_ms": round(cpus[int(0.95 * (len(cpus) - 1))], 1),
            "empty_key_wall_p95_ms": round(walls[int(0.95 * (len(walls) - 1))], 1)}


def measure_size(size: str, injects: int, presses: int) -> dict:
    """Key-to-screen figures at one terminal size, with the empty app's baseline at that size."""
    w, h = map(int, size.split("x"))
    keys = asyncio.run(keys_with_many_injects(injects, presses, (w, h)))
    print(f"[{size}] {keys['injects_delivered']} injects delivered in one tick, shown in {keys['burst_2000_s']:.3f} s "
          f"({keys['inbox_rows']} rows in each inbox)")
    print(f"[{size}] key to screen over {keys['presses']} presses: p50 {keys['key_p50_ms']} ms, "
          f"p95 {keys['key_p95_ms']} ms, max {keys['key_max_ms']} ms; budget p95 {BUDGET_KEY_MS} ms for every key")
    base = asyncio.run(empty_app_baseline(min(presses, 100), (w, h)))
    keys.update(base)
    keys["key_wall_p95_over_empty_ms"] = round(keys["key_wall_p95_ms"] - base["empty_key_wall_p95_ms"], 1)
    print(f"[{size}]   (wall clock with Pilot's settling, p95: {keys['key_wall_p95_ms']} ms; an empty Textual app at "
          f"this size: {base['empty_key_wall_p95_ms']} ms wall, {base['empty_key_p95_ms']} ms CPU; "
          f"wall over the empty app: {keys['key_wall_p95_over_empty_ms']} ms)")
    print(f"[{size}] median per key (ms): " + ", ".join(f"{k} {v}" for k, v in keys["median_key_ms"].items()))
    print(f"[{size}] worst per key (ms): " + ", ".join(f"{k} {v}" for k, v in keys["worst_key_ms"].items()))
    print(f"[{size}] p95 per key (ms): " + ", ".join(f"{k} {v}" for k, v in keys["key_p95_by_key_ms"].items()))
    print(f"[{size}] clock tick p95: {keys['tick_p95_ms']} ms")
    return keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--injects", type=int, default=2000)
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--size", default=None,
                        help=f"one terminal size, WxH (80x24 is the smallest supported); default: {' and '.join(SIZES)}")
    args = parser.parse_args()
    out = asyncio.run(cold_start())
    print(f"cold start to the setup screen: {out['cold_start_s']:.3f} s (imports {out['import_s']:.3f} s); "
          f"budget {BUDGET_COLD_S} s")
    sizes = [args.size] if args.size else list(SIZES)
    out["sizes"] = {size: measure_size(size, args.injects, args.keys) for size in sizes}
    # The headline figures are the worst size's; every size's figures are under "sizes".
    out["key_p95_ms"] = max(f["key_p95_ms"] for f in out["sizes"].values())
    out["worst_key_p95_ms"] = max(max(f["key_p95_by_key_ms"].values()) for f in out["sizes"].values())
    every_key = {size: max(f["key_p95_by_key_ms"].values()) <= BUDGET_KEY_MS for size, f in out["sizes"].items()}
    out["within_budget"] = {"cold_start_s": out["cold_start_s"] <= BUDGET_COLD_S,
                            "key_p95_ms": out["key_p95_ms"] <= BUDGET_KEY_MS,
                            "every_key_p95_ms": all(every_key.values()),
                            "every_key_p95_ms_by_size": every_key}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
