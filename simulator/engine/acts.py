"""What roles do: actions, statements, approvals and messages, shared by commands and simulated
staff. Mixed into the Engine."""

from __future__ import annotations

from .. import judge
from . import events as E
from .base import EngineBase
from .history import Statement


class Acts(EngineBase):
    """Engine methods that record what a role did (mixed into Engine)."""

    def act(self, role: str, action_id: str, approval: str | None, note: str | None = None, staff: bool = False) -> None:
        self._emit(E.ActionTaken(t=self.t, action=action_id, by=role, staff=staff, approval=approval, note=note))
        self.history.actions.setdefault(action_id, []).append((self.env.now, role))
        self._touch("action", action_id)
        steps = self.pack.expectations
        for exp_id in [x for x in self.open_expectations if judge.meets_by_action(steps[x], action_id)]:
            self._meet(exp_id, role)
        _owner, action = self.pack.actions[action_id]
        effects = dict(action.effects)
        for var, delta in self.pack.scenario.action_effects.get(action_id, {}).items():
            effects[var] = effects.get(var, 0.0) + delta
        if effects:
            self._apply_effects(effects, f"action:{action_id}", notify=False)
        self._changed()

    def say(self, role: str, channel: str, languages: list[str], audience: list[str], text: str,
            approval: str | None, staff: bool = False) -> None:
        h, now = self.history, self.env.now
        h.judge_text(self.pack, text)  # logged before the statement, so a reader has its verdicts by then
        self._emit(E.StatementIssued(t=self.t, by=role, channel=channel, languages=list(languages),
                                     audience=list(audience), text=text, approval=approval, staff=staff))
        h.now = now  # conditions on the clock ('after') are judged at this minute
        rules = judge.statement_rules(self.pack, text, h)
        h.statements.append(Statement(now, role, channel, rules))
        self._touch("statement")
        roles, steps = self.pack.roles, self.pack.expectations
        for exp_id in list(self.open_expectations):
            if judge.meets_by_statement(steps[exp_id], roles, role, now, rules, h):
                self._meet(exp_id, role)
        for rule_id in sorted(rules - self._rule_effects_done):
            effects = self.pack.scenario.statement_effects.get(rule_id)
            if effects:
                self._rule_effects_done.add(rule_id)
                self._apply_effects(effects, f"statement:{rule_id}", notify=False)
        self._changed()

    def request(self, by: str, to: str, action: str | None, text: str | None, channel: str | None,
                staff: bool = False, languages: list[str] | None = None, audience: list[str] | None = None,
                reason: str | None = None, due: float | None = None, revises: str | None = None) -> str:
        """Ask `to` to approve an action, or a draft statement (text, channel, languages, audience).

        The request keeps the whole draft: the approver sees it, and the approved statement is
        published from it, so nothing the drafter chose lives only in a console's memory.
        """
        request_id = f"A{len(self.requests) + 1}"
        languages = None if languages is None else list(languages)
        audience = None if audience is None else list(audience)
        self.requests[request_id] = {"by": by, "to": to, "action": action, "text": text, "channel": channel,
                                     "languages": languages, "audience": audience, "status": "pending",
                                     "revised": False}
        if revises is not None:
            self.requests[revises]["revised"] = True
        self._emit(E.ApprovalRequested(t=self.t, request=request_id, by=by, to=to, action=action, text=text,
                                       channel=channel, languages=languages, audience=audience, staff=staff,
                                       reason=reason, due=due, revises=revises))
        answerer = self.acting_for(to)  # staff standing in for an unreachable approver answer for it
        if answerer in self.staff:
            self.env.process(self.staff[answerer].answer(request_id))
        self._changed()
        return request_id

    def answer(self, request_id: str, by: str, granted: bool, staff: bool = False, note: str | None = None,
               text: str | None = None, channel: str | None = None, languages: list[str] | None = None) -> None:
        """Grant or deny; a grant with changes replaces those fields of the draft, which is then
        published as the approver left it."""
        req = self.requests[request_id]
        req["status"] = "granted" if granted else "denied"
        if text is not None:
            req["text"] = text
        if channel is not None:
            req["channel"] = channel
        if languages is not None:
            req["languages"] = languages = list(languages)
        self._emit(E.ApprovalAnswered(t=self.t, request=request_id, by=by, granted=granted, staff=staff, note=note,
                                      text=text, channel=channel, languages=languages))
        self._changed()

    def message(self, by: str, to: str, intent: str, text: str, staff: bool = False, decision: str | None = None) -> None:
        self._emit(E.MessageSent(t=self.t, by=by, to=to, intent=intent, text=text, staff=staff, decision=decision))
