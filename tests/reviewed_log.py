"""A console-shaped log for the review tests: people in some seats of the succession pack, and
every kind of entry a reviewer meets (refusals, approvals with a note, a denied delegation, clock
controls, a jump that stops before a deadline, an ad-hoc inject, a seat handed over, an observer
note, a hot-wash answer and an override after the end)."""

from __future__ import annotations

import re
from pathlib import Path

from simulator.engine import commands as C
from simulator.engine import events as E
from simulator.engine.seats import Seat
from simulator.loading.pack import Pack, load_pack
from simulator.session import Session

from .conftest import ROOT

SUCCESSION = ROOT / "scenarios" / "wendholm-threats-succession"


def reviewed_log(path: Path) -> Pack:
    pack = load_pack(SUCCESSION)
    seats = {r: Seat(kind="staff", policy="plan", competence=0.8) for r in pack.scenario.roles}
    seats.update({"mayor": Seat(), "deputy-mayor": Seat(), "communications": Seat()})
    s = Session.start(pack, 5, seats, path)
    s.advance_to(4)
    s.submit(C.TakeAction(by="mayor", action="mayor.activate_crisis_team"))  # refused: the mayor is in the air
    s.submit(C.TakeAction(by="deputy-mayor", action="deputy-mayor.assume_acting_command"))
    s.submit(C.ObserverNote(by=C.FACILITATOR, text="The deputy hesitated.", role="deputy-mayor"))
    s.submit(C.RequestApproval(by="communications", to="deputy-mayor", channel="social", languages=["english"],
                               text="We know of a threat to Kestrel Lane School. Pupils are safe.\nNext update at 10:00."))
    request = next(r for r, req in s.engine.requests.items() if req["by"] == "communications")
    s.advance_to(10)
    s.submit(C.AnswerApproval(by="deputy-mayor", request=request, granted=True, note="Add the helpline."))
    s.submit(C.IssueStatement(by="communications", approval=request))
    s.submit(C.SendMessage(by="communications", to="deputy-mayor", intent="report", text="Statement out.\nNo press yet."))
    s.submit(C.Delegate(by="deputy-mayor", to="communications", authority="approve_public_statement"))  # refused
    s.submit(C.Pause(by=C.FACILITATOR))
    s.submit(C.SetSpeed(by=C.FACILITATOR, speed=4))
    s.submit(C.Resume(by=C.FACILITATOR))
    for event in s.submit(C.JumpToNext(by=C.FACILITATOR)):
        if isinstance(event, E.ClockJumped):
            s.advance_to(event.to)
    s.submit(C.AdHocInject(by=C.FACILITATOR, to=["deputy-mayor"], channel="phone", title="A call from the desk",
                           body="Something new."))
    s.submit(C.TakeSeat(by=C.FACILITATOR, role="communications", seat=Seat(kind="staff", policy="late", competence=0.6)))
    s.submit(C.JumpTo(by=C.FACILITATOR, to=120))  # stops before the next deadline
    s.advance_to(s.now + 30)
    s.submit(C.EndExercise(by=C.FACILITATOR))
    s.submit(C.HotWashAnswer(by="participant", question="M1.1", text="When did the deputy take command?",
                             answer="At once."))
    s.submit(C.OverrideRating(by="evaluator", target="objective:OBJ-1", rating="P", rationale="Strong command."))
    s.close()
    return pack


UPPER_SNAKE = re.compile(r"\b[A-Z]{2,}_[A-Z_]+\b")
"""A wire name shouted: 'EXERCISE_STARTED', 'EXPECTATION_MET'."""
RAW_MINUTE = re.compile(r"\bminutes? \d|\bat minute\b|\b\d+\.\d+ min\b")
"""An exercise minute where the story clock belongs: 'at minute 30.0', 'minute 5.8'."""


def ids_of(pack: Pack) -> set[str]:
    """Ids a reader must never meet: injects, options, actions, plan steps, playbook rules, state
    variables and roles, where they cannot be mistaken for a plain word ('I-06', 'request_full',
    'deputy-mayor', 'public_trust', 'KM-condemn')."""
    sc, pb = pack.scenario, pack.playbook
    ids = {i.id for i in sc.injects} | {a for a in pack.actions} | {e.id for e in pack.plan.expectations}
    ids |= {o.id for i in sc.injects if i.decision for o in i.decision.options}
    ids |= {v.id for v in sc.state} | set(sc.roles) | {o.id for o in sc.objectives}
    for rules in (pb.first_message, pb.key_messages, pb.prohibited, pb.audiences, pb.facts, pb.rumours):
        ids |= {r.id for r in rules}
    return {i for i in ids if "-" in i or "_" in i or any(c.isdigit() for c in i)}


def ids_in(text: str, ids: set[str]) -> list[str]:
    """The ids that appear in `text` as words of their own."""
    return sorted(i for i in ids if re.search(rf"(?<![\w'‘-]){re.escape(i)}(?![\w-])", text))
