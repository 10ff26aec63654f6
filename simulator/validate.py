"""`tabletop validate`: check files and folders, every problem in one run."""

from __future__ import annotations

from pathlib import Path

from .loading.documents import read_document
from .loading.inside import unusable
from .loading.pack import load_documents
from .loading.problems import Problem, ValidationFailed, display_path
from .loading.references import check_references

YAML_SUFFIXES = (".yaml", ".yml")


def _files(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    files, problems = [], []
    for path in paths:
        try:
            path.exists()
        except OSError as exc:  # e.g. a name too long for the system: a located problem, not a traceback
            problems.append(Problem(display_path(path), 1, 1, f"cannot open: {exc.strerror or exc}"))
            continue
        if not path.exists():
            problems.append(Problem(display_path(path), 1, 1, "no such file or folder"))
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES and (p.is_file() or p.is_symlink()))
            if not found:
                problems.append(Problem(display_path(path), 1, 1, "folder holds no .yaml files"))
            for p in found:  # a link out of the folder is not followed, nor opened
                why = unusable(p, [path], f"only files inside {display_path(path)} are checked", "the folder")
                if why is not None:
                    problems.append(Problem(display_path(p), 1, 1, f"not checked: it {why}", severity="warning"))
                elif p.is_file():
                    files.append(p)
        else:
            files.append(path)
    return files, problems


def validate_paths(paths: list[Path]) -> tuple[list[Problem], int]:
    """Every problem (errors and warnings) in the given files and folders, and how many files were checked."""
    files, problems = _files(paths)
    checked: set[Path] = set()
    for path in files:
        try:
            doc = read_document(path)
        except ValidationFailed as exc:
            problems.extend(exc.problems)
            checked.add(path.resolve())
            continue
        checked.add(path.resolve())
        if doc.model.kind != "scenario":
            continue
        try:
            scenario_doc, roles, plan, playbook, found = load_documents(path)
        except ValidationFailed as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(found)
        checked.update(d.path.resolve() for d in [*roles.values(), plan, playbook] if d is not None)
        # A plan, playbook or role file that failed to load was checked too (else "5 problems in 4 files").
        checked.update(Path(p.file).resolve() for p in found if Path(p.file).is_file())
        # Even when the plan or playbook failed to load: the rest of the pack is still checked.
        problems.extend(check_references(scenario_doc, roles, plan, playbook))
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.message)), len(checked)
