"""A branch beside its original, as Rich text (`tabletop compare`, and the consoles' compare screen), in
the words the consoles use: titles for ids, the story clock for minutes (the JSON keeps the ids)."""

from __future__ import annotations

import re

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..loading.pack import Pack
from ..report.wording import explain_text, finding_subject
from ..story_clock import story_time
from ..terminal import printable
from .compare import Change, Comparison

STYLE = {"P": "bold green", "S": "bold yellow", "M": "bold dark_orange", "U": "bold red", "N/A": "dim"}
CHANGE = {"better": ("better", "green"), "worse": ("worse", "red"), "new": ("new", "cyan"), "gone": ("gone", "magenta"),
          "reworded": ("same rating", "dim")}


def _rating(r: str | None) -> Text:
    return Text("-", style="dim") if r is None else Text(r, style=STYLE.get(r, ""))


def headline(c: Comparison, pack: Pack) -> Text:
    def score(s) -> str:
        return f"{s:.0f}" if s is not None else "-"

    t = Text(f"Original {printable(c.original.log)}: score {score(c.original.score)}   "
             f"What-if {printable(c.branch.log)}: score {score(c.branch.score)}", style="bold")
    if c.score_change is not None:
        t.append(f"   ({c.score_change:+.1f})", style="green" if c.score_change > 0 else "red" if c.score_change < 0 else "dim")
    where = (f"branched at {story_time(pack.scenario, c.branched_at)}" if c.branched_at is not None
             else "not a branch of the original: two runs of the same scenario")
    t.append(f"\n{where}; {len(c.changes)} changed, {c.unchanged} findings the same", style="dim")
    return t


def what(ch: Change, pack: Pack, n: int | None = 70) -> str:
    """What changed, for people: a finding by its title and what it judged, a roll-up by its title
    (never an id: 'Decision taken well: ‘Where and when will the vigil be held?’', not '... I-15')."""
    if ch.kind == "finding":
        subject = finding_subject(pack, ch.id, n=n)
        return f"{ch.title}: {subject}" if subject else ch.title
    title = ch.title if n is None or len(ch.title) <= n else ch.title[: n - 1].rstrip() + "\u2026"
    return f"{ch.kind.capitalize()}: {title}"


_LINE = re.compile(r" \(line \d+\)")


def words(ch: Change, pack: Pack, side: str | None) -> str:
    """One side's explanation of a change, for people: scorer prose with the story clock, titles
    for ids, and no log line numbers (the replay viewer jumps to evidence; the JSON keeps them)."""
    if not side:
        return ""
    rule, _, target = ch.id.partition(":")
    return explain_text(pack, _LINE.sub("", side), target.partition("@")[0] if rule.startswith("plan.") else None,
                        minutes=False)


def rollup_table(c: Comparison, pack: Pack) -> Table:
    table = Table(title="Ratings that moved", title_justify="left", expand=True)
    table.add_column("", width=11)
    table.add_column("what", ratio=1)
    table.add_column("original", width=8)
    table.add_column("what-if", width=8)
    for ch in (x for x in c.changes if x.kind != "finding"):
        word, style = CHANGE[ch.change]
        table.add_row(Text(word, style=style), Text(printable(what(ch, pack))), _rating(ch.original), _rating(ch.branch))
    return table


def finding_table(c: Comparison, pack: Pack) -> Table:
    table = Table(title="Findings that changed", title_justify="left", expand=True)
    table.add_column("", width=11)
    table.add_column("finding", ratio=2)
    table.add_column("original", ratio=3)
    table.add_column("what-if", ratio=3)
    for ch in (x for x in c.changes if x.kind == "finding"):
        word, style = CHANGE[ch.change]
        left, right = Text(), Text()
        left.append_text(_rating(ch.original))
        left.append(f" {printable(words(ch, pack, ch.original_text))}")
        right.append_text(_rating(ch.branch))
        right.append(f" {printable(words(ch, pack, ch.branch_text))}")
        table.add_row(Text(word, style=style), Text(printable(what(ch, pack))), left, right)
    return table


def renderable(c: Comparison, pack: Pack) -> RenderableType:
    parts: list[RenderableType] = [headline(c, pack)]
    if any(x.kind != "finding" for x in c.changes):
        parts.append(rollup_table(c, pack))
    if any(x.kind == "finding" for x in c.changes):
        parts.append(finding_table(c, pack))
    if not c.changes:
        parts.append(Text("The what-if played out exactly as the original: nothing changed."))
    return Group(*parts)
