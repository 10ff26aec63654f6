"""What the replay viewer shows at one moment: the log entry in focus, an overview, or what one role
saw and did (findings are told by tui/score_text.py, as on the scorecard).

Everything is in the words of the live consoles: story clock times (`ExerciseView.clock`), role
titles, plan-step text, and log entries told by `simulator.event_words`; never an id or an
exercise minute. Nothing is cut short here: the pane scrolls.
"""

from __future__ import annotations

from rich.text import Text

from simulator import briefing
from simulator.console.display import ExerciseView
from simulator.event_words import Words
from simulator.report.wording import channel_name

from ..render import SEVERITY_STYLE, STEP_MARK, STEP_WORDS, countdown, sparkline

WAITING_WORDS = {"decision": "Decide", "approve": "Approve", "approved": "Approved, to use", "denied": "Denied"}
"""What a role is waiting on, in words (the display model's kinds are names, not words)."""


def entry_text(clock: str, said: Words, body: str | None = None) -> Text:
    """One log entry in full: its story time, who did what, and an inject's own words."""
    t = Text()
    t.append(f"{clock}  ", style="bold")
    t.append(said.sentence() + "\n")
    if body:
        t.append(body.strip() + "\n", style="italic")
    return t


def _steps(t: Text, v: ExerciseView, role: str | None) -> None:
    for s in v.steps.values():
        if (role is None or s.role == role) and s.status != "waiting":
            mark, style = STEP_MARK[s.status]
            t.append(f"  {mark} ", style=style)
            t.append((f"{v.role_title(s.role)}: " if role is None else "") + s.description)
            if s.status == "pending" and s.due is not None:
                t.append(f" (due {v.clock(s.due)}, {countdown(s.due, v.now)})", style="dim")
            elif s.status in STEP_WORDS:
                t.append(f" ({STEP_WORDS[s.status]})", style=style)
            t.append("\n")


def overview_text(v: ExerciseView, width: int = 80) -> Text:
    """Every role and the state at this moment; `width` is the pane's, so a gauge's trend fits beside it."""
    t = Text()
    if v.module:
        t.append(f"{v.module}\n", style="dim")
    roles = v.pack.scenario.roles[:9]
    keys = " \u00b7 ".join(f"{n} {v.role_title(r)}" for n, r in enumerate(roles, 1))
    t.append(f"Keys 1-{len(roles)} show what one role saw and did: {keys}\n\n", style="dim")
    t.append("State\n", style="bold underline")
    label = max((len(var.label) for var in v.pack.scenario.state), default=0)
    trend = max(0, min(12, width - label - 12))
    for var in v.pack.scenario.state:
        spark = sparkline(v.series[var.id], var.min, var.max, trend) if trend else ""  # (a width of 0 would be every value)
        t.append(f"  {var.label:<{label}} {v.state[var.id]:6.1f}  {spark}\n")
    t.append("\nPlan steps so far\n", style="bold underline")
    _steps(t, v, None)
    t.append("\nLatest activity\n", style="bold underline")
    for line in v.activity[-10:]:
        t.append(line + "\n")
    return t


def role_text(v: ExerciseView, role: str) -> Text:
    t = Text()
    title = v.pack.roles[role].title
    t.append(f"What the {title} saw and did, up to {v.clock(v.now)}\n", style="bold")
    if role in v.unavailable:  # told of the role, for a reviewer (the live console tells the player 'you')
        away = briefing.away_now(v.pack, role, v.now)
        until = f" until {v.clock(away.end)}" if away is not None and away.end is not None else ""
        acting = v.acting_for(role)
        who = f"; the {v.role_title(acting)} acts for them" if acting != role else "; nobody acts for them"
        t.append(f"The {title} cannot be reached{until}{who}.\n", style="italic")
    waiting = v.pending_for(role)
    t.append(f"\nWaiting on the {title} ({len(waiting)})\n", style="bold underline")
    for p in waiting:
        due = f" (due {v.clock(p.due)}, {countdown(p.due, v.now)})" if p.due is not None else ""
        t.append(f"  {WAITING_WORDS.get(p.kind, p.kind.capitalize())}: {p.title}{due}\n")
    items = v.inbox[role]
    t.append(f"\nInbox ({len(items)}, latest last)\n", style="bold underline")
    for it in items:
        t.append(f"  {it.when:>5} {channel_name(it.channel)}: ", style="dim")
        t.append(it.title + "\n", style=SEVERITY_STYLE.get(it.severity, ""))
    t.append("\nChecklist\n", style="bold underline")
    _steps(t, v, role)
    mine = [line for line, who in zip(v.activity, v.activity_roles) if who == role]
    t.append(f"\nWhat the {title} did ({len(mine)})\n", style="bold underline")
    for line in mine:
        t.append(line + "\n")
    return t
