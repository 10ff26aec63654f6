"""Room mode benchmark (issue 12). Prints its figures; the last line is a JSON object.

A real `tabletop host --headless` process on loopback (the flagship scenario, every seat a
person, the clock paused so only the benchmark's commands make events), and N clients in this
process, spread over the role seats and the observer seat. The facilitator sends ad-hoc injects
to every role, one at a time; for each, the time from sending the command to the matching
event reaching the last of the N clients.

- p50_ms, p99_ms: that time. Budget: p99 <= 100 ms with 50 clients on these 2 cores.
- host_cpu_ratio: the host's CPU time per event with the N clients, against the same commands
  to the same kind of session with no client but the facilitator, in the same run.

Usage: python benchmarks/room.py [--clients N] [--commands N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
TABLETOP = str(Path(sys.executable).with_name("tabletop"))
SCENARIO = "caldmere-vaisakhi-attack"
PACE = 0.07
"""Seconds between commands: within the host's flood limit of 20 messages a second per connection."""


def host_cpu(pid: int) -> float:
    """CPU seconds (user + system) the process has used, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def hello(http, address, code):
    ws = await http.ws_connect(address, max_msg_size=0)
    await ws.send_str(json.dumps({"type": "hello", "code": code}))
    async for msg in ws:
        if '"type":"clock"' in msg.data:  # the welcome and the catch-up came first
            return ws
    raise RuntimeError("the host closed a connection")


async def measure(clients: int, commands: int, folder: Path) -> dict:
    codes_file = folder / f"codes-{clients}.json"
    host = subprocess.Popen([TABLETOP, "host", SCENARIO, "--headless", "--bind", "127.0.0.1:0", "--codes", str(codes_file),
                             "--log", str(folder / f"room-{clients}.jsonl")], cwd=folder,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            if codes_file.exists() and codes_file.stat().st_size:
                break
            await asyncio.sleep(0.1)
        codes = json.loads(codes_file.read_text())
        seats = [*codes["seats"].values(), codes["observer"]]
        async with aiohttp.ClientSession() as http:
            fac = await hello(http, codes["address"], codes["facilitator"])
            conns = [await hello(http, codes["address"], seats[n % len(seats)]) for n in range(clients)]
            waiting: dict[str, tuple[float, set[int], asyncio.Event]] = {}
            latencies: list[float] = []
            events = 0

            async def read(n: int, ws) -> None:
                async for msg in ws:
                    text = msg.data
                    if '"bench-' in text:
                        marker = text.split('bench-', 1)[1].split("\\", 1)[0].split('"', 1)[0]
                        entry = waiting.get(marker)
                        if entry is not None and n in entry[1]:
                            entry[1].discard(n)
                            if not entry[1]:
                                latencies.append(time.perf_counter() - entry[0])
                                entry[2].set()

            async def count_events() -> None:
                nonlocal events
                async for msg in fac:
                    if msg.data.startswith('{"type":"event"'):
                        events += 1

            readers = [asyncio.create_task(read(n, ws)) for n, ws in enumerate(conns)]
            counter = asyncio.create_task(count_events())
            await asyncio.sleep(0.5)
            cpu0, events0 = host_cpu(host.pid), events
            for i in range(commands):
                done = asyncio.Event()
                waiting[str(i)] = (time.perf_counter(), set(range(clients)) if clients else set(), done)
                await fac.send_str(json.dumps({"type": "command", "id": f"c{i}", "command": {
                    "type": "ad_hoc_inject", "title": f"bench-{i}", "body": "A benchmark inject.", "to": "all"}}))
                if clients:
                    await asyncio.wait_for(done.wait(), 10)
                else:
                    async with asyncio.timeout(10):
                        while events <= events0 + i:
                            await asyncio.sleep(0.001)
                await asyncio.sleep(PACE)
            await asyncio.sleep(0.3)
            cpu = host_cpu(host.pid) - cpu0
            n_events = events - events0
            for task in (*readers, counter):
                task.cancel()
            for ws in (fac, *conns):
                await ws.close()
    finally:
        host.send_signal(signal.SIGTERM)
        try:
            host.wait(20)
        except subprocess.TimeoutExpired:
            host.kill()
    return {"latencies": latencies, "cpu_per_event": cpu / max(1, n_events), "events": n_events}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--commands", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        alone = asyncio.run(measure(0, args.commands, Path(tmp)))
        full = asyncio.run(measure(args.clients, args.commands, Path(tmp)))
    lat = [x * 1000 for x in full["latencies"]]
    ratio = full["cpu_per_event"] / alone["cpu_per_event"] if alone["cpu_per_event"] else float("nan")
    print(f"{args.clients} clients, {args.commands} ad-hoc injects to every role, {full['events']} events")
    print(f"command -> event at every client: p50 {percentile(lat, 0.5):.1f} ms, p99 {percentile(lat, 0.99):.1f} ms, "
          f"max {max(lat):.1f} ms, mean {statistics.mean(lat):.1f} ms (budget: p99 <= 100 ms)")
    print(f"host CPU per event: {full['cpu_per_event'] * 1000:.2f} ms with {args.clients} clients, "
          f"{alone['cpu_per_event'] * 1000:.2f} ms with the facilitator alone (ratio {ratio:.2f})")
    print(json.dumps({"clients": args.clients, "p50_ms": round(percentile(lat, 0.5), 2),
                      "p99_ms": round(percentile(lat, 0.99), 2), "host_cpu_ratio": round(ratio, 2)}))


if __name__ == "__main__":
    main()
