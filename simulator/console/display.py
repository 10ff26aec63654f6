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
from simulator.event_words import COMMAND_WORDS, EventWords, one_line
from simulator.loading.pack import Pack
from simulator.report.wording import authority_name
from simulator.story_clock import story_span, story_time

from .items import Item, Pending, Step
from .overrules import Overrulable, Taken, overrulable
from .view_words import ViewWords



@dataclass
class ExerciseView(ViewWords):
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
    activity_roles: list[str | None] = field(default_factory=list)
    """For each activity line, the role it is about (who acted), or None: a role's view picks its own lines by it."""
    last_by_role: dict[str, str] = field(default_factory=dict)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    unavailable: set[str] = field(default_factory=set)
    rejected: list[str] = field(default_factory=list)
    seats: dict = field(default_factory=dict)
    """Role -> Seat: the log header's seats, then every hand-over (seat_taken)."""
    live_check: bool = True
    """Whether the composer shows the playbook check as a player types (the facilitator may turn
    it off for an assessed exercise: set_live_check, logged)."""
    lapsed: dict[str, float] = field(default_factory=dict)
    """Decision inject id -> minute it lapsed with nobody deciding."""
    taken: dict[str, Taken] = field(default_factory=dict)
    """Decision inject id -> the decision someone took (and its overrule, if any)."""
    handed: dict[tuple[str, str], float] = field(default_factory=dict)
    """(delegating role, delegate) -> minute of their first delegation (the judge asks, for overrules)."""

    def __post_init__(self) -> None:
        sc = self.pack.scenario
        self.words = EventWords(self.pack)
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
            what = self.request_what(req)
            if req["status"] == "pending" and self.may_answer(req["to"], role):
                out.append(Pending(f"a:{rid}", "approve", f"{self.role_title(req['by'])} asks: {what}", req.get("due"), rid))
            if req["by"] == role and req["status"] == "granted" and rid not in self.used:
                changed = " (with changes)" if req.get("changed") else ""
                out.append(Pending(f"g:{rid}", "approved", f"approved by {self.role_title(req['answered_by'] or req['to'])}"
                                   f"{changed}: {what}", None, rid))
            if req["by"] == role and req["status"] == "denied" and not req.get("revised_by") and not req["action"]:
                out.append(Pending(f"x:{rid}", "denied", f"denied by {self.role_title(req['answered_by'] or req['to'])}: "
                                   f"{req.get('note') or 'no reason given'}", None, rid))
        return out

    def overrulable(self, role: str, now: float | None = None) -> list[Overrulable]:
        """Decisions taken below `role` that it may overrule at minute `now` (default: the last event's),
        by the judge's rule (console/overrules)."""
        return overrulable(self, role, self.now if now is None else now)

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

    def _log(self, e: E.Event, changed: set[str]) -> None:
        """One activity line: the story time, then who did what, told by the one describer of log
        entries (simulator/event_words.py: titles and labels, never ids; free texts on one line)."""
        when = self.clock(e.t)
        said = self.words.of(e, brief=True)
        self.activity.append(f"{when:>5}  {said.line()}")
        self.activity_roles.append(said.role)
        if said.role in self.counts:
            self.last_by_role[said.role] = f"{when} {one_line(said.what)}"
        changed.add("activity")

    def _to_inbox(self, role: str, item: Item, changed: set[str]) -> None:
        if role in self.inbox:
            item.when = item.when or self.clock(item.t)
            self.inbox[role].append(item)
            changed.add(f"inbox:{role}")

    def _on_module_started(self, e: E.ModuleStarted, changed) -> None:
        self.module = e.title
        self._log(e, changed)

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
        self._log(e, changed)

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
        self.taken[e.inject] = Taken(e.inject, e.by, e.option, e.t, e.staff)
        self._count(e.by, "decisions")
        self._log(e, changed)

    def _on_decision_overruled(self, e: E.DecisionOverruled, changed) -> None:
        was = self.taken.get(e.inject)
        if was is not None:
            self.taken[e.inject] = Taken(e.inject, was.by, e.option, was.t, was.staff, e.by, e.t, e.replaced)
        inj = self.pack.injects.get(e.inject)
        prompt = inj.decision.prompt if inj and inj.decision else e.inject
        new, old = self.option_label(e.inject, e.option), self.option_label(e.inject, e.replaced)
        body = (f"The {self.role_title(e.by)} overruled your decision on \u201c{prompt}\u201d at {self.clock(e.t)}.\n\n"
                f"It stands now: {new}\nIn place of your call: {old}\n\nReason: {e.reason}")
        self._to_inbox(e.decider, Item(f"o:{e.inject}", e.t, "overruled", f"Overruled: {prompt}"[:70], "decision", "high",
                                       self.role_title(e.by), body, e.inject), changed)
        changed.add("pending")
        self._log(e, changed)

    def _on_decision_lapsed(self, e: E.DecisionLapsed, changed) -> None:
        decider = self.decisions.get(e.inject, (None, None))[0]
        self._close_decision(e.inject, changed)
        self.lapsed[e.inject] = e.t
        inj = self.pack.injects.get(e.inject)
        title = inj.title if inj else e.inject
        applied = self.option_label(e.inject, e.option)
        if decider is not None:  # the one who should have decided is told, in the inbox
            body = (f"Nobody decided on \u201c{inj.decision.prompt if inj and inj.decision else title}\u201d in time."
                    + (f" What happens now: {applied}." if e.option else " Nothing was chosen."))
            self._to_inbox(decider, Item(f"l:{e.inject}", e.t, "lapsed", f"Decision lapsed: {title}", "decision",
                                         "high", "Exercise control", body, e.inject), changed)
        self._log(e, changed)

    def _count(self, role: str, what: str) -> None:
        if role in self.counts:
            self.counts[role][what] += 1

    def _on_action_taken(self, e: E.ActionTaken, changed) -> None:
        self._count(e.by, "actions")
        if e.approval:
            self.used.add(e.approval)
            changed.add("pending")
        self._log(e, changed)

    def _on_statement_issued(self, e: E.StatementIssued, changed) -> None:
        self._count(e.by, "statements")
        if e.approval:
            self.used.add(e.approval)
            changed.add("pending")
        self._log(e, changed)

    def _on_approval_requested(self, e: E.ApprovalRequested, changed) -> None:
        req = self.requests[e.request] = {"by": e.by, "to": e.to, "action": e.action, "text": e.text,
                                          "channel": e.channel, "languages": e.languages, "audience": e.audience,
                                          "status": "pending", "t": e.t, "reason": e.reason, "due": e.due,
                                          "answered_by": None, "note": None,
                                          "revises": e.revises, "revised_by": None, "changed": False}
        if e.revises in self.requests:
            self.requests[e.revises]["revised_by"] = e.request
        what = self.action_label(e.action) if e.action else ("a revised statement" if e.revises else "a statement")
        by_when = f" (answer by {story_time(self.pack.scenario, e.due)})" if e.due is not None else ""
        self._to_inbox(e.to, Item(f"a:{e.request}", e.t, "approval", f"Approval asked: {what}{by_when}", "request",
                                  "high", self.role_title(e.by), self.draft_text(req), e.request), changed)
        changed.add("pending")
        self._log(e, changed)

    def _on_approval_answered(self, e: E.ApprovalAnswered, changed) -> None:
        req = self.requests.get(e.request)
        if req is None:
            return
        req["status"] = "granted" if e.granted else "denied"
        req["answered_by"], req["note"] = e.by, e.note
        for name in ("text", "channel", "languages"):  # approved with changes: the draft as changed
            if getattr(e, name) is not None:
                req[name], req["changed"] = getattr(e, name), True
        word = ("approved with changes" if req["changed"] else "approved") if e.granted else "denied"
        what = self.request_what(req)
        self._to_inbox(req["by"], Item(f"r:{e.request}", e.t, "answer", f"{word.capitalize()}: {what}", "request",
                                       "medium" if e.granted else "high", self.role_title(e.by), self.answer_text(req),
                                       e.request), changed)
        changed.add("pending")
        self._log(e, changed)

    def _slot(self, role: str) -> int:
        """The position the next item takes in `role`'s inbox: part of the key of items that
        have no id of their own, so every console that folds the same events names them alike."""
        return len(self.inbox.get(role, ()))

    def _on_inbox_read(self, e: E.InboxRead, changed) -> None:
        if e.by in self.read:
            self.read[e.by].update(e.items)
            changed.add(f"read:{e.by}")

    def _on_delegated(self, e: E.Delegated, changed) -> None:
        self.handed.setdefault((e.by, e.to), e.t)
        power = authority_name(e.authority)
        self._to_inbox(e.to, Item(f"g:{self._slot(e.to)}", e.t, "message", f"Delegated to you: {power}",
                                  "message", "medium", self.role_title(e.by),
                                  f"The {self.role_title(e.by)} delegated \u2018{power}\u2019 to you."), changed)
        self._log(e, changed)

    def _on_message_sent(self, e: E.MessageSent, changed) -> None:
        self._count(e.by, "messages")
        headline = e.text.split("\n", 1)[0]  # staff reports open with a headline
        title = headline if e.intent == "report" else f"{e.intent}: {headline}"  # ✉ already says it is a message
        self._to_inbox(e.to, Item(f"m:{self._slot(e.to)}", e.t, "message", title[:70],
                                  "message", "high" if e.intent == "escalate" or e.decision else "routine",
                                  self.role_title(e.by), e.text, e.decision), changed)
        self._log(e, changed)

    def _on_expectation_triggered(self, e: E.ExpectationTriggered, changed) -> None:
        step = self.steps.get(e.expectation)
        if step is not None:
            step.status, step.due = "pending", e.due
            if story_span(self.pack.scenario, e.t, e.due) is not None:
                step.due_story = story_time(self.pack.scenario, e.due)
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

    def _on_live_check_set(self, e: E.LiveCheckSet, changed) -> None:
        self.live_check = e.on
        self._log(e, changed)
        changed.add("settings")

    def _on_observer_noted(self, e: E.ObserverNoted, changed) -> None:
        self._log(e, changed)

    def _on_command_rejected(self, e: E.CommandRejected, changed) -> None:
        note = self.unreachable_note(e.by) if e.by in self.pack.roles else None
        what = COMMAND_WORDS.get(e.command, e.command.replace("_", " "))
        self.rejected.append(f"{self.role_title(e.by)}: cannot {what}. {note}" if note
                             else f"{self.role_title(e.by)}: cannot {what}: {self.words.plain(e.reason)}")
        self._log(e, changed)
        changed.add("rejected")

    def _on_role_availability(self, e: E.RoleAvailability, changed) -> None:
        (self.unavailable.discard if e.available else self.unavailable.add)(e.role)
        self._log(e, changed)

    def _on_seat_taken(self, e, changed) -> None:
        from simulator.engine.seats import Seat

        self.seats[e.role] = Seat() if e.seat == "human" else Seat(kind="staff", policy=e.policy, competence=e.competence)
        self._log(e, changed)
        changed.add("seats")

    def _on_exercise_ended(self, e: E.ExerciseEnded, changed) -> None:
        self.ended = e.reason
        changed.add("ended")
        self._log(e, changed)
