"""A checker's result as the exercise log keeps it, and back.

Why the log keeps verdicts: the engine acts on them (a correction lowers rumour reach, a statement
meets a plan step, simulated staff choose a draft by them), and replay re-runs the engine. If replay
re-checked each text with the checker of the day, every improvement to the rules would make logs
already written stop replaying, and their score and report change after the fact. So each text an
exercise judges is written once, with its verdicts (`StatementJudged`), and replay and the scorer
take the verdicts from there: a log is judged by the rules it was played with.

The mapping is exact both ways (a replayed line must equal the logged one to the character).
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from ..models.conditions import Condition
from .verdict import Hit, Result, Verdict

_CONDITION: TypeAdapter[Any] = TypeAdapter(Condition)


def to_data(result: Result) -> list[dict[str, Any]]:
    """Every verdict of a result as plain data, in rule order."""
    return [{"rule": v.rule, "kind": v.kind, "harmful": v.harmful, "why": v.why,
             "hits": [_hit_data(h) for h in v.hits]} for _rule, v in sorted(result.verdicts.items())]


def _hit_data(h: Hit) -> dict[str, Any]:
    data: dict[str, Any] = {"start": h.start, "end": h.end, "words": h.words, "cue": h.cue}
    if h.until is not None:
        data["until"] = _CONDITION.dump_python(h.until, mode="json", by_alias=True, exclude_none=True)
    return data


def from_data(verdicts: list[dict[str, Any]], unread: int) -> Result:
    """The result `to_data` wrote (raises ValueError, KeyError or TypeError on data it did not write)."""
    out: dict[str, Verdict] = {}
    for v in verdicts:
        hits = tuple(Hit(int(h["start"]), int(h["end"]), str(h["words"]), str(h["cue"]),
                         _CONDITION.validate_python(h["until"]) if "until" in h else None) for h in v["hits"])
        out[str(v["rule"])] = Verdict(str(v["rule"]), str(v["kind"]), bool(v["harmful"]), hits, str(v["why"]))
    return Result(out, int(unread))
