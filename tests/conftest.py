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
    """Log lines with every wall_time removed (the only non-deterministic field), and so their
    chain links too (each link hashes its line, wall_time included)."""
    import json

    out = []
    for line in text.splitlines():
        data = json.loads(line)
        data.pop("wall_time", None)
        data.pop("chain", None)
        out.append(json.dumps(data, sort_keys=True))
    return out


def contents(path: Path) -> list[str]:
    """A log's lines without their chain links: the records as the engine wrote them."""
    from simulator import logchain

    return [logchain.split(line)[0].decode("utf-8") for line in path.read_bytes().splitlines()]


def rechain(path: Path, lines: list[str] | None = None) -> None:
    """Write `lines` (a log's lines, with or without their links) to `path` with the chain computed
    anew: what anyone can do after editing a log, since the chain is not keyed. Tests use it to reach
    the checks below the chain (replay), or to play a forger. Default: the file's own lines."""
    from simulator import logchain

    if lines is None:
        lines = path.read_text(encoding="utf-8").splitlines()
    link, out = logchain.START, []
    for line in lines:
        content, _old = logchain.split(line.encode("utf-8"))
        sealed, link = logchain.seal(link, content)
        out.append(sealed + b"\n")
    path.write_bytes(b"".join(out))


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
