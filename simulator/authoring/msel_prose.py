"""Conditions in plain language, for the MSEL's Contingency column: written by export, read by import.

Why words: a controller reads the printed MSEL in the room, where '{all: [{delivered: I-06},
{state: rumour_reach, above: 65.0}]}' means nothing, while 'when inject I-06 has been delivered
and rumour_reach is above 65' does. The words are a small fixed grammar, so import reads back
exactly what export wrote (and what a planner writes the same way):

    condition := part ('or' part)*          part := unit ('and' unit)*
    unit      := 'not' unit | '(' condition ')' | fact
    fact      := VAR is above|below|at least|at most N ('and' above|below|at least|at most N)*
               | inject ID has been delivered [before HH:MM]
               | 'OPTION LABEL' has been chosen at ID      (or: option OPTION has been chosen at ID)
               | action ID has been taken [by ROLE] [before HH:MM]
               | a statement [by ROLE] [covering RULE] [on CHANNEL] has been issued
               | after HH:MM

Times are elapsed exercise time. Export puts a nested 'and' or 'or' in brackets, so the words
never depend on which binds tighter; a planner's unbracketed 'a and b or c' reads as (a and b) or c.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import conditions as c
from .timefmt import hhmm, parse_hhmm

MAX_NESTING = 30
"""Brackets and 'not's deeper than this are refused (a real trigger has two or three)."""

_COMPARE = {"above": "above", "below": "below", "at_least": "at least", "at_most": "at most"}


def number(value: float) -> str:
    """65.0 -> '65', 65.5 -> '65.5': short, and read back to the same number."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))


def to_words(cond, option_label: Callable[[str, str], str]) -> str:
    """A condition as words; `option_label(decision, option)` gives the label an option is shown by."""

    def unit(x) -> str:
        text = words(x)
        return f"({text})" if isinstance(x, (c.WhenAll, c.WhenAny)) and len(_items(x)) > 1 else text

    def words(x) -> str:
        if isinstance(x, (c.WhenAll, c.WhenAny)):
            joiner = " and " if isinstance(x, c.WhenAll) else " or "
            return joiner.join(unit(i) for i in _items(x))
        if isinstance(x, c.WhenNot):
            inner = x.not_
            return "not " + (f"({words(inner)})" if not isinstance(inner, c.WhenNot) else words(inner))
        if isinstance(x, c.WhenState):
            limits = [f"{_COMPARE[k]} {number(v)}" for k in _COMPARE if (v := getattr(x, k)) is not None]
            return f"{x.state} is " + " and ".join(limits)
        if isinstance(x, c.WhenDelivered):
            return f"inject {x.delivered} has been delivered" + (f" before {hhmm(x.before)}" if x.before is not None else "")
        if isinstance(x, c.WhenChosen):
            return f"'{option_label(x.chosen, x.option)}' has been chosen at {x.chosen}"
        if isinstance(x, c.WhenAction):
            return (f"action {x.action} has been taken" + (f" by {x.by}" if x.by else "")
                    + (f" before {hhmm(x.before)}" if x.before is not None else ""))
        if isinstance(x, c.WhenAfter):
            return f"after {hhmm(x.after)}"
        if isinstance(x, c.WhenStatement):
            q = x.statement
            return ("a statement" + (f" by {q.by}" if q.by else "") + (f" covering {q.covers}" if q.covers else "")
                    + (f" on {q.channel}" if q.channel else "") + " has been issued")
        raise TypeError(f"not a condition: {x!r}")

    return words(cond)


def _items(x) -> list:
    return list(x.all) if isinstance(x, c.WhenAll) else list(x.any_)


class ProseError(ValueError):
    """Words that are not a condition; the message says where and what was expected."""


_ID = r"[A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9_]|[A-Za-z0-9]"
_NUM = r"-?\d+(?:\.\d+)?(?:e[+-]?\d+)?"
_TIME = r"\d{1,3}:[0-5]\d(?::[0-5]\d)?"
_CMP_WORDS = {"above": "above", "over": "above", "more than": "above", "greater than": "above", ">": "above",
              "below": "below", "under": "below", "less than": "below", "<": "below",
              "at least": "at_least", ">=": "at_least", "at most": "at_most", "<=": "at_most"}
_CMP = "|".join(re.escape(w) for w in sorted(_CMP_WORDS, key=len, reverse=True))
_HAS = r"(?:has been|have been|was|were|is|are)"
_FACTS = [
    ("state", re.compile(rf"(?P<var>{_ID})\s+(?:is\s+)?(?P<cmp>{_CMP})\s*(?P<n>{_NUM})", re.I)),
    ("delivered", re.compile(rf"(?:inject\s+)?(?P<id>{_ID})\s+{_HAS}\s+delivered(?:\s+before\s+(?P<t>{_TIME}))?", re.I)),
    ("chosen", re.compile(rf"(?:'(?P<label>.*?)'|option\s+(?P<option>{_ID}))\s+{_HAS}\s+chosen\s+(?:at|on|for|in)\s+"
                          rf"(?:inject\s+)?(?P<id>{_ID})", re.I)),
    ("action", re.compile(rf"action\s+(?P<id>{_ID})\s+{_HAS}\s+taken(?:\s+by\s+(?P<by>{_ID}))?"
                          rf"(?:\s+before\s+(?P<t>{_TIME}))?", re.I)),
    ("statement", re.compile(rf"an?\s+(?:public\s+)?statement(?:\s+by\s+(?P<by>{_ID}))?(?:\s+covering\s+(?P<covers>{_ID}))?"
                             rf"(?:\s+on\s+(?P<channel>{_ID}))?\s+{_HAS}\s+(?:issued|made|published)", re.I)),
    ("after", re.compile(rf"after\s+(?P<t>{_TIME})", re.I)),
]
_MORE_LIMIT = re.compile(rf"\s+and\s+(?:is\s+)?(?P<cmp>{_CMP})\s*(?P<n>{_NUM})", re.I)
_END_OF_FACT = re.compile(r"(?=\s|\)|$)")


def from_words(text: str, option_id: Callable[[str, str], str]) -> dict:
    """Words -> the condition as YAML data ({all: [...]}, {state: x, above: 65.0}); ProseError otherwise.

    `option_id(decision, label)` turns an option label into the id of that option."""
    return _Parser(text, option_id).parse()


class _Parser:
    def __init__(self, text: str, option_id: Callable[[str, str], str]):
        self.text, self.pos, self.option_id = " ".join(text.split()).rstrip("."), 0, option_id
        self.depth = 0

    def fail(self, expected: str):
        rest = self.text[self.pos:]
        near = f"at \"{rest[:30]}{'…' if len(rest) > 30 else ''}\"" if rest else "at the end"
        raise ProseError(f"{near}: expected {expected}")

    def skip(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] == " ":
            self.pos += 1

    def word(self, w: str) -> bool:
        self.skip()
        found = re.compile(rf"{re.escape(w)}(?=\s|\(|$)" if w.isalpha() else re.escape(w), re.I).match(self.text, self.pos)
        if found:
            self.pos = found.end()
        return bool(found)

    def parse(self) -> dict:
        if not self.text.strip():
            self.fail("a condition, like 'tension is above 70'")
        out = self.condition()
        self.skip()
        if self.pos < len(self.text):
            self.fail("'and', 'or' or the end")
        return out

    def condition(self) -> dict:
        parts = [self.part()]
        while self.word("or"):
            parts.append(self.part())
        return parts[0] if len(parts) == 1 else {"any": parts}

    def part(self) -> dict:
        units = [self.unit()]
        while self.word("and"):
            units.append(self.unit())
        return units[0] if len(units) == 1 else {"all": units}

    def unit(self) -> dict:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise ProseError(f"nested more than {MAX_NESTING} levels deep; refused")
        try:
            if self.word("not"):
                return {"not": self.unit()}
            if self.word("("):
                inner = self.condition()
                if not self.word(")"):
                    self.fail("')'")
                return inner
            return self.fact()
        finally:
            self.depth -= 1

    def fact(self) -> dict:
        self.skip()
        for kind, pattern in _FACTS:
            found = pattern.match(self.text, self.pos)
            if found and _END_OF_FACT.match(self.text, found.end()):
                self.pos = found.end()
                return self.build(kind, found)
        self.fail("a fact, like 'tension is above 70', 'inject I-06 has been delivered' or "
                  "\"'Request support' has been chosen at I-07\"")
        raise AssertionError  # fail() raises

    def build(self, kind: str, m: re.Match) -> dict:
        g = m.groupdict()
        if kind == "state":
            out: dict = {"state": g["var"], _CMP_WORDS[g["cmp"].lower()]: float(g["n"])}
            while (more := _MORE_LIMIT.match(self.text, self.pos)) and _END_OF_FACT.match(self.text, more.end()):
                out[_CMP_WORDS[more["cmp"].lower()]] = float(more["n"])
                self.pos = more.end()
            return out
        if kind == "delivered":
            return {"delivered": g["id"], **({"before": parse_hhmm(g["t"])} if g["t"] else {})}
        if kind == "chosen":
            option = g["option"] if g["option"] else self.option_id(g["id"], g["label"])
            return {"chosen": g["id"], "option": option}
        if kind == "action":
            return {"action": g["id"], **({"by": g["by"]} if g["by"] else {}),
                    **({"before": parse_hhmm(g["t"])} if g["t"] else {})}
        if kind == "statement":
            return {"statement": {k: g[k] for k in ("by", "covers", "channel") if g[k]}}
        return {"after": parse_hhmm(g["t"])}
