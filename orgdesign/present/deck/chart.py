"""The org chart as native PowerPoint shapes, in the layout of the SVG, split over slides when large.

The boxes are laid out by `chart.layout.tree` in points at full size. A chart
that fits the slide with its smallest text at 9 pt or more is one slide.
Otherwise the top of the tree becomes a map slide, on which each department
with reports of its own is drawn as one box that names the slide where its part
continues, and each part gets its own slide (small parts share one), split
again the same way when it is still too large. Collaboration links are shown
as a table on their own slides, so no line ever passes behind a box it does
not join.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pptx.enum.dml import MSO_LINE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.util import Pt

from orgdesign.i18n import N_, _, ngettext
from orgdesign.present.chart import labels
from orgdesign.present.chart.labels import and_list
from orgdesign.present.chart.layout import ELLIPSIS, H_GAP, Layout, text_width, tree, wrap
from orgdesign.present.chart.model import COLORS, Chart
from orgdesign.present.deck.base import (
    BODY_H,
    BODY_TOP,
    BODY_W,
    MARGIN,
    MIN_PT,
    TITLE_SIZE,
    Deck,
    fill_frame,
    rgb,
    unstyled,
)
from orgdesign.present.plain import clean

BOX_W = 160.0
PAD = 6.0
NAME_SIZE, NAME_LINE = 12.5, 14.6
SMALL_SIZE, SMALL_LINE = 11.0, 13.2  # function, headcount, objectives, "continued on"
MIN_SCALE = MIN_PT / SMALL_SIZE  # the most a part may shrink
PACK_SCALE = 0.9  # parts share a slide when together they need no more shrinking than this
MAX_UNITS = 48  # more boxes than this never fit one slide at 9 pt: not even tried
ONE_ROW = 1e9  # parts packed on one slide stand side by side
ROWS = (900.0, 1100.0, 1300.0, 1500.0)  # widths at which a tree may wrap its rows: the best fit is kept
LEGEND = N_("Blue boxes own the objectives listed in them; grey boxes own none. Lines are reporting lines.")
LEGEND_PROPOSED = N_(
    "Blue boxes own the objectives listed in them; grey boxes own none; dashed boxes are proposed units. "
    "Lines are reporting lines."
)


@dataclass
class Page:
    """One chart slide: the units at its top, and the units drawn without their reports (continued elsewhere)."""

    title: str
    heads: tuple[str, ...]
    collapsed: frozenset[str]
    layout: Layout
    scale: float
    continued: dict[str, tuple[int, int]] = field(default_factory=dict)  # unit -> (page of its reports, units below)
    parent: int | None = None  # the page that points here


class Boxes:
    """The text of each unit's box, wrapped to the box, and its height."""

    def __init__(self, chart: Chart):
        self.chart = chart
        self.cache: dict[str, tuple] = {}

    def content(self, unit_id: str) -> tuple[str, str, list[str], float]:
        """The name, the details line, the objectives (and dotted lines), and the height they need."""
        if unit_id not in self.cache:
            chart, unit = self.chart, self.chart.units[unit_id]
            name, name_lines = fitted(unit.name, NAME_SIZE, 3, bold=True)
            details = labels.details(unit)
            if unit.proposed:  # the first detail says so
                details[0] = details[0][:1].upper() + details[0][1:]
            meta, height = fitted(" · ".join(details), SMALL_SIZE, 2)
            height = name_lines * NAME_LINE + height * SMALL_LINE
            ordered = sorted(unit.owned, key=lambda o: (-chart.priorities[o], o))
            wanted = ["• " + chart.objectives[o] for o in ordered]
            dotted = [chart.units[m].name for m in unit.dotted_to if m in chart.units]
            if dotted:
                wanted.append(_("dotted line to {names}").format(names=", ".join(dotted)))
            items = []
            for item in wanted:
                shown, lines = fitted(item, SMALL_SIZE, 2)
                items.append(shown)
                height += lines * SMALL_LINE
            self.cache[unit_id] = (name, meta, items, 2 * PAD + height + (4 if items else 0))
        return self.cache[unit_id]

    def size(self, unit_id: str, collapsed: bool) -> tuple[float, float]:
        height = self.content(unit_id)[3] + (SMALL_LINE if collapsed else 0.0)
        return BOX_W, round(height, 1)


def fitted(text: str, size: float, max_lines: int, bold: bool = False) -> tuple[str, int]:
    """Text for a box line, cut with … after `max_lines` lines, and how many lines it takes.

    Text that fits is kept whole (the slide wraps it), so a long word is never split by a space.

    >>> fitted("Produktmanagementabteilung", 11, 2)
    ('Produktmanagementabteilung', 2)
    """
    text = " ".join(clean(text).split())
    lines = wrap(text, size, BOX_W - 2 * PAD, bold=bold, max_lines=max_lines)
    if lines[-1].endswith(ELLIPSIS) and not text.endswith(ELLIPSIS):
        return " ".join(lines), len(lines)
    return text, len(lines)


def _lay_out(chart: Chart, boxes: Boxes, heads, collapsed, only=None, rows=ROWS) -> tuple[Layout, float]:
    """Lay out the units under `heads` (not under `collapsed` ones) at the best of `rows`; `only` limits reports."""

    def reports(unit):
        if unit in collapsed:
            return ()
        if only and unit in only:
            return only[unit]
        return chart.reports(unit)

    best = None
    for max_row in rows:
        layout = tree(list(heads), reports, lambda u: boxes.size(u, u in collapsed), max_row=max_row)
        scale = min(1.0, BODY_W / max(layout.width, 1.0), BODY_H / max(layout.height, 1.0))
        if best is None or scale > best[1]:
            best = (layout, scale)
    return best


def plan(chart: Chart) -> tuple[list[Page], Boxes]:
    """The chart slides in reading order (each part after the slide that points to it), and the boxes' text."""
    boxes = Boxes(chart)
    tree_facts = _Tree(chart)
    pages: list[Page] = []
    title = _("Org chart") if chart.view == "recommended" else _("Org chart today (current owners)")
    todo = [(tuple(chart.roots()), title, False)]
    while todo:  # depth first, without recursion: a reporting chain may be thousands deep
        heads, title, packed = todo.pop()
        parts = _pages(chart, boxes, tree_facts, heads, title, packed, pages)
        todo.extend(reversed(parts))
    first_page: dict[str, int] = {}
    for index, page in enumerate(pages):
        for head in page.heads:
            first_page.setdefault(head, index)
    pointed = {unit: index for index, page in enumerate(pages) for unit in page.collapsed}
    for page in pages:
        page.parent = next((pointed[h] for h in page.heads if h in pointed), None)
        page.continued = {u: (first_page[u], tree_facts.below[u]) for u in sorted(page.collapsed) if u in first_page}
    return pages, boxes


class _Tree:
    """Depth and number of units below each unit, computed once (linear in units)."""

    def __init__(self, chart: Chart):
        self.depth: dict[str, int] = {}
        order, frontier = [], chart.roots()
        level = 0
        while frontier:
            for unit in frontier:
                self.depth[unit] = level
            order.extend(frontier)
            frontier = [kid for unit in frontier for kid in chart.reports(unit)]
            level += 1
        self.below = dict.fromkeys(order, 0)
        for unit in reversed(order):
            for kid in chart.reports(unit):
                self.below[unit] += 1 + self.below[kid]


def _pages(chart, boxes, facts: _Tree, heads, title, packed, pages: list[Page]) -> list[tuple]:
    """Add the pages for the units under `heads`; give the parts still to draw as (heads, title, packed)."""
    units = len(heads) + sum(facts.below[h] for h in heads)
    if units <= MAX_UNITS:
        layout, scale = _lay_out(chart, boxes, heads, frozenset(), rows=(ONE_ROW,) if packed and heads[1:] else ROWS)
        if scale >= MIN_SCALE:
            pages.append(Page(title, heads, frozenset(), layout, scale))
            return []
    if len(heads) > 1:
        return [((head,), _("Org chart: {names}").format(names=clean(chart.units[head].name)), False) for head in heads]
    head = heads[0]
    kids = list(chart.reports(head))
    deepest = _deepest(chart, boxes, facts, head)
    if deepest is not None:
        layout, scale, collapsed = deepest
        pages.append(Page(title, heads, collapsed, layout, scale))
    else:  # even its direct reports do not fit one slide: several maps, each with some of them
        collapsed = frozenset(k for k in kids if chart.reports(k))
        for part in _map_parts(chart, boxes, head, kids, collapsed):
            layout, scale = _lay_out(chart, boxes, (head,), collapsed, {head: part})
            suffix = "" if len(part) == len(kids) else f" ({_position(kids, part)})"
            pages.append(Page(title + suffix, heads, collapsed & set(part), layout, scale))
    ordered = [u for u in _in_order(chart, head, collapsed) if u in collapsed]
    return [(tuple(group), part_title([clean(chart.units[k].name) for k in group]), True)
            for group in _pack(chart, boxes, facts, ordered)]  # fmt: skip


def _in_order(chart: Chart, head: str, stop) -> list[str]:
    """The units under `head` down to those in `stop`, in reading order (depth first, reports in id order)."""
    out, todo = [], [head]
    while todo:
        unit = todo.pop()
        out.append(unit)
        if unit not in stop:
            todo.extend(reversed(chart.reports(unit)))
    return out


def _deepest(chart, boxes, facts: _Tree, head: str):
    """The most levels under `head` that fit one slide: (layout, scale, units cut off), or None if not even one."""
    best = None
    base = facts.depth[head]
    level, units = 1, [head]
    while True:
        edge = [u for u in units if facts.depth[u] - base == level - 1]
        deeper = [kid for u in edge for kid in chart.reports(u)]
        if not deeper or len(units) + len(deeper) > MAX_UNITS:
            return best
        units += deeper
        collapsed = frozenset(u for u in deeper if chart.reports(u))
        layout, scale = _lay_out(chart, boxes, (head,), collapsed)
        if scale < MIN_SCALE:
            return best
        best = (layout, scale, collapsed)
        level += 1


def part_title(names: list[str]) -> str:
    """The title of a slide of parts: their names while they fit on one line, then how many more.

    >>> part_title(["Sales", "Legal"])
    'Org chart: Sales and Legal'
    """
    for shown in range(len(names), 0, -1):
        rest = len(names) - shown
        listed = ", ".join(names[:shown])
        if rest:
            title = ngettext("Org chart: {names} and {count} more", "Org chart: {names} and {count} more", rest)
            title = title.format(names=listed, count=rest)
        elif shown > 1:
            title = _("Org chart: {names}").format(names=and_list(names))
        else:
            title = _("Org chart: {names}").format(names=listed)
        if text_width(title, TITLE_SIZE, bold=True) <= BODY_W or shown == 1:
            return title
    return _("Org chart")


def _pack(chart: Chart, boxes: Boxes, facts: _Tree, parts: list[str]) -> list[list[str]]:
    """Parts side by side on shared slides, each on the first with room at PACK_SCALE (first fit); large ones alone."""
    wide, high = BODY_W / PACK_SCALE, BODY_H / PACK_SCALE
    groups: list[tuple[list[str], list[float]]] = []  # members, [width, height] taken
    for part in parts:
        home = None
        if facts.below[part] < MAX_UNITS:
            layout, scale = _lay_out(chart, boxes, (part,), frozenset(), rows=(ONE_ROW,))
            if scale >= PACK_SCALE:
                w, h = layout.width, layout.height
                home = next((g for g in groups if g[1][0] + H_GAP + w <= wide and max(g[1][1], h) <= high), None)
                if home is None:
                    groups.append(([part], [w, h]))
                    continue
                home[0].append(part)
                home[1][0] += H_GAP + w
                home[1][1] = max(home[1][1], h)
                continue
        groups.append(([part], [wide, high]))  # a part that needs a slide of its own
    return [members for members, _taken in groups]


def _position(kids: list[str], part: list[str]) -> str:
    first, last = kids.index(part[0]) + 1, kids.index(part[-1]) + 1
    # Translators: which of a unit's direct reports one slide shows, e.g. "reports 1-8 of 20".
    return _("reports {first}-{last} of {count}").format(first=first, last=last, count=len(kids))


def _map_parts(chart: Chart, boxes: Boxes, head: str, kids: list[str], branches) -> list[list[str]]:
    """A head's direct reports in consecutive parts small enough for one slide each (halved until they fit)."""
    todo, done = [kids], []
    while todo:
        part = todo.pop(0)
        _layout, scale = _lay_out(chart, boxes, (head,), branches, {head: part})
        if scale >= MIN_SCALE or len(part) == 1:
            done.append(part)
        else:
            middle = len(part) // 2
            todo[:0] = [part[:middle], part[middle:]]
    return done


# --- drawing --------------------------------------------------------------------------------


def draw(deck: Deck, chart: Chart, pages: list[Page], boxes: Boxes, first_slide: int, links_slide: int | None):
    """Add one slide per page; `first_slide` is the slide number of the first page."""
    for page in pages:
        proposed = any(unit.proposed for unit in chart.units.values())
        legend = _(LEGEND_PROPOSED if proposed else LEGEND)
        if page.parent is not None:
            legend = _("Continued from slide {number}. {legend}").format(
                number=first_slide + page.parent, legend=legend
            )
        note = legend
        if links_slide:
            note += " " + _("Who works with whom: slide {number}.").format(number=links_slide)
        slide = deck.slide(page.title, note)
        s = page.scale
        left = MARGIN + (BODY_W - page.layout.width * s) / 2
        top = BODY_TOP

        def at(x, y, left=left, top=top, s=s):
            return left + x * s, top + y * s

        for polyline in page.layout.lines:
            for (x1, y1), (x2, y2) in zip(polyline, polyline[1:], strict=False):
                (a, b), (c, d) = at(x1, y1), at(x2, y2)
                line = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Pt(a), Pt(b), Pt(c), Pt(d))
                line.line.color.rgb = rgb(COLORS["line"])
                line.line.width = Pt(1.25)
                unstyled(line)
        for unit_id, box in sorted(page.layout.boxes.items(), key=lambda item: (item[1].y, item[1].x)):
            x, y = at(box.x, box.y)
            more = page.continued.get(unit_id)
            below = None if more is None else (more[1], first_slide + more[0])
            _box(slide, chart, boxes, unit_id, (x, y, box.w * s, box.h * s), s, below)


def _box(slide, chart: Chart, boxes: Boxes, unit_id: str, rect, s: float, below) -> None:
    """A unit's box; `below` is (units under it, slide number) when its reports are on another slide."""
    unit = chart.units[unit_id]
    name, meta, items, _height = boxes.content(unit_id)
    x, y, w, h = rect
    shape = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Pt(x), Pt(y), Pt(w), Pt(h))
    shape.adjustments[0] = 0.04
    unstyled(shape)
    if unit.proposed:
        stroke, fill, ink = COLORS["proposed"], COLORS["proposed_fill"], "#7a4a00"
    elif unit.owned:
        stroke, fill, ink = COLORS["owner"], COLORS["owner_fill"], COLORS["ink"]
    else:
        stroke, fill, ink = COLORS["unit"], COLORS["unit_fill"], "#3e4c59"
    shape.fill.solid()
    shape.fill.fore_color.rgb = rgb(fill)
    shape.line.color.rgb = rgb(stroke)
    shape.line.width = Pt(1.5 if unit.owned or unit.proposed else 1.0)
    if unit.proposed:
        shape.line.dash_style = MSO_LINE.DASH
    small = {"size": SMALL_SIZE * s, "color": COLORS["proposed"] if unit.proposed else COLORS["muted"]}
    if unit.proposed:
        small["italic"] = True
    paragraphs = [
        [(name, {"bold": True, "color": ink, "size": NAME_SIZE * s})],
        [(meta, small)],
        *([(item, {"size": SMALL_SIZE * s, "color": COLORS["ink"]})] for item in items),
    ]
    if below is not None:
        units, number = below
        words = "▸ " + ngettext("{count} unit below: slide {number}", "{count} units below: slide {number}", units)
        words = words.format(count=units, number=number)
        paragraphs.append([(words, {"bold": True, "color": COLORS["owner"], "size": SMALL_SIZE * s})])
    fill_frame(shape.text_frame, paragraphs, SMALL_SIZE * s, margin=PAD * s)
