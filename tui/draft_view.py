"""A statement draft and its playbook check, as Rich text: the approval dialog, the composer's
live check and the inbox show the same picture. The check itself is `simulator.draft_check`."""

from __future__ import annotations

from rich.text import Text

from simulator.draft_check import DraftCheck

BREAK_STYLE = "bold white on red"
COVER_STYLE = "underline green"


def marked_text(text: str, check: DraftCheck | None) -> Text:
    """The draft with the words that triggered a verdict highlighted (prohibitions over credits)."""
    t = Text(text)
    if check is None:
        return t
    for v in check.covers:
        for start, end in v.spans:
            t.stylize(COVER_STYLE, start, end)
    for v in check.breaks:
        for start, end in v.spans:
            t.stylize(BREAK_STYLE, start, end)
    return t


def check_text(check: DraftCheck | None, off: bool = False) -> Text:
    """What the draft breaks and covers, each rule by its name with the triggering words."""
    t = Text()
    if off:
        t.append("The live statement check is off for this assessed exercise.", style="dim")
        return t
    if check is None:
        t.append("Type the statement: the playbook check shows here as you write.", style="dim")
        return t
    if check.breaks:
        t.append(f"Breaks {len(check.breaks)}:", style="bold red")
        for v in check.breaks:
            t.append(f"\n  ✗ {v.label} ", style="red")
            t.append(" ".join(f"'{w}'" for w in v.words[:4]), style=BREAK_STYLE)
    else:
        t.append("Breaks no prohibition.", style="green")
    t.append("\n")
    if check.covers:
        t.append(f"Covers {len(check.covers)}:", style="bold green")
        for v in check.covers:
            t.append(f"\n  ✓ {v.label} ", style="green")
            t.append(" ".join(f"'{w}'" for w in v.words[:3]), style=COVER_STYLE)
    else:
        t.append("Covers no key message yet.", style="yellow")
    if check.unread:
        t.append(f"\nOnly the first part was checked ({check.unread:,} characters not read).", style="yellow")
    return t


def draft_header(channel: str | None, languages: list[str] | None, audience: list[str] | None) -> str:
    parts = [f"On {channel}" if channel else "No channel chosen"]
    if languages is not None:
        parts.append("in " + (", ".join(languages) or "no language chosen"))
    if audience:
        parts.append("for " + ", ".join(audience))
    return " · ".join(parts)
