"""Why a roll-up (an objective, a capability, a role) has its rating, in words: one sentence from
the ratings the scorer counted, naming plan steps, decisions and findings by what they judged,
never by id. The report's Table 1 and objective sections, the printed scorecard, the consoles'
scorecard and the what-if comparison all call `rollup_reason`, so they cannot disagree."""

from __future__ import annotations

from collections import Counter

from ..loading.pack import Pack
from ..scoring.model import Rollup, Scorecard
from .wording import finding_subject, joined, plural, role_name


def part_name(pack: Pack, card: Scorecard, part_id: str) -> str:
    """A counted rating's source for people: a plan step by its description, a decision by its
    question, a harm by its label, a finding by its title and what it judged (`finding_subject`,
    the one describer of what a finding judged)."""
    kind, _, rest = part_id.partition(":")
    if kind == "expectation" and rest in pack.expectations:
        return f"plan step {finding_subject(pack, 'plan.step:' + rest, rest, n=60)}"
    if kind == "plan.decision" and rest in pack.injects and pack.injects[rest].decision:
        return f"the decision {finding_subject(pack, part_id, n=60)}"
    if kind == "plan.harm":
        return f"the harm {finding_subject(pack, part_id, n=60)}"
    f = next((f for f in card.findings if f.id == part_id), None)
    if f is None:
        return part_id
    subject = finding_subject(pack, f.id, f.expectation, n=50)
    return f"\u2018{f.title}\u2019" + (f" ({subject})" if subject else "")


def _named(names: list[str]) -> str:
    """Names joined in words, a name that recurs said once with how often ('‘Approved messenger’
    (Deputy mayor), twice': two statements by the same seat)."""
    times = Counter(names)
    return joined([n + ("" if times[n] == 1 else ", twice" if times[n] == 2 else f", {times[n]} times")
                   for n in dict.fromkeys(names)])


def _ratings(counted: Counter) -> str:
    return ", ".join(f"{counted[r]} {r}" for r in ("P", "S", "M", "U") if counted[r])


def rollup_reason(r: Rollup, card: Scorecard, pack: Pack) -> str:
    """Why a roll-up has its rating, in words, from the ratings the scorer counted."""
    parts = r.parts
    counted = Counter(p.counted for p in parts)
    essential_u = [p for p in parts if p.id.startswith("expectation:") and p.counted == "U"]
    capped = [p for p in parts if p.counted != p.rating]
    if not parts and r.suggested != "N/A":  # a plan step's or a role's: the worst of its own findings
        by_id = {f.id: f for f in card.findings}
        mine = [by_id[i] for i in r.findings if i in by_id and by_id[i].rating != "N/A"]
        culprit = next((f for f in mine if f.rating == r.suggested), None)
        rated = Counter(f.rating for f in mine)
        head = f"Its one finding ({r.suggested})" if len(mine) == 1 else f"Worst of {len(mine)} findings ({_ratings(rated)})"
        text = head + (f": {part_name(pack, card, culprit.id)}, {culprit.verdict.replace('_', ' ')}." if culprit else ".")
    elif not parts:
        text = "Nothing was observed for it in this exercise."
    elif r.suggested == "U" and essential_u:
        names = _named([part_name(pack, card, p.id) for p in essential_u])
        text = (f"Unable to be performed: the essential {names} {'was' if len(essential_u) == 1 else 'were'} not "
                f"performed. {len(parts)} ratings counted ({_ratings(counted)}).")
    elif all(p.counted == r.suggested for p in parts):
        text = f"All {len(parts)} ratings counted are {r.suggested}."
    else:
        worst = [p for p in parts if p.counted == r.suggested]
        every = [part_name(pack, card, p.id) for p in worst]
        first = list(dict.fromkeys(every))[:3]  # three culprits named, however often each recurs
        names = _named([n for n in every if n in first]) + (", and others" if len(set(every)) > 3 else "")
        text = f"Worst of {len(parts)} ratings counted ({_ratings(counted)}): {names}."
    if capped:
        n = len(capped)
        text += (f" {plural(n, 'plan step')} not performed (U) {'counts' if n == 1 else 'count'} as M, because the plan "
                 f"does not mark {'it' if n == 1 else 'them'} essential.")
    if r.override is not None:
        o = r.override
        text = f"Set to {r.rating} by {role_name(pack, o.by) if o.by in pack.roles else o.by}: {o.rationale} " \
               f"(suggested {r.suggested}. {text})"
    return text
