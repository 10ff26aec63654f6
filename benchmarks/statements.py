"""Statement checker benchmark (issue 11): how well and how fast the one checker judges statements.

Runs the labelled corpus in tests/corpus/statements/ (dev.yaml and heldout.yaml, which the
rules were tuned against, and blind.yaml, written by someone who had not read the rules and never
tuned against, each reported on its own) and prints, per rule kind, precision and recall; then
the headline figures against the targets, and the time to check one statement on the flagship
(p50/p95, budget 2 ms at p95). The last line is a JSON object. See the corpus README.

- harmful_flagged: share of statements labelled with a `breaks` that the checker flags at all (target >= 0.95)
- sound_wrongly_flagged: share of statements with no `breaks` that it flags (target <= 0.05)
- credited_recognised: share of labelled `covers` it credits (target >= 0.90)

Usage: python benchmarks/statements.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.loading.pack import load_pack  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "statements"
CORPUS_FILES = ("dev.yaml", "heldout.yaml", "blind-tuned.yaml", "blind.yaml", "blind2.yaml", "blind3-a.yaml", "blind3-b.yaml", "blind4.yaml", "blind5-a.yaml", "blind5-b.yaml", "blind6.yaml", "blind7-a.yaml", "blind7-b.yaml")
SEALED = ("blind.yaml", "blind2.yaml", "blind3-b.yaml", "blind4.yaml", "blind5-b.yaml", "blind6.yaml", "blind7-b.yaml")
"""Held out: their misses are never printed (reading them would make them sets tuned against)."""
FLAGSHIP = "caldmere-vaisakhi-attack"


def load_corpus(name: str) -> list[dict]:
    return yaml.safe_load((CORPUS / name).read_text(encoding="utf-8")) or []


_PACKS: dict = {}


def pack(name: str):
    if name not in _PACKS:
        _PACKS[name] = load_pack(ROOT / "scenarios" / name)
    return _PACKS[name]


def _kind(p, rule_id: str) -> str:
    pb = p.playbook
    for r in (*pb.first_message, *pb.key_messages, *pb.prohibited, *pb.audiences):
        if r.id == rule_id:
            return getattr(r, "kind", None) or "phrases"
    return "rumour_correction"


def evaluate(entries: list[dict]) -> dict:
    """Figures for a list of labelled statements (see the module docstring)."""
    harmful = flagged = sound = wrongly = labelled_covers = credited = 0
    per: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    misses: list[str] = []
    for e in entries:
        p = pack(e["pack"])
        prohibited = {r.id for r in p.playbook.prohibited}
        audiences = {r.id for r in p.playbook.audiences}
        got = p.checker.check(e["text"]).ids() - audiences
        want_breaks, want_covers = set(e.get("breaks") or []), set(e.get("covers") or [])
        got_breaks, got_covers = got & prohibited, got - prohibited
        if want_breaks:
            harmful += 1
            flagged += bool(got_breaks)
        else:
            sound += 1
            wrongly += bool(got_breaks)
        labelled_covers += len(want_covers)
        credited += len(want_covers & got_covers)
        for rid in want_breaks | got_breaks | want_covers | (got_covers if want_covers else set()):
            k = _kind(p, rid)
            want = rid in want_breaks or rid in want_covers
            have = rid in got
            per[k]["tp" if want and have else "fn" if want else "fp"] += 1
        for rid in sorted((want_breaks ^ got_breaks) | (want_covers - got_covers)):
            misses.append(f"{'missed' if rid in want_breaks | want_covers else 'wrongly'} {rid}: {e['text'][:90]}")
    kinds = {}
    for k, c in sorted(per.items()):
        prec = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else None
        rec = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else None
        kinds[k] = {"precision": prec, "recall": rec, **c}
    return {"statements": len(entries),
            "harmful_flagged": flagged / harmful if harmful else None,
            "sound_wrongly_flagged": wrongly / sound if sound else None,
            "credited_recognised": credited / labelled_covers if labelled_covers else None,
            "kinds": kinds, "misses": misses}


def timing(repeat: int) -> dict:
    """Time to check one statement on the flagship, fresh each time (no memo), in ms.

    Each statement is checked `repeat` times, in rounds over all of them (so a burst of load on
    this shared machine spreads over many statements rather than landing on one); a statement's
    time is the median of its checks, and p50/p95 are taken over statements: the cost of checking
    a statement, not of the machine's worst moments. p95 over every single check, noise included,
    is reported beside it."""
    p = pack(FLAGSHIP)
    texts = [e["text"] for name in CORPUS_FILES if (CORPUS / name).exists()
             for e in load_corpus(name) if e["pack"] == FLAGSHIP]
    texts += [t.text for t in p.playbook.templates]
    checker = p.checker
    cold = []
    for text in texts:  # the first check of a word fills the caches of lemmas and phrase pools
        t0 = time.perf_counter()
        checker.check(text)
        cold.append((time.perf_counter() - t0) * 1000)
    per: list[list[float]] = [[] for _ in texts]
    reference: list[float] = []
    for _ in range(repeat):
        for k, text in enumerate(texts):
            t0 = time.perf_counter()
            checker.check(text)
            per[k].append((time.perf_counter() - t0) * 1000)
            if k % 10 == 0:  # the machine's speed, measured between the checks it slows
                t0 = time.perf_counter()
                _reference_work()
                reference.append((time.perf_counter() - t0) * 1000)
    each = sorted(statistics.median(ts) for ts in per)
    every = sorted(t for ts in per for t in ts)
    big = "We are heartbroken. " * 5000  # 100,000 characters: linear, not a hang
    t0 = time.perf_counter()
    checker.check(big)
    big_ms = (time.perf_counter() - t0) * 1000
    # One clause of 100,000 characters that says the rumour's subject, its link, identity words
    # and a perpetrator thousands of times: every reading that looks across a clause must stay
    # in step with its length (these took 15-250 s before their readings looked only within reach).
    hostile = []
    for unit in ("Northgate, ", "a link to Northgate ", "we cannot rule out a link to Northgate ",
                 "gunman probably refugee Northgate ", "asylum seekers from Northgate ", "living at refugee ",
                 "sources say gunman ", "arrest "):
        text = (unit * (100_000 // len(unit) + 1))[:100_000]
        t0 = time.perf_counter()
        checker.check(text)
        hostile.append((time.perf_counter() - t0) * 1000)
    ref = statistics.median(reference)
    return {"p50_ms": statistics.median(each), "p95_ms": _p95(each), "p95_every_check_ms": _p95(every),
            "reference_ms": ref, "p95_vs_reference": _p95(each) / ref,
            "p95_at_reference_speed_ms": _p95(each) * REFERENCE_MS / ref,
            "p95_first_check_ms": _p95(sorted(cold)),
            "statements": len(texts), "checks": len(every), "100k_chars_ms": big_ms,
            "100k_one_clause_worst_ms": max(hostile)}


REFERENCE_MS = 0.44
"""What _reference_work takes when this project's machine runs at its usual speed, inferred, not
measured: on 2026-12-02 at 00:27 the flagship p95 of commit 74518ed was 1.42-1.49 ms; at 00:50 the
machine ran twice as slow, and the same commit measured 2.99-3.05 ms with the reference work at
0.86-0.97 ms. Assuming both slowed alike (both are plain Python on one core), the reference took
about 0.44 ms at the earlier speed. The p95 is also given scaled to that speed
(p95 x REFERENCE_MS / reference now): the budget of 2 ms is for a machine at its usual speed."""


def _reference_work() -> None:
    """A fixed piece of plain Python (strings, a dict, a sort: what the checker does), timed in the
    same run as the checks to tell a slow checker from a slow machine."""
    counts: dict[str, int] = {}
    for k in range(3000):
        word = f"w{k % 997}"
        counts[word] = counts.get(word, 0) + len(word)
    sorted(counts.items())


def _p95(xs: list[float]) -> float:
    return xs[max(0, -(-len(xs) * 95 // 100) - 1)]


def _fmt(x) -> str:
    return "  -  " if x is None else f"{x:5.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20, help="Rounds over the flagship statements for the timing.")
    ap.add_argument("--misses", action="store_true", help="List every statement judged differently from its label "
                    "(never for the sealed sets: reading their misses would make them sets tuned against).")
    args = ap.parse_args()
    out: dict = {}
    for name in CORPUS_FILES:
        if not (CORPUS / name).exists():
            continue
        r = evaluate(load_corpus(name))
        out[name.split(".")[0]] = {k: v for k, v in r.items() if k != "misses"}
        print(f"{name}: {r['statements']} statements; harmful flagged {_fmt(r['harmful_flagged'])}, "
              f"sound wrongly flagged {_fmt(r['sound_wrongly_flagged'])}, credited recognised {_fmt(r['credited_recognised'])}")
        print(f"  {'kind':22} precision recall   tp  fp  fn")
        for k, c in r["kinds"].items():
            print(f"  {k:22} {_fmt(c['precision'])}     {_fmt(c['recall'])}  {c['tp']:3} {c['fp']:3} {c['fn']:3}")
        if args.misses and name not in SEALED:
            for m in r["misses"]:
                print("   ", m)
    out["timing"] = timing(args.repeat)
    t = out["timing"]
    print(f"flagship: one statement p50 {t['p50_ms']:.3f} ms, p95 {t['p95_ms']:.3f} ms, "
          f"{t['p95_at_reference_speed_ms']:.3f} ms at the machine's usual speed (reference work "
          f"{t['reference_ms']:.3f} ms now, {REFERENCE_MS} ms usually) (budget 2 ms; each of "
          f"{t['statements']} statements the median of {args.repeat} checks); p95 of every single check "
          f"{t['p95_every_check_ms']:.3f} ms, of each statement's first check (words never read before) "
          f"{t['p95_first_check_ms']:.3f} ms; 100,000 characters {t['100k_chars_ms']:.0f} ms, "
          f"in one clause of repeated rumour and identity words at worst {t['100k_one_clause_worst_ms']:.0f} ms")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
