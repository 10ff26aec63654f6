"""A branch beside its original, as Rich text (`tabletop compare`, and the consoles' compare screen)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..terminal import printable
from .compare import Comparison

STYLE = {"P": "bold green", "S": "bold yellow", "M": "bold dark_orange", "U": "bold red", "N/A": "dim"}
CHANGE = {"better": ("better", "green"), "worse": ("worse", "red"), "new": ("new", "cyan"), "gone": ("gone", "magenta"),
          "reworded": ("same rating", "dim")}


def _rating(r: str | None) -> Text:
    return Text("-", style="dim") if r is None else Text(r, style=STYLE.get(r, ""))


def headline(c: Comparison) -> Text:
    def score(s) -> str:
        return f"{s:.0f}" if s is not None else "-"

    t = Text(f"Original {printable(c.original.log)}: score {score(c.original.score)}   "
             f"What-if {printable(c.branch.log)}: score {score(c.branch.score)}", style="bold")
    if c.score_change is not None:
        t.append(f"   ({c.score_change:+.1f})", style="green" if c.score_change > 0 else "red" if c.score_change < 0 else "dim")
    where = (f"branched at minute {c.branched_at:g}" if c.branched_at is not None
             else "not a branch of the original: two runs of the same scenario")
    t.append(f"\n{where}; {len(c.changes)} changed, {c.unchanged} findings the same", style="dim")
    return t


def _what(ch) -> str:
    target = ch.id.split(":", 1)[-1]
    if ch.kind == "finding":
        return f"{ch.title}: {target}"
    title = ch.title if len(ch.title) <= 70 else ch.title[:67] + "..."
    return f"{ch.kind.capitalize()} {target}: {title}" if ch.kind == "objective" else f"{ch.kind.capitalize()}: {title}"


def rollup_table(c: Comparison) -> Table:
    table = Table(title="Ratings that moved", title_justify="left", expand=True)
    table.add_column("", width=11)
    table.add_column("what", ratio=1)
    table.add_column("original", width=8)
    table.add_column("what-if", width=8)
    for ch in (x for x in c.changes if x.kind != "finding"):
        word, style = CHANGE[ch.change]
        table.add_row(Text(word, style=style), Text(printable(_what(ch))), _rating(ch.original), _rating(ch.branch))
    return table


def finding_table(c: Comparison) -> Table:
    table = Table(title="Findings that changed", title_justify="left", expand=True)
    table.add_column("", width=11)
    table.add_column("finding", ratio=2)
    table.add_column("original", ratio=3)
    table.add_column("what-if", ratio=3)
    for ch in (x for x in c.changes if x.kind == "finding"):
        word, style = CHANGE[ch.change]
        left, right = Text(), Text()
        left.append_text(_rating(ch.original))
        left.append(f" {printable(ch.original_text or '')}")
        right.append_text(_rating(ch.branch))
        right.append(f" {printable(ch.branch_text or '')}")
        table.add_row(Text(word, style=style), Text(printable(_what(ch))), left, right)
    return table


def renderable(c: Comparison) -> RenderableType:
    parts: list[RenderableType] = [headline(c)]
    if any(x.kind != "finding" for x in c.changes):
        parts.append(rollup_table(c))
    if any(x.kind == "finding" for x in c.changes):
        parts.append(finding_table(c))
    if not c.changes:
        parts.append(Text("The what-if played out exactly as the original: nothing changed."))
    return Group(*parts)
