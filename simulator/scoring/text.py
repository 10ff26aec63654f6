"""The scorecard as Rich tables for the terminal."""

from __future__ import annotations

import re

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..terminal import printable
from .model import RATING_WORDS, Finding, Rollup, Scorecard

STYLE = {"P": "bold green", "S": "bold yellow", "M": "bold dark_orange", "U": "bold red", "N/A": "dim"}


def _rating(r: str) -> Text:
    return Text(r, style=STYLE.get(r, ""))


_ID = re.compile(r"\b(?:expectation:[\w.-]+|[a-z_]+\.[a-z_]+:[^\s,()]+)")


def finding_label(f: Finding) -> str:
    """A finding for people: its title and target, e.g. 'Approval before release (line 26)',
    'Reported upwards: I-09 (health)', 'On time: plan step first-statement'."""
    target = f.id.split(":", 1)[1]
    target, _, line = target.partition("@")
    target, _, role = target.partition("/")
    if f.expectation and target == f.expectation:
        target = f"plan step {target}"
    if f.rule == "plan.decision":
        return f"Decision on {target}"
    text = f.title
    if target and target not in ("statement", "required", "timing") and target.lower() not in f.title.lower():
        text += f": {target.replace('->', ' to ')}"
    if role:
        text += f" ({role})"
    if line:
        text += f" (line {line})"
    return text


def why(rollup: Rollup, card: Scorecard) -> str:
    """A roll-up's reason in words: finding and plan-step ids become titles, and 'worst of N
    ratings' names the rating. The ids stay in the JSON scorecard; this is only how it reads."""
    findings = {f.id: f for f in card.findings}

    def name(m: re.Match) -> str:
        key = m.group(0)
        if key in findings:
            return finding_label(findings[key])
        if key.startswith("expectation:"):
            return f"plan step {key.split(':', 1)[1]}"
        return key

    text = _ID.sub(name, rollup.rule)
    text = re.sub(r"^worst of (\d+) ratings:", lambda m: f"worst of {m.group(1)} ratings ({rollup.suggested}):", text)
    text = re.sub(r"\(suggested (\w/?\w?): worst of (\d+) ratings:",
                  lambda m: f"(suggested {m.group(1)}: worst of {m.group(2)} ratings ({m.group(1)}):", text)
    steps = re.match(r"^essential plan step not performed: (.*)$", text)
    if steps and "," in steps.group(1):
        text = f"essential plan steps not performed: {steps.group(1)}"
    text = re.sub(r"^(worst finding: .*\()(\w+)\)$", lambda m: m.group(1) + m.group(2).replace("_", " ") + ")", text)
    return text.replace(" ...", ", and others")


def _rollup_table(title: str, label: str, rows: list[Rollup], card: Scorecard) -> Table:
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column("rating", width=6)
    table.add_column(label, ratio=2)
    table.add_column("why", ratio=3)
    for r in rows:
        table.add_row(_rating(r.rating), Text(printable(r.title)), Text(printable(why(r, card))))
    return table


def render(card: Scorecard, console: Console, all_findings: bool = False) -> None:
    """Print the scorecard: overall score, objectives, capabilities, then findings worst first."""
    head = Text(f"Scorecard: {card.scenario}  ", style="bold")
    head.append(f"score {card.score:.0f}/100" if card.score is not None else "not scored yet")
    head.append("" if card.final else f"  (live, minute {card.minute:g})", style="dim")
    console.print(head)
    console.print(Text("Ratings: " + "  ".join(f"{k} {v}" for k, v in RATING_WORDS.items()), style="dim"))
    console.print(_rollup_table("Objectives", "objective", card.objectives, card))
    console.print(_rollup_table("Capabilities", "capability", card.capabilities, card))
    console.print(_rollup_table("Roles", "role", card.roles, card))
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
        detail = Group(Text(printable(f.explanation)), Text(printable(f"source: {f.source}"), style="dim"))
        if f.override:
            detail = Group(detail, Text(printable(f"override by {f.override.by}: {f.override.rationale} (suggested {f.suggested})"),
                                        style="italic"))
        table.add_row(_rating(f.rating), Text(printable(f"{f.rule}\n{f.id.split(':', 1)[1]}")), detail,
                      ", ".join(map(str, f.evidence)) or "-")
    console.print(table)
