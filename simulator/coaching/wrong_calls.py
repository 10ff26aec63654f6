"""Wrong calls below a seat: each decision taken under it on an option the plan does not favour,
and whether the person in the seat overruled it, and when, or let it stand.

Why its own part of the feedback: a new mayor learns that staff get things wrong and that the
call is then theirs to reverse. Whose wrong call it is to overrule is the judge's rule
(judge.overrules_as, asked at the minute of the call); the ratings are the scorecard's own
findings: the overrule's (plan.overrule) when this seat overruled, the call's (plan.decision)
when it let it stand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import judge
from . import model as M

if TYPE_CHECKING:
    from .build import _Seat


def wrong_calls(seat: "_Seat") -> list[M.WrongCall]:
    pack, facts, roles = seat.pack, seat.facts, seat.pack.roles
    out: list[M.WrongCall] = []
    for inject, taken in facts.decisions.items():
        d = pack.injects[inject].decision
        if taken["lapsed"] or d is None:
            continue
        favoured = next((o for o in d.options if o.recommended), None)
        chosen = next((o for o in d.options if o.id == taken["option"]), None)
        if favoured is None or chosen is None or chosen.recommended:
            continue  # no wrong call: the favoured option, or a decision the scenario leaves to the evaluator
        over = facts.overruled.get(inject)
        mine = over is not None and over["by"] == seat.role
        if not mine and judge.overrules_as(roles, taken["by"], seat.role, taken["t"], facts.history) is None:
            continue  # not below this seat when it was taken
        out.append(_call(seat, inject, taken, over, mine))
    return sorted(out, key=lambda c: c.decided_at)


def _call(seat: "_Seat", inject: str, taken: dict, over: dict | None, mine: bool) -> M.WrongCall:
    pack = seat.pack
    d = pack.injects[inject].decision
    assert d is not None
    options = {o.id: o for o in d.options}
    chosen, favoured = options[taken["option"]], next(o for o in d.options if o.recommended)
    until = judge.overrule_ends(d, taken["t"])
    who, at = seat.title(taken["by"]), taken["t"]
    said = (f"The {who} chose '{chosen.label}' at minute {at:g} rather than '{favoured.label}', which the plan favours"
            + (f": {chosen.note.rstrip('.')}." if chosen.note else "."))
    common = dict(inject=inject, prompt=d.prompt, decider=taken["by"], decider_title=who, staff=bool(taken.get("staff")),
                  decided_at=at, chosen=_option(chosen), favoured=_option(favoured), until=until)
    if over is None:
        f = seat.findings.get(f"plan.decision:{inject}")
        rating = f.rating if f is not None else "N/A"
        text = f"{said} You could have overruled it until minute {until:g}; you let it stand."
        seat.learn(3, f"Overrule a wrong call while you can: {d.prompt}", text, rating, at)
        return M.WrongCall(**common, verdict="let_stand", rating=rating, explanation=text,
                           evidence=f.evidence if f else [taken["line"]], finding=f.id if f else None)
    new = options[over["option"]]
    f = seat.findings.get(f"plan.overrule:{inject}")
    if not mine:
        text = f"{said} The {seat.title(over['by'])} overruled it at minute {over['t']:g} with '{new.label}'."
        return M.WrongCall(**common, verdict="overruled_by_another", overruled_at=over["t"], overruled_by=over["by"],
                           replacement=_option(new), rating="N/A", explanation=text,
                           evidence=[taken["line"], over["line"]])
    rating = f.rating if f is not None else "N/A"
    waited = over["t"] - at
    text = (f"{said} You overruled it at minute {over['t']:g}, {waited:.0f} min later, with '{new.label}'"
            + (", the option the plan favours." if new.recommended else f"; the plan favours '{favoured.label}'."))
    seat.learn(3, f"Overrule with the option the plan favours: {d.prompt}", text, rating, at)
    return M.WrongCall(**common, verdict="overruled", overruled_at=over["t"], overruled_by=over["by"],
                       replacement=_option(new), rating=rating, explanation=text,
                       evidence=f.evidence if f else [taken["line"], over["line"]], finding=f.id if f else None)


def _option(o) -> M.Option:
    return M.Option(id=o.id, label=o.label, note=o.note)
