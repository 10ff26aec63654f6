"""Plain summaries of an exercise for the headless CLI: counts, plan steps, final state, timeline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from . import judge
from .engine import events as E
from .event_words import EventWords
from .loading.pack import Pack
from .story_clock import story_time


def summarise(pack: Pack, events: Sequence[E.Event]) -> dict[str, Any]:
    """Counts and outcomes from the events of a session."""
    types = Counter(e.type for e in events)
    state = {v.id: v.initial for v in pack.scenario.state}
    due: dict[str, float] = {}
    met: dict[str, float] = {}
    ended: E.ExerciseEnded | None = None
    for e in events:
        if isinstance(e, E.StateChanged):
            state.update(e.values)
        elif isinstance(e, E.ExpectationTriggered):
            due.setdefault(e.expectation, e.due)
        elif isinstance(e, E.ExpectationMet):
            met.setdefault(e.expectation, e.t)
        elif isinstance(e, E.ExerciseEnded) and ended is None:
            ended = e
    now = events[-1].t if events else 0.0
    steps_by_id = pack.expectations
    # Each step judged as the scorer judges it (simulator/judge.py), from the engine's met events.
    judged = Counter(judge.timeliness(met[x], due[x], steps_by_id[x].grace) for x in met if x in due)
    missed = sorted(x for x in due if x not in met and judge.missed(now, due[x], steps_by_id[x].grace, ended is not None))
    steps = {
        "total": len(pack.plan.expectations),
        "triggered": len(due),
        "met_on_time": judged["on_time"],
        "met_within_grace": judged["late_within_grace"],
        "met_late": judged["late"],
        "missed": len(missed),
        "missed_essential": [x for x in missed if steps_by_id[x].essential],
    }
    return {
        "scenario": pack.scenario.id,
        "title": pack.scenario.title,
        "events": len(events),
        "ended_at": ended.t if ended else None,
        "ended_story": story_time(pack.scenario, ended.t) if ended else None,
        "injects_delivered": types["inject_delivered"],
        "injects_total": len(pack.scenario.injects),
        "decisions_made": types["decision_made"],
        "decisions_lapsed": types["decision_lapsed"],
        "actions": types["action_taken"],
        "statements": types["statement_issued"],
        "approvals": types["approval_answered"],
        "reports": types["message_sent"],
        "plan_steps": steps,
        "final_state": {k: round(v, 1) for k, v in state.items()},
    }


def summary_text(s: dict[str, Any], pack: Pack) -> str:
    """The summary for people: plan steps by what they say and state by its labels (the JSON
    summary keeps the ids)."""
    from .report.wording import step_text

    steps = s["plan_steps"]
    labels = {v.id: (v.label, v.unit) for v in pack.scenario.state}
    lines = [
        f"{s['title']} ({s['scenario']})",
        (f"  seed {s.get('seed')}, policy {s.get('policy')}, competence {s.get('competence')}" if "seats" not in s
         else f"  seed {s.get('seed')}, seats: {s['seats']}"),
        (f"  exercise ended at minute {s['ended_at']:g}" + (f" ({s['ended_story']} in the story)" if s.get("ended_story") else "")
         + f", {s['events']} events") if s["ended_at"] is not None else "  not ended",
        f"  injects delivered   {s['injects_delivered']} of {s['injects_total']}",
        f"  decisions           {s['decisions_made']} made, {s['decisions_lapsed']} lapsed",
        f"  actions taken       {s['actions']}",
        f"  public statements   {s['statements']}",
        f"  approvals answered  {s['approvals']}",
        f"  plan steps          {steps['met_on_time']} on time, {steps['met_within_grace']} late within grace, "
        f"{steps['met_late']} late, {steps['missed']} missed"
        f" (of {steps['triggered']} triggered, {steps['total']} in the plan)",
    ]
    if steps["missed_essential"]:
        lines.append("  missed essential")
        lines.extend(f"    - {step_text(pack.expectations[x].description, 90) if x in pack.expectations else x}"
                     for x in steps["missed_essential"])
    lines.append("  final state")
    for k, v in s["final_state"].items():
        label, unit = labels.get(k, (k, None))
        lines.append(f"    {label:<34} {v:g}" + (f" {unit}" if unit else ""))
    if s.get("log"):
        lines.append(f"  log                 {s['log']}")
    return "\n".join(lines)


def timeline_text(pack: Pack, lines: list[dict]) -> str:
    """A readable timeline of log entries (commands and events): the story's clock, the one the
    consoles show (so a jump to 'Week 2 Wed 07:30' reads as one), then what happened in words
    (simulator/event_words.py: titles and labels, never ids). A free text is given whole, its
    further lines indented under the first."""
    words = EventWords(pack)
    rows = [(story_time(pack.scenario, d["t"]), words.of(d).sentence()) for d in lines]
    width = max((len(clock) for clock, _text in rows), default=0)
    out = []
    for clock, text in rows:
        first, *rest = text.split("\n")
        out.append(f"{clock:>{width}}  {first}")
        out.extend(f"{'':>{width}}    {line}" for line in rest if line.strip())
    return "\n".join(out)
