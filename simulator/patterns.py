"""Regular expressions written by trainers (a playbook's `patterns` and facts' `pattern`), run by RE2.

Why RE2: Python's `re` backtracks, so a pattern such as `(x+x+)+y` takes longer than any exercise
to fail against a statement of thirty x's, and `simulate`, the consoles and the scorer hang on
it. RE2 never backtracks: its time grows in step with the text, whatever the pattern, so no
pattern can hang a run, and the answer is the same on every machine (a timeout would make the
pure core depend on how fast the machine is). What RE2 leaves out is what makes backtracking
necessary: backreferences (`\\1`) and lookaround (`(?=...)`, `(?<!...)`). `\\w`, `\\d` and `\\b`
mean ASCII letters, digits and word edges; `\\pL` is any letter.

Phrases and word stems are not patterns: simulator/statements matches those itself, over lemmas.
"""

from __future__ import annotations

import functools

import re2

MAX_PATTERN_CHARS = 300
"""A pattern is a rule a trainer can read; anything longer is not one."""

_MAX_PROGRAM_BYTES = 1 << 20
"""Memory RE2 may give one compiled pattern; `(a{100}){100}` style repetition is refused past it."""


def _options(ignore_case: bool) -> re2.Options:
    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.log_errors = False  # the error is reported to the user as a located problem instead
    options.max_mem = _MAX_PROGRAM_BYTES
    return options


@functools.lru_cache(maxsize=4096)
def compile_pattern(pattern: str, ignore_case: bool = True):
    """The compiled pattern (with .search and .groups like `re`), or ValueError in plain words."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise ValueError(f"a pattern is limited to {MAX_PATTERN_CHARS} characters")
    try:
        return re2.compile(pattern, _options(ignore_case))
    except re2.error as exc:
        detail = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        hint = ""
        if "perl operator" in detail or "escape sequence" in detail:
            hint = " (patterns run on RE2, which has no lookahead, lookbehind or backreferences)"
        elif "too large" in detail or "repetition" in detail:
            hint = " (it repeats too much; write the repetition more simply)"
        raise ValueError(f"pattern {pattern!r} is not a usable regular expression: {detail}{hint}") from None
