"""`tabletop brief`: a seat's briefing in the terminal, before anyone sits down."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from .cli import UserError, main, say, user_errors


@main.command()
@click.argument("scenario")
@click.option("--role", "role", required=True, help="The seat to brief, e.g. mayor.")
@click.option("--json", "as_json", is_flag=True, help="Print the briefing as JSON.")
@user_errors
def brief(scenario: str, role: str, as_json: bool) -> None:
    """Print a role's briefing: mandate, powers, chain of command, contacts and situation in this scenario."""
    from .briefing import brief as build, briefing_text
    from .loading.pack import load_pack
    from .loading.shipped import resolve_scenario

    pack = load_pack(resolve_scenario(scenario))
    if role not in pack.scenario.roles:
        raise UserError(f"'{role}' is not a role in {pack.scenario.id}; choose one of: {', '.join(pack.scenario.roles)}")
    if as_json:
        say(json.dumps(asdict(build(pack, role)), indent=2))
    else:
        import shutil

        say(briefing_text(pack, role, width=min(shutil.get_terminal_size((80, 24)).columns, 100) - 1), nl=False)
