"""What the replay viewer shows at one moment: an overview, or what one role saw and did."""

from __future__ import annotations

from rich.text import Text

from ..render import SEVERITY_STYLE, STEP_MARK, countdown, sparkline
from simulator.console.display import ExerciseView


def _steps(t: Text, v: ExerciseView, role: str | None) -> None:
    for s in v.steps.values():
        if (role is None or s.role == role) and s.status != "waiting":
            mark, style = STEP_MARK[s.status]
            t.append(f"  {mark} ", style=style)
            t.append((f"{s.role}: " if role is None else "") + s.description[:70] + "\n")


def overview_text(v: ExerciseView) -> Text:
    t = Text()
    t.append("State\n", style="bold underline")
    for var in v.pack.scenario.state:
        t.append(f"  {var.label[:26]:<26} {v.state[var.id]:6.1f}  {sparkline(v.series[var.id], var.min, var.max)}\n")
    t.append("\nPlan steps so far\n", style="bold underline")
    _steps(t, v, None)
    t.append("\nLatest activity\n", style="bold underline")
    for line in v.activity[-10:]:
        t.append(line + "\n")
    return t


def role_text(v: ExerciseView, role: str) -> Text:
    t = Text()
    title = v.pack.roles[role].title
    t.append(f"{title} at minute {v.now:.1f}\n", style="bold")
    waiting = v.pending_for(role)
    t.append(f"\nWaiting on {title} ({len(waiting)})\n", style="bold underline")
    for p in waiting:
        t.append(f"  {p.kind}: {p.title[:70]}" + (f" ({countdown(p.due, v.now)})" if p.kind == "decision" else "") + "\n")
    items = v.inbox[role]
    t.append(f"\nInbox ({len(items)}; latest last)\n", style="bold underline")
    for it in items[-12:]:
        t.append(f"  {it.t:5.1f} {it.channel[:9]:<9} ", style="dim")
        t.append(it.title[:60] + "\n", style=SEVERITY_STYLE.get(it.severity, ""))
    t.append("\nChecklist\n", style="bold underline")
    _steps(t, v, role)
    mine = [ln for ln in v.activity if f" {v.role_title(role):<14.14} " in ln]
    t.append(f"\nWhat {title} did ({len(mine)})\n", style="bold underline")
    for line in mine[-10:]:
        t.append(line + "\n")
    return t
