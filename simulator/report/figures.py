"""The report's charts: the scenario's state variables and the score over exercise time."""

from __future__ import annotations

from .charts import Chart, Series
from .data import ReportData
from .model import Figure
from .wording import at, clock, minute


def _groups(data: ReportData):
    """State variables that share a scale and a direction go on one chart."""
    groups: dict[tuple, list] = {}
    for v in data.pack.scenario.state:
        groups.setdefault((v.higher_is, v.min, v.max), []).append(v)
    return groups


def state_figures(data: ReportData) -> list[Figure]:
    series = data.state_series
    end = max(data.end, series[-1][0] if series else 0.0)
    markers = [(m.starts_at, m.id) for m in data.pack.scenario.modules]
    out = []
    for i, ((higher_is, lo, hi), variables) in enumerate(_groups(data).items(), 1):
        units = {v.unit for v in variables}
        unit = units.pop() if len(units) == 1 else None
        lines = [Series(v.label + (f" ({v.unit})" if v.unit and unit is None else ""),
                        [(t, state[v.id]) for t, state in series]) for v in variables]
        kind = "higher is better" if higher_is == "better" else "higher is worse"
        title = f"State of the city over time ({kind})"
        desc = (f"Stepped line chart of {', '.join(v.label for v in variables)} from minute 0 to {minute(end)}; "
                f"scale {lo:g} to {hi:g}{' ' + unit if unit else ''}. Dashed vertical lines mark module starts.")
        chart = Chart(f"chart-state-{i}", title, desc, lines, (0.0, end), (lo, hi), "Exercise minute",
                      unit or "Value", markers)
        rows = []
        for v, s in zip(variables, lines):
            t_lo, lo_v = min(s.points, key=lambda p: p[1])  # the first minute it was lowest
            t_hi, hi_v = max(s.points, key=lambda p: p[1])
            rows.append([v.label, f"{s.points[0][1]:.1f}", f"{lo_v:.1f} at {at(data.pack, t_lo)}",
                         f"{hi_v:.1f} at {at(data.pack, t_hi)}", f"{s.points[-1][1]:.1f}"])
        out.append(Figure(f"chart-state-{i}", title, chart, ["Variable", "Start", "Lowest", "Highest", "End"], rows))
    return out


def score_figure(data: ReportData) -> Figure:
    pts = [(t, s) for t, s in data.score_series if s is not None]
    title = "Score over time"
    desc = ("Line chart of the running score (0 to 100: P=100, S=67, M=33, U=0, averaged over the findings "
            f"judged so far) at {len(pts)} points from minute 0 to {minute(data.end)}.")
    markers = [(m.starts_at, m.id) for m in data.pack.scenario.modules]
    chart = Chart("chart-score", title, desc, [Series("Score so far", pts)], (0.0, max(data.end, 1.0)), (0.0, 100.0),
                  "Exercise minute", "Score", markers, step=False)
    picks = pts if len(pts) <= 8 else [pts[round(i * (len(pts) - 1) / 7)] for i in range(8)]
    rows = [[minute(t), clock(data.pack, t), f"{s:.1f}"] for t, s in picks]
    return Figure("chart-score", title, chart, ["Minute", "Clock", "Score"], rows)
