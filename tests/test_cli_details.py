"""Small things of the command line: '-o -' is standard output, a closed pipe ends quietly,
--force to overwrite, lint of a folder of packs."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from simulator.authoring.graph import build_graph, to_mermaid
from simulator.authoring.msel import COLUMNS, export_rows
from simulator.loading.pack import load_pack

from .conftest import FIXTURES, ROOT

TABLETOP = Path(sys.executable).parent / "tabletop"


def _run(*args, cwd: Path):
    return subprocess.run([str(TABLETOP), *map(str, args)], capture_output=True, text=True, timeout=120, cwd=cwd)


def test_dash_output_is_standard_output(tmp_path):
    graph = _run("graph", FIXTURES / "mini", "--format", "mermaid", "-o", "-", cwd=tmp_path)
    assert graph.returncode == 0 and graph.stdout == to_mermaid(build_graph(load_pack(FIXTURES / "mini")))
    sheet = _run("msel", "export", FIXTURES / "mini", "-o", "-", cwd=tmp_path)
    assert sheet.returncode == 0, sheet.stderr
    rows = list(csv.reader(io.StringIO(sheet.stdout)))
    assert rows[0] == COLUMNS and rows[1:] == export_rows(load_pack(FIXTURES / "mini"))
    assert list(tmp_path.iterdir()) == []  # no file called '-'


def test_a_closed_pipe_ends_quietly(tmp_path):
    for args in (["list"], ["schema"], ["graph", "caldmere-vaisakhi-attack", "--format", "dot"],
                 ["msel", "export", "caldmere-vaisakhi-attack", "-o", "-"]):
        proc = subprocess.Popen([str(TABLETOP), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader goes away before the command writes (like `| head -0`)
        err = proc.stderr.read().decode()
        proc.wait(timeout=120)
        assert proc.returncode in (0, 141) and err == "", (args, proc.returncode, err)


def test_msel_export_refuses_to_overwrite_unless_forced(tmp_path):
    target = tmp_path / "m.xlsx"
    target.write_text("the planner's own sheet")
    refused = _run("msel", "export", FIXTURES / "mini", "-o", target, cwd=tmp_path)
    assert refused.returncode == 1 and "already exists" in refused.stderr and "--force" in refused.stderr
    assert target.read_text() == "the planner's own sheet"
    forced = _run("msel", "export", FIXTURES / "mini", "-o", target, "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert load_workbook(target).active["A1"].value == "Number"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.xlsx"]  # no temporary file left


def test_simulate_log_refuses_to_overwrite_unless_forced(tmp_path):
    log = tmp_path / "run.jsonl"
    first = _run("simulate", FIXTURES / "mini", "--log", log, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = log.read_text()
    again = _run("simulate", FIXTURES / "mini", "--log", log, "--seed", "2", cwd=tmp_path)
    assert again.returncode == 1 and "--force" in again.stderr and log.read_text() == before
    forced = _run("simulate", FIXTURES / "mini", "--log", log, "--seed", "2", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert '"seed": 2' in log.read_text().splitlines()[0] or '"seed":2' in log.read_text().splitlines()[0]
    assert _run("replay", "--verify", log, cwd=tmp_path).returncode == 0


def test_lint_of_a_folder_of_packs_lints_each(tmp_path):
    shipped = _run("lint", ROOT / "scenarios", cwd=tmp_path)
    count = len(list((ROOT / "scenarios").glob("*/scenario.yaml")))  # every shipped pack, however many there are
    assert shipped.returncode == 0 and f"in {count} packs" in shipped.stdout, shipped.stderr
    mixed = _run("lint", "tests/fixtures/lint", cwd=ROOT)  # one folder, a pack per kind of defect
    assert mixed.returncode == 1 and " packs." in mixed.stderr
    for pack in ("unreachable", "dangling", "after-clock"):
        assert f"tests/fixtures/lint/{pack}/" in mixed.stderr, pack
    assert "tests/fixtures/lint/clean/" not in mixed.stderr
    (tmp_path / "empty").mkdir()
    nothing = _run("lint", tmp_path / "empty", cwd=tmp_path)
    assert nothing.returncode == 1 and "no scenario pack" in nothing.stderr and "Traceback" not in nothing.stderr


def test_report_to_standard_output(tmp_path, mini_pack):
    from simulator.engine.seats import all_staff
    from simulator.session import Session

    log = tmp_path / "x.jsonl"
    session = Session.start(mini_pack, 1, all_staff(mini_pack.scenario.roles, "plan"), log)
    session.run_to_end()
    session.close()
    out = tmp_path / "out"
    out.mkdir()
    html = subprocess.run([str(TABLETOP), "report", str(log), "-o", "-"], capture_output=True, timeout=120, cwd=out)
    assert html.returncode == 0 and html.stdout.startswith(b"<!DOCTYPE html>"), html.stderr
    docx = subprocess.run([str(TABLETOP), "report", str(log), "-o", "-", "--format", "docx"], capture_output=True,
                          timeout=120, cwd=out)
    assert docx.returncode == 0 and docx.stdout.startswith(b"PK"), docx.stderr  # a .docx is a zip
    md = _run("report", log, "-o", "-", "--format", "md", cwd=out)
    assert md.returncode == 2 and "Traceback" not in md.stderr
    assert list(out.iterdir()) == []  # no file called '-'
