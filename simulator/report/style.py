"""The report page's CSS: inline, no web fonts, no images, readable on screen and on paper."""

PAPER = {"a4": ("A4", "210mm"), "letter": ("letter", "8.5in")}
"""--paper choices: the CSS page size keyword and the page width."""


def css_string(text: str) -> str:
    """A CSS string literal: quotes, backslashes and anything that could close the <style> element escaped."""
    return '"' + "".join(c if c.isalnum() or c in " .,;:-_()/'&!?" else f"\\{ord(c):x} " for c in text) + '"'


def css(paper: str, exercise: str, caveat: str) -> str:
    """The page's CSS for A4 or Letter paper, with the running header (the exercise's name and the
    handling caveat) and page numbers in the page margins when printed."""
    return (CSS.replace("@PAPER@", PAPER[paper][0]).replace("@EXERCISE@", css_string(exercise))
            .replace("@CAVEAT@", css_string(caveat)))


CSS = """
:root { --ink: #1d1d1f; --muted: #5a5a5f; --rule: #d0d0d6; --band: #f4f5f8; --accent: #1f4e79; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 15px; color: var(--ink); }
body { margin: 0 auto; max-width: 1100px; padding: 24px 32px 64px; line-height: 1.45; }
h1 { font-size: 1.9rem; margin: 0 0 4px; color: var(--accent); }
h2 { font-size: 1.4rem; margin: 2.2em 0 0.6em; padding-bottom: 4px; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.15rem; margin: 1.6em 0 0.5em; }
h4 { font-size: 1rem; margin: 1.2em 0 0.3em; }
p, li { max-width: 78ch; }
a { color: var(--accent); }
.cover { border-bottom: 1px solid var(--rule); padding-bottom: 12px; }
.cover .kicker { text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); font-size: 0.85rem; margin: 0; }
.cover .sub { font-size: 1.15rem; margin: 2px 0 8px; }
.draft { background: #fff7e0; border-left: 4px solid #e6a700; padding: 8px 12px; margin: 12px 0; }
nav.toc { background: var(--band); padding: 8px 20px 12px; margin: 18px 0; border-radius: 4px; }
nav.toc h2 { border: 0; margin: 8px 0 4px; font-size: 1.1rem; }
nav.toc ol { margin: 0; padding-left: 1.4em; columns: 2; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.92rem; }
th, td { border: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: var(--band); }
caption { caption-side: top; text-align: left; font-weight: bold; font-size: 1.1rem; margin: 1.2em 0 0.4em; }
table.table1 th.mark, table.table1 td.mark { text-align: center; width: 2.6em; font-weight: bold; }
section.objective { margin-top: 1.4em; }
dl.facts { margin: 8px 0; }
dl.facts div { display: grid; grid-template-columns: 14em 1fr; gap: 0 16px; margin: 0 0 4px; }
dl.facts ul { margin: 0; padding-left: 1.2em; }
dl.facts dt { font-weight: bold; color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.rating { display: inline-block; min-width: 2.2em; text-align: center; font-weight: bold; border-radius: 3px; padding: 0 4px;
          border: 1px solid rgba(0,0,0,0.25); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.r-P { background: #cfe9d6; } .r-S { background: #fff0b3; } .r-M { background: #ffd2a6; } .r-U { background: #f6b3b3; }
.r-NA { background: #e6e6e6; }
.afi { border: 1px solid var(--rule); border-left: 5px solid #c55; border-radius: 4px; padding: 4px 14px 8px; margin: 12px 0; }
.afi.r-S-border { border-left-color: #d4b106; } .afi.r-M-border { border-left-color: #e07b00; } .afi.r-U-border { border-left-color: #c0392b; }
.afi h4 { margin-top: 8px; }
.afi p.label { margin: 8px 0 2px; }
.afi ul { margin: 2px 0; padding-left: 1.3em; }
.afi p.evidence { margin: 2px 0 4px; }
table.plan td:nth-child(4) { min-width: 24em; }
table.plan td:nth-child(3) { min-width: 10em; }
.label { font-weight: bold; color: var(--muted); }
.evidence a + a { margin-left: 4px; }
.muted { color: var(--muted); }
.placeholder { color: #8a5a00; font-style: italic; }
table.timeline td.t { white-space: nowrap; }
table.timeline tr.k-inject td { background: #f3f7fc; }
table.timeline tr.k-statement td { background: #f6fbf4; }
table.timeline tr.k-facilitator td { background: #fbf6fb; }
table.timeline tr:target td { outline: 2px solid #e6a700; background: #fff7e0; }
.flag { display: inline-block; font-size: 0.8rem; text-decoration: none; border-radius: 3px; padding: 0 4px; margin: 1px 2px;
        border: 1px solid rgba(0,0,0,0.25); color: var(--ink); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
figure { margin: 12px 0 24px; }
figure svg { width: 100%; max-width: 900px; height: auto; }
figure table { width: auto; min-width: 60%; }
figcaption { font-weight: bold; margin-bottom: 4px; }
svg.chart text { font-family: inherit; fill: #333; }
svg.chart .tick { font-size: 11px; } svg.chart .axis { font-size: 12px; } svg.chart .legend { font-size: 12px; }
svg.chart .marker { font-size: 10px; fill: #666; }
footer { margin-top: 48px; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--rule); padding-top: 8px; }
@page {
  size: @PAPER@; margin: 18mm 14mm 16mm;
  @top-left { content: @EXERCISE@; font-size: 8pt; color: #5a5a5f; }
  @top-right { content: @CAVEAT@; font-size: 8pt; font-weight: bold; color: #5a5a5f; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #5a5a5f; }
}
@page wide { size: @PAPER@ landscape; }
@media print {
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  nav.toc ol { columns: 1; }
  section.major { break-before: page; }
  section#improvement-plan { page: wide; }
  h1, h2, h3, h4, figcaption, p.label, caption { break-after: avoid; }
  h2 + *, h3 + *, h4 + * { break-before: avoid; }
  tr, .afi, .afi li, figure, dl.facts div, .strength { break-inside: avoid; }
  thead { display: table-header-group; }
  table, th, td { border-color: #777 !important; }
  th, .rating, .flag, .r-P, .r-S, .r-M, .r-U, td.mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  table.timeline tr:target td { outline: none; background: none; }
  figure svg { max-width: 100%; }
}
"""
