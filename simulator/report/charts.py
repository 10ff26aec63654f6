"""Hand-written inline SVG line charts: axes, ticks, labels, a legend and an accessible title.

Why by hand: the report must be one self-contained page that loads nothing from the network,
prints well and needs no script, and a stepped line chart is a few dozen lines of SVG.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D1F"]
"""Okabe-Ito colours (readable with colour-vision deficiencies); dashes tell lines apart in grey print."""
DASHES = ["", "6 3", "2 2", "8 3 2 3", "", "6 3", "2 2", "8 3 2 3"]


@dataclass
class Series:
    label: str
    points: list[tuple[float, float]]
    """(x, y), x ascending."""


def nice_ticks(lo: float, hi: float, count: int = 6) -> list[float]:
    """Round tick values covering [lo, hi]."""
    if hi <= lo:
        return [lo]
    raw = (hi - lo) / max(1, count - 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(s * mag for s in (1, 2, 2.5, 5, 10) if s * mag >= raw)
    first = math.ceil(lo / step - 1e-9) * step
    out, v = [], first
    while v <= hi + 1e-9 * step:
        out.append(round(v, 10))
        v += step
    return out


def _fmt(v: float) -> str:
    return f"{v:g}" if abs(v) < 1e6 else f"{v:.3g}"


def thin(points: list[tuple[float, float]], x0: float, x1: float, buckets: int) -> list[tuple[float, float]]:
    """Keep the shape of a long series with at most ~4 points per pixel column (first, min, max, last)."""
    if len(points) <= buckets * 4:
        return points
    width = (x1 - x0) / buckets or 1.0
    out: list[tuple[float, float]] = []
    group: list[tuple[float, float]] = []
    current = None
    for p in points:
        b = int((p[0] - x0) / width)
        if b != current and group:
            out.extend(_keep(group))
            group = []
        current = b
        group.append(p)
    out.extend(_keep(group))
    return out


def _keep(group: list[tuple[float, float]]) -> list[tuple[float, float]]:
    if len(group) <= 4:
        return group
    lo, hi = min(group, key=lambda p: p[1]), max(group, key=lambda p: p[1])
    middle = sorted({lo, hi}, key=lambda p: p[0])
    return [group[0], *middle, group[-1]]


@dataclass
class Chart:
    """A line chart as data, drawn as SVG here and as PNG by charts_png.py (same layout)."""

    id: str
    title: str
    description: str
    series: list[Series]
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    x_label: str
    y_label: str
    markers: Sequence[tuple[float, str]] = ()
    step: bool = True
    """Draw values as held until the next change (state variables do that)."""
    width: int = 760
    height: int = 300
    x_ticks: Sequence[float] | None = None
    """Where the x axis is labelled, when round numbers would mislead (exercise 1, 2, 3: never 1.25)."""
    y_ticks: Sequence[tuple[float, str]] | None = None
    """(value, label) where the y axis is labelled, when its values stand for words (U, M, S, P)."""
    legend_columns: int = 3
    dots: bool = False
    """Mark each data point (a series of one point has no line to see)."""


@dataclass
class Layout:
    """Where a chart's plot area, ticks, markers, lines and legend go, in chart pixels."""

    left: float
    top: float
    pw: float
    ph: float
    y_ticks: list[tuple[float, str]]
    """(y pixel, label)."""
    x_ticks: list[tuple[float, str]]
    markers: list[tuple[float, str]]
    lines: list[tuple[str, str, list[tuple[float, float]]]]
    """(colour, dash pattern, pixel points of the path, already stepped)."""
    legend: list[tuple[float, float, str, str, str]]
    """(x, y, colour, dash, label)."""


def layout(c: Chart) -> Layout:
    left, right, top = 56, 30, 14
    legend_rows = math.ceil(len(c.series) / c.legend_columns)
    bottom = 46 + 18 * legend_rows
    pw, ph = c.width - left - right, c.height - top - bottom
    (x0, x1), (y0, y1) = c.x_range, c.y_range
    x1 = x1 if x1 > x0 else x0 + 1
    y1 = y1 if y1 > y0 else y0 + 1

    def sx(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * pw

    def sy(y: float) -> float:
        return top + ph - (y - y0) / (y1 - y0) * ph

    lines: list[tuple[str, str, list[tuple[float, float]]]] = []
    legend: list[tuple[float, float, str, str, str]] = []
    for i, s in enumerate(c.series):
        pts = thin(s.points, x0, x1, pw)
        if not pts:
            continue
        path = [(sx(pts[0][0]), sy(pts[0][1]))]
        for x, y in pts[1:]:
            if c.step:
                path.append((sx(x), path[-1][1]))
            path.append((sx(x), sy(y)))
        if c.step:
            path.append((sx(x1), path[-1][1]))
        colour, dash = PALETTE[i % len(PALETTE)], DASHES[i % len(DASHES)]
        lines.append((colour, dash, path))
        row, col = divmod(i, c.legend_columns)
        legend.append((left + col * (pw / c.legend_columns), top + ph + 44 + row * 18, colour, dash, s.label))
    x_ticks = nice_ticks(x0, x1, 9) if c.x_ticks is None else [v for v in c.x_ticks if x0 <= v <= x1]
    y_ticks = [(v, _fmt(v)) for v in nice_ticks(y0, y1, 6)] if c.y_ticks is None else list(c.y_ticks)
    return Layout(left, top, pw, ph, [(sy(v), label) for v, label in y_ticks],
                  [(sx(v), _fmt(v)) for v in x_ticks],
                  [(sx(x), label) for x, label in c.markers if x0 <= x <= x1], lines, legend)


def svg(c: Chart, standalone: bool = False) -> str:
    """The chart as an inline SVG element with an accessible title and description; `standalone`
    adds the XML declaration and namespace a separate .svg file needs (an HTML page does not)."""
    g = layout(c)
    left, top, pw, ph = g.left, g.top, g.pw, g.ph
    tid, did = f"{c.id}-title", f"{c.id}-desc"
    xmlns = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    out = [f'<svg class="chart" id="{escape(c.id)}"{xmlns} viewBox="0 0 {c.width} {c.height}" '
           f'width="{c.width}" height="{c.height}" role="img" aria-labelledby="{tid} {did}" '
           'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">',
           f'<title id="{tid}">{escape(c.title)}</title>', f'<desc id="{did}">{escape(c.description)}</desc>',
           f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="#fff" stroke="#999"/>']
    for y, label in g.y_ticks:
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" stroke="#e3e3e3"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#333">{label}</text>')
    for x, label in g.x_ticks:
        out.append(f'<line x1="{x:.1f}" y1="{top + ph}" x2="{x:.1f}" y2="{top + ph + 5}" stroke="#666"/>')
        out.append(f'<text x="{x:.1f}" y="{top + ph + 18}" text-anchor="middle" font-size="11" fill="#333">{label}</text>')
    for x, label in g.markers:
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + ph}" stroke="#888" stroke-dasharray="3 3"/>')
        out.append(f'<text x="{x + 3:.1f}" y="{top + 11}" font-size="10" fill="#666">{escape(label)}</text>')
    out.append(f'<text x="{left + pw / 2:.1f}" y="{top + ph + 34}" text-anchor="middle" font-size="12" fill="#333">'
               f'{escape(c.x_label)}</text>')
    out.append(f'<text transform="translate(14 {top + ph / 2:.1f}) rotate(-90)" text-anchor="middle" font-size="12" '
               f'fill="#333">{escape(c.y_label)}</text>')
    for (colour, dash, path), (lx, ly, _c, _d, label) in zip(g.lines, g.legend):
        d = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in path)
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="2"{dashed}><title>{escape(label)}</title></path>')
        if c.dots and not c.step:  # unstepped, the path's corners are the data points
            out.extend(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"><title>{escape(label)}</title></circle>'
                       for x, y in path)
        out.append(f'<line x1="{lx:.1f}" y1="{ly:.1f}" x2="{lx + 24:.1f}" y2="{ly:.1f}" stroke="{colour}" stroke-width="2"{dashed}/>')
        out.append(f'<text x="{lx + 30:.1f}" y="{ly + 4:.1f}" font-size="12" fill="#333">{escape(label)}</text>')
    out.append("</svg>")
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' if standalone else ""
    return head + "\n".join(out) + ("\n" if standalone else "")
