"""Drafts by simulated staff that go wrong the way real drafts do (issue 11): speculation about who
did it, a victim's name before the family is told, a required element left out.

Why the real checker: a flaw is only offered if the playbook's own statement checker, through the
judge (prohibitions lifted, names already released), says the draft breaks a rule the clean
template does not, or misses an element of the plan step the template covers. So what a
rehearsing mayor catches before approving is a mistake the scorer would also find, never a
sentence that merely looks wrong. Pure functions of the pack, the exercise record and a seeded
stream.
"""

from __future__ import annotations

import random
import re

from .. import judge
from ..models import Expectation
from ..models.playbook import Template

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_PERPETRATOR = "the attacker"


def _verdicts(pack, record, text: str) -> dict:
    """The judge's verdicts on a text staff weigh, judged (and so logged) by the exercise first."""
    record.judge_text(pack, text)
    return judge.statement_verdicts(pack, text, record)


def breaks(pack, record, text: str) -> frozenset[str]:
    """The prohibitions a statement made now breaks (what a careful approver refuses)."""
    return frozenset(rid for rid, v in _verdicts(pack, record, text).items() if v.harmful)


def _insert(text: str, sentence: str) -> str:
    """The draft with one sentence added after its first (where a hurried drafter puts news)."""
    parts = _SENTENCE.split(text.strip(), maxsplit=1)
    return " ".join([parts[0], sentence, *parts[1:]])


def _speculation(pack) -> str | None:
    vocab = pack.playbook.vocabulary
    blamed = next((c for c in vocab.communities if not c.targeted and c.words), None)
    if blamed is None:
        return None
    who = (vocab.perpetrator or [_PERPETRATOR])[0]
    word = blamed.words[0]
    article = "an" if word[:1].lower() in "aeiou" else "a"
    place = f" from {blamed.places[0]}" if blamed.places else ""
    return f"Early reports suggest {who} may be {article} {word}{place}."


def _victim_name(pack) -> str | None:
    victim = next((p for p in pack.playbook.vocabulary.people if p.role == "victim" and p.names), None)
    return None if victim is None else f"Our thoughts are with the family of {victim.names[0]}."


def _without_an_element(pack, record, exp: Expectation, text: str, covered: frozenset[str], rng: random.Random) -> str | None:
    """The draft with one sentence cut, such that a rule the step needs is no longer met."""
    parts = _SENTENCE.split(text.strip())
    if len(parts) < 2:
        return None
    order = list(range(len(parts)))
    rng.shuffle(order)
    need = set(exp.statement or ()) & covered
    for i in order:
        shorter = " ".join(p for j, p in enumerate(parts) if j != i)
        if need - _verdicts(pack, record, shorter).keys():
            return shorter
    return None


def flawed(pack, record, exp: Expectation, template: Template, rng: random.Random) -> tuple[str, str] | None:
    """A flawed draft of `template` for plan step `exp`, and what is wrong with it; None when the
    pack gives nothing to get wrong that its checker would catch."""
    clean = _verdicts(pack, record, template.text)
    clean_breaks = {rid for rid, v in clean.items() if v.harmful}
    kinds = ["speculation", "victim name", "missing element"]
    rng.shuffle(kinds)
    for kind in kinds:
        if kind == "missing element":
            text = _without_an_element(pack, record, exp, template.text, frozenset(clean), rng)
            if text is not None:
                return text, kind
            continue
        sentence = _speculation(pack) if kind == "speculation" else _victim_name(pack)
        if sentence is None:
            continue
        text = _insert(template.text, sentence)
        if breaks(pack, record, text) - clean_breaks:
            return text, kind
    return None
