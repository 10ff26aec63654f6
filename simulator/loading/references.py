"""Cross-file checks: every id a scenario, plan or playbook mentions must exist, once.

Why: a dangling reference in a scenario is found here, at file:line:column, rather than
during an exercise in front of a room full of officials.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..models import conditions as c
from .documents import Document
from .problems import Problem, format_path
from .yaml_source import locate


def walk_condition(cond: Any, loc: tuple) -> Iterator[tuple[Any, tuple]]:
    """Yield (leaf condition, field path) for every leaf of a condition tree."""
    if isinstance(cond, c.WhenAll):
        for i, sub in enumerate(cond.all):
            yield from walk_condition(sub, loc + ("all", i))
    elif isinstance(cond, c.WhenAny):
        for i, sub in enumerate(cond.any_):
            yield from walk_condition(sub, loc + ("any", i))
    elif isinstance(cond, c.WhenNot):
        yield from walk_condition(cond.not_, loc + ("not",))
    elif cond is not None:
        yield cond, loc


def _duplicates(doc: Document, items: list, loc: tuple, what: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.id in seen:
            first = seen[item.id]
            line, _col = locate(doc.raw, loc + (first, "id"))
            yield doc.at(loc + (i, "id"), f"duplicate {what} id '{item.id}': already used at line {line} "
                         f"({format_path(loc + (first,))}); every {what} needs its own id")
        else:
            seen[item.id] = i


class _Refs:
    """Known ids across the pack, and a helper that reports unknown ones.

    A file that failed to load (its own problems are reported) leaves its ids unknown (None):
    references to them are not checked. Why: a typo in the playbook must not hide the other
    files' reference problems, and a broken role file must not make its actions "unknown".
    """

    def __init__(self, scenario_doc: Document, roles: dict[str, Document], plan: Document | None, playbook: Document | None):
        s = scenario_doc.model
        self.roles = set(s.roles)
        self.vars = {v.id for v in s.state}
        self.injects = {i.id: i for i in s.injects}
        self.expectations = {e.id for e in plan.model.expectations} if plan is not None else None
        self.steps = {e.id: e for e in plan.model.expectations} if plan is not None else {}
        self.objectives = {o.id for o in s.objectives}
        self.modules = {m.id for m in s.modules}
        self.senders = {x.id for x in s.senders}
        all_roles = set(roles) >= self.roles
        self.actions = {a.id: rid for rid, d in roles.items() for a in d.model.actions} if all_roles else None
        self.action_approvers = {a.id: a.requires_approval for d in roles.values() for a in d.model.actions}
        self.authorities = {a for d in roles.values() for a in d.model.authorities} if all_roles else None
        self.rules = playbook.model.rule_ids() if playbook is not None else None

    def check(self, doc: Document, loc: tuple, value: str | None, known, what: str) -> Iterator[Problem]:
        if value is not None and known is not None and value not in known:
            import difflib

            close = difflib.get_close_matches(value, list(known), n=1)
            # Numbered ids (I-06 vs I-40) are not typos of each other: a guess there misleads.
            numbered = (close and len(value) == len(close[0])
                        and re.sub(r"\d", "", value) == re.sub(r"\d", "", close[0]))
            hint = f" (did you mean '{close[0]}'?)" if close and not numbered else ""
            yield doc.at(loc, f"unknown {what} '{value}'{hint}")

    def condition(self, doc: Document, cond: Any, loc: tuple) -> Iterator[Problem]:
        for leaf, where in walk_condition(cond, loc):
            if isinstance(leaf, c.WhenState):
                yield from self.check(doc, where + ("state",), leaf.state, self.vars, "state variable")
            elif isinstance(leaf, c.WhenAction):
                yield from self.check(doc, where + ("action",), leaf.action, self.actions, "action")
                yield from self.check(doc, where + ("by",), leaf.by, self.roles, "role")
            elif isinstance(leaf, c.WhenDelivered):
                yield from self.check(doc, where + ("delivered",), leaf.delivered, self.injects, "inject")
            elif isinstance(leaf, c.WhenChosen):
                inject = self.injects.get(leaf.chosen)
                yield from self.check(doc, where + ("chosen",), leaf.chosen, self.injects, "inject")
                if inject is not None:
                    if inject.decision is None:
                        yield doc.at(where + ("chosen",), f"inject '{leaf.chosen}' carries no decision")
                    else:
                        options = {o.id for o in inject.decision.options}
                        yield from self.check(doc, where + ("option",), leaf.option, options, f"option of '{leaf.chosen}'")
            elif isinstance(leaf, c.WhenStatement):
                q = leaf.statement
                yield from self.check(doc, where + ("statement", "by"), q.by, self.roles, "role")
                yield from self.check(doc, where + ("statement", "covers"), q.covers, self.rules, "playbook rule")

    def effects(self, doc: Document, effects: dict, loc: tuple) -> Iterator[Problem]:
        for var in effects:
            yield from self.check(doc, loc + (var,), var, self.vars, "state variable")


def check_references(scenario_doc: Document, roles: dict[str, Document], plan: Document | None, playbook: Document | None) -> list[Problem]:
    """Every cross-reference and uniqueness problem in the pack (plan or playbook None when they failed to load)."""
    refs = _Refs(scenario_doc, roles, plan, playbook)
    return [*_scenario(scenario_doc, refs), *_roles(roles, refs),
            *(_plan(plan, refs, roles) if plan is not None else ()),
            *(_playbook(playbook, refs) if playbook is not None else ())]


def _scenario(doc: Document, refs: _Refs) -> Iterator[Problem]:
    s = doc.model
    for items, key, what in ((s.objectives, "objectives", "objective"), (s.modules, "modules", "module"),
                             (s.state, "state", "state variable"), (s.senders, "senders", "sender"),
                             (s.injects, "injects", "inject")):
        yield from _duplicates(doc, items, (key,), what)
    for i, m in enumerate(s.modules):
        if m.starts_at >= s.clock.duration:
            yield doc.at(("modules", i, "starts_at"), f"module starts at minute {m.starts_at:g}, at or after the end of the clock ({s.clock.duration:g})")
    for i, d in enumerate(s.dynamics):
        yield from refs.check(doc, ("dynamics", i, "var"), d.var, refs.vars, "state variable")
        yield from refs.condition(doc, d.when, ("dynamics", i, "when"))
    for action_id, effects in s.action_effects.items():
        yield from refs.check(doc, ("action_effects", action_id), action_id, refs.actions, "action")
        yield from refs.effects(doc, effects, ("action_effects", action_id))
    yield from _duplicates(doc, s.harms, ("harms",), "harm")
    for i, harm in enumerate(s.harms):
        yield from refs.condition(doc, harm.when, ("harms", i, "when"))
        yield from refs.check(doc, ("harms", i, "expectation"), harm.expectation, refs.expectations, "plan step")
        yield from refs.check(doc, ("harms", i, "objective"), harm.objective, refs.objectives, "objective")
    for rule_id, effects in s.statement_effects.items():
        yield from refs.check(doc, ("statement_effects", rule_id), rule_id, refs.rules, "playbook rule")
        yield from refs.effects(doc, effects, ("statement_effects", rule_id))
    for role_id in s.situations:
        yield from refs.check(doc, ("situations", role_id), role_id, refs.roles, "role")
    for i, inj in enumerate(s.injects):
        loc = ("injects", i)
        if inj.at is not None and inj.at >= s.clock.duration:
            yield doc.at(loc + ("at",), f"inject '{inj.id}' is at minute {inj.at:g}, at or after the end of the clock ({s.clock.duration:g})")
        yield from refs.check(doc, loc + ("from",), inj.from_, refs.senders, "sender")
        if inj.to != "all":
            for j, r in enumerate(inj.to):
                yield from refs.check(doc, loc + ("to", j), r, refs.roles, "role")
        yield from refs.check(doc, loc + ("module",), inj.module, refs.modules, "module")
        for j, e in enumerate(inj.expected_actions):
            yield from refs.check(doc, loc + ("expected_actions", j), e, refs.expectations, "plan step")
        for j, o in enumerate(inj.objectives):
            yield from refs.check(doc, loc + ("objectives", j), o, refs.objectives, "objective")
        yield from refs.check(doc, loc + ("contingency_for",), inj.contingency_for, refs.expectations, "plan step")
        yield from refs.effects(doc, inj.effects, loc + ("effects",))
        yield from refs.condition(doc, inj.trigger, loc + ("trigger",))
        for key in ("unavailable", "available"):
            for j, r in enumerate(getattr(inj, key)):
                yield from refs.check(doc, loc + (key, j), r, refs.roles, "role")
        if inj.decision is not None:
            yield from _decision(doc, inj, loc + ("decision",), refs)


def _decision(doc: Document, inj, loc: tuple, refs: _Refs) -> Iterator[Problem]:
    d = inj.decision
    yield from _duplicates(doc, d.options, loc + ("options",), "option")
    yield from refs.check(doc, loc + ("role",), d.role, refs.roles, "role")
    if d.role is None and inj.to == "all":
        yield doc.at(loc, "a decision sent to 'all' must name the deciding 'role'")
    if d.role is not None and inj.to != "all" and d.role not in inj.to:
        yield doc.at(loc + ("role",), f"the deciding role '{d.role}' does not receive this inject")
    yield from refs.check(doc, loc + ("on_timeout",), d.on_timeout, {o.id for o in d.options}, "option")
    if d.on_timeout is not None and d.deadline is None:
        yield doc.at(loc + ("on_timeout",), "on_timeout needs a deadline")
    if sum(o.recommended for o in d.options) > 1:
        yield doc.at(loc + ("options",), "at most one option can be recommended")
    for k, opt in enumerate(d.options):
        yield from refs.effects(doc, opt.effects, loc + ("options", k, "effects"))
        for j, f in enumerate(opt.follow_up):
            yield from refs.check(doc, loc + ("options", k, "follow_up", j), f, refs.injects, "inject")
        decider = d.role or (inj.to[0] if inj.to != "all" else None)
        for j, step_id in enumerate(opt.meets):
            where = loc + ("options", k, "meets", j)
            yield from refs.check(doc, where, step_id, refs.expectations, "plan step")
            step = refs.steps.get(step_id)
            if step is not None:
                yield from _meets(doc, where, step, decider, refs)


def _meets(doc: Document, where: tuple, step, decider: str | None, refs: _Refs) -> Iterator[Problem]:
    """An option that does a plan step must be able to do it as its action would (judge.meets_by_choice):
    the deciding role is the step's role, the step is an action (a statement step is met by words said
    in public, which a choice is not), and it needs nobody's approval (a decision is not put to an approver)."""
    if step.action is None:
        yield doc.at(where, f"plan step '{step.id}' is met by a public statement; choosing an option cannot say it")
    elif decider is not None and step.role != decider:
        yield doc.at(where, f"plan step '{step.id}' is for role '{step.role}', but '{decider}' takes this decision")
    elif (approver := step.approval_by or refs.action_approvers.get(step.action)) is not None:
        yield doc.at(where, f"plan step '{step.id}' needs {approver}'s approval, which a decision is not sent for")


def _roles(roles: dict[str, Document], refs: _Refs) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for rid, doc in roles.items():
        r = doc.model
        for key in ("reports_to", "successor"):
            other = getattr(r, key)
            if other is not None and other not in refs.roles:
                yield doc.at((key,), f"'{other}' does not take part in this scenario; the chain of command stops here", "warning")
        for j, a in enumerate(r.delegable):
            if a not in r.authorities:
                yield doc.at(("delegable", j), f"'{a}' is delegable but not among this role's authorities")
        for i, action in enumerate(r.actions):
            if action.id in seen:
                yield doc.at(("actions", i, "id"), f"action id '{action.id}' is already used by role '{seen[action.id]}'; action ids are unique across roles")
            seen[action.id] = rid
            yield from refs.check(doc, ("actions", i, "requires_approval"), action.requires_approval, refs.roles, "role")
            yield from refs.check(doc, ("actions", i, "requires_authority"), action.requires_authority, refs.authorities, "authority")
    yield from _cycles(roles)


def _cycles(roles: dict[str, Document]) -> Iterator[Problem]:
    for rid, doc in roles.items():
        seen, cur = {rid}, doc.model.reports_to
        while cur is not None and cur in roles:
            if cur in seen:
                yield doc.at(("reports_to",), f"reporting lines form a loop through '{rid}'")
                break
            seen.add(cur)
            cur = roles[cur].model.reports_to


def _plan(doc: Document, refs: _Refs, roles: dict[str, Document]) -> Iterator[Problem]:
    exps = doc.model.expectations
    yield from _duplicates(doc, exps, ("expectations",), "plan step")
    for i, e in enumerate(exps):
        loc = ("expectations", i)
        yield from refs.check(doc, loc + ("role",), e.role, refs.roles, "role")
        if e.action is not None:
            yield from refs.check(doc, loc + ("action",), e.action, refs.actions, "action")
            owner = refs.actions.get(e.action) if refs.actions is not None else None
            if owner is not None and owner != e.role:
                yield doc.at(loc + ("action",), f"action '{e.action}' belongs to role '{owner}', not '{e.role}'")
        for j, rule in enumerate(e.statement or []):
            yield from refs.check(doc, loc + ("statement", j), rule, refs.rules, "playbook rule")
        yield from refs.condition(doc, e.trigger, loc + ("trigger",))
        for j, p in enumerate(e.prerequisites):
            yield from refs.check(doc, loc + ("prerequisites", j), p, refs.expectations, "plan step")
            if p == e.id:
                yield doc.at(loc + ("prerequisites", j), "a plan step cannot be its own prerequisite")
        yield from refs.check(doc, loc + ("authority",), e.authority, refs.authorities, "authority")
        yield from refs.check(doc, loc + ("approval_by",), e.approval_by, refs.roles, "role")
        yield from refs.check(doc, loc + ("objective",), e.objective, refs.objectives, "objective")
        if e.authority and refs.authorities is not None and e.role in roles and e.authority not in roles[e.role].model.authorities:
            holders = [r for r, d in roles.items() if e.authority in d.model.delegable]
            if not holders:
                yield doc.at(loc + ("authority",), f"role '{e.role}' lacks authority '{e.authority}' and no role can delegate it")


def _playbook(doc: Document, refs: _Refs) -> Iterator[Problem]:
    pb = doc.model
    all_rules: dict[str, tuple] = {}
    for key in ("first_message", "key_messages", "prohibited", "rumours", "audiences"):
        for i, rule in enumerate(getattr(pb, key)):
            if rule.id in all_rules:
                yield doc.at((key, i, "id"), f"duplicate rule id '{rule.id}' (also in {all_rules[rule.id][0]})")
            all_rules.setdefault(rule.id, (key, i))
    for i, m in enumerate(pb.messengers):
        yield from refs.check(doc, ("messengers", i, "role"), m.role, refs.roles, "role")
        yield from refs.check(doc, ("messengers", i, "approval_from"), m.approval_from, refs.roles, "role")
    for i, p in enumerate(pb.prohibited):
        yield from refs.condition(doc, p.until, ("prohibited", i, "until"))
    for i, r in enumerate(pb.rumours):
        yield from refs.check(doc, ("rumours", i, "inject"), r.inject, refs.injects, "inject")
    yield from _duplicates(doc, pb.templates, ("templates",), "template")
    yield from _duplicates(doc, pb.facts, ("facts",), "fact")
    for i, t in enumerate(pb.templates):
        yield from refs.check(doc, ("templates", i, "role"), t.role, refs.roles, "role")
        for j, rule in enumerate(t.covers):
            yield from refs.check(doc, ("templates", i, "covers", j), rule, refs.rules, "playbook rule")
