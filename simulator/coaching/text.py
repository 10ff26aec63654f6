"""One seat's coached feedback as Rich text: printed by `tabletop score --seat`, shown by the consoles."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..loading.pack import Pack
from ..report.wording import at, clock, humane
from ..terminal import printable
from .model import SeatFeedback

STYLE = {"P": "bold green", "S": "bold yellow", "M": "bold dark_orange", "U": "bold red", "N/A": "dim"}


class _Clock:
    """Times and prose on the story clock: the consoles show only the story time ('12:08'); the
    printed feedback keeps the exercise minute beside it ('12:08 (minute 28)'), which is what
    `tabletop branch --at` takes. Without a pack (old callers), the exercise minute alone."""

    def __init__(self, pack: "Pack | None", minutes: bool):
        self.pack, self.minutes = pack, minutes

    def at(self, t: float | None) -> str:
        if t is None:
            return "-"
        if self.pack is None:
            return f"minute {t:g}"
        return at(self.pack, t) if self.minutes else clock(self.pack, t)

    def prose(self, text: str) -> str:
        if self.pack is None:
            return text
        # The scorer opens a plan step's sentence with the step's whole description and role; the
        # item's title above already names the step, so the sentence says 'This step'.
        for exp in self.pack.plan.expectations:
            subject = f"'{exp.description}' ({exp.role})"
            if text.startswith(subject):
                text = "This step" + text[len(subject):]
                break
        return humane(self.pack, text, self.minutes)


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


def renderable(fb: SeatFeedback, branch_hint: str | None = None, pack: Pack | None = None,
               minutes: bool = True) -> RenderableType:
    """The feedback in reading order; `branch_hint` says how to re-run the most important moment.
    With the pack, times are the story clock's (and, with `minutes`, the exercise minute too)."""
    c = _Clock(pack, minutes)
    parts: list[RenderableType] = []
    head = Text(f"Coached feedback: {printable(fb.role_title)} ({fb.role})", style="bold")
    head.append(f"  {printable(fb.scenario_title)}", style="")
    parts.append(head)
    score = f"team score {fb.score:.0f}/100" if fb.score is not None else "not scored yet"
    parts.append(Text(f"Your seat: {fb.rating}   {score}" + ("" if fb.final else f"   (live, {c.at(fb.minute)})"),
                      style="dim"))

    parts.append(Text("\nThree things to practise next", style="bold underline"))
    if not fb.practise:
        parts.append(Text("  Nothing this run asks you to practise: everything of yours went as the plan asks."))
    for n, p in enumerate(fb.practise, 1):
        parts.append(_rated(p.rating, f"{n}. {p.title}"))
        parts.append(_detail(c.prose(p.why) + (f" (from {c.at(p.minute)})" if p.minute is not None else "")))
    if fb.moment is not None:
        hint = branch_hint or f"re-run it as a what-if from {c.at(fb.moment.minute)}"
        parts.append(Text(f"  Most important moment: {c.at(fb.moment.minute)}; {hint}", style="italic"))

    parts.append(Text("\nWhat only you could authorise", style="bold underline"))
    if not fb.authorised:
        parts.append(Text("  This seat holds no power of its own in this scenario, and nobody asked it to approve anything."))
    for a in fb.authorised:
        when = (f"; due by {c.at(a.due)}, done {c.at(a.done_at)}" if a.kind == "plan_step"
                else f"; at {c.at(a.done_at)}" if a.done_at is not None else "")
        parts.append(_rated(a.rating, f"{a.what}  [{a.verdict.replace('_', ' ')}{when}]"))
        if a.rating != "P":  # what went as the plan asks needs no more words than its line
            parts.append(_detail(c.prose(a.explanation)))

    parts.append(Text("\nWho you should have called", style="bold underline"))
    if not fb.calls:
        parts.append(Text("  No call, report or approval the plan asked of this seat."))
    for call in fb.calls:
        whom = f"{call.whom}: " if call.whom else ""
        parts.append(_rated(call.rating, f"{whom}{call.what}  [{call.verdict.replace('_', ' ')}; due {c.at(call.due)}, "
                                         f"done {c.at(call.done_at)}]"))
        if call.rating != "P":
            parts.append(_detail(c.prose(call.explanation)))

    parts.append(Text("\nYour decisions against the option the plan favours", style="bold underline"))
    if not fb.decisions:
        parts.append(Text("  No decision was put to this seat."))
    for d in fb.decisions:
        parts.append(_rated(d.rating, f"{d.prompt}  (asked at {c.at(d.asked_at)})"))
        if d.chosen is not None:
            how = "Nobody decided; by default" if d.lapsed else f"Chosen at {c.at(d.decided_at)}"
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
        what = {"overruled": f"you overruled it at {c.at(w.overruled_at)}",
                "let_stand": "you let it stand",
                "overruled_by_another": f"overruled at {c.at(w.overruled_at)} by someone else"}[w.verdict]
        who = f"{w.decider_title}{' (simulated staff)' if w.staff else ''}"
        parts.append(_rated(w.rating, f"{who}: {w.prompt}  [{what}]"))
        parts.append(_detail(c.prose(w.explanation)))

    parts.append(Text("\nStatements you issued, approved or turned down", style="bold underline"))
    if not fb.statements:
        parts.append(Text("  None."))
    for s in fb.statements:
        excerpt = s.text if len(s.text) <= 160 else s.text[:157] + "..."
        by = "" if s.by == fb.role else f" ({pack.roles[s.by].title if pack is not None and s.by in pack.roles else s.by})"
        parts.append(_rated(s.rating, f"{c.at(s.minute)}, {s.part}{by}: \"{excerpt}\""))
        parts.append(_detail(c.prose(s.explanation)))
        for v in s.breaks:
            parts.append(_detail(f"breaks {v.label}: {_quote(v.words)}  ({v.source})", style="red"))
        for v in s.covers:
            parts.append(_detail(f"covers {v.label}: {_quote(v.words)}"))
    return Group(*parts)


def render(fb: SeatFeedback, console: Console, branch_hint: str | None = None, pack: Pack | None = None) -> None:
    console.print(renderable(fb, branch_hint, pack))
