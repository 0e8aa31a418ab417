"""The panel of working relationships drawn under the org chart: collaboration links and dotted lines.

A collaboration link drawn across the tree passes behind the boxes between its
two ends, and a reader sees a link that does not exist (Marketing <-> Trade
Sales read as Taproom <-> Trade Sales). So the tree carries only the reporting
lines, and the relationships get a view of their own, an arc diagram: every
unit that has one is a row (in the tree's order, so a department's neighbours
sit near it), collaboration links are dashed orange arcs on the right of the
rows and dotted-line reporting is dotted grey arcs on their left. An arc never
crosses a row, whatever the size of the org, and drawing it costs one pass over
the links.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgdesign.i18n import _
from orgdesign.present.chart.layout import text_width, wrap
from orgdesign.present.chart.model import COLORS, Chart
from orgdesign.present.plain import HUB_TIE, clean

ROW = 24.0  # from one row to the next
CHIP_H = 17.0  # the height of a row's name chip
CHIP_W = 280.0
NAME_SIZE = 11.0
HEADING = 34.0  # room for the panel's heading
MIN_BULGE, MAX_BULGE = 26.0, 720.0  # how far an arc reaches out, by the rows it spans
DOTTED = "#616e7c"  # dotted-line reporting: grey, dotted


@dataclass(frozen=True)
class Panel:
    """The panel's markup (origin at its top-left) and its size."""

    svg: str
    width: float
    height: float


def _reach(rows_apart: int) -> float:
    """How far out an arc between rows `rows_apart` apart bulges, so longer arcs enclose shorter ones."""
    return min(MAX_BULGE, max(MIN_BULGE, rows_apart * ROW * 1.1))


def panel(chart: Chart, order: tuple[str, ...], num, esc) -> Panel | None:
    """Draw the relationships of a chart, or None when it has neither links nor dotted lines.

    `order` is the tree's reading order (so a department's neighbours sit near it); `num` and `esc`
    write numbers and text.
    """
    dotted = chart.dotted()
    if not chart.links and not dotted:
        return None
    involved = {u for link in chart.links for u in (link.a, link.b)} | {u for pair in dotted for u in pair}
    rows = [u for u in order if u in involved]
    index = {u: i for i, u in enumerate(rows)}
    spans = [abs(index[a] - index[b]) for a, b in dotted]
    left = (max(_reach(s) for s in spans) * 0.75 + 8.0) if dotted else 0.0
    chip_x = round(left, 1)
    right = chip_x + CHIP_W
    heading = _("Who works with whom")
    parts = [
        f'<text x="0" y="14" font-size="14" font-weight="bold" fill="{COLORS["ink"]}">{esc(heading)}</text>',
        f'<text x="0" y="29" font-size="11" fill="{COLORS["muted"]}">'
        f"{esc(_subtitle(bool(chart.links), bool(dotted)))}</text>",
    ]

    def middle(unit: str) -> float:
        return HEADING + index[unit] * ROW + CHIP_H / 2

    for unit in rows:
        y = HEADING + index[unit] * ROW
        name = wrap(clean(chart.units[unit].name), NAME_SIZE, CHIP_W - 14, bold=True, max_lines=1)[0]
        fill = COLORS["proposed_fill"] if chart.units[unit].proposed else "#f5f7fa"
        parts.append(
            f'<g data-row="{esc(unit)}"><rect x="{num(chip_x)}" y="{num(y)}" width="{num(CHIP_W)}" '
            f'height="{num(CHIP_H)}" rx="3" fill="{fill}" stroke="#d9e2ec" stroke-width="0.8"/>'
            f'<text x="{num(chip_x + 7)}" y="{num(y + 12.5)}" font-size="{num(NAME_SIZE)}" font-weight="bold" '
            f'fill="{COLORS["ink"]}">{esc(name)}</text></g>'
        )
    widest = right
    arcs = [f'<g fill="none" stroke="{COLORS["link"]}" stroke-width="1.3" stroke-dasharray="6 3" stroke-opacity="0.8">']
    for link in sorted(chart.links, key=lambda k: (abs(index[k.a] - index[k.b]), index[k.a], index[k.b])):
        ya, yb = middle(link.a), middle(link.b)
        reach = _reach(abs(index[link.a] - index[link.b]))
        widest = max(widest, right + reach * 0.75)
        names = ", ".join(clean(chart.objectives[o]) for o in link.objectives) or _(HUB_TIE)
        label = f"{chart.units[link.a].name} \u2194 {chart.units[link.b].name}: {names}"
        arcs.append(
            f'<path data-link="{esc(link.a)} {esc(link.b)}" d="M{num(right)} {num(ya)}C{num(right + reach)} '
            f'{num(ya)} {num(right + reach)} {num(yb)} {num(right)} {num(yb)}"><title>{esc(label)}</title></path>'
        )
    arcs.append("</g>")
    if chart.links:
        parts.extend(arcs)
        ends = sorted({middle(u) for link in chart.links for u in (link.a, link.b)})
        parts.append(
            f'<g fill="{COLORS["link"]}">'
            + "".join(f'<circle cx="{num(right)}" cy="{num(y)}" r="2.4"/>' for y in ends)
            + "</g>"
        )
    if dotted:
        parts.append(f'<g fill="none" stroke="{DOTTED}" stroke-width="1.5" stroke-dasharray="1.5 3">')
        for manager, report in dotted:
            reach = _reach(abs(index[manager] - index[report]))
            ya, yb = middle(report), middle(manager)
            label = _("{unit} has a dotted line to {manager}").format(
                unit=chart.units[report].name, manager=chart.units[manager].name
            )
            parts.append(
                f'<path data-dotted="{esc(manager)} {esc(report)}" d="M{num(chip_x)} {num(ya)}C{num(chip_x - reach)} '
                f'{num(ya)} {num(chip_x - reach)} {num(yb)} {num(chip_x)} {num(yb)}"><title>{esc(label)}</title></path>'
            )
        parts.append("</g>")
    width = max(widest, text_width(heading, 14, True))
    height = HEADING + len(rows) * ROW - (ROW - CHIP_H)
    return Panel("<g>" + "".join(parts) + "</g>", round(width, 1), round(height, 1))


def _subtitle(links: bool, dotted: bool) -> str:
    if links and dotted:
        return _(
            "An orange arc on the right joins two units that must work together; a grey dotted arc on the left "
            "joins a unit to its dotted-line manager (an arc's tooltip names its objectives)."
        )
    if links:
        return _(
            "An orange arc on the right joins two units that must work together (an arc's tooltip names its "
            "objectives)."
        )
    return _("A grey dotted arc on the left joins a unit to its dotted-line manager.")
