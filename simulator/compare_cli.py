"""`tabletop compare ORIGINAL BRANCH [--json]`: a what-if branch beside its original."""

from __future__ import annotations

from pathlib import Path

import click

from .cli import main, user_errors


@main.command()
@click.argument("original", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("branch", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
@user_errors
def compare(original: Path, branch: Path, as_json: bool) -> None:
    """Set a what-if BRANCH beside its ORIGINAL: the score, and every rating and finding that changed."""
    if original.resolve() == branch.resolve():
        raise click.UsageError("give the original and a branch of it: these are the same log")
    from .scoring.compare import compared

    comparison, pack = compared(original, branch)
    if as_json:
        click.echo(comparison.model_dump_json(indent=2))
        return
    from rich.console import Console

    from .scoring.compare_text import renderable

    Console().print(renderable(comparison, pack))
