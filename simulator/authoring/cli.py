"""Subcommands for scenario authors: lint, graph, msel export/import, batch."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import main, user_errors


def _scenario_path(scenario: str) -> Path:
    from ..loading.shipped import resolve_scenario

    return resolve_scenario(scenario)


@main.command()
@click.argument("path")
@user_errors
def lint(path: str) -> None:
    """Find design mistakes in a scenario pack: injects that can never fire, options that lead nowhere,
    dangling references, injects after the end of the clock, plan steps no role can meet and plan
    steps no inject prompts.

    PATH is a shipped scenario id, a pack folder or a scenario.yaml. Validation runs first. Every
    message is `file:line:column: field: message`. Exit 0 when there are no errors (warnings are
    shown), 1 when there are errors, 2 on wrong usage.
    """
    from .lint import lint_pack

    problems = lint_pack(_scenario_path(path))
    errors = [p for p in problems if p.severity == "error"]
    for p in problems:
        click.echo(f"{p}" if p.severity == "error" else f"{p} (warning)", err=True)
    warnings = len(problems) - len(errors)
    if errors:
        click.echo(f"{len(errors)} error(s), {warnings} warning(s).", err=True)
        raise SystemExit(1)
    click.echo(f"ok: no lint errors" + (f", {warnings} warning(s)" if warnings else ""))


@main.command()
@click.argument("scenario")
@click.option("--format", "fmt", type=click.Choice(["mermaid", "dot", "text"]), default="text", show_default=True,
              help="mermaid or dot for documents; text for the terminal (80 columns).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of printing.")
@user_errors
def graph(scenario: str, fmt: str, output: Path | None) -> None:
    """Draw the inject and branch graph: what schedules, triggers, follows up and backs up each inject.

    SCENARIO is a shipped scenario id, a pack folder or a scenario.yaml.
    """
    from ..loading.pack import load_pack
    from .graph import FORMATS, build_graph

    text = FORMATS[fmt](build_graph(load_pack(_scenario_path(scenario))))
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}")


@main.group()
def msel() -> None:
    """MSEL spreadsheets (HSEEP Master Scenario Events List) as .csv or .xlsx.

    Columns: Number, Scenario Time, From, To, Method, Synopsis, Expected Action, Objective or
    Capability, Notes, Contingency. Scenario Time is elapsed exercise time as HH:MM (00:00 is
    minute 0), with '+HH:MM' for a delay after a cue. Contingency holds 'after INJECT: OPTION',
    'if missed: STEP' and 'when: {condition}' clauses, separated by ';'.
    """


def _msel_path(ctx, param, value: Path | None) -> Path | None:
    if value is not None and value.suffix.lower() not in (".csv", ".xlsx"):
        raise click.BadParameter(f"{value.name} must end in .csv or .xlsx", ctx=ctx, param=param)
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
                click.echo(line, err=True)
            click.echo(f"{len(exc.lines)} problem(s) found.", err=True)
            raise SystemExit(1) from None

    return wrapper


@msel.command(name="export")
@click.argument("scenario")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), callback=_msel_path,
              help="msel.xlsx or msel.csv (refused if it exists).")
@user_errors
@_msel_errors
def msel_export(scenario: str, output: Path) -> None:
    """Write a scenario's injects as an MSEL spreadsheet, one row per inject."""
    from ..cli import UserError
    from ..loading.pack import load_pack
    from .msel import export_rows, write_sheet

    pack = load_pack(_scenario_path(scenario))
    if output.exists():
        raise UserError(f"{output} already exists; choose another -o path")
    rows = export_rows(pack)
    try:
        write_sheet(output, rows)
    except OSError as exc:
        raise UserError(f"cannot write {output}: {exc.strerror or exc}") from None
    click.echo(f"wrote {output}: {len(rows)} inject(s)")


@msel.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The scenario.yaml to write; plan.yaml, playbook.yaml and new roles/ go beside it.")
@user_errors
@_msel_errors
def msel_import(file: Path, output: Path) -> None:
    """Turn an MSEL sheet into a scenario skeleton that validates, with TODO placeholders for
    what an MSEL lacks (city, state variables, decisions, plan actions, sources)."""
    from ..loading.pack import load_pack
    from .msel_import import import_msel

    written = import_msel(file, output)
    load_pack(output)  # the skeleton must validate; a problem here is reported like `validate`
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"ok: {output} validates; fill in the TODO placeholders")
