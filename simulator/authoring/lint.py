"""`tabletop lint`: design mistakes in a pack that is valid but cannot play as written.

Validation comes first and its problems are reported as they are (a pack that does not
validate cannot be analysed); dangling references are among them. Then, every message located
at file:line:column like `tabletop validate`:

errors
- an inject that can never be delivered (its trigger can never hold, or what cues it never happens);
- an inject that can only arrive at or after the end of the clock;
- a decision option that leads nowhere (no effects, no follow-up, and no condition asks about it),
  or that follows up with its own inject (delivered already, so it cues nothing);
- a plan step no role can meet (it never starts, needs an authority nobody holds or can delegate,
  asks a statement to match a prohibited rule or of a role that is not an approved messenger, or
  waits on a prerequisite that can never be met);
- a plan step that no inject prompts: no inject lists it in `expected_actions` and its trigger
  names no inject, so the exercise never puts it in front of the players;
- a playbook rule that misjudges one of its own `examples` (a match it misses, a no_match it flags).

warnings
- a plan step chained to play (its trigger names an action, statement or state, but no inject
  lists it): clearly intended, but the MSEL does not show it;
- an inject only a facilitator can fire (no `at`, no `trigger`, nothing cues it);
- `contingency_for` on an inject that has `at` or `trigger` (the engine only sends cue-only injects
  on a missed deadline);
- a statement step no playbook template covers (simulated staff cannot meet it; people can);
- a decision option that reads like an action step of the deciding role but does not name it in
  `meets` (shared content lemmas, weighted by rarity: simulator/authoring/alike.py); an option
  that says `meets: []` outright is not one.

placeholders
A pack written by `tabletop msel import` holds TODO placeholders for what an MSEL cannot carry.
A finding caused only by an unfilled placeholder is a warning, so the fresh skeleton lints clean
and the author still sees every place to fill in: a state variable whose label still starts with
'TODO' and that nothing moves yet (the error it would cause is found by running the analysis
again with those variables free, and downgraded when it disappears), a decision option whose
label starts with 'TODO', and a plan step whose description or source starts with 'TODO' that no
inject prompts. Once the author replaces the label, description or source, the finding is an
error again. A
capability still left as the TODO placeholder is a warning of its own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from ..loading.documents import Document
from ..loading.pack import load_documents
from ..loading.problems import Problem, ValidationFailed
from ..loading.references import check_references, walk_condition
from ..models import conditions as c
from ..statements.examples import misjudged
from . import alike
from .reach import NEVER, Analysis, Reach


def lint_pack(scenario_path: Path) -> list[Problem]:
    """Every validation problem, or (when the pack is valid) every lint problem; sorted."""
    scenario_path = Path(scenario_path)
    if scenario_path.is_dir():
        scenario_path = scenario_path / "scenario.yaml"
    try:
        scenario_doc, roles, plan, playbook, found = load_documents(scenario_path)
    except ValidationFailed as exc:
        return list(exc.problems)
    problems = [*found, *check_references(scenario_doc, roles, plan, playbook)]
    if any(p.severity == "error" for p in problems) or plan is None or playbook is None:
        return _sorted(problems)
    found_now = _lint(scenario_doc, plan, playbook, roles, set())
    todo_vars = {v.id for v in scenario_doc.model.state if v.label.startswith(PLACEHOLDER)}
    if todo_vars:
        lenient = {(p.file, p.line, p.column) for p in _lint(scenario_doc, plan, playbook, roles, todo_vars)
                   if p.severity == "error"}
        found_now = [_placeholder(p, "a state variable it depends on is a TODO placeholder nothing moves yet; give it "
                                     "effects or dynamics")
                     if p.severity == "error" and (p.file, p.line, p.column) not in lenient else p for p in found_now]
    return _sorted(problems + found_now)


PLACEHOLDER = "TODO"
"""How `msel import` marks what the author must fill in."""


def _placeholder(p: Problem, why: str) -> Problem:
    return dataclasses.replace(p, severity="warning", message=f"{p.message} ({why})")


def _lint(scenario_doc: Document, plan: Document, playbook: Document, roles: dict[str, Document],
          free: set[str]) -> list[Problem]:
    """Lint findings, treating the state variables in `free` as if something moved them."""
    analysis = Analysis(scenario_doc.model, plan.model, {k: d.model for k, d in roles.items()})
    analysis.moved |= free
    reach = analysis.run()
    ctx = _Context(scenario_doc, plan, playbook, roles, analysis, reach)
    return [*_injects(ctx), *_options(ctx), *_alike_options(ctx), *_steps(ctx), *_unprompted(ctx), *_capabilities(ctx),
            *_examples(ctx)]


def _examples(ctx: "_Context") -> Iterator[Problem]:
    """A playbook rule that misjudges its own examples (simulator/statements/examples.py)."""
    for loc, message in misjudged(ctx.pb):
        yield ctx.bdoc.at(loc, message)


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.message))


class _Context:
    def __init__(self, scenario: Document, plan: Document, playbook: Document, roles: dict[str, Document],
                 analysis: Analysis, reach: Reach):
        self.sdoc, self.pdoc, self.bdoc, self.rdocs = scenario, plan, playbook, roles
        self.s, self.plan, self.pb = scenario.model, plan.model, playbook.model
        self.roles = {k: d.model for k, d in roles.items()}
        self.analysis, self.reach, self.end = analysis, reach, scenario.model.clock.duration


def _fmt(x: float) -> str:
    return f"{x:g}"


def _injects(ctx: _Context) -> Iterator[Problem]:
    cued = {f for i in ctx.s.injects if i.decision for o in i.decision.options for f in o.follow_up}
    for i, inj in enumerate(ctx.s.injects):
        loc = ("injects", i)
        t = ctx.reach.injects[inj.id]
        where = loc + (("trigger",) if inj.trigger is not None else ("id",))
        if t == NEVER:
            if inj.at is None and inj.trigger is None and inj.contingency_for is None and inj.id not in cued:
                yield ctx.sdoc.at(loc + ("id",), f"inject '{inj.id}' has no 'at' or 'trigger' and nothing cues it "
                                  "(no option follows up with it, no contingency_for): only a facilitator can fire it",
                                  "warning")
            else:
                yield ctx.sdoc.at(where, f"inject '{inj.id}' can never be delivered: {ctx.reach.why[inj.id]}")
        elif t >= ctx.end:
            if inj.delay > 0 and t - inj.delay < ctx.end:
                where = loc + ("delay",)
            yield ctx.sdoc.at(where, f"inject '{inj.id}' arrives at minute {_fmt(t)} at the earliest, at or after "
                              f"the end of the clock ({_fmt(ctx.end)})")
        if inj.contingency_for is not None and (inj.at is not None or inj.trigger is not None):
            yield ctx.sdoc.at(loc + ("contingency_for",), f"inject '{inj.id}' has '{'at' if inj.at is not None else 'trigger'}', "
                              "so a missed deadline never cues it; contingency_for is ignored (remove the timing to make it "
                              "a contingency inject)", "warning")


def _asked_options(ctx: _Context) -> set[tuple[str, str]]:
    """(decision inject, option) pairs that some condition anywhere in the pack asks about."""
    conds = [i.trigger for i in ctx.s.injects] + [d.when for d in ctx.s.dynamics] + [h.when for h in ctx.s.harms]
    conds += [e.trigger for e in ctx.plan.expectations] + [p.until for p in ctx.pb.prohibited]
    out = set()
    for cond in conds:
        for leaf, _loc in walk_condition(cond, ()):
            if isinstance(leaf, c.WhenChosen):
                out.add((leaf.chosen, leaf.option))
    return out


def _options(ctx: _Context) -> Iterator[Problem]:
    asked = _asked_options(ctx)
    for i, inj in enumerate(ctx.s.injects):
        if inj.decision is None:
            continue
        for k, o in enumerate(inj.decision.options):
            for j, follow in enumerate(o.follow_up):
                if follow == inj.id:  # the inject is delivered already when its decision is answered
                    yield ctx.sdoc.at(("injects", i, "decision", "options", k, "follow_up", j),
                                      f"option '{o.id}' of decision '{inj.id}' follows up with '{inj.id}' itself, which "
                                      "was delivered before anyone could choose it: this cues nothing")
            if not o.effects and not o.follow_up and (inj.id, o.id) not in asked:
                p = ctx.sdoc.at(("injects", i, "decision", "options", k, "id"),
                                f"option '{o.id}' of decision '{inj.id}' leads nowhere: it has no effects, no "
                                "follow_up, and no condition asks whether it was chosen")
                yield _placeholder(p, "its label is a TODO placeholder") if o.label.startswith(PLACEHOLDER) else p


def _alike_options(ctx: _Context) -> Iterator[Problem]:
    """A decision option that reads like an action step of the deciding role but does not name it in
    `meets`: choosing it would leave the step unmet (simulator/authoring/alike.py says how alike)."""
    actions = {a.id: a for r in ctx.roles.values() for a in r.actions}

    def said(e) -> str:
        a = actions.get(e.action or "")
        return alike.step_text(e.description, a.label if a else None, a.description if a else None)

    opts = [(i, inj, k, o) for i, inj in enumerate(ctx.s.injects) if inj.decision is not None
            for k, o in enumerate(inj.decision.options)]
    steps = {e.id: alike.content(said(e)) for e in ctx.plan.expectations if e.action is not None}
    weight = alike.Weights.of([alike.content(o.label) for *_, o in opts] + list(steps.values())
                              + [alike.content(f"{inj.title} {inj.body}") for inj in ctx.s.injects])
    for i, inj, k, o in opts:
        decider = inj.decision.role or (inj.to[0] if inj.to != "all" else None)
        said_by_option = alike.content(o.label)
        if "meets" in o.model_fields_set and not o.meets:
            continue  # `meets: []` written out: the author looked, and this option is no plan step
        for e in ctx.plan.expectations:
            if e.id not in steps or e.role != decider or e.id in o.meets:
                continue
            found = alike.likeness(said_by_option, steps[e.id], weight)
            if found.alike:
                yield ctx.sdoc.at(("injects", i, "decision", "options", k, "id"),
                                  f"option '{o.id}' of decision '{inj.id}' reads like plan step '{e.id}' "
                                  f"({found.score:.0%} alike: {', '.join(found.shared)}) but does not name it: "
                                  f"choosing it leaves the step unmet; add 'meets: [{e.id}]' if it is that step "
                                  "('meets: []' if it is not)",
                                  "warning")


def _steps(ctx: _Context) -> Iterator[Problem]:
    reach, steps = ctx.reach, {e.id: e for e in ctx.plan.expectations}
    actions = ctx.analysis.actions
    templates = [set(t.covers) | {"@" + t.role} for t in ctx.pb.templates]
    prohibited = {p.id for p in ctx.pb.prohibited}
    messengers = {m.role for m in ctx.pb.messengers}
    dead = set()
    for n, e in enumerate(ctx.plan.expectations):
        loc = ("expectations", n)
        t = reach.steps[e.id]
        if t == NEVER:
            dead.add(e.id)
            yield ctx.pdoc.at(loc + ("trigger",), f"plan step '{e.id}' can never be met: it never starts, because "
                              f"{reach.why[e.id]}")
        elif t >= ctx.end:
            dead.add(e.id)
            yield ctx.pdoc.at(loc + ("trigger",), f"plan step '{e.id}' can never be met: it starts at minute {_fmt(t)} "
                              f"at the earliest, at or after the end of the clock ({_fmt(ctx.end)})")
        role = ctx.roles.get(e.role)
        needs = [(loc + ("authority",), e.authority)]
        if e.action is not None and e.action in actions:
            needs.append((loc + ("action",), actions[e.action][1].requires_authority))
        for where, auth in needs:
            if auth is None or role is None or auth in role.authorities:
                continue
            if not any(auth in r.delegable for r in ctx.roles.values()):
                dead.add(e.id)
                holders = [r.id for r in ctx.roles.values() if auth in r.authorities]
                held = f"only {', '.join(holders)} holds it" if holders else "no role holds it"
                yield ctx.pdoc.at(where, f"plan step '{e.id}' can never be met: role '{e.role}' needs authority '{auth}', "
                                  f"{held}, and no role can delegate it")
        for j, rule in enumerate(e.statement or []):
            if rule in prohibited:
                dead.add(e.id)
                yield ctx.pdoc.at(loc + ("statement", j), f"plan step '{e.id}' can never be met: it asks a statement to "
                                  f"match '{rule}', a prohibited rule")
        if e.statement is not None and e.role not in messengers:
            dead.add(e.id)
            yield ctx.pdoc.at(loc + ("role",), f"plan step '{e.id}' can never be met without breaking the playbook: it asks "
                              f"'{e.role}' for a public statement, and '{e.role}' is not an approved messenger")
        if e.statement is not None and not any(set(e.statement) <= tpl and "@" + e.role in tpl for tpl in templates):
            yield ctx.pdoc.at(loc + ("statement",), f"no playbook template for role '{e.role}' covers "
                              f"{', '.join(e.statement)}: simulated staff cannot meet plan step '{e.id}'", "warning")
    yield from _prerequisites(ctx, steps, dead)


def _prerequisites(ctx: _Context, steps: dict, dead: set[str]) -> Iterator[Problem]:
    """Steps waiting on a step that can never be met, or on themselves through a loop."""
    index = {e.id: n for n, e in enumerate(ctx.plan.expectations)}
    for e in ctx.plan.expectations:
        seen, stack, loop = set(), list(e.prerequisites), False
        while stack:
            p = stack.pop()
            if p == e.id:
                loop = True
                break
            if p in seen or p not in steps:
                continue
            seen.add(p)
            stack.extend(steps[p].prerequisites)
        loc = ("expectations", index[e.id], "prerequisites")
        if loop:
            yield ctx.pdoc.at(loc, f"plan step '{e.id}' can never be met: its prerequisites lead back to itself")
            continue
        blocked = sorted(seen & dead)
        if blocked and e.id not in dead:
            yield ctx.pdoc.at(loc, f"plan step '{e.id}' can never be met: it waits for {', '.join(blocked)}, "
                              "which can never be met")


def _capabilities(ctx: _Context) -> Iterator[Problem]:
    """A capability left as the import's placeholder: valid, so the skeleton loads, but the report
    would roll ratings up under 'TODO'."""
    why = "is a TODO placeholder: name the HSEEP core capability it exercises"
    for n, o in enumerate(ctx.s.objectives):
        if o.capability.startswith(PLACEHOLDER):
            yield ctx.sdoc.at(("objectives", n, "capability"), f"objective '{o.id}': the capability {why}", "warning")
    for n, e in enumerate(ctx.plan.expectations):
        if e.capability.startswith(PLACEHOLDER):
            yield ctx.pdoc.at(("expectations", n, "capability"), f"plan step '{e.id}': the capability {why}", "warning")


def _names_inject(cond) -> bool:
    return any(isinstance(leaf, (c.WhenDelivered, c.WhenChosen)) for leaf, _ in walk_condition(cond, ()))


def _names_play(cond) -> bool:
    return any(isinstance(leaf, (c.WhenAction, c.WhenStatement, c.WhenState)) for leaf, _ in walk_condition(cond, ()))


def _unprompted(ctx: _Context) -> Iterator[Problem]:
    listed = {e for i in ctx.s.injects for e in i.expected_actions}
    for n, e in enumerate(ctx.plan.expectations):
        if e.id in listed or _names_inject(e.trigger):
            continue
        if _names_play(e.trigger):
            yield ctx.pdoc.at(("expectations", n, "trigger"), f"no inject prompts plan step '{e.id}' (none lists it in "
                              "expected_actions); it is chained to play by its trigger", "warning")
        else:
            where = ("expectations", n, "trigger") if e.trigger is not None else ("expectations", n, "id")
            p = ctx.pdoc.at(where, f"no inject prompts plan step '{e.id}': none lists it in expected_actions and its "
                            "trigger names no inject, so the exercise never puts it to the players")
            if e.description.startswith(PLACEHOLDER):
                p = _placeholder(p, "its description is a TODO placeholder")
            elif e.source.startswith(PLACEHOLDER):  # an imported step the sheet named only as missed
                p = _placeholder(p, "its source is a TODO placeholder: give it the trigger the plan says")
            yield p
