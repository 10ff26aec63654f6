"""One report, three formats, one roll-up: every count and rating in the HTML, Markdown and Word
reports agrees with the scorecard, on every shipped pack played by every staff policy; the Word
file has its headings, tables, bookmarks, running header and page numbers; the Markdown charts
are SVG files beside it; and LibreOffice opens the Word file when it is installed."""

from __future__ import annotations

import html as html_lib
import io
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from docx import Document

from simulator.loading.pack import load_pack
from simulator.report.build import build_report
from simulator.report.data import gather
from simulator.report.docx import render_docx
from simulator.report.html import render_html
from simulator.report.markdown import render_markdown
from simulator.report.model import RATINGS
from simulator.scoring.model import SEVERITY

from .conftest import ROOT, run_headless

TABLETOP = Path(sys.executable).parent / "tabletop"
PACKS = sorted(p.name for p in (ROOT / "scenarios").iterdir() if (p / "scenario.yaml").exists())
POLICIES = ["plan", "late", "idle", "random"]


@pytest.fixture(scope="module")
def logs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("played")
    out = {}
    for name in PACKS:
        pack = load_pack(ROOT / "scenarios" / name)
        for policy in POLICIES:
            log = folder / f"{name}-{policy}.jsonl"
            run_headless(pack, 3, policy, log)
            out[name, policy] = log
    return out


def _counts(parts) -> str:
    c = Counter(p.counted for p in parts)
    return ", ".join(f"{c[r]} {r}" for r in RATINGS if c[r])


def _check_model(data, report):
    """The model against the scorecard: Table 1, the sections, the areas, the plan and the counts."""
    card = data.card
    rolled = {r.id.split(":", 1)[1]: r for r in card.objectives}
    findings = {f.id: f for f in card.findings}
    assert [row.id for row in report.table1] == [o.id for o in data.pack.scenario.objectives]
    for row, sec in zip(report.table1, report.objectives):
        r = rolled[row.id]
        assert row.rating == r.rating == sec.rating and row.reason == sec.reason and row.counted == len(r.parts)
        if r.parts and r.override is None:
            if all(p.counted == r.suggested for p in r.parts):
                assert f"All {len(r.parts)} ratings counted are {r.suggested}." in row.reason
            else:
                assert f"{len(r.parts)} ratings counted ({_counts(r.parts)})" in row.reason
            capped = sum(1 for p in r.parts if p.counted != p.rating)
            assert (f"{capped} plan step" in row.reason and "count" in row.reason) if capped else "counted as M" not in row.reason
        # a section lists only findings its objective's roll-up counted, and every one of those rated S, M or U
        listed = {o.finding for a in sec.areas for o in a.observations}
        assert listed <= set(r.findings)
        assert listed == {f for f in r.findings if findings[f].rating in ("S", "M", "U")}
    capabilities = {r.title: set(r.findings) for r in card.capabilities}
    for o in data.pack.scenario.objectives:
        decisions = {f for f in rolled[o.id].findings if findings[f].expectation is None}
        assert decisions <= capabilities[o.capability], "what an objective counts, its capability counts too"
    bad = {f.id for f in card.findings if f.rating in ("S", "M", "U")}
    shown = [o.finding for a in report.areas for o in a.observations]
    assert sorted(shown) == sorted(bad), "every finding rated S, M or U is in exactly one area for improvement"
    for a in report.areas:
        for o in a.observations:
            assert o.rating == findings[o.finding].rating
        assert a.ref.rating == max((o.rating for o in a.observations), key=SEVERITY.__getitem__)
    assert [a.ref.number for a in report.areas] == list(range(1, len(report.areas) + 1))
    assert [(p.number, p.area.rating) for p in report.plan] == [(a.ref.number, a.ref.rating) for a in report.areas]
    c = report.counts
    assert (c.findings, c.rated, c.areas) == (len(card.findings), len(bad), len(report.areas))
    by_rating = Counter(o.rating for o in card.objectives)
    words = {"P": "performed without challenges", "S": "performed with some challenges",
             "M": "performed with major challenges", "U": "unable to be performed"}
    summary = " ".join(report.summary.paragraphs)
    for k, n in by_rating.items():
        if k in words:
            assert f"{n} {words[k]} ({k})" in summary
    assert f"The scorer made {c.findings} finding" in summary and f"grouped into {c.areas} area" in summary


def _check_html(report, page: str):
    rows = re.findall(r'<tr data-objective="([^"]+)" data-rating="([^"]+)">(.*?)</tr>', page, re.DOTALL)
    assert [(o, r) for o, r, _ in rows] == [(row.id, row.rating) for row in report.table1]
    for (_o, rating, cells), row in zip(rows, report.table1):
        marks = re.findall(r'<td class="mark(?: r-(\w))?">(\w?)</td>', cells)
        assert [m for _c, m in marks] == [k if k == rating else "" for k in RATINGS]
        assert html_lib.escape(row.reason, quote=True) in cells or row.reason in html_lib.unescape(cells)
    arts = re.findall(r'<article class="afi[^"]*" id="afi-(\d+)" data-rating="(\w)">', page)
    assert [(int(n), r) for n, r in arts] == [(a.ref.number, a.ref.rating) for a in report.areas]
    plan = re.findall(r'<tr id="ip-(\d+)" data-rating="(\w)">', page)
    assert [(int(n), r) for n, r in plan] == [(p.number, p.area.rating) for p in report.plan]
    text = html_lib.unescape(page)
    assert f"The scorer made {report.counts.findings} finding" in text


def _check_markdown(report, md: str):
    table1 = [line for line in md.splitlines() if re.match(r"\| \[OBJ", line) or re.match(r"\| \[[^\]]+\]\(#obj-", line)]
    assert len(table1) == len(report.table1)
    for line, row in zip(table1, report.table1):
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        assert cells[2:6] == [f"**{k}**" if k == row.rating else "" for k in RATINGS], line
    heads = re.findall(r"^##### Area for improvement (\d+): .* \((\w)\)$", md, re.MULTILINE)
    assert [(int(n), r) for n, r in heads] == [(a.ref.number, a.ref.rating) for a in report.areas]
    plan = re.findall(r'^\| <a id="ip-(\d+)"></a>\d+ \|.*\((\w)\) \|', md, re.MULTILINE)
    assert [(int(n), r) for n, r in plan] == [(p.number, p.area.rating) for p in report.plan]
    assert f"The scorer made {report.counts.findings} finding" in md


def _docx_tables(doc):
    table1 = next(t for t in doc.tables if [c.text for c in t.rows[0].cells][:6] == ["Objective", "Core capability", *RATINGS])
    plan = next((t for t in doc.tables if t.rows[0].cells[0].text == "No." and "Corrective action (draft)" in
                 [c.text for c in t.rows[0].cells]), None)
    return table1, plan


def _check_docx(report, data: bytes):
    doc = Document(io.BytesIO(data))
    table1, plan = _docx_tables(doc)
    assert len(table1.rows) - 1 == len(report.table1), "Table 1: one row per objective"
    for row, want in zip(table1.rows[1:], report.table1):
        cells = [c.text for c in row.cells]
        assert cells[0].startswith(want.id) and cells[2:6] == [k if k == want.rating else "" for k in RATINGS]
        assert cells[6] == want.reason
    if not report.plan:
        assert plan is None and "No area for improvement, so no corrective action is proposed." in \
            [p.text for p in doc.paragraphs]
    else:
        assert plan is not None and len(plan.rows) - 1 == len(report.plan), "the improvement plan: one row per area"
        for row, want in zip(plan.rows[1:], report.plan):
            assert row.cells[0].text == str(want.number) and row.cells[2].text.endswith(f"({want.area.rating})")
            assert row.cells[3].text == want.action
    heads = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    afi = [h for h in heads if h.startswith("Area for improvement ")]
    assert afi == [f"Area for improvement {a.ref.number}: {a.ref.title} ({a.ref.rating})" for a in report.areas]
    for i, (_sid, title) in enumerate(report.sections, 1):
        assert f"{i}. {title}" in heads
    for sec in report.objectives:
        assert sec.heading + (f" ({sec.rating})" if sec.rating else "") in heads
    body = "\n".join(p.text for p in doc.paragraphs)
    assert f"The scorer made {report.counts.findings} finding" in body


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("name", PACKS)
def test_every_format_agrees_with_the_scorecard(name, policy, logs):
    data = gather(logs[name, policy])
    report = build_report(data)
    _check_model(data, report)
    _check_html(report, render_html(report))
    _check_markdown(report, render_markdown(report)[0])
    _check_docx(report, render_docx(report))


# ---- the Word file ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def flagship_docx(logs, tmp_path_factory):
    data = gather(logs["caldmere-vaisakhi-attack", "random"])
    report = build_report(data)
    out = tmp_path_factory.mktemp("docx") / "aar.docx"
    result = subprocess.run([str(TABLETOP), "report", str(logs["caldmere-vaisakhi-attack", "random"]), "-o", str(out),
                             "--paper", "letter"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert f"wrote {out} (docx)" in result.stdout
    return report, out


def test_docx_has_headings_tables_header_footer_and_links(flagship_docx):
    report, path = flagship_docx
    doc = Document(str(path))
    heads = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "3. Analysis of Core Capabilities") in heads and ("Heading 1", "4. Improvement Plan") in heads
    table1, plan = _docx_tables(doc)
    assert len(table1.rows) - 1 == len(report.table1) and len(plan.rows) - 1 == len(report.areas)
    assert table1.rows[0]._tr.trPr is not None and table1.rows[0]._tr.trPr.xpath("./w:tblHeader"), \
        "Table 1's header row repeats on every page"
    for section in doc.sections:
        header = section.header.paragraphs[0].text
        assert report.title in header and "For exercise use only" in header
        footer = section.footer._element.xml
        assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", footer), "a PAGE field in the footer"
        assert round(section.page_width.inches, 1) in (8.5, 11.0), "--paper letter"
    assert any(s.orientation == 1 for s in doc.sections), "the improvement plan is on landscape pages"
    xml = doc.element.xml
    for a in report.areas:
        assert f'w:name="{a.ref.anchor.replace("-", "_")}"' in xml and f'w:name="{a.plan_anchor.replace("-", "_")}"' in xml
        assert f'w:anchor="{a.plan_anchor.replace("-", "_")}"' in xml, "each area links to its plan row"
        assert f'w:anchor="{a.ref.anchor.replace("-", "_")}"' in xml, "each plan row links back to its area"
    pictures = [r for r in doc.part.rels.values() if r.reltype.endswith("/image")]
    assert len(pictures) == len(report.figures), "every chart is a picture"
    for rel in pictures:
        assert rel.target_part.blob.startswith(b"\x89PNG")


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="no soffice on PATH (install Debian's 'libreoffice-writer' to run this test)")
def test_libreoffice_converts_the_docx_to_pdf(flagship_docx, tmp_path):
    _report, path = flagship_docx
    result = subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                            capture_output=True, text=True, timeout=300)
    pdf = tmp_path / "aar.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", data)) > 5


# ---- Markdown charts -------------------------------------------------------------------------

def test_markdown_charts_are_svg_files_beside_it_and_not_overwritten(logs, tmp_path):
    log = logs["caldmere-vaisakhi-attack", "plan"]
    out = tmp_path / "aar.md"
    run = lambda *extra: subprocess.run([str(TABLETOP), "report", str(log), "-o", str(out), *extra],  # noqa: E731
                                        capture_output=True, text=True, timeout=300)
    result = run()
    assert result.returncode == 0, result.stderr
    md = out.read_text()
    links = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", md)
    assert links and all(link.startswith("aar-charts/") and link.endswith(".svg") for link in links)
    for link in links:
        svg = (tmp_path / link).read_text()
        assert svg.startswith("<?xml") and 'xmlns="http://www.w3.org/2000/svg"' in svg and "<path" in svg
    assert sorted(p.name for p in (tmp_path / "aar-charts").iterdir()) == sorted(Path(x).name for x in links)
    # a chart file in the way is refused like the report itself, and nothing is written
    out.unlink()
    chart = tmp_path / links[0]
    chart.write_text("keep me")
    result = run()
    assert result.returncode == 1 and "already exists" in result.stderr and "--force" in result.stderr
    assert chart.read_text() == "keep me" and not out.exists()
    result = run("--force")
    assert result.returncode == 0 and chart.read_text().startswith("<?xml") and out.exists()


def test_paper_size_sets_the_printed_page(logs):
    data = gather(logs["caldmere-vaisakhi-attack", "plan"])
    report = build_report(data)
    a4, letter = render_html(report, "a4"), render_html(report, "letter")
    assert re.search(r"@page \{\s*size: A4;", a4) and re.search(r"@page \{\s*size: letter;", letter)
    assert "counter(page)" in a4 and "For exercise use only" in a4


def test_log_digest_is_shown_when_set(logs):
    data = gather(logs["caldmere-vaisakhi-attack", "plan"])
    report = build_report(data)
    assert data.digest and report.overview.log_digest == data.digest  # the log's own digest, in every format
    assert data.digest in render_html(report) and data.digest in render_markdown(report)[0]
    doc = Document(io.BytesIO(render_docx(report)))
    assert any(data.digest in c.text for t in doc.tables for row in t.rows for c in row.cells)
    report.overview.log_digest = None
    assert "Log digest" not in render_html(report)
