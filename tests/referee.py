"""Helpers for the referee tests: drive the referee pack through the public Session API, keep
its log lines in memory (in the order the log writer puts them), and score them.

Why in memory: the mutation run executes these tests once per mutant, and an fsync'd log per
test would cost most of that time. One test (test_referee_plan) checks that the lines kept here
give the same scorecard as the real log file, so the shortcut cannot drift from the log.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from simulator.engine import commands as C
from simulator.engine.seats import Seat
from simulator.loading.pack import Pack, load_pack
from simulator.scoring import Scorecard, score_lines
from simulator.session import Session

from .conftest import FIXTURES

F = C.FACILITATOR
ROLES = ("mayor", "deputy", "press")


@cache
def referee_pack() -> Pack:
    return load_pack(FIXTURES / "referee")


_VARIANTS: dict[str, Pack] = {}


@cache
def _variants_folder() -> Path:
    root = Path(tempfile.mkdtemp(prefix="referee-variants-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    return root


def variant(name: str, edits) -> Pack:
    """The referee pack with text edits [(file, old, new)], loaded once per name for the whole run."""
    if name not in _VARIANTS:
        root = _variants_folder()
        folder = root / name
        shutil.copytree(FIXTURES / "referee", folder)
        for rel, old, new in edits:
            path = folder / rel
            text = path.read_text()
            assert old in text, (rel, old)
            path.write_text(text.replace(old, new))
        _VARIANTS[name] = load_pack(folder)
    return _VARIANTS[name]


class Drill:
    """One exercise of a pack with people in every seat (unless `seats` says otherwise)."""

    def __init__(self, pack: Pack | None = None, seats: dict[str, Seat] | None = None, seed: int = 1):
        self.pack = pack or referee_pack()
        self.session = Session.start(self.pack, seed, seats or {r: Seat() for r in self.pack.scenario.roles})
        self.lines: list[tuple[int, dict[str, Any]]] = []
        self._number = 1  # line 1 of a log is its header
        self._keep(self.session.events)

    def _keep(self, items) -> None:
        for item in items:
            self._number += 1
            data = item.to_dict() if hasattr(item, "to_dict") else item.model_dump(mode="json")
            self.lines.append((self._number, data))

    def advance(self, minute: float) -> "Drill":
        self._keep(self.session.advance_to(minute))
        return self

    def at(self, minute: float, cmd: C.CommandBase) -> list:
        """Submit `cmd` at `minute`; the events it caused."""
        self.advance(minute)
        self._number += 1
        self.lines.append((self._number, cmd.model_copy(update={"t": self.session.now}).model_dump(mode="json")))
        events = self.session.submit(cmd)
        self._keep(events)
        return events

    def play(self, script) -> "Drill":
        for minute, cmd in script:
            self.at(minute, cmd)
        return self

    def finish(self) -> "Drill":
        self._keep(self.session.run_to_end())
        return self

    def card(self, final: bool | None = None) -> Scorecard:
        return score_lines(self.pack, self.lines, final)

    def line_of(self, number: int) -> dict[str, Any]:
        return dict(self.lines)[number]

    def events(self, kind: str) -> list:
        return [e for e in self.session.events if e.type == kind]


def final_card(script, pack: Pack | None = None) -> Scorecard:
    """The scorecard of a whole exercise: the script, then the clock runs out."""
    return Drill(pack).play(script).finish().card()


def findings(card: Scorecard) -> dict:
    return {f.id: f for f in card.findings}


def verdict(card: Scorecard, finding_id: str) -> tuple[str, str]:
    """(verdict, rating) of one finding; fails with the ids there are when it is absent."""
    by_id = findings(card)
    assert finding_id in by_id, (finding_id, sorted(by_id))
    f = by_id[finding_id]
    return f.verdict, f.rating


def of_rule(card: Scorecard, rule: str) -> list:
    return [f for f in card.findings if f.rule == rule]


def note(minute: float) -> tuple[float, C.CommandBase]:
    """A facilitator's note: moves the live scorecard's 'now' to `minute` without changing anything."""
    return minute, C.ObserverNote(by=F, text=f"minute {minute}")


def say(by: str, text: str, channel: str = "social", languages=("English",), approval: str | None = None) -> C.IssueStatement:
    return C.IssueStatement(by=by, channel=channel, languages=list(languages), text=text, approval=approval)


def act(by: str, action: str, approval: str | None = None) -> C.TakeAction:
    return C.TakeAction(by=by, action=action, approval=approval)


def fire(inject: str) -> C.FireInject:
    return C.FireInject(by=F, inject=inject)
