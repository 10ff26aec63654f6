"""Runs of words our packs and docs share with the Strong Cities guides.

Why: the guides' sentences belong to their authors (seeds/README.md: take duties and principles,
write our own words). A source note or a coverage row that repeats a long run of a guide's words
is copied wording. This module finds such runs, and keeps a fingerprint of the guides' 8-word runs
(hashes only, no text) so the test can run where the guides are not on disk.

    python -m tests.copied_wording --seeds ../shared/seeds --min 6          # report shared runs
    python -m tests.copied_wording --seeds ../shared/seeds --fingerprint    # rewrite the fingerprint
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FINGERPRINT = Path(__file__).parent / "fixtures" / "seed_runs8.gz"
RUN = 8
"""Words in a run the test refuses: long enough that a shared run is not a common phrase."""

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("-", " ")
    return _WORD.findall(text)


def grams(ws: list[str], n: int) -> Iterator[tuple[int, tuple[str, ...]]]:
    for i in range(len(ws) - n + 1):
        yield i, tuple(ws[i:i + n])


def digest(gram: tuple[str, ...]) -> int:
    return int.from_bytes(hashlib.blake2b(" ".join(gram).encode(), digest_size=5).digest(), "big")


def seed_texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def load_fingerprint(path: Path = FINGERPRINT) -> set[int]:
    data = gzip.decompress(path.read_bytes())
    return {int.from_bytes(data[i:i + 5], "big") for i in range(0, len(data), 5)}


def write_fingerprint(folder: Path, path: Path = FINGERPRINT) -> int:
    hashes = sorted({digest(g) for t in seed_texts(folder) for _, g in grams(words(t), RUN)})
    path.write_bytes(gzip.compress(b"".join(h.to_bytes(5, "big") for h in hashes), mtime=0))
    return len(hashes)


# ---- our text -----------------------------------------------------------------------------------

def _sources(node, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "source" and isinstance(v, str):
                yield where, v
            else:
                yield from _sources(v, f"{where}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _sources(v, f"{where}[{i}]")


def source_notes(root: Path = ROOT) -> Iterator[tuple[str, str]]:
    """(file and field, text) of every `source:` note of every pack and shared role."""
    files = sorted(root.glob("scenarios/*/*.yaml")) + sorted(root.glob("scenarios/*/roles/*.yaml")) + sorted(root.glob("roles/*.yaml"))
    for f in files:
        yield from _sources(yaml.safe_load(f.read_text(encoding="utf-8")), str(f.relative_to(root)))


def coverage_rows(root: Path = ROOT) -> Iterator[tuple[str, str]]:
    """(place, text) of every table row and every bullet of docs/coverage.md."""
    path = root / "docs" / "coverage.md"
    for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("|") or line.lstrip().startswith("- "):
            yield f"docs/coverage.md:{k}", line


def all_text(root: Path = ROOT) -> Iterator[tuple[str, str]]:
    """Every text field of the packs and roles, and every line of the docs: for the report."""
    files = sorted(root.glob("scenarios/*/*.yaml")) + sorted(root.glob("scenarios/*/roles/*.yaml")) + sorted(root.glob("roles/*.yaml"))

    def walk(node, where):
        if isinstance(node, dict):
            for k, v in node.items():
                yield from walk(v, f"{where}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from walk(v, f"{where}[{i}]")
        elif isinstance(node, str) and len(node.split()) >= 6:
            yield where, node

    for f in files:
        yield from walk(yaml.safe_load(f.read_text(encoding="utf-8")), str(f.relative_to(root)))
    for f in sorted((root / "docs").glob("*.md")):
        for k, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            yield f"{f.relative_to(root)}:{k}", line


def copied(text: str, known: set[int], n: int = RUN) -> list[str]:
    """Runs of n or more words of `text` whose every n-word window is in `known` (merged)."""
    ws = words(text)
    hit = [i for i, g in grams(ws, n) if digest(g) in known]
    runs: list[str] = []
    start = end = None
    for i in hit:
        if start is not None and i <= end:
            end = i + n
            continue
        if start is not None:
            runs.append(" ".join(ws[start:end]))
        start, end = i, i + n
    if start is not None:
        runs.append(" ".join(ws[start:end]))
    return runs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=Path, required=True, help="Folder of the guides' .txt files.")
    ap.add_argument("--min", type=int, default=6, help="Shortest shared run to report (words).")
    ap.add_argument("--all", action="store_true", help="Every text field, not only source notes and coverage rows.")
    ap.add_argument("--fingerprint", action="store_true", help="Rewrite tests/fixtures/seed_runs8.gz from the guides.")
    args = ap.parse_args(argv)
    if args.fingerprint:
        print(f"{write_fingerprint(args.seeds):,} runs of {RUN} words fingerprinted to {FINGERPRINT}")
        return 0
    known = {digest(g) for t in seed_texts(args.seeds) for _, g in grams(words(t), args.min)}
    found = 0
    texts = all_text() if args.all else [*source_notes(), *coverage_rows()]
    for where, text in texts:
        for run in copied(text, known, args.min):
            found += 1
            print(f"{where}: {run}")
    print(f"{found} shared run(s) of {args.min}+ words", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
