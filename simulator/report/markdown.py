"""The after-action report as Markdown, with the same sections as the HTML page.

Charts are inline SVG blocks (Markdown allows raw HTML), each followed by a table of the same
figures for renderers that drop SVG. Evidence is given as log line numbers.
"""

from __future__ import annotations

from ..scoring.model import RATING_WORDS
from .analysis import Analysis, build, observation
from .content import PARTICIPANT_COLUMNS, SECTIONS, objective_rows, overview, participants, summary
from .data import ReportData
from .figures import score_figure, state_figures
from .improvement import TO_COMPLETE
from ..scoring.text import why
from .wording import clock, describe, minute, sentence


def md(text: object) -> str:
    """Text safe inside Markdown (and inside a table cell): no markup, pipes or line breaks."""
    out = str(text).replace("\\", "\\\\").replace("\r", " ").replace("\n", " ")
    for ch in "|*_`[]<>#":
        out = out.replace(ch, "\\" + ch)
    return out


def table(columns: list[str], rows: list[list[str]]) -> str:
    head = "| " + " | ".join(md(c) for c in columns) + " |\n| " + " | ".join("---" for _ in columns) + " |\n"
    return head + "".join("| " + " | ".join(rows_cell for rows_cell in row) + " |\n" for row in rows)


def lines(numbers: list[int]) -> str:
    return ", ".join(f"L{n}" for n in numbers) if numbers else "no log line"


def _cell(text: str) -> str:
    return f"_{md(text)}_" if text == TO_COMPLETE else md(text)


def _overview(data: ReportData) -> list[str]:
    out = []
    for label, value in overview(data):
        if isinstance(value, list):
            out.append(f"- **{md(label)}:**")
            out.extend(f"    - {md(v)}" for v in value)
        else:
            out.append(f"- **{md(label)}:** {_cell(value)}")
    return out


def _summary(data: ReportData, analysis: Analysis) -> list[str]:
    s = summary(data, analysis)
    out = [md(p) + "\n" for p in s.paragraphs]
    out.append("### Major strengths\n")
    out += [f"- {md(t)}" for t in s.strengths] or ["No plan step or rule was performed without challenges."]
    out.append("\n### Primary areas for improvement\n")
    out += [f"- **{a.rating}** Area for improvement {a.number}: {md(a.title)}" for a in s.areas] or ["None."]
    return out


def _analysis(data: ReportData, analysis: Analysis) -> list[str]:
    out = ["Ratings: " + "; ".join(f"{k} {v.lower()}" for k, v in RATING_WORDS.items()) + ".\n",
           "### Table 1. Summary of core capability performance\n",
           table(["Objective", "Title", "Core capability", "Rating", "Why"],
                 [[md(o), md(t), md(c), f"**{r}**", md(why)] for o, t, c, r, why in objective_rows(data)])]
    for sec in analysis.capabilities:
        out.append(f"### {md(sec.name)}" + (f" ({sec.rollup.rating})" if sec.rollup else "") + "\n")
        if sec.rollup:
            out.append("Why this rating: " + md(why(sec.rollup, data.card)) + "\n")
        out.append("#### Strengths\n")
        out += [f"- **{md(sentence(s.title))}** {md(s.summary)} (evidence: {lines(s.evidence)})" for s in sec.strengths] \
            or ["No strength recorded for this capability."]
        out.append("\n#### Areas for improvement\n")
        if not sec.areas:
            out.append("No area for improvement.\n")
        for a in sec.areas:
            out.append(f"##### Area for improvement {a.number}: {md(a.title)} ({a.rating})\n")
            out.append("**Observation**\n")
            for f in a.findings:
                extra = (f" Evaluator changed the suggested {f.suggested} to {f.rating}: {md(f.override.rationale)}"
                         if f.override else "")
                out.append(f"- **{f.rating}** {md(observation(f, data))} (evidence: {lines(f.evidence)}){extra}")
            out.append("\n**Reference**\n")
            out += [f"- {md(r)}" for r in a.references]
            out.append("\n**Analysis (root cause)**\n")
            out += [f"- {md(x)}" for x in a.analysis]
            out.append(f"\n**Evidence (log lines):** {lines(a.evidence)}\n")
    return out


def _plan(analysis: Analysis) -> list[str]:
    if not analysis.plan:
        return ["No area for improvement, so no corrective action is proposed."]
    rows = [[md(p.area.capability), f"{p.area.number}. {md(p.area.short)} ({p.area.rating})", md(p.action), md(p.element),
             md(p.organisation), _cell(p.contact), _cell(p.start), _cell(p.end)] for p in analysis.plan]
    return ["Corrective actions are drafts for the after-action meeting; the capability element (POETE) is a suggestion.\n",
            table(["Core capability", "Area for improvement", "Corrective action (draft)", "Capability element",
                   "Primary responsible organisation", "Point of contact", "Start date", "Completion date"], rows)]


def _timeline(data: ReportData, analysis: Analysis) -> list[str]:
    rows = []
    for n, d in data.timeline:
        label, who, what = describe(data.pack, d)
        seen: dict[int, str] = {}
        for f in analysis.flags.get(n, ()):
            area = analysis.finding_area[f.id]
            if area.number not in seen or "PSMU".index(f.rating) > "PSMU".index(seen[area.number][0]):
                seen[area.number] = f"{f.rating} AFI {area.number}"
        rows.append([f"L{n}", minute(d["t"]), clock(data.pack, d["t"]), md(label), md(who), md(what),
                     ", ".join(seen[k] for k in sorted(seen))])
    return [f"{len(rows)} of the log's {data.lines} lines; flags name the area for improvement (AFI) whose findings cite the line.\n",
            table(["Line", "Minute", "Clock", "Kind", "Who", "What", "Flags"], rows)]


def _charts(data: ReportData) -> list[str]:
    out = []
    for fig in [*state_figures(data), score_figure(data)]:
        out += [f"### {md(fig.title)}\n", fig.svg + "\n", table(fig.columns, [[md(c) for c in r] for r in fig.rows])]
    return out


def _participants(data: ReportData, analysis: Analysis) -> list[str]:
    facts = data.facts
    out = [table(PARTICIPANT_COLUMNS, [[md(c) for c in r] for r in participants(data)]), "### Hot wash\n"]
    out.append(table(["Line", "Question", "Asked", "Answer", "By"],
                     [[f"L{h['line']}", md(h["question"]), md(h["text"]), md(h["answer"]), md(h["by"])] for h in facts.hot_wash])
               if facts.hot_wash else "No hot-wash answers were recorded in the log.\n")
    out.append("### Observer notes\n")
    out.append(table(["Line", "Minute", "About", "Note"],
                     [[f"L{x['line']}", minute(x["t"]), md(x.get("role") or "-"), md(x["text"])] for x in facts.notes])
               if facts.notes else "No observer notes were recorded in the log.\n")
    out.append("### Evaluator overrides\n")
    out.append(table(["Line", "Target", "What", "Suggested", "Final", "Rationale", "By"],
                     [[f"L{o.line}", md(o.target), md(o.title), o.suggested, o.rating, md(o.rationale), md(o.by)]
                      for o in analysis.overrides])
               if analysis.overrides else "No ratings were overridden; every rating is the scorer's suggestion.\n")
    return out


def render_markdown(data: ReportData, analysis: Analysis | None = None) -> str:
    analysis = analysis or build(data)
    sc = data.pack.scenario
    parts = {"overview": _overview(data), "summary": _summary(data, analysis), "analysis": _analysis(data, analysis),
             "improvement-plan": _plan(analysis), "timeline": _timeline(data, analysis), "charts": _charts(data),
             "participants": _participants(data, analysis)}
    out = [f"# After-Action Report / Improvement Plan: {md(sc.title)}\n",
           f"_{md(sc.city.name)} · {md(sc.threat)}_\n",
           f"> Draft generated from the exercise log `{data.path.name.replace('`', '')}`. Ratings are suggestions until the "
           f"evaluators confirm them; fields marked _{TO_COMPLETE}_ are for the after-action meeting.\n",
           "## Contents\n"]
    out += [f"{i}. [{title}](#{sid})" for i, (sid, title) in enumerate(SECTIONS, 1)]
    for i, (sid, title) in enumerate(SECTIONS, 1):
        out.append(f'\n<a id="{sid}"></a>\n\n## {i}. {title}\n')
        out += parts[sid]
    return "\n".join(out) + "\n"
