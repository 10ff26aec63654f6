"""The bits of WordprocessingML that python-docx has no API for: fields, bookmarks, internal
links, cell shading and table-row properties (for report/docx.py)."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph


def bookmark_name(anchor: str) -> str:
    """Word bookmark names: letters, digits and '_', starting with a letter, at most 40 characters."""
    return ("_" if not anchor[:1].isalpha() else "") + "".join(c if c.isalnum() else "_" for c in anchor)[:39]


def field(p: Paragraph, instr: str) -> None:
    """A Word field (PAGE, NUMPAGES) that the reader's application fills in."""
    run = p.add_run()
    run.font.size = Pt(8)
    for kind, text in (("begin", None), (None, instr), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == instr:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instr} "
            run._r.append(el)
        else:
            el = OxmlElement("w:t")
            el.text = text
            run._r.append(el)


def link(p: Paragraph, text: str, anchor: str, size: float | None = None) -> None:
    """An internal hyperlink to a bookmark (in points `size`, else the paragraph's size)."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark_name(anchor))
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    colour, underline = OxmlElement("w:color"), OxmlElement("w:u")
    colour.set(qn("w:val"), "1F4E79")
    underline.set(qn("w:val"), "single")
    props.append(colour)
    props.append(underline)
    if size is not None:
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(round(size * 2)))
        props.append(sz)
    run.append(props)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    link.append(run)
    p._p.append(link)


def shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def repeat_header(row) -> None:
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def no_split(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def bookmark(p: Paragraph, name: str, number: int) -> None:
    """Make the paragraph a bookmark that internal links can point at."""
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), bookmark_name(name))
    end.set(qn("w:id"), str(number))
    p._p.insert(1 if p._p.pPr is not None else 0, start)
    p._p.append(end)
