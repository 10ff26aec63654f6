"""The hash chain through a format-2 exercise log: what a link is, how a line carries it.

Every line of a `tabletop-log/2` log, the header included, ends with one more field,
`"chain":"<64 hex digits>"`, its link:

    link(1) = sha256(content(1))
    link(n) = sha256(link(n-1) + content(n))      (the previous link as its 64 hex characters)

where content(n) is the line's text without that last field: exactly the JSON the engine wrote
(`Event.to_json`, a command's or the header's model JSON), so replay still compares an event
line with the regenerated event character for character. The log's digest is the link of its
last line: it names the whole log, every line in order.

What this protects against, and what not: the chain is not keyed, so it detects accidental
damage and a naive edit (a changed, removed, moved or added line breaks it at that line), but
anyone can recompute it after a deliberate edit. What makes a later edit detectable is the
digest kept apart from the log: the after-action report prints it, and
`tabletop replay LOG --verify --digest HEX` checks a log against it.
"""

from __future__ import annotations

from hashlib import sha256

START = b""
"""The link before line 1."""
_FIELD = b',"chain":"'
_HEX = 64
SUFFIX = len(_FIELD) + _HEX + 2
"""Bytes the link adds to a line: `,"chain":"` + 64 hex digits + `"}`."""


def next_link(prev: bytes, content: bytes) -> bytes:
    """The link of a line whose content is `content`, after a line whose link is `prev` (hex, as bytes)."""
    return sha256(prev + content).hexdigest().encode("ascii")


def seal(prev: bytes, content: bytes) -> tuple[bytes, bytes]:
    """A line's content (a JSON object's text) -> (the line to write, without its newline; its link)."""
    if not (content.startswith(b"{") and content.endswith(b"}") and len(content) > 2):
        raise ValueError("only a non-empty JSON object can be a log line")
    link = next_link(prev, content)
    return content[:-1] + _FIELD + link + b'"}', link


def split(line: bytes) -> tuple[bytes, bytes | None]:
    """A line (without its newline) -> (its content, its link), or (the line, None) when it has no link."""
    if len(line) > SUFFIX + 1 and line[-SUFFIX:-SUFFIX + len(_FIELD)] == _FIELD and line.endswith(b'"}'):
        return line[:-SUFFIX] + b"}", line[-_HEX - 2:-2]
    return line, None


LIMITS = ("The chain shows accidental damage and a naive edit of a line; it is not keyed, so anyone can "
          "recompute it after a deliberate edit: it is the digest kept apart from the log (in the filed report) "
          "that shows a later change.")
"""What the chain does and does not protect against, in the words the CLI and the report use."""


def unchained(log_format: str) -> str:
    """The plain note for an old log without a chain (format 1): read, never passed silently."""
    return (f"this log is in format {log_format}, from before logs were chained: it has no digest, so an edit "
            "that keeps it consistent cannot be detected")
