"""The pack a seat is sent when it joins, and each inject as the seat learns it.

Why not the whole pack: the scenario's injects are the exercise's script (the MSEL). A role
learns an inject when it is delivered to it, and never its facilitator notes, its effects, what
triggers it or which option the plan recommends. Roles, the response plan (without the
triggers, which name injects) and the playbook travel whole: participants are expected to
know their city's plan, and the consoles need them (contacts, checklists, the statement
composer). The facilitator's seat gets the whole pack.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from simulator.loading.pack import Pack
from simulator.models import Playbook, ResponsePlan, Role, Scenario
from simulator.models.scenario import Inject

from .codes import FACILITATOR_SEAT

_STANDIN_INJECT = {"id": "standin", "from": "standin", "to": "all", "channel": "briefing", "title": "-", "body": "-"}
"""A scenario must hold one inject to be valid; a seat may have been sent none yet (it is dropped after checking)."""


def redact_inject(inj: Inject) -> dict[str, Any]:
    """An inject as a participant may know it once it has arrived."""
    data = inj.model_dump(mode="json", by_alias=True, exclude_none=True)
    for key in ("trigger", "facilitator_notes", "effects", "contingency_for", "expected_actions", "objectives"):
        data.pop(key, None)
    if "decision" in data:
        data["decision"]["options"] = [{"id": o["id"], "label": o["label"]} for o in data["decision"]["options"]]
        data["decision"].pop("on_timeout", None)
    return data


def pack_for_seat(pack: Pack, seat: str) -> dict[str, Any]:
    """What a seat is sent of the pack (JSON data)."""
    whole = seat == FACILITATOR_SEAT
    sc = pack.scenario.model_dump(mode="json", by_alias=True, exclude_none=True)
    plan = pack.plan.model_dump(mode="json", by_alias=True, exclude_none=True)
    if not whole:
        sc["injects"] = []
        for key in ("dynamics", "harms", "action_effects", "statement_effects"):
            sc.pop(key, None)
        for step in plan["expectations"]:
            step.pop("trigger", None)
    return {"scenario": sc, "roles": {r: role.model_dump(mode="json", by_alias=True, exclude_none=True)
                                      for r, role in pack.roles.items()},
            "plan": plan, "playbook": pack.playbook.model_dump(mode="json", by_alias=True, exclude_none=True)}


def pack_from_wire(data: dict[str, Any], where: str) -> Pack:
    """The client's pack from a welcome (raises pydantic's ValidationError on a malformed one)."""
    sc = dict(data["scenario"])
    injects = [Inject.model_validate(i) for i in sc.get("injects", [])]
    scenario = Scenario.model_validate({**sc, "injects": [_STANDIN_INJECT]}).model_copy(update={"injects": injects})
    roles = {r: Role.model_validate(v) for r, v in data["roles"].items()}
    return Pack(scenario=scenario, roles=roles, plan=ResponsePlan.model_validate(data["plan"]),
                playbook=Playbook.model_validate(data["playbook"]), scenario_path=Path(where))


def learn_inject(pack: Pack, data: dict[str, Any]) -> None:
    """Add an inject the seat has just been sent to the client's pack.

    Why in place: the consoles hold this pack from the start. The scenario model is frozen, but
    its list of injects is the client's own copy; the pack's look-ups built from it are dropped
    so they are built again with the new inject.
    """
    inj = Inject.model_validate(data)
    if inj.id in pack.injects:
        return
    pack.scenario.injects.append(inj)
    for cached in ("injects", "routes", "contingencies"):
        pack.__dict__.pop(cached, None)
