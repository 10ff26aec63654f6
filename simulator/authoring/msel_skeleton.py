"""The scenario skeleton `tabletop msel import` writes: the sheet's injects, with placeholders
saying TODO for what an MSEL does not hold (city, state variables and what moves them,
decisions' prompts, plan actions, sources).

The skeleton must not contradict itself: every role a plan step asks for a statement is an
approved messenger, with a TODO template that covers the step's placeholder key message, so
`tabletop lint` finds nothing the importer could have got right. What only the author can
supply (what moves a state variable a trigger reads, another option of a decision) is marked
TODO and lint reports it as a warning until it is filled in (see lint.py, placeholders).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..loading.yaml_source import MAX_BYTES
from ..models.capabilities import PLACEHOLDER
from .msel import MselError

TODO_RULE = "todo-key-message"

TODO_SOURCE = "TODO: the guide and chapter, or doctrine section, this rests on"
TODO_CAPABILITY = f"{PLACEHOLDER}: core capability"


@dataclass
class Skeleton:
    """What the rows of a sheet say, gathered for the documents below."""

    title: str | None = None
    """The sheet's title row, if it has one."""
    injects: list[dict] = field(default_factory=list)
    senders: dict[str, str] = field(default_factory=dict)
    """Sender id -> name."""
    roles: list[str] = field(default_factory=list)
    role_titles: dict[str, str] = field(default_factory=dict)
    """New role id -> the name the sheet calls it by ('Fire Chief' for fire-chief)."""
    steps: dict[str, dict] = field(default_factory=dict)
    objectives: dict[str, dict] = field(default_factory=dict)
    """Objective id -> {'capability', 'title'} (either None when the sheet does not say)."""
    near: dict[str, str] = field(default_factory=dict)
    """Capabilities read from a near spelling: what the sheet wrote -> the core capability."""
    options: dict[str, dict[str, str | None]] = field(default_factory=dict)
    """Decision inject id -> option id -> its label (None when the sheet names only the id)."""
    deciders: dict[str, str] = field(default_factory=dict)
    """Decision inject id -> the role the sheet says chooses."""
    follow: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    state: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    actions: set[str] = field(default_factory=set)
    modules: list[dict] = field(default_factory=list)
    clock_start: str | None = None
    """Set when the sheet's times were clock times (see msel_times), or its story times say."""
    notes: list[str] = field(default_factory=list)

    def role_by_title(self, name: str) -> str | None:
        key = " ".join(name.split()).casefold()
        return next((rid for rid, title in self.role_titles.items() if title.casefold() == key), None)

    def module_named(self, title: str) -> dict:
        for m in self.modules:
            if m["title"].casefold() == title.casefold():
                return m
        module = {"id": f"M{len(self.modules) + 1}", "title": title}
        self.modules.append(module)
        return module

    def objective(self, ref) -> str:
        """The id of the objective an item names; an item naming only a capability gets a marker
        ('?Mass Care Services') that settle_objectives replaces once every row is read."""
        if ref.near:
            self.near[ref.near] = ref.capability
        if ref.id is None and ref.capability is not None and ref.title is None:
            return f"?{ref.capability}"
        oid = ref.id or self._next_id()
        known = self.objectives.setdefault(oid, {"capability": None, "title": None})
        known["capability"] = known["capability"] or ref.capability
        known["title"] = known["title"] or ref.title
        return oid

    def _next_id(self) -> str:
        used = {int(m.group(1)) for oid in self.objectives if (m := re.match(r"^OBJ-(\d+)$", oid))}
        return f"OBJ-{next(n for n in range(1, len(used) + 2) if n not in used)}"

    def settle_objectives(self, note: Callable[[str], None]) -> None:
        """Give each capability named alone the objective with that capability (or a new one), and
        say which capabilities were read from a near spelling."""
        for written, capability in self.near.items():
            note(f"read capability \"{written}\" as the HSEEP core capability '{capability}'")
        chosen: dict[str, str] = {}
        for inj in self.injects:
            out: list[str] = []
            for oid in inj.get("objectives", []):
                if oid.startswith("?"):
                    capability = oid[1:]
                    if capability not in chosen:
                        chosen[capability] = next((k for k, d in self.objectives.items() if d["capability"] == capability),
                                                  None) or self._new(capability)
                    oid = chosen[capability]
                if oid not in out:
                    out.append(oid)
            if out:
                inj["objectives"] = out

    def _new(self, capability: str) -> str:
        oid = self._next_id()
        self.objectives[oid] = {"capability": capability, "title": None}
        return oid

    def settle_modules(self) -> None:
        """Start each module at its first scheduled inject unless its section row said when."""
        earliest: dict[str, float] = {}
        for inj in self.injects:
            if "module" in inj and "at" in inj:
                t = inj["at"] + inj.get("delay", 0)
                earliest[inj["module"]] = min(t, earliest.get(inj["module"], t))
        previous = 0.0
        for k, m in enumerate(self.modules):
            m.setdefault("starts_at", earliest.get(m["id"], previous if k else 0))
            previous = m["starts_at"]
            m["phase"] = "initial" if k == 0 else "recovery" if "recover" in m["title"].lower() else "continued"


def documents(sk: Skeleton, source: Path, output: Path, new_roles: list[str], slug) -> list[tuple[str, dict, str]]:
    """(kind, data, header comment) for scenario, plan, playbook and each new role, in that order."""
    first_role = sk.roles[0] if sk.roles else None
    objectives = [{"id": oid, "title": o["title"] or f"TODO: what the participants should show ({o['capability'] or 'TODO'})",
                   "capability": o["capability"] or TODO_CAPABILITY}
                  for oid, o in sk.objectives.items()] or [
        {"id": "OBJ-1", "title": "TODO: what the participants should show", "capability": TODO_CAPABILITY}]
    capability = {o["id"]: o["capability"] for o in objectives}
    injects = []
    for inj in sk.injects:
        out = dict(inj)
        options = sk.options.get(inj["id"])
        opts = []
        if options:
            opts = [{"id": o, "label": label or f"TODO: label of option {o}",
                     **({"follow_up": sk.follow[(inj["id"], o)]} if (inj["id"], o) in sk.follow else {})}
                    for o, label in options.items()]
        if options is not None:  # a decision: the sheet named some options, or none
            while len(opts) < 2:
                opts.append({"id": "todo-other-option" if opts else "todo-option",
                             "label": "TODO: another option, or remove this decision"})
            out["decision"] = {"prompt": "TODO: the question put to the players", "options": opts}
            decider = sk.deciders.get(inj["id"])
            if out["to"] == "all":
                out["decision"]["role"] = decider or first_role
            elif decider and decider != out["to"][0]:
                out["decision"]["role"] = decider
        injects.append(out)
    scheduled = [i.get("at", 0) + i.get("delay", 0) for i in sk.injects]
    duration = max(60, (int(max(scheduled, default=0)) // 30 + 2) * 30)
    state = [{"id": v, "label": f"TODO: label of {v}", "initial": 0, "description": "TODO: what this measures, its bounds "
              "and what moves it (effects, dynamics)"} for v in sk.state] or [
        {"id": "todo-state", "label": "TODO: a state variable the city tracks", "initial": 0}]
    if not sk.roles:
        raise MselError([f"{source}: no row names a role in 'To'; name at least one role id"])
    modules = [{**m, "discussion_questions": ["TODO: a hot-wash question"]} for m in sk.modules] or [
        {"id": "M1", "title": "TODO: module title", "phase": "initial", "starts_at": 0,
         "discussion_questions": ["TODO: a hot-wash question"]}]
    scenario = {
        "kind": "scenario", "id": slug(output.parent.name if output.stem == "scenario" else output.stem) or "imported-msel",
        "title": sk.title or f"TODO: title (imported from {source.name})", "summary": "TODO: what happens, in two sentences.",
        "threat": "TODO: the threat or hazard", "source": TODO_SOURCE,
        "city": {"name": "TODO: a fictional city", "description": "TODO: the city, never a real one.", "languages": ["English"]},
        "clock": {"start": sk.clock_start or "00:00", "duration": duration},
        "objectives": objectives,
        "modules": modules,
        "state": state,
        "senders": [{"id": sid, "name": name, "kind": "TODO: kind of sender"} for sid, name in sk.senders.items()],
        "roles": sk.roles, "plan": "plan.yaml", "playbook": "playbook.yaml", "injects": injects,
    }
    steps = []
    for step_id, st in sk.steps.items():
        role = st.get("role") or (first_role if st["to"] == "all" or not st["to"] else st["to"][0])
        obj = next((o for i in sk.injects if i["id"] == st["inject"] for o in i.get("objectives", [])), objectives[0]["id"])
        step = {"id": step_id, "role": role, "description": st["description"] or f"TODO: describe plan step {step_id}",
                "statement": [TODO_RULE]}
        if st["inject"] is not None:
            step["trigger"] = {"delivered": st["inject"]}
        step.update({"within": 30, "objective": obj, "capability": capability[obj], "source": TODO_SOURCE})
        steps.append(step)
    if not steps:
        steps.append({"id": "todo-step", "role": first_role, "description": "TODO: a plan step", "statement": [TODO_RULE],
                      "within": 30, "objective": objectives[0]["id"], "capability": objectives[0]["capability"],
                      "source": TODO_SOURCE})
    plan = {"kind": "response_plan", "id": f"{scenario['id']}-plan", "title": "TODO: response plan title",
            "source": TODO_SOURCE, "expectations": steps}
    # Every role asked for a statement may speak: otherwise lint rightly says no step can be met.
    speakers: list[str] = list(dict.fromkeys(str(step["role"]) for step in steps))
    rules = [{"id": TODO_RULE, "label": "TODO: a key message", "match": {"words": ["todo"]}, "source": TODO_SOURCE}]
    rules += [{"id": r, "label": f"TODO: key message {r}", "match": {"words": ["todo"]}, "source": TODO_SOURCE}
              for r in sk.rules if r != TODO_RULE]
    playbook = {"kind": "playbook", "id": f"{scenario['id']}-playbook", "title": "TODO: communication playbook title",
                "source": TODO_SOURCE, "first_statement": {"within": 30, "source": TODO_SOURCE},
                "messengers": [{"role": r, "source": TODO_SOURCE} for r in speakers], "key_messages": rules,
                # an id may be 64 characters: a long role id numbers its template instead
                "templates": [{"id": f"todo-statement-{r}" if len(r) <= 49 else f"todo-statement-{k + 1}",
                               "title": f"TODO: a statement {r} could issue", "role": r,
                               "channel": "news_release", "languages": ["English"],
                               "text": f"TODO: the words {r} would use to meet its plan steps.", "covers": [TODO_RULE]}
                              for k, r in enumerate(speakers)]}
    roles = [{"kind": "role", "id": r, "title": sk.role_titles.get(r) or f"TODO: title of {r}", "brief": "TODO: what this seat is responsible for.",
              "source": TODO_SOURCE} for r in new_roles]
    header = (f"Skeleton imported from {source.name}. Every 'TODO' is a placeholder for what an MSEL does not hold:\n"
              "the city, state variables and what moves them, decisions' prompts and options, plan actions, sources.\n"
              "Plan steps start as statements matching 'todo-key-message': replace 'statement' with the catalogue\n"
              "'action' that fulfils each step. The messengers and templates are placeholders for each role a step\n"
              "asks for a statement; lint reports unfilled placeholders as warnings.")
    return [("scenario", scenario, header), ("response_plan", plan, header), ("playbook", playbook, header),
            *[("role", r, header) for r in roles]]


def schema_ref(path: Path, kind: str) -> str:
    """Where the `$schema` modeline of a file at `path` points: the schema of a Tabletop checkout
    the file lies in, as a relative path (it stays right when the folder is moved or cloned
    elsewhere), else the schema's published `$id`. Never the installed package's copy, which
    lives in one machine's virtualenv."""
    from ..schema import SCHEMA_ID

    published = SCHEMA_ID.format(kind=kind)
    folder = path.resolve().parent
    for up in (folder, *folder.parents):
        candidate = up / "schema" / f"{kind}.schema.json"
        try:
            ours = candidate.is_file() and f'"$id": "{published}"' in candidate.read_text(encoding="utf-8")[:500]
        except OSError:
            ours = False
        if ours:
            try:
                return Path(os.path.relpath(candidate, folder)).as_posix()
            except ValueError:  # another drive on Windows
                break
    return published


def yaml_text(path: Path, kind: str, data: dict, header: str) -> str:
    comments = "".join(f"# {line}\n" for line in header.splitlines())
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return f"# yaml-language-server: $schema={schema_ref(path, kind)}\n{comments}{body}"


def publish(files: list[tuple[Path, str]], check: Callable[[], None]) -> None:
    """Write every file of the skeleton, or none of them.

    Why: an import that fails halfway (a file over the size limit, a full disk, a skeleton
    that does not validate) must not leave files behind, or running it again is refused with
    'already exists'. Every file is written under a temporary name first, then all are put in
    place (never over an existing file) and `check` runs; on any failure what was put in
    place, and the folders made for it, are removed again.
    """
    for path, text in files:
        size = len(text.encode("utf-8"))
        if size > MAX_BYTES:
            raise MselError([f"{path}: would be {size:,} bytes, over the {MAX_BYTES:,} a scenario file may hold; "
                             "import fewer rows or shorter cells"])
    made: list[Path] = []
    for folder in sorted({path.parent for path, _ in files}, key=lambda p: len(p.parts)):
        missing = [p for p in (folder, *folder.parents) if not p.exists()]
        for p in reversed(missing):
            p.mkdir()
            made.append(p)
    staged: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    try:
        for path, text in files:
            temp = path.with_name(f".{path.name}.{os.getpid()}.importing")
            staged.append((temp, path))
            temp.write_text(text, encoding="utf-8")
        for temp, path in staged:
            _place(temp, path)
            placed.append(path)
        check()
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        for temp, _path in staged:
            temp.unlink(missing_ok=True)
        for p in reversed(made):
            try:
                p.rmdir()
            except OSError:
                pass  # something else was put there meanwhile: leave it
        raise
    for temp, _path in staged:
        temp.unlink(missing_ok=True)


def _place(temp: Path, path: Path) -> None:
    """Give `temp`'s content the name `path`, refusing to replace a file that appeared meanwhile."""
    try:
        os.link(temp, path)  # fails when `path` exists, unlike a rename
    except FileExistsError:
        raise MselError([f"{path}: already exists; choose another output folder"]) from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise MselError([f"{path}: already exists; choose another output folder"]) from None
        os.rename(temp, path)
