"""Decisions: was each decision taken, in time, and was it the option the plan favours?

Why: a team that lets the national-support request lapse, or confirms a suspect's motive on
air, has made (or failed to make) a choice the evaluator must see, even when every plan step
around it was done. The judgement is transparent: the scenario marks the option the plan
favours (`recommended`), and the option's facilitator note says why the others fall short.
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
            yield finding("other_option", "S", [line, taken["line"]],
                          f"{taken['by']} chose '{chosen.label}' at minute {taken['t']:g} rather than "
                          f"'{recommended[0].label}', which the plan favours.{why}", [taken["by"]])
