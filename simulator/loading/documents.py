"""Read one file into its model, keeping the positioned data for later cross-file checks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..models import MODEL_BY_KIND
from .problems import Problem, ValidationFailed, display_path
from .yaml_source import PosDict, load_yaml, locate


@dataclass(frozen=True)
class Document:
    """A validated file: its model, its positioned raw data and where it came from."""

    path: Path
    shown: str
    raw: Any
    model: Any
    text: str

    def at(self, loc: tuple, message: str, severity: str = "error") -> Problem:
        """A problem located at a field path of this document."""
        from .problems import format_path

        line, column = locate(self.raw, loc)
        return Problem(self.shown, line, column, message, format_path(loc), severity)


def read_document(path: Path, expect: str | None = None) -> Document:
    """Parse and validate one YAML file by its `kind` (or the expected kind)."""
    from .wording import problems_from
    from .yaml_source import read_text

    shown = display_path(path)
    text = read_text(path)
    raw = load_yaml(path, text)
    if not isinstance(raw, PosDict):
        raise ValidationFailed([Problem(shown, 1, 1, "the file must be a mapping of keys to values at the top level")])
    kind = raw.get("kind")
    # isinstance first: `kind: [a]` is a list, and a list cannot be looked up in a dict.
    if not isinstance(kind, str) or kind not in MODEL_BY_KIND:
        line, column = locate(raw, ("kind",)) if "kind" in raw else raw.pos
        known = ", ".join(MODEL_BY_KIND)
        if "kind" not in raw or kind is None:
            what = "missing 'kind'"
        elif isinstance(kind, (list, dict)):
            what = f"'kind' is a {'list' if isinstance(kind, list) else 'mapping'}, not a word"
        else:
            what = f"unknown kind {str(kind)[:40]!r}"
        raise ValidationFailed([Problem(shown, line, column, f"{what}: every file says what it is, one of: {known}", "kind")])
    if expect is not None and kind != expect:
        line, column = locate(raw, ("kind",))
        raise ValidationFailed([Problem(shown, line, column, f"expected a {expect} file here, but this file is a {kind}", "kind")])
    model_cls: type[BaseModel] = MODEL_BY_KIND[kind]
    try:
        model = model_cls.model_validate(raw)
    except ValidationError as exc:
        raise ValidationFailed(problems_from(exc, model_cls, raw, shown)) from None
    return Document(path, shown, raw, model, text)
