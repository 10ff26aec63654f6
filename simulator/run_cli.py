"""`tabletop run`: open the Textual consoles. A thin wrapper: the UI package is imported only
inside the command, so `import simulator` never pulls Textual in."""

from __future__ import annotations

from pathlib import Path

import click

from .cli import FiniteFloat, UserError, main, user_errors
from .engine.seats import POLICIES


@main.command()
@click.argument("scenario", required=False)
@click.option("--solo", "solo", metavar="ROLE", help="Play one role yourself; simulated staff play the rest.")
@click.option("--staff", "staff", metavar="ROLE", multiple=True,
              help="Facilitated mode: a seat played by simulated staff (repeatable).")
@click.option("--seed", type=int, default=1, show_default=True, help="Seed of every random choice.")
@click.option("--speed", type=FiniteFloat(0.1, 120), default=1.0, show_default=True,
              help="Exercise minutes per wall minute.")
@click.option("--log", "log_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the exercise log here (refused if the file exists).")
@click.option("--resume", "resume", type=click.Path(dir_okay=False, path_type=Path),
              help="Continue an exercise from its log after a crash.")
@click.option("--policy", type=click.Choice(POLICIES), default="plan", show_default=True,
              help="How simulated staff behave.")
@click.option("--competence", type=FiniteFloat(0, 1), default=0.85, show_default=True,
              help="Chance that simulated staff get each step right.")
@click.option("--high-contrast", is_flag=True, help="Start with the high-contrast theme.")
@user_errors
def run(scenario: str | None, solo: str | None, staff: tuple[str, ...], seed: int, speed: float, log_path: Path | None,
        resume: Path | None, policy: str, competence: float, high_contrast: bool) -> None:
    """Open the consoles: set up an exercise (or --resume one), facilitate it or play a role, then score it."""
    from .engine.seats import Seat
    from .loading.pack import load_pack
    from .loading.shipped import resolve_scenario
    from .log import ensure_no_writer

    session, path = None, None
    if resume is not None:
        if scenario or solo or staff or log_path:
            raise click.UsageError("--resume continues a log as it was set up; give no scenario, --solo, --staff or --log")
        from .session import Session

        session = Session.resume(resume)  # a bad log is a located error here, before any screen opens
    else:
        if log_path is not None and log_path.exists() and log_path.stat().st_size > 0:
            ensure_no_writer(log_path)  # a live log: name who writes it, rather than suggest --resume
            raise UserError(f"{log_path} already exists; choose another --log path, or --resume it")
        if scenario is not None:
            path = resolve_scenario(scenario)
            roles = list(load_pack(path).scenario.roles)
            for role in (solo, *staff):
                if role is not None and role not in roles:
                    raise click.UsageError(f"unknown role '{role}'; this scenario has: {', '.join(roles)}")
        elif solo or staff:
            raise click.UsageError("--solo and --staff need a SCENARIO")
    from tui.app import make_app
    from tui.config import RunConfig

    config = RunConfig(scenario=path, mode="solo" if solo else "facilitated", solo_role=solo,
                       seats={r: Seat.model_validate({"kind": "staff", "policy": policy, "competence": competence}) for r in staff},
                       staff_policy=policy, competence=competence, seed=seed, speed=speed, log=log_path,
                       resume=resume, high_contrast=high_contrast)
    app = make_app(config, session=session)
    try:
        app.run()
    finally:
        app.close_exercise()
        if session is not None:
            session.close()
    if app.log_path is not None:
        click.echo(f"exercise log: {app.log_path} (replay it with: tabletop replay {app.log_path})")
