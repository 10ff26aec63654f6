"""Located problems: what is wrong, where, in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..terminal import printable


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, at a line and column (1-based)."""

    file: str
    line: int
    column: int
    message: str
    path: str = ""
    """The field path inside the document, e.g. 'injects[3].decision.options'."""
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        field = f" {self.path}:" if self.path else ""
        return _one_line(f"{where}:{field} {self.message}")


def _one_line(text: str) -> str:
    """Escape newlines and other unprintable characters.

    Why: each problem is exactly one `file:line:column: ...` line that editors and CI parse;
    a key, path or parser message holding a newline or control character must not split or
    garble it.
    """
    return printable(text, one_line=True)


class ValidationFailed(Exception):
    """Raised with every problem found in one pass."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:  # the folder resolved, not the file: a symbolic link is shown by its own name
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)


def format_path(loc: tuple) -> str:
    """('injects', 3, 'decision') -> 'injects[3].decision'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
