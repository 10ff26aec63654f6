"""Authoring commands say what is wrong instead of doing something else: a follow-up loop that
cues nothing is a lint error, and `graph -o g.pdf` does not write text into a PDF."""

from __future__ import annotations

from .attack_kit import copy_pack, edit, refused, tabletop


def test_an_option_that_follows_up_with_its_own_inject_is_a_lint_error(tmp_path):
    pack = copy_pack(tmp_path)
    edit(pack / "scenario.yaml", "follow_up: [I3]}", "follow_up: [I3, I2]}")
    assert tabletop("validate", pack).returncode == 0  # a valid pack that cannot play as written
    result = tabletop("lint", pack)
    assert refused(result)
    errors = [line for line in result.stderr.splitlines() if "injects[1].decision.options[0].follow_up[1]:" in line]
    assert len(errors) == 1 and "itself" in errors[0] and not errors[0].endswith("(warning)"), result.stderr
    assert tabletop("lint", copy_pack(tmp_path, "clean")).returncode == 0


def test_graph_refuses_an_extension_it_cannot_write(tmp_path):
    for name in ("g.pdf", "g.png", "g.svg", "graph"):
        result = tabletop("graph", copy_pack(tmp_path, f"p-{name}"), "-o", tmp_path / name)
        assert refused(result, code=2) and not (tmp_path / name).exists(), (name, result.stderr)
    ok = tabletop("graph", copy_pack(tmp_path, "p-ok"), "-o", tmp_path / "g.pdf.dot")
    assert ok.returncode == 0 and (tmp_path / "g.pdf.dot").read_text().startswith("digraph")
