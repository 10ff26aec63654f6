"""The documentation tells the truth: every expectation the coverage tables name exists."""

from __future__ import annotations

import re

from simulator.loading.pack import load_pack

from .conftest import ROOT


def _tables(section: str):
    """Each markdown table of a section as (header cells, body rows of cells)."""
    block: list[list[str]] = []
    for line in section.splitlines() + [""]:
        if line.startswith("|"):
            block.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif block:
            yield block[0], [row for row in block[1:] if not set("".join(row)) <= set("-: ")]
            block = []


def _named(cell: str) -> set[str]:
    if cell.startswith("—") or cell.startswith("("):
        return set()
    ticked = re.findall(r"`([^`]+)`", cell)
    names = ticked or [re.sub(r"\(.*?\)", "", x).strip() for x in re.split(r"[,;]", cell)]
    return {n for n in names if n}


def test_coverage_tables_name_real_expectations():
    text = (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    shipped = {p.name for p in (ROOT / "scenarios").iterdir() if (p / "scenario.yaml").exists()}
    covered = set()
    for section in sections:
        pack_id = section.splitlines()[0].strip()
        assert pack_id in shipped, f"docs/coverage.md names an unknown pack '{pack_id}'"
        covered.add(pack_id)
        plan = {e.id for e in load_pack(ROOT / "scenarios" / pack_id).plan.expectations}
        named_in_pack: set[str] = set()
        for header, rows in _tables(section):
            col = next((i for i, h in enumerate(header) if h.lower() in ("expectations", "plan steps")), None)
            if col is None:
                continue
            assert rows, pack_id
            for row in rows:
                named = _named(row[col])
                assert named <= plan, f"{pack_id}: {sorted(named - plan)} are not plan steps"
                named_in_pack |= named
        assert len(named_in_pack) >= len(plan) // 2, f"{pack_id}: the table covers too few plan steps"
    assert covered == shipped, f"packs without a coverage section: {sorted(shipped - covered)}"
