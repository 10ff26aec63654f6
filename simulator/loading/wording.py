"""Turn pydantic's validation errors into plain, located sentences.

Why: a trainer reading "Input should be a valid number, unable to parse string as a number
[type=float_parsing...]" learns nothing. We say what was expected, in plain words.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from .problems import Problem, format_path
from .yaml_source import key_position, locate

_TYPE_WORDS = {
    "string_type": "expected text",
    "string_unicode": "expected text",  # e.g. a `!!binary` value that is not UTF-8
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list",
    "dict_type": "expected a mapping of keys to values",
    "model_type": "expected a mapping of keys to values",
    "model_attributes_type": "expected a mapping of keys to values",
    "finite_number": "expected a finite number",
}


def _shown(value: Any) -> str:
    # Not type(value).__name__: that is 'PosList' or 'PosDict', our internal names, not the user's.
    text = repr(value) if not isinstance(value, (dict, list)) else "a list" if isinstance(value, list) else "a mapping"
    return text if len(text) <= 60 else text[:57] + "..."


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Known field names of the model reached at `loc`, for 'did you mean' hints (best effort)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        field = current.model_fields.get(part) or next(
            (f for f in current.model_fields.values() if f.alias == part), None
        )
        if field is None:
            continue
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _inner_model(annotation: Any) -> Any:
    args = getattr(annotation, "__args__", None)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in args or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def message_for(error: Any, model: type[BaseModel]) -> tuple[str, tuple, str | None]:
    """Return (message, loc to point at, unknown key or None)."""
    kind, loc, ctx = error["type"], tuple(error["loc"]), error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return f"missing required field '{loc[-1]}'", loc[:-1], None
    if kind == "extra_forbidden":
        key = str(loc[-1])
        known = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(key, known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else (f"; allowed here: {', '.join(known)}" if known else "")
        return f"unknown field '{key}'{hint}", loc[:-1], key
    if kind == "literal_error":
        return f"{_shown(value)} is not allowed here; expected one of: {ctx.get('expected', '')}", loc, None
    if kind == "string_pattern_mismatch":
        if loc and loc[-1] == "start":
            return f"{_shown(value)} is not a time of day; write HH:MM, e.g. 18:30", loc, None
        return f"{_shown(value)} is not a valid identifier; use letters, digits, '_', '-' or '.'", loc, None
    if kind in ("string_too_short", "too_short"):
        what = "text" if kind == "string_too_short" else "list"
        return f"this {what} must not be empty", loc, None
    if kind == "string_too_long":
        return f"text is too long (limit {ctx.get('max_length')} characters)", loc, None
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        words = {"greater_than": "greater than", "greater_than_equal": "at least",
                 "less_than": "less than", "less_than_equal": "at most"}[kind]
        limit = next(iter(ctx.values()), "")
        return f"{_shown(value)} is out of range; it must be {words} {limit}", loc, None
    if kind in ("recursion_loop", "recursion_depth_exceeded"):  # pydantic's own depth limit, e.g. conditions nested hundreds deep
        return "this is nested too deeply", loc, None
    if kind == "condition_kind":
        return error["msg"], loc, None
    if kind == "located":  # models.base.refused_at: a model's refusal, about one of its fields
        return ctx["message"], loc + tuple(ctx["at"]), None
    if kind == "too_long":
        return f"this list is too long (limit {ctx.get('max_length'):,} items)", loc, None
    if kind in _TYPE_WORDS:
        hint = ""
        if kind == "string_type" and isinstance(value, (bool, int, float)):
            hint = " (YAML read this as a value; put it in quotes if you mean the text)"
        return f"{_TYPE_WORDS[kind]}, got {_shown(value)}{hint}", loc, None
    if kind == "value_error":
        msg = str(ctx.get("error", error["msg"]))
        return msg, loc, None
    return error["msg"].removeprefix("Value error, "), loc, None


def problems_from(exc: ValidationError, model: type[BaseModel], data: Any, shown_file: str) -> list[Problem]:
    """One Problem per pydantic error, located through the positioned data."""
    out = []
    for error in exc.errors(include_url=False):
        message, loc, unknown_key = message_for(error, model)
        if unknown_key is not None:
            line, column = key_position(data, loc, unknown_key)
            path = format_path(loc + (unknown_key,))
        else:
            line, column = locate(data, loc)
            path = format_path(_drop_tags(loc if error["type"] == "located" else tuple(error["loc"])))
        out.append(Problem(shown_file, line, column, message, path))
    return out


def _drop_tags(loc: tuple) -> tuple:
    """Drop union tags that repeat the key before or after them ('trigger.all.all[0]')."""
    out: list = []
    for i, part in enumerate(loc):
        if out and part == out[-1]:
            continue
        out.append(part)
    return tuple(out)
