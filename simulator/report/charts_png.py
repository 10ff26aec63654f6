"""The report's charts as PNG images (for the Word report), drawn with Pillow from the same layout as the SVG.

Why Pillow and not an SVG rasteriser: cairosvg needs the system's cairo library and matplotlib
is a large dependency for two line charts; Pillow's wheels carry everything they need (its
own FreeType and a bundled font), so the picture is the same on every machine. Lines are
drawn at twice the size and scaled down, which smooths them.
"""

from __future__ import annotations

import io
import math
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from .charts import Chart, layout

SCALE = 2
"""Output pixels per chart pixel: 1520 x 600 for a 760 x 300 chart, sharp on paper."""
_OVER = 2
"""Drawn this many times larger again, then scaled down (anti-aliasing)."""


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def _dashed(draw: ImageDraw.ImageDraw, points: list[tuple[float, float]], fill, width: int, dash: list[float]) -> None:
    """A polyline with a dash pattern (lengths alternate on, off), carried across corners."""
    if not dash:
        draw.line(points, fill=fill, width=width, joint="curve")
        return
    i, left, on = 0, dash[0], True
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        length = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while pos < length:
            step = min(left, length - pos)
            if on:
                a, b = pos / length, (pos + step) / length
                draw.line([(x0 + (x1 - x0) * a, y0 + (y1 - y0) * a), (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b)],
                          fill=fill, width=width)
            pos += step
            left -= step
            if left <= 1e-9:
                i = (i + 1) % len(dash)
                left, on = dash[i], not on


def png(c: Chart) -> bytes:
    """The chart as PNG bytes."""
    k = SCALE * _OVER
    g = layout(c)
    img = Image.new("RGB", (c.width * k, c.height * k), "white")
    draw = ImageDraw.Draw(img)

    def p(x: float, y: float) -> tuple[float, float]:
        return x * k, y * k

    def text(x: float, y: float, s: str, size: int, anchor: str, fill=(51, 51, 51)) -> None:
        draw.text(p(x, y), s, font=_font(size * k), fill=fill, anchor=anchor)

    left, top, pw, ph = g.left, g.top, g.pw, g.ph
    for y, label in g.y_ticks:
        draw.line([p(left, y), p(left + pw, y)], fill=(227, 227, 227), width=k)
        text(left - 6, y, label, 11, "rm")
    draw.rectangle([p(left, top), p(left + pw, top + ph)], outline=(153, 153, 153), width=k)
    for x, label in g.x_ticks:
        draw.line([p(x, top + ph), p(x, top + ph + 5)], fill=(102, 102, 102), width=k)
        text(x, top + ph + 18, label, 11, "ms")
    for x, label in g.markers:
        _dashed(draw, [p(x, top), p(x, top + ph)], (136, 136, 136), k, [3 * k, 3 * k])
        text(x + 3, top + 11, label, 10, "ls", (102, 102, 102))
    text(left + pw / 2, top + ph + 34, c.x_label, 12, "ms")
    side = Image.new("RGB", (int(ph * k), 16 * k), "white")
    ImageDraw.Draw(side).text((ph * k / 2, 8 * k), c.y_label, font=_font(12 * k), fill=(51, 51, 51), anchor="mm")
    img.paste(side.rotate(90, expand=True), (int(6 * k), int(top * k)))
    for (colour, dash, path), (lx, ly, _c, _d, name) in zip(g.lines, g.legend):
        pattern = [float(v) * k for v in dash.split()]
        _dashed(draw, [p(x, y) for x, y in path], _rgb(colour), 2 * k, pattern)
        _dashed(draw, [p(lx, ly), p(lx + 24, ly)], _rgb(colour), 2 * k, pattern)
        text(lx + 30, ly, name, 12, "lm")
    img = img.reduce(_OVER)  # a box filter: averages each block of pixels, fast and smooth enough for lines
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()
