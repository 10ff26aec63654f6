"""What a clock jump passed over, said in words for the facilitator: where it landed, why it
stopped short (a deadline ahead), and what happened on the way (injects delivered, decisions
that lapsed, plan steps missed)."""

from __future__ import annotations

from simulator.engine import events as E
from simulator.story_clock import minute_at

from .display import ExerciseView


def held_by_text(view: ExerciseView, held_by: str) -> str:
    """'decision:I2' or 'step:P1' as people read it."""
    kind, _, ref = held_by.partition(":")
    if kind == "decision" and ref in view.pack.injects:
        inj = view.pack.injects[ref]
        return f"the decision \u201c{inj.decision.prompt if inj.decision else inj.title}\u201d"
    if kind == "step" and ref in view.steps:
        step = view.steps[ref]
        return f"the {view.role_title(step.role)}'s plan step \u201c{step.description}\u201d"
    return "a deadline"


def jump_summary(view: ExerciseView, start: float, jumped: E.ClockJumped, events: list[E.Event]) -> str:
    """One short paragraph: where the jump landed, and what it skipped over."""
    landed = view.clock(jumped.to)
    lines = [f"Jumped {jumped.to - start:.0f} min to {landed}."]
    if jumped.held_by:
        lines.append(f"Stopped a minute before {held_by_text(view, jumped.held_by)} is due "
                     "(jump again, or through deadlines, to go on).")
    delivered = [e.title for e in events if isinstance(e, E.InjectDelivered)]
    lapsed = [view.pack.injects[e.inject].title for e in events
              if isinstance(e, E.DecisionLapsed) and e.inject in view.pack.injects]
    missed = [view.steps[e.expectation].description for e in events
              if isinstance(e, E.DeadlinePassed) and e.expectation in view.steps]
    if delivered:
        lines.append(f"Delivered: {_few(delivered)}.")
    if lapsed:
        lines.append(f"Lapsed on the way: {_few(lapsed)}.")
    if missed:
        lines.append(f"Plan steps missed on the way: {_few(missed)}.")
    if not (delivered or lapsed or missed):
        lines.append("Nothing happened on the way.")
    return "\n".join(lines)


def _few(titles: list[str], n: int = 3) -> str:
    shown = ", ".join(f"\u201c{t.rstrip('.')}\u201d" for t in titles[:n])
    return shown + (f" and {len(titles) - n} more" if len(titles) > n else "")


def parse_target(view: ExerciseView, text: str, now: float) -> float | None:
    """A jump target typed by the facilitator: an exercise minute ('45'), minutes from now
    ('+15'), or a story time ('10:30' or 'Day 3 10:30': the first time the clock shows it after
    now, `story_clock.minute_at`). None if it is none of these, or not ahead."""
    text = text.strip()
    duration = view.pack.scenario.clock.duration
    try:
        if text.startswith("+"):
            target = now + float(text[1:])
        elif ":" in text:
            found = minute_at(view.pack.scenario, text, after=now)
            target = -1.0 if found is None else found
        else:
            target = float(text)
    except ValueError:
        return None
    return target if now < target <= duration else None
