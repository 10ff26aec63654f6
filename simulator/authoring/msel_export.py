"""`tabletop msel export`: a pack's injects as MSEL rows a controller can read (see msel.py for the columns).

Why words and titles rather than ids and condition syntax: the MSEL is printed and ticked off
in the room. Every cell is still exact enough for `msel import` to read back the same rows.
"""

from __future__ import annotations

from ..loading.pack import Pack
from ..models.scenario import Inject, Module
from ..story_clock import story_time
from .modules import module_of
from .msel import COLUMNS
from .msel_prose import to_words
from .reach import Analysis
from .timefmt import hhmm

SECTION = "Module"
"""What a section row's Number cell starts with, unless the module's title already says so."""
_SPLITS = ",;/\n:()[]'"
TITLE_CHARS = 24
"""Characters that separate names in a cell: a title holding one is written as its id instead."""


def section_text(m: Module) -> str:
    """A module's section row, in its one cell: 'Module 2 - Evening · story time Day 1, 15:00 ·
    starts at 01:20 elapsed' (read back by msel_layout.section_parts)."""
    from .msel_layout import is_section_text

    label = m.title if is_section_text(m.title) else f"{SECTION}: {m.title}"
    story = f" · story time {' '.join(m.time.split())}" if m.time else ""
    return f"{label}{story} · starts at {hhmm(m.starts_at)} elapsed"


def short(text: str, limit: int = 60) -> str:
    """The first clause of a description, to name a plan step in a sentence."""
    first = " ".join(text.split())
    for stop in (": ", ". ", "; ", " — ", " – "):
        first = first.split(stop, 1)[0]
    first = first.rstrip(".")
    if len(first) <= limit:
        return first
    return first[: limit - 1].rsplit(" ", 1)[0] + "…"


class _Names:
    """How roles, options and steps are named in the sheet."""

    def __init__(self, pack: Pack):
        self.pack, self.s = pack, pack.scenario
        self.options = {(i.id, o.id): o.label for i in self.s.injects if i.decision for o in i.decision.options}

    def role(self, rid: str) -> str:
        """A role's title when it is short and plain ('Mayor', 'Police commander'), else its id
        ('communications' rather than 'City spokesperson (public information officer)')."""
        role = self.pack.roles.get(rid)
        title = " ".join(role.title.split()) if role is not None else rid
        plain = title and len(title) <= TITLE_CHARS and not any(ch in title for ch in _SPLITS)
        return title if plain else rid

    def option(self, decision: str, option: str) -> str:
        return self.options.get((decision, option), option)

    def decider(self, inj: Inject) -> str:
        assert inj.decision is not None
        rid = inj.decision.role or (self.s.roles[0] if inj.to == "all" else inj.to[0])
        return self.role(rid)


def _event_type(inj: Inject, follow_ups: set[str]) -> str:
    kinds = []
    if inj.at is not None:
        kinds.append("Scheduled")
    if inj.trigger is not None:
        kinds.append("Triggered")
    if inj.id in follow_ups:
        kinds.append("Follow-up")
    if inj.contingency_for is not None:
        kinds.append("Contingency")
    if not kinds:
        kinds.append("On cue")
    if inj.decision is not None:
        kinds.append("Decision")
    return ", ".join(kinds)


def _elapsed(inj: Inject) -> str:
    delay = f" +{hhmm(inj.delay)}" if inj.delay else ""
    return (hhmm(inj.at) if inj.at is not None else "on cue") + delay


def export_rows(pack: Pack) -> list[list[str]]:
    """A section row per module (in order of start), then its injects (scheduled ones by time,
    then the rest in pack order); injects of no module (see modules.py) last."""
    s = pack.scenario
    names = _Names(pack)
    senders = {x.id: x.name for x in s.senders}
    objectives = {o.id: o for o in s.objectives}
    steps = pack.expectations
    cues: dict[str, list[str]] = {}
    for inj in s.injects:
        if inj.decision is not None:
            for o in inj.decision.options:
                for f in o.follow_up:
                    cues.setdefault(f, []).append(f"if the {names.decider(inj)} chooses '{o.label}' at {inj.id}")
    follow_ups = set(cues)

    def row(inj: Inject, module: Module | None) -> list[str]:
        clauses = list(cues.get(inj.id, []))
        if inj.contingency_for is not None:
            step = steps.get(inj.contingency_for)
            what = short(step.description) if step is not None else inj.contingency_for
            clauses.append(f"if '{what}' is missed [{inj.contingency_for}]")
        if inj.trigger is not None:
            clauses.append("when " + to_words(inj.trigger, names.option))
        cells = {
            "Number": inj.id,
            "Scenario Time": story_time(s, inj.at + inj.delay) if inj.at is not None else "",
            "Elapsed": _elapsed(inj),
            "Module": module.title if module is not None else "",
            "From": senders.get(inj.from_, inj.from_),
            "To": "All players" if inj.to == "all" else ", ".join(names.role(r) for r in inj.to),
            "Method": inj.channel.replace("_", " "),
            "Event Type": _event_type(inj, follow_ups),
            "Severity": inj.severity.capitalize(),
            "Synopsis": f"{inj.title}\n{inj.body}",
            "Expected Action": "\n".join(f"{names.role(steps[e].role)}: {' '.join(steps[e].description.split())} [{e}]"
                                         for e in inj.expected_actions),
            "Objective or Capability": "\n".join(f"{o}: {objectives[o].capability}" for o in inj.objectives),
            "Notes": inj.facilitator_notes or "",
            "Contingency": "\n".join(clauses),
        }
        return [cells.get(col, "") for col in COLUMNS]

    def sort_key(pair: tuple[int, Inject]):
        k, inj = pair
        return (0, inj.at + inj.delay, k) if inj.at is not None else (1, 0.0, k)

    earliest = Analysis(s, pack.plan, pack.roles).run().injects
    grouped: dict[str | None, list[tuple[int, Inject]]] = {}
    for k, inj in enumerate(s.injects):
        module = module_of(s, inj, earliest.get(inj.id))
        grouped.setdefault(module.id if module is not None else None, []).append((k, inj))
    rows = []
    for m in sorted(s.modules, key=lambda m: m.starts_at):
        rows.append([section_text(m) if col == "Number" else "" for col in COLUMNS])
        rows.extend(row(inj, m) for _k, inj in sorted(grouped.get(m.id, []), key=sort_key))
    rows.extend(row(inj, None) for _k, inj in sorted(grouped.get(None, []), key=sort_key))
    return rows
