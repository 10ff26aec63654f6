"""Decisions: was each decision taken, in time, and was it the option the plan favours?

Why: a team that lets the national-support request lapse, or confirms a suspect's motive on
air, has made (or failed to make) a choice the evaluator must see, even when every plan step
around it was done. The judgement is transparent: the scenario marks the option the plan
favours (`recommended`), and the option's facilitator note says why the others fall short.

A call overruled from above keeps its own finding (the call was made, and cost what it cost
until the overrule) and gets a second one for the overrule, the overruler's: putting the
favoured option in place of another is P, putting another in place of the favoured one M, one
other option for another S.
"""

from __future__ import annotations

from collections.abc import Iterator

from .facts import Facts
from .model import Finding, Rating


def decision_findings(facts: Facts, final: bool) -> Iterator[Finding]:
    pack = facts.pack
    for inject_id, (t, line, to, _cue) in facts.deliveries.items():
        inj = pack.injects.get(inject_id)
        if inj is None or inj.decision is None:
            continue
        d = inj.decision
        recommended = [o for o in d.options if o.recommended]
        decider = d.role or (to[0] if to else None)
        objective = inj.objectives[0] if inj.objectives else None
        source = inj.source or f"scenario {pack.scenario.id}, inject {inj.id} (the option the scenario recommends)"
        taken = facts.decisions.get(inject_id)

        def finding(verdict: str, rating: Rating, evidence: list[int], text: str, roles: list[str | None]) -> Finding:
            return Finding(id=f"plan.decision:{inject_id}", rule="plan.decision", category="plan",
                           title="Decision taken well", source=source, roles=[r for r in roles if r], verdict=verdict,
                           rating=rating, suggested=rating, evidence=evidence, explanation=text, objective=objective)

        if taken is None:
            if final:
                yield finding("not_decided", "M", [line], f"Nobody answered '{d.prompt}' before the exercise ended.", [decider])
            continue
        options = {o.id: o for o in d.options}
        chosen = options.get(taken.get("option") or "")
        if taken["lapsed"]:
            default = f"; by default '{chosen.label}' applied" if chosen else ""
            yield finding("lapsed", "M", [line, taken["line"]],
                          f"'{d.prompt}' was not decided by its deadline (minute {taken['t']:g}){default}.", [decider])
        elif not recommended or chosen is None:
            yield finding("decided", "N/A", [line, taken["line"]],
                          f"{taken['by']} chose '{chosen.label if chosen else taken['option']}' at minute {taken['t']:g}; "
                          "the scenario names no preferred option, so the evaluator judges it.", [taken["by"]])
        elif chosen.recommended:
            yield finding("recommended", "P", [line, taken["line"]],
                          f"{taken['by']} chose '{chosen.label}' at minute {taken['t']:g}, the option the plan favours.",
                          [taken["by"]])
        else:
            why = f" {chosen.note}" if chosen.note else ""
            over = facts.overruled.get(inject_id)
            then = (f" {over['by']} overruled it at minute {over['t']:g} ({over['t'] - taken['t']:.0f} min later)."
                    if over is not None else "")
            yield finding("other_option", "S", [line, taken["line"]] + ([over["line"]] if over else []),
                          f"{taken['by']} chose '{chosen.label}' at minute {taken['t']:g} rather than "
                          f"'{recommended[0].label}', which the plan favours.{why}{then}", [taken["by"]])
        if inject_id in facts.overruled:
            yield _overrule_finding(facts, inject_id, objective, source)


def _overrule_finding(facts: Facts, inject_id: str, objective: str | None, source: str) -> Finding:
    over = facts.overruled[inject_id]
    d = facts.pack.injects[inject_id].decision
    assert d is not None  # only a decision is overruled (engine.apply)
    options = {o.id: o for o in d.options}
    new, old = options[over["option"]], options[over["replaced"]]
    favoured = next((o for o in d.options if o.recommended), None)
    said = (f"{over['by']} overruled {over['decider']}'s '{old.label}' at minute {over['t']:g} with '{new.label}'"
            f" (reason given: {over['reason']})")
    rating: Rating
    if favoured is None:
        verdict, rating, text = "overruled", "N/A", f"{said}; the scenario names no preferred option, so the evaluator judges it."
    elif new.recommended:
        verdict, rating, text = "to_favoured", "P", f"{said}, the option the plan favours."
    elif old.recommended:
        verdict, rating, text = "from_favoured", "M", f"{said}, replacing the option the plan favours, '{favoured.label}'."
    else:
        verdict, rating, text = "to_other", "S", f"{said}, not the option the plan favours, '{favoured.label}'."
    return Finding(id=f"plan.overrule:{inject_id}", rule="plan.overrule", category="plan", title="Overruled well",
                   source=source, roles=[over["by"]], verdict=verdict, rating=rating, suggested=rating,
                   evidence=[facts.decisions[inject_id]["line"], over["line"]], explanation=text, objective=objective)
