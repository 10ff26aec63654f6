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
from collections.abc import Callable
from pathlib import Path

import yaml

from ..loading.shipped import data_root
from ..loading.yaml_source import MAX_BYTES
from .msel import MselError

TODO_RULE = "todo-key-message"

TODO_SOURCE = "TODO: the guide and chapter, or doctrine section, this rests on"


def documents(sk, source: Path, output: Path, new_roles: list[str], slug) -> list[tuple[str, dict, str]]:
    """(kind, data, header comment) for scenario, plan, playbook and each new role, in that order."""
    first_role = sk.roles[0] if sk.roles else None
    objectives = [{"id": oid, "title": f"TODO: what the participants should show ({cap})", "capability": cap}
                  for oid, cap in sk.objectives.items()] or [
        {"id": "OBJ-1", "title": "TODO: what the participants should show", "capability": "TODO: core capability"}]
    capability = {o["id"]: o["capability"] for o in objectives}
    injects = []
    for inj in sk.injects:
        out = dict(inj)
        options = sk.options.get(inj["id"])
        if options:
            opts = [{"id": o, "label": f"TODO: label of option {o}", **({"follow_up": sk.follow[(inj["id"], o)]}
                                                                      if (inj["id"], o) in sk.follow else {})}
                    for o in options]
            if len(opts) < 2:
                opts.append({"id": "todo-other-option", "label": "TODO: another option, or remove this decision"})
            out["decision"] = {"prompt": "TODO: the question put to the players", "options": opts}
            if out["to"] == "all":
                out["decision"]["role"] = first_role
        injects.append(out)
    scheduled = [i.get("at", 0) + i.get("delay", 0) for i in sk.injects]
    duration = max(60, (int(max(scheduled, default=0)) // 30 + 2) * 30)
    state = [{"id": v, "label": f"TODO: label of {v}", "initial": 0, "description": "TODO: what this measures, its bounds "
              "and what moves it (effects, dynamics)"} for v in sk.state] or [
        {"id": "todo-state", "label": "TODO: a state variable the city tracks", "initial": 0}]
    if not sk.roles:
        raise MselError([f"{source}: no row names a role in 'To'; name at least one role id"])
    scenario = {
        "kind": "scenario", "id": slug(output.parent.name if output.stem == "scenario" else output.stem) or "imported-msel",
        "title": f"TODO: title (imported from {source.name})", "summary": "TODO: what happens, in two sentences.",
        "threat": "TODO: the threat or hazard", "source": TODO_SOURCE,
        "city": {"name": "TODO: a fictional city", "description": "TODO: the city, never a real one.", "languages": ["English"]},
        "clock": {"start": sk.clock_start or "00:00", "duration": duration},
        "objectives": objectives,
        "modules": [{"id": "M1", "title": "TODO: module title", "phase": "initial", "starts_at": 0,
                     "discussion_questions": ["TODO: a hot-wash question"]}],
        "state": state,
        "senders": [{"id": sid, "name": name, "kind": "TODO: kind of sender"} for sid, name in sk.senders.items()],
        "roles": sk.roles, "plan": "plan.yaml", "playbook": "playbook.yaml", "injects": injects,
    }
    steps = []
    for step_id, st in sk.steps.items():
        role = first_role if st["to"] == "all" or not st["to"] else st["to"][0]
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
    speakers = list(dict.fromkeys(step["role"] for step in steps))
    rules = [{"id": TODO_RULE, "label": "TODO: a key message", "match": {"words": ["todo"]}, "source": TODO_SOURCE}]
    rules += [{"id": r, "label": f"TODO: key message {r}", "match": {"words": ["todo"]}, "source": TODO_SOURCE}
              for r in sk.rules if r != TODO_RULE]
    playbook = {"kind": "playbook", "id": f"{scenario['id']}-playbook", "title": "TODO: communication playbook title",
                "source": TODO_SOURCE, "first_statement": {"within": 30, "source": TODO_SOURCE},
                "messengers": [{"role": r, "source": TODO_SOURCE} for r in speakers], "key_messages": rules,
                "templates": [{"id": f"todo-statement-{r}", "title": f"TODO: a statement {r} could issue", "role": r,
                               "channel": "news_release", "languages": ["English"],
                               "text": f"TODO: the words {r} would use to meet its plan steps.", "covers": [TODO_RULE]}
                              for r in speakers]}
    roles = [{"kind": "role", "id": r, "title": f"TODO: title of {r}", "brief": "TODO: what this seat is responsible for.",
              "source": TODO_SOURCE} for r in new_roles]
    header = (f"Skeleton imported from {source.name}. Every 'TODO' is a placeholder for what an MSEL does not hold:\n"
              "the city, state variables and what moves them, decisions' prompts and options, plan actions, sources.\n"
              "Plan steps start as statements matching 'todo-key-message': replace 'statement' with the catalogue\n"
              "'action' that fulfils each step. The messengers and templates are placeholders for each role a step\n"
              "asks for a statement; lint reports unfilled placeholders as warnings.")
    return [("scenario", scenario, header), ("response_plan", plan, header), ("playbook", playbook, header),
            *[("role", r, header) for r in roles]]


def yaml_text(path: Path, kind: str, data: dict, header: str) -> str:
    schema = data_root() / "schema" / f"{kind}.schema.json"
    try:
        rel = Path(os.path.relpath(schema, path.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        rel = schema.as_posix()
    comments = "".join(f"# {line}\n" for line in header.splitlines())
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return f"# yaml-language-server: $schema={rel}\n{comments}{body}"




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
