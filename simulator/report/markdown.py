"""The after-action report as Markdown, rendered from the report model, with its charts as SVG
files beside it.

Why files: inline SVG in Markdown is dropped by pandoc's non-HTML outputs and by many web
renderers; an image link to `aar-charts/<chart>.svg` survives both. Every table of figures
follows its chart for readers who cannot see it. Evidence is given as log line numbers.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..scoring.model import RATING_WORDS
from .charts import svg
from .data import ReportData
from .html import TEMPLATES
from .model import RATINGS, Report


class Raw(str):
    """Text the template may emit as it is (anchors, links to our own files); everything else is escaped."""


_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def md(value: object) -> str:
    """Text safe inside Markdown (and inside a table cell): no markup, pipes or line breaks."""
    if isinstance(value, Raw):
        return value
    text = re.sub(r"\s*[\r\n]+\s*", " ", "" if value is None else str(value))
    text = _SPECIAL.sub(r"\\\1", text)
    # A value that starts a line must not start a list, a heading or a numbered item.
    return re.sub(r"^(\d+)\.(?=\s)", r"\1\\.", re.sub(r"^([-+])(?=\s)", r"\\\1", text))


def _anchor(name: str) -> Raw:
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise ValueError(f"not an anchor: {name!r}")
    return Raw(f'<a id="{name}"></a>')


def _raw(name: str) -> Raw:
    if not re.fullmatch(r"[A-Za-z0-9_./-]+", name):
        raise ValueError(f"not a link target: {name!r}")
    return Raw(name)


def _code(text: str) -> Raw:
    return Raw("`" + str(text).replace("`", "'") + "`")


def _lines(numbers: list[int]) -> Raw:
    return Raw(", ".join(f"L{n}" for n in numbers) if numbers else "no log line")


def _cell(report: Report, text: str) -> Raw:
    """A value, in italics when it is a blank for the after-action meeting."""
    return Raw(f"_{md(text)}_" if text == report.placeholder else md(text))


_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False, finalize=md, undefined=StrictUndefined,
                   keep_trailing_newline=True)
_env.globals.update(raw=_raw, anchor=_anchor, code=_code, lines=_lines, cell=_cell)


def chart_folder(output_name: str) -> str:
    """'aar.md' keeps its charts in 'aar-charts/'."""
    return f"{PurePosixPath(output_name).stem}-charts"


def render_markdown(report: Report | ReportData, output_name: str = "aar.md") -> tuple[str, dict[str, str]]:
    """(the Markdown text, {relative path: SVG text}) for a report written as `output_name`."""
    if isinstance(report, ReportData):
        from .build import build_report

        report = build_report(report)
    folder = chart_folder(output_name)
    files = {f"{folder}/{f.id.removeprefix('chart-')}.svg": svg(f.chart, standalone=True) for f in report.figures}
    links = {f.id: f"{folder}/{f.id.removeprefix('chart-')}.svg" for f in report.figures}
    text = _env.get_template("report.md.j2").render(r=report, ratings=RATINGS, words=RATING_WORDS, chart_files=links)
    return re.sub(r"\n{3,}", "\n\n", text), files
