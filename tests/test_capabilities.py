"""HSEEP core capabilities: one list, every pack names them exactly, near misses get 'did you mean'."""

from __future__ import annotations

import shutil

import pytest

from simulator.models.capabilities import CORE_CAPABILITIES, closest_capabilities, find_capability
from simulator.validate import validate_paths

from .conftest import FIXTURES


def test_the_list_is_fema_s_32_core_capabilities():
    assert len(CORE_CAPABILITIES) == 32 == len(set(CORE_CAPABILITIES))
    assert {"Public Information and Warning", "Operational Coordination", "Mass Care Services",
            "On-scene Security, Protection, and Law Enforcement"} <= set(CORE_CAPABILITIES)


def test_spelling_that_does_not_change_the_name_is_the_name():
    assert find_capability("public information & warning") == "Public Information and Warning"
    assert find_capability("ON-SCENE security protection and law enforcement") == "On-scene Security, Protection, and Law Enforcement"
    assert find_capability("Crowd management") is None
    assert closest_capabilities("Operational Cordination")[0] == "Operational Coordination"


def _pack_with(tmp_path, capability: str):
    pack = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", pack)
    scenario = pack / "scenario.yaml"
    scenario.write_text(scenario.read_text().replace("capability: Operational Coordination}", f"capability: {capability}}}"))
    return pack


def test_a_near_miss_is_refused_with_where_and_what_it_meant(tmp_path):
    problems, _n = validate_paths([_pack_with(tmp_path, "Operational Cordination")])
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1 and errors[0].path == "objectives[0].capability" and errors[0].line == 13
    assert "did you mean 'Operational Coordination'" in errors[0].message


@pytest.mark.parametrize("capability", ["public information & warning", "'TODO: core capability'"])
def test_case_variants_and_the_import_placeholder_validate(tmp_path, capability):
    problems, _n = validate_paths([_pack_with(tmp_path, capability)])
    assert [p for p in problems if p.severity == "error"] == []


def test_the_placeholder_is_a_lint_warning(tmp_path):
    from simulator.authoring.lint import lint_pack

    found = [p for p in lint_pack(_pack_with(tmp_path, "'TODO: core capability'")) if "capability" in p.message]
    assert [(p.path, p.severity) for p in found] == [("objectives[0].capability", "warning")]
