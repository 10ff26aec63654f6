"""The documentation tells the truth: every expectation the coverage table names exists."""

from __future__ import annotations

import re

from simulator.loading.pack import load_pack

from .conftest import ROOT


def test_coverage_table_names_real_expectations():
    text = (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    assert sections, "docs/coverage.md has a section per pack"
    shipped = {p.name for p in (ROOT / "scenarios").iterdir() if (p / "scenario.yaml").exists()}
    covered = set()
    for section in sections:
        pack_id = section.splitlines()[0].strip()
        assert pack_id in shipped, f"docs/coverage.md names an unknown pack '{pack_id}'"
        covered.add(pack_id)
        plan = {e.id for e in load_pack(ROOT / "scenarios" / pack_id).plan.expectations}
        rows = [line for line in section.splitlines() if line.startswith("|") and not line.startswith("|---")][1:]
        assert rows, pack_id
        for row in rows:
            cells = [c.strip() for c in row.strip("|").split("|")]
            named = {x.strip() for x in cells[-1].split(",") if x.strip()}
            assert named, row
            assert named <= plan, f"{pack_id}: {sorted(named - plan)} not in its plan"
    assert covered == shipped, f"packs without a coverage section: {sorted(shipped - covered)}"
