"""Everything an after-action report needs, gathered from one exercise log.

Why one pass: the log is verified (replayed through the same engine), then fed once to the
incremental scorer, which gives the final scorecard and, at sample minutes on the way, the
score as it stood then. Nothing here renders; html.py and markdown.py only format this.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..loading.pack import Pack
from ..log import LogHeader, read_log
from ..replay import replay_log
from ..scoring.facts import Facts
from ..scoring.model import Scorecard
from ..scoring.scorer import Scorer

ACTS = frozenset({"action_taken", "statement_issued", "decision_made", "decision_overruled", "message_sent",
                  "approval_requested", "approval_answered", "delegated"})
"""What counts as a role doing something (root-cause analysis asks whether a role was busy or silent)."""

SCORE_SAMPLES = 48
"""How many points the score-over-time chart gets (each one is a partial scorecard)."""

TIMELINE_TYPES = frozenset({
    "exercise_started", "module_started", "inject_delivered", "decision_made", "decision_overruled", "decision_lapsed",
    "action_taken",
    "statement_issued", "approval_requested", "approval_answered", "delegated", "message_sent", "deadline_passed",
    "role_availability", "observer_noted", "command_rejected", "clock_jumped", "hot_wash_answered",
    "rating_overridden", "exercise_ended",
})
"""Events shown on the timeline. State changes go to the charts instead; any other line that
a finding cites as evidence is added, so every evidence link has a row to land on."""


@dataclass
class ReportData:
    path: Path
    header: LogHeader
    pack: Pack
    card: Scorecard
    facts: Facts
    lines: int
    """Lines in the log, the header included."""
    events: int
    commands: int
    end: float
    """Last exercise minute of the log."""
    timeline: list[tuple[int, dict[str, Any]]]
    """(line number, event data) for the timeline, in log order."""
    met: dict[str, tuple[float, int, str, bool]] = field(default_factory=dict)
    """Plan step -> (minute, line, by, on time) from the engine's expectation_met events."""
    score_series: list[tuple[float, float | None]] = field(default_factory=list)
    """(minute, score so far) at sample minutes; the last point is the final score."""
    wall_end: str | None = None
    """Wall-clock stamp of the last command, if any (the exercise's last human or facilitator input)."""
    acts: dict[str, list[tuple[int, dict[str, Any]]]] = field(default_factory=dict)
    """Role -> its actions, statements, decisions, approvals, delegations and messages (line, event), in order."""
    digest: str | None = None
    """The log's digest (see logchain): the report prints it so that a filed report names its log.
    None for a log of format 1, which has no chain."""

    @property
    def state_series(self) -> list[tuple[float, dict[str, float]]]:
        """(minute, every state variable) after each change, starting from the initial values."""
        return self.facts.series


def gather(path: Path, pack: Pack | None = None) -> ReportData:
    """Verify and score a log; raise LogError/ReplayError (located) if it is missing, corrupt or does not replay."""
    path = Path(path)
    read = read_log(path, lazy_events=True)
    if read.error is not None:
        raise read.error
    replayed = replay_log(read, pack)
    pack = replayed.pack
    scorer = Scorer(pack)
    lines = read.lines
    end = lines[-1].data["t"] if lines else 0.0
    step = max(end, 1e-9) / SCORE_SAMPLES
    next_sample, series = step, []
    met: dict[str, tuple[float, int, str, bool]] = {}
    commands, wall_end = 0, read.header.wall_time
    for line in lines:
        data = line.data
        t = data["t"]
        # Sample before feeding the first line past each sample minute: the score as it stood then.
        while t > next_sample + 1e-9 and next_sample < end:
            series.append((next_sample, scorer.scorecard(final=False).score))
            next_sample += step
        scorer.feed(line.number, data)
        if data["kind"] == "command":
            commands += 1
            wall_end = data.get("wall_time") or wall_end
        elif data["type"] == "expectation_met":
            met.setdefault(data["expectation"], (t, line.number, data["by"], data["on_time"]))
    card = scorer.scorecard()
    series.append((end, card.score))
    facts = scorer.facts
    cited = {n for f in card.findings for n in f.evidence}
    timeline = [(n, d) for n, d in facts.lines if d["type"] in TIMELINE_TYPES or n in cited]
    acts: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for n, d in facts.lines:
        if d["type"] in ACTS and "by" in d:
            acts.setdefault(d["by"], []).append((n, d))
    return ReportData(path=path, header=read.header, pack=pack, card=card, facts=facts, lines=len(lines) + 1,
                      events=len(replayed.events), commands=commands, end=end, timeline=timeline, met=met,
                      score_series=series, wall_end=wall_end, acts=acts, digest=read.digest)
