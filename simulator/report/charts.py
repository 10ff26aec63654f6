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


def line_chart(chart_id: str, title: str, description: str, series: list[Series], x_range: tuple[float, float],
               y_range: tuple[float, float], x_label: str, y_label: str, markers: Sequence[tuple[float, str]] = (),
               step: bool = True, width: int = 760, height: int = 300) -> str:
    """One SVG chart. `step` draws values as held until the next change (state variables do that)."""
    left, right, top = 56, 30, 14
    legend_rows = math.ceil(len(series) / 3)
    bottom = 46 + 18 * legend_rows
    pw, ph = width - left - right, height - top - bottom
    (x0, x1), (y0, y1) = x_range, y_range
    x1 = x1 if x1 > x0 else x0 + 1
    y1 = y1 if y1 > y0 else y0 + 1

    def sx(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * pw

    def sy(y: float) -> float:
        return top + ph - (y - y0) / (y1 - y0) * ph

    tid, did = f"{chart_id}-title", f"{chart_id}-desc"
    out = [f'<svg class="chart" id="{chart_id}" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-labelledby="{tid} {did}">',
           f'<title id="{tid}">{escape(title)}</title>', f'<desc id="{did}">{escape(description)}</desc>',
           f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="#fff" stroke="#999"/>']
    for v in nice_ticks(y0, y1, 6):
        y = sy(v)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" stroke="#e3e3e3"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">{_fmt(v)}</text>')
    for v in nice_ticks(x0, x1, 9):
        x = sx(v)
        out.append(f'<line x1="{x:.1f}" y1="{top + ph}" x2="{x:.1f}" y2="{top + ph + 5}" stroke="#666"/>')
        out.append(f'<text x="{x:.1f}" y="{top + ph + 18}" text-anchor="middle" class="tick">{_fmt(v)}</text>')
    for x, label in markers:
        if x0 <= x <= x1:
            out.append(f'<line x1="{sx(x):.1f}" y1="{top}" x2="{sx(x):.1f}" y2="{top + ph}" stroke="#888" stroke-dasharray="3 3"/>')
            out.append(f'<text x="{sx(x) + 3:.1f}" y="{top + 11}" class="marker">{escape(label)}</text>')
    out.append(f'<text x="{left + pw / 2:.1f}" y="{top + ph + 34}" text-anchor="middle" class="axis">{escape(x_label)}</text>')
    out.append(f'<text transform="translate(14 {top + ph / 2:.1f}) rotate(-90)" text-anchor="middle" class="axis">{escape(y_label)}</text>')
    for i, s in enumerate(series):
        pts = thin(s.points, x0, x1, pw)
        if not pts:
            continue
        path = [f"M{sx(pts[0][0]):.1f},{sy(pts[0][1]):.1f}"]
        for (_px, py), (x, y) in zip(pts, pts[1:]):
            if step:
                path.append(f"H{sx(x):.1f}V{sy(y):.1f}")
            else:
                path.append(f"L{sx(x):.1f},{sy(y):.1f}")
        if step:
            path.append(f"H{sx(x1):.1f}")
        dash = f' stroke-dasharray="{DASHES[i % len(DASHES)]}"' if DASHES[i % len(DASHES)] else ""
        colour = PALETTE[i % len(PALETTE)]
        out.append(f'<path d="{"".join(path)}" fill="none" stroke="{colour}" stroke-width="2"{dash}>'
                   f'<title>{escape(s.label)}</title></path>')
        row, col = divmod(i, 3)
        lx, ly = left + col * (pw / 3), top + ph + 44 + row * 18
        out.append(f'<line x1="{lx:.1f}" y1="{ly:.1f}" x2="{lx + 24:.1f}" y2="{ly:.1f}" stroke="{colour}" stroke-width="2"{dash}/>')
        out.append(f'<text x="{lx + 30:.1f}" y="{ly + 4:.1f}" class="legend">{escape(s.label)}</text>')
    out.append("</svg>")
    return "\n".join(out)
