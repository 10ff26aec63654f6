"""`tabletop report LOG -o FILE`: write the after-action report as HTML, Markdown or Word (.docx)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .. import logchain
from ..cli import UserError, main, user_errors

FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".docx": "docx"}


def _write_all(files: dict[Path, bytes]) -> None:
    """Write every file beside its target and rename it into place, so a failed write never
    leaves half a report; on a failure, the files not yet in place are removed."""
    tmps: list[Path] = []
    try:
        staged = []
        for path, data in files.items():
            path.parent.mkdir(exist_ok=True)
            tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
            tmps.append(tmp)
            tmp.write_bytes(data)
            staged.append((tmp, path))
        for tmp, path in staged:
            os.replace(tmp, path)
    except OSError as exc:
        for tmp in tmps:
            tmp.unlink(missing_ok=True)
        raise UserError(f"cannot write {exc.filename or 'the report'}: {exc.strerror or exc}") from None


def _to_stdout(log: Path, fmt: str, paper: str) -> None:
    """`-o -`: the report on standard output (HTML by default, or Word with --format docx).

    Markdown is refused there: its charts are files beside it, and standard output has no beside."""
    import sys

    if fmt == "md":
        raise click.UsageError("a Markdown report writes its charts as files beside it: give -o a file name (aar.md)")
    from .build import build_report
    from .data import gather

    model = build_report(gather(log))
    if fmt == "html":
        from .html import render_html

        data = render_html(model, paper).encode("utf-8")
    else:
        from .docx import render_docx

        data = render_docx(model, paper)
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


@main.command()
@click.argument("log", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the report (.html, .md or .docx). A .md report's charts go in "
                   "NAME-charts/ beside it, as SVG files.")
@click.option("--format", "fmt", type=click.Choice(["html", "md", "docx"]),
              help="Report format; by default taken from the output's extension.")
@click.option("--paper", type=click.Choice(["a4", "letter"], case_sensitive=False), default="a4", show_default=True,
              help="Paper size for printing (HTML) and for the pages (DOCX).")
@click.option("--force", is_flag=True, help="Overwrite the report (and a Markdown report's chart files) if they exist.")
@user_errors
def report(log: Path, output: Path, fmt: str | None, paper: str, force: bool) -> None:
    """Write the HSEEP after-action report and improvement plan drafted from an exercise log."""
    from .data import gather

    to_stdout = str(output) == "-"
    fmt = fmt or ("html" if to_stdout else FORMATS.get(output.suffix.lower()))
    if fmt is None:
        raise click.UsageError(f"cannot tell the format from '{output.name}': use a .html, .md or .docx name, or --format")
    if to_stdout:
        _to_stdout(log, fmt, paper.lower())
        return
    if not output.parent.is_dir():
        raise UserError(f"{output.parent} is not a folder; create it first")
    paper = paper.lower()
    chart_dir = None
    if fmt == "md":
        from .markdown import chart_folder

        chart_dir = output.parent / chart_folder(output.name)
    # Refuse before any work, and before writing anything, if a file we would write exists.
    if output.exists() and not force:
        raise UserError(f"{output} already exists; choose another name or add --force to overwrite it")
    if chart_dir is not None and chart_dir.exists() and not chart_dir.is_dir():
        raise UserError(f"{chart_dir} is in the way of the report's chart folder; move it or choose another name")
    from .build import build_report
    from .wording import plural

    data = gather(log)
    report_model = build_report(data)
    files: dict[Path, bytes] = {}
    if fmt == "html":
        from .html import render_html

        files[output] = render_html(report_model, paper).encode("utf-8")
    elif fmt == "docx":
        from .docx import render_docx

        files[output] = render_docx(report_model, paper)
    else:
        from .markdown import render_markdown

        text, charts = render_markdown(report_model, output.name)
        for rel, svg in charts.items():
            files[output.parent / rel] = svg.encode("utf-8")
        taken = [p for p in files if p.exists()]
        if taken and not force:
            raise UserError(f"{taken[0]} already exists (a chart of this report); choose another name or add --force "
                            "to overwrite it")
        files[output] = text.encode("utf-8")
    _write_all(files)
    c = report_model.counts
    extra = f" and {len(files) - 1} chart files in {chart_dir}" if chart_dir is not None else ""
    click.echo(f"wrote {output} ({fmt}){extra}: {plural(c.findings, 'finding')}, {c.rated} rated S/M/U, "
               f"grouped into {plural(c.areas, 'area')} for improvement")
    click.echo(f"log digest: {report_model.overview.log_digest}" if report_model.overview.log_digest
               else f"note: {logchain.unchained(data.header.format)}")
