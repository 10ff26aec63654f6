"""`tabletop progress LOG...`: ratings and key timings across exercises, per core capability,
objective and seat; logs of different scenarios compared by capability; bad input located."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from simulator.cli import main
from simulator.engine.seats import all_staff
from simulator.loading.pack import load_pack
from simulator.log import LogError
from simulator.report.progress import build_progress
from simulator.session import Session

from .conftest import ROOT

FLAGSHIP = ROOT / "scenarios" / "caldmere-vaisakhi-attack"
SUCCESSION = ROOT / "scenarios" / "wendholm-threats-succession"


def _run(pack_dir: Path, path: Path, seed: int, competence: float, end: bool = True) -> Path:
    pack = load_pack(pack_dir)
    session = Session.start(pack, seed, all_staff(pack.scenario.roles, "plan", competence), path)
    if end:
        session.run_to_end()
    else:
        session.advance_to(30)
    session.close()
    return path


@pytest.fixture(scope="module")
def logs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("progress")
    return [_run(FLAGSHIP, folder / "first.jsonl", 1, 0.3), _run(FLAGSHIP, folder / "second.jsonl", 2, 1.0),
            _run(SUCCESSION, folder / "third.jsonl", 4, 0.9)]


def test_capabilities_objectives_and_seats_across_exercises(logs):
    p = build_progress(logs)
    assert [e.log for e in p.exercises] == ["first.jsonl", "second.jsonl", "third.jsonl"]
    assert p.scenarios == ["caldmere-vaisakhi-attack", "wendholm-threats-succession"]
    coordination = next(r for r in p.capabilities if r.label == "Operational Coordination")
    assert all(v is not None for v in coordination.values)  # every pack exercises it: compared across scenarios
    objectives = [r for r in p.objectives if r.key.startswith("objective:caldmere-vaisakhi-attack:")]
    assert objectives and all(r.values[2] is None for r in objectives)  # an objective is one scenario's own
    assert {r.group for r in p.objectives} == {e.scenario_title for e in p.exercises}
    mayor = next(r for r in p.seats if r.key == "role:mayor")
    assert all(v is not None for v in mayor.values)
    deputy = next(r for r in p.seats if r.key == "role:deputy-mayor")
    assert deputy.values[:2] == [None, None] and deputy.trend == ""


def test_trends_follow_the_ratings(logs):
    p = build_progress(logs)
    from simulator.scoring.model import POINTS

    for row in p.capabilities + p.seats:
        rated = [POINTS[v] for v in row.values if v in POINTS]
        if len(rated) >= 2:
            assert row.trend == ("held" if rated[0] == rated[-1] else "improved" if rated[-1] > rated[0] else "declined")


def test_key_timings(logs):
    p = build_progress(logs)
    timings = {t.key: t for t in p.timings}
    crisis = timings["crisis_team"]
    assert all(v is not None and v >= 0 for v in crisis.values)
    assert crisis.notes[2] == "by deputy-mayor"  # the mayor is in the air in the succession pack
    first = timings["first_statement"]
    assert all(v is not None for v in first.values)
    rumours = timings["rumours"]
    assert all(n.endswith("corrected") or n == "no rumour spread" for n in rumours.notes)
    faster = [t for t in p.timings if len([v for v in t.values if v is not None]) >= 2]
    for t in faster:
        vals = [v for v in t.values if v is not None]
        assert t.trend == ("held" if vals[0] == vals[-1] else "faster" if vals[-1] < vals[0] else "slower")


def test_exercises_are_ordered_by_when_they_were_played(logs):
    p = build_progress(list(reversed(logs)))
    assert [e.log for e in p.exercises] == ["first.jsonl", "second.jsonl", "third.jsonl"]


def test_charts_are_drawn_for_every_exercise(logs):
    p = build_progress(logs)
    ratings, timings = p.figures
    assert ratings.chart.x_ticks == [1.0, 2.0, 3.0]
    assert {s.label for s in ratings.chart.series} == {r.label for r in p.capabilities}
    assert all(x in (1.0, 2.0, 3.0) for s in timings.chart.series for x, _y in s.points)


def test_an_unfinished_exercise_is_refused_with_its_log(tmp_path, logs):
    open_log = _run(FLAGSHIP, tmp_path / "open.jsonl", 3, 1.0, end=False)
    with pytest.raises(LogError, match="open.jsonl"):
        build_progress([logs[0], open_log])


# ---- the command ----------------------------------------------------------------------------------


def test_html_page_with_charts_and_no_script(logs, tmp_path):
    out = tmp_path / "progress.html"
    r = CliRunner().invoke(main, ["progress", *map(str, logs), "-o", str(out)])
    assert r.exit_code == 0, r.output
    html = out.read_text()
    assert html.count("<svg") == 2 and "<script" not in html.lower()
    assert "Operational Coordination" in html and "first.jsonl" in html


def test_markdown_with_chart_files(logs, tmp_path):
    out = tmp_path / "progress.md"
    r = CliRunner().invoke(main, ["progress", *map(str, logs), "-o", str(out)])
    assert r.exit_code == 0, r.output
    text = out.read_text()
    charts = sorted((tmp_path / "progress-charts").iterdir())
    assert [c.name for c in charts] == ["progress-capabilities.svg", "progress-timings.svg"]
    assert "](progress-charts/progress-capabilities.svg)" in text
    assert "\n| Operational Coordination |" in text and "\\|" not in text  # real tables, not escaped pipes
    again = CliRunner().invoke(main, ["progress", *map(str, logs), "-o", str(out)])
    assert again.exit_code == 1 and "already exists" in again.output


def test_tables_on_the_terminal(logs):
    r = CliRunner().invoke(main, ["progress", *map(str, logs)])
    assert r.exit_code == 0, r.output
    assert "Core capabilities" in r.output and "Key timings" in r.output


def _progress(*args) -> "object":
    return CliRunner().invoke(main, ["progress", *map(str, args)])


def test_one_log_is_wrong_usage(logs):
    r = _progress(logs[0])
    assert r.exit_code == 2 and "two or more" in r.output


def test_the_same_log_twice_is_wrong_usage(logs):
    r = _progress(logs[0], logs[0].parent / ".." / logs[0].parent.name / logs[0].name)
    assert r.exit_code == 2 and "twice" in r.output


def test_an_unknown_format_is_wrong_usage(logs, tmp_path):
    r = _progress(logs[0], logs[1], "-o", tmp_path / "x.pdf")
    assert r.exit_code == 2 and "x.pdf" in r.output


def test_a_missing_log_is_named(logs, tmp_path):
    r = _progress(logs[0], tmp_path / "nothere.jsonl")
    assert r.exit_code == 1 and "nothere.jsonl" in r.output and "Traceback" not in r.output


def test_a_corrupt_log_is_named_with_its_line(logs, tmp_path):
    bad = tmp_path / "bad.jsonl"
    lines = logs[1].read_text().splitlines()
    lines[5] = lines[5][: len(lines[5]) // 2]  # a line cut in half
    bad.write_text("\n".join(lines) + "\n")
    r = _progress(logs[0], bad)
    assert r.exit_code == 1, r.output
    assert "bad.jsonl:6" in r.output and "Traceback" not in r.output
    assert not (tmp_path / "progress.html").exists()
