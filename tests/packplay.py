"""Helpers the pack tests share: play a decision with plan staff everywhere else, and read what
a played exercise delivered and where its state ended."""

from __future__ import annotations

from simulator.engine import commands as C
from simulator.engine.seats import Seat, all_staff
from simulator.session import Session


def play(pack, inject: str, option: str, log=None, first: tuple[str, ...] = (), first_at: str | None = None) -> Session:
    """Plan staff everywhere except the deciding role, which picks `option` as soon as `inject`
    arrives (after taking the actions `first` just after inject `first_at`, when given)."""
    decision = pack.injects[inject].decision
    seats = all_staff(pack.scenario.roles, "plan")
    seats[decision.role] = Seat(kind="human")
    session = Session.start(pack, 1, seats, log)
    if first:
        session.advance_to(pack.injects[first_at].at + 1 if first_at else 0)
        for action in first:
            session.submit(C.TakeAction(by=decision.role, action=action))
    session.advance_to(pack.injects[inject].at + 1)
    session.submit(C.MakeDecision(by=decision.role, inject=inject, option=option))
    session.run_to_end()
    session.close()
    return session


def delivered(session: Session) -> set[str]:
    return {e.inject for e in session.events if e.type == "inject_delivered"}


def final(session: Session, var: str) -> float:
    return session.engine.history.state[var]


def plan_and_idle(pack, folder) -> dict:
    """A whole exercise with every seat on the plan, and one with every seat idle (seed 1):
    policy -> (session, scorecard)."""
    from simulator.scoring.scorer import score_log

    from .conftest import run_headless

    out = {}
    for policy in ("plan", "idle"):
        log = folder / f"{policy}.jsonl"
        session = run_headless(pack, 1, policy, log)
        out[policy] = (session, score_log(log)[1])
    return out
