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
