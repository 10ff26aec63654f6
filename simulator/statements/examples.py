"""Rules judged against their own examples: a rule that misjudges what its author wrote for it
is a broken rule (`tabletop lint` reports each one where the example is written)."""

from __future__ import annotations

from collections.abc import Iterator

from ..models.playbook import Playbook
from .checker import Checker

SECTIONS = ("first_message", "key_messages", "prohibited", "rumours", "audiences")


def misjudged(playbook: Playbook, checker: Checker | None = None) -> Iterator[tuple[tuple, str]]:
    """(location in the playbook, plain message) for every example a rule judges wrongly."""
    checker = checker or Checker(playbook)
    for section in SECTIONS:
        for i, rule in enumerate(getattr(playbook, section)):
            ex = rule.examples
            if ex is None:
                continue
            verb = "flag" if section == "prohibited" else "match"
            for key, want in (("match", True), ("no_match", False)):
                for k, text in enumerate(getattr(ex, key)):
                    verdict = checker.judge(rule, checker.read(text))
                    if (verdict is not None) == want:
                        continue
                    if want:
                        msg = f"rule {rule.id} does not {verb} its own example: {text[:80]!r}"
                    else:
                        words = ", ".join(repr(w) for w in verdict.words[:5]) if verdict else ""
                        msg = f"rule {rule.id} wrongly {verb}es its own no_match example {text[:80]!r} (on {words})"
                    yield (section, i, "examples", key, k), msg
