"""Reading the free-text cells of a planner's MSEL: objectives and capabilities, recipients,
expected actions, severities. Each reader takes what planners write and gives ids the skeleton uses.

Why so lenient: an MSEL is written by people for people. 'OBJ 2 – Public Information and
Warning', 'Objective 2 - …', '2' and 'Public Information and Warning' all name objective 2 or
its capability; 'All Players' is everyone, not a role called all-players.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models.capabilities import closest_capabilities, find_capability

ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_LABELLED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9_.-]{0,63}):\s*(.+)$", re.S)
_NAMED_OBJECTIVE = re.compile(r"^(?:objectives?|obj|o)\s*[-#.:]?\s*(\d{1,3}[a-z]?)(?![\w.])\s*[:\-–—.)]*\s*(.*)$", re.I | re.S)
_NUMBERED = re.compile(r"^(\d{1,3}[a-z]?)(?:\s*[:\-–—.)]\s*(.*))?$", re.S)
_STEP_ID = re.compile(r"\s*\[([A-Za-z0-9][A-Za-z0-9_.-]{0,63})\]\s*$")
STEP_AT_END = re.compile(r"\[[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\]\s*$", re.M)
"""An expected action as export writes it ends with its plan step: '… [first-statement]'."""

EVERYONE = {"all", "allplayers", "everyone", "everybody", "allparticipants", "allroles", "allseats", "plenary",
            "allagencies", "allplayersplenary", "allteams"}
"""Recipients that mean every role at the table (compared without case, spaces or punctuation)."""

SEVERITIES = {"routine": "routine", "info": "routine", "informational": "routine", "information": "routine",
              "low": "low", "minor": "low", "medium": "medium", "med": "medium", "moderate": "medium",
              "normal": "medium", "high": "high", "urgent": "high", "major": "high", "critical": "critical",
              "severe": "critical", "extreme": "critical"}


def means_everyone(text: str) -> bool:
    return re.sub(r"[^a-z]", "", text.lower()) in EVERYONE


def items(text: str) -> list[str]:
    """One item per line; a single-line cell may separate items with ';' instead."""
    parts = text.split("\n") if "\n" in text else text.split(";")
    return [p.strip() for p in parts if p.strip()]


@dataclass
class ObjectiveRef:
    """What one item of an Objective or Capability cell says."""

    id: str | None
    """'OBJ-2', or None when only a capability is named (an objective is found for it later)."""
    capability: str | None
    title: str | None
    near: str | None = None
    """Set when the capability was read from a near spelling: what the sheet wrote."""


def capability_of(text: str) -> tuple[str | None, str | None]:
    """(the core capability `text` names, the spelling when only near) — exact first, then a close
    spelling, then a capability named inside a longer text."""
    text = text.strip()
    if not text:
        return None, None
    found = find_capability(text)
    if found:
        return found, None
    near = closest_capabilities(text, n=1)
    if near and _close(text, near[0]):
        return near[0], text
    inside = [c for c in _by_length() if re.search(rf"\b{re.escape(c.lower())}\b", text.lower())]
    return (inside[0], None) if inside else (None, None)


def _close(text: str, name: str) -> bool:
    import difflib

    return difflib.SequenceMatcher(None, text.lower(), name.lower()).ratio() >= 0.85


def _by_length() -> list[str]:
    from ..models.capabilities import CORE_CAPABILITIES

    return sorted(CORE_CAPABILITIES, key=len, reverse=True)


def objective_refs(text: str) -> list[ObjectiveRef]:
    out = []
    for item in items(text):
        numbered, labelled, named = _NUMBERED.match(item), _LABELLED.match(item), _NAMED_OBJECTIVE.match(item)
        if numbered:  # '2', '2. …'
            oid, rest = f"OBJ-{numbered.group(1).upper()}", numbered.group(2) or ""
        elif labelled:  # 'OBJ-2: …' as export writes it, or the sheet's own id ('O1: …')
            oid, rest = labelled.group(1), labelled.group(2)
        elif named:  # 'OBJ 2 – …', 'Objective 2 - …'
            oid, rest = f"OBJ-{named.group(1).upper()}", named.group(2)
        else:  # a capability, or an objective in words
            oid, rest = None, item
        rest = rest.strip()
        capability, near = capability_of(rest)
        whole = capability is not None and (near is not None or find_capability(rest) is not None)
        out.append(ObjectiveRef(oid, capability, None if whole or not rest else rest, near))
    return out


def split_action(line: str) -> tuple[str | None, str | None, str]:
    """'Mayor: Activate the crisis team [activate-team]' -> ('Mayor', 'activate-team', 'Activate the crisis team').

    The label before ': ' may be a role or (in the earlier form) a step id; the caller decides."""
    step = _STEP_ID.search(line)
    step_id = step.group(1) if step else None
    if step:
        line = line[: step.start()]
    label, sep, rest = line.partition(":")
    if sep and label.strip() and len(label) <= 80 and rest.strip() and "\n" not in label:
        return label.strip(), step_id, rest.strip()
    return None, step_id, line.strip()


def severity_of(text: str) -> str | None:
    return SEVERITIES.get(re.sub(r"[^a-z]", "", text.lower()))
