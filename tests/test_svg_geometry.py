"""The SVG chart tells the truth: no line passes behind a box it does not join, and the canvas fits the drawing.

These read the SVG itself (boxes, rows and link paths, with their translations), not the code
that drew it, so a change of drawing that brings back a phantom link fails here.
"""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET

import pytest
from conftest import EXAMPLES

from orgdesign.engine.pipeline import recommend
from orgdesign.input.load import load_org
from orgdesign.present.chart.layout import text_width, tree
from orgdesign.present.chart.model import Chart, Unit, build
from orgdesign.present.chart.pages import LANDSCAPE, MAX_DEPTH, PORTRAIT, SCALE, parts
from orgdesign.present.chart.svg import MARGIN, chart_svg

SVG = "{http://www.w3.org/2000/svg}"
Rect = tuple[float, float, float, float]  # left, top, right, bottom


@pytest.fixture(scope="module", params=EXAMPLES, ids=[p.stem for p in EXAMPLES])
def example(request):
    return build(recommend(load_org(str(request.param))))


def _walk(node, dx: float = 0.0, dy: float = 0.0, owner: str | None = None):
    """Every element with its absolute offset and the unit (tree box or panel row) it belongs to."""
    move = re.fullmatch(r"translate\(([-\d.]+),([-\d.]+)\)", node.get("transform", ""))
    if move:
        dx, dy = dx + float(move[1]), dy + float(move[2])
    owner = node.get("data-unit") or node.get("data-row") or owner
    yield node, dx, dy, owner
    for child in node:
        yield from _walk(child, dx, dy, owner)


def _points(d: str, dx: float, dy: float) -> list[tuple[float, float]]:
    """A path's outline as points: lines as they are, cubic curves sampled finely."""
    tokens = re.findall(r"[MLHVQC]|-?\d+(?:\.\d+)?", d)
    points: list[tuple[float, float]] = []
    command, i = "", 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command, i = tokens[i], i + 1
            continue
        values = [float(t) for t in tokens[i : i + {"M": 2, "L": 2, "H": 1, "V": 1, "Q": 4, "C": 6}[command]]]
        i += len(values)
        x0, y0 = points[-1] if points else (0.0, 0.0)
        if command in "ML":
            points.append((values[0], values[1]))
        elif command == "H":
            points.append((values[0], y0))
        elif command == "V":
            points.append((x0, values[0]))
        elif command == "Q":  # the rounded corner of a box's header: its end point is enough here
            points.append((values[2], values[3]))
        else:
            (x1, y1, x2, y2, x3, y3) = values
            for step in range(1, 33):
                t = step / 32
                a, b, c, e = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
                points.append((a * x0 + b * x1 + c * x2 + e * x3, a * y0 + b * y1 + c * y2 + e * y3))
    return [(x + dx, y + dy) for x, y in points]


def _crosses(p: tuple[float, float], q: tuple[float, float], rect: Rect, slack: float = 0.6) -> bool:
    """True when segment p-q enters the inside of rect (shrunk by `slack`, so touching an edge is fine)."""
    left, top, right, bottom = rect[0] + slack, rect[1] + slack, rect[2] - slack, rect[3] - slack
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for edge_p, edge_q in ((-dx, p[0] - left), (dx, right - p[0]), (-dy, p[1] - top), (dy, bottom - p[1])):
        if edge_p == 0:
            if edge_q < 0:
                return False
        else:
            t = edge_q / edge_p
            if edge_p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return False
    return True


def _parse(svg: str):
    """Boxes by unit (tree boxes and panel rows), and the link and dotted-line paths with their two ends."""
    root = ET.fromstring(svg)
    boxes: dict[str, list[Rect]] = {}
    paths: list[tuple[str, tuple[str, str], list[tuple[float, float]]]] = []
    for node, dx, dy, owner in _walk(root):
        if node.tag == f"{SVG}rect" and owner and node.get("fill") != "none":
            x, y = float(node.get("x")) + dx, float(node.get("y")) + dy
            boxes.setdefault(owner, []).append((x, y, x + float(node.get("width")), y + float(node.get("height"))))
        for kind in ("data-link", "data-dotted"):
            if node.get(kind):
                a, b = node.get(kind).split(" ")
                paths.append((kind, (a, b), _points(node.get("d"), dx, dy)))
    return root, boxes, paths


def _phantoms(svg: str) -> list[str]:
    _, boxes, paths = _parse(svg)
    found = []
    for kind, ends, points in paths:
        for unit, rects in boxes.items():
            if unit in ends:
                continue
            for rect in rects:
                if any(_crosses(p, q, rect) for p, q in zip(points, points[1:], strict=False)):
                    found.append(f"{kind} {ends[0]}-{ends[1]} passes behind {unit}")
                    break
    return found


def _touches(point: tuple[float, float], rects: list[Rect]) -> bool:
    x, y = point
    return any(
        (abs(x - r[0]) < 1 or abs(x - r[2]) < 1) and r[1] <= y <= r[3] or (abs(y - r[1]) < 1 or abs(y - r[3]) < 1)
        for r in rects
    )


def test_no_link_passes_behind_a_box_it_does_not_join(example):
    svg = chart_svg(example)
    assert _phantoms(svg) == []
    _, boxes, paths = _parse(svg)
    drawn = {ends for kind, ends, _ in paths if kind == "data-link"}
    assert drawn == {(link.a, link.b) for link in example.links}, "every collaboration link is drawn, once"
    for _, (a, b), points in paths:  # and each one (link or dotted line) runs from one of its units to the other
        forth = _touches(points[0], boxes[a]) and _touches(points[-1], boxes[b])
        back = _touches(points[0], boxes[b]) and _touches(points[-1], boxes[a])
        assert forth or back, (a, b)
    assert set(example.units) <= set(boxes)


def test_the_check_sees_a_line_drawn_across_a_box():
    """A link drawn straight from one box to another over a third is the phantom the test must catch."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><g transform="translate(10,10)">'
        '<g data-unit="a"><rect x="0" y="0" width="50" height="20"/></g>'
        '<g data-unit="b"><rect x="80" y="0" width="50" height="20"/></g>'
        '<g data-unit="c"><rect x="160" y="0" width="50" height="20"/></g>'
        '<path data-link="a c" d="M50 10C80 10 130 10 160 10"/><path data-link="a b" d="M50 10L80 10"/></g></svg>'
    )
    assert _phantoms(svg) == ["data-link a-c passes behind b"]


def test_dotted_lines_are_drawn_apart_and_join_only_their_ends(example):
    plain = {u: dataclasses.replace(unit, dotted_to=()) for u, unit in example.units.items()}
    example = dataclasses.replace(example, units=plain)  # the org's own dotted lines out: one, drawn by hand
    units = list(example.units)
    report, manager = units[-1], units[0]
    unit = dataclasses.replace(example.units[report], dotted_to=(manager,))
    chart = dataclasses.replace(example, units={**example.units, report: unit})
    svg = chart_svg(chart)
    assert _phantoms(svg) == []
    found = re.search(rf'<g fill="none" stroke="(#[0-9a-f]+)"[^>]*stroke-dasharray="([\d. ]+)">'
                      rf'<path data-dotted="{manager} {report}"', svg)  # fmt: skip
    assert found, "the dotted line is drawn in a group of its own"
    colour, dashes = found.groups()
    assert colour not in ("#d9480f", "#7b8794") and float(dashes.split()[0]) < 2, "dotted and grey, not a dash"
    assert "dotted-line reporting" in svg
    assert "dotted-line reporting" not in chart_svg(example), "the legend names only what is drawn"


def _extent(svg: str) -> tuple[float, float, float, float]:
    """Left, top, right and bottom of everything drawn, except the white background."""
    root = ET.fromstring(svg)
    xs: list[float] = []
    ys: list[float] = []
    for node, dx, dy, _ in _walk(root):
        tag = node.tag.removeprefix(SVG)
        if tag == "rect" and node.get("fill") != "#ffffff" or tag == "rect" and node.get("rx"):
            x, y = float(node.get("x")) + dx, float(node.get("y")) + dy
            xs += [x, x + float(node.get("width"))]
            ys += [y, y + float(node.get("height"))]
        elif tag == "path":
            points = _points(node.get("d"), dx, dy)
            xs += [p[0] for p in points]
            ys += [p[1] for p in points]
        elif tag == "text":
            x, y, size = float(node.get("x")) + dx, float(node.get("y")) + dy, float(node.get("font-size"))
            xs += [x, x + text_width(node.text or "", size, node.get("font-weight") == "bold")]
            ys += [y - size, y]
    return min(xs), min(ys), max(xs), max(ys)


@pytest.mark.parametrize("heading", [True, False])
def test_the_canvas_is_cropped_to_the_drawing(example, heading):
    svg = chart_svg(example, heading=heading)
    width, height = (float(v) for v in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
    left, top, right, bottom = _extent(svg)
    assert left >= MARGIN - 1 and top >= MARGIN - 15
    assert width - MARGIN - 1 <= right <= width, f"{width - right - MARGIN:.0f} px spare on the right"
    assert height - MARGIN - 1 <= bottom <= height, f"{height - bottom - MARGIN:.0f} px spare at the bottom"


def test_the_printed_parts_hold_every_unit_at_a_legible_scale(example):
    """On paper the chart is cut into page-sized parts: together they draw every unit, each at 6 pt text or more."""
    printed = parts(example)
    for part in printed[:-1] if example.links else printed:
        width = float(re.search(r'viewBox="0 0 ([\d.]+)', part.svg)[1])
        assert part.width / width >= SCALE, part.caption
        assert part.width <= (LANDSCAPE if part.landscape else PORTRAIT)[0], part.caption
    drawn = re.findall(r'data-unit="([^"]+)"', "".join(p.svg for p in printed))
    assert set(drawn) == set(example.units)
    assert len(printed) <= 1 + len(example.units) // 6, "small subtrees share a page"


def test_a_chain_too_deep_for_a_page_is_cut_a_bounded_number_of_times():
    units = {f"u{i}": Unit(f"u{i}", f"Unit {i}", "marketing", f"u{i - 1}" if i else None, ()) for i in range(300)}
    chart = Chart("Deep", "recommended", units, {}, {}, (), {f"u{i}": (f"u{i + 1}",) for i in range(299)})
    printed = parts(chart)
    assert len(printed) <= 2 * MAX_DEPTH + 1
    assert set(re.findall(r'data-unit="([^"]+)"', "".join(p.svg for p in printed))) == set(units)


def test_the_panel_lists_its_rows_in_the_tree_reading_order(example):
    """Each head, then its reports left to right and down each stack: so a department's rows sit together."""
    order = tree(example.roots(), example.reports, lambda u: (210.0, 40.0)).order
    assert sorted(order) == sorted(example.units) and order[0] == example.roots()[0]
    for unit in order:  # a manager comes before its reports
        manager = example.units[unit].manager
        assert manager is None or order.index(manager) < order.index(unit)
    rows = re.findall(r'<g data-row="([^"]+)"', chart_svg(example))
    assert rows == [u for u in order if u in set(rows)]
