"""Drive a session the way the consoles do: many small clock ticks, commands at odd minutes.

Shared by the time-grid property test and by anything that needs a console-shaped log without
a screen. An operation is a small tuple (see `OPS`), so hypothesis can generate and shrink them.
"""

from __future__ import annotations

from simulator.engine import commands as C
from simulator.engine import events as E
from simulator.session import Session

STATEMENT = "We are sorry for the harm done. Stay calm; we will update you at noon."


def apply_op(session: Session, op: tuple) -> None:
    """Carry out one operation on a live session (commands go through `submit`, as in the consoles)."""
    engine, kind = session.engine, op[0]
    pack = engine.pack
    roles = sorted(pack.scenario.roles)
    if kind == "ticks":  # a console clock at a steady speed: `n` ticks of `dt` minutes each
        _, n, dt = op
        for _ in range(n):
            if session.ended:
                return
            session.advance_to(session.now + dt)
    elif kind == "act":
        role = roles[op[1] % len(roles)]
        actions = sorted(pack.actions)
        session.submit(C.TakeAction(by=role, action=actions[op[2] % len(actions)]))
    elif kind == "say":
        role = roles[op[1] % len(roles)]
        session.submit(C.IssueStatement(by=role, channel="social", languages=list(pack.scenario.city.languages[:1]),
                                        text=STATEMENT))
    elif kind == "decide":
        if engine.open_decisions:
            inject, decider = sorted(engine.open_decisions.items())[op[1] % len(engine.open_decisions)]
            options = [o.id for o in pack.injects[inject].decision.options]
            session.submit(C.MakeDecision(by=decider, inject=inject, option=options[op[2] % len(options)]))
    elif kind == "request":
        role = roles[op[1] % len(roles)]
        to = roles[op[2] % len(roles)]
        session.submit(C.RequestApproval(by=role, to=to, text=STATEMENT, channel="social"))
    elif kind == "answer":
        pending = sorted(r for r, req in engine.requests.items() if req["status"] == "pending")
        if pending:
            request = pending[op[1] % len(pending)]
            session.submit(C.AnswerApproval(by=engine.requests[request]["to"], request=request, granted=bool(op[2] % 2)))
    elif kind == "fire":
        injects = [i.id for i in pack.scenario.injects]
        session.submit(C.FireInject(by=C.FACILITATOR, inject=injects[op[1] % len(injects)]))
    elif kind == "adhoc":
        session.submit(C.AdHocInject(by=C.FACILITATOR, to="all", channel="phone", title="A call from the desk",
                                     body="Something new to handle."))
    elif kind == "jump":
        for event in session.submit(C.JumpToNext(by=C.FACILITATOR)):
            if isinstance(event, E.ClockJumped):
                session.advance_to(event.to)
    elif kind == "speed":
        session.submit(C.SetSpeed(by=C.FACILITATOR, speed=op[1]))
    elif kind == "pause":
        session.submit(C.Pause(by=C.FACILITATOR))
        session.submit(C.Resume(by=C.FACILITATOR))
    else:  # pragma: no cover - a test's own mistake
        raise ValueError(f"unknown operation {op!r}")


OPS = ("ticks", "act", "say", "decide", "request", "answer", "fire", "adhoc", "jump", "speed", "pause")
