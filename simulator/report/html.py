"""The after-action report as one self-contained HTML page.

Everything is inline (CSS, SVG); there is no script and no address outside the page: every
link is a '#' anchor. All text from the scenario and the log is escaped.
"""

from __future__ import annotations

from html import escape

from ..scoring.model import RATING_WORDS
from ..scoring.text import why as why_text
from ..version import __version__
from .analysis import Analysis, Area, build, observation
from .content import PARTICIPANT_COLUMNS, SECTIONS, objective_rows, overview, participants, summary
from .data import ReportData
from .figures import score_figure, state_figures
from .improvement import TO_COMPLETE
from .style import CSS
from .wording import KIND_CLASS, anchor, clock, describe, minute, sentence


def e(text: object) -> str:
    return escape(str(text), quote=True)


def rating(r: str) -> str:
    css = "NA" if r == "N/A" else r
    return f'<span class="rating r-{css}" title="{e(RATING_WORDS.get(r, r))}">{e(r)}</span>'


def evidence(lines: list[int]) -> str:
    if not lines:
        return '<span class="muted">no log line (nothing happened to cite)</span>'
    return " ".join(f'<a href="#line-{n}">{n}</a>' for n in lines)


def cell(text: str) -> str:
    return f'<span class="placeholder">{e(text)}</span>' if text == TO_COMPLETE else e(text)


def table(columns: list[str], rows: list[list[str]], cls: str = "", raw: bool = False) -> str:
    head = "".join(f"<th scope=\"col\">{e(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{v if raw else e(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f'<table{f" class={chr(34)}{cls}{chr(34)}" if cls else ""}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _section(n: int, sid: str, title: str, body: str) -> str:
    return f'<section id="{sid}" class="major"><h2>{n}. {e(title)}</h2>\n{body}\n</section>'


def _overview(data: ReportData) -> str:
    items = []
    for label, value in overview(data):
        shown = ("<ul>" + "".join(f"<li>{e(v)}</li>" for v in value) + "</ul>") if isinstance(value, list) else cell(value)
        items.append(f"<dt>{e(label)}</dt><dd>{shown}</dd>")
    return f'<dl class="facts">{"".join(items)}</dl>'


def _summary(data: ReportData, analysis: Analysis) -> str:
    s = summary(data, analysis)
    out = [f"<p>{e(p)}</p>" for p in s.paragraphs]
    out.append("<h3>Major strengths</h3>")
    out.append("<ul>" + "".join(f"<li>{e(t)}</li>" for t in s.strengths) + "</ul>" if s.strengths
               else "<p>No plan step or rule was performed without challenges.</p>")
    out.append("<h3>Primary areas for improvement</h3>")
    out.append("<ul>" + "".join(f'<li>{rating(a.rating)} <a href="#{a.anchor}">{e(a.title)}</a></li>' for a in s.areas) + "</ul>"
               if s.areas else "<p>None: every rated finding was performed without challenges.</p>")
    return "\n".join(out)


def _area(a: Area, data: ReportData) -> str:
    obs = "".join(f'<li id="{anchor(f.id)}">{rating(f.rating)} {e(observation(f, data))} '
                  f'<span class="muted" title="{e(f.id)}">(evidence: </span><span class="evidence">{evidence(f.evidence)}</span>'
                  f'<span class="muted">)</span>'
                  + (f' <em>Evaluator changed the suggested {e(f.suggested)} to {e(f.rating)}: {e(f.override.rationale)}</em>'
                     if f.override else "") + "</li>" for f in a.findings)
    refs = "".join(f"<li>{e(r)}</li>" for r in a.references)
    why = "".join(f"<li>{e(x)}</li>" for x in a.analysis)
    return (f'<article class="afi r-{a.rating}-border" id="{a.anchor}"><h4>Area for improvement {a.number}: {e(a.title)} '
            f'{rating(a.rating)}</h4>'
            f'<p class="label">Observation</p><ul>{obs}</ul>'
            f'<p class="label">Reference</p><ul>{refs}</ul>'
            f'<p class="label">Analysis (root cause)</p><ul>{why}</ul>'
            f'<p class="label">Evidence (log lines)</p><p class="evidence">{evidence(a.evidence)}</p></article>')


def _analysis(data: ReportData, analysis: Analysis) -> str:
    out = ["<p>Table 1 gives each objective's suggested rating, rolled up from the findings that serve it. "
           "P: performed without challenges; S: with some challenges; M: with major challenges; U: unable to be performed.</p>",
           "<h3>Table 1. Summary of core capability performance</h3>"]
    rows = [[e(o), e(t), e(c), rating(r), e(why)] for o, t, c, r, why in objective_rows(data)]
    out.append(table(["Objective", "Title", "Core capability", "Rating", "Why"], rows, raw=True))
    for i, sec in enumerate(analysis.capabilities, 1):
        head = f"<h3 id=\"cap-{i}\">{e(sec.name)} {rating(sec.rollup.rating) if sec.rollup else ''}</h3>"
        why = f"<p class=\"muted\">Why this rating: {e(why_text(sec.rollup, data.card))}</p>" if sec.rollup else ""
        strengths = ("<ul>" + "".join(
            f"<li><strong>{e(sentence(s.title))}</strong> {e(s.summary)} "
            f"<span class=\"evidence\">(evidence: {evidence(s.evidence)})</span></li>" for s in sec.strengths) + "</ul>"
            if sec.strengths else "<p class=\"muted\">No strength recorded for this capability.</p>")
        areas = "".join(_area(a, data) for a in sec.areas) or "<p class=\"muted\">No area for improvement.</p>"
        out.append(f"{head}{why}<h4>Strengths</h4>{strengths}<h4>Areas for improvement</h4>{areas}")
    return "\n".join(out)


def _plan(analysis: Analysis) -> str:
    if not analysis.plan:
        return "<p>No area for improvement, so no corrective action is proposed.</p>"
    intro = ("<p>One row per area for improvement. Corrective actions are drafts for the after-action meeting; the "
             "capability element (POETE: Planning, Organization, Equipment, Training, Exercises) is a suggestion. "
             "Point of contact and dates are left for the meeting to fill in.</p>")
    rows = [[e(p.area.capability), f'<a href="#{p.area.anchor}">{p.area.number}. {e(p.area.short)}</a> {rating(p.area.rating)}',
             e(p.action), e(p.element), e(p.organisation), cell(p.contact), cell(p.start), cell(p.end)] for p in analysis.plan]
    cols = ["Core capability", "Area for improvement", "Corrective action (draft)", "Capability element",
            "Primary responsible organisation", "Point of contact", "Start date", "Completion date"]
    return intro + table(cols, rows, cls="plan", raw=True)


def _timeline(data: ReportData, analysis: Analysis) -> str:
    rows = []
    for n, d in data.timeline:
        label, who, what = describe(data.pack, d)
        flags = "".join(_flag(found, analysis, data) for found in _by_area(analysis.flags.get(n, ()), analysis))
        kind = KIND_CLASS.get(d["type"], "system")
        rows.append(f'<tr id="line-{n}" class="k-{kind}"><td>{n}</td><td class="t">{e(minute(d["t"]))}</td>'
                    f'<td class="t">{e(clock(data.pack, d["t"]))}</td><td>{e(label)}</td><td>{e(who)}</td>'
                    f'<td>{e(what)}</td><td>{flags}</td></tr>')
    intro = (f"<p>{len(rows)} of the log's {data.lines} lines: injects, decisions, actions, statements, approvals, "
             "messages and facilitator entries, plus every line a finding cites. State changes are in the charts. "
             "Flags link to the findings rated S, M or U that cite the line.</p>")
    head = "".join(f"<th scope=\"col\">{c}</th>" for c in ("Line", "Minute", "Clock", "Kind", "Who", "What", "Flags"))
    return f'{intro}<table class="timeline"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _by_area(findings, analysis: Analysis) -> list[list]:
    """One flag per area for improvement on a line, however many of its findings cite it."""
    groups: dict[int, list] = {}
    for f in findings:
        groups.setdefault(analysis.finding_area[f.id].number, []).append(f)
    return [groups[k] for k in sorted(groups)]


def _flag(found: list, analysis: Analysis, data: ReportData) -> str:
    worst = max(found, key=lambda f: "PSMU".index(f.rating))
    area = analysis.finding_area[worst.id]
    tip = " ".join(observation(f, data) for f in found)
    return (f'<a class="flag r-{worst.rating}" href="#{anchor(worst.id)}" title="{e(tip)}">{e(worst.rating)} '
            f'AFI {area.number}: {e(area.short)}</a>')


def _charts(data: ReportData) -> str:
    out = []
    for fig in [*state_figures(data), score_figure(data)]:
        out.append(f"<figure><figcaption>{e(fig.title)}</figcaption>{fig.svg}"
                   f"{table(fig.columns, fig.rows)}</figure>")
    return "\n".join(out)


def _participants(data: ReportData, analysis: Analysis) -> str:
    out = [table(PARTICIPANT_COLUMNS, participants(data))]
    facts = data.facts
    out.append("<h3>Hot wash</h3>")
    if facts.hot_wash:
        rows = [[f'<a href="#line-{h["line"]}">{h["line"]}</a>', e(h["question"]), e(h["text"]), e(h["answer"]), e(h["by"])]
                for h in facts.hot_wash]
        out.append(table(["Line", "Question", "Asked", "Answer", "By"], rows, raw=True))
    else:
        out.append("<p>No hot-wash answers were recorded in the log.</p>")
    out.append("<h3>Observer notes</h3>")
    if facts.notes:
        rows = [[f'<a href="#line-{x["line"]}">{x["line"]}</a>', e(minute(x["t"])), e(x.get("role") or "-"), e(x["text"])]
                for x in facts.notes]
        out.append(table(["Line", "Minute", "About", "Note"], rows, raw=True))
    else:
        out.append("<p>No observer notes were recorded in the log.</p>")
    out.append("<h3>Evaluator overrides</h3>")
    if analysis.overrides:
        rows = [[f'<a href="#line-{o.line}">{o.line}</a>', e(o.target), e(o.title), rating(o.suggested), rating(o.rating),
                 e(o.rationale), e(o.by)] for o in analysis.overrides]
        out.append(table(["Line", "Target", "What", "Suggested", "Final", "Rationale", "By"], rows, raw=True))
    else:
        out.append("<p>No ratings were overridden; every rating is the scorer's suggestion.</p>")
    return "\n".join(out)


def render_html(data: ReportData, analysis: Analysis | None = None) -> str:
    analysis = analysis or build(data)
    sc = data.pack.scenario
    bodies = {
        "overview": _overview(data), "summary": _summary(data, analysis), "analysis": _analysis(data, analysis),
        "improvement-plan": _plan(analysis), "timeline": _timeline(data, analysis), "charts": _charts(data),
        "participants": _participants(data, analysis),
    }
    toc = "".join(f'<li><a href="#{sid}">{e(title)}</a></li>' for sid, title in SECTIONS)
    sections = "\n".join(_section(i, sid, title, bodies[sid]) for i, (sid, title) in enumerate(SECTIONS, 1))
    title = f"After-Action Report: {sc.title}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header class="cover">
<p class="kicker">After-Action Report / Improvement Plan (AAR/IP)</p>
<h1>{e(sc.title)}</h1>
<p class="sub">{e(sc.city.name)} &middot; {e(sc.threat)}</p>
<p class="draft">Draft generated from the exercise log <code>{e(data.path.name)}</code>. Ratings are suggestions until the
evaluators confirm them; fields marked <span class="placeholder">{TO_COMPLETE}</span> are for the after-action meeting.</p>
</header>
<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>{toc}</ol></nav>
<main>
{sections}
</main>
<footer>Generated by tabletop {e(__version__)} from {e(data.path.name)} (seed {data.header.seed}); the log replays exactly;
log digest {e(data.digest or "none (an unchained format-1 log)")}.
Ratings follow HSEEP: P, S, M, U and N/A (not observed).</footer>
</body>
</html>
"""
