"""The after-action report as a Word document (.docx), rendered from the report model with python-docx.

HSEEP's AAR/IP is a Word template, so this is the file a city files and edits: headings,
Table 1 with the rating columns, the improvement plan matrix on landscape pages, the charts
as PNG pictures, a running header (exercise name and handling caveat) and page numbers in
the footer. Areas for improvement and improvement plan rows are bookmarks, and each links to
the other.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Inches, Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..scoring.model import RATING_WORDS
from .charts_png import png
from .docx_xml import bookmark, field, link, no_split, repeat_header, shade
from .data import ReportData
from .model import RATINGS, Area, Report

PAGE = {"a4": (Mm(210), Mm(297)), "letter": (Mm(215.9), Mm(279.4))}
MARGIN = Mm(18)
FILL = {"P": "CFE9D6", "S": "FFF0B3", "M": "FFD2A6", "U": "F6B3B3", "N/A": "E6E6E6"}
"""Rating colours, the same as the HTML page's."""
ACCENT = RGBColor(0x1F, 0x4E, 0x79)


class _Writer:
    def __init__(self, report: Report, paper: str):
        self.r = report
        self.doc = Document()
        self.paper = paper
        self._bookmark = 0
        self._styles()
        self._page(self.doc.sections[0], landscape=False)
        self._header_footer(self.doc.sections[0])

    # ---- page set-up ---------------------------------------------------------------------------

    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = "Liberation Sans"
        normal.font.size = Pt(10)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Liberation Sans")
        for level in range(1, 6):
            style = styles[f"Heading {level}"]
            style.font.name = "Liberation Sans"
            style.font.color.rgb = ACCENT
            style.paragraph_format.keep_with_next = True  # no heading alone at the foot of a page
        styles["Title"].font.name = "Liberation Sans"

    def _page(self, section, landscape: bool) -> None:
        width, height = PAGE[self.paper]
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (height, width) if landscape else (width, height)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)
        section.header_distance = section.footer_distance = Mm(8)

    def _header_footer(self, section) -> None:
        head = section.header.paragraphs[0]
        head.text = ""
        width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
        stops = head.paragraph_format.tab_stops
        for inherited in (Inches(3.25), Inches(6.5)):  # the Header style's centre and right stops
            stops.add_tab_stop(inherited, WD_TAB_ALIGNMENT.CLEAR)
        stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        run = head.add_run(self.r.title)
        run.font.size = Pt(8)
        run = head.add_run("\t" + self.r.caveat)
        run.font.size, run.bold = Pt(8), True
        foot = section.footer.paragraphs[0]
        foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for part in ("Page ", "PAGE", " of ", "NUMPAGES"):
            if part.isupper():
                field(foot, part)
            else:
                foot.add_run(part).font.size = Pt(8)

    def landscape(self, on: bool) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        self._page(section, landscape=on)
        # A new orientation changes the width the header's right tab stop sits at.
        section.header.is_linked_to_previous = False
        section.footer.is_linked_to_previous = False
        self._header_footer(section)

    # ---- building blocks -------------------------------------------------------------------------

    def heading(self, text: str, level: int, bookmark: str | None = None) -> Paragraph:
        p = self.doc.add_heading(text, level)
        if bookmark:
            self.bookmark(p, bookmark)
        return p

    def bookmark(self, p: Paragraph, name: str) -> None:
        self._bookmark += 1
        bookmark(p, name, self._bookmark)

    def para(self, text: str = "", bold_lead: str | None = None, style: str | None = None) -> Paragraph:
        p = self.doc.add_paragraph(style=style)
        if bold_lead:
            p.add_run(bold_lead).bold = True
        if text:
            p.add_run(text)
        return p

    def bullet(self, text: str = "") -> Paragraph:
        """A bulleted paragraph. The style is set by id: python-docx's lookup by name is slow."""
        p = self.doc.add_paragraph(text)
        p._p.get_or_add_pPr().get_or_add_pStyle().val = "ListBullet"
        return p

    def bullets(self, items: Iterable[str]) -> None:
        for item in items:
            self.bullet(item)

    def table(self, columns: list[str], rows: list[list[str]], widths: list[float] | None = None) -> Table:
        t = self.doc.add_table(rows=1, cols=len(columns))
        t.style = "Table Grid"
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        head = t.rows[0]
        repeat_header(head)
        for cell, name in zip(head.cells, columns):
            cell.text = ""
            run = cell.paragraphs[0].add_run(name)
            run.bold = True
            shade(cell, "F4F5F8")
        for row in rows:
            cells = t.add_row().cells
            for cell, value in zip(cells, row):
                cell.text = value
        for row in t.rows:
            no_split(row)
        if widths:
            # Both the grid (LibreOffice reads it) and every cell (Word reads those).
            t.autofit = False
            total = (self.doc.sections[-1].page_width or PAGE[self.paper][0]) - 2 * MARGIN
            for col, w in zip(t.columns, widths):
                col.width = int(total * w)
            for row in t.rows:
                for cell, w in zip(row.cells, widths):
                    cell.width = int(total * w)
        _small(t)
        return t


def _small(t: Table) -> None:
    for row in t.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.space_after = Pt(0)
                for run in p.runs:
                    run.font.size = Pt(8.5)


def _rating_cell(cell, r: str) -> None:
    cell.text = ""
    run = cell.paragraphs[0].add_run(r)
    run.bold = True
    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    shade(cell, FILL.get(r, "FFFFFF"))


def _lines(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers) if numbers else "no log line (nothing happened to cite)"


def _area(w: _Writer, a: Area) -> None:
    w.heading(f"Area for improvement {a.ref.number}: {a.ref.title} ({a.ref.rating})", 4, a.ref.anchor)
    w.para(bold_lead="Observation")
    for o in a.observations:
        p = w.bullet()
        p.add_run(f"{o.rating} ").bold = True
        p.add_run(f"{o.text} (evidence: log lines {_lines(o.evidence)})")
        if o.override:
            p.add_run(f" {o.override}").italic = True
    w.para(bold_lead="Reference")
    w.bullets(a.references)
    w.para(bold_lead="Analysis (root cause)")
    w.bullets(a.analysis)
    p = w.para(bold_lead="Recommendation ")
    p.add_run(f"({a.element}; ")
    link(p, f"improvement plan, row {a.ref.number}", a.plan_anchor)
    p.add_run(f"): {a.recommendation}")
    w.para(_lines(a.evidence), bold_lead="Evidence (log lines): ")


def _analysis(w: _Writer) -> None:
    r = w.r
    w.para("Table 1 gives each objective's suggested rating, rolled up by the scorer from the ratings of the plan steps "
           "and findings that serve it; the objective's section below gives the same rating for the same reason. "
           + "; ".join(f"{k}: {RATING_WORDS[k].lower()}" for k in RATINGS) + ".")
    cap = w.para(bold_lead="Table 1. Summary of core capability performance")
    cap.paragraph_format.keep_with_next = True
    t = w.table(["Objective", "Core capability", *RATINGS, "Why"],
                [[f"{row.id}: {row.title}", row.capability, *[""] * len(RATINGS), row.reason] for row in r.table1],
                widths=[0.3, 0.17, 0.05, 0.05, 0.05, 0.05, 0.33])
    for row, cells in zip(r.table1, t.rows[1:]):
        for i, k in enumerate(RATINGS):
            if row.rating == k:
                _rating_cell(cells.cells[2 + i], k)
        for c in cells.cells:
            for run in (x for p in c.paragraphs for x in p.runs):
                run.font.size = Pt(8.5)
    for sec in r.objectives:
        w.heading(sec.heading + (f" ({sec.rating})" if sec.rating else ""), 3, sec.anchor)
        w.para(f"Core capability: {sec.capability}." + (f" Why this rating: {sec.reason}" if sec.reason else ""))
        w.heading("Strengths", 4)
        if sec.strengths:
            for s in sec.strengths:
                p = w.bullet()
                p.add_run(s.title + " ").bold = True
                p.add_run(f"{s.summary} (evidence: log lines {_lines(s.evidence)})")
        else:
            w.para("No strength recorded for this objective.")
        w.heading("Areas for improvement", 4)
        for a in sec.areas:
            _area(w, a)
        if not sec.areas:
            w.para("No area for improvement.")


def _plan(w: _Writer) -> None:
    r = w.r
    if not r.plan:
        w.para("No area for improvement, so no corrective action is proposed.")
        return
    w.para("One row per area for improvement. Corrective actions are drafts for the after-action meeting; the capability "
           "element (POETE: Planning, Organization, Equipment, Training, Exercises) is a suggestion. Point of contact and "
           "dates are left for the meeting to fill in.")
    t = w.table(["No.", "Core capability", "Area for improvement", "Corrective action (draft)", "Capability element",
                 "Primary responsible organisation", "Point of contact", "Start date", "Completion date"],
                [[str(p.number), p.capability, "", p.action, p.element, p.organisation, p.contact, p.start, p.end]
                 for p in r.plan], widths=[0.035, 0.10, 0.15, 0.29, 0.09, 0.11, 0.08, 0.07, 0.07])
    for p, row in zip(r.plan, t.rows[1:]):
        w.bookmark(row.cells[0].paragraphs[0], p.anchor)
        cell = row.cells[2].paragraphs[0]
        link(cell, p.area.short, p.area.anchor, size=8.5)
        cell.add_run(f" ({p.area.rating})")
        for c in row.cells:
            for run in (x for q in c.paragraphs for x in q.runs):
                run.font.size = Pt(8.5)
                if run.text == r.placeholder:
                    run.italic = True


def _participants(w: _Writer) -> None:
    r = w.r
    w.table(r.participant_columns, r.participants)
    w.heading("Hot wash", 3)
    if r.hot_wash:
        w.table(["Line", "Question", "Asked", "Answer", "By"],
                [[str(h.line), h.question, h.asked, h.answer, h.by] for h in r.hot_wash])
    else:
        w.para("No hot-wash answers were recorded in the log.")
    w.heading("Observer notes", 3)
    if r.notes:
        w.table(["Line", "When", "About", "Note"], [[str(x.line), x.when, x.about, x.text] for x in r.notes])
    else:
        w.para("No observer notes were recorded in the log.")
    w.heading("Evaluator overrides", 3)
    if r.overrides:
        w.table(["Line", "Target", "What", "Suggested", "Final", "Rationale", "By"],
                [[str(o.line), o.target, o.what, o.suggested, o.rating, o.rationale, o.by] for o in r.overrides])
    else:
        w.para("No ratings were overridden; every rating is the scorer's suggestion.")


def render_docx(report: Report | ReportData, paper: str = "a4") -> bytes:
    """The report as .docx bytes, on A4 (default) or Letter paper."""
    if isinstance(report, ReportData):
        from .build import build_report

        report = build_report(report)
    w = _Writer(report, paper)
    r = report
    kicker = w.para(f"After-Action Report / Improvement Plan (AAR/IP) \u00b7 {r.caveat}")
    kicker.runs[0].font.color.rgb = RGBColor(0x5A, 0x5A, 0x5F)
    w.doc.add_heading(r.title, 0)
    w.para(f"{r.city} \u00b7 {r.threat}")
    w.para(f"Draft generated from the exercise log {r.log_name}. Ratings are suggestions until the evaluators confirm "
           f"them; fields marked \u2018{r.placeholder}\u2019 are for the after-action meeting.").runs[0].italic = True
    w.heading("Contents", 2)
    for i, (_sid, title) in enumerate(r.sections, 1):
        w.para(f"{i}. {title}")
    for i, (sid, title) in enumerate(r.sections, 1):
        if sid == "improvement-plan":
            w.landscape(True)
        elif sid == "timeline":
            w.landscape(False)
        else:
            w.doc.add_page_break()
        w.heading(f"{i}. {title}", 1, sid)
        if sid == "overview":
            facts = [(f.label, f.value if isinstance(f.value, str) else "\n".join(f.value)) for f in r.overview.facts]
            if r.overview.log_digest:
                facts.append(("Log digest", r.overview.log_digest))
            t = w.table(["Item", "Details"], [[k, v] for k, v in facts], widths=[0.25, 0.75])
            for row in t.rows[1:]:
                for run in row.cells[0].paragraphs[0].runs:
                    run.bold = True
        elif sid == "summary":
            for p in r.summary.paragraphs:
                w.para(p)
            w.heading("Major strengths", 3)
            w.bullets(r.summary.strengths) if r.summary.strengths else w.para("No plan step or rule was performed without challenges.")
            w.heading("Primary areas for improvement", 3)
            for a in r.summary.primary:
                item = w.bullet()
                item.add_run(f"{a.rating} ").bold = True
                link(item, f"Area for improvement {a.number}", a.anchor)
                item.add_run(f": {a.title}")
            if not r.summary.primary:
                w.para("None: every rated finding was performed without challenges.")
        elif sid == "analysis":
            _analysis(w)
        elif sid == "improvement-plan":
            _plan(w)
        elif sid == "timeline":
            w.para(r.timeline_intro)
            w.table(["Line", "Minute", "Clock", "Kind", "Who", "What", "Flags"],
                    [[str(t.line), t.minute, t.clock, t.kind, t.who, t.what,
                      ", ".join(f"{f.rating} AFI {f.area.number}" for f in t.flags)] for t in r.timeline],
                    widths=[0.06, 0.07, 0.09, 0.08, 0.14, 0.46, 0.10])
        elif sid == "charts":
            for fig in r.figures:
                w.heading(fig.title, 3)
                w.doc.add_picture(io.BytesIO(png(fig.chart)), width=PAGE[paper][0] - 2 * MARGIN)
                w.doc.paragraphs[-1].paragraph_format.keep_with_next = True
                w.table(fig.columns, fig.rows)
                w.para("")
        elif sid == "participants":
            _participants(w)
    w.para(f"Generated by tabletop {r.version} from {r.log_name} (seed {r.seed}); the log replays exactly. "
           f"Ratings follow HSEEP: P, S, M, U and N/A (not observed). {r.caveat}.")
    core = w.doc.core_properties
    core.title, core.subject = f"After-Action Report: {r.title}", "After-Action Report / Improvement Plan"
    core.keywords, core.author = r.caveat, f"tabletop {r.version}"
    out = io.BytesIO()
    w.doc.save(out)
    return out.getvalue()
