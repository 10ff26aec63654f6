"""What the log says happened, gathered line by line into the shapes the checks need.

Why: the scorer is a pure function of (pack, log). Feeding lines one at a time lets the same
code score a finished log and keep a live scorecard for the facilitator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import judge
from ..engine.history import History, Statement
from ..loading.pack import Pack
from ..models import Expectation
from ..statements import kept


@dataclass
class Said:
    """A public statement, with the playbook rules it met (prohibitions only while they stood)."""

    t: float
    line: int
    by: str
    channel: str
    languages: list[str]
    audience: list[str]
    text: str
    approval: str | None
    rules: frozenset[str]
    words: dict[str, list[str]]
    """Rule id -> the words that matched."""


@dataclass
class Done:
    t: float
    line: int
    by: str
    approval: str | None = None
    words: dict[str, list[str]] = field(default_factory=dict)
    """For a statement step done by a statement: each rule it names -> the words that met it."""
    chosen: tuple[str, str] | None = None
    """(decision inject, option label) when a decision's option did the act (judge.actions_chosen)."""
    overruled_by: str | None = None
    """Who overruled the decision to that option, when an overrule did the act (the decider carried it out)."""


@dataclass
class Facts:
    pack: Pack
    history: History = field(init=False)
    now: float = 0.0
    ended: tuple[float, int] | None = None
    deliveries: dict[str, tuple[float, int, list[str], str]] = field(default_factory=dict)
    """Inject id -> (minute, line, recipients, cue)."""
    actions: dict[str, list[Done]] = field(default_factory=dict)
    statements: list[Said] = field(default_factory=list)
    requests: dict[str, dict[str, Any]] = field(default_factory=dict)
    messages: list[dict[str, Any]] = field(default_factory=list)
    delegations: list[dict[str, Any]] = field(default_factory=list)
    triggered: dict[str, tuple[float, int, float]] = field(default_factory=dict)
    """Plan step -> (minute, line, due)."""
    decisions: dict[str, dict[str, Any]] = field(default_factory=dict)
    overruled: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Decision inject -> its decision_overruled event (with its `line`): a call overruled from above."""
    unavailable: dict[str, list[list]] = field(default_factory=dict)
    """Role -> [[from minute, line, until minute or None]]."""
    series: list[tuple[float, dict[str, float]]] = field(default_factory=list)
    """(minute, full state) after every change, for charts."""
    overrides: dict[str, tuple[dict[str, Any], int]] = field(default_factory=dict)
    hot_wash: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    lines: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    """Every event line fed, for the timeline."""

    def __post_init__(self) -> None:
        self.history = History(state={v.id: v.initial for v in self.pack.scenario.state})
        self.series.append((0.0, dict(self.history.state)))

    # ---- feeding ----------------------------------------------------------------------------

    def feed(self, number: int, data: dict[str, Any]) -> None:
        """Take one log line (commands are ignored: their effects are in the events)."""
        if data.get("kind") != "event":
            return
        t = data["t"]
        self.now = self.history.now = t
        self.lines.append((number, data))
        handler = getattr(self, "_on_" + data["type"], None)
        if handler is not None:
            handler(t, number, data)

    def _on_inject_delivered(self, t, n, d):
        self.deliveries.setdefault(d["inject"], (t, n, d["to"], d["cue"]))
        self.history.delivered.setdefault(d["inject"], t)

    def _on_state_changed(self, t, n, d):
        self.history.state.update(d["values"])
        self.series.append((t, dict(self.history.state)))

    def _on_action_taken(self, t, n, d):
        self.actions.setdefault(d["action"], []).append(Done(t, n, d["by"], d.get("approval")))
        self.history.actions.setdefault(d["action"], []).append((t, d["by"]))

    def _on_statement_judged(self, t, n, d):
        # The verdicts the exercise was played with: the judge reads them before the checker.
        self.history.judged.setdefault(d["text"], kept.from_data(d["verdicts"], d["unread"]))

    def _on_statement_issued(self, t, n, d):
        verdicts = judge.statement_verdicts(self.pack, d["text"], self.history)
        rules = frozenset(verdicts)
        words = {rid: v.words for rid, v in verdicts.items()}
        self.statements.append(Said(t, n, d["by"], d["channel"], d["languages"], d["audience"], d["text"],
                                    d.get("approval"), rules, words))
        self.history.statements.append(Statement(t, d["by"], d["channel"], rules))

    def _on_approval_requested(self, t, n, d):
        self.requests[d["request"]] = {**d, "line": n, "answer": None}

    def _on_approval_answered(self, t, n, d):
        if d["request"] in self.requests:
            self.requests[d["request"]]["answer"] = {**d, "line": n}

    def _on_message_sent(self, t, n, d):
        self.messages.append({**d, "line": n})

    def _on_delegated(self, t, n, d):
        self.delegations.append({**d, "line": n})
        self.history.delegate(d["by"], d["to"], d["authority"], t)

    def _on_expectation_triggered(self, t, n, d):
        self.triggered.setdefault(d["expectation"], (t, n, d["due"]))

    def _on_decision_made(self, t, n, d):
        self.decisions[d["inject"]] = {**d, "line": n, "lapsed": False}
        self._chosen(t, n, d["inject"], d["option"], d["by"])

    def _on_decision_overruled(self, t, n, d):
        self.overruled[d["inject"]] = {**d, "line": n}
        self._chosen(t, n, d["inject"], d["option"], d["decider"], overruled_by=d["by"])

    def _chosen(self, t, n, inject: str, option: str, by: str, overruled_by: str | None = None) -> None:
        """An option now stands: what it does counts from this minute (as the engine counts it)."""
        self.history.chosen[inject] = option
        decision = self.pack.injects[inject].decision
        label = next((o.label for o in decision.options if o.id == option), option) if decision else option
        for action_id in judge.actions_chosen(self.pack, inject, option):  # the option is the step
            self.actions.setdefault(action_id, []).append(Done(t, n, by, chosen=(inject, label), overruled_by=overruled_by))
            self.history.actions.setdefault(action_id, []).append((t, by))

    def _on_decision_lapsed(self, t, n, d):
        self.decisions[d["inject"]] = {**d, "line": n, "lapsed": True, "by": None}
        if d.get("option"):
            self.history.chosen[d["inject"]] = d["option"]

    def _on_role_availability(self, t, n, d):
        self.history.set_reachable(d["role"], d["available"], t)
        windows = self.unavailable.setdefault(d["role"], [])  # the same windows, with their log lines for evidence
        if not d["available"]:
            windows.append([t, n, None])
        elif windows and windows[-1][2] is None:
            windows[-1][2] = t

    def _on_rating_overridden(self, t, n, d):
        self.overrides[d["target"]] = (d, n)

    def _on_hot_wash_answered(self, t, n, d):
        self.hot_wash.append({**d, "line": n})

    def _on_observer_noted(self, t, n, d):
        self.notes.append({**d, "line": n})

    def _on_exercise_ended(self, t, n, d):
        self.ended = (t, n)

    # ---- questions the checks ask ---------------------------------------------------------------

    def unreachable(self, role: str, t: float) -> bool:
        return self.history.unreachable(role, t)

    def acting_for(self, role: str, t: float) -> str:
        return judge.acting_at(self.pack.roles, role, self.history, t)

    def done(self, exp: Expectation) -> Done | None:
        """The act that did a plan step, by the judge's rule (the engine's met events follow the same rule)."""
        found = judge.first_done(exp, self.pack.roles, self.actions.get(exp.action or "", ()), self.statements, self.history)
        if isinstance(found, Said):
            return Done(found.t, found.line, found.by, found.approval,
                        {r: found.words.get(r, []) for r in exp.statement or ()})
        return found

    def standing(self, exp: Expectation, done: Done) -> judge.Standing | None:
        return judge.standing(self.pack.roles, exp.role, done.by, done.t, self.history)

    def whom_to_ask(self, approver: str | None, by: str, t: float) -> str | None:
        """Whose approval `by` needed at minute `t` for `approver`'s (None: none needed), by the judge's rule."""
        return judge.whom_to_ask(self.pack.roles, approver, by, lambda r: self.unreachable(r, t))

    def holds_authority(self, role: str, authority: str, t: float) -> bool:
        """Held by the role, delegated to it before `t`, or held by a role it stands in for at `t`."""
        if authority in self.pack.roles[role].authorities:
            return True
        if any(d["to"] == role and d["authority"] == authority and d["t"] <= t for d in self.delegations):
            return True
        return any(self.acting_for(other, t) == role and other != role and authority in self.pack.roles[other].authorities
                   for other in self.pack.roles)

    def approved(self, approval: str | None, approver: str, t: float, action: str | None = None) -> bool:
        """Whether an approval id was granted by `approver` (or whoever stood in for it) before `t`."""
        req = self.requests.get(approval or "")
        if req is None or req["answer"] is None or not req["answer"]["granted"] or req["answer"]["t"] > t:
            return False
        if action is not None and req.get("action") != action:
            return False
        at = req["answer"]["t"]
        return judge.approves_for(self.pack.roles, approver, req["answer"]["by"], lambda r: self.unreachable(r, at))
