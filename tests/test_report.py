"""The after-action report: from real headless runs, every section, evidence that points at real
log lines, no network, charts, Markdown, the real CLI, bad input, and a headless Chromium load."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.engine import commands as C
from simulator.engine.seats import all_staff
from simulator.loading.pack import load_pack
from simulator.log import LogError
from simulator.report.build import build_report
from simulator.report.charts import nice_ticks, thin
from simulator.report.content import SECTIONS
from simulator.report.data import gather
from simulator.report.html import render_html
from simulator.report.improvement import ELEMENTS, TO_COMPLETE, corrective_action
from simulator.report.markdown import render_markdown
from simulator.report.wording import at, clock, humane, minute, sentence
from simulator.scoring.model import Finding
from simulator.report.reasons import rollup_reason
from simulator.session import Session

from .conftest import FIXTURES, ROOT, run_headless

TABLETOP = Path(sys.executable).parent / "tabletop"
HOSTILE = "<script>alert('x')</script> & \"quotes\" | pipes"


def run(*args):
    return subprocess.run([str(TABLETOP), *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def flagship_log(tmp_path_factory):
    """The flagship played by seeded random staff, then a hot wash, an override and a hostile observer note."""
    pack = load_pack(ROOT / "scenarios" / "caldmere-vaisakhi-attack")
    log = tmp_path_factory.mktemp("flagship") / "exercise.jsonl"
    session = Session.start(pack, 3, all_staff(pack.scenario.roles, "random"), log)
    session.advance_to(30)
    session.submit(C.ObserverNote(by="facilitator", text=HOSTILE, role="mayor"))
    session.run_to_end()
    session.submit(C.HotWashAnswer(by="facilitator", question="M1.1", text="What helped most in the first hour?",
                                   answer="Getting the crisis team together quickly."))
    session.submit(C.OverrideRating(by="facilitator", target="objective:OBJ-2", rating="M",
                                    rationale="The first statement was late but the facts were right."))
    session.close()
    return log


@pytest.fixture(scope="module")
def mini_log(tmp_path_factory, mini_pack):
    log = tmp_path_factory.mktemp("mini") / "exercise.jsonl"
    run_headless(mini_pack, 1, "idle", log)
    return log


@pytest.fixture(scope="module")
def flagship(flagship_log):
    data = gather(flagship_log)
    report = build_report(data)
    return data, report, render_html(report), render_markdown(report)[0]


@pytest.fixture(scope="module")
def mini(mini_log):
    data = gather(mini_log)
    report = build_report(data)
    return data, report, render_html(report), render_markdown(report)[0]


def ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


@pytest.mark.parametrize("which", ["flagship", "mini"])
def test_html_has_every_section_in_order(which, request):
    _data, _a, html, _md = request.getfixturevalue(which)
    positions = [html.index(f'<section id="{sid}"') for sid, _title in SECTIONS]
    assert positions == sorted(positions)
    for sid, title in SECTIONS:
        assert f'href="#{sid}"' in html and f"{title}</h2>" in html
    for part in ("Table 1. Summary of core capability performance", "Strengths", "Areas for improvement"):
        assert part in html


@pytest.mark.parametrize("which", ["flagship", "mini"])
def test_html_loads_nothing_from_outside(which, request):
    _data, _a, html, _md = request.getfixturevalue(which)
    assert not re.search(r"https?:|//[a-z]", html, re.IGNORECASE)
    assert "<script" not in html.lower() and "@import" not in html and "url(" not in html
    assert not re.search(r"\bsrc=", html)
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith("#") for h in hrefs)


@pytest.mark.parametrize("which", ["flagship", "mini"])
def test_every_link_lands_on_an_element_of_the_page(which, request):
    _data, _a, html, _md = request.getfixturevalue(which)
    targets = {h[1:] for h in re.findall(r'href="(#[^"]*)"', html)}
    missing = targets - ids(html)
    assert not missing


@pytest.mark.parametrize("which, log", [("flagship", "flagship_log"), ("mini", "mini_log")])
def test_every_finding_cites_real_event_lines_with_a_timeline_row(which, log, request):
    data, analysis, html, _md = request.getfixturevalue(which)
    lines = request.getfixturevalue(log).read_text().splitlines()
    page_ids = ids(html)
    cited = [n for f in data.card.findings for n in f.evidence]
    assert cited
    for n in cited:
        entry = json.loads(lines[n - 1])
        assert entry["kind"] == "event"
        assert f"line-{n}" in page_ids
        row = re.search(rf'<tr id="line-{n}"[^>]*><td>(\d+)</td><td class="t">([^<]*)</td>', html)
        assert row and int(row.group(1)) == n and float(row.group(2)) == pytest.approx(entry["t"], abs=0.5)  # whole minutes
    for area in analysis.areas:
        assert set(area.evidence) == {n for o in area.observations for n in o.evidence}
        block = html[html.index(f'id="{area.ref.anchor}"'):]
        block = block[: block.index("</article>")]
        for n in area.evidence:
            assert f'href="#line-{n}"' in block
        if not area.evidence:  # e.g. a statement never made: nothing happened to cite, and the page says so
            assert "no log line" in block


def test_areas_for_improvement_have_every_part(flagship):
    data, analysis, html, _md = flagship
    assert analysis.areas
    bad = [f for f in data.card.findings if f.rating in ("S", "M", "U")]
    assert {o.finding for a in analysis.areas for o in a.observations} == {f.id for f in bad}
    by_id = {f.id: f for f in data.card.findings}
    for a in analysis.areas:
        assert a.references and a.analysis and a.recommendation
        found = [by_id[o.finding] for o in a.observations]
        assert all(f.source in " ".join(a.references) or f.rule.startswith("plan.") for f in found)
        block = html[html.index(f'id="{a.ref.anchor}"'):]
        block = block[: block.index("</article>")]
        for label in ("Observation", "Reference", "Analysis (root cause)", "Recommendation", "Evidence (log lines)"):
            assert label in block
        assert f'href="#{a.plan_anchor}"' in block, "each area links to its improvement plan row"
    plan_step = next(a for a in analysis.areas if by_id[a.observations[0].finding].expectation)
    exp = data.pack.expectations[by_id[plan_step.observations[0].finding].expectation]
    assert any(exp.description.rstrip(".") in r and exp.source in r for r in plan_step.references)


def test_root_cause_names_what_the_log_shows(mini):
    data, analysis, _html, _md = mini
    p1, p2 = (data.pack.expectations[x].description.rstrip(".") for x in ("P1", "P2"))
    missed = next(a for a in analysis.areas if a.ref.short == p2)
    text = " ".join(missed.analysis)
    assert f"prerequisite step \u2018{p1}\u2019" in text and "never done" in text
    assert "'idle' policy" in text and "never acts" in text


def test_root_cause_says_when_the_evaluator_must_confirm(mini_pack, tmp_path):
    log = tmp_path / "plan.jsonl"
    run_headless(mini_pack, 1, "plan", log)
    analysis = build_report(gather(log))
    vague = [a for a in analysis.areas if any("to be confirmed by the evaluator" in x for x in a.analysis)]
    assert vague, "some gaps cannot be explained from the log and must say so"


def test_improvement_plan_has_a_row_per_area_with_placeholders(flagship):
    _data, analysis, html, md = flagship
    assert len(analysis.plan) == len(analysis.areas)
    for row, area in zip(analysis.plan, analysis.areas):
        assert row.element in ELEMENTS and row.action and row.organisation
        assert (row.contact, row.start, row.end) == (TO_COMPLETE,) * 3
        assert row.area is area.ref and row.action == area.recommendation and row.anchor == area.plan_anchor
    section = html[html.index('<section id="improvement-plan"'):html.index('<section id="timeline"')]
    assert section.count("<tr") == len(analysis.plan) + 1
    assert "Point of contact" in section and TO_COMPLETE in section


def test_charts_are_inline_svg_with_titles(flagship):
    data, _a, html, md = flagship
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.DOTALL)
    assert len(svgs) >= 2
    for svg in svgs:
        assert 'role="img"' in svg and "<title" in svg and "<path" in svg and "Exercise minute" in svg
    state = " ".join(svgs[:-1])
    for v in data.pack.scenario.state:
        assert v.label in state
    assert "Score so far" in svgs[-1]
    assert data.score_series[-1] == (data.end, data.card.score)
    assert len(data.score_series) > 10 and "<svg" not in md
    assert len(re.findall(r"!\[[^\]]*\]\(aar-charts/[\w.-]+\.svg\)", md)) == len(svgs), "charts are linked SVG files"


def test_participants_hot_wash_overrides_and_notes(flagship, mini):
    data, analysis, html, md = flagship
    for role in data.pack.scenario.roles:
        assert data.pack.roles[role].title in html
    assert "Getting the crisis team together quickly." in html and "Getting the crisis team together quickly." in md
    objective = next(o for o in data.pack.scenario.objectives if o.id == "OBJ-2")
    override = next(o for o in analysis.overrides if o.target == f"objective \u2018{objective.title.rstrip('.')}\u2019")  # named for people, not by id
    assert override.rating == "M" and "the facts were right" in override.rationale
    section = html[html.index('<section id="participants"'):]
    assert "the facts were right" in section and f"r-{override.suggested}" in section
    _d, _a, mini_html, mini_md = mini
    for text in ("No hot-wash answers were recorded", "No observer notes were recorded", "No ratings were overridden"):
        assert text in mini_html and text in mini_md


def test_text_from_the_log_is_escaped(flagship):
    _data, _a, html, md = flagship
    assert re.search(r"alert\(&#(x27|39);x&#(x27|39);\)", html) and "&lt;script&gt;" in html
    assert re.search(r"&amp; &(quot|#34);quotes&(quot|#34);", html)
    assert "<script" not in html
    assert "\\<script\\>" in md and "\\| pipes" in md


def test_markdown_has_every_section_and_evidence(flagship):
    data, analysis, _html, md = flagship
    for i, (_sid, title) in enumerate(SECTIONS, 1):
        assert f"## {i}. {title}" in md
    for a in analysis.areas:
        assert f"Area for improvement {a.ref.number}:" in md
    for n in {n for f in data.card.findings for n in f.evidence}:
        assert f"L{n}" in md
    assert "| Core capability | Area for improvement | Corrective action (draft)" in md


def test_chart_helpers():
    assert nice_ticks(0, 100, 6) == [0, 20, 40, 60, 80, 100]
    assert nice_ticks(0, 240, 9) == [0, 50, 100, 150, 200]
    points = [(i / 10, (i * 37) % 101) for i in range(100_000)]
    kept = thin(points, 0, 10_000, 500)
    assert len(kept) <= 4 * 500 + 4 and kept[0] == points[0] and kept[-1] == points[-1]
    assert max(y for _x, y in kept) == 100 and min(y for _x, y in kept) == 0


def test_gather_refuses_a_log_that_does_not_verify(mini_log, tmp_path):
    bad = tmp_path / "bad.jsonl"
    lines = mini_log.read_text().splitlines(keepends=True)
    changed = lines[5].replace('"t":', '"t":1000', 1)
    assert changed != lines[5]
    bad.write_text("".join([*lines[:5], changed, *lines[6:]]))
    with pytest.raises(LogError) as err:
        gather(bad)
    assert err.value.line == 6


# ---- the real command ---------------------------------------------------------------------------

def test_cli_writes_html_and_markdown(mini_log, tmp_path):
    html, md = tmp_path / "aar.html", tmp_path / "aar.md"
    for out in (html, md):
        result = run("report", mini_log, "-o", out)
        assert result.returncode == 0, result.stderr
        assert f"wrote {out}" in result.stdout
    assert html.read_text().startswith("<!DOCTYPE html>") and md.read_text().startswith("# After-Action Report")
    forced = tmp_path / "other.txt"
    assert run("report", mini_log, "-o", forced, "--format", "md").returncode == 0
    assert forced.read_text().startswith("# After-Action Report")


def test_cli_refuses_to_overwrite_without_force(mini_log, tmp_path):
    out = tmp_path / "aar.html"
    out.write_text("keep me")
    result = run("report", mini_log, "-o", out)
    assert result.returncode == 1 and "already exists" in result.stderr and "--force" in result.stderr
    assert out.read_text() == "keep me"
    assert run("report", mini_log, "-o", out, "--force").returncode == 0
    assert out.read_text().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("make, code, words", [
    (lambda d: d / "missing.jsonl", 1, "no such file"),
    (lambda d: _write(d / "garbage.jsonl", "this is not a log\n"), 1, "garbage.jsonl:1:"),
    (lambda d: _write(d / "empty.jsonl", ""), 1, "empty"),
    (lambda d: d, 1, "folder"),
])
def test_cli_bad_logs_give_a_located_message(make, code, words, tmp_path):
    log = make(tmp_path)
    result = run("report", log, "-o", tmp_path / "out.html")
    assert result.returncode == code and words in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out.html").exists()


def test_cli_unknown_extension_is_a_usage_error(mini_log, tmp_path):
    result = run("report", mini_log, "-o", tmp_path / "aar.pdf")
    assert result.returncode == 2 and ".html, .md or .docx" in result.stderr and "Traceback" not in result.stderr


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


# ---- a real browser -----------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (install Debian's 'chromium' package to run this test)")
def test_headless_chromium_opens_the_report_without_errors(flagship, tmp_path):
    _data, _a, html, _md = flagship
    page = tmp_path / "aar.html"
    page.write_text(html, encoding="utf-8")
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0", "--dump-dom",
         page.as_uri()], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert "Analysis of Core Capabilities" in dom and dom.count("<svg") >= 2 and 'id="line-' in dom
    problems = [line for line in result.stderr.splitlines()
                if "CONSOLE" in line or "Uncaught" in line or "net::ERR" in line or "Failed to load" in line]
    assert not problems, problems


# ---- wording for the officials who read the report -------------------------------------------------

def _prose(text: str) -> str:
    """The report without its inline SVG charts (their coordinates are not prose)."""
    return re.sub(r"<svg.*?</svg>", "", text, flags=re.DOTALL)


def _sentences(text: str) -> str:
    """The report's prose: without tables (the timeline has its own clock column) and chart captions."""
    text = re.sub(r"<table.*?</table>|<figure.*?</figure>", "", text, flags=re.DOTALL)
    return "\n".join(line for line in text.splitlines() if not line.startswith(("|", "![")))


def _finding(pack, rule: str, target: str, verdict: str, **extra) -> Finding:
    return Finding(id=f"{rule}:{target}", rule=rule, category=rule.split(".")[0], title="Rule title pasted",
                   source="test", roles=extra.pop("roles", ["mayor"]), verdict=verdict, rating="M", suggested="M",
                   evidence=[1], explanation="Something went wrong.", **extra)


def test_corrective_actions_read_like_an_emergency_manager_wrote_them():
    pack = load_pack(ROOT / "scenarios" / "caldmere-vaisakhi-attack")
    inj = pack.injects["I-15"]
    favoured = next(o for o in inj.decision.options if o.recommended)
    lapsed, _ = corrective_action([_finding(pack, "plan.decision", "I-15", "lapsed")], pack)
    assert inj.decision.prompt in lapsed
    for words in ("who decides", "default", "deputy", f"{inj.decision.deadline:g} minutes"):
        assert words in lapsed
    other, element = corrective_action([_finding(pack, "plan.decision", "I-15", "other_option")], pack)
    assert inj.decision.prompt in other and favoured.label in other and "decision criteria" in other
    assert element in ELEMENTS
    assert "who decides" in corrective_action([_finding(pack, "plan.decision", "I-15", "not_decided")], pack)[0]
    exp = pack.expectations["first-statement"]
    step = exp.description.rstrip(".")
    missed, _ = corrective_action([_finding(pack, "plan.timeliness", exp.id, "missed", expectation=exp.id)], pack)
    late, _ = corrective_action([_finding(pack, "plan.timeliness", exp.id, "late", expectation=exp.id)], pack)
    assert step in missed and "checklist" in missed and "deputy" in missed and f"{exp.within:g}-minute" in missed
    assert step in late and "held up" in late and missed != late
    rumour = pack.playbook.rumours[0]
    fixed, _ = corrective_action([_finding(pack, "playbook.rumour", rumour.id, "not_corrected")], pack)
    assert pack.injects[rumour.inject].title in fixed and f"{rumour.correct_within:g} minutes" in fixed
    harm = pack.scenario.harms[0]
    assert harm.label.rstrip(".") in corrective_action([_finding(pack, "plan.harm", harm.id, "harm")], pack)[0]
    every = [("plan.contingency", exp.id, {"expectation": exp.id}), ("plan.role", exp.id, {"expectation": exp.id}),
             ("plan.prerequisites", exp.id, {"expectation": exp.id}), ("plan.authority", exp.id, {"expectation": exp.id}),
             ("plan.approval", exp.id, {"expectation": exp.id}), ("chain.reporting", "I-01/health", {}),
             *[(rule, "x", {}) for rule in ("playbook.first_statement", "playbook.first_message", "playbook.key_message",
                                            "playbook.audience", "playbook.prohibited", "playbook.messenger",
                                            "playbook.channels", "playbook.languages", "playbook.consistency",
                                            "playbook.cadence", "chain.directive", "chain.authority", "chain.approval",
                                            "chain.unreachable", "chain.succession", "chain.span")]]
    texts = {lapsed, other, missed, late, fixed}
    for rule, target, extra in every:
        text, element = corrective_action([_finding(pack, rule, target, "bad", **extra)], pack)
        texts.add(text)
        assert element in ELEMENTS
    for text in texts:
        # no rule title pasted into a template, no rule ids, no unfilled fields, no "review X" filler
        assert "Rule title pasted" not in text and "after-action meeting" not in text and not text.startswith("Review")
        assert not re.search(r"\b(plan|playbook|chain)\.[a-z_]+", text) and "{" not in text
        assert text.endswith(".") and ".." not in text and "?." not in text
    assert len(texts) == len(every) + 5, "every rule gets its own wording"


def test_report_prose_has_no_stray_full_stops_plurals_or_fractional_minutes(flagship):
    data, _a, html, md = flagship
    for text in (_prose(html), md):
        assert not re.search(r"[?!]\.", text), "a full stop after ? or !"
        assert "(s)" not in text, "singular or plural, not 'act(s)'"
        assert not re.search(r"\bminute \d+\.\d", text), "minutes in prose are whole"
        assert not re.search(r"\(minute \d+[^()]*\)\s*\(", text), "no brackets back to back"
        assert not re.search(r"\bdue by \d+(?![\d:])", text), "a due time is a clock time, never a bare minute"
        assert not re.search(r"(?<!\d\d:\d\d \()(?<!\d\d:\d\d, )\bminute \d+\b", _sentences(text)), \
            "every minute in prose follows its clock time"
    assert re.search(r"\d\d:\d\d \(minute \d+\)", md), "prose gives the in-story clock time"


def test_minutes_and_story_clock_helpers():
    pack = load_pack(ROOT / "scenarios" / "caldmere-vaisakhi-attack")
    assert minute(27.86) == "28" and minute(173.5) == "174" and minute(0.49) == "0"
    assert at(pack, 27.86) == "12:08 (minute 28)"  # the clock starts at 11:40
    assert clock(pack, 85) == "15:05", "module M2 jumps the story to 15:00 at minute 80"
    assert clock(pack, 180) == "Day 3 10:10", "module M3 jumps to Day 3, 10:00 at minute 170"
    assert humane(pack, "done at minute 41.4 (line 62).") == "done at 12:21 (minute 41, line 62)."
    assert humane(pack, "by its deadline (minute 120); x") == "by its deadline (15:40, minute 120); x"
    assert humane(pack, "between minute 48 and minute 63.") == "between 12:28 (minute 48) and 12:43 (minute 63)."
    assert humane(pack, "done at minute 3, due by 147.15.") == "done at 11:43 (minute 3), due by 16:07 (minute 147)."
    assert humane(pack, "mayor passed 'what the mayor said' to police.") == \
        "Mayor passed 'what the mayor said' to Police commander.", "role ids become titles, quotations stay"
    assert sentence("Is it held?") == "Is it held?" and sentence("Done") == "Done." and sentence("Done.") == "Done."


def test_a_role_title_holding_a_role_id_is_left_as_it_is():
    pack = load_pack(ROOT / "scenarios" / "lindenport-march-counterprotest")  # role 'liaison', titled 'Community liaison lead'
    assert humane(pack, "Community liaison lead never passed it up; liaison did.") == \
        "Community liaison lead never passed it up; Community liaison lead did."


def test_why_column_names_findings_not_ids_and_json_keeps_ids(flagship, flagship_log):
    data, _a, html, md = flagship
    id_like = re.compile(r"\b(?:plan|playbook|chain)\.[a-z_]+:|\bexpectation:")
    rows = _a.table1
    assert any("ratings counted (" in r.reason or "plan step" in r.reason for r in rows)
    for row in rows:
        assert not id_like.search(row.reason), row.reason
    for line in md.splitlines():
        if line.startswith("Why this rating:") or line.startswith("| OBJ-"):
            assert not id_like.search(line), line
    assert not id_like.search(md), "no finding ids anywhere in the Markdown report"
    card = json.loads(run("score", flagship_log, "--json").stdout)
    rules = [r["rule"] for r in card["objectives"] + card["capabilities"]]
    assert any(id_like.search(r) or "not performed" in r for r in rules)
    worst = [r for r in data.card.objectives if r.rule.startswith("worst of") and ":" in r.rule.split(": ", 1)[1]]
    for r in worst:
        assert r.rule in json.dumps(card), "the JSON keeps the scorer's ids unchanged"
        # the printed scorecard, the consoles and the report say one sentence (reasons.rollup_reason)
        assert rollup_reason(r, data.card, data.pack) in {row.reason for row in rows}


def test_cli_and_summary_give_the_same_counts(flagship, flagship_log, tmp_path):
    data, analysis, _html, md = flagship
    bad = sum(1 for f in data.card.findings if f.rating in ("S", "M", "U"))
    out = run("report", flagship_log, "-o", tmp_path / "aar.md")
    assert out.returncode == 0, out.stderr
    assert (f"{len(data.card.findings)} findings, {bad} rated S/M/U, grouped into {len(analysis.areas)} "
            "areas for improvement") in out.stdout
    assert analysis.counts.areas == len(analysis.areas) and analysis.counts.rated == bad
    assert f"{bad} were rated S, M or U, grouped into {len(analysis.areas)} areas for improvement" in md
    assert "needing improvement" not in out.stdout


def test_played_on_says_where_the_date_comes_from(flagship):
    data, _a, html, md = flagship
    assert "Exercise dates" not in md and "Exercise dates" not in html
    assert f"**Played on:** {data.header.wall_time[:10]}" in md and "(from the exercise log)" in md
