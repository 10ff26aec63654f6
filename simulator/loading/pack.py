"""Load a scenario pack: the scenario, its roles, its plan and its playbook, all checked together."""

from __future__ import annotations

import gc
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..models import Decision, Playbook, ResponsePlan, Role, Scenario
from ..models.role import Action
from ..statements import Checker, Result
from .documents import Document, read_document
from .inside import key_in_pack, unusable
from .problems import Problem, ValidationFailed, display_path
from .references import check_references
from .shipped import roles_dirs_for


Route = tuple[list[str] | None, str, bool, bool, str, str, str, Decision | None, dict[str, float]]
"""What delivering an inject reads: its recipients (None meaning all roles), the cause its effects
are logged with, whether it is serious news, whether it changes who can be reached, its channel,
severity and title, its decision and its effects."""


@dataclass(frozen=True)
class Pack:
    """Everything one exercise is played from. Immutable once loaded."""

    scenario: Scenario
    roles: dict[str, Role]
    plan: ResponsePlan
    playbook: Playbook
    scenario_path: Path
    files: dict[str, str] = field(default_factory=dict)
    """Every loaded file -> sha256, keyed by its path in the pack folder ('shared-roles/<file>' for a
    role from a shared roles folder; see `inside.key_in_pack`)."""
    _checked: dict[str, Result] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def actions(self) -> dict[str, tuple[str, Action]]:
        """Action id -> (role id, action)."""
        return {a.id: (r.id, a) for r in self.roles.values() for a in r.actions}

    @cached_property
    def injects(self):
        return {i.id: i for i in self.scenario.injects}

    @cached_property
    def checker(self) -> Checker:
        """The one statement checker for this pack's playbook (simulator/statements)."""
        return Checker(self.playbook)

    def check_statement(self, text: str) -> Result:
        """Every playbook rule a statement meets or breaks, with the words why, memoised per text.

        Why: checking is a pure function of the playbook and the text, and simulated staff
        publish the same templates run after run; batch runs would redo it thousands of times.
        Prohibitions are not lifted here: the judge does that against the exercise record.
        """
        found = self._checked.get(text)
        if found is None:
            found = self.checker.check(text)
            if len(self._checked) < 10_000:
                self._checked[text] = found
        return found

    def statement_rules(self, text: str) -> frozenset[str]:
        """Playbook rules (of every kind) that a statement's text matches, before any prohibition lifts."""
        return self.check_statement(text).ids()

    @cached_property
    def routes(self) -> dict[str, Route]:
        """Inject id -> what delivering it reads (see Route), worked out once so a delivery reads one tuple."""
        return {i.id: (None if i.to == "all" else list(i.to), f"inject:{i.id}", i.severity in ("high", "critical"),
                       bool(i.unavailable or i.available), i.channel, i.severity, i.title, i.decision, i.effects)
                for i in self.scenario.injects}

    @cached_property
    def contingencies(self) -> dict[str, list]:
        """Plan step id -> the cue-only injects to deliver when its deadline passes unmet."""
        out: dict[str, list] = {}
        for i in self.scenario.injects:
            if i.contingency_for is not None and i.at is None and i.trigger is None:
                out.setdefault(i.contingency_for, []).append(i)
        return out

    @cached_property
    def actions_chosen(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """(decision inject, option) -> the actions of the plan steps the option meets (judge.actions_chosen)."""
        steps = {e.id: e for e in self.plan.expectations}
        out: dict[tuple[str, str], tuple[str, ...]] = {}
        for i in self.scenario.injects:
            for o in i.decision.options if i.decision is not None else ():
                found = tuple(dict.fromkeys(a for s in o.meets if (a := steps[s].action) is not None))
                if found:
                    out[(i.id, o.id)] = found
        return out

    @cached_property
    def step_options(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Plan step id -> the (decision inject, option) pairs that are the step (the option's `meets`)."""
        out: dict[str, list[tuple[str, str]]] = {}
        for i in self.scenario.injects:
            for o in i.decision.options if i.decision is not None else ():
                for step in o.meets:
                    out.setdefault(step, []).append((i.id, o.id))
        return {step: tuple(pairs) for step, pairs in out.items()}

    @cached_property
    def expectations(self):
        return {e.id: e for e in self.plan.expectations}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_documents(scenario_path: Path) -> tuple[Document, dict[str, Document], Document | None, Document | None, list[Problem]]:
    """Read every file of the pack, collecting problems from all of them."""
    problems: list[Problem] = []
    scenario_doc = read_document(scenario_path, expect="scenario")  # nothing else can be checked without it
    scenario: Scenario = scenario_doc.model
    base = scenario_path.parent
    search = roles_dirs_for(base)
    in_pack = ([base], "a pack may only use files inside its own folder")
    in_pack_or_shared = ([base, *search[1:]], "a role file must be inside the pack folder or a shared roles "
                         f"folder ({', '.join(display_path(d) for d in search[1:])})")

    def read(path: Path, kind: str, loc: tuple, where: tuple[list[Path], str]) -> Document | None:
        # Reported at the scenario's reference: that is where the mistake is. A file outside the
        # pack is refused before it is opened; a folder is named as such (not "not found"); and
        # OSError (a name too long, say) is a problem, not a crash.
        missing = unusable(path, *where)
        if missing is None:
            try:
                missing = None if path.is_file() else "is a folder, not a file" if path.is_dir() else "not found"
            except OSError as exc:
                missing = f"cannot be opened ({exc.strerror or exc})"
        if missing is not None:
            problems.append(scenario_doc.at(loc, f"{kind.replace('_', ' ')} file {path} {missing}"))
            return None
        try:
            return read_document(path, expect=kind)
        except ValidationFailed as exc:
            problems.extend(exc.problems)
            return None

    def named(field: str, kind: str) -> Document | None:
        value = getattr(scenario, field)
        if not value.strip():  # '' would otherwise name the pack folder itself
            problems.append(scenario_doc.at((field,), f"is empty: name the {kind.replace('_', ' ')} file, e.g. {field}.yaml"))
            return None
        return read(base / value, kind, (field,), in_pack)

    plan = named("plan", "response_plan")
    playbook = named("playbook", "playbook")
    roles: dict[str, Document] = {}
    for i, role_id in enumerate(scenario.roles):
        # exists(), not is_file(): a folder named chief.yaml is reported as a folder by read(), not as
        # "no chief.yaml"; is_symlink() too: a link that loops or dangles is reported as such.
        found = next((d / f"{role_id}.yaml" for d in search
                      if (d / f"{role_id}.yaml").exists() or (d / f"{role_id}.yaml").is_symlink()), None)
        if found is None:
            where = " or ".join(str(d) for d in search)
            problems.append(scenario_doc.at(("roles", i), f"unknown role '{role_id}': no {role_id}.yaml in {where}"))
            continue
        doc = read(found, "role", ("roles", i), in_pack_or_shared)
        if doc is not None:
            if doc.model.id != role_id:
                problems.append(doc.at(("id",), f"role file {found.name} has id '{doc.model.id}'; it must be '{role_id}'"))
            roles[role_id] = doc
    return scenario_doc, roles, plan, playbook, problems


def load_pack(scenario_path: Path) -> Pack:
    """Load and check a scenario pack, or raise ValidationFailed with every problem found."""
    scenario_path = Path(scenario_path)
    if scenario_path.is_dir():
        scenario_path = scenario_path / "scenario.yaml"
    scenario_doc, roles, plan, playbook, problems = load_documents(scenario_path)
    problems.extend(check_references(scenario_doc, roles, plan, playbook))  # every problem, even with a file missing
    errors = [p for p in problems if p.severity == "error"]
    if errors or plan is None or playbook is None:
        raise ValidationFailed(errors or problems)
    base = scenario_path.parent
    files: dict[str, str] = {}
    for doc, loc in [(scenario_doc, ()), (plan, ("plan",)), (playbook, ("playbook",)),
                     *((d, ("roles", i)) for i, d in enumerate(roles.values()))]:
        key = key_in_pack(doc.path, base, shared_role=bool(loc) and loc[0] == "roles")
        if key in files:  # only a pack folder named shared-roles/ can do this: one name, one hash
            raise ValidationFailed([scenario_doc.at(loc, f"{key} is the name the log gives a shared role; "
                                                         "rename the pack's shared-roles folder")])
        files[key] = _digest(doc.text)
    pack = Pack(
        scenario=scenario_doc.model,
        roles={k: d.model for k, d in roles.items()},
        plan=plan.model,
        playbook=playbook.model,
        scenario_path=scenario_path.resolve(),
        files=dict(sorted(files.items())),
    )
    # The pack lives as long as the process and never changes; moving it out of the garbage
    # collector's generations stops every collection during a run from re-scanning it (on a
    # 10,000-inject MSEL that was a third of the engine's time).
    gc.collect()
    gc.freeze()
    return pack
