"""`tabletop report LOG -o FILE`: write the after-action report as HTML or Markdown."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .. import logchain
from ..cli import UserError, main, user_errors

FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


@main.command()
@click.argument("log", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the report (.html or .md).")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]),
              help="Report format; by default taken from the output's extension.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@user_errors
def report(log: Path, output: Path, fmt: str | None, force: bool) -> None:
    """Write the HSEEP after-action report and improvement plan drafted from an exercise log."""
    from .data import gather

    fmt = fmt or FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise click.UsageError(f"cannot tell the format from '{output.name}': use a .html or .md name, or --format")
    if output.exists() and not force:
        raise UserError(f"{output} already exists; choose another name or add --force to overwrite it")
    if not output.parent.is_dir():
        raise UserError(f"{output.parent} is not a folder; create it first")
    from .analysis import build
    from .wording import plural

    data = gather(log)
    analysis = build(data)
    if fmt == "html":
        from .html import render_html

        text = render_html(data, analysis)
    else:
        from .markdown import render_markdown

        text = render_markdown(data, analysis)
    # Written beside the target and renamed, so a failed write never leaves half a report.
    tmp = output.with_name(f".{output.name}.tmp-{os.getpid()}")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, output)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"cannot write {output}: {exc.strerror or exc}") from None
    bad = sum(1 for f in data.card.findings if f.rating in ("S", "M", "U"))
    click.echo(f"wrote {output} ({fmt}): {plural(len(data.card.findings), 'finding')}, {bad} rated S/M/U, "
               f"grouped into {plural(len(analysis.areas), 'area')} for improvement")
    click.echo(f"log digest: {data.digest}" if data.digest else f"note: {logchain.unchained(data.header.format)}")
