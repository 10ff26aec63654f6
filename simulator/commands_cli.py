"""Subcommands of `tabletop`: validate, schema, list, simulate, replay."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from .cli import FiniteFloat, UserError, main, say, user_errors
from .engine.seats import POLICIES, Policy, all_staff


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@user_errors
def validate(paths: tuple[Path, ...]) -> None:
    """Check scenario, role, plan and playbook files; report every problem at file:line:column."""
    from .validate import validate_paths

    problems, checked = validate_paths(list(paths))
    errors = [p for p in problems if p.severity == "error"]
    for p in problems:
        click.echo(f"{p}" if p.severity == "error" else f"{p} (warning)", err=True)
    if errors:
        click.echo(f"{len(errors)} problem(s) in {checked} file(s).", err=True)
        raise SystemExit(1)
    click.echo(f"ok: {checked} file(s) valid" + (f", {len(problems)} warning(s)" if problems else ""))


@main.command()
@click.option("--kind", type=click.Choice(["scenario", "role", "response_plan", "playbook"]), default="scenario",
              show_default=True, help="Which file's schema to print.")
@click.option("--write", "write_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write every schema into this folder instead of printing one.")
def schema(kind: str, write_dir: Path | None) -> None:
    """Print the JSON Schema of a file kind (for editor autocompletion)."""
    from .schema import schema_text, write_all

    if write_dir is not None:
        for path in write_all(write_dir):
            click.echo(f"wrote {path}")
    else:
        click.echo(schema_text(kind), nl=False)


@main.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of {id, path, title, ...}.")
@user_errors
def list_(as_json: bool) -> None:
    """List the shipped scenarios."""
    from .loading.documents import read_document
    from .loading.problems import ValidationFailed
    from .loading.shipped import shipped_scenarios

    rows: list[dict[str, Any]] = []
    for path in shipped_scenarios():
        try:
            s = read_document(path, expect="scenario").model
        except ValidationFailed:
            rows.append({"id": path.parent.name, "path": str(path), "title": "(invalid: run tabletop validate)"})
            continue
        rows.append({"id": s.id, "path": str(path), "title": s.title, "threat": s.threat,
                     "city": s.city.name, "duration": s.clock.duration, "roles": list(s.roles)})
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo("no shipped scenarios found")
    for r in rows:  # one block per scenario, so long ids and titles stay readable at 80 columns
        say(r["id"])
        say(f"    {r['title']}")
        if "city" in r:
            say(f"    {r['city']} · {r['duration']:g} min · roles: {', '.join(r['roles'])}")


@main.command()
@click.argument("scenario")
@click.option("--seed", type=int, default=1, show_default=True, help="Seed of every random choice.")
@click.option("--policy", type=click.Choice(POLICIES), default="plan", show_default=True,
              help="How simulated staff play every role.")
@click.option("--competence", type=FiniteFloat(0, 1), default=1.0, show_default=True,
              help="Chance that staff do the right thing at each step.")
@click.option("--log", "log_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the exercise log here (refused if the file exists, unless --force).")
@click.option("--force", is_flag=True, help="Replace the --log file if it exists (never one another process is writing).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@user_errors
def simulate(scenario: str, seed: int, policy: Policy, competence: float, log_path: Path | None, force: bool,
             as_json: bool) -> None:
    """Run a whole exercise headless with simulated staff in every seat, and summarise it."""
    from .loading.pack import load_pack
    from .loading.shipped import resolve_scenario
    from .log import ensure_no_writer
    from .session import Session
    from .summary import summarise, summary_text

    pack = load_pack(resolve_scenario(scenario))
    if log_path is not None and log_path.exists() and log_path.stat().st_size > 0:
        ensure_no_writer(log_path)  # a log being written is never replaced, --force or not
        if not force:
            raise UserError(f"{log_path} already exists; choose another --log path or add --force to replace it")
        if log_path.is_file():
            log_path.unlink()  # a new file, not the old one cut short: a reader of the old log keeps it whole
    session = Session.start(pack, seed, all_staff(pack.scenario.roles, policy, competence), log_path)
    try:
        session.run_to_end()
    finally:
        session.close()
    summary = summarise(pack, session.events)
    summary.update(seed=seed, policy=policy, competence=competence, log=str(log_path) if log_path else None)
    say(json.dumps(summary, indent=2) if as_json else summary_text(summary, pack))


def _digest_option(_ctx, _param, value: str | None) -> str | None:
    if value is None:
        return None
    wanted = value.strip().lower()
    if len(wanted) != 64 or any(c not in "0123456789abcdef" for c in wanted):
        raise click.BadParameter("a log digest is 64 hexadecimal digits, as the report prints it")
    return wanted


@main.command()
@click.argument("log", type=click.Path(path_type=Path))
@click.option("--verify", is_flag=True, help="Re-run the engine over the log and confirm every event.")
@click.option("--digest", callback=_digest_option, metavar="HEX",
              help="With --verify (implied): also confirm the log is the one this digest names (from a filed report).")
@click.option("--text", "as_text", is_flag=True, help="Print the timeline even on a terminal (no viewer).")
@user_errors
def replay(log: Path, verify: bool, digest: str | None, as_text: bool) -> None:
    """Replay an exercise log: the viewer on a terminal, else a text timeline; --verify confirms it event by event."""
    import sys

    from .log import read_log
    from .replay import ReplayError, damage_warning, pack_for, replay_log
    from .replay import verify as verify_log
    from .summary import timeline_text

    if verify or digest is not None:
        _verified(log, verify_log(log), digest)
        return
    read = read_log(log)  # every line parsed: damage anywhere is found as damage, its sound prefix kept
    warning = damage_warning(read)
    if warning:
        click.echo(warning, err=True)
    text_wanted = as_text or not sys.stdout.isatty()
    try:
        result = replay_log(read)
    except ReplayError as exc:
        if not text_wanted:
            raise
        # Keep everything that can be shown: the timeline is what the log records; say plainly
        # that it is not confirmed by a replay. (A changed scenario still refuses: pack_for.)
        pack = pack_for(read)
        say(f"warning: {exc}\nshowing what the log records, without confirmation by a replay", err=True)
        say(timeline_text(pack, [ln.data for ln in read.lines]))
        return
    if text_wanted:
        say(timeline_text(result.pack, [ln.data for ln in result.log.lines]))
        return
    from tui.app import make_app  # the viewer; imported here so the core never pulls Textual in

    make_app(replay=log).run()


def _verified(log: Path, result, digest: str | None) -> None:
    """What `replay --verify` says of a log that replays: its digest, or plainly that it has none."""
    from . import logchain
    from .log import find_link
    from .replay import judged_otherwise

    read = result.log
    n = len(read.lines) + 1
    click.echo(f"verified: {log} replays exactly ({n} lines, {len(result.events)} events, "
               f"seed {read.header.seed}, scenario {read.header.scenario})")
    judged, differ = judged_otherwise(result)
    if differ:
        shown = ", ".join(map(str, differ[:8])) + (", ..." if len(differ) > 8 else "")
        click.echo(f"note: {len(differ)} of the {judged} texts this exercise judged would be judged otherwise by this "
                   f"version's statement checker (line {shown}); the log is scored by the verdicts it kept")
    if result.off_grid:
        click.echo(f"note: this log predates exact exercise time ({read.header.format}); "
                   f"{result.off_grid} of its lines carry float noise in their times and match once "
                   "those are read on the time grid")
    if not read.chained:
        click.echo(f"note: {logchain.unchained(read.header.format)}")
        if digest is not None:
            raise UserError(f"{log}: it cannot be checked against a digest")
        return
    click.echo(f"log digest: {read.digest} (sha256 chain through every line; the report made from this log "
               "prints it too)")
    if digest is None:
        return
    if digest == read.digest:
        click.echo("digest matches: this is the log that digest names, line for line")
        return
    at = find_link(log, digest)
    if at is None:
        raise UserError(f"{log}: this is not the log that digest names: no line of it ends the chain with "
                        f"{digest}; it was changed or cut short after the digest was taken, or it is another log")
    raise UserError(f"{log}:{at + 1}: the log is the one that digest names up to line {at}; the {n - at} line(s) from "
                    f"line {at + 1} on were added after it (hot-wash answers or overrides given later, or lines forged)")


@main.command()
@click.argument("log", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scorecard as JSON.")
@click.option("--all", "all_findings", is_flag=True, help="Show every finding, not only the challenges.")
@click.option("--seat", metavar="ROLE", help="Coached feedback for the person in this seat, instead of the team's scorecard.")
@user_errors
def score(log: Path, as_json: bool, all_findings: bool, seat: str | None) -> None:
    """Score an exercise log against the plan, the playbook and the chain of command."""
    from .replay import damage_warning, verify
    from .scoring.scorer import Scorer

    result = verify(log, allow_damaged=True)  # the sound lines before any damage, warned of here
    warning = damage_warning(result.log)
    if warning:
        click.echo(warning, err=True)
    scorer = Scorer(result.pack)
    for ln in result.log.lines:
        scorer.feed(ln.number, ln.data)
    card = scorer.scorecard()
    if seat is not None:
        _seat_feedback(log, result.pack, card, scorer.facts, seat, as_json)
        return
    if as_json:
        click.echo(card.model_dump_json(indent=2))
        return
    from rich.console import Console

    from .scoring.text import render

    render(card, Console(), result.pack, all_findings)


def _seat_feedback(log: Path, pack, card, facts, seat: str, as_json: bool) -> None:
    from rich.console import Console

    from .coaching import UnknownSeat, feedback_for
    from .coaching.text import render

    try:
        fb = feedback_for(pack, card, facts, seat)
    except UnknownSeat as exc:
        raise click.BadParameter(str(exc), param_hint="--seat") from None
    if as_json:
        click.echo(fb.model_dump_json(indent=2))
        return
    render(fb, Console(), "re-run it with the command below" if fb.moment is not None else None, pack)
    if fb.moment is not None:  # on a line of its own, never wrapped, so it can be copied
        say(f"tabletop branch {log} --at {fb.moment.minute:g} -o {log.with_name(log.stem + '-whatif.jsonl')} "
            f"--seat {seat}=human")
