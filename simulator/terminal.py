"""Text on its way to a terminal: control characters shown, never obeyed.

Why: scenario text, log text and spreadsheet cells come from files anyone can write. A
terminal obeys the characters below: ESC starts sequences that recolour, move the cursor,
clear the screen, set the window title or (in some terminals) write files; a carriage return
or backspace overwrites what was printed, so a finding can be made to read differently. Each
is printed as its escape (`\\x1b`), visible and harmless. One function, used by everything
that prints text from outside (the command line, validation messages), so the rule is the
same everywhere.
"""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 controls except tab and newline, DEL, and the C1 controls (0x9b is a one-byte ESC [)."""



def _escaped(ch: str) -> str:
    return ch.encode("unicode_escape").decode("ascii")


def printable(text: str, one_line: bool = False) -> str:
    """`text` with every control character written as its escape: ESC as '\\x1b'.

    Tabs and newlines are kept. With `one_line`, every character Python does not call
    printable is escaped, line breaks and separators included: for a message that editors and
    CI read as exactly one line, like `file:line:column: ...`."""
    if one_line:
        return "".join(ch if ch.isprintable() else _escaped(ch) for ch in text)
    return CONTROL.sub(lambda m: _escaped(m.group(0)), text)


def first_control_character(text: str) -> int | None:
    """Index of the first character `printable` would escape (tabs and newlines are fine), or None."""
    found = CONTROL.search(text)
    return found.start() if found else None
