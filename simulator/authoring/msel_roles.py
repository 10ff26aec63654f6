"""Role names in an MSEL's 'To' column, matched to role files the pack will load.

Why case-insensitive: a sheet says 'Mayor' or 'MAYOR' where the shared role is `mayor`;
treating them as new roles would write a second, empty mayor. A name matches a role when it
equals the role's id or title ignoring case, or when its slug equals the id. Anything else
becomes a new role whose id is always the slug (lowercase, hyphens), so 'Fire Chief',
'fire chief' and 'FIRE_CHIEF' give one role, not three.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..loading.shipped import roles_dirs_for


def slug(text: str) -> str:
    """A usable id from free text: 'EOC Director' -> 'eoc-director', 'FIRE_CHIEF' -> 'fire-chief'."""
    return re.sub(r"[^a-z0-9.]+", "-", text.strip().lower()).strip("-.")[:64].strip("-.")


class RoleIndex:
    """The role files a pack at `folder` can see (its own roles/ first), by every name they answer to."""

    def __init__(self, folder: Path):
        self.actions: dict[str, list[str]] = {}
        """Known role id -> the ids of its catalogue actions."""
        self._names: dict[str, str] = {}
        for d in roles_dirs_for(folder):
            for path in sorted(d.glob("*.yaml")) if d.is_dir() else []:
                try:
                    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
                except (OSError, yaml.YAMLError):
                    continue  # a broken role file is reported when the skeleton is validated
                if not isinstance(data, dict) or path.stem in self.actions:
                    continue  # the loader reads roles/ID.yaml from the first folder that has it
                rid = path.stem
                self.actions[rid] = [str(a["id"]) for a in data.get("actions", []) if isinstance(a, dict) and a.get("id")]
                for name in (rid, str(data.get("title") or "")):
                    for key in (name.strip().lower(), slug(name)):
                        if key:
                            self._names.setdefault(key, rid)

    def resolve(self, name: str) -> str:
        """The id of the role `name` means: a known role, or the slug of a new one."""
        return self._names.get(name.strip().lower()) or self._names.get(slug(name)) or slug(name)
