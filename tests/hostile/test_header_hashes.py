"""Header hashes keyed by short names collided (issue 10, data integrity).

The attack: a plan at `../outside2/chief.yaml` and the role `roles/chief.yaml` were recorded
under one key, so editing the plan left `replay --verify` green while the score moved. Every
file's hash is now keyed by its path in the pack (`shared-roles/<file>` for a shared role), so
an edit to any file is noticed; logs keyed the old way still load, and still notice edits.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from simulator.loading.pack import load_pack
from simulator.loading.problems import ValidationFailed
from simulator.replay import ReplayError, verify

from ..conftest import FIXTURES, run_headless
from .conftest import cli, plain_refusal


@pytest.fixture
def shared_pack(tmp_path) -> Path:
    """The mini pack with its press role moved to a shared roles folder above it."""
    pack = tmp_path / "packs" / "mini"
    shutil.copytree(FIXTURES / "mini", pack)
    (tmp_path / "packs" / "roles").mkdir()
    shutil.move(pack / "roles" / "press.yaml", tmp_path / "packs" / "roles" / "press.yaml")
    return pack


def played(pack: Path, tmp_path: Path) -> Path:
    log = tmp_path / "played.jsonl"
    run_headless(load_pack(pack), 1, "plan", log)
    return log


def header(log: Path) -> dict:
    return json.loads(log.read_text().splitlines()[0])


def rewrite_header(log: Path, data: dict) -> None:
    lines = log.read_text().splitlines(keepends=True)
    lines[0] = json.dumps(data, separators=(",", ":")) + "\n"
    log.write_text("".join(lines))


FILES = {"scenario.yaml": "scenario.yaml", "plan.yaml": "plan.yaml", "playbook.yaml": "playbook.yaml",
         "roles/chief.yaml": "roles/chief.yaml", "shared-roles/press.yaml": "../roles/press.yaml"}


def test_every_file_is_keyed_by_its_path_in_the_pack(shared_pack, tmp_path):
    log = played(shared_pack, tmp_path)
    assert set(header(log)["files"]) == set(FILES)
    assert header(log)["file_keys"] == "pack-path"


@pytest.mark.parametrize("key", list(FILES))
def test_an_edit_to_any_file_is_noticed_by_verify(shared_pack, tmp_path, key):
    log = played(shared_pack, tmp_path)
    verify(log)
    edited = shared_pack / FILES[key]
    edited.write_text(edited.read_text() + "# edited after the exercise\n")
    result = cli("replay", "--verify", log)
    assert plain_refusal(result.exit_code, result.output)
    assert f"changed since this exercise was played ({key})" in result.output


def test_a_plan_and_a_role_with_one_file_name_keep_two_hashes(pack_dir, tmp_path):
    """The issue's collision, inside the pack now that a plan outside it is refused."""
    (pack_dir / "plans").mkdir()
    (pack_dir / "plan.yaml").rename(pack_dir / "plans" / "chief.yaml")
    scenario = pack_dir / "scenario.yaml"
    scenario.write_text(scenario.read_text().replace("plan: plan.yaml", "plan: plans/chief.yaml"))
    log = played(pack_dir, tmp_path)
    assert {"plans/chief.yaml", "roles/chief.yaml"} <= set(header(log)["files"])
    plan = pack_dir / "plans" / "chief.yaml"
    plan.write_text(plan.read_text() + "# a quiet edit\n")
    with pytest.raises(ReplayError, match="plans/chief.yaml"):
        verify(log)


def test_the_issue_layout_with_the_plan_outside_is_refused(pack_dir):
    outside = pack_dir.parent / "outside2"
    outside.mkdir()
    (pack_dir / "plan.yaml").rename(outside / "chief.yaml")
    scenario = pack_dir / "scenario.yaml"
    scenario.write_text(scenario.read_text().replace("plan: plan.yaml", "plan: ../outside2/chief.yaml"))
    with pytest.raises(ValidationFailed):
        load_pack(pack_dir)


def test_a_pack_folder_named_like_the_shared_roles_key_cannot_share_a_hash(shared_pack):
    (shared_pack / "shared-roles").mkdir()
    (shared_pack / "plan.yaml").rename(shared_pack / "shared-roles" / "press.yaml")
    scenario = shared_pack / "scenario.yaml"
    scenario.write_text(scenario.read_text().replace("plan: plan.yaml", "plan: shared-roles/press.yaml"))
    with pytest.raises(ValidationFailed, match="shared-roles"):
        load_pack(shared_pack)


def old_style(log: Path) -> None:
    """Rewrite a header the way logs were written before per-path keys."""
    data = header(log)
    data.pop("file_keys")
    data["files"] = {k.replace("shared-roles/", "roles/", 1) if k.startswith("shared-roles/") else k: v
                     for k, v in data["files"].items()}
    rewrite_header(log, data)


def test_an_old_log_still_verifies(shared_pack, tmp_path):
    log = played(shared_pack, tmp_path)
    old_style(log)
    assert "roles/press.yaml" in header(log)["files"] and "file_keys" not in header(log)
    result = cli("replay", "--verify", log)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("key", ["plan.yaml", "shared-roles/press.yaml", "roles/chief.yaml"])
def test_an_old_log_still_notices_an_edit(shared_pack, tmp_path, key):
    log = played(shared_pack, tmp_path)
    old_style(log)
    edited = shared_pack / FILES[key]
    edited.write_text(edited.read_text() + "# edited\n")
    result = cli("score", log)
    assert plain_refusal(result.exit_code, result.output), result.output
    assert f"changed since this exercise was played ({key.replace('shared-roles/', 'roles/')})" in result.output
