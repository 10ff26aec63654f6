"""House rules: the core never imports Textual; the committed schema is fresh; shipped files say what they are."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.models import MODEL_BY_KIND
from simulator.schema import schema_text

from .conftest import ROOT


def test_simulator_imports_without_textual():
    code = ("import sys, simulator, simulator.cli, simulator.commands_cli, simulator.session, simulator.replay, "
            "simulator.validate; bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'tui')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_simulator_module_mentions_textual():
    for path in (ROOT / "simulator").rglob("*.py"):
        text = path.read_text()
        assert "import textual" not in text and "from textual" not in text, path


@pytest.mark.parametrize("kind", list(MODEL_BY_KIND))
def test_committed_schema_is_up_to_date(kind):
    committed = (ROOT / "schema" / f"{kind}.schema.json").read_text()
    assert committed == schema_text(kind), f"schema/{kind}.schema.json is stale: run `tabletop schema --write schema`"


def shipped_yaml():
    return sorted([*(ROOT / "scenarios").rglob("*.yaml"), *(ROOT / "roles").glob("*.yaml")])


def test_there_are_shipped_files():
    assert any(p.name == "scenario.yaml" for p in shipped_yaml())


@pytest.mark.parametrize("path", shipped_yaml(), ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_yaml_has_schema_modeline_and_source(path):
    import yaml

    first = path.read_text().splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (path.parent / first.split("$schema=", 1)[1].strip()).resolve()
    kind = yaml.safe_load(path.read_text())["kind"]
    assert target == (ROOT / "schema" / f"{kind}.schema.json").resolve()
    assert "source:" in path.read_text()


def test_schema_is_valid_json_schema_document():
    for kind in MODEL_BY_KIND:
        data = json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text())
        assert data["$id"].endswith(f"{kind}.schema.json") and "properties" in data
