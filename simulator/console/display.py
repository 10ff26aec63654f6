"""What the consoles show, folded from session events: inboxes, decisions, approvals, the plan
checklist, state gauges, the MSEL timeline and every role's activity.

Pure Python, no Textual. The live consoles and the replay viewer both feed it events that the
engine produced (live from the session, or from `replay_log`), so there is one way to turn
events into a picture, and widgets never reach into the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator import briefing, judge
from simulator.engine import events as E
from simulator.loading.pack import Pack
from simulator.story_clock import story_time

SEVERITY_ORDER = ("routine", "low", "medium", "high", "critical")
COMMAND_WORDS = {"take_action": "Your action", "decide": "Your decision", "issue_statement": "Your statement",
                 "request_approval": "Your approval request", "answer_approval": "Your answer to the approval request",
                 "delegate": "Your delegation", "send_message": "Your message", "jump_to_next": "The jump to the next inject",
                 "fire_inject": "Firing the inject", "take_seat": "The seat change"}
"""What a refused command was, in the words a player uses (no command ids on screen)."""


@dataclass
class Item:
    """One inbox entry for one role."""

    key: str
    t: float
    kind: str
    """'inject', 'message', 'approval' (a request to this role) or 'answer' (to a request it made)."""
    title: str
    channel: str
    severity: str = "medium"
    sender: str = ""
    body: str = ""
    ref: str | None = None
    """Inject id or approval request id."""


@dataclass
class Pending:
    """Something waiting on a role: a decision, an approval to give, or a granted approval to use."""

    key: str
    kind: str
    """'decision', 'approve' (answer someone's request) or 'approved' (use a granted request)."""
    title: str
    due: float | None = None
    ref: str = ""


@dataclass
class Step:
    """One plan step on the checklist."""

    id: str
    role: str
    description: str
    status: str = "waiting"
    """'waiting' (not triggered), 'pending', 'done' (on time), 'late_within_grace', 'late' (after its grace)
    or 'missed' (its grace ran out with nothing done), as the judge rules (simulator/judge.py)."""
    due: float | None = None
    grace: float = 0.0


@dataclass
class ExerciseView:
    """Display state of one exercise, built only from its events."""

    pack: Pack
    now: float = 0.0
    paused: bool = True
    speed: float = 1.0
    ended: str | None = None
    """Why the exercise ended ('clock' or 'facilitator'), or None while it runs."""
    module: str = ""
    inbox: dict[str, list[Item]] = field(default_factory=dict)
    read: dict[str, set[str]] = field(default_factory=dict)
    """Role -> keys of the inbox items it has opened (from inbox_read events, never set by a widget)."""
    delivered: dict[str, float] = field(default_factory=dict)
    adhoc: list[Item] = field(default_factory=list)
    decisions: dict[str, tuple[str, float | None]] = field(default_factory=dict)
    """Open decision inject id -> (deciding role, due minute)."""
    requests: dict[str, dict] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    """Approval requests already used by an action or statement."""
    steps: dict[str, Step] = field(default_factory=dict)
    state: dict[str, float] = field(default_factory=dict)
    series: dict[str, list[float]] = field(default_factory=dict)
    """Variable -> recent values, oldest first (for the trend)."""
    activity: list[str] = field(default_factory=list)
    last_by_role: dict[str, str] = field(default_factory=dict)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    unavailable: set[str] = field(default_factory=set)
    rejected: list[str] = field(default_factory=list)
    seats: dict = field(default_factory=dict)
    """Role -> Seat: the log header's seats, then every hand-over (seat_taken)."""

    def __post_init__(self) -> None:
        sc = self.pack.scenario
        for r in sc.roles:
            self.inbox[r], self.read[r] = [], set()
            self.counts[r] = {"actions": 0, "statements": 0, "messages": 0, "decisions": 0}
        self.steps = {e.id: Step(e.id, e.role, e.description, grace=e.grace) for e in self.pack.plan.expectations}
        self.state = {v.id: v.initial for v in sc.state}
        self._scheduled = sorted((i for i in sc.injects if i.at is not None), key=lambda i: i.at or 0.0)
        self._cursor = 0
        self.series = {v.id: [v.initial] for v in sc.state}

    # ---- reading -------------------------------------------------------------------------------

    def humans(self) -> list[str]:
        """Roles played by people now, in scenario order."""
        return [r for r in self.pack.scenario.roles if self.seats.get(r) is None or self.seats[r].kind == "human"]

    def unread(self, role: str) -> int:
        return sum(1 for i in self.inbox[role] if i.key not in self.read[role])

    def pending_for(self, role: str) -> list[Pending]:
        """Decisions to make, approvals to give and granted approvals to use, for `role`."""
        out = []
        for inj_id, (decider, due) in self.decisions.items():
            if decider == role:
                out.append(Pending(f"d:{inj_id}", "decision", self.pack.injects[inj_id].decision.prompt, due, inj_id))
        for rid, req in self.requests.items():
            what = self.action_label(req["action"]) if req["action"] else f"statement: {req['text'][:60]}"
            if req["status"] == "pending" and self.may_answer(req["to"], role):
                out.append(Pending(f"a:{rid}", "approve", f"{req['by']} asks: {what}", None, rid))
            if req["by"] == role and req["status"] == "granted" and rid not in self.used:
                out.append(Pending(f"g:{rid}", "approved", f"approved by {req['to']}: {what}", None, rid))
        return out

    def draft_text(self, req: dict) -> str:
        """What an approval request asks for, as the approver and the drafter see it: the action,
        or the whole draft statement (channel, languages, audiences and text), after why and by when
        (what an approver needs first)."""
        return self._why(req) + self._draft(req)

    def _why(self, req: dict) -> str:
        lines = []
        if req.get("reason"):
            lines.append(f"Why: {req['reason']}")
        if req.get("due") is not None:
            lines.insert(0, f"Answer by {story_time(self.pack.scenario, req['due'])} (minute {req['due']:g}).")
        return "\n".join(lines) + "\n\n" if lines else ""

    def _draft(self, req: dict) -> str:
        if req["action"]:
            return self.action_label(req["action"])
        where = [f"on {req['channel']}"] if req.get("channel") else []
        if req.get("languages") is not None:
            where.append("in " + (", ".join(req["languages"]) or "no language chosen"))
        if req.get("audience"):
            where.append("for " + ", ".join(req["audience"]))
        return " ".join(["Statement", *where]) + f":\n\n{req['text']}"

    def acting_for(self, role: str) -> str:
        """Who acts for `role` now (the judge's succession walk over who cannot be reached)."""
        return judge.acting_for(self.pack.roles, role, self.unavailable.__contains__)

    def approver_for(self, role: str, action: str | None = None) -> str | None:
        """Whom `role` must ask to approve an action (or, without one, a public statement) now;
        None when no approval is needed. The judge decides, succession of the approver included."""
        named = judge.approver_for(self.pack, role, action=action)
        return judge.whom_to_ask(self.pack.roles, named, role, self.unavailable.__contains__)

    def may_answer(self, to: str, role: str) -> bool:
        """Whether `role` may answer an approval request sent to `to` (it is `to`, or acts for it now)."""
        return judge.approves_for(self.pack.roles, to, role, self.unavailable.__contains__)

    def unreachable_note(self, role: str) -> str | None:
        """What `role`'s console says while it cannot be reached (how long, who acts); None when it can be."""
        return briefing.unreachable_note(self.pack, role, self.now) if role in self.unavailable else None

    def unreachable_short(self, role: str) -> str | None:
        """The same, in the few words a status line has room for."""
        if role not in self.unavailable:
            return None
        away = briefing.away_now(self.pack, role, self.now)
        if away is None or away.end is None:
            return "you cannot be reached"
        return f"unreachable until {story_time(self.pack.scenario, away.end)} ({max(0.0, away.end - self.now):.0f}' left)"

    def _recipients(self, inj, to: list[str]) -> list[str]:
        """Whose inbox an inject delivered now reaches: nobody who cannot be reached (the inject may
        itself cut a role off, or bring it back), so a mayor in the air does not read the calls made
        to her deputy; whoever acts for them gets it instead, once."""
        away = (self.unavailable | set(inj.unavailable)) - set(inj.available)
        if not away:
            return to
        return list(dict.fromkeys(judge.acting_for(self.pack.roles, r, away.__contains__) for r in to))

    def action_label(self, action_id: str) -> str:
        found = self.pack.actions.get(action_id)
        return found[1].label if found else action_id

    def next_injects(self, n: int = 3) -> list:
        """The next scheduled injects not yet delivered, soonest first.

        Why the cursor: the clock bar asks four times a second, and an MSEL can hold thousands of
        rows; time only moves forward, so rows before the cursor never come back.
        """
        sched = self._scheduled
        while self._cursor < len(sched) and ((sched[self._cursor].at or 0.0) < self.now or sched[self._cursor].id in self.delivered):
            self._cursor += 1
        out = []
        for inj in sched[self._cursor:]:
            if inj.id not in self.delivered:
                out.append(inj)
                if len(out) == n:
                    break
        return out

    def inject_status(self, inj) -> str:
        if inj.id in self.delivered:
            return "delivered"
        return "due" if inj.at is not None else "conditional"

    # ---- folding events --------------------------------------------------------------------------

    def apply(self, events: list[E.Event]) -> set[str]:
        """Fold events in; return what changed: 'clock', 'timeline', 'state', 'plan', 'activity',
        'pending', 'ended', and 'inbox:<role>' for each inbox that grew."""
        changed: set[str] = set()
        for e in events:
            self.now = max(self.now, e.t)
            handler = getattr(self, f"_on_{e.type}", None)
            if handler is not None:
                handler(e, changed)
        if events:
            changed.add("clock")
        return changed

    def _log(self, e: E.Event, who: str, text: str, changed: set[str]) -> None:
        line = f"{e.t:7.1f}  {who:<14.14} {text}"
        self.activity.append(line)
        if who in self.counts:
            self.last_by_role[who] = f"{e.t:.0f}' {text}"
        changed.add("activity")

    def _to_inbox(self, role: str, item: Item, changed: set[str]) -> None:
        if role in self.inbox:
            self.inbox[role].append(item)
            changed.add(f"inbox:{role}")

    def _on_module_started(self, e: E.ModuleStarted, changed) -> None:
        self.module = e.title
        self._log(e, "exercise", f"module: {e.title}", changed)

    def _on_inject_delivered(self, e: E.InjectDelivered, changed) -> None:
        inj = self.pack.injects.get(e.inject)
        sender = e.sender or (self._sender(inj.from_) if inj else "")
        body = e.body or (inj.body if inj else "")
        self.delivered[e.inject] = e.t
        item = Item(f"i:{e.inject}", e.t, "inject", e.title, e.channel, e.severity, sender, body, e.inject)
        if inj is None:
            self.adhoc.append(item)
        for r in (self._recipients(inj, list(e.to)) if inj is not None else e.to):
            self._to_inbox(r, item, changed)
        if inj is not None and inj.decision is not None:
            decider = self.acting_for(inj.decision.role or e.to[0])
            due = e.t + inj.decision.deadline if inj.decision.deadline else None
            self.decisions[e.inject] = (decider, due)
            changed.add("pending")
        changed.add("timeline")
        self._log(e, "inject", f"[{e.severity}] {e.title} -> {', '.join(e.to)}", changed)

    def _who(self, role: str) -> str:
        """A role as people at the table call it (its title), not its id."""
        r = self.pack.roles.get(role)
        return r.title if r else role

    def _sender(self, sender_id: str) -> str:
        s = next((x for x in self.pack.scenario.senders if x.id == sender_id), None)
        return s.name if s else sender_id

    def _on_state_changed(self, e: E.StateChanged, changed) -> None:
        for var, value in e.values.items():
            self.state[var] = value
            s = self.series[var]
            s.append(value)
            if len(s) > 48:
                del s[0]
        changed.add("state")

    def _close_decision(self, inject: str, changed) -> None:
        self.decisions.pop(inject, None)
        changed.add("pending")

    def _on_decision_made(self, e: E.DecisionMade, changed) -> None:
        self._close_decision(e.inject, changed)
        self._count(e.by, "decisions")
        label = next((o.label for o in self.pack.injects[e.inject].decision.options if o.id == e.option), e.option)
        self._log(e, e.by, f"decided {e.inject}: {label}" + (" (staff)" if e.staff else ""), changed)

    def _on_decision_lapsed(self, e: E.DecisionLapsed, changed) -> None:
        self._close_decision(e.inject, changed)
        self._log(e, "exercise", f"decision on {e.inject} lapsed -> {e.option or 'nothing'}", changed)

    def _count(self, role: str, what: str) -> None:
        if role in self.counts:
            self.counts[role][what] += 1

    def _on_action_taken(self, e: E.ActionTaken, changed) -> None:
        self._count(e.by, "actions")
        if e.approval:
            self.used.add(e.approval)
            changed.add("pending")
        self._log(e, e.by, f"action: {self.action_label(e.action)}" + (" (staff)" if e.staff else ""), changed)

    def _on_statement_issued(self, e: E.StatementIssued, changed) -> None:
        self._count(e.by, "statements")
        if e.approval:
            self.used.add(e.approval)
            changed.add("pending")
        self._log(e, e.by, f"statement on {e.channel}: {e.text[:70]}", changed)

    def _on_approval_requested(self, e: E.ApprovalRequested, changed) -> None:
        req = self.requests[e.request] = {"by": e.by, "to": e.to, "action": e.action, "text": e.text,
                                          "channel": e.channel, "languages": e.languages, "audience": e.audience,
                                          "status": "pending", "t": e.t, "reason": e.reason, "due": e.due}
        what = self.action_label(e.action) if e.action else "a statement"
        by_when = f" (answer by {story_time(self.pack.scenario, e.due)})" if e.due is not None else ""
        self._to_inbox(e.to, Item(f"a:{e.request}", e.t, "approval", f"Approval asked: {what}{by_when}", "request",
                                  "high", self._who(e.by), self.draft_text(req), e.request), changed)
        changed.add("pending")
        self._log(e, e.by, f"asks {e.to} to approve {what} ({e.request})", changed)

    def _on_approval_answered(self, e: E.ApprovalAnswered, changed) -> None:
        req = self.requests.get(e.request)
        if req is None:
            return
        req["status"] = "granted" if e.granted else "denied"
        word = "granted" if e.granted else "denied"
        self._to_inbox(req["by"], Item(f"r:{e.request}", e.t, "answer", f"Approval {word} ({e.request})", "request",
                                       "medium", self._who(e.by), self.draft_text(req), e.request), changed)
        changed.add("pending")
        self._log(e, e.by, f"{word} {e.request}", changed)

    def _slot(self, role: str) -> int:
        """The position the next item takes in `role`'s inbox: part of the key of items that
        have no id of their own, so every console that folds the same events names them alike."""
        return len(self.inbox.get(role, ()))

    def _on_inbox_read(self, e: E.InboxRead, changed) -> None:
        if e.by in self.read:
            self.read[e.by].update(e.items)
            changed.add(f"read:{e.by}")

    def _on_delegated(self, e: E.Delegated, changed) -> None:
        self._to_inbox(e.to, Item(f"g:{self._slot(e.to)}", e.t, "message", f"Delegated to you: {e.authority}",
                                  "message", "medium", e.by, f"{e.by} delegated '{e.authority}' to you."), changed)
        self._log(e, e.by, f"delegated {e.authority} to {e.to}", changed)

    def _on_message_sent(self, e: E.MessageSent, changed) -> None:
        self._count(e.by, "messages")
        headline = e.text.split("\n", 1)[0]  # staff reports open with a headline
        title = headline if e.intent == "report" else f"{e.intent}: {headline}"  # ✉ already says it is a message
        self._to_inbox(e.to, Item(f"m:{self._slot(e.to)}", e.t, "message", title[:70],
                                  "message", "high" if e.intent == "escalate" else "routine", self._who(e.by), e.text), changed)
        self._log(e, e.by, f"{e.intent} to {e.to}: {e.text[:60]}", changed)

    def _on_expectation_triggered(self, e: E.ExpectationTriggered, changed) -> None:
        step = self.steps.get(e.expectation)
        if step is not None:
            step.status, step.due = "pending", e.due
            changed.add("plan")

    def _on_expectation_met(self, e: E.ExpectationMet, changed) -> None:
        step = self.steps.get(e.expectation)
        if step is not None:
            verdict = judge.timeliness(e.t, step.due, step.grace) if step.due is not None else "on_time"
            step.status = "done" if verdict == "on_time" else verdict
            changed.add("plan")

    def _on_deadline_passed(self, e: E.DeadlinePassed, changed) -> None:
        step = self.steps.get(e.expectation)
        if step is not None and step.status == "pending":
            step.status = "missed"
            changed.add("plan")

    def _on_clock_paused(self, e, changed) -> None:
        self.paused = True

    def _on_clock_resumed(self, e, changed) -> None:
        self.paused = False

    def _on_speed_changed(self, e: E.SpeedChanged, changed) -> None:
        self.speed = e.speed

    def _on_observer_noted(self, e: E.ObserverNoted, changed) -> None:
        self._log(e, "observer", (f"[{e.role}] " if e.role else "") + e.text, changed)

    def _on_command_rejected(self, e: E.CommandRejected, changed) -> None:
        note = self.unreachable_note(e.by) if e.by in self.pack.roles else None
        what = COMMAND_WORDS.get(e.command, e.command.replace("_", " ").capitalize())
        self.rejected.append(f"{what} was refused. {note}" if note else f"{what} was refused: {e.reason}.")
        self._log(e, e.by, f"REFUSED {e.command}: {e.reason}", changed)
        changed.add("rejected")

    def _on_role_availability(self, e: E.RoleAvailability, changed) -> None:
        (self.unavailable.discard if e.available else self.unavailable.add)(e.role)
        self._log(e, e.role, "can be reached again" if e.available else "cannot be reached", changed)

    def _on_seat_taken(self, e, changed) -> None:
        from simulator.engine.seats import Seat

        self.seats[e.role] = Seat() if e.seat == "human" else Seat(kind="staff", policy=e.policy, competence=e.competence)
        who = "a person" if e.seat == "human" else f"simulated staff ({e.policy}, competence {e.competence:g})"
        self._log(e, e.role, f"seat handed to {who}", changed)
        changed.add("seats")

    def _on_exercise_ended(self, e: E.ExerciseEnded, changed) -> None:
        self.ended = e.reason
        changed.add("ended")
        self._log(e, "exercise", f"ended ({e.reason})", changed)
