"""Pack files stay in their pack (issue 10, data integrity).

The attacks: `plan: ../../outside/canary-plan.yaml` validated; `plan: /etc/shadow`,
`/proc/self/environ`, symlinks out of the pack and a log header's `scenario_path: /etc/passwd`
were all opened. Every file a pack names must lead inside the pack folder (a role: or a shared
roles folder), or be refused at file:line:column before it is opened. Also `plan: ''` was
reported as "is a folder" and a symlink loop as "unknown role".
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from simulator.loading import yaml_source
from simulator.loading.pack import load_pack
from simulator.loading.problems import ValidationFailed
from simulator.replay import ReplayError, verify

from ..conftest import FIXTURES, ROOT, run_headless
from .conftest import cli, plain_refusal


@pytest.fixture
def opened(monkeypatch) -> list[Path]:
    """Every file the loader reads, resolved (to prove a refused one was never opened)."""
    seen: list[Path] = []
    real = yaml_source.read_text

    def read_text(path, *args, **kwargs):
        seen.append(Path(path).resolve())
        return real(path, *args, **kwargs)

    monkeypatch.setattr(yaml_source, "read_text", read_text)
    return seen


def set_field(scenario: Path, field: str, value: str) -> None:
    text = scenario.read_text()
    scenario.write_text(re.sub(rf"(?m)^{field}: .*$", f"{field}: {json.dumps(value)}", text))


def refusal(pack: Path, field: str, *fragments: str) -> str:
    """`tabletop validate` on the pack: exit 1, one located problem at `field` holding the fragments."""
    result = cli("validate", pack)
    assert plain_refusal(result.exit_code, result.output), result.output
    located = [line for line in result.output.splitlines()
               if re.match(rf".*scenario\.yaml:\d+:\d+: {re.escape(field)}: ", line)]
    assert located, result.output
    message = located[0].split(f" {field}: ", 1)[1].replace(str(pack.parent), "<tmp>")  # (test names are in tmp paths)
    assert all(f in message for f in fragments), result.output
    with pytest.raises(ValidationFailed):
        load_pack(pack)
    return message


def test_a_plan_outside_the_pack_is_refused_and_never_opened(pack_dir, opened):
    outside = pack_dir.parent / "outside"
    outside.mkdir()
    canary = outside / "canary-plan.yaml"
    shutil.copy(pack_dir / "plan.yaml", canary)  # a perfectly valid plan: only its place is wrong
    set_field(pack_dir / "scenario.yaml", "plan", "../outside/canary-plan.yaml")
    refusal(pack_dir, "plan", "outside the pack")
    assert canary.resolve() not in opened


@pytest.mark.parametrize("target", ["/etc/shadow", "/proc/self/environ", "/etc/passwd", "/dev/zero"])
def test_an_absolute_system_path_is_refused_and_never_opened(pack_dir, opened, target):
    set_field(pack_dir / "scenario.yaml", "playbook", target)
    refusal(pack_dir, "playbook", "outside the pack")
    assert not any(str(p).startswith(("/etc", "/proc", "/dev")) for p in opened)


def test_a_role_linked_out_of_the_pack_is_refused(pack_dir, opened):
    outside = pack_dir.parent / "elsewhere"
    outside.mkdir()
    shutil.move(pack_dir / "roles" / "chief.yaml", outside / "chief.yaml")
    (pack_dir / "roles" / "chief.yaml").symlink_to(outside / "chief.yaml")
    line = refusal(pack_dir, "roles[0]", "outside", "symbolic link")
    assert "unknown role" not in line
    assert (outside / "chief.yaml").resolve() not in opened


def test_a_role_linked_to_a_system_file_is_refused(pack_dir, opened):
    (pack_dir / "roles" / "press.yaml").unlink()
    (pack_dir / "roles" / "press.yaml").symlink_to("/etc/passwd")
    refusal(pack_dir, "roles[1]", "outside")
    assert Path("/etc/passwd").resolve() not in opened


def test_a_plan_linked_out_of_the_pack_is_refused(pack_dir):
    (pack_dir / "plan.yaml").rename(pack_dir.parent / "plan.yaml")
    (pack_dir / "plan.yaml").symlink_to(pack_dir.parent / "plan.yaml")
    refusal(pack_dir, "plan", "outside the pack", "symbolic link")


def test_links_that_stay_inside_the_pack_or_reach_the_shared_roles_are_fine(pack_dir):
    """The rule refuses escapes, not links: a pack may link its own files and the shared roles."""
    (pack_dir / "plans").mkdir()
    (pack_dir / "plan.yaml").rename(pack_dir / "plans" / "real-plan.yaml")
    (pack_dir / "plan.yaml").symlink_to(pack_dir / "plans" / "real-plan.yaml")
    load_pack(pack_dir)
    shared = ROOT / "roles" / "mayor.yaml"
    (pack_dir / "roles" / "mayor.yaml").symlink_to(shared)
    scenario = pack_dir / "scenario.yaml"
    scenario.write_text(scenario.read_text().replace("roles: [chief, press]", "roles: [chief, press, mayor]"))
    assert cli("validate", pack_dir).exit_code == 0


def test_an_empty_plan_is_called_empty_not_a_folder(pack_dir):
    set_field(pack_dir / "scenario.yaml", "plan", "")
    line = refusal(pack_dir, "plan", "is empty")
    assert "folder" not in line


def test_a_role_link_that_loops_is_called_a_loop_not_an_unknown_role(pack_dir):
    role = pack_dir / "roles" / "chief.yaml"
    role.unlink()
    os.symlink(pack_dir / "roles" / "loop.yaml", role)
    os.symlink(role, pack_dir / "roles" / "loop.yaml")
    line = refusal(pack_dir, "roles[0]", "loops")
    assert "unknown role" not in line


def test_a_plan_link_that_loops_is_called_a_loop(pack_dir):
    (pack_dir / "plan.yaml").unlink()
    os.symlink("plan.yaml", pack_dir / "plan.yaml")
    refusal(pack_dir, "plan", "loops")


# ---- what a log's header names ------------------------------------------------------------------

def edit_header(log: Path, **changes) -> None:
    lines = log.read_text().splitlines(keepends=True)
    header = json.loads(lines[0])
    header.update(changes)
    lines[0] = json.dumps(header, separators=(",", ":")) + "\n"
    log.write_text("".join(lines))


@pytest.fixture
def mini_log(pack_dir, tmp_path) -> Path:
    log = tmp_path / "mini.jsonl"
    run_headless(load_pack(pack_dir), 1, "plan", log)
    return log


@pytest.mark.parametrize("named", ["/etc/passwd", "/proc/self/environ", "/etc/shadow", "/etc"])
def test_a_header_naming_a_system_file_is_refused_without_opening_it(mini_log, opened, named):
    edit_header(mini_log, scenario_path=named)
    for command in (("replay", "--verify"), ("score",), ("replay", "--text")):
        result = cli(*command, mini_log)
        assert plain_refusal(result.exit_code, result.output), (command, result.output)
        assert "scenario_path" in result.output and "shipped" in result.output
    assert not any(str(p).startswith(("/etc", "/proc")) for p in opened)


def test_a_header_naming_a_yaml_file_that_is_not_its_scenario_is_refused(mini_log, tmp_path, opened):
    stray = tmp_path / "stray" / "notes.yaml"
    stray.parent.mkdir()
    stray.write_text("kind: scenario\n")
    edit_header(mini_log, scenario_path=str(stray))
    with pytest.raises(ReplayError, match="not among the files"):
        verify(mini_log)
    assert stray.resolve() not in opened


def test_a_header_scenario_id_is_never_read_as_a_path(mini_log, opened):
    edit_header(mini_log, scenario_path="/nonexistent/scenario.yaml", scenario="/etc/passwd")
    result = cli("replay", "--verify", mini_log)
    assert plain_refusal(result.exit_code, result.output)
    assert Path("/etc/passwd").resolve() not in opened


def test_a_bad_scenario_path_falls_back_to_the_shipped_scenario_of_that_id(tmp_path):
    log = tmp_path / "flagship.jsonl"
    result = cli("simulate", "caldmere-vaisakhi-attack", "--log", log)
    assert result.exit_code == 0, result.output
    edit_header(log, scenario_path="/etc/passwd")
    result = cli("replay", "--verify", log)
    assert result.exit_code == 0 and result.output.startswith("verified:"), result.output
