"""The report as one self-contained HTML page: readable offline, printable, and inert.

Everything is inline: the CSS, the org chart (the SVG of `svg.py`), the tables.
There is no script, no font, no image and no link to anywhere but the page
itself, and a Content-Security-Policy meta forbids loading anything, so an
opened report makes no request. Every piece of text from an org file or a rule
pack goes through `esc()` (control characters shown, `html.escape(quote=True)`).
The page is a generic rendering of the view's blocks (see `view.py`): this
module knows how to draw a table or a list, not what a recommendation says.
"""

from __future__ import annotations

from string import Template

from orgdesign import __version__
from orgdesign.i18n import _, language
from orgdesign.present import document as doc
from orgdesign.present.chart.model import COLORS, build
from orgdesign.present.chart.pages import parts
from orgdesign.present.chart.svg import chart_svg, esc

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

CSS = Template("""
:root { --ink: #1f2933; --muted: #52606d; --rule: #d9e2ec; --soft: #f5f7fa; --owner: $owner;
  --owner-fill: $owner_fill; --proposed: $proposed; --link: $link; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.45; font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
.page { max-width: 1180px; margin: 0 auto; padding: 28px 24px 48px; }
header { border-bottom: 3px solid var(--owner); padding-bottom: 14px; margin-bottom: 20px; }
.eyebrow { margin: 0; color: var(--owner); font-weight: 600; font-size: 13px; letter-spacing: .06em;
  text-transform: uppercase; }
h1 { margin: 4px 0 6px; font-size: 30px; line-height: 1.2; }
h2 { margin: 36px 0 10px; font-size: 21px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
h3 { margin: 22px 0 8px; font-size: 16px; }
p { margin: 6px 0 10px; }
.facts, .note { color: var(--muted); }
nav { margin-top: 10px; font-size: 13.5px; display: flex; flex-wrap: wrap; gap: 4px 16px; }
nav a { color: var(--owner); text-decoration: none; }
a { color: var(--owner); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .88em;
  background: var(--soft); padding: 1px 4px; border-radius: 3px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 16px 0 4px; }
.card { border: 1px solid var(--rule); border-radius: 8px; padding: 10px 14px; background: var(--soft); }
.card .label { color: var(--muted); font-size: 12.5px; text-transform: uppercase; letter-spacing: .04em; }
.card .value { font-size: 19px; font-weight: 650; margin-top: 2px; }
.chart { overflow: auto; border: 1px solid var(--rule); border-radius: 8px; background: #fff; }
.chart svg { display: block; height: auto; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0 4px; }
th, td { border-bottom: 1px solid var(--rule); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.id { color: var(--muted); font-size: 12.5px; }
.moved { color: #b44d12; font-weight: 600; }
table.raci { width: auto; }
table.raci th.dept { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 500;
  font-size: 12.5px; padding: 8px 4px; vertical-align: bottom; text-align: left; }
table.raci td.role { text-align: center; font-weight: 700; min-width: 30px; padding: 5px 4px;
  border-left: 1px solid #edf0f3; }
.role-A { background: var(--owner); color: #fff; }
.role-R { background: #d3e2f6; }
.role-C { background: #fde7c2; }
.role-I { background: #eceff3; color: #3e4c59; }
.key span { display: inline-block; padding: 1px 8px; margin: 0 6px 0 12px; border-radius: 3px; font-weight: 700; }
.key span:first-child { margin-left: 0; }
ul.findings { list-style: none; padding: 0; margin: 8px 0; }
ul.findings li { border-left: 4px solid var(--rule); padding: 6px 12px; margin: 8px 0; background: var(--soft);
  border-radius: 0 6px 6px 0; }
li.sev-error { border-left-color: #c81e1e !important; }
li.sev-warning { border-left-color: #d97706 !important; }
li.sev-info { border-left-color: var(--owner) !important; }
.badge { display: inline-block; font-size: 12px; font-weight: 700; padding: 0 6px; border-radius: 3px;
  background: #fff; border: 1px solid var(--rule); margin-right: 6px; }
.help { color: #2f6f3e; }
dl.structure { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 8px 0; }
dl.structure dt { font-weight: 600; }
dl.structure dd { margin: 0; }
article.why { border: 1px solid var(--rule); border-radius: 8px; padding: 4px 14px 10px; margin: 14px 0; }
article.why h3 { margin-top: 10px; }
ul.items { list-style: none; padding: 0; }
ul.items li { margin: 5px 0; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--rule); padding-top: 10px; }
.print-only { display: none; }
@media (max-width: 600px) {
  body { font-size: 14px; }
  .page { padding: 18px 14px 36px; }
  h1 { font-size: 24px; overflow-wrap: anywhere; }
  table { font-size: 13px; }
  th, td { padding: 5px 5px; }
}
@page { size: A4 portrait; margin: 12mm; }
@page wide { size: A4 landscape; margin: 10mm; }
@page tall { size: A4 portrait; margin: 10mm; }
@media print {
  body { font-size: 10pt; }
  .page { max-width: none; padding: 0; }
  nav { display: none; }
  .screen-only { display: none !important; }
  .print-only { display: block; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, li, article.why, .card { break-inside: avoid; page-break-inside: avoid; }
  .scroll { overflow: visible; }
  .sheet { margin: 0; break-inside: avoid; }
  .sheet + .sheet { break-before: page; }
  .sheet.wide { page: wide; }
  .sheet.tall { page: tall; }
  .sheet p.caption { font-size: 9pt; color: var(--muted); margin: 0 0 4px; }
  .sheet svg { display: block; }
  section#raci { page: wide; }
  table.raci { font-size: 7.5pt; margin-bottom: 10px; }
  table.raci th { padding: 2px 4px; }
  table.raci th.dept { font-size: 7.5pt; padding: 3px 1px; }
  table.raci td.role { min-width: 0; width: 17px; padding: 2px 1px; }
  a { color: inherit; text-decoration: none; }
  .role-A, .role-R, .role-C, .role-I, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""").substitute(COLORS)


def render(result, view: str = "recommended") -> str:
    """Render the HTML report of a Recommendation; `view` picks the ownership the chart shows."""
    from orgdesign.present.view import recommendation, report_title

    document = recommendation(result, chart=view)
    name = esc(document.title)
    draw = _Drawer(result)
    eyebrow = esc(_("Social media ownership report"))
    contents = "".join(f'<a href="#{s.key}">{esc(s.title)}</a>' for s in document.sections if s.key != "summary")
    page = [
        "<!DOCTYPE html>",
        f'<html lang="{language()}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f'<meta name="generator" content="orgdesign {esc(__version__)}">',
        f"<title>{esc(report_title(document.title))}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        '<div class="page">',
        "<header>",
        f'<p class="eyebrow">{eyebrow}</p>',
        f"<h1>{name}</h1>",
        f'<p class="facts">{" · ".join(esc(f) for f in document.facts)}</p>',
        f"<nav>{contents}</nav>",
        "</header>",
        "<main>",
        *(draw.section(s) for s in document.sections),
        "</main>",
        f"<footer>{footer(document)}</footer>",
        "</div>",
        "</body>",
        "</html>",
    ]
    return "\n".join(page) + "\n"


def footer(document) -> str:
    """The page's last line: who made it, and where its reasons are (a link to the "why" section)."""
    why = next((s.title for s in document.sections if s.key == "why"), "")
    made = esc(_("Made with orgdesign {version}.").format(version=__version__))
    if not why:
        return made
    # Translators: {section} is the title of the section "Why each owner", shown as a link.
    text = esc(
        _(
            "Every recommendation above is the sum of the rules listed under {section},"
            " each with the evidence it rests on."
        )
    )
    return made + " " + text.replace("{section}", f'<a href="#why">{esc(why)}</a>')


_TAGS = {"strong": "strong", "code": "code"}
_CLASSES = {"muted": "id", "id": "id", "good": "help", "warn": "moved", "bad": "moved"}
_BADGES = ("error", "warning", "info")


def spans(line) -> str:
    """A view line as HTML: every piece escaped, its role as a tag or a class."""
    from orgdesign.evidence import EVIDENCE

    out = []
    for span in line:
        text = esc(span.text)
        if span.kind in _TAGS:
            text = f"<{_TAGS[span.kind]}>{text}</{_TAGS[span.kind]}>"
        elif span.kind in _CLASSES:
            text = f'<span class="{_CLASSES[span.kind]}">{text}</span>'
        elif span.kind in _BADGES:
            text = f'<span class="badge">{text}</span>'
        elif span.kind == "evidence":
            known = EVIDENCE.get(span.text)
            title = f' title="{esc(known.summary)}"' if known else ""
            text = f'<a href="#ev-{text}"{title}>{text}</a>'
        elif span.kind == "link":
            text = f'<a href="#{esc(span.target)}">{text}</a>'
        out.append(text)
    return "".join(out)


class _Drawer:
    """Draws any block as HTML; the chart block is the one that needs the recommendation itself."""

    def __init__(self, result):
        self.result = result

    def section(self, section) -> str:
        heading = "" if section.key == "summary" else f"<h2>{esc(section.title)}</h2>"
        return f'<section id="{esc(section.key)}">{heading}{"".join(self.block(b) for b in section.blocks)}</section>'

    def block(self, block) -> str:
        if isinstance(block, doc.Paragraph):
            return f'<p class="note">{spans(block.text)}</p>' if block.note else f"<p>{spans(block.text)}</p>"
        if isinstance(block, doc.Facts):
            if block.cards:
                cards = "".join(
                    f'<div class="card"><div class="label">{esc(label)}</div><div class="value">{spans(value)}</div>'
                    "</div>"
                    for label, value in block.pairs
                )
                return f'<div class="cards">{cards}</div>'
            terms = "".join(f"<dt>{esc(label)}</dt><dd>{spans(value)}</dd>" for label, value in block.pairs)
            return f'<dl class="structure">{terms}</dl>'
        if isinstance(block, doc.Items):
            return self.items(block)
        if isinstance(block, doc.Table):
            return self.table(block)
        if isinstance(block, doc.Matrix):
            return self.matrix(block)
        if isinstance(block, doc.Part):
            inner = "".join(self.block(b) for b in block.blocks)
            return f'<article class="why" id="{esc(block.anchor)}"><h3>{spans(block.title)}</h3>{inner}</article>'
        if isinstance(block, doc.Chart):
            return self.chart(block.view)
        raise TypeError(f"no HTML for {type(block).__name__}")

    def items(self, block) -> str:
        if not block.items:
            return f"<p>{esc(block.empty)}</p>" if block.empty else ""
        look = "findings" if any(item.tone for item in block.items) else "items"
        out = []
        for item in block.items:
            attributes = f' id="{esc(item.anchor)}"' if item.anchor else ""
            attributes += f' class="sev-{esc(item.tone)}"' if item.tone else ""
            lines = "<br>".join(spans(x) for x in (item.text, *item.details))
            out.append(f"<li{attributes}>{lines}</li>")
        return f'<ul class="{look}">{"".join(out)}</ul>'

    def table(self, block) -> str:
        def cell(tag: str, column, content: str) -> str:
            return f'<{tag} class="num">{content}</{tag}>' if column.numeric else f"<{tag}>{content}</{tag}>"

        head = "".join(cell("th", c, esc(c.header)) for c in block.columns)
        rows = "".join(
            "<tr>" + "".join(cell("td", c, spans(v)) for c, v in zip(block.columns, row, strict=True)) + "</tr>"
            for row in block.rows
        )
        foot = ""
        if block.footer:
            cells = "".join(cell("td", c, spans(v)) for c, v in zip(block.columns, block.footer, strict=True))
            foot = f"<tfoot><tr>{cells}</tr></tfoot>"
        return f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody>{foot}</table></div>'

    def matrix(self, block) -> str:
        key = "".join(
            f'<span class="role-{esc(code)}">{esc(code)}</span>{esc(meaning)}' for code, meaning in block.legend
        )
        whole = self.raci_table(block, range(len(block.columns)))
        groups = _column_groups(len(block.columns), PRINT_COLUMNS)
        if len(groups) == 1:
            return f'<p class="key note">{key}</p><div class="scroll">{whole}</div>'
        printed = "".join(
            '<p class="note">'
            + esc(
                _("Departments {first}\u2013{last} of {count}").format(
                    first=group.start + 1, last=group.stop, count=len(block.columns)
                )
            )
            + "</p>"
            + self.raci_table(block, group)
            for group in groups
        )  # printed in column groups, so that every cell is on the page
        return (
            f'<p class="key note">{key}</p><div class="scroll screen-only">{whole}</div>'
            f'<div class="print-only">{printed}</div>'
        )

    @staticmethod
    def raci_table(block, columns: range) -> str:
        head = "".join(
            f'<th class="dept" title="{esc(ident)}">{esc(name)}</th>'
            for name, ident in (block.columns[c] for c in columns)
        )
        rows = []
        for label, codes in block.rows:
            cells = "".join(
                f'<td class="role role-{esc(codes[c])}">{esc(codes[c])}</td>' if codes[c] else '<td class="role"></td>'
                for c in columns
            )
            rows.append(f"<tr><th>{spans(label)}</th>{cells}</tr>")
        return (
            f'<table class="raci"><thead><tr><th>{esc(block.corner)}</th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )

    def chart(self, view: str) -> str:
        chart = build(self.result, view)
        svg = chart_svg(chart, heading=False)
        width = float(svg.split('width="', 1)[1].split('"', 1)[0])
        style = f"width:100%;min-width:{min(width, round(width * 0.7)):.0f}px;max-width:{width:.0f}px"
        svg = svg.replace("<svg ", f'<svg style="{style}" ', 1)
        sheets = []
        for part in parts(chart):  # on paper: page-sized parts, none with text under 6 pt
            drawn = part.svg.replace("<svg ", f'<svg style="width:{part.width:g}px;height:{part.height:g}px" ', 1)
            page = "wide" if part.landscape else "tall"
            sheets.append(f'<div class="sheet {page}"><p class="caption">{esc(part.caption)}</p>{drawn}</div>')
        return f'<div class="chart screen-only">{svg}</div><div class="print-only">{"".join(sheets)}</div>'


PRINT_COLUMNS = 44  # RACI columns that print legibly across an A4 landscape page (17 px each)


def _column_groups(count: int, size: int) -> list[range]:
    """`count` columns in balanced consecutive groups of at most `size`.

    >>> _column_groups(80, 44)
    [range(0, 40), range(40, 80)]
    """
    groups = max(1, -(-count // size))
    base, extra = divmod(count, groups)
    out, start = [], 0
    for index in range(groups):
        end = start + base + (index < extra)
        out.append(range(start, end))
        start = end
    return out
