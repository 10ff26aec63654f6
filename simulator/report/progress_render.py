"""Progress across exercises as HTML (one self-contained page), Markdown (charts as SVG files beside
it) or text for the terminal; the same templates' environments and charts as the after-action report."""

from __future__ import annotations

import re

from markupsafe import Markup
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..scoring.model import RATING_WORDS
from ..terminal import printable
from .charts import svg
from .content import CAVEAT
from .html import _env as html_env
from .markdown import _env as md_env, chart_folder
from .progress import Progress
from .style import css

STYLE = {"P": "bold green", "S": "bold yellow", "M": "bold dark_orange", "U": "bold red", "N/A": "dim"}


def _titles(p: Progress) -> list[str]:
    return list(dict.fromkeys(e.scenario_title for e in p.exercises))


def render_progress_html(p: Progress, paper: str = "a4") -> str:
    charts = {f.id: Markup(svg(f.chart)) for f in p.figures}  # built and escaped by charts.svg
    return html_env.get_template("progress.html.j2").render(
        p=p, css=Markup(css(paper, "Progress across exercises", CAVEAT)), charts=charts, words=RATING_WORDS,
        caveat=CAVEAT, titles=_titles(p))


def render_progress_markdown(p: Progress, output_name: str = "progress.md") -> tuple[str, dict[str, str]]:
    """(the Markdown text, {relative path: SVG text}) for progress written as `output_name`."""
    folder = chart_folder(output_name)
    files = {f"{folder}/{f.id}.svg": svg(f.chart, standalone=True) for f in p.figures}
    links = {f.id: f"{folder}/{f.id}.svg" for f in p.figures}
    tables = [("Core capabilities", p.capabilities), ("Objectives", p.objectives), ("Seats", p.seats)]
    text = md_env.get_template("progress.md.j2").render(p=p, chart_files=links, caveat=CAVEAT, tables=tables)
    return re.sub(r"\n{3,}", "\n\n", text), files


def _rating(v) -> Text:
    return Text("–", style="dim") if v is None else Text(v, style=STYLE.get(v, ""))


def render_progress_text(p: Progress, console: Console) -> None:
    console.print(Text(f"Progress across {len(p.exercises)} exercises", style="bold"))
    for e in p.exercises:
        score = f"{e.score:.0f}" if e.score is not None else "-"
        console.print(Text(printable(f"  #{e.number}  {e.played or '-'}  {e.scenario_title}  ({e.log}, seed {e.seed}, "
                                     f"score {score})")))
    for title, rows in (("Core capabilities", p.capabilities), ("Objectives", p.objectives), ("Seats", p.seats)):
        table = Table(title=title, title_justify="left", expand=True)
        table.add_column("", ratio=3)
        for e in p.exercises:
            table.add_column(f"#{e.number}", width=4)
        table.add_column("trend", width=9)
        group = ""
        for row in rows:
            if row.group and row.group != group:
                group = row.group
                table.add_row(Text(printable(group), style="bold"), *["" for _e in p.exercises], "")
            label = row.label if len(row.label) <= 60 else row.label[:57] + "..."
            table.add_row(Text(printable(label)), *[_rating(v) for v in row.values], row.trend or "-")
        console.print(table)
    table = Table(title="Key timings (minutes)", title_justify="left", expand=True)
    table.add_column("", ratio=3)
    for e in p.exercises:
        table.add_column(f"#{e.number}", ratio=1)
    table.add_column("trend", width=9)
    for t in p.timings:
        table.add_row(t.label, *[f"{v:.0f}" if v is not None else n for v, n in zip(t.values, t.notes)], t.trend or "-")
    console.print(table)
