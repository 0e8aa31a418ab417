"""The org chart as SVG, laid out in pure Python (no Graphviz, no browser).

Boxes have a fixed width; names and objectives wrap inside them. Reporting
lines are solid and orthogonal, proposed units have a dashed amber outline, and a
legend explains all of it. Collaboration links and dotted-line reporting are
drawn in a panel of their own under the tree (`relations.py`), so that no line
passes behind a box it does not join. The canvas is cropped to the drawing.
Only presentation attributes are used (no CSS, no ids), so the same markup
works as a file and inline in the HTML report, and every piece of text is
escaped for XML.
"""

from __future__ import annotations

from html import escape

from orgdesign.i18n import _, ngettext
from orgdesign.present.chart import labels
from orgdesign.present.chart.layout import Box, Layout, text_width, tree, wrap
from orgdesign.present.chart.model import COLORS, Chart, build, ownership_title
from orgdesign.present.chart.relations import DOTTED, panel
from orgdesign.present.plain import clean

BOX_W = 210.0
PAD = 10.0
INNER = BOX_W - 2 * PAD
NAME_SIZE, NAME_LINE = 12.5, 15.0
META_SIZE, META_LINE = 10.5, 13.0
ITEM_SIZE, ITEM_LINE = 10.5, 13.5
BULLET = 9.0  # room for the bullet before an objective
MARGIN = 24.0
PANEL_GAP = 40.0  # between the tree and the relationships panel
FONT = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"


def esc(value: object) -> str:
    """Text for XML content and attributes: control characters shown, markup escaped.

    >>> esc('<b a="1">&')
    '&lt;b a=&quot;1&quot;&gt;&amp;'
    """
    return escape(clean(value), quote=True)


def num(value: float) -> str:
    """Write a coordinate with at most one decimal: 12.0 -> '12', 3.25 -> '3.2'."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


class _Content:
    """The wrapped lines of one box and the height they need."""

    def __init__(self, chart: Chart, unit_id: str):
        unit = chart.units[unit_id]
        self.unit = unit
        self.name = wrap(clean(unit.name), NAME_SIZE, INNER, bold=True, max_lines=3)
        self.meta = wrap(" · ".join(clean(d) for d in labels.details(unit)), META_SIZE, INNER, max_lines=1)[0]
        ordered = sorted(unit.owned, key=lambda o: (-chart.priorities[o], o))
        self.items = [wrap(clean(chart.objectives[o]), ITEM_SIZE, INNER - BULLET, max_lines=2) for o in ordered]
        self.header = PAD + NAME_LINE * len(self.name) + META_LINE + 4
        body = sum(ITEM_LINE * len(lines) for lines in self.items)
        self.height = self.header + (body + 11 if self.items else PAD - 4)


def render(result, view: str = "recommended") -> str:
    """Render the chart of a Recommendation as a standalone SVG file."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + chart_svg(build(result, view)) + "\n"


def chart_svg(chart: Chart, heading: bool = True, part: str = "all") -> str:
    """Draw the `<svg>` element of a chart, to save or to inline in HTML (where the page has the heading).

    `part` is `all` (the tree with the relationships panel under it), `tree` or `relations` alone:
    a printed report puts each on a page of its own.
    """
    contents = {u: _Content(chart, u) for u in chart.units}
    layout = tree(chart.roots(), chart.reports, lambda u: (BOX_W, round(contents[u].height, 1)))
    show_tree = part in ("all", "tree")
    relations = None
    if part in ("all", "relations"):
        relations = panel(chart, layout.order, num, esc)
    legend, legend_w, legend_h = _legend(chart, show_tree, relations is not None)
    title = esc(chart.title)
    subtitle = (
        _("Recommended ownership of social media objectives")
        if chart.view == "recommended"
        else _("Current ownership of social media objectives, as the org file gives it")
    )
    top = 52.0 if heading else 0.0
    header = top + legend_h + 26.0
    title_w = text_width(clean(chart.title), 19, True) if heading else 0.0
    tree_w, tree_h = (layout.width, layout.height) if show_tree else (0.0, -PANEL_GAP)
    width = max(tree_w, legend_w, title_w, relations.width if relations else 0.0) + 2 * MARGIN
    height = header + tree_h + 2 * MARGIN
    if relations is not None:
        height += PANEL_GAP + relations.height
    owners = sum(bool(u.owned) for u in chart.units.values())
    units = ngettext("{count} unit", "{count} units", len(chart.units)).format(count=len(chart.units))
    owning = ngettext("{count} owner", "{count} owners", owners).format(count=owners)
    label = _("{organization}: org chart").format(organization=chart.title)
    heading_parts = [
        f'<text x="{num(MARGIN)}" y="{num(MARGIN + 18)}" font-size="19" font-weight="bold" '
        f'fill="{COLORS["ink"]}">{title}</text>',
        f'<text x="{num(MARGIN)}" y="{num(MARGIN + 38)}" font-size="12" fill="{COLORS["muted"]}">'
        f"{esc(subtitle)} · {esc(units)} · {esc(owning)}</text>",
    ]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(width)} {num(height)}" '
        f'width="{num(width)}" height="{num(height)}" font-family="{FONT}" role="img" '
        f'aria-label="{esc(label)}">',
        f"<title>{esc(ownership_title(chart, long=True))}</title>",
        f'<rect x="0" y="0" width="{num(width)}" height="{num(height)}" fill="#ffffff"/>',
        *(heading_parts if heading else []),
        f'<g transform="translate({num(MARGIN)},{num(MARGIN + top)})">{legend}</g>',
    ]
    origin_y = MARGIN + header
    if show_tree:
        out.append(f'<g transform="translate({num(MARGIN)},{num(origin_y)})">')
        out.append(_lines(layout))
        for unit_id in chart.units:
            out.append(_box(contents[unit_id], layout.boxes[unit_id]))
        out.append("</g>")
    if relations is not None:
        panel_y = origin_y + tree_h + PANEL_GAP
        out.append(f'<g transform="translate({num(MARGIN)},{num(panel_y)})">{relations.svg}</g>')
    out.append("</svg>")
    return "\n".join(part for part in out if part)


def _lines(layout: Layout) -> str:
    paths = []
    for line in layout.lines:
        (x1, y1), *rest = line
        paths.append(f"M{num(x1)} {num(y1)}" + "".join(f"L{num(x)} {num(y)}" for x, y in rest))
    if not paths:
        return ""
    return (
        f'<path d="{" ".join(paths)}" fill="none" stroke="{COLORS["line"]}" stroke-width="1.3" '
        'stroke-linecap="square"/>'
    )


def _box(content: _Content, box: Box) -> str:
    unit = content.unit
    owner = bool(unit.owned)
    if unit.proposed:
        stroke, fill, band, name_color = COLORS["proposed"], COLORS["proposed_fill"], None, "#7a4a00"
        dash = ' stroke-dasharray="6 4"'
    elif owner:
        stroke, fill, band, dash, name_color = COLORS["owner"], "#ffffff", COLORS["owner_fill"], "", COLORS["ink"]
    else:
        stroke, fill, band, dash, name_color = COLORS["unit"], COLORS["unit_fill"], None, "", "#3e4c59"
    x, y, w, h = box.x, box.y, box.w, box.h
    parts = [f'<g data-unit="{esc(unit.id)}">', f"<title>{esc(unit.name)} ({esc(unit.id)})</title>"]
    parts.append(f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" rx="6" fill="{fill}"/>')
    if band is not None:
        hb, r = content.header, 6
        parts.append(
            f'<path d="M{num(x)} {num(y + hb)}V{num(y + r)}Q{num(x)} {num(y)} {num(x + r)} {num(y)}'
            f'H{num(x + w - r)}Q{num(x + w)} {num(y)} {num(x + w)} {num(y + r)}V{num(y + hb)}Z" '
            f'fill="{band}"/>'
        )
        parts.append(
            f'<path d="M{num(x)} {num(y + hb)}H{num(x + w)}" stroke="{stroke}" stroke-width="0.8" '
            'stroke-opacity="0.5"/>'
        )
    parts.append(
        f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" rx="6" fill="none" '
        f'stroke="{stroke}" stroke-width="{1.6 if owner or unit.proposed else 1.1}"{dash}/>'
    )
    ty = y + PAD + NAME_SIZE - 1
    for line in content.name:
        parts.append(
            f'<text x="{num(x + PAD)}" y="{num(ty)}" font-size="{NAME_SIZE}" font-weight="bold" '
            f'fill="{name_color}">{esc(line)}</text>'
        )
        ty += NAME_LINE
    meta_color = COLORS["proposed"] if unit.proposed else COLORS["muted"]
    style = ' font-style="italic"' if unit.proposed else ""
    parts.append(
        f'<text x="{num(x + PAD)}" y="{num(ty - 1)}" font-size="{META_SIZE}" fill="{meta_color}"{style}>'
        f"{esc(content.meta)}</text>"
    )
    ty = y + content.header + 6 + ITEM_SIZE
    for lines in content.items:
        parts.append(f'<circle cx="{num(x + PAD + 3)}" cy="{num(ty - 3.6)}" r="2.6" fill="{COLORS["owner"]}"/>')
        for line in lines:
            parts.append(
                f'<text x="{num(x + PAD + BULLET)}" y="{num(ty)}" font-size="{ITEM_SIZE}" '
                f'fill="{COLORS["ink"]}">{esc(line)}</text>'
            )
            ty += ITEM_LINE
    parts.append("</g>")
    return "".join(parts)


# --- legend ---------------------------------------------------------------------------


def _legend(chart: Chart, boxes: bool = True, relations: bool = True) -> tuple[str, float, float]:
    """Draw the legend of what is drawn as a row of samples; return it with its width and height."""
    items = []
    if boxes:
        items = [
            ("owner", _("owns objectives (listed in the box)")),
            ("unit", _("owns none")),
            ("reports", _("reports to")),
        ]
        if chart.view == "recommended":
            items.insert(2, ("proposed", _("proposed new unit")))
    if chart.dotted() and relations:
        items.append(("dotted", _("dotted-line reporting")))
    if chart.links and relations:
        items.append(("link", _("works with (collaboration link)")))
    size, height = 11.0, 30.0
    x, parts = 12.0, []
    for kind, text in items:
        cy = height / 2
        if kind in ("owner", "unit", "proposed"):
            stroke = {"owner": COLORS["owner"], "unit": COLORS["unit"], "proposed": COLORS["proposed"]}[kind]
            fill = {"owner": COLORS["owner_fill"], "unit": "#ffffff", "proposed": COLORS["proposed_fill"]}[kind]
            dash = ' stroke-dasharray="4 3"' if kind == "proposed" else ""
            width = "1.6" if kind != "unit" else "1.1"
            parts.append(
                f'<rect x="{num(x)}" y="{num(cy - 8)}" width="26" height="16" rx="3" fill="{fill}" '
                f'stroke="{stroke}" stroke-width="{width}"{dash}/>'
            )
        elif kind == "reports":
            parts.append(f'<path d="M{num(x)} {num(cy)}H{num(x + 26)}" stroke="{COLORS["line"]}" stroke-width="1.3"/>')
        elif kind == "dotted":
            parts.append(
                f'<path d="M{num(x)} {num(cy)}H{num(x + 26)}" stroke="{DOTTED}" stroke-width="1.5" '
                'stroke-dasharray="1.5 3"/>'
            )
        else:
            parts.append(
                f'<path d="M{num(x)} {num(cy + 5)}C{num(x + 10)} {num(cy - 9)} {num(x + 16)} {num(cy + 9)} '
                f'{num(x + 26)} {num(cy - 5)}" fill="none" stroke="{COLORS["link"]}" stroke-width="1.5" '
                'stroke-dasharray="4 3"/>'
            )
        x += 34
        parts.append(
            f'<text x="{num(x)}" y="{num(cy + 4)}" font-size="{num(size)}" fill="{COLORS["muted"]}">{esc(text)}</text>'
        )
        x += text_width(text, size) + 22
    width = x - 10
    frame = (
        f'<rect x="0" y="0" width="{num(width)}" height="{num(height)}" rx="5" fill="#f8fafc" '
        'stroke="#d9e2ec" stroke-width="1"/>'
    )
    return "<g>" + frame + "".join(parts) + "</g>", width, height
