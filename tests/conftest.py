"""Shared fixtures: the mini pack used by core tests, and helpers to run sessions."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.engine.seats import all_staff
from simulator.loading.pack import load_pack
from simulator.session import Session

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def mini_pack():
    return load_pack(FIXTURES / "mini")


def strip_wall(text: str) -> list[str]:
    """Log lines with every wall_time removed (the only non-deterministic field)."""
    import json

    out = []
    for line in text.splitlines():
        data = json.loads(line)
        data.pop("wall_time", None)
        out.append(json.dumps(data, sort_keys=True))
    return out


def run_headless(pack, seed: int, policy: str, log: Path | None = None, competence: float = 1.0) -> Session:
    session = Session.start(pack, seed, all_staff(pack.scenario.roles, policy, competence), log)
    session.run_to_end()
    session.close()
    return session


def multilingual_pack_dir(tmp_path: Path) -> Path:
    """The mini pack with a third city language, so a draft can be in two languages other than
    the first (the composer's default)."""
    import shutil

    folder = tmp_path / "multilingual"
    shutil.copytree(FIXTURES / "mini", folder)
    scenario = folder / "scenario.yaml"
    text = scenario.read_text()
    assert text.count("languages: [English, Welsh]") == 1
    scenario.write_text(text.replace("languages: [English, Welsh]", "languages: [English, Welsh, Polish]"))
    return folder
