"""A seat's briefing: what a person taking a role needs to know before the clock starts.

Why in the core: the setup screen, the one-key briefing during play, `tabletop brief` and a room
client all show the same briefing, built once from the pack. Nothing here is written twice: the
mandate and authorities come from the role file, reporting lines from the chain of command
(networkx, as the scorer sees it), who acts for whom and who approves what from the judge, when
a role cannot be reached from the injects that say so, and the role's situation in this story
from the scenario's `situations:`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import judge
from .loading.pack import Pack
from .scoring.chain_checks import command_graph
from .story_clock import story_time


@dataclass(frozen=True)
class Authority:
    """A power the role holds, and the catalogue actions that need it."""

    id: str
    label: str
    actions: tuple[str, ...]
    shared_with: tuple[str, ...] = ()
    """Titles of other roles taking part that hold the same power (empty: only this role)."""
    delegable: bool = False


@dataclass(frozen=True)
class Contact:
    role: str
    title: str
    relation: str
    """'you report to', 'reports to you', 'acts for you', 'you act for', or 'colleague'."""


@dataclass(frozen=True)
class Absence:
    """A stretch of exercise time in which a role cannot be reached, as the scheduled injects say."""

    role: str
    start: float
    end: float | None
    """Minute it can be reached again; None when no scheduled inject says (the end of the clock, or a cue)."""
    acting: str
    """Who acts for it meanwhile (the judge's succession walk)."""
    why: str
    """Title of the inject that makes it unreachable."""


@dataclass(frozen=True)
class Briefing:
    role: str
    title: str
    scenario: str
    city: str
    starts: str
    """Story time and day at minute 0."""
    mandate: tuple[str, ...]
    situation: str | None
    authorities: tuple[Authority, ...]
    approves: tuple[str, ...]
    """What others must have this role's approval for, in plain words."""
    needs_approval: tuple[str, ...]
    """What this role must have approved first, and by whom."""
    reports_to: Contact | None
    reports: tuple[Contact, ...]
    successor: Contact | None
    """Who acts for this role when it cannot be reached."""
    acts_for: tuple[Contact, ...]
    contacts: tuple[Contact, ...]
    callers: tuple[str, ...]
    """People and desks outside the table who will contact this role (the scenario's senders)."""
    absences: tuple[Absence, ...] = ()
    """When this role cannot be reached."""
    stand_ins: tuple[Absence, ...] = ()
    """When this role acts for another (that role's absences in which this role acts)."""
    maybe_absent: tuple[str, ...] = ()
    """Titles of unscheduled injects that would make this role unreachable, should they come."""
    plan_steps: tuple[str, ...] = field(default=())
    """What the response plan expects of this role, with its time limits."""


def _label(authority: str) -> str:
    return authority.replace("_", " ").replace("-", " ").capitalize()


def _title(pack: Pack, role: str) -> str:
    r = pack.roles.get(role)
    return r.title if r else role


def absences(pack: Pack) -> dict[str, list[Absence]]:
    """Role -> the stretches in which scheduled injects make it unreachable, in order.

    Only injects with a minute (`at`) are certain; a triggered or cued one may never come, so it
    is named by `maybe_absent`, not placed on the clock. Who acts is walked by the judge over the
    set of roles unreachable at that moment."""
    out: dict[str, list[Absence]] = {}
    away: dict[str, tuple[float, str]] = {}
    for inj in sorted((i for i in pack.scenario.injects if i.at is not None), key=lambda i: i.at or 0.0):
        t = inj.at or 0.0
        for role in inj.available:
            if role in away:
                start, why = away.pop(role)
                out.setdefault(role, []).append(Absence(role, start, t, "", why))
        for role in inj.unavailable:
            away.setdefault(role, (t, inj.title))
    for role, (start, why) in away.items():
        out.setdefault(role, []).append(Absence(role, start, None, "", why))
    # Who acts: everyone unreachable at the start of the stretch is taken into account.
    done: dict[str, list[Absence]] = {}
    for role, spans in out.items():
        for a in spans:
            gone = {r for r, ss in out.items() for s in ss if s.start <= a.start and (s.end is None or s.end > a.start)}
            acting = judge.acting_for(pack.roles, role, gone.__contains__)
            done.setdefault(role, []).append(Absence(role, a.start, a.end, acting, a.why))
    return done


def _maybe_absent(pack: Pack, role: str) -> tuple[str, ...]:
    return tuple(i.title for i in pack.scenario.injects if i.at is None and role in i.unavailable)


def _callers(pack: Pack, role: str) -> tuple[str, ...]:
    senders = {s.id: s for s in pack.scenario.senders}
    seen: dict[str, str] = {}
    for inj in pack.scenario.injects:
        if inj.to == "all" or role in inj.to:
            s = senders.get(inj.from_)
            if s is not None and s.id not in seen:
                seen[s.id] = f"{s.name} ({s.kind})"
    return tuple(seen.values())


def _approvals(pack: Pack, role: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(what others need this role's approval for, what this role needs approved and by whom)."""
    gives: list[str] = []
    needs: list[str] = []
    for owner, action in pack.actions.values():
        approver = judge.action_approver(pack, action.id)
        if approver == role and owner != role:
            gives.append(f"{_title(pack, owner)}: {action.label}")
        if owner == role and approver is not None:
            needs.append(f"{action.label}: approved by {_title(pack, approver)}")
    for speaker in pack.scenario.roles:
        approver = judge.statement_approver(pack, speaker)
        if approver == role and speaker != role:
            gives.append(f"{_title(pack, speaker)}: every public statement")
        if speaker == role and approver is not None:
            needs.append(f"Every public statement: approved by {_title(pack, approver)}")
    for exp in pack.plan.expectations:
        approver = judge.step_approver(pack, exp)
        if exp.approval_by is None or approver is None:
            continue  # an action's own approver is listed above already
        if exp.statement is not None and approver == judge.statement_approver(pack, exp.role):
            continue  # "every public statement" says it already
        what = exp.description.strip().rstrip(".")
        if approver == role and exp.role != role:
            gives.append(f"{_title(pack, exp.role)}: {what}")
        if exp.role == role:
            needs.append(f"{what}: approved by {_title(pack, approver)}")
    return tuple(dict.fromkeys(gives)), tuple(dict.fromkeys(needs))


def _authorities(pack: Pack, role: str) -> tuple[Authority, ...]:
    r = pack.roles[role]
    out = []
    for auth in r.authorities:
        actions = tuple(a.label for owner, a in pack.actions.values() if a.requires_authority == auth)
        shared = tuple(_title(pack, o) for o in judge.holders(pack, auth) if o != role)
        out.append(Authority(auth, _label(auth), actions, shared, auth in r.delegable))
    return tuple(out)


def _step_line(pack: Pack, exp) -> str:
    when = "from the start" if exp.trigger is None else "once it is called for"
    return f"{exp.description} (within {exp.within:g} min {when})"


def brief(pack: Pack, role: str) -> Briefing:
    """The briefing for the person (or the staff) taking `role` in this pack."""
    sc, r = pack.scenario, pack.roles[role]
    graph = command_graph(pack)
    contact = lambda rid, rel: Contact(rid, _title(pack, rid), rel)  # noqa: E731
    up = next(iter(graph.predecessors(role)), None)
    down = tuple(contact(x, "reports to you") for x in sorted(graph.successors(role), key=sc.roles.index))
    stand_in = judge.acting_for(pack.roles, role, {role}.__contains__)
    acts_for = tuple(contact(x, "you act for") for x in sc.roles
                     if x != role and x in pack.roles and judge.acting_for(pack.roles, x, {x}.__contains__) == role)
    special: dict[str, str] = {stand_in: "acts for you", **{c.role: c.relation for c in (*down, *acts_for)}}
    if up is not None:
        special[up] = "you report to"
    contacts = tuple(contact(x, special.get(x) or "colleague") for x in sc.roles if x != role and x in pack.roles)
    gives, needs = _approvals(pack, role)
    every = absences(pack)
    mine = tuple(every.get(role, ()))
    standing_in = tuple(a for other, spans in every.items() if other != role for a in spans if a.acting == role)
    day = f"{sc.clock.date}, " if sc.clock.date else ""
    return Briefing(
        role=role, title=r.title, scenario=sc.title, city=sc.city.name,
        starts=f"{day}{story_time(sc, 0)}",
        mandate=tuple(line.strip() for line in r.brief.strip().splitlines() if line.strip()),
        situation=sc.situations.get(role),
        authorities=_authorities(pack, role), approves=gives, needs_approval=needs,
        reports_to=contact(up, "you report to") if up is not None else None, reports=down,
        successor=contact(stand_in, "acts for you") if stand_in != role else None,
        acts_for=acts_for, contacts=contacts, callers=_callers(pack, role),
        absences=mine, stand_ins=standing_in, maybe_absent=_maybe_absent(pack, role),
        plan_steps=tuple(_step_line(pack, e) for e in pack.plan.expectations if e.role == role),
    )


# ---- words ------------------------------------------------------------------------------------

def _when(pack: Pack, t: float) -> str:
    """A time as the consoles show it: the story clock ('11:10', 'Day 2 07:30'), never the exercise minute."""
    return story_time(pack.scenario, t)


def absence_line(pack: Pack, a: Absence, you: bool = True) -> str:
    """One stretch of unreachability in plain words: 'You cannot be reached from 08:32 until 11:02;
    the Deputy mayor acts for you.'"""
    who = "You" if you else _title(pack, a.role)
    until = f"until {_when(pack, a.end)}" if a.end is not None else "until the end of the exercise, unless the story brings you back"
    acting = "" if a.acting == a.role else (f"; {_title(pack, a.acting)} acts for you" if you else
                                            f"; you act for {_title(pack, a.role)}")
    return f"{who} cannot be reached from {_when(pack, a.start)} {until}{acting}."


def away_now(pack: Pack, role: str, now: float) -> Absence | None:
    """The stretch of unreachability `role` is in at minute `now`, as the schedule has it."""
    return next((a for a in absences(pack).get(role, ()) if a.start <= now and (a.end is None or now < a.end)), None)


def unreachable_note(pack: Pack, role: str, now: float) -> str:
    """What a console says to a seat that cannot be reached now (banner, refusals): how long, and who acts."""
    a = away_now(pack, role, now)
    acting = judge.acting_for(pack.roles, role, {role}.__contains__)
    if a is not None:
        until = (f"until {_when(pack, a.end)}, {a.end - now:.0f} min from now" if a.end is not None
                 else "until the story brings you back")
        acting = a.acting
    else:
        until = "until the story brings you back"
    who = f"{_title(pack, acting)} acts for you" if acting != role else "nobody acts for you"
    return (f"You cannot be reached {until}; {who}. You can read your inbox and this briefing, "
            "but not act, decide or approve until then.")


def sections(pack: Pack, b: Briefing) -> list[tuple[str, list[str]]]:
    """The briefing as titled sections of plain lines: the CLI prints them, the console styles them."""
    out: list[tuple[str, list[str]]] = []
    out.append((f"{b.title}: your briefing", [f"{b.scenario}, {b.city}. The exercise starts at {b.starts}."]))
    situation = ([b.situation] if b.situation else []) + [absence_line(pack, a) for a in b.absences]
    situation += [absence_line(pack, a, you=False) for a in b.stand_ins]
    situation += [f"You may also be cut off if this happens: {t}." for t in b.maybe_absent]
    if situation:
        out.append(("Your situation in this scenario", situation))
    out.append(("Your mandate", list(b.mandate)))
    powers = []
    for a in b.authorities:
        who = f"also held by {', '.join(a.shared_with)}" if a.shared_with else "only you"
        line = f"{a.label} ({who}{'; you may delegate it' if a.delegable else ''})"
        if a.actions:
            line += ": " + "; ".join(a.actions)
        powers.append(line)
    if powers:
        out.append(("What you can authorise", powers))
    if b.approves:
        out.append(("Others need your approval for", list(b.approves)))
    if b.needs_approval:
        out.append(("You need approval for", list(b.needs_approval)))
    chain = [f"You report to {b.reports_to.title}." if b.reports_to else "You report to nobody: you are the top of the chain."]
    if b.reports:
        chain.append("Reporting to you: " + ", ".join(c.title for c in b.reports) + ".")
    chain.append(f"When you cannot be reached, {b.successor.title} acts for you with your powers." if b.successor
                 else "Nobody is named to act for you when you cannot be reached.")
    for c in b.acts_for:
        held = ", ".join(a.label.lower() for a in _authorities(pack, c.role))
        chain.append(f"When {c.title} cannot be reached, you act for them with their powers" + (f" ({held})." if held else "."))
    out.append(("Chain of command", chain))
    out.append(("At the table", [f"{c.title}: {c.relation}" for c in b.contacts] or ["Nobody else."]))
    if b.callers:
        out.append(("Who may contact you", list(b.callers)))
    if b.plan_steps:
        out.append(("What the plan expects of you", list(b.plan_steps)))
    for c in b.acts_for:
        steps = [_step_line(pack, e) for e in pack.plan.expectations if e.role == c.role]
        if steps:
            out.append((f"What the plan expects of {c.title}, which you do while you act for them", steps))
    return out


def briefing_text(pack: Pack, role: str, width: int = 80) -> str:
    """The briefing as plain text wrapped to `width`, for `tabletop brief` and anyone without a console."""
    import textwrap

    lines: list[str] = []
    for head, body in sections(pack, brief(pack, role)):
        lines += [head, "-" * min(len(head), width)]
        for x in body:
            first = "  - " if len(body) > 1 else "  "
            lines += textwrap.wrap(x, width=max(width, 40), initial_indent=first, subsequent_indent=" " * len(first)) or [first]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"

