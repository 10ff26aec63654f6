"""After-action subcommands of `tabletop`: hotwash, override, branch.

Each appends to or starts from an exercise log through a Session, so what they record is in
the log (fsync'd) like everything else, and `replay --verify` still holds.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import click
import yaml

from .cli import Moment, UserError, main, say, user_errors
from .models.limits import LONGEST_CLOCK
from .engine import commands as C


def _ended_session(log: Path):
    """Open an ended, sound exercise for after-the-end commands. Refuse anything else before
    touching the file: resuming a damaged log would move its tail aside."""
    from .log import ensure_no_writer, read_log
    from .session import Session

    ensure_no_writer(log)  # a live exercise: say who is writing it, not "it has not ended yet"
    read = read_log(log)
    if read.error is not None:
        raise UserError(f"{read.error}; hot-wash answers and overrides are only added to a sound log "
                        f"(`tabletop run --resume {log}` recovers it, keeping the damaged tail aside)")
    if not any(line.data.get("type") == "exercise_ended" for line in read.lines):
        minute = read.lines[-1].data["t"] if read.lines else 0
        raise UserError(f"{log}: the exercise has not ended yet (minute {minute:g}); "
                        "the hot wash and rating overrides come after the end")
    return Session.resume(log)


def _answers_file(path: Path, known: dict[str, str]) -> dict[str, str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: not readable YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise UserError(f"{path}: expected a mapping of question id to answer, e.g. 'feedback.strengths: ...'")
    out = {}
    for key, value in data.items():
        key = str(key)
        if key not in known:
            near = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else "; `tabletop hotwash LOG --list` shows the ids"
            raise UserError(f"{path}: '{key}' is not a question of this exercise{hint}")
        if value is not None and str(value).strip():
            out[key] = str(value).strip()
    return out


@main.command()
@click.argument("log", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--answers", type=click.Path(dir_okay=False, path_type=Path),
              help="A YAML file mapping question ids to answers (non-interactive).")
@click.option("--by", default="participant", show_default=True, help="Who answers: a name or a role.")
@click.option("--list", "list_only", is_flag=True, help="Print the questions with their ids and any answers so far.")
@user_errors
def hotwash(log: Path, answers: Path | None, by: str, list_only: bool) -> None:
    """Answer the scenario's discussion questions and the feedback form; answers go into the log.

    Interactive by default (press Enter to skip a question); with --answers, read them from a file.
    """
    from .hotwash import questions
    from .replay import pack_for, replay_log
    from .log import read_log

    if list_only:
        read = read_log(log)
        pack = pack_for(read)
        given = [ln.data for ln in read.lines if ln.data.get("type") == "hot_wash_answered"]
        for q in questions(pack):
            say(f"{q.id:<22} {q.text}")
            for a in given:
                if a["question"] == q.id:
                    say(f"{'':<22}   {a['by']}: {a['answer']}")
        return
    if answers is None and not sys.stdin.isatty():
        raise click.UsageError("stdin is not a terminal: give the answers with --answers FILE.yaml")
    session = _ended_session(log)
    recorded = skipped = 0
    try:
        asked = questions(session.engine.pack)
        by_id = {q.id: q for q in asked}
        already = {(e.by, e.question, e.answer) for e in session.events if e.type == "hot_wash_answered"}

        def record(qid: str, text: str) -> None:
            """Each answer goes into the log as it is given, so an interruption loses nothing."""
            nonlocal recorded, skipped
            if (by, qid, text) in already:
                skipped += 1
                return
            events = session.submit(C.HotWashAnswer(by=by, question=qid, text=by_id[qid].text, answer=text))
            rejected = [e for e in events if e.type == "command_rejected"]
            if rejected:
                raise UserError(f"answer to {qid} was refused: {rejected[0].reason}")
            already.add((by, qid, text))
            recorded += 1

        if answers is not None:
            for qid, text in _answers_file(answers, {q.id: q.text for q in asked}).items():
                record(qid, text)
        else:
            click.echo("Answer each question; press Enter to skip one. Answers are saved as you go.")
            section = None
            try:
                for q in asked:
                    if q.section != section:
                        section = q.section
                        click.secho(f"\n{section}", bold=True)
                    say(q.text)
                    text = click.prompt("", prompt_suffix="> ", default="", show_default=False).strip()
                    if text:
                        record(q.id, text)
            except click.Abort:
                click.echo(f"\nstopped; the {recorded} answer(s) given so far are saved")
    finally:
        session.close()
    note = f" ({skipped} already recorded, not repeated)" if skipped else ""
    click.echo(f"recorded {recorded} answer(s) from {by} in {log}{note}")


@main.command()
@click.argument("log", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("target")
@click.argument("rating", type=click.Choice(["P", "S", "M", "U", "N/A"], case_sensitive=False))
@click.option("--rationale", required=True, help="Why the evaluator rates it differently (kept in the log).")
@click.option("--by", type=click.Choice(["evaluator", "facilitator"]), default="evaluator", show_default=True)
@user_errors
def override(log: Path, target: str, rating: str, rationale: str, by: str) -> None:
    """Override a suggested rating with a rationale, as a command in the log.

    TARGET is a finding id (see `tabletop score LOG --json`) or 'expectation:<id>',
    'objective:<id>', 'capability:<name>', 'role:<id>'.
    """
    from .scoring import score_log

    from .log import ensure_no_writer

    rating = rating.upper()
    ensure_no_writer(log)
    _pack, card, _facts = score_log(log)
    targets = {f.id: f.rating for f in card.findings}
    for group in (card.expectations, card.objectives, card.capabilities, card.roles):
        targets.update({r.id: r.rating for r in group})
    if target not in targets:
        near = difflib.get_close_matches(target, targets, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(near)}?" if near else "; `tabletop score LOG --json` lists the ids"
        raise UserError(f"'{target}' is not a finding or roll-up of this scorecard{hint}")
    if not rationale.strip():
        raise click.UsageError("--rationale must say why")
    session = _ended_session(log)
    try:
        session.submit(C.OverrideRating.model_validate({"by": by, "target": target, "rating": rating,
                                                        "rationale": rationale.strip()}))
    finally:
        session.close()
    click.echo(f"{target}: {targets[target]} -> {rating} (by {by}; recorded in {log})")


@main.command()
@click.argument("log", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--at", "at", type=Moment(max=LONGEST_CLOCK), required=True,
              help="Where to branch from: a story time as the consoles show it (12:15, Day 3 10:30) or an exercise minute.")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The new log (refused if it exists).")
@click.option("--seat", "seat_specs", multiple=True, metavar="ROLE=WHO",
              help="Hand a seat over at the branch point: WHO is human, plan, late, idle or random[:competence]. Repeatable.")
@click.option("--play-out", is_flag=True, help="Run the branch to the end with the seats as they are, and summarise it.")
@user_errors
def branch(log: Path, at: float | str, out: Path, seat_specs: tuple[str, ...], play_out: bool) -> None:
    """Start a what-if exercise from moment AT of an old one: same scenario, seed and history."""
    from .branch import branch_log, parse_seat
    from .summary import summarise, summary_text

    seats = {}
    for spec in seat_specs:
        try:
            role, seat = parse_seat(spec)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--seat") from None
        seats[role] = seat
    if play_out and any(seat.kind == "human" for seat in seats.values()):
        raise click.UsageError("--play-out runs the branch with nobody at the keyboard: a seat given to a "
                               "person would sit idle (its decisions lapse). Give it to staff, or drop --play-out "
                               "and continue with `tabletop run --resume`")
    result = branch_log(log, at, out, seats)
    session = result.session
    try:
        open_now = dict(session.engine.open_decisions)
        people = [r for r, seat in session.engine.seats.items() if seat.kind == "human"]
        if play_out and people:
            click.echo(f"not played out: {', '.join(people)} {'is' if len(people) == 1 else 'are'} played by people "
                       "in this exercise; give the seat to staff with --seat ROLE=plan to play it out", err=True)
            play_out = False
        if play_out:
            session.run_to_end()
    finally:
        session.close()
    from .report.wording import at as story_at

    say(f"branched {log} at {story_at(session.engine.pack, result.at)} into {out}: {result.kept_lines} line(s) of history kept")
    for inject, role in open_now.items():
        say(f"  open decision at the branch point: {inject} ({role}): "
                   f"{session.engine.pack.injects[inject].decision.prompt}")
    if play_out:
        summary = summarise(session.engine.pack, session.events)
        seats = session.engine.seats
        summary.update(seed=session.header.seed, log=str(out), seats=", ".join(
            f"{r} {'person' if s.kind == 'human' else s.policy}" for r, s in seats.items()))
        say(summary_text(summary, session.engine.pack))
    else:
        click.echo(f"continue it with `tabletop run --resume {out}`, or re-run it with --play-out")
