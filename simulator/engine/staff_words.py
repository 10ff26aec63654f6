"""What simulated staff write: reports, situation reports, approval reasons and advice.

Why a module of its own: the words are the part a rehearsing mayor reads, and they must carry the
facts that matter, drawn from the pack (the inject's own account, the plan step, the action, the
story clock), never canned filler. Pure functions, no randomness: the staff member decides when
and what; this says it.
"""

from __future__ import annotations

import re

from ..models import Expectation, Inject
from ..story_clock import story_time

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


_CLOCKS: dict[tuple[int, float], tuple[object, str]] = {}


def clock(pack, t: float) -> str:
    """The story time of minute `t`, memoised: staff reports name many minutes, and batch runs
    name the same ones thousands of times. The entry holds its scenario, so an id is never
    reused for another scenario while its entry lives."""
    sc = pack.scenario
    key = (id(sc), t)
    found = _CLOCKS.get(key)
    if found is None or found[0] is not sc:
        if len(_CLOCKS) > 50_000:
            _CLOCKS.clear()
        found = _CLOCKS[key] = (sc, story_time(sc, t))
    return found[1]


def gist(text: str, sentences: int = 2, limit: int = 320) -> str:
    """The first sentences of an account, as much as fits in `limit` characters (at least one, cut)."""
    out: list[str] = []
    for s in _SENTENCE.split(" ".join(text.split())):
        if out and (len(out) == sentences or len(" ".join([*out, s])) > limit):
            break
        out.append(s)
    said = " ".join(out)
    return said if len(said) <= limit else said[: limit - 1].rstrip() + "…"


def lower_first(text: str) -> str:
    """'Activate the plan' -> 'activate the plan'; 'RTV asks' stays (an acronym or a name)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _sender(pack, inj: Inject) -> str:
    s = next((x for x in pack.scenario.senders if x.id == inj.from_), None)
    return s.name if s else inj.from_


def title(pack, role: str) -> str:
    r = pack.roles.get(role)
    return r.title if r else role


def news(pack, inj: Inject, at: float) -> str:
    """One piece of serious news as an officer passes it up: what, when, from whom, the facts."""
    return f"{inj.title} ({clock(pack, at)}, from {_sender(pack, inj)}): {gist(inj.body)}"


def on_it(pack, exp: Expectation, due: float) -> str:
    return f"I am on it: {lower_first(exp.description.strip()).rstrip('.')} (due by {clock(pack, due)})."


def done(pack, exp: Expectation, at: float, statement: tuple[str, list[str], str] | None = None) -> str:
    """What was done for a plan step: the action, or where and in what languages the statement went out."""
    if statement is not None:
        channel, languages, text = statement
        return f"statement on {channel} in {', '.join(languages)} ({clock(pack, at)}): “{gist(text, 1, 140)}”"
    found = pack.actions.get(exp.action or "")
    what = found[1].label if found else exp.description.strip()
    return f"{lower_first(what)} ({clock(pack, at)})"


def clears(pack, exp: Expectation) -> str:
    """What a done step lets the supervisor do now (a step of theirs waited on it)."""
    return f"That clears the way for you to {lower_first(exp.description.strip()).rstrip('.')}."


def decided(pack, inj: Inject, label: str, at: float) -> str:
    d = inj.decision
    prompt = d.prompt if d is not None else inj.title
    return f"decided “{prompt}”: {label} ({clock(pack, at)})"


def decision_taken(pack, inj: Inject, label: str, asked_at: float | None, at: float, until: float) -> str:
    """A decision an officer took, told at once to the one above, who may overrule it until `until`:
    the option chosen by its title first (the headline an inbox shows), then the question, the news
    that asked it, and by when to say otherwise."""
    d = inj.decision
    prompt = d.prompt if d is not None else inj.title
    asked = f", {clock(pack, asked_at)}" if asked_at is not None else ""
    return (f"Decided: {label}\n"
            f"On “{prompt}” ({inj.title}{asked}) I decided at {clock(pack, at)}: {label}.\n"
            f"It is in hand from now. If you want it otherwise, overrule me by {clock(pack, until)}.")


def report(pack, role: str, now: float, since: float, news_items: list[tuple[Inject, float]], doing: list[str],
           done_lines: list[str], open_lines: list[str], handover: bool = False) -> str:
    """A report upwards: a headline, then what is new, what the sender is doing, what it has done
    since its last report and what is still open. Empty parts are left out."""
    if handover:
        head = f"Handover from {title(pack, role)}, {clock(pack, now)}: what I did while you could not be reached"
    elif news_items:
        head = "; ".join(inj.title for inj, _t in news_items)
    else:
        head = f"{title(pack, role)}: situation at {clock(pack, now)}"
    parts = [head]
    parts += [f"New: {news(pack, inj, t)}" for inj, t in news_items]
    parts += doing
    if done_lines:
        parts.append(f"Done since {clock(pack, since)}: " + "; ".join(done_lines) + ".")
    if open_lines:  # the three due soonest (the caller sorts), and how many more: a report, not a register
        more = f"; and {len(open_lines) - 3} more" if len(open_lines) > 3 else ""
        parts.append("Still open: " + "; ".join(open_lines[:3]) + more + ".")
    return "\n".join(parts)


def open_step(pack, exp: Expectation, due: float, now: float, waiting: tuple[str, float] | None = None) -> str:
    """A step still to do, when it is due, and what holds it up (an approval it waits for)."""
    notes = [f"due {clock(pack, due)}" + (", overdue" if now > due else "")]
    if waiting is not None:
        notes.append(f"waiting for {title(pack, waiting[0])}'s approval since {clock(pack, waiting[1])}")
    return f"{lower_first(exp.description.strip()).rstrip('.')} ({'; '.join(notes)})"


def approval_reason(pack, exp: Expectation, due: float | None) -> str:
    """Why staff ask: the plan step the act serves, what the action does, and when it is needed."""
    found = pack.actions.get(exp.action or "")
    what = f"{found[1].label}: {gist(found[1].description, 1, 200)} " if found else ""
    when = f" Needed by {clock(pack, due)}." if due is not None else ""
    return f"{what}For the plan step: {exp.description.strip()}{when}"


def advice(pack, inj: Inject, label: str, due: float | None) -> str:
    d = inj.decision
    prompt = d.prompt if d is not None else inj.title
    when = f" The decision is yours, by {clock(pack, due)}." if due is not None else " The decision is yours."
    return f"Advice on “{prompt}”: {label}.{when}"
