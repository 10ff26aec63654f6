"""`tabletop run` and `tabletop replay` on the command line: usage and input errors stay plain."""

from __future__ import annotations

from click.testing import CliRunner

from simulator.cli import main

from ..conftest import run_headless
from .conftest import MINI


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_run_refuses_an_unknown_solo_role():
    result = invoke("run", MINI, "--solo", "nobody")
    assert result.exit_code == 2 and "unknown role 'nobody'" in result.output and "chief, press" in result.output


def test_run_refuses_an_existing_log(tmp_path):
    log = tmp_path / "taken.jsonl"
    log.write_text("{}\n")
    result = invoke("run", MINI, "--log", log)
    assert result.exit_code == 1 and "already exists" in result.output and "Traceback" not in result.output


def test_resume_of_a_missing_log_is_a_located_error(tmp_path):
    result = invoke("run", "--resume", tmp_path / "nope.jsonl")
    assert result.exit_code == 1 and "nope.jsonl" in result.output and "no such file" in result.output


def test_resume_takes_no_scenario(tmp_path):
    result = invoke("run", MINI, "--resume", tmp_path / "x.jsonl")
    assert result.exit_code == 2 and "--resume continues a log" in result.output


def test_replay_off_a_terminal_prints_the_timeline_and_verify_is_unchanged(tmp_path, mini_pack):
    log = tmp_path / "done.jsonl"
    run_headless(mini_pack, 1, "plan", log)
    text = invoke("replay", log)
    assert text.exit_code == 0 and "Inject: Incident reported" in text.output and " I1 " not in text.output
    assert invoke("replay", log, "--text").output == text.output
    verified = invoke("replay", log, "--verify")
    assert verified.exit_code == 0 and verified.output.startswith(f"verified: {log} replays exactly")
