"""tabletop graph: the inject graph's edges, and Mermaid, DOT and text that are quoted and fit."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from simulator.authoring.graph import build_graph, to_dot, to_mermaid, to_text
from simulator.loading.pack import load_pack

from .conftest import FIXTURES, ROOT

TABLETOP = Path(sys.executable).parent / "tabletop"


def test_edges_of_the_mini_pack(mini_pack):
    g = build_graph(mini_pack)
    kinds = {(a, b): d["kind"] for a, b, d in g.edges(data=True)}
    assert kinds[("start", "inject:I1")] == "scheduled"
    assert kinds[("inject:I2", "inject:I3")] == "follow_up" and g.edges["inject:I2", "inject:I3"]["label"] == "option hold"
    assert kinds[("inject:I2", "inject:I4")] == "follow_up"
    assert kinds[("state:tension", "inject:I5")] == "state" and g.edges["state:tension", "inject:I5"]["label"] == "above 60"
    assert kinds[("inject:I1", "step:P2")] == "delivered"
    assert kinds[("step:P2", "inject:I7")] == "missed"
    assert all(g.nodes[f"inject:{i.id}"]["reachable"] for i in mini_pack.scenario.injects)


def test_chosen_and_negated_edges_and_unreachable_nodes():
    g = build_graph(load_pack(FIXTURES / "lint" / "unreachable"))
    assert g.edges["inject:I9", "inject:I11"] == {"kind": "chosen", "label": "chosen yes-party"}
    assert g.edges["inject:I8", "inject:I10"]["kind"] == "delivered"
    assert not g.nodes["inject:I8"]["reachable"] and not g.nodes["inject:I11"]["reachable"]
    mermaid = to_mermaid(g)
    assert "classDef never" in mermaid and "  class n8,n9,n10,n11 never" in mermaid
    mini = build_graph(load_pack(FIXTURES / "mini"))
    # the mini dynamics' `not: {action: chief.convene}` is not a trigger; harms are not edges either
    assert not any(d["label"].startswith("not ") for _a, _b, d in mini.edges(data=True))


def _tricky() -> nx.DiGraph:
    g = nx.DiGraph(title='Say "hi" <b>', scenario='odd"id')
    g.add_node("start", kind="start", label="Start")
    g.add_node("inject:A", kind="inject", id="A", title='The "quoted" | piped <tag> # and \\ slash', decision=True,
               reachable=True, label='A: The "quoted" | piped <tag> # and \\ slash')
    g.add_edge("start", "inject:A", kind="scheduled", label='at "00:10"')
    return g


def test_mermaid_escapes_quotes_pipes_and_brackets():
    text = to_mermaid(_tricky())
    assert text.startswith("flowchart LR\n")
    node = next(line for line in text.splitlines() if line.strip().startswith("n1{"))
    assert node == '  n1{"A<br/>The #quot;quoted#quot; #124; piped<br/>#lt;tag#gt; #35; and \\ slash"}'
    assert '"' not in node[6:-2].replace("#quot;", "")


def test_dot_escapes_quotes_and_backslashes():
    text = to_dot(_tricky())
    assert text.startswith('digraph "odd\\"id" {')
    assert '"inject:A" [label="A\\nThe \\"quoted\\" | piped\\n<tag> # and \\\\ slash", shape=diamond];' in text
    assert text.rstrip().endswith("}")


def test_text_tree_fits_80_columns_and_shows_every_inject():
    pack = load_pack(ROOT / "scenarios" / "caldmere-vaisakhi-attack")
    text = to_text(build_graph(pack))
    assert all(len(line) <= 80 for line in text.splitlines())
    for inj in pack.scenario.injects:
        assert f" {inj.id} " in text or f" {inj.id}:" in text or f"{inj.id} ◆" in text, inj.id
    assert "├─ option" in text and "Scheduled:" in text


def test_cli_graph_writes_a_file(tmp_path):
    out = subprocess.run([str(TABLETOP), "graph", str(FIXTURES / "mini"), "--format", "mermaid", "-o", str(tmp_path / "g.mmd")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout == f"wrote {tmp_path / 'g.mmd'} (mermaid)\n"
    assert (tmp_path / "g.mmd").read_text() == to_mermaid(build_graph(load_pack(FIXTURES / "mini")))


def test_cli_graph_formats():
    for fmt, start in (("mermaid", "flowchart LR"), ("dot", 'digraph "mini"'), ("text", "Mini drill (mini)")):
        out = subprocess.run([str(TABLETOP), "graph", str(FIXTURES / "mini"), "--format", fmt],
                             capture_output=True, text=True, timeout=120)
        assert out.returncode == 0 and out.stdout.startswith(start), out.stderr
    bad = subprocess.run([str(TABLETOP), "graph", str(FIXTURES / "mini"), "--format", "png"], capture_output=True, text=True)
    assert bad.returncode == 2
    missing = subprocess.run([str(TABLETOP), "graph", "nowhere"], capture_output=True, text=True)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def _graph(*args):
    from click.testing import CliRunner

    from simulator.cli import main

    return CliRunner().invoke(main, ["graph", str(FIXTURES / "mini"), *[str(a) for a in args]])


def test_cli_graph_refuses_to_overwrite_unless_forced(tmp_path):
    target = tmp_path / "g.txt"
    target.write_text("the author's own notes\n", encoding="utf-8")
    refused = _graph("-o", target)
    assert refused.exit_code == 1 and "already exists" in refused.output and "--force" in refused.output
    assert target.read_text() == "the author's own notes\n"
    forced = _graph("-o", target, "--force")
    assert forced.exit_code == 0, forced.output
    assert target.read_text() == to_text(build_graph(load_pack(FIXTURES / "mini")))


def test_cli_graph_format_follows_the_extension_unless_given(tmp_path):
    g = build_graph(load_pack(FIXTURES / "mini"))
    for name, render in (("a.mmd", to_mermaid), ("b.mermaid", to_mermaid), ("c.dot", to_dot), ("d.gv", to_dot),
                         ("e.txt", to_text)):
        result = _graph("-o", tmp_path / name)
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).read_text() == render(g), name
    unknown = _graph("-o", tmp_path / "f.out")  # not guessed as text: wrong usage, nothing written
    assert unknown.exit_code == 2 and not (tmp_path / "f.out").exists()
    explicit = _graph("-o", tmp_path / "g.mmd", "--format", "dot")
    assert explicit.exit_code == 0 and (tmp_path / "g.mmd").read_text() == to_dot(g)


# ---- the drawings run left to right in time, a cluster per module -----------------------------

def _flagship():
    return load_pack(ROOT / "scenarios" / "caldmere-vaisakhi-attack")


def _clusters(text: str, opener: str, closer: str) -> list[list[str]]:
    out, current = [], None
    for line in text.splitlines():
        if line.strip().startswith(opener):
            current = []
            out.append(current)
        elif line.strip() == closer:
            current = None
        elif current is not None:
            current.append(line)
    return out


def test_mermaid_runs_left_to_right_with_a_cluster_per_module_in_order():
    pack = _flagship()
    text = to_mermaid(build_graph(pack))
    assert text.startswith("flowchart LR\n")
    titles = [line.split('["', 1)[1].rstrip('"]') for line in text.splitlines() if line.startswith("  subgraph module")]
    assert titles == [m.title for m in sorted(pack.scenario.modules, key=lambda m: m.starts_at)]
    s = pack.scenario
    at = {i.id: i.at + i.delay for i in s.injects if i.at is not None}
    for cluster in _clusters(text, "subgraph module", "end"):
        times = [at[i] for line in cluster for i in at if f"· {i}<br/>" in line]
        assert times == sorted(times) and times  # scheduled injects in time order inside each module
    assert "subgraph legend" in text and " ~~~ " in text  # a legend; rows held in time order, not drawn


def test_follow_up_edges_carry_the_option_and_its_delay():
    pack = _flagship()
    g = build_graph(pack)
    text = to_mermaid(g)
    inj = {i.id: i for i in pack.scenario.injects}
    option = inj["I-07"].decision.options[0]
    follow = inj[option.follow_up[0]]
    line = next(x for x in text.splitlines() if "-->|" in x and x.strip().startswith("n7 ") and f"+{follow.delay:g} min" in x)
    assert option.label.split()[0] in line
    scheduled = [x for x in text.splitlines() if x.strip().startswith("n0 -->")]
    assert len(scheduled) == 1  # not one edge from start to every scheduled inject


def test_dot_has_one_font_the_same_clusters_and_a_legend():
    pack = _flagship()
    text = to_dot(build_graph(pack))
    assert 'graph [fontname="Helvetica"' in text and 'node [shape=box, fontname="Helvetica"]' in text
    assert 'edge [fontname="Helvetica"' in text and "rankdir=LR" in text
    labels = [line.strip()[len("label="):].strip('";') for line in text.splitlines()
              if line.startswith("    label=") and "Legend" not in line]
    assert labels == [m.title for m in sorted(pack.scenario.modules, key=lambda m: m.starts_at)]
    assert "subgraph cluster_legend" in text and "[style=invis]" in text


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")
def test_graphviz_draws_the_flagship_compact(tmp_path):
    (tmp_path / "g.dot").write_text(to_dot(build_graph(_flagship())))
    svg = subprocess.run(["dot", "-Tsvg", str(tmp_path / "g.dot")], capture_output=True, text=True, timeout=120)
    assert svg.returncode == 0, svg.stderr
    width, height = (float(x) for x in re.search(r'viewBox="0\.00 0\.00 ([\d.]+) ([\d.]+)"', svg.stdout).groups())
    assert width / height < 5  # the drawing before was a single row over twelve times wider than tall


@pytest.mark.skipif(shutil.which("mmdc") is None, reason="mermaid-cli (mmdc) is not installed")
def test_mermaid_cli_draws_the_flagship_compact(tmp_path):
    (tmp_path / "g.mmd").write_text(to_mermaid(build_graph(_flagship())))
    done = subprocess.run(["mmdc", "-i", str(tmp_path / "g.mmd"), "-o", str(tmp_path / "g.svg")], capture_output=True,
                          text=True, timeout=300)
    if done.returncode != 0 and "browser" in (done.stderr + done.stdout).lower():
        pytest.skip("mermaid-cli has no browser to draw with")
    assert done.returncode == 0, done.stderr
    width, height = (float(x) for x in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', (tmp_path / "g.svg").read_text()).groups())
    assert width / height < 4
