"""The after-action report as one self-contained HTML page, rendered from the report model.

Everything is inline (CSS, SVG); there is no script and no address outside the page: every
link is a '#' anchor. The template (templates/report.html.j2) is autoescaped by Jinja2, so
all text from the scenario and the log is escaped without the renderer having to remember to.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..scoring.model import RATING_WORDS
from .charts import svg
from .data import ReportData
from .model import RATINGS, Report
from .style import css

TEMPLATES = Path(__file__).parent / "templates"

_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                   trim_blocks=False, lstrip_blocks=False, keep_trailing_newline=True)


def render_html(report: Report | ReportData, paper: str = "a4") -> str:
    """The page for A4 (default) or Letter paper; a ReportData is built into a report first."""
    if isinstance(report, ReportData):
        from .build import build_report

        report = build_report(report)
    charts = {f.id: Markup(svg(f.chart)) for f in report.figures}  # built and escaped by charts.svg
    return _env.get_template("report.html.j2").render(
        r=report, css=Markup(css(paper, report.title, report.caveat)), charts=charts, ratings=RATINGS,
        words=RATING_WORDS)
