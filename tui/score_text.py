"""Scorecards and findings as Rich text for the consoles."""

from __future__ import annotations

from rich.text import Text

from simulator.scoring import Finding, Scorecard
from simulator.scoring.model import RATING_WORDS

from .render import rating_text

ORDER = {"U": 0, "M": 1, "S": 2, "P": 3, "N/A": 4}


def card_summary(card: Scorecard, findings: int = 8) -> Text:
    t = Text()
    t.append(f"Score {card.score:.0f}/100" if card.score is not None else "Not scored yet", style="bold")
    t.append("" if card.final else f"  (live, minute {card.minute:.0f}; pending steps not judged yet)", style="dim")
    t.append("\n\nObjectives\n", style="bold underline")
    for r in card.objectives:
        t.append_text(rating_text(r.rating))
        t.append(f" {r.title}\n")
    t.append("\nRoles\n", style="bold underline")
    for r in card.roles:
        t.append_text(rating_text(r.rating))
        t.append(f" {r.title}: {r.rule}\n")
    worst = sorted((f for f in card.findings if f.rating in ("U", "M", "S")), key=lambda f: (ORDER[f.rating], f.id))
    t.append(f"\nChallenges ({len(worst)})\n", style="bold underline")
    for f in worst[:findings]:
        t.append_text(rating_text(f.rating))
        t.append(f" {f.title}\n")
    return t


def finding_text(f: Finding, evidence: dict[int, str]) -> Text:
    t = Text()
    t.append_text(rating_text(f.rating))
    t.append(f" {RATING_WORDS[f.rating]}\n", style="bold")
    t.append(f"{f.title}\n\n", style="bold")
    t.append(f"{f.explanation}\n\n")
    if f.matched:  # the statement's own words behind the verdict, set apart so they can be scanned
        t.append("Words that triggered it: ", style="bold")
        t.append(", ".join(f"'{w}'" for w in f.matched) + "\n\n", style="italic")
    t.append(f"Rule: {f.rule}   Roles: {', '.join(f.roles) or '-'}\n", style="dim")
    if f.objective or f.capability:
        t.append(f"Objective: {f.objective or '-'}   Capability: {f.capability or '-'}\n", style="dim")
    t.append(f"Source: {f.source}\n", style="dim")
    if f.override:
        t.append(f"Overridden by {f.override.by}: {f.override.rationale} (suggested {f.suggested})\n", style="italic")
    t.append("\nEvidence\n", style="bold underline")
    if not f.evidence:
        t.append("  (no log line: something expected did not happen)\n", style="dim")
    for n in f.evidence:
        t.append(f"  line {n}: {evidence.get(n, '')}\n")
    return t
