"""One seat's coached feedback as Rich text: printed by `tabletop score --seat`, shown by the consoles."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..terminal import printable
from .model import SeatFeedback

STYLE = {"P": "bold green", "S": "bold yellow", "M": "bold dark_orange", "U": "bold red", "N/A": "dim"}


def _minute(t: float | None) -> str:
    return "-" if t is None else f"{t:g}"


def _rated(rating: str, text: str) -> RenderableType:
    # A table of two columns keeps wrapped lines under their text, not under the rating.
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=4)
    grid.add_column(ratio=1)
    grid.add_row(Text(f" {rating}", style=STYLE.get(rating, "")), Text(printable(text)))
    return grid


def _detail(text: str, style: str = "dim") -> RenderableType:
    return Padding(Text(printable(text), style=style), (0, 0, 0, 6))


def _quote(words: list[str]) -> str:
    return ", ".join(f"'{w}'" for w in words) or "(matched)"


def renderable(fb: SeatFeedback, branch_hint: str | None = None) -> RenderableType:
    """The feedback in reading order; `branch_hint` says how to re-run the most important moment."""
    parts: list[RenderableType] = []
    head = Text(f"Coached feedback: {printable(fb.role_title)} ({fb.role})", style="bold")
    head.append(f"  {printable(fb.scenario_title)}", style="")
    parts.append(head)
    score = f"team score {fb.score:.0f}/100" if fb.score is not None else "not scored yet"
    parts.append(Text(f"Your seat: {fb.rating}   {score}" + ("" if fb.final else f"   (live, minute {fb.minute:g})"),
                      style="dim"))

    parts.append(Text("\nThree things to practise next", style="bold underline"))
    if not fb.practise:
        parts.append(Text("  Nothing this run asks you to practise: everything of yours went as the plan asks."))
    for n, p in enumerate(fb.practise, 1):
        parts.append(_rated(p.rating, f"{n}. {p.title}"))
        parts.append(_detail(p.why + (f" (from minute {p.minute:g})" if p.minute is not None else "")))
    if fb.moment is not None:
        hint = branch_hint or f"re-run it as a what-if from minute {fb.moment.minute:g}"
        parts.append(Text(f"  Most important moment: minute {fb.moment.minute:g}; {hint}", style="italic"))

    parts.append(Text("\nWhat only you could authorise", style="bold underline"))
    if not fb.authorised:
        parts.append(Text("  This seat holds no power of its own in this scenario, and nobody asked it to approve anything."))
    for a in fb.authorised:
        when = (f"; due by {_minute(a.due)}, done {_minute(a.done_at)}" if a.kind == "plan_step"
                else f"; at minute {a.done_at:g}" if a.done_at is not None else "")
        parts.append(_rated(a.rating, f"{a.what}  [{a.verdict.replace('_', ' ')}{when}]"))
        if a.rating != "P":  # what went as the plan asks needs no more words than its line
            parts.append(_detail(a.explanation))

    parts.append(Text("\nWho you should have called", style="bold underline"))
    if not fb.calls:
        parts.append(Text("  No call, report or approval the plan asked of this seat."))
    for c in fb.calls:
        whom = f"{c.whom}: " if c.whom else ""
        parts.append(_rated(c.rating, f"{whom}{c.what}  [{c.verdict.replace('_', ' ')}; due {_minute(c.due)}, done {_minute(c.done_at)}]"))
        if c.rating != "P":
            parts.append(_detail(c.explanation))

    parts.append(Text("\nYour decisions against the option the plan favours", style="bold underline"))
    if not fb.decisions:
        parts.append(Text("  No decision was put to this seat."))
    for d in fb.decisions:
        parts.append(_rated(d.rating, f"{d.prompt}  (asked at minute {d.asked_at:g})"))
        if d.chosen is not None:
            how = "Nobody decided; by default" if d.lapsed else f"Chosen at minute {_minute(d.decided_at)}"
            parts.append(_detail(f"{how}: {d.chosen.label}" + (f" - {d.chosen.note}" if d.chosen.note else "")))
        elif d.lapsed or d.verdict == "not_decided":
            parts.append(_detail("Nobody decided."))
        if d.favoured is not None and (d.chosen is None or d.chosen.id != d.favoured.id):
            parts.append(_detail(f"The plan favours: {d.favoured.label}" + (f" - {d.favoured.note}" if d.favoured.note else "")))
        elif d.favoured is not None:
            parts.append(_detail("That is the option the plan favours."))

    if fb.supervises or fb.wrong_calls:
        parts.append(Text("\nWrong calls below you: overruled or let stand", style="bold underline"))
    if fb.supervises and not fb.wrong_calls:
        parts.append(Text("  Nobody below you chose against the option the plan favours."))
    for w in fb.wrong_calls:
        what = {"overruled": f"you overruled it at minute {_minute(w.overruled_at)}",
                "let_stand": "you let it stand",
                "overruled_by_another": f"overruled at minute {_minute(w.overruled_at)} by someone else"}[w.verdict]
        who = f"{w.decider_title}{' (simulated staff)' if w.staff else ''}"
        parts.append(_rated(w.rating, f"{who}: {w.prompt}  [{what}]"))
        parts.append(_detail(w.explanation))

    parts.append(Text("\nStatements you issued, approved or turned down", style="bold underline"))
    if not fb.statements:
        parts.append(Text("  None."))
    for s in fb.statements:
        excerpt = s.text if len(s.text) <= 160 else s.text[:157] + "..."
        parts.append(_rated(s.rating, f"minute {s.minute:g}, {s.part}{'' if s.by == fb.role else ' (' + s.by + ')'}: \"{excerpt}\""))
        parts.append(_detail(s.explanation))
        for v in s.breaks:
            parts.append(_detail(f"breaks {v.label}: {_quote(v.words)}  ({v.source})", style="red"))
        for v in s.covers:
            parts.append(_detail(f"covers {v.label}: {_quote(v.words)}"))
    return Group(*parts)


def render(fb: SeatFeedback, console: Console, branch_hint: str | None = None) -> None:
    console.print(renderable(fb, branch_hint))
