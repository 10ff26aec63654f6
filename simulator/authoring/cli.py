"""Subcommands for scenario authors: lint, graph, msel export/import, batch."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..cli import main, say, user_errors

if TYPE_CHECKING:
    from ..engine.seats import Policy


def _scenario_path(scenario: str) -> Path:
    from ..loading.shipped import resolve_scenario

    return resolve_scenario(scenario)


def _packs_to_lint(path: str) -> list[Path]:
    """The scenario files PATH means: one pack, or every pack under a folder (as `validate` walks one)."""
    import re

    from ..validate import _files

    folder = Path(path)
    if not folder.is_dir() or (folder / "scenario.yaml").exists():
        return [_scenario_path(path)]
    files, _problems = _files([folder])  # the same walk as validate: links out of the folder are not followed
    kind = re.compile(r"^kind:\s*[\"']?scenario[\"']?\s*(#.*)?$", re.M)
    found = [f for f in files if f.name in ("scenario.yaml", "scenario.yml") or _reads_as(f, kind)]
    if not found:
        from ..cli import UserError

        raise UserError(f"{path}: no scenario pack here (no scenario.yaml in the folder or below it)")
    return found


def _reads_as(path: Path, kind) -> bool:
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            return bool(kind.search(fh.read(20_000)))
    except OSError:
        return False


@main.command()
@click.argument("path")
@user_errors
def lint(path: str) -> None:
    """Find design mistakes in a scenario pack: injects that can never fire, options that lead nowhere,
    dangling references, injects after the end of the clock, plan steps no role can meet and plan
    steps no inject prompts.

    PATH is a shipped scenario id, a pack folder, a scenario.yaml, or a folder of packs (each pack
    under it is linted). Validation runs first. Every message is `file:line:column: field: message`.
    Exit 0 when there are no errors (warnings are shown), 1 when there are errors, 2 on wrong usage.
    """
    from .lint import lint_pack

    packs = _packs_to_lint(path)
    problems = [p for pack in packs for p in lint_pack(pack)]
    errors = [p for p in problems if p.severity == "error"]
    for p in problems:
        click.echo(f"{p}" if p.severity == "error" else f"{p} (warning)", err=True)
    warnings = len(problems) - len(errors)
    where = f" in {len(packs)} packs" if len(packs) > 1 else ""
    if errors:
        click.echo(f"{len(errors)} error(s), {warnings} warning(s){where}.", err=True)
        raise SystemExit(1)
    click.echo(f"ok: no lint errors{where}" + (f", {warnings} warning(s)" if warnings else ""))


_GRAPH_SUFFIXES = {".mmd": "mermaid", ".mermaid": "mermaid", ".dot": "dot", ".gv": "dot", ".txt": "text"}


@main.command()
@click.argument("scenario")
@click.option("--format", "fmt", type=click.Choice(["mermaid", "dot", "text"]), default=None,
              help="mermaid or dot for documents; text for the terminal (80 columns). Default: from the -o "
                   "extension (.mmd/.mermaid, .dot/.gv, .txt; any other is refused), else text.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              help="Write to this file instead of printing (refused if it exists, unless --force); '-' prints.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@user_errors
def graph(scenario: str, fmt: str | None, output: Path | None, force: bool) -> None:
    """Draw the inject and branch graph: what schedules, triggers, follows up and backs up each inject.

    SCENARIO is a shipped scenario id, a pack folder or a scenario.yaml. An explicit --format wins
    over the -o extension. Mermaid and DOT run left to right in time, one cluster per module.
    """
    from ..loading.pack import load_pack
    from .graph import FORMATS, build_graph

    if output is not None and str(output) == "-":
        output = None  # '-' is standard output, as for most tools
    if fmt is None and output is not None and output.suffix.lower() not in _GRAPH_SUFFIXES:
        # Writing text into g.pdf or g.png gives a file nothing can open: refused, not guessed.
        raise click.BadParameter(f"{output.name}: the graph is text; name the file .mmd or .mermaid (Mermaid), .dot or .gv "
                                 "(Graphviz) or .txt, or choose the format with --format", param_hint="-o/--output")
    if fmt is None:
        fmt = _GRAPH_SUFFIXES[output.suffix.lower()] if output is not None else "text"
    # Checked before the pack is loaded so a refused overwrite costs nothing and changes nothing.
    _refuse_overwrite(output, force)
    text = FORMATS[fmt](build_graph(load_pack(_scenario_path(scenario))))
    if output is None:
        say(text, nl=False)
        return
    _write_whole(output, force, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    click.echo(f"wrote {output} ({fmt})")


def _refuse_overwrite(output: Path | None, force: bool) -> None:
    from ..cli import UserError

    if output is not None and output.exists() and not force:
        raise UserError(f"{output} already exists; choose another name or add --force to overwrite it")


def _write_whole(output: Path, force: bool, write) -> None:
    """Write through a temporary file beside `output`, then put it in place: a failed or
    interrupted write never leaves half a file, nor destroys the file --force would replace;
    without --force a file that appeared meanwhile is still not replaced."""
    import os

    from ..cli import UserError

    tmp = output.with_name(f".{output.name}.{os.getpid()}.writing")
    try:
        write(tmp)
        if force:
            os.replace(tmp, output)
        else:
            try:
                os.link(tmp, output)  # fails when `output` exists, unlike a rename
            except FileExistsError:
                raise UserError(f"{output} already exists; choose another name or add --force to overwrite it") from None
            except OSError:  # a file system without hard links
                if output.exists():
                    raise UserError(f"{output} already exists; choose another name or add --force to overwrite it") from None
                os.replace(tmp, output)
    except OSError as exc:
        raise UserError(f"cannot write {output}: {exc.strerror or exc}") from None
    finally:
        tmp.unlink(missing_ok=True)


@main.group()
def msel() -> None:
    """MSEL spreadsheets (HSEEP Master Scenario Events List) as .csv or .xlsx.

    Columns: Number, Scenario Time (the story clock), Elapsed (HH:MM, 00:00 is minute 0; 'on cue
    +HH:MM' for a delay after a cue), Module, From, To, Method, Event Type, Severity, Synopsis,
    Expected Action ('ROLE: description [STEP]'), Objective or Capability, Responsible Controller,
    Notes, Contingency, Actual Time, Status. A section row opens each module.

    \b
    Contingency holds one clause per line, in words:
      if the Mayor chooses 'Request full support' at I-07    a follow-up of a decision option
      if 'Publish the first statement' is missed [STEP]        sent when a plan step is missed
      when tension is above 70 and inject I-06 has been delivered
    A condition joins facts with 'and', 'or', 'not' and brackets. Facts: 'VAR is above|below|
    at least|at most N', 'inject ID has been delivered [before HH:MM]', "'OPTION' has been chosen
    at ID", 'action ID has been taken [by ROLE] [before HH:MM]', 'a statement [by ROLE] [covering
    RULE] [on CHANNEL] has been issued', 'after HH:MM'. Import also reads the earlier clauses
    'after INJECT: OPTION', 'if missed: STEP' and 'when: {condition}' (see `msel import --help`).
    """


def _msel_path(ctx, param, value: Path | None) -> Path | None:
    if value is not None and str(value) != "-" and value.suffix.lower() not in (".csv", ".xlsx"):
        raise click.BadParameter(f"{value.name} must end in .csv or .xlsx, or be '-' (CSV on standard output)",
                                 ctx=ctx, param=param)
    return value


def _msel_errors(fn):
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from .msel import MselError

        try:
            return fn(*args, **kwargs)
        except MselError as exc:
            for line in exc.lines:
                say(line, err=True)
            click.echo(f"{len(exc.lines)} problem(s) found.", err=True)
            raise SystemExit(1) from None

    return wrapper


@msel.command(name="export")
@click.argument("scenario")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              callback=_msel_path, help="msel.xlsx or msel.csv (refused if it exists, unless --force); '-' prints CSV.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@user_errors
@_msel_errors
def msel_export(scenario: str, output: Path, force: bool) -> None:
    """Write a scenario's injects as an MSEL spreadsheet, one row per inject, grouped by module.

    The .xlsx prints as a controller's copy: landscape, fitted to the page width, the header row
    repeated on every page, page numbers in the footer. Actual Time and Status are left blank to
    fill in during conduct.
    """
    import sys

    from ..loading.pack import load_pack
    from .msel import export_rows, write_csv, write_sheet

    to_stdout = str(output) == "-"
    _refuse_overwrite(None if to_stdout else output, force)
    pack = load_pack(_scenario_path(scenario))
    rows = export_rows(pack)
    if to_stdout:
        write_csv(sys.stdout, rows)
        return
    _write_whole(output, force, lambda tmp: write_sheet(tmp, rows, pack, fmt=output.suffix.lower()[1:]))
    click.echo(f"wrote {output}: {len(pack.scenario.injects)} inject(s)")


@msel.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The scenario.yaml to write; plan.yaml, playbook.yaml and new roles/ go beside it.")
@user_errors
@_msel_errors
def msel_import(file: Path, output: Path) -> None:
    """Turn an MSEL sheet into a scenario skeleton that validates and passes `tabletop lint`
    (placeholders show as warnings), with TODO placeholders for what an MSEL lacks (city, state
    variables, decisions, plan actions, sources).

    The header row is looked for among the first 15 rows (title and caveat rows above it are
    skipped; the first becomes the scenario's title). Section rows ('MODULE 2 – SHELTERING')
    start modules, at their first inject; 'END OF EXERCISE', blank rows and footnotes are
    skipped (footnotes with a note). CSV may use ',', ';' or tab, in UTF-8 or Windows-1252.

    \b
    Headers are matched ignoring case, spaces and punctuation ('#' reads as 'number'):
      Number          Number, Inject #, Inject No., Inject ID, MSEL #, ID, No., Event # (Inject # wins)
      Scenario Time   Scenario Time, Designated Scenario Time, Time, Exercise Time, Inject Time,
                      Event Time, Delivery Time, Clock Time, Time of Day, Local Time, Date/Time
      Elapsed         Elapsed, Elapsed Time (when present, it times the injects and Scenario
                      Time is read as the story clock)
      Module          Module, Module Name, Phase, Section
      From            From, Sender, Inject From, Simulated Sender, Originator
      To              To, Recipient(s), Player(s), Inject To, Intended Player(s), Receiving Player(s)
      Method          Method, Channel, Mode, Delivery Method, Delivery Mode, Mode of Delivery
      Synopsis        Synopsis, Inject Synopsis, Event Synopsis, Description, Event Description,
                      Inject Description, Message, Inject Text, Inject
      Severity        Severity, Priority, Urgency (routine, low, medium, high, critical)
      Expected Action Expected (Player) Action(s), Expected Outcome, Expected Response
      Objective       Objective or Capability, Objective/Capability, Objective(s)
      Capability      Core Capability, Capability, Core Capabilities
      Notes           Notes, Controller Notes, Facilitator Notes, Remarks, Comments
      Contingency     Contingency, Contingencies
    Other columns are ignored, 'Responsible Controller', 'Actual Time' and 'Status' among them:
    the controller delivers the inject but is not the sender the players see. Of 'Event Type',
    only 'Decision' is read.

    \b
    Objectives: 'OBJ-2: Public Information and Warning', 'OBJ 2 – ...', 'Objective 2 - ...' and
    '2' name objective OBJ-2; an HSEEP core capability named alone gets the objective that has
    it (or a new one). Expected actions: 'Mayor: activate the EOC' is the mayor's step;
    'STEP-ID: description' names the step; any other line is a step of the first recipient.

    \b
    Times: elapsed exercise time (00:00 = start) is read as it is. Clock times are converted to
    elapsed time from the first timed row, the scenario clock starts at that time of day, and a
    note says so. Times count as clock times when the header is Clock Time, Time of Day or Local
    Time; when a cell is written as a time of day (9:30 AM, 0930) or a date and time
    (2026-03-14 09:30; later days count); or when the first timed row is at 01:00 or later
    and all times lie within one day. A header naming 'elapsed' is never
    converted. Rows earlier than the first row (other than past midnight) are refused.

    To: role ids or names, separated by commas, or 'all' ('All Players', 'Everyone'). A name matching a shared or pack role's
    id or title (ignoring case) is that role; any other becomes a new role in roles/ whose id is
    the name in lowercase with hyphens ('Fire Chief' -> fire-chief).
    """
    from .msel_import import import_msel

    notes: list[str] = []
    written = import_msel(file, output, notes)  # validated before anything is left in place
    for note in notes:
        say(f"note: {note}")
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"ok: {output} validates; fill in the TODO placeholders")


def _policies(ctx, param, value: str) -> list[Policy]:
    from ..engine.seats import POLICIES, is_policy

    out = [p.strip() for p in value.split(",") if p.strip()]
    bad = [p for p in out if not is_policy(p)]
    if bad or not out:
        raise click.BadParameter(f"{', '.join(bad) or 'nothing'}: choose from {', '.join(POLICIES)}", ctx=ctx, param=param)
    return list(dict.fromkeys(p for p in out if is_policy(p)))


@main.command()
@click.argument("scenario")
@click.option("--runs", type=click.IntRange(1, 10_000), default=20, show_default=True,
              help="Runs per policy, with seeds 1..RUNS (so 4 policies x 60 runs = 240 exercises); at most 10,000.")
@click.option("--policies", default="plan,late,idle,random", show_default=True, callback=_policies,
              help="Comma-separated staff policies; every seat plays the same policy in a run.")
@click.option("--workers", type=click.IntRange(1, 32), default=None,
              help="Worker processes, at most 32 (default: both cores, or one on a single-core machine).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (includes never_fired).")
@user_errors
def batch(scenario: str, runs: int, policies: list[Policy], workers: int | None, as_json: bool) -> None:
    """Run a scenario many times headless with simulated staff and report inject and branch
    coverage, the score distribution per policy, and the decisions that swing the score most.

    Runs are seeded 1..RUNS for each policy, so the same arguments give the same report.
    A progress bar shows on a terminal (not with --json).
    """
    import json
    import sys

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from .batch import report, report_text, run_batch

    path = _scenario_path(scenario)
    show = sys.stderr.isatty() and not as_json
    with Progress(TextColumn("batch"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True, disable=not show) as bar:
        task = bar.add_task("runs", total=runs * len(policies))
        pack, results = run_batch(path, policies, runs, workers, progress=lambda n: bar.advance(task, n))
    rep = report(pack, results, policies, runs)
    say(json.dumps(rep, indent=2) if as_json else report_text(rep), nl=as_json)
