"""Golden logs: what the engine wrote, line for line, for every shipped pack and the fixture packs,
under every staff policy, with people at the table, and with the older staff versions.

Why: the engine is tuned for speed (benchmarks/engine.py), and every such change must leave the
log byte-identical for the same scenario, seed and commands. tests/test_golden_logs.py plays each
exercise again and compares its lines with the ones recorded here, then verifies and resumes the
log it wrote. Only the wall-clock stamps (and so the chain links) are left out of the comparison.

The recording keeps, per pack, the hashes of the pack's files, and a fingerprint of the statement
checker's code: a pack or a checker changed since the recording plays differently by right, so the
test skips the comparison and says to record again:

    python -m tests.golden_logs --write

The recorded logs themselves must still verify whatever the checker has become: a log keeps the
verdicts it was played with (statements/kept.py), so a change to the rules never stops one from
replaying. The plays that stand for logs written before verdicts were kept (the older staff
versions) are the exception, and are verified only while the checker is unchanged.
"""

from __future__ import annotations

import argparse
import hashlib
import lzma
import json
import random
import re
from pathlib import Path

import simulator.statements
from simulator import logchain
from simulator.engine import commands as C
from simulator.engine.core import Engine
from simulator.engine.seats import Seat, all_staff
from simulator.loading.pack import Pack, load_pack
from simulator.loading.shipped import shipped_scenarios
from simulator.session import Session, header_for

from .drive import apply_op

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = FIXTURES / "golden" / "logs.json.xz"

_WALL = re.compile(r',"wall_time":(null|"[^"]*")')
_PATH = re.compile(r',"scenario_path":"[^"]*"')


def pack_dirs(folder: Path) -> list[Path]:
    """Every shipped pack, the fixture packs the staff-version logs were written over, and the
    engine benchmark's generated pack (written into `folder`): its load is the one tuned for."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("engine_benchmark", ROOT / "benchmarks" / "engine.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    (folder / "bench").mkdir()
    bench.synthetic_pack(folder / "bench", BENCH_INJECTS)
    return [p.parent for p in shipped_scenarios()] + [FIXTURES / "mini", FIXTURES / "chain", folder / "bench"]


BENCH_INJECTS = 200
BENCH_PLAYS = ("plan", "plan-slips", "people", "staff-v2")
"""The benchmark pack is large: it is played these ways only."""


PLAYS: dict[str, dict] = {
    "plan": {"seed": 1, "policy": "plan", "competence": 1.0},
    "plan-slips": {"seed": 2, "policy": "plan", "competence": 0.5},
    "random": {"seed": 3, "policy": "random", "competence": 0.8},
    "late": {"seed": 4, "policy": "late", "competence": 0.9},
    "idle": {"seed": 5, "policy": "idle", "competence": 1.0},
    "people": {"seed": 6, "policy": "plan", "competence": 0.6, "people": True},
    "people-2": {"seed": 8, "policy": "random", "competence": 0.7, "people": True},
    "staff-v2": {"seed": 7, "policy": "plan", "competence": 0.5, "staff": 2},
    "staff-v2-people": {"seed": 9, "policy": "plan", "competence": 0.6, "people": True, "staff": 2},
    "staff-v1": {"seed": 10, "policy": "plan", "competence": 0.7, "staff": 1},
}
"""Play name -> how it is played: seed, staff policy and competence, whether people sit in every
other seat (and send commands), and the staff version written in the header."""


def plays_for(pack_name: str) -> dict[str, dict]:
    return {k: v for k, v in PLAYS.items() if k in BENCH_PLAYS} if pack_name == "bench" else PLAYS


def seats_for(pack: Pack, play: dict) -> dict[str, Seat]:
    seats = all_staff(pack.scenario.roles, play["policy"], play["competence"])
    if play.get("people"):
        for role in sorted(pack.scenario.roles)[::2]:
            seats[role] = Seat(kind="human")
    return seats


def _overrule(session: Session, rng: random.Random) -> None:
    """Overrule a decision someone took, from the decider's supervisor, with another option."""
    engine = session.engine
    taken = sorted(i for i in engine.taken if i not in engine.overruled)
    if not taken:
        return
    inject = rng.choice(taken)
    decider, chosen, _at = engine.taken[inject]
    boss = engine.pack.roles[decider].reports_to or decider
    others = [o.id for o in engine.pack.injects[inject].decision.options if o.id != chosen]
    if others:
        session.submit(C.Overrule(by=boss, inject=inject, option=rng.choice(others), reason="Not this one."))


def _take_seat(session: Session, rng: random.Random) -> None:
    roles = sorted(session.engine.roles)
    seat = rng.choice([Seat(kind="human"), Seat(kind="staff", policy="plan", competence=0.7)])
    session.submit(C.TakeSeat(by=C.FACILITATOR, role=rng.choice(roles), seat=seat))


def _delegate(session: Session, rng: random.Random) -> None:
    pack = session.engine.pack
    holders = sorted((r, a) for r in pack.scenario.roles for a in pack.roles[r].delegable)
    if holders:
        by, authority = rng.choice(holders)
        to = rng.choice(sorted(r for r in pack.scenario.roles if r != by) or [by])
        session.submit(C.Delegate(by=by, to=to, authority=authority))


EXTRA = {"overrule": _overrule, "take_seat": _take_seat, "delegate": _delegate}


def script(seed: int, n: int = 70) -> list[tuple]:
    """A seeded list of operations (tests/drive.py's, and EXTRA's): mostly console ticks."""
    rng = random.Random(f"golden:{seed}")
    kinds = ["ticks"] * 8 + ["act", "say", "decide", "decide", "request", "answer", "answer", "fire", "adhoc",
                             "jump", "speed", "pause", "overrule", "overrule", "take_seat", "delegate"]
    ops: list[tuple] = []
    for _ in range(n):
        kind = rng.choice(kinds)
        if kind == "ticks":
            ops.append(("ticks", rng.randint(1, 12), round(rng.uniform(0.05, 4.0), 2)))
        elif kind == "speed":
            ops.append(("speed", rng.choice([0.5, 1.0, 4.0])))
        else:
            ops.append((kind, rng.randint(0, 20), rng.randint(0, 20)))
    return ops


def play_once(pack: Pack, play: dict, log: Path) -> Session:
    """Play one exercise into `log` (a Session, as the consoles and the CLI drive it)."""
    seats, seed = seats_for(pack, play), play["seed"]
    if "staff" in play:  # an older staff version: the header says so, as a log of that version did,
        # and, like one, it keeps no verdicts (they are judged by the checker of the day)
        engine = Engine(pack, seed, seats, staff_version=play["staff"], keep_verdicts=False)
        header = header_for(pack, seed, engine.seats).model_copy(update={"staff": play["staff"] or None, "verdicts": None})
        from simulator.log import LogWriter

        session = Session(engine, header, LogWriter(log))
        session.writer.header(header)  # type: ignore[union-attr]
        session._record(engine.drain())
    else:
        session = Session.start(pack, seed, seats, log)
    if play.get("people"):
        rng = random.Random(f"golden:extra:{seed}")
        for op in script(seed):
            if session.ended:
                break
            if op[0] in EXTRA:
                EXTRA[op[0]](session, rng)
            else:
                apply_op(session, op)
    session.run_to_end()
    session.close()
    return session


def comparable(path: Path) -> list[str]:
    """A log's lines as the engine and the writer made them, without wall-clock stamps, chain
    links or where the scenario was loaded from (the only parts another run may differ in)."""
    out = []
    for line in path.read_bytes().splitlines():
        content = logchain.split(line)[0].decode("utf-8")
        out.append(_PATH.sub("", _WALL.sub("", content)))
    return out


def keeps_verdicts(play: dict) -> bool:
    """Whether a play's log keeps its verdicts (every play but those standing for older logs)."""
    return "staff" not in play


def checker_fingerprint() -> str:
    """sha256 over the statement checker's source files (simulator/statements), in name order;
    not kept.py, which writes verdicts into the log (a change there must show in the comparison)."""
    digest = hashlib.sha256()
    for path in sorted(Path(simulator.statements.__file__).parent.glob("*.py")):
        if path.name == "kept.py":
            continue
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def rebuilt(lines: list[str], scenario_path: Path, log: Path) -> Path:
    """A recorded play written back as a log file: the scenario's path put back in the header and
    every line chained again (the recording leaves out only those and the wall-clock stamps)."""
    from .conftest import rechain

    header = json.loads(lines[0])
    header["scenario_path"] = str(scenario_path)
    rechain(log, [json.dumps(header, separators=(",", ":"), ensure_ascii=False)] + lines[1:])
    return log


def record(folder: Path) -> dict:
    """Play every pack every way into `folder`: pack name -> its file hashes and each play's lines."""
    out: dict = {}
    for pack_dir in pack_dirs(folder):
        pack = load_pack(pack_dir)
        plays = {}
        for name, play in plays_for(pack_dir.name).items():
            log = folder / f"{pack_dir.name}-{name}.jsonl"
            play_once(pack, play, log)
            plays[name] = comparable(log)
        out[pack_dir.name] = {"files": pack.files, "checker": checker_fingerprint(), "plays": plays}
    return out


def load_golden() -> dict:
    return json.loads(lzma.decompress(GOLDEN.read_bytes()))


def main() -> None:
    import tempfile

    parser = argparse.ArgumentParser(description="Record the golden logs (tests/test_golden_logs.py).")
    parser.add_argument("--write", action="store_true", help=f"rewrite {GOLDEN.relative_to(ROOT)}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        recorded = record(Path(tmp))
    lines = sum(len(p) for pack in recorded.values() for p in pack["plays"].values())
    print(f"{len(recorded)} packs, {lines} lines")
    if args.write:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_bytes(lzma.compress(json.dumps(recorded, indent=0, sort_keys=True).encode(), preset=9 | lzma.PRESET_EXTREME))
        print(f"wrote {GOLDEN.relative_to(ROOT)} ({GOLDEN.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
