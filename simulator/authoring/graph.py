"""The inject and branch graph of a scenario (networkx), drawn as Mermaid, Graphviz DOT or a
terminal tree.

Nodes: 'start', 'inject:ID', 'step:ID' (plan steps with contingency injects), and the facts
triggers read: 'state:VAR', 'action:ID', 'statement'. Edges carry a `kind`:
scheduled (start -> inject at a minute), follow_up (decision -> inject cued by an option),
chosen (decision -> inject whose trigger asks for an option), delivered (inject -> inject whose
trigger waits for it), state / action / statement / after (fact -> triggered inject),
triggers (inject -> plan step it starts) and missed (plan step -> contingency inject).
"""

from __future__ import annotations

import networkx as nx

from .. import judge
from ..loading.pack import Pack
from ..models import conditions as c
from .modules import module_of
from .reach import NEVER, Analysis
from .timefmt import hhmm

WIDTH = 80


def _state_words(leaf: c.WhenState) -> str:
    return " and ".join(f"{k.replace('_', ' ')} {v:g}" for k in ("above", "at_least", "below", "at_most")
                        if (v := getattr(leaf, k)) is not None)


def _leaves(cond, negated: bool = False):
    """(leaf, negated) for every leaf; 'not' flips the flag so edges can say 'not ...'."""
    if isinstance(cond, c.WhenAll):
        for x in cond.all:
            yield from _leaves(x, negated)
    elif isinstance(cond, c.WhenAny):
        for x in cond.any_:
            yield from _leaves(x, negated)
    elif isinstance(cond, c.WhenNot):
        yield from _leaves(cond.not_, not negated)
    elif cond is not None:
        yield cond, negated


def _trigger_edges(g: nx.DiGraph[str], cond, target: str) -> None:
    for leaf, negated in _leaves(cond):
        _leaf_edge(g, leaf, target, "not " if negated else "")


def _leaf_edge(g: nx.DiGraph[str], leaf, target: str, no: str) -> None:
    if isinstance(leaf, c.WhenDelivered):
        g.add_edge(f"inject:{leaf.delivered}", target, kind="delivered", label=f"{no}delivered")
    elif isinstance(leaf, c.WhenChosen):
        g.add_edge(f"inject:{leaf.chosen}", target, kind="chosen", label=f"{no}chosen {leaf.option}")
    elif isinstance(leaf, c.WhenState):
        g.add_node(f"state:{leaf.state}", kind="state", label=f"state {leaf.state}")
        g.add_edge(f"state:{leaf.state}", target, kind="state", label=no + _state_words(leaf))
    elif isinstance(leaf, c.WhenAction):
        g.add_node(f"action:{leaf.action}", kind="action", label=f"action {leaf.action}")
        g.add_edge(f"action:{leaf.action}", target, kind="action", label=f"{no}taken" + (f" by {leaf.by}" if leaf.by else ""))
    elif isinstance(leaf, c.WhenStatement):
        g.add_node("statement", kind="statement", label="public statement")
        g.add_edge("statement", target, kind="statement", label=no + (leaf.statement.covers or "any statement"))
    elif isinstance(leaf, c.WhenAfter):
        g.add_edge("start", target, kind="after", label=f"{no}after {hhmm(leaf.after)}")


def build_graph(pack: Pack) -> nx.DiGraph[str]:
    """The scenario's injects and what leads from one to another; each inject node knows its
    module (modules.py) and time, for drawings that run left to right in time."""
    s = pack.scenario
    reach = Analysis(s, pack.plan, pack.roles).run()
    modules = sorted(s.modules, key=lambda m: m.starts_at)
    g: nx.DiGraph[str] = nx.DiGraph(title=s.title, scenario=s.id, modules=[(m.id, m.title) for m in modules])
    g.add_node("start", kind="start", label=f"Start (clock {s.clock.start})")
    for inj in s.injects:
        t = reach.injects[inj.id]
        module = module_of(s, inj, t)
        g.add_node(f"inject:{inj.id}", kind="inject", id=inj.id, title=inj.title, decision=inj.decision is not None,
                   severity=inj.severity, earliest=None if t == NEVER else t, reachable=t < s.clock.duration,
                   at=None if inj.at is None else inj.at + inj.delay, delay=inj.delay,
                   module=module.id if module is not None else None, label=f"{inj.id}: {inj.title}")
    for inj in s.injects:
        node = f"inject:{inj.id}"
        if inj.at is not None:
            g.add_edge("start", node, kind="scheduled", label=f"at {hhmm(inj.at)}")
        _trigger_edges(g, inj.trigger, node)
        if inj.decision is not None:
            for o in inj.decision.options:
                for f in o.follow_up:
                    g.add_edge(node, f"inject:{f}", kind="follow_up", label=f"option {o.id}", option=o.label)
    for step_id, injects in pack.contingencies.items():
        step = pack.expectations[step_id]
        snode = f"step:{step_id}"
        g.add_node(snode, kind="step", label=f"plan step {step_id}")
        _trigger_edges(g, step.trigger, snode)
        if step.trigger is None:
            g.add_edge("start", snode, kind="triggers", label="from the start")
        for inj in injects:
            g.add_edge(snode, f"inject:{inj.id}", kind="missed", label=f"missed after {judge.grace_ends(step.within, step.grace):g} min")
    return g


# ---- terminal tree ---------------------------------------------------------------------------

def _fit(text: str, width: int = WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def to_text(g: nx.DiGraph[str]) -> str:
    """A readable tree: scheduled injects in time order, each with what it leads to."""
    out = [_fit(f"{g.graph.get('title', '')} ({g.graph.get('scenario', '')})")]
    shown: set[str] = set()

    def name(node: str) -> str:
        d = g.nodes[node]
        if d.get("kind") != "inject":
            return d.get("label", node)
        mark = " ◆" if d.get("decision") else ""
        never = "" if d.get("reachable") else " (never delivered)"
        return f"{d['id']}{mark} {d['title']}{never}"

    def children(node: str, prefix: str) -> None:
        succ = [(b, data) for b, data in g.succ[node].items()]
        for k, (b, data) in enumerate(succ):
            last = k == len(succ) - 1
            branch = "└─ " if last else "├─ "
            seen = b in shown
            out.append(_fit(f"{prefix}{branch}{data.get('label', '')} → {name(b)}" + (" (see above)" if seen else "")))
            if not seen:
                shown.add(b)
                children(b, prefix + ("   " if last else "│  "))

    scheduled = sorted(((data["label"], b) for b, data in g.succ["start"].items() if data.get("kind") == "scheduled"),
                       key=lambda x: (g.nodes[x[1]].get("earliest") or 0, x[1]))
    out.append("Scheduled:")
    for label, node in scheduled:
        shown.add(node)
    for label, node in scheduled:
        out.append(_fit(f"{label[3:]:>6}  {name(node)}"))
        children(node, "        ")
    facts = [n for n, d in g.nodes(data=True) if d.get("kind") in ("state", "action", "statement")]
    timed = [(b, data) for b, data in g.succ["start"].items() if data.get("kind") in ("after", "triggers")]
    if facts or timed:
        out.append("Triggered by play:")
        for node in facts:
            out.append(_fit(f"  {g.nodes[node]['label']}"))
            children(node, "    ")
        for b, data in timed:
            out.append(_fit(f"  {data['label']} → {name(b)}"))
            if b not in shown:
                shown.add(b)
                children(b, "    ")
    rest = [n for n, d in g.nodes(data=True) if d.get("kind") == "inject" and n not in shown]
    if rest:
        out.append("Not reached from the above:")
        for node in rest:
            out.append(_fit(f"  {name(node)}"))
    return "\n".join(out) + "\n"


from .graph_draw import to_dot, to_mermaid  # noqa: E402  (they draw what build_graph makes)

FORMATS = {"mermaid": to_mermaid, "dot": to_dot, "text": to_text}
