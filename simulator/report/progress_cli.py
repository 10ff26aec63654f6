"""`tabletop progress LOG... [-o progress.html|.md]`: ratings and key timings across exercises."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import UserError, main, user_errors
from .cli import _write_all

FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


@main.command()
@click.argument("logs", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write it as a page (.html) or Markdown (.md, charts as SVG files in NAME-charts/ beside it); "
                   "without it, print the tables.")
@click.option("--paper", type=click.Choice(["a4", "letter"], case_sensitive=False), default="a4", show_default=True,
              help="Paper size for printing the HTML page.")
@click.option("--force", is_flag=True, help="Overwrite the output (and a Markdown file's charts) if they exist.")
@user_errors
def progress(logs: tuple[Path, ...], output: Path | None, paper: str, force: bool) -> None:
    """How ratings and key timings moved across exercises, per core capability, objective and seat.

    Logs of different scenarios are compared by core capability and seat. Exercises are ordered by
    the day they were played."""
    if len(logs) < 2:
        raise click.UsageError("progress compares exercises: give two or more logs")
    seen: dict[Path, Path] = {}
    for log in logs:
        key = log.resolve()
        if key in seen:
            raise click.UsageError(f"{log} is given twice (also as {seen[key]}); give each exercise once")
        seen[key] = log
    fmt = FORMATS.get(output.suffix.lower()) if output is not None else None
    if output is not None and fmt is None:
        raise click.UsageError(f"cannot tell the format from '{output.name}': use a .html or .md name")
    if output is not None:
        if not output.parent.is_dir():
            raise UserError(f"{output.parent} is not a folder; create it first")
        if output.exists() and not force:
            raise UserError(f"{output} already exists; choose another name or add --force to overwrite it")
    from .progress import build_progress
    from .progress_render import render_progress_html, render_progress_markdown, render_progress_text

    p = build_progress(list(logs))
    if output is None:
        from rich.console import Console

        render_progress_text(p, Console())
        return
    files: dict[Path, bytes] = {}
    if fmt == "html":
        files[output] = render_progress_html(p, paper.lower()).encode("utf-8")
    else:
        text, charts = render_progress_markdown(p, output.name)
        for rel, svg_text in charts.items():
            files[output.parent / rel] = svg_text.encode("utf-8")
        taken = [f for f in files if f.exists()]
        if taken and not force:
            raise UserError(f"{taken[0]} already exists (a chart of this page); choose another name or add --force")
        files[output] = text.encode("utf-8")
    _write_all(files)
    click.echo(f"wrote {output} ({fmt}): {len(p.exercises)} exercises of {len(p.scenarios)} scenario(s), "
               f"{len(p.capabilities)} core capabilities, {len(p.seats)} seats")
