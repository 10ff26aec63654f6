"""Texts for the facilitator console panels: what comes next (with facilitator notes) and every role's activity."""

from __future__ import annotations

from rich.text import Text

from simulator.story_clock import story_time

from ..render import SEVERITY_STYLE, countdown
from simulator.console.display import ExerciseView


def next_text(v: ExerciseView, now: float) -> Text:
    sc = v.pack.scenario
    t = Text()
    if v.decisions:
        t.append("Open decisions\n", style="bold underline")
        for inj_id, (role, due) in v.decisions.items():
            t.append(f"  {v.role_title(role)}: {v.pack.injects[inj_id].decision.prompt} ({countdown(due, now)})\n")
        t.append("\n")
    t.append("Next injects\n", style="bold underline")
    upcoming = v.next_injects(3)
    if not upcoming:
        t.append("  No scheduled inject is left; conditional ones may still fire.\n", style="dim")
    for inj in upcoming:
        to = "everyone" if inj.to == "all" else v.titles(inj.to)
        t.append(f"  {story_time(sc, inj.at)} (in {max(0.0, inj.at - now):.0f} min) ", style="bold")
        t.append(f"{inj.title}\n", style=SEVERITY_STYLE.get(inj.severity, ""))
        t.append(f"    {inj.channel} to {to}\n", style="dim")
        if inj.facilitator_notes:
            t.append(f"    Note: {inj.facilitator_notes.strip()}\n", style="italic")
        if inj.decision:
            t.append(f"    Decision: {inj.decision.prompt}\n")
            for o in inj.decision.options:
                t.append(f"      - {o.label}" + (" (recommended)" if o.recommended else "") + "\n")
                if o.note:
                    t.append(f"        {o.note.strip()}\n", style="dim italic")
    return t


def roles_text(v: ExerciseView, seats: dict) -> Text:
    t = Text()
    for rid, role in v.pack.roles.items():
        seat = seats.get(rid)
        who = "person" if seat is None or seat.kind == "human" else f"staff ({seat.policy}, competence {seat.competence:g})"
        c = v.counts[rid]
        t.append(f"{role.title}", style="bold")
        t.append(f"  {who}" + ("  UNREACHABLE" if rid in v.unavailable else "") + "\n", style="dim")
        t.append(f"  {c['actions']} actions, {c['statements']} statements, {c['decisions']} decisions, "
                 f"{c['messages']} messages; {v.unread(rid)} unread, {len(v.pending_for(rid))} waiting\n")
        steps = [s for s in v.steps.values() if s.role == rid]
        done = sum(1 for s in steps if s.status in ("done", "late_within_grace", "late"))
        missed = sum(1 for s in steps if s.status == "missed")
        t.append(f"  plan: {done} done, {missed} missed, {sum(1 for s in steps if s.status == 'pending')} pending\n")
        if rid in v.last_by_role:
            t.append(f"  last: {v.last_by_role[rid]}\n", style="italic")
    return t
