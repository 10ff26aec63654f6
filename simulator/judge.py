"""One judgement: when a plan step is met, late or missed; who may meet it or approve it; whether a
prohibition is lifted yet; who acts for a role that cannot be reached; who may overrule a decision,
and until when.

Why one module: the engine (deadlines, contingencies, met events), the consoles (checklist, whom
to ask), the scorer, the summary and the report all ask these questions. Asked in two places the
answers drifted apart (issue 9: the engine sent the "why are you silent?" contingency for a step
the scorer rated P). Everything here is a pure function of the pack and an exercise record, with
no I/O, so the engine can call it on its hot path and the scorer can call it on a log.

An exercise record is anything that answers `unreachable(role, t)`, `delegated(by, to, t)` and
`holds(condition)`: the engine's and the scorer's `History` both do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

from .models.role import Role, acting_role
from .timegrid import later

if TYPE_CHECKING:
    from .loading.pack import Pack
    from .models import Expectation
    from .models.scenario import Decision
    from .statements import Result, Verdict

Timeliness = Literal["on_time", "late_within_grace", "late"]
Standing = Literal["role", "successor", "delegate"]


class Record(Protocol):
    """What the judge needs to know about an exercise so far."""

    def unreachable(self, role: str, t: float) -> bool: ...

    def delegated(self, by: str, to: str, t: float) -> bool: ...

    def holds(self, cond: object) -> bool: ...


class _Said(Protocol):
    t: float
    by: str
    rules: frozenset[str]


A = TypeVar("A")
S = TypeVar("S", bound=_Said)


# ---- succession ---------------------------------------------------------------------------------

def acting_for(roles: Mapping[str, Role], role: str, unreachable: Callable[[str], bool]) -> str:
    """Who acts for `role`: itself, or its successor (in turn) while it cannot be reached.

    `unreachable` answers for the moment asked about (the engine's and the consoles' "now", or
    a logged minute for the scorer), so everyone walks the same succession."""
    return acting_role(roles, role, unreachable)


def acting_at(roles: Mapping[str, Role], role: str, record: Record, t: float) -> str:
    """Who acted for `role` at minute `t` of a record."""
    return acting_role(roles, role, lambda r: record.unreachable(r, t))


# ---- timing of a plan step ----------------------------------------------------------------------

def grace_ends(due: float, grace: float) -> float:
    """The last minute at which doing a step still counts as late within grace.

    Why the engine waits for it, not for the due time, before it declares the deadline passed
    and cues the step's contingency inject: within grace the plan still accepts the step (the
    scorer rates it S, not U), so a "why are you silent?" prompt then would push a room the plan
    has not yet given up on, mark as "missed" on the checklist a step that is then rated late
    within grace, and add a "needed a prompt" finding the plan's own tolerance does not call
    for. With no grace (the default) both moments are the same. On the time grid, so the
    boundary minute compares exactly (`due + grace` in floats can miss it by an ulp)."""
    return later(due, grace)


def timeliness(done_at: float, due: float, grace: float) -> Timeliness:
    """How a step done at minute `done_at` stands against its due minute: on time includes the due minute itself."""
    if done_at <= due:
        return "on_time"
    if done_at <= grace_ends(due, grace):
        return "late_within_grace"
    return "late"


def missed(now: float, due: float, grace: float, final: bool = False) -> bool:
    """Whether an undone step is missed: the exercise is over, or its grace has run out."""
    return final or now > grace_ends(due, grace)


# ---- who may meet a plan step -------------------------------------------------------------------

def standing(roles: Mapping[str, Role], step_role: str, by: str, t: float, record: Record) -> Standing | None:
    """How `by` stood to a plan step's role at minute `t`: the role itself, its successor while it
    could not be reached, a delegate under a delegation the role logged by then, or none of these."""
    if by == step_role:
        return "role"
    if acting_at(roles, step_role, record, t) == by:
        return "successor"
    if record.delegated(step_role, by, t):
        return "delegate"
    return None


def meets_by_statement(exp: "Expectation", roles: Mapping[str, Role], by: str, t: float, rules: frozenset[str],
                       record: Record) -> bool:
    """Whether a statement meets a statement step: it meets every rule the step names, and its
    speaker may speak for the step's role (the role, its acting successor, or its delegate).

    Why speakers are checked and actors are not (see `first_done`): anyone may speak in public,
    so a statement by an unrelated role does not do another role's step; an action can only be
    taken by those the engine lets take it, so whoever took it did the step, and the role check
    (`standing`) judges whether they were the right one."""
    return exp.statement is not None and rules.issuperset(exp.statement) and standing(roles, exp.role, by, t, record) is not None


def meets_by_action(exp: "Expectation", action: str) -> bool:
    """Whether taking `action` does an action step."""
    return exp.action == action


def actions_chosen(pack: "Pack", inject: str, option: str) -> tuple[str, ...]:
    """The catalogue actions that a decision made with `option` counts as taking: the actions of the
    plan steps the option declares it meets (its `meets`; ids or wording that merely look alike never
    count). Why the action and not only the step: the option *is* the step, so everything that asks
    whether the action was taken (the step itself, another step with that action, the city's
    dynamics, triggers and harms) must answer as if it had been; the action's own effects are not
    applied again, since the option's effects are what choosing it does. Only a choice someone made
    counts: a lapsed decision's default is nobody's act."""
    return pack.actions_chosen.get((inject, option), ())


def first_done(exp: "Expectation", roles: Mapping[str, Role], actions: Sequence[A], statements: Iterable[S],
               record: Record) -> A | S | None:
    """The act that does a plan step: the first time its action was taken (`actions`, in log
    order, of that action), or the first statement that meets it (`statements`, in log order)."""
    if exp.action is not None:
        return actions[0] if actions else None
    return next((s for s in statements if meets_by_statement(exp, roles, s.by, s.t, s.rules, record)), None)


# ---- prohibitions ------------------------------------------------------------------------------

class StatementRecord(Record, Protocol):
    """An exercise record that also knows the texts the exercise judged (engine.history.History)."""

    @property
    def judged(self) -> "Mapping[str, Result]": ...


def checked(pack: "Pack", text: str, record: StatementRecord) -> "Result":
    """The statement checker's result on `text` in this exercise: the verdicts the exercise judged
    it by, as its log keeps them (so a log is judged by the rules it was played with, however the
    rules have changed since: statements/kept.py), else the pack's checker now (a new draft)."""
    found = record.judged.get(text)
    return pack.check_statement(text) if found is None else found


def statement_verdicts(pack: "Pack", text: str, record: StatementRecord) -> "dict[str, Verdict]":
    """The playbook rules a statement made now meets or breaks, with the words why: every verdict
    of the statement checker, except prohibitions already lifted (their `until` holds) and hits
    whose own condition holds (a victim's name once that family is told), which no longer count."""
    verdicts = checked(pack, text, record).verdicts
    out = dict(verdicts)
    for p in pack.playbook.prohibited:
        v = verdicts.get(p.id)
        if v is None:
            continue
        if prohibition_lifted(p, record):
            del out[p.id]
            continue
        standing = tuple(h for h in v.hits if h.until is None or not record.holds(h.until))
        if not standing:
            del out[p.id]
        elif len(standing) < len(v.hits):
            out[p.id] = replace(v, hits=standing)
    return out


def statement_rules(pack: "Pack", text: str, record: StatementRecord) -> frozenset[str]:
    """The playbook rules a statement made now meets: `statement_verdicts`' rule ids."""
    verdicts = checked(pack, text, record).verdicts
    if not any(p.id in verdicts for p in pack.playbook.prohibited):
        return frozenset(verdicts)  # nothing to lift: the engine's hot path stays a dictionary look-up
    return frozenset(statement_verdicts(pack, text, record))


def prohibition_lifted(rule, record: Record) -> bool:
    """Whether a prohibited-content rule has lifted: it has an `until` and that condition holds now."""
    return rule.until is not None and record.holds(rule.until)


# ---- reporting upwards --------------------------------------------------------------------------

def serious(rule, severity: str) -> bool:
    """Whether news of this severity must be passed up, by the plan's reporting rule (None: the plan has none)."""
    return rule is not None and severity in rule.severities


def report_up(roles: Mapping[str, Role], role: str, to: Sequence[str], acting_for: Callable[[str], str]) -> str | None:
    """The supervisor `role` must pass serious news to, when that news reached `to`; None when there
    is nobody to tell: no supervisor takes part, `role` acts for its own supervisor (it is in
    command), or the supervisor, or whoever acts for it, received the same news.

    Why here: simulated staff decide by it whether to report, and the scorer whether a report
    was owed; asked twice, staff reported news their mayor had read already."""
    boss = roles[role].reports_to if role in roles else None
    if boss is None or boss not in roles:
        return None
    acting = acting_for(boss)
    if acting == role or boss in to or acting in to:
        return None
    return boss


# ---- approvals ---------------------------------------------------------------------------------

def action_approver(pack: "Pack", action: str) -> str | None:
    """The role an action's catalogue entry says must approve it first."""
    found = pack.actions.get(action)
    return found[1].requires_approval if found else None


def statement_approver(pack: "Pack", speaker: str) -> str | None:
    """The role whose approval the playbook's messenger rule requires before `speaker` speaks."""
    m = next((m for m in pack.playbook.messengers if m.role == speaker), None)
    return m.approval_from if m else None


def step_approver(pack: "Pack", exp: "Expectation") -> str | None:
    """The role whose approval a plan step needs: its own `approval_by`, else its action's."""
    if exp.approval_by is not None:
        return exp.approval_by
    return action_approver(pack, exp.action) if exp.action is not None else None


def approver_for(pack: "Pack", by: str, *, action: str | None = None, step: "Expectation | None" = None) -> str | None:
    """The role whose approval `by` needs before an act: a plan step's approver, else the action's,
    else (a statement) the messenger rule's. Who to ask for it now is `whom_to_ask`."""
    if step is not None:
        named = step_approver(pack, step)
        if named is not None or step.action is not None:
            return named
    if action is not None:
        return action_approver(pack, action)
    return statement_approver(pack, by)


def whom_to_ask(roles: Mapping[str, Role], approver: str | None, by: str, unreachable: Callable[[str], bool]) -> str | None:
    """Who gives `approver`'s approval to `by` now: the approver, or whoever acts for it while it
    cannot be reached. None when no approval is needed: none is named, or `by` is the approver or
    acts for it (the power to approve passed to them with the seat; nobody approves their own act)."""
    if approver is None or approver == by:
        return None
    acting = acting_role(roles, approver, unreachable)
    return None if acting == by else acting


def approves_for(roles: Mapping[str, Role], approver: str, by: str, unreachable: Callable[[str], bool]) -> bool:
    """Whether `by` may give `approver`'s approval: it is the approver, or acts for it now."""
    return by == approver or acting_role(roles, approver, unreachable) == by


def holders(pack: "Pack", authority: str) -> list[str]:
    """The exercise's roles that hold `authority`, in the scenario's order."""
    return [r for r in pack.scenario.roles if r in pack.roles and authority in pack.roles[r].authorities]


def sole_authorities(pack: "Pack", role: str) -> list[str]:
    """The powers `role` holds and no other role of the exercise does: what only it can authorise
    (the briefing tells the seat; the coached feedback checks it used them)."""
    return [a for a in pack.roles[role].authorities if holders(pack, a) == [role]]


# ---- overruling a decision ----------------------------------------------------------------------

# Why a window (each decision's `overrule_within`, 30 minutes unless the scenario says): a decision
# sets things moving at once (its effects, its follow-up injects). For a while the call is still the
# city's live choice, one its supervisor can reverse with an order; after that the city has moved
# on, and the call is history to learn from. The end of the exercise closes every window (no
# command changes anything then).


def overrule_ends(decision: "Decision", decided_at: float) -> float:
    """The last minute at which `decision`, taken at `decided_at`, may be overruled (inclusive, on the grid)."""
    return later(decided_at, decision.overrule_within)


def superiors(roles: Mapping[str, Role], role: str) -> list[str]:
    """The roles above `role` on its reporting line, nearest first (`reports_to`, in turn; a loop
    or a role outside the exercise ends the line)."""
    out: list[str] = []
    boss = roles[role].reports_to if role in roles else None
    while boss is not None and boss in roles and boss != role and boss not in out:
        out.append(boss)
        boss = roles[boss].reports_to
    return out


def below(roles: Mapping[str, Role], role: str) -> list[str]:
    """The roles whose reporting line passes through `role` (whose calls it may overrule), in the
    order of `roles`."""
    return [r for r in roles if role in superiors(roles, r)]


def overrules_as(roles: Mapping[str, Role], decider: str, by: str, t: float, record: Record) -> str | None:
    """The role above `decider` whose say `by` has at minute `t` over `decider`'s decisions, nearest
    first; None when `by` may not overrule them.

    `by` has that say when it stands to a role on `decider`'s reporting line as a plan step's doer
    does to its role (`standing`): the role itself, its successor while it cannot be reached, or
    its delegate. Nobody overrules their own call (a delegate or successor of the chief who took it
    included), and nobody who cannot be reached at `t`."""
    if by == decider or record.unreachable(by, t):
        return None
    return next((boss for boss in superiors(roles, decider) if standing(roles, boss, by, t, record) is not None), None)


def overrule_refusal(roles: Mapping[str, Role], decision: "Decision", decider: str, decided_at: float, by: str,
                     t: float, record: Record) -> str | None:
    """Why `by` may not overrule, at minute `t`, a decision `decider` took at `decided_at`, in plain
    words; None when it may. (That there is a decision taken to overrule is the caller's to check.)"""
    def title(r: str) -> str:
        return roles[r].title if r in roles else r

    if by == decider:
        return "you took that decision yourself; nobody overrules their own call"
    if overrules_as(roles, decider, by, t, record) is None:
        above = superiors(roles, decider)
        if not above:
            return f"the {title(decider)} reports to nobody, so nobody may overrule its calls"
        return (f"only someone above the {title(decider)} in the chain of command may overrule its calls "
                f"(the {title(above[0])}, or whoever acts for them)")
    ends = overrule_ends(decision, decided_at)
    if t > ends:
        return (f"it is too late to overrule it: the {title(decider)} decided at minute {decided_at:g}, and a call "
                f"can be overruled for {decision.overrule_within:g} minutes (until minute {ends:g})")
    return None
