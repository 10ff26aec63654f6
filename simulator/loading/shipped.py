"""Where shipped scenarios and roles live, in a checkout and after a plain `pip install .`."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
_BUNDLED = _PACKAGE / "_bundled"


def data_root() -> Path:
    """The folder holding scenarios/, roles/ and schema/.

    Why: in a checkout (or editable install) they sit at the repository root; a wheel carries
    a copy under simulator/_bundled.
    """
    return _BUNDLED if (_BUNDLED / "scenarios").is_dir() else _PACKAGE.parent


def scenarios_dir() -> Path:
    return data_root() / "scenarios"


def roles_dirs_for(scenario_dir: Path) -> list[Path]:
    """Role folders searched for a scenario: its own pack's roles/, the nearest roles/ above it, then the shipped roles."""
    out = [scenario_dir / "roles"]
    for parent in scenario_dir.resolve().parents:
        if (parent / "roles").is_dir():
            out.append(parent / "roles")
            break
    shipped = data_root() / "roles"
    if shipped.resolve() not in [p.resolve() for p in out]:
        out.append(shipped)
    return out


def shipped_scenarios() -> list[Path]:
    """Every shipped scenario file, sorted."""
    root = scenarios_dir()
    return sorted(root.glob("*/scenario.yaml")) if root.is_dir() else []


def shipped_scenario(scenario_id: str) -> Path | None:
    """The shipped scenario whose pack folder is named `scenario_id`; never read as a path."""
    return next((p for p in shipped_scenarios() if p.parent.name == scenario_id), None)


class ScenarioNotFound(LookupError):
    """A scenario argument that is neither a file, a pack folder nor a shipped scenario id."""


def resolve_scenario(name: str) -> Path:
    """A scenario argument may be a file, a pack folder, or a shipped scenario id."""
    import difflib

    path = Path(name)
    if path.exists():
        return path / "scenario.yaml" if path.is_dir() else path
    shipped = {candidate.parent.name: candidate for candidate in shipped_scenarios()}
    if name in shipped:
        return shipped[name]
    if path.suffix or "/" in name or "\\" in name:
        return path  # looks like a path: let the loader report 'no such file' at the user's path
    near = difflib.get_close_matches(name, shipped, n=1, cutoff=0.4)
    hint = f"did you mean '{near[0]}'? " if near else ""
    raise ScenarioNotFound(f"'{name}' is not a file, a pack folder or a shipped scenario; {hint}"
                           f"shipped: {', '.join(sorted(shipped)) or 'none'} (see `tabletop list`)")
