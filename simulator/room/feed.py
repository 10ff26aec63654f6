"""Who may see each event: the one rule for a seat's feed in room mode and for a role's view of a
replay.

A role sees what was sent to it, what it did itself, the clock and public statements. It never
sees another role's private injects, messages, drafts or approvals, the state gauges, the
facilitator's observer notes or overridden ratings. The facilitator and the observer see every
event (the observer gets no facilitator notes and no MSEL preview: see `seat_pack`).

Some events are seen by a role that is not named in them, because its console needs them:
- a decision inject by the role that must decide (it may not be an addressee);
- an approval request by every role that may ever act for the approver (its successors, in
  turn), since a successor answers it once the approver cannot be reached;
- how a decision or a request ended, by every role that saw it open;
- a decision taken, and its overrule, by every role above the decider and whoever may act for
  them (they may overrule it: judge.overrules_as).

The rule keeps a little memory (who can be reached, who saw which inject and request), so feed
it every event of an exercise in order: `Visibility.audience` for each, or `feed_for`.
"""

from __future__ import annotations

from collections.abc import Iterable

from simulator import judge
from simulator.engine import events as E
from simulator.loading.pack import Pack
from simulator.models.role import acting_role

EVERYONE: frozenset[str] = frozenset({"*"})
"""The audience of an event that every seat sees."""
NOBODY: frozenset[str] = frozenset()
"""The audience of an event only the facilitator and the observer see."""

PUBLIC = frozenset({"exercise_started", "module_started", "clock_paused", "clock_resumed", "speed_changed",
                    "clock_jumped", "exercise_ended", "role_availability", "statement_issued"})
"""Events every role sees: the clock, who cannot be reached, and what was said in public."""


class Visibility:
    def __init__(self, pack: Pack):
        self.pack = pack
        self.unavailable: set[str] = set()
        self._inject_audience: dict[str, frozenset[str]] = {}
        self._request_audience: dict[str, frozenset[str]] = {}

    def audience(self, e: E.Event) -> frozenset[str]:
        """The roles that may see `e` (EVERYONE, or a set of role ids; NOBODY for control only)."""
        kind = e.type
        if kind in PUBLIC:
            if isinstance(e, E.RoleAvailability):
                (self.unavailable.discard if e.available else self.unavailable.add)(e.role)
            return EVERYONE
        if isinstance(e, E.InjectDelivered):
            who = set(e.to) | self._deciders(e)
            seen = self._inject_audience[e.inject] = frozenset(who)
            return seen
        if isinstance(e, E.DecisionMade):
            return self._inject_audience.get(e.inject, NOBODY) | {e.by} | self._above(e.by)
        if isinstance(e, E.DecisionLapsed):
            return self._inject_audience.get(e.inject, NOBODY)
        if isinstance(e, E.DecisionOverruled):
            return self._inject_audience.get(e.inject, NOBODY) | {e.by, e.decider} | self._above(e.decider)
        if isinstance(e, E.ApprovalRequested):
            seen = self._request_audience[e.request] = frozenset({e.by, *self._stand_ins(e.to)})
            return seen
        if isinstance(e, E.ApprovalAnswered):
            return self._request_audience.get(e.request, NOBODY) | {e.by}
        if isinstance(e, (E.Delegated, E.MessageSent)):
            return frozenset({e.by, e.to})
        if isinstance(e, (E.ActionTaken, E.InboxRead, E.CommandRejected, E.HotWashAnswered)):
            return frozenset({e.by})
        if isinstance(e, (E.ExpectationTriggered, E.DeadlinePassed)):
            return frozenset({e.role})
        if isinstance(e, E.ExpectationMet):
            step = self.pack.expectations.get(e.expectation)
            return frozenset({e.by} | ({step.role} if step is not None else set()))
        if isinstance(e, E.SeatTaken):
            return frozenset({e.role})
        return NOBODY  # state, observer notes, ratings, and any event type added later until decided here

    def sees(self, role: str, audience: frozenset[str]) -> bool:
        return audience is EVERYONE or role in audience

    def _deciders(self, e: E.InjectDelivered) -> set[str]:
        """Who must decide a decision inject: as the consoles reckon it when it arrives, and as the
        engine does once the inject's own changes of who can be reached apply (both, when they differ)."""
        inj = self.pack.injects.get(e.inject)
        if inj is None or inj.decision is None:
            return set()
        asked = inj.decision.role or e.to[0]
        after = (self.unavailable | set(inj.unavailable)) - set(inj.available)
        roles = self.pack.roles
        return {judge.acting_for(roles, asked, self.unavailable.__contains__), judge.acting_for(roles, asked, after.__contains__)}

    def _above(self, role: str) -> frozenset[str]:
        """Every role above `role` on its reporting line, with whoever may act for each of them."""
        return frozenset(r for boss in judge.superiors(self.pack.roles, role) for r in self._stand_ins(boss))

    def _stand_ins(self, role: str) -> list[str]:
        """`role` and every successor who may act for it, in turn (the judge's succession walk,
        asked as if each of them could not be reached)."""
        walked: list[str] = []

        def unreachable(r: str) -> bool:
            walked.append(r)
            return True

        acting_role(self.pack.roles, role, unreachable)
        return walked


def feed_for(pack: Pack, events: Iterable[E.Event], role: str) -> list[E.Event]:
    """The events `role` may see, in order: its seat's feed in room mode, and what a replay's
    role view folds."""
    rule = Visibility(pack)
    return [e for e in events if rule.sees(role, rule.audience(e))]
