"""The playbook check of one statement draft, as people read it: what it covers, what it
breaks, with the words that triggered each verdict and where they are in the text.

One function, `check_draft`, for every place a person meets the check: `tabletop playbook
check`, the statement composer (live, as the player types) and the approval dialog. It asks the
judge (`judge.statement_verdicts`), so a prohibition lifted by the exercise so far is lifted
here too; it never judges a statement itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import judge

if TYPE_CHECKING:
    from .judge import StatementRecord
    from .loading.pack import Pack


@dataclass(frozen=True)
class RuleVerdict:
    rule: str
    label: str
    """The rule as the playbook names it ('Express empathy'), not its id."""
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    """Character spans of the triggering words in the text."""


@dataclass(frozen=True)
class DraftCheck:
    covers: tuple[RuleVerdict, ...]
    breaks: tuple[RuleVerdict, ...]
    unread: int = 0
    """Characters past the checker's limit, not judged."""

    def as_dict(self) -> dict:
        """The shape `tabletop playbook check --json` prints."""
        both = sorted(self.covers + self.breaks, key=lambda v: v.rule)
        return {"covers": [v.rule for v in self.covers], "breaks": [v.rule for v in self.breaks],
                "why": {v.rule: list(v.words) for v in both},
                "spans": {v.rule: [list(s) for s in v.spans] for v in both}, "unread": self.unread}


def rule_labels(pack: "Pack") -> dict[str, str]:
    """Rule id -> what the playbook calls it."""
    pb = pack.playbook
    out = {r.id: r.label for g in (pb.first_message, pb.key_messages, pb.prohibited, pb.audiences) for r in g}
    out.update({r.id: f"corrects rumour {r.id} (spread by {r.inject})" for r in pb.rumours})
    return out


def check_draft(pack: "Pack", text: str, record: "StatementRecord") -> DraftCheck:
    """Judge `text` as if said now, given the exercise so far (`record`)."""
    verdicts = judge.statement_verdicts(pack, text, record)
    harmful = {p.id for p in pack.playbook.prohibited}
    labels = rule_labels(pack)
    covers: list[RuleVerdict] = []
    breaks: list[RuleVerdict] = []
    for rid, v in sorted(verdicts.items()):
        entry = RuleVerdict(rid, labels.get(rid, rid), tuple(v.words), tuple((h.start, h.end) for h in v.hits))
        (breaks if rid in harmful else covers).append(entry)
    return DraftCheck(tuple(covers), tuple(breaks), judge.checked(pack, text, record).unread)
