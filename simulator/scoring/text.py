"""The scorecard as Rich tables for the terminal."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..loading.pack import Pack
from ..report.reasons import rollup_reason
from ..report.wording import clock, explained, finding_subject, minute
from ..terminal import printable
from .model import RATING_WORDS, Rollup, Scorecard

STYLE = {"P": "bold green", "S": "bold yellow", "M": "bold dark_orange", "U": "bold red", "N/A": "dim"}


def _rating(r: str) -> Text:
    return Text(r, style=STYLE.get(r, ""))


def _rollup_table(title: str, label: str, rows: list[Rollup], card: Scorecard, pack: Pack) -> Table:
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column("rating", width=6)
    table.add_column(label, ratio=2)
    table.add_column("why", ratio=3)
    for r in rows:
        table.add_row(_rating(r.rating), Text(printable(r.title)), Text(printable(rollup_reason(r, card, pack))))
    return table


def render(card: Scorecard, console: Console, pack: Pack, all_findings: bool = False) -> None:
    """Print the scorecard: overall score, objectives, capabilities, then findings worst first.
    Reasons and explanations are in words and on the story clock (the exercise minute beside it,
    which `tabletop branch --at` takes); each finding keeps its id, which `tabletop override` takes."""
    head = Text(f"Scorecard: {card.scenario}  ", style="bold")
    head.append(f"score {card.score:.0f}/100" if card.score is not None else "not scored yet")
    head.append("" if card.final else f"  (live, {clock(pack, card.minute)}, minute {minute(card.minute)})", style="dim")
    console.print(head)
    console.print(Text("Ratings: " + "  ".join(f"{k} {v}" for k, v in RATING_WORDS.items()), style="dim"))
    console.print(_rollup_table("Objectives", "objective", card.objectives, card, pack))
    console.print(_rollup_table("Capabilities", "capability", card.capabilities, card, pack))
    console.print(_rollup_table("Roles", "role", card.roles, card, pack))
    order = {"U": 0, "M": 1, "S": 2, "P": 3, "N/A": 4}
    shown = [f for f in card.findings if all_findings or f.rating in ("U", "M", "S")]
    table = Table(title=f"Findings ({len(shown)} of {len(card.findings)}{'' if all_findings else '; --all shows every one'})",
                  title_justify="left", expand=True)
    table.add_column("rating", width=6)
    table.add_column("rule", ratio=2)
    table.add_column("finding", ratio=5)
    table.add_column("log lines", ratio=1)
    for f in sorted(shown, key=lambda f: (order[f.rating], f.id)):
        # Explanations quote the log (values said in statements, a rationale typed by an evaluator).
        subject = finding_subject(pack, f.id, f.expectation, n=100)
        detail = Group(Text(printable(f"{f.title}" + (f": {subject}" if subject else "")), style="bold"),
                       Text(printable(explained(pack, f))), Text(printable(f"source: {f.source}"), style="dim"))
        if f.override:
            detail = Group(detail, Text(printable(f"override by {f.override.by}: {f.override.rationale} (suggested {f.suggested})"),
                                        style="italic"))
        table.add_row(_rating(f.rating), Text(printable(f"{f.rule}\n{f.id.split(':', 1)[1]}")), detail,
                      ", ".join(map(str, f.evidence)) or "-")
    console.print(table)
