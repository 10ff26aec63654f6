"""State gauges: one bar per state variable, coloured by whether higher is better, with a trend."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ..render import sparkline


class Gauges(Static):
    def show(self, variables, state: dict[str, float], series: dict[str, list[float]], width: int = 14) -> None:
        t = Text()
        for v in variables:
            value = state[v.id]
            frac = (value - v.min) / ((v.max - v.min) or 1)
            good = frac if v.higher_is == "better" else 1 - frac
            style = "green" if good >= 0.6 else "yellow" if good >= 0.35 else "bold red"
            filled = int(round(frac * width))
            hist = series[v.id]
            # The arrow and the change beside it come from the same two numbers, rounded as shown,
            # so an arrow never points up next to a value that did not move.
            delta = round(value - hist[max(0, len(hist) - 6)], 1) if len(hist) > 1 else 0.0
            trend = "↑" if delta > 0 else "↓" if delta < 0 else "→"
            change = f"{delta:+.1f}" if delta else ""
            if len(v.label) > 22:  # a long label gets its own line rather than being cut
                t.append(f"{v.label}\n{'':<22} ")
            else:
                t.append(f"{v.label:<22} ")
            t.append("█" * filled, style=style)
            t.append("░" * (width - filled), style="dim")
            t.append(f" {value:5.1f}{v.unit or ''} {trend}{change:<5} ", style=style)
            t.append(sparkline(hist, v.min, v.max) + "\n", style="dim")
        self.update(t)
