"""Safe YAML reading with source positions.

Why: every mistake in a scenario must be reported at file:line:column. PyYAML's safe loader
knows node positions; we keep them next to the plain data, refuse what could hurt us (unsafe
tags, duplicate keys, alias bombs, huge or binary files) and report it in plain words.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from .problems import Problem, ValidationFailed, display_path

MAX_BYTES = 5_000_000
"""Scenario files are text written by people; anything larger is a mistake or an attack."""
MAX_NODES = 2_000_000
"""Upper bound on the size of the document once aliases are expanded (defuses alias bombs)."""
MAX_DEPTH = 100
"""Deepest nesting of lists and mappings. Real files stay under 20; a limit of our own reports
the place it was passed, the same in every process, instead of hitting Python's recursion limit."""


class PosDict(dict):
    """A mapping that remembers where each key and value stood in the file."""

    key_pos: dict
    value_pos: dict
    pos: tuple[int, int]


class PosList(list):
    """A sequence that remembers where each item stood in the file."""

    item_pos: list
    pos: tuple[int, int]


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


if getattr(yaml, "__with_libyaml__", False):

    # libyaml's CParser, as yaml.cyaml imports it; its stubs do not re-export it (not in __all__),
    # hence the two ignores. They also leave this base untyped, which the stubs need: their
    # add_constructor accepts only PyYAML's own loader classes, not one composed like this.
    class _Base(Composer, yaml.cyaml.CParser, SafeConstructor, Resolver):  # type: ignore[name-defined]
        """libyaml scans and parses (much faster on big MSELs); the pure-Python composer builds the nodes.

        Why: libyaml's own composer recurses in C and kills the process with a segfault on
        deeply nested input ('[[[[...' 50,000 deep); the Python composer raises RecursionError,
        which load_yaml reports as a located problem. Composer comes first so its methods win.
        """

        def __init__(self, stream):
            yaml.cyaml.CParser.__init__(self, stream)  # type: ignore[attr-defined]
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader  # type: ignore[misc, assignment]


class _Loader(_Base):
    """SafeLoader that builds PosDict/PosList and refuses duplicate keys."""

    def __init__(self, stream, filename: str):
        super().__init__(stream)
        self.filename = filename
        self._written: dict[int, set[int]] = {}
        """Mapping node id -> ids of the key nodes written in it, as opposed to merged in by '<<'."""
        self._depth = 0

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Located(self.peek_event(), f"nested more than {MAX_DEPTH} levels deep; refused")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def flatten_mapping(self, node: MappingNode) -> None:
        # Why: '<<: *base' copies base's keys in front of the written ones, and a written key
        # overrides a merged one (that is what merge keys are for). Only two *written* keys
        # with the same name are a duplicate, so remember which were written before merging.
        self._written.setdefault(id(node), {id(k) for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge"})
        super().flatten_mapping(node)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> PosDict:
        self.flatten_mapping(node)
        written_here, written = self._written[id(node)], set()
        out = PosDict()
        out.key_pos, out.value_pos, out.pos = {}, {}, _mark(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise _Located(key_node, "a key must be plain text")
            key = str(key) if not isinstance(key, str) else key
            if id(key_node) in written_here:
                if key in written:
                    first = out.key_pos[key]
                    raise _Located(key_node, f"duplicate key '{key}' (first defined at line {first[0]})")
                written.add(key)
            out[key] = self.construct_object(value_node, deep=True)
            out.key_pos[key] = _mark(key_node)
            out.value_pos[key] = _mark(value_node)
        return out

    def construct_object(self, node: Node, deep: bool = False):
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, IndexError, KeyError, AttributeError, OverflowError):
            # Why: PyYAML's own constructors crash on a value that does not fit its explicit tag
            # (`!!float`, `!!int x`, `!!bool maybe`, `!!timestamp 2020-13-45`, `!!seq text`).
            if not isinstance(node, Node):  # `!!seq text` hands us characters: the caller locates it
                raise
            raise _Located(node, f"this value cannot be read as '{node.tag.rsplit(':', 1)[-1]}'; remove the tag or fix the value") from None

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> PosList:
        out = PosList(self.construct_object(child, deep=True) for child in node.value)
        out.item_pos, out.pos = [_mark(child) for child in node.value], _mark(node)
        return out

    def construct_undefined(self, node: Node):
        raise _Located(node, f"the tag '{node.tag}' is not allowed: scenario files are plain data, custom tags are refused")


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _Loader.construct_sequence)
_Loader.add_constructor(None, _Loader.construct_undefined)
# Dates stay text: '2025-05-01' is a label in a scenario, not a datetime to serialise.
# Only true/false are booleans (as in YAML 1.2): 'no' is Norwegian and 'on' is a word.
_BOOL_TAG = "tag:yaml.org,2002:bool"
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp" and tag != _BOOL_TAG]
    for k, v in _Base.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


class _Located(Exception):
    def __init__(self, node: Node, message: str):  # or a parser event: anything with a start_mark
        super().__init__(message)
        self.line, self.column = _mark(node)
        self.message = message


def _expanded_size(root: Node) -> int:
    """Number of nodes once aliases are expanded, computed without expanding them.

    Raises _Located for an alias inside its own anchor ('a: &x [*x]'): such a document is
    infinite, and without this check the walk below never ends.
    """
    memo: dict[int, int] = {}
    open_: set[int] = set()  # nodes whose children are still being counted (the current path)
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in memo:
            continue
        if isinstance(node, ScalarNode):
            memo[id(node)] = 1
            continue
        if not done and id(node) in open_:
            raise _Located(node, "an alias refers to a value that contains it (an endless loop); refused")
        children = [c for pair in node.value for c in pair] if isinstance(node, MappingNode) else list(node.value)
        if done:
            open_.discard(id(node))
            memo[id(node)] = 1 + sum(memo.get(id(c), 1) for c in children)
            if memo[id(node)] > MAX_NODES:
                return memo[id(node)]
        else:
            open_.add(id(node))
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in memo)
    return memo[id(root)]


def read_text(path: Path) -> str:
    """Read a file as UTF-8 text, refusing what cannot be a scenario file."""
    shown = display_path(path)
    # Why the try: a name too long for the system, a file we may not read or a broken disk
    # raise OSError, which must become a located problem rather than a traceback.
    try:
        if not path.exists():
            raise ValidationFailed([Problem(shown, 1, 1, "no such file")])
        if path.is_dir():
            raise ValidationFailed([Problem(shown, 1, 1, "this is a folder, but a YAML file was expected here")])
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ValidationFailed([Problem(shown, 1, 1, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")])
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationFailed([Problem(shown, 1, 1, f"cannot read this file: {exc.strerror or exc}")]) from None
    if not data.strip():
        raise ValidationFailed([Problem(shown, 1, 1, "file is empty")])
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ValidationFailed([Problem(shown, line, 1, "this looks like a binary file, not YAML text")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ValidationFailed([Problem(shown, line, column, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8")]) from None


def load_yaml(path: Path, text: str | None = None):
    """Parse one YAML document into PosDict/PosList data, or raise ValidationFailed."""
    shown = display_path(path)
    if text is None:
        text = read_text(path)
    loader = _Loader(text, shown)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ValidationFailed([Problem(shown, 1, 1, "file holds no YAML document")])
        if _expanded_size(node) > MAX_NODES:
            raise ValidationFailed([Problem(shown, *_mark(node), f"document has more than {MAX_NODES:,} values once aliases are expanded; refused (an alias bomb?)")])
        return loader.construct_document(node)
    except _Located as exc:
        raise ValidationFailed([Problem(shown, exc.line, exc.column, exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "invalid YAML"
        if "expected a single document" in str(exc) or "but found another document" in what:
            what = "the file holds more than one YAML document; keep one per file"
        elif exc.context and "found duplicate anchor" in exc.context and exc.context_mark is not None:
            anchor = exc.context.split("anchor ", 1)[1].split(";")[0]
            what = f"the anchor &{anchor.strip(chr(39))} is already defined at line {exc.context_mark.line + 1}; anchors must be unique"
        elif "cannot start any token" in what and mark is not None and text[mark.index:mark.index + 1] == "\t":
            what = "a tab cannot indent YAML; use spaces"  # libyaml does not name the character
        elif exc.context and exc.context_mark is not None and mark is not None and exc.context_mark.line != mark.line:
            # Where the unfinished thing began: often the real mistake (an unclosed '[' or quote).
            what += f" ({exc.context} from line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1})"
        if any(k in what for k in ("did not find expected", "mapping values are not allowed", "could not find expected")):
            # libyaml reports where it gave up, which is often a line or two after the slip.
            what += "; check the indentation here and just above, and look for a quote or bracket left open"
        raise ValidationFailed([Problem(shown, line, column, f"YAML syntax: {what}")]) from None
    except yaml.reader.ReaderError:
        # Why: a character YAML forbids (a control character, say). The error carries an offset
        # whose unit depends on the parser (bytes for libyaml, characters for PyYAML) and a
        # multi-line message, so find the character ourselves and report its line and column.
        bad = yaml.reader.Reader.NON_PRINTABLE.search(text)
        if bad is None:
            raise ValidationFailed([Problem(shown, 1, 1, "YAML syntax: the file holds a character YAML does not allow")]) from None
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        char = bad.group()
        raise ValidationFailed([Problem(shown, line, column, f"character U+{ord(char):04X} is not allowed in YAML text; remove it or write it as an escape in double quotes")]) from None
    except yaml.YAMLError as exc:
        raise ValidationFailed([Problem(shown, 1, 1, f"YAML syntax: {exc}")]) from None
    except RecursionError:
        raise ValidationFailed([Problem(shown, 1, 1, "the document is nested too deeply")]) from None
    finally:
        loader.dispose()


def locate(data, loc: tuple) -> tuple[int, int]:
    """Walk a field path through positioned data; return the closest known (line, column).

    Segments that are not keys (union tags such as a condition kind) are skipped.
    """
    line_col = getattr(data, "pos", (1, 1))
    node = data
    for part in loc:
        if isinstance(node, PosDict) and isinstance(part, str) and part in node:
            line_col = node.value_pos.get(part, line_col)
            key_line_col = node.key_pos.get(part, line_col)
            child = node[part]
            # A scalar value is pointed at directly; a block value at its key, which reads better.
            line_col = line_col if not isinstance(child, (PosDict, PosList)) else key_line_col
            node = child
        elif isinstance(node, PosList) and isinstance(part, int) and 0 <= part < len(node):
            line_col = node.item_pos[part]
            node = node[part]
        else:
            continue
    return line_col


def key_position(data, loc: tuple, key: str) -> tuple[int, int]:
    """Position of a key inside the mapping at `loc` (for unknown-key errors)."""
    node = data
    for part in loc:
        if isinstance(node, PosDict) and isinstance(part, str) and part in node:
            node = node[part]
        elif isinstance(node, PosList) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
    if isinstance(node, PosDict) and key in node.key_pos:
        return node.key_pos[key]
    return locate(data, loc)
