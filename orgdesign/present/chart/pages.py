"""The org chart cut into parts that each print legibly on one A4 page.

Printed whole, the chart of a 60-department org is scaled down to 3 pt text.
A printed report shows it in parts instead: the whole tree when it fits a
page, otherwise the top of the tree with its direct reports, then each direct
report's own subtree (split once more if it is still too large), each on a
landscape or portrait page, whichever shows it larger. The relationships
panel gets a page of its own. A part is never drawn smaller than `SCALE`
unless it cannot be cut further (one unit with a very long list of reports).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from orgdesign.i18n import _
from orgdesign.present.chart.labels import and_list
from orgdesign.present.chart.model import Chart
from orgdesign.present.chart.svg import chart_svg

# An A4 page less 10 mm margins and room for a caption, in CSS px (96 per inch).
LANDSCAPE = (1040.0, 640.0)
PORTRAIT = (715.0, 960.0)
SCALE = 0.77  # the smallest text of the chart (10.5 px) then prints at 6 pt
MAX_DEPTH = 2  # how many times a part is cut before it is printed as it is


@dataclass(frozen=True)
class Part:
    """One printed page of the chart: its caption, its SVG, the page's orientation and the drawn size."""

    caption: str
    svg: str
    landscape: bool
    width: float  # in CSS px, as printed
    height: float


def _size(svg: str) -> tuple[float, float]:
    width, height = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups()
    return float(width), float(height)


def fit(svg: str, minimum: float = SCALE) -> Part | None:
    """Place an SVG on the page that shows it largest; None if it would print below `minimum` scale."""
    width, height = _size(svg)
    best = max(
        (min(1.0, w / width, h / height), landscape) for landscape, (w, h) in ((True, LANDSCAPE), (False, PORTRAIT))
    )
    scale, landscape = best
    if scale < minimum:
        return None
    return Part("", svg, landscape, round(width * scale, 1), round(height * scale, 1))


def _below(chart: Chart, top: str) -> list[str]:
    """`top` and every unit under it, without recursion."""
    out, todo = [], [top]
    while todo:
        unit = todo.pop()
        out.append(unit)
        todo.extend(chart.reports(unit))
    return out


def restrict(chart: Chart, keep: list[str]) -> Chart:
    """The chart of some of its units: a unit whose manager is left out becomes a root."""
    kept = set(keep)
    units = {
        u: unit if unit.manager in kept or unit.manager is None else replace(unit, manager=None)
        for u, unit in chart.units.items()
        if u in kept
    }
    children = {m: tuple(r for r in reports if r in kept) for m, reports in chart.children.items() if m in kept}
    links = tuple(link for link in chart.links if link.a in kept and link.b in kept)
    return replace(chart, units=units, children={m: r for m, r in children.items() if r}, links=links)


def _groups(chart: Chart, branches: list[str]) -> list[tuple[list[str], str]]:
    """Subtrees side by side on one page while they fit it (a page holds few boxes, so this stays linear)."""
    out: list[tuple[list[str], list[str]]] = []
    for branch in branches:
        units = _below(chart, branch)
        if out:
            heads, group = out[-1]
            if fit(chart_svg(restrict(chart, group + units), heading=False, part="tree")) is not None:
                out[-1] = ([*heads, branch], group + units)
                continue
        out.append(([branch], units))
    return [(group, _caption([chart.units[h].name for h in heads])) for heads, group in out]


def _caption(names: list[str]) -> str:
    if len(names) == 1:
        return _("{name} and the units under it").format(name=names[0])
    return _("{names}, with the units under them").format(names=and_list(names))


def parts(chart: Chart) -> list[Part]:
    """The tree in printable parts, in reading order, then the relationships panel if there is one."""
    out: list[Part] = []
    todo: list[tuple[Chart, str, int]] = [(chart, _("The whole org chart"), 0)]
    while todo:
        piece, caption, depth = todo.pop(0)
        svg = chart_svg(piece, heading=False, part="tree")
        placed = fit(svg)
        roots = piece.roots()
        branches = [r for r in (roots if len(roots) > 1 else piece.reports(roots[0])) if piece.reports(r)]
        if placed is not None or depth >= MAX_DEPTH or not branches:
            out.append(replace(placed or fit(svg, 0.0), caption=caption))
            continue
        pieces = [(restrict(piece, units), caption, depth + 1) for units, caption in _groups(piece, branches)]
        if len(roots) == 1:
            top = [roots[0], *piece.reports(roots[0])]
            moved = ", ".join(piece.units[b].name for b in branches)
            head = _("{name} and its direct reports (the units under {names} follow)").format(
                name=piece.units[roots[0]].name, names=moved
            )
            pieces.insert(0, (restrict(piece, top), head, MAX_DEPTH))
        elif alone := [r for r in roots if not piece.reports(r)]:
            pieces.insert(0, (restrict(piece, alone), _("Units that report to no one in the chart"), MAX_DEPTH))
        todo[0:0] = pieces
    relations = chart_svg(chart, heading=False, part="relations")
    if chart.links or chart.dotted():
        out.append(replace(fit(relations, 0.0), caption=_("Every working relationship, on one page")))
    return out
