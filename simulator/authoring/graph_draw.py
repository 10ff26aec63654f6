"""The inject graph drawn for documents: Mermaid and Graphviz DOT, left to right in time.

Why this layout: drawn as a plain graph, every scheduled inject hangs off 'start' in one rank,
so the picture is one very wide row (9,290 × 735 px for the flagship) in no time order. Here
each module is a cluster, in module order; inside it the scheduled injects run left to right
in time, in rows of ROW, held in place by invisible links rather than drawn edges. What cues
an inject (an option, with its delay; a trigger; a missed plan step) is drawn; when a
scheduled inject arrives is written in its box. Both formats share `_Layout`.
"""

from __future__ import annotations

import math

import networkx as nx

from .timefmt import hhmm

ROW = 6
"""Scheduled injects per row of a module before the row wraps (keeps the picture near 4:3)."""
TITLE_CHARS, LINE_CHARS, OPTION_CHARS = 44, 24, 28
DASHED = ("missed", "state", "action", "statement", "after")
FONT = "Helvetica"


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _lines(text: str, width: int = LINE_CHARS) -> list[str]:
    """Words broken into lines of at most `width` characters (narrow boxes keep the picture compact)."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def _minutes(delay: float) -> str:
    return f"{delay:g} min" if delay < 60 else hhmm(delay)


class _Layout:
    """Clusters, rows and labels, the same for Mermaid and DOT."""

    def __init__(self, g: nx.DiGraph[str]):
        self.g = g
        injects = [(n, d) for n, d in g.nodes(data=True) if d.get("kind") == "inject"]
        order = {n: k for k, n in enumerate(g.nodes)}
        self.clusters: list[tuple[str, str, list[str]]] = []
        """(module id, title, inject nodes in time order) in module order."""
        placed = set()
        for mid, title in g.graph.get("modules", []):
            members = [n for n, d in injects if d.get("module") == mid]
            members.sort(key=lambda n: (self.when(n), order[n]))
            self.clusters.append((mid, title, members))
            placed.update(members)
        self.loose = [n for n in g.nodes if n not in placed]
        """Nodes in no cluster: start, facts, plan steps, injects of no module."""
        self.rows: list[list[str]] = []
        for _mid, _title, members in self.clusters:
            timed = [n for n in members if g.nodes[n].get("at") is not None]
            self.rows.extend(timed[k:k + ROW] for k in range(0, len(timed), ROW))

    def when(self, node: str) -> float:
        d = self.g.nodes[node]
        t = d.get("at") if d.get("at") is not None else d.get("earliest")
        return t if t is not None else math.inf

    def label(self, node: str) -> list[str]:
        """The lines of a node's box: for an inject its time and id, then its title (shortened)."""
        d = self.g.nodes[node]
        if d.get("kind") != "inject":
            return _lines(d.get("label", node))
        head = f"{hhmm(d['at'])} · {d['id']}" if d.get("at") is not None else str(d["id"])
        return [head, *_lines(_short(d.get("title", ""), TITLE_CHARS))]

    def edge_label(self, a: str, b: str) -> str:
        d = self.g.edges[a, b]
        if d.get("kind") == "scheduled":
            return ""  # the box says when; this edge only shows where time begins
        delay = self.g.nodes[b].get("delay") or 0
        wait = f" · +{_minutes(delay)}" if delay and d.get("kind") in ("follow_up", "delivered", "chosen") else ""
        if d.get("kind") == "follow_up" and d.get("option"):
            return _short(d["option"], OPTION_CHARS) + wait
        return _short(d.get("label", ""), OPTION_CHARS + 8) + wait

    def edges(self) -> list[tuple[str, str]]:
        """The edges to draw: all but 'scheduled' ones (a box says when it is scheduled), except
        from start to the first scheduled inject, so the picture says where time begins."""
        first = self.rows[0][0] if self.rows else None
        return [(a, b) for a, b, d in self.g.edges(data=True) if d.get("kind") != "scheduled" or b == first]

    def holds(self) -> list[tuple[str, str]]:
        """Invisible links that place things: start before each row, each row in time order."""
        out = []
        for row in self.rows:
            out.append(("start", row[0]))
            out.extend(zip(row, row[1:]))
        return out


# ---- Mermaid ---------------------------------------------------------------------------------

def _mermaid_text(text: str) -> str:
    """Mermaid labels in double quotes: quotes and angle brackets as entity codes, one line."""
    out = " ".join(str(text).split())
    for ch, code in (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("|", "#124;")):
        out = out.replace(ch, code)
    return out


_MERMAID_LEGEND = [
    "  subgraph legend[\"Legend\"]",
    "    direction LR",
    '    lg1["00:35 · ID<br/>inject sent at an elapsed time"]',
    '    lg2{"decision"}',
    '    lg3[/"plan step"/]',
    '    lg4(["state, action or statement"])',
    '    lg5["inject never delivered"]:::never',
    '    lg2 -->|"option · +delay"| lg1',
    '    lg3 -.->|"missed"| lg1',
    '    lg4 -.->|"trigger"| lg1',
    "  end",
]


def to_mermaid(g: nx.DiGraph[str]) -> str:
    layout = _Layout(g)
    ids = {node: f"n{k}" for k, node in enumerate(g.nodes)}

    def node(n: str, indent: str) -> str:
        d = g.nodes[n]
        label = "<br/>".join(_mermaid_text(x) for x in layout.label(n))
        kind = d.get("kind")
        if kind == "inject" and d.get("decision"):
            return f'{indent}{ids[n]}{{"{label}"}}'
        if kind == "inject":
            return f'{indent}{ids[n]}["{label}"]'
        if kind == "step":
            return f'{indent}{ids[n]}[/"{label}"/]'
        return f'{indent}{ids[n]}(["{label}"])'

    lines = ["flowchart LR", f"  %% {_mermaid_text(g.graph.get('title', ''))}", *_MERMAID_LEGEND]
    lines += [node(n, "  ") for n in layout.loose]
    for k, (_mid, title, members) in enumerate(layout.clusters):
        lines.append(f'  subgraph module{k + 1}["{_mermaid_text(title)}"]')
        lines += [node(n, "    ") for n in members]
        lines.append("  end")
    for a, b in layout.holds():
        lines.append(f"  {ids[a]} ~~~ {ids[b]}")
    for a, b in layout.edges():
        arrow = "-.->" if g.edges[a, b].get("kind") in DASHED else "-->"
        label = _mermaid_text(layout.edge_label(a, b))
        lines.append(f'  {ids[a]} {arrow}|"{label}"| {ids[b]}' if label else f"  {ids[a]} {arrow} {ids[b]}")
    unreachable = [ids[n] for n, d in g.nodes(data=True) if d.get("kind") == "inject" and not d.get("reachable")]
    lines.append("  classDef never stroke-dasharray: 5 5,color:#999")
    if unreachable:
        lines.append(f"  class {','.join(unreachable)} never")
    return "\n".join(lines) + "\n"


# ---- DOT -------------------------------------------------------------------------------------

def _dot(text: str) -> str:
    return '"' + " ".join(str(text).split()).replace("\\", "\\\\").replace('"', '\\"') + '"'


_SHAPES = {"start": "oval", "step": "parallelogram", "state": "ellipse", "action": "ellipse", "statement": "ellipse"}


def to_dot(g: nx.DiGraph[str]) -> str:
    layout = _Layout(g)
    font = f'fontname="{FONT}"'

    def node(n: str, indent: str) -> str:
        d = g.nodes[n]
        kind = d.get("kind", "")  # every node has one (see build_graph); "" gives a plain box
        shape = "diamond" if kind == "inject" and d.get("decision") else _SHAPES.get(kind, "box")
        style = ", style=dashed" if kind == "inject" and not d.get("reachable") else ""
        text = '"' + "\\n".join(_dot(x)[1:-1] for x in layout.label(n)) + '"'
        return f"{indent}{_dot(n)} [label={text}, shape={shape}{style}];"

    lines = [f"digraph {_dot(g.graph.get('scenario', 'scenario'))} {{", "  rankdir=LR;", "  newrank=true;",
             f"  graph [{font}, label={_dot(g.graph.get('title', ''))}, labelloc=t];",
             f"  node [shape=box, {font}];", f"  edge [{font}, fontsize=10];"]
    lines += [node(n, "  ") for n in layout.loose]
    for k, (_mid, title, members) in enumerate(layout.clusters):
        lines.append(f"  subgraph cluster_{k + 1} {{")
        lines.append(f"    label={_dot(title)};")
        lines += [node(n, "    ") for n in members]
        lines.append("  }")
    lines += ["  subgraph cluster_legend {", '    label="Legend";',
              '    lg1 [label="00:35 · ID\\ninject sent at an elapsed time", shape=box];',
              '    lg2 [label="decision", shape=diamond];', '    lg3 [label="plan step", shape=parallelogram];',
              '    lg4 [label="state, action\\nor statement", shape=ellipse];',
              '    lg5 [label="never delivered", shape=box, style=dashed];',
              '    lg2 -> lg1 [label="option · +delay"];', '    lg3 -> lg1 [label="missed", style=dashed];',
              '    lg4 -> lg1 [label="trigger", style=dashed];', "  }"]
    for a, b in layout.holds():
        lines.append(f"  {_dot(a)} -> {_dot(b)} [style=invis];")
    for a, b in layout.edges():
        style = ", style=dashed" if g.edges[a, b].get("kind") in DASHED else ""
        label = layout.edge_label(a, b)
        lines.append(f"  {_dot(a)} -> {_dot(b)} [label={_dot(label)}{style}];" if label else f"  {_dot(a)} -> {_dot(b)};")
    lines.append("}")
    return "\n".join(lines) + "\n"
