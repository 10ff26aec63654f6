"""Pack files stay in their pack: every file a scenario names lies inside its pack folder (a role
file may also come from a shared roles folder), with symbolic links followed.

Why: packs are passed between trainers and cities. `plan: /etc/shadow`, `plan: ../../x.yaml` or
a symlink out of the pack must be refused before anything is opened, and so must whatever a
log's header names (see `replay.pack_for`).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path


def _real(path: Path) -> Path:
    """Where `path` leads, symlinks followed; a missing file is judged by where it would be."""
    try:
        return path.resolve(strict=True)
    except FileNotFoundError:
        return path.resolve()


def unusable(path: Path, roots: list[Path], rule: str, where: str = "the pack") -> str | None:
    """Why `path` may not be used (None: it may), in words that follow '<kind> file <path> '.

    `roots` are the folders it must lead into, `rule` says so in words, `where` names what it left.
    """
    try:
        real = _real(path)
    except RuntimeError:  # Python 3.11/3.12 say a loop this way
        return "is a symbolic link that loops back on itself"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symbolic link that loops back on itself"
        return f"cannot be opened ({exc.strerror or exc})"
    for root in roots:
        try:
            if real.is_relative_to(root.resolve()):
                return None
        except (OSError, RuntimeError):
            continue
    link = "through a symbolic link, " if _through_link(path, real) else ""
    return f"leads outside {where} ({link}to {real}): {rule}"


def _through_link(path: Path, real: Path) -> bool:
    try:
        return Path(os.path.abspath(path)) != real
    except (OSError, ValueError):
        return False


def key_in_pack(path: Path, base: Path, shared_role: bool) -> str:
    """The name a pack file is hashed under in a log header: its path inside the pack.

    A role from a shared roles folder is 'shared-roles/<file>'. Why paths, not file names: two
    files with one name (a plan called chief.yaml and the role chief.yaml) must never share a hash.
    """
    rel = Path(os.path.normpath(os.path.relpath(path, base)))
    if rel.parts and rel.parts[0] != "..":
        return rel.as_posix()
    if shared_role:
        return f"shared-roles/{path.name}"
    return _real(path).relative_to(base.resolve()).as_posix()  # inside through a link (checked on load)
