"""The mutation figures of the last `benchmarks/mutation.sh` run, per package and per module.

Reads mutmut's results (mutants/**/*.py.meta) and prints, for simulator/scoring and
simulator/engine: mutants, killed (timeouts count as killed: the mutant hung the tests),
survived, not reached by any test of the subset, and the kill rate over non-equivalent mutants.
A surviving mutant is set aside when benchmarks/mutation_equivalent.txt lists its module,
function and changed line (exactly, or as `re:` a regular expression) with the reason: either
equivalent (no test can tell it from the original) or, when the reason starts with "layout:",
a change of terminal styling only (colour, column width), which changes no word on screen. The
list is matched on the change itself, not on mutmut's numbering, so it survives edits elsewhere
in a function; entries that no longer match a survivor are printed as stale.

Usage: python benchmarks/mutation_report.py [--survivors] [--json] [--names]
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
EQUIVALENT = Path(__file__).resolve().parent / "mutation_equivalent.txt"
PACKAGES = ("simulator/scoring", "simulator/engine")
KILLED = {1, 3, 24, -24, 36, 152, 255}
"""mutmut exit codes for a mutant the tests caught (failure, pytest internal error, timeouts)."""
NO_TESTS = {5, 33}


def _functions(path: Path) -> dict[str, str]:
    """Function name -> source, for the mutated copy of a module (mutants and originals)."""
    text = path.read_text()
    lines = text.splitlines()
    out = {}
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and "__mutmut_" in node.name:
            out[node.name] = "\n".join(lines[node.lineno - 1:node.end_lineno])
    return out


def change(functions: dict[str, str], key: str) -> tuple[str, str, str]:
    """(function, old line, new line) of one mutant, each line stripped."""
    name = key.rsplit(".", 1)[1]
    base = name.rsplit("__mutmut_", 1)[0]
    # the def lines differ by name; a mutant of the signature (a default value) still shows
    old = functions.get(base + "__mutmut_orig", "").replace(base + "__mutmut_orig", "f", 1).splitlines()
    new = functions.get(name, "").replace(name, "f", 1).splitlines()
    minus = [line[1:].strip() for line in difflib.ndiff(old, new) if line.startswith("- ")]
    plus = [line[1:].strip() for line in difflib.ndiff(old, new) if line.startswith("+ ")]
    function = base[1:].replace("ǁ", ".").strip(".").lstrip("_")
    return function, " / ".join(minus), " / ".join(plus)


def load_equivalent() -> list[dict[str, str]]:
    """Entries of `module | function | old line | new line | reason`, one a line; '#' starts a comment."""
    out = []
    if not EQUIVALENT.exists():
        return out
    for number, raw in enumerate(EQUIVALENT.read_text().splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in raw.split(" | ")]
        if len(parts) != 5:
            sys.exit(f"{EQUIVALENT.name}:{number}: expected 'module | function | old | new | reason'")
        for key in (1, 2, 3):
            if parts[key].startswith("re:"):
                re.compile(parts[key][3:])
        out.append(dict(zip(("module", "function", "old", "new", "reason"), parts), line=number))
    return out


def _status(code: int | None) -> str:
    if code in KILLED:
        return "killed"
    if code == 0:
        return "survived"
    if code in NO_TESTS:
        return "no tests"
    return "not checked" if code is None else f"other ({code})"


def _matches(pattern: str, text: str) -> bool:
    return re.fullmatch(pattern[3:], text) is not None if pattern.startswith("re:") else pattern == text


def collect() -> list[dict]:
    rows = []
    for package in PACKAGES:
        for meta in sorted((MUTANTS / package).glob("*.py.meta")):
            module = f"{package}/{meta.name[:-5]}"
            functions: dict[str, str] | None = None
            for key, code in sorted(json.loads(meta.read_text())["exit_code_by_key"].items()):
                row = {"package": package, "module": module, "key": key, "status": _status(code),
                       "function": "", "old": "", "new": ""}
                if row["status"] in ("survived", "no tests"):
                    functions = functions if functions is not None else _functions(MUTANTS / module)
                    row["function"], row["old"], row["new"] = change(functions, key)
                rows.append(row)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survivors", action="store_true", help="list every surviving, non-equivalent mutant")
    parser.add_argument("--json", action="store_true", help="the figures as one JSON object")
    parser.add_argument("--names", action="store_true", help="only the names of the mutants still alive, one a line")
    args = parser.parse_args()
    if not MUTANTS.exists():
        print("no mutants/ folder: run benchmarks/mutation.sh first", file=sys.stderr)
        return 1
    rows = collect()
    equivalent = load_equivalent()
    used = set()
    for row in rows:
        if row["status"] != "survived":
            continue
        for entry in equivalent:
            if entry["module"] == row["module"] and all(_matches(entry[k], row[k]) for k in ("function", "old", "new")):
                row["status"] = "layout" if entry["reason"].startswith("layout:") else "equivalent"
                row["reason"] = entry["reason"]
                used.add(entry["line"])
                break

    if args.names:
        print("\n".join(r["key"] for r in rows if r["status"] in ("survived", "no tests")))
        return 0

    figures = {}
    scopes = [s for p in PACKAGES for s in (p, *sorted({r["module"] for r in rows if r["package"] == p}))]
    for scope in [*scopes, "all"]:
        mine = [r for r in rows if scope in ("all", r["module"], r["package"])]
        n = Counter(r["status"] for r in mine)
        judged = n["killed"] + n["survived"] + n["no tests"]
        figures[scope] = {"mutants": len(mine), "killed": n["killed"], "survived": n["survived"],
                          "no_tests": n["no tests"], "equivalent": n["equivalent"], "layout": n["layout"],
                          "not_checked": n["not checked"],
                          "kill_rate": round(100 * n["killed"] / judged, 1) if judged else None,
                          "kill_rate_with_layout": round(100 * n["killed"] / (judged + n["layout"]), 1)
                          if judged + n["layout"] else None}
    n = Counter(r["status"] for r in rows)

    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{'':38} {'mutants':>8} {'killed':>7} {'survived':>9} {'no test':>8} {'equiv.':>7} {'layout':>7} {'kill rate':>10}")
        for scope, f in figures.items():
            if scope in PACKAGES or scope == "all":
                print("-" * 100)
            rate = "-" if f["kill_rate"] is None else f"{f['kill_rate']:.1f}%"
            print(f"{scope:38} {f['mutants']:8} {f['killed']:7} {f['survived']:9} {f['no_tests']:8} {f['equivalent']:7} "
                  f"{f['layout']:7} {rate:>10}")
        print("kill rate = killed / (mutants - equivalent - layout); 'no test' counts as surviving. Equivalent and\n"
              "layout-only mutants, with reasons: benchmarks/mutation_equivalent.txt")
        if n["not checked"]:
            print(f"note: {n['not checked']} mutants were not checked (an interrupted run?)")
    stale = [e for e in equivalent if e["line"] not in used]
    for e in stale:
        print(f"stale: {EQUIVALENT.name}:{e['line']}: {e['module']} {e['function']}: no survivor changes '{e['old']}' "
              f"to '{e['new']}'", file=sys.stderr)
    if args.survivors:
        by_function = defaultdict(list)
        for r in rows:
            if r["status"] in ("survived", "no tests"):
                by_function[(r["module"], r["function"])].append(r)
        for (module, function), group in sorted(by_function.items()):
            print(f"\n{module} {function}")
            for r in group:
                tag = "" if r["status"] == "survived" else " [no test]"
                print(f"  {r['key'].rsplit('.', 1)[1]}{tag}: {r['old']}  ->  {r['new']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
