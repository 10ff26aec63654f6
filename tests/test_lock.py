"""The lock file tells a fresh machine what CI tested: it covers every dependency, and within range."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import ROOT


def _locked() -> dict[str, str]:
    pins = {}
    for number, line in enumerate((ROOT / "requirements.lock").read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        m = re.fullmatch(r"([A-Za-z0-9._-]+)==([^\s;]+)", line.strip())
        assert m, f"requirements.lock:{number}: not an exact pin: {line!r}"
        pins[canonicalize_name(m[1])] = m[2]
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        reqs += extra
    return [Requirement(r.split("#")[0].strip()) for r in reqs]


def test_every_declared_dependency_is_pinned_within_its_range():
    pins = _locked()
    for req in _declared():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is in pyproject.toml but not in requirements.lock; run 'bash .ci/lock'"
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"requirements.lock pins {req.name}=={pins[name]}, outside pyproject's '{req.specifier}'; run 'bash .ci/lock'")


def test_the_readme_and_ci_install_from_the_lock():
    readme = (ROOT / "README.md").read_text().split("```sh", 1)[1].split("```", 1)[0]
    commands = [c for c in readme.strip().splitlines() if c.strip()]
    assert len(commands) == 2
    for command in commands:
        assert "-c requirements.lock" in command, command
    assert "-c requirements.lock" in (ROOT / ".ci" / "run").read_text()
