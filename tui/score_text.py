"""Scorecards and findings as Rich text for the consoles."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.text import Text

from simulator.loading.pack import Pack
from simulator.report.reasons import rollup_reason
from simulator.report.wording import clock, explained, finding_subject, role_name
from simulator.scoring import Finding, Scorecard
from simulator.scoring.model import RATING_WORDS

from .render import rating_text

ORDER = {"U": 0, "M": 1, "S": 2, "P": 3, "N/A": 4}


def card_summary(card: Scorecard, pack: Pack, findings: int = 8) -> Text:
    """The scorecard in a few lines: score, objectives, roles (with why, in words: the same sentence
    the printed scorecard and the report give), worst findings; times on the story clock."""
    t = Text()
    t.append(f"Score {card.score:.0f}/100" if card.score is not None else "Not scored yet", style="bold")
    t.append("" if card.final else f"  (live, {clock(pack, card.minute)}; pending steps not judged yet)", style="dim")
    t.append("\n\nObjectives\n", style="bold underline")
    for r in card.objectives:
        t.append_text(rating_text(r.rating))
        t.append(f" {r.title}\n")
    t.append("\nRoles\n", style="bold underline")
    for r in card.roles:
        t.append_text(rating_text(r.rating))
        t.append(f" {r.title}: {rollup_reason(r, card, pack)}\n")
    worst = sorted((f for f in card.findings if f.rating in ("U", "M", "S")), key=lambda f: (ORDER[f.rating], f.id))
    t.append(f"\nChallenges ({len(worst)})\n", style="bold underline")
    for f in worst[:findings]:
        t.append_text(rating_text(f.rating))
        t.append(f" {f.title}\n")
    return t


def finding_row(f: Finding, pack: Pack, at_line: Callable[[int], str | None] | None = None) -> Text:
    """A finding on one line, as the scorecard and the replay viewer list it: its rating, its title
    and what it judged (`finding_subject`), never its id ('On time: ‘Activate the crisis team…’')."""
    t = rating_text(f.rating)
    subject = finding_subject(pack, f.id, f.expectation, at_line, n=None)  # the list cuts the row to its width
    t.append(f" {f.title}" + (f": {subject}" if subject else ""))
    return t


def finding_text(f: Finding, evidence: Iterable[str], pack: Pack | None = None,
                 at_line: Callable[[int], str | None] | None = None, jump_hint: bool = False) -> Text:
    """A finding in full: what it judged, why (scorer prose in the consoles' words: story clock,
    titles), the words that triggered it, its source, and its evidence as log entries told in
    words (`evidence`: one row per line, its story time first)."""
    t = Text()
    t.append_text(rating_text(f.rating))
    t.append(f" {RATING_WORDS[f.rating]}\n", style="bold")
    subject = finding_subject(pack, f.id, f.expectation, at_line, n=None) if pack is not None else ""
    t.append(f"{f.title}" + (f": {subject}" if subject else "") + "\n\n", style="bold")
    t.append((explained(pack, f, minutes=False) if pack is not None else f.explanation) + "\n\n")
    if f.matched:  # the statement's own words behind the verdict, set apart so they can be scanned
        t.append("Words that triggered it: ", style="bold")
        t.append(", ".join(f"'{w}'" for w in f.matched) + "\n\n", style="italic")
    roles = ", ".join(role_name(pack, r) if pack is not None else r for r in f.roles) or "-"
    t.append(f"Roles: {roles}\n", style="dim")
    if f.objective or f.capability:
        objective = f.objective
        if pack is not None and f.objective:
            found = next((o for o in pack.scenario.objectives if o.id == f.objective), None)
            objective = found.title.rstrip(".") if found else objective
        t.append(f"Objective: {objective or '-'}\nCapability: {f.capability or '-'}\n", style="dim")
    t.append(f"Source: {f.source}\n", style="dim")
    if f.override:
        by = role_name(pack, f.override.by) if pack is not None and f.override.by in pack.roles else f.override.by
        t.append(f"Overridden by the {by}: {f.override.rationale} (suggested {f.suggested})\n", style="italic")
    rows = list(evidence)
    t.append("\nEvidence" + (" (Enter jumps to it)" if jump_hint and rows else "") + "\n", style="bold underline")
    if not rows:
        t.append("  Nothing in the log: something expected did not happen.\n", style="dim")
    for row in rows:
        t.append(f"  {row}\n")
    return t
