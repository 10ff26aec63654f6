"""`tabletop host` and `tabletop join`: room mode. Thin wrappers: the transport (aiohttp) and the
consoles (Textual) live in tui/ and are imported only inside the commands, so the core never
pulls asyncio, aiohttp or Textual in."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .cli import FiniteFloat, UserError, main, say, user_errors

DEFAULT_PORT = 8750


def _bind(_ctx, _param, value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise click.BadParameter(f"'{value}' is not HOST:PORT (e.g. 127.0.0.1:{DEFAULT_PORT}, or 0.0.0.0:{DEFAULT_PORT} for a room)")
    return host.strip("[]") or "127.0.0.1", int(port)


def _seats(specs: tuple[str, ...], roles: list[str]) -> dict:
    from .branch import parse_seat
    from .engine.seats import Seat

    seats = {r: Seat() for r in roles}
    for spec in specs:
        try:
            role, seat = parse_seat(spec)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--seat") from None
        if role not in roles:
            raise click.BadParameter(f"unknown role '{role}'; this scenario has: {', '.join(roles)}", param_hint="--seat")
        seats[role] = seat
    return seats


def _codes_for(log: Path, humans: list[str], resume: bool):
    """The join codes, kept beside the log (owner-only) so a resumed host opens the same seats."""
    import os

    from .room.codes import JoinCodes

    keep = log.with_name(log.name + ".codes")
    if resume and keep.exists():
        try:
            data = json.loads(keep.read_text())
            codes = JoinCodes({"facilitator": data["facilitator"], "observer": data["observer"], **data["seats"]})
        except (ValueError, KeyError, TypeError):
            raise UserError(f"{keep}: not the join codes this host wrote; move it aside to give out new codes") from None
        for role in humans:
            codes.add(role)
        return codes
    codes = JoinCodes.generate(humans)
    fd = os.open(keep, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(codes.as_json(), f)
    return codes


@main.command()
@click.argument("scenario", required=False)
@click.option("--seat", "seat_specs", multiple=True, metavar="ROLE=WHO",
              help="Who plays a role: human (the default), or simulated staff: plan, late, idle or random[:competence]. Repeatable.")
@click.option("--seed", type=int, default=1, show_default=True, help="Seed of every random choice.")
@click.option("--log", "log_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the exercise log here (refused if the file exists); default: a fresh name here.")
@click.option("--bind", "bind", default=f"127.0.0.1:{DEFAULT_PORT}", show_default=True, callback=_bind, metavar="HOST:PORT",
              help="Where to listen. Loopback by default; 0.0.0.0:PORT (or a LAN address) opens it to the room's network.")
@click.option("--web", is_flag=True, help="Also serve the consoles to browsers (textual-serve) on the next port.")
@click.option("--headless", is_flag=True, help="No console here: the facilitator joins with the facilitator code.")
@click.option("--speed", type=FiniteFloat(0.1, 120), default=1.0, show_default=True, help="Exercise minutes per wall minute.")
@click.option("--start", is_flag=True, help="Start the clock at once.")
@click.option("--codes", "codes_file", type=click.Path(dir_okay=False, path_type=Path),
              help='Write the join codes as JSON: {"facilitator", "observer", "seats": {role: code}, "address"}.')
@click.option("--resume", "resume", type=click.Path(dir_okay=False, path_type=Path),
              help="Restart a crashed host from its log; participants rejoin with their codes.")
@click.option("--high-contrast", is_flag=True, help="Start the console with the high-contrast theme.")
@click.option("--hello-timeout", type=FiniteFloat(0.1, 600), default=10.0, hidden=True,
              help="Seconds a new connection has to say hello with its code.")
@user_errors
def host(scenario: str | None, seat_specs: tuple[str, ...], seed: int, log_path: Path | None, bind: tuple[str, int],
         web: bool, headless: bool, speed: float, start: bool, codes_file: Path | None, resume: Path | None,
         high_contrast: bool, hello_timeout: float) -> None:
    """Host an exercise for a room: every participant joins from their own terminal or browser with a code."""
    from .engine import commands as C
    from .log import ensure_no_writer
    from .session import Session

    if web and bind[1] == 0:
        raise click.UsageError("--web needs a fixed --bind port (the browser page is served on the next one)")
    if resume is not None:
        if scenario or seat_specs or log_path:
            raise click.UsageError("--resume continues a log as it was set up; give no scenario, --seat or --log")
        session = Session.resume(resume)  # a bad log is a located error here
        log = resume
    else:
        if scenario is None:
            raise click.UsageError("give a SCENARIO to host (see `tabletop list`), or --resume LOG")
        from .loading.pack import load_pack
        from .loading.shipped import resolve_scenario

        pack = load_pack(resolve_scenario(scenario))
        seats = _seats(seat_specs, list(pack.scenario.roles))
        if log_path is None:
            import datetime as dt

            log_path = Path(f"tabletop-{pack.scenario.id}-{seed}-{dt.datetime.now():%Y%m%d-%H%M%S}.jsonl")
        if log_path.exists() and log_path.stat().st_size > 0:
            ensure_no_writer(log_path)
            raise UserError(f"{log_path} already exists; choose another --log path, or --resume it")
        session = Session.start(pack, seed, seats, log_path)
        log = log_path
    try:
        humans = [r for r, s in session.engine.seats.items() if s.kind == "human"]
        codes = _codes_for(log, humans, resume is not None)
        if speed != 1.0 and resume is None:
            session.submit(C.SetSpeed(by=C.FACILITATOR, speed=speed))  # logged: a resumed host keeps it
        webbind = (bind[0], bind[1] + 1) if web else None
        from tui.room import host_main  # the transport and the console: imported here, never by the core

        from .console.clock_driver import ExerciseControl

        if headless:
            control = ExerciseControl(session, speed)
            say(f"exercise log: {log}")
            try:
                host_main.serve_headless(control, codes, bind, start, lambda text: say(text, err=True),
                                         webbind, codes_file, hello_timeout=hello_timeout)
            except OSError as exc:
                raise UserError(f"cannot serve the room on {bind[0]}:{bind[1]}: {exc.strerror or exc}") from None
        else:
            host_main.run_console(session, speed, codes, bind, start, webbind, codes_file, high_contrast, hello_timeout)
    finally:
        session.close_quietly()
    say(f"exercise log: {log} (replay it with: tabletop replay {log})")


@main.command()
@click.argument("address")
@click.option("--code", help="Your join code (asked for when not given).")
@click.option("--events-only", is_flag=True,
              help="No console: print every event this seat receives, one JSON line each, exactly as the log writes it.")
@click.option("--retry-for", type=FiniteFloat(0, 86400), default=60.0, show_default=True,
              help="Seconds to keep trying to reach a host that went away (it may be restarting with --resume).")
@click.option("--high-contrast", is_flag=True, help="Start with the high-contrast theme.")
@user_errors
def join(address: str, code: str | None, events_only: bool, retry_for: float, high_contrast: bool) -> None:
    """Join a hosted exercise: your seat's console (or, with --events-only, its event feed)."""
    if events_only:
        if not code:
            raise click.UsageError("--events-only needs --code")
        from tui.room.events_only import follow_feed

        reason = follow_feed(address, code, retry_for, lambda text: say(text, err=True))
        if reason is not None:
            raise UserError(reason)
        return
    from tui.room.join_app import JoinApp

    app = JoinApp(address, code, high_contrast)
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)
