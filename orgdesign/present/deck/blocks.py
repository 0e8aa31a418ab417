"""The view's blocks as slides: tables split by rows, lists split by items, nothing shrunk below 9 pt.

A `Flow` fills slides top to bottom with the blocks of one section and opens a
"(continued)" slide when the next row or item does not fit. Heights are
estimated with the DejaVu Sans widths of `chart.layout`, wider than Arial, so
an estimate is never too small.
"""

from __future__ import annotations

from pptx.oxml.ns import qn
from pptx.util import Pt

from orgdesign.i18n import _
from orgdesign.present.chart.layout import text_width
from orgdesign.present.chart.model import COLORS
from orgdesign.present.deck.base import (
    BODY_BOTTOM,
    BODY_TOP,
    BODY_W,
    MARGIN,
    TEXT_SIZE,
    Deck,
    fill_frame,
    lines_needed,
    rgb,
    runs,
    text,
)
from orgdesign.present.document import Facts, Item, Items, Line, Matrix, Paragraph, Section, Span, Table, plain

PLAIN_TABLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # PowerPoint's "No Style, No Grid": our fills only
BAND = "#f3f6fa"  # every other row
CELL_SIZE = 10.5
CELL_X, CELL_Y = 5.0, 3.0  # cell margins
LINE = 1.2  # line height, in font sizes
ITEM_GAP = 8.0  # space between two items of a list
SHORT, LONG = 150.0, 400.0  # a column whose text is at most SHORT pt wide keeps its width; others share the rest
MAX_MATRIX = 12  # departments a RACI matrix shows as columns; more read better as lists per objective
CODE_FILLS = {"A": (COLORS["owner"], "#ffffff"), "R": ("#a9c4eb", COLORS["ink"]), "C": ("#dce7f5", COLORS["ink"])}


class Flow:
    """Slides of one section, filled from the top; a new slide when a piece does not fit."""

    def __init__(self, deck: Deck, title: str, note: Line | str = ""):
        self.deck, self.title, self.note = deck, title, note
        self.slide = None  # None while nothing is drawn, and always when only counting slides (a Tally)
        self.opened = False
        self.y = BODY_BOTTOM
        self.first = deck.count + 1  # the slide number the section starts on

    def room(self, height: float) -> None:
        """Make sure `height` pt fit below `y`, on a new slide if need be."""
        if not self.opened or self.y + height > BODY_BOTTOM:
            title = _("{title} (continued)").format(title=self.title) if self.opened else self.title
            self.slide = self.deck.slide(title, self.note)
            self.opened = True
            self.y = BODY_TOP

    def paragraph(self, spans: Line, size: float = TEXT_SIZE, muted: bool = False) -> None:
        height = lines_needed(plain(spans), size, BODY_W) * size * LINE + 4
        self.room(height)
        if self.slide is not None:
            text(self.slide, MARGIN, self.y, BODY_W, height, [runs(spans, muted)], size)
        self.y += height + 6


def render_section(deck: Deck, section: Section, title: str | None = None) -> int:
    """Add the slides of one section; give the slide number it starts on."""
    blocks = list(section.blocks)
    note: Line | str = ""
    if blocks and isinstance(blocks[0], Paragraph) and blocks[0].note and len(plain(blocks[0].text)) < 150:
        note = blocks.pop(0).text
    flow = Flow(deck, title or section.title, note)
    for block in blocks:
        if isinstance(block, Paragraph):
            flow.paragraph(block.text, TEXT_SIZE - 1 if block.note else TEXT_SIZE, muted=block.note)
        elif isinstance(block, Table):
            header = [c.header for c in block.columns]
            rows = [list(row) for row in block.rows] + ([list(block.footer)] if block.footer else [])
            table(flow, header, rows, [c.numeric for c in block.columns])
        elif isinstance(block, Matrix):
            matrix(flow, block)
        elif isinstance(block, Items):
            items(flow, block)
        elif isinstance(block, Facts):
            rows = [[(Span(label, "strong"),), value] for label, value in block.pairs]
            table(flow, None, rows, [False, False])
    if not flow.opened:
        flow.room(0)
    return flow.first


def widths(header: list[str] | None, rows: list[list[Line]], size: float) -> list[float]:
    """Column widths over the slide's width: short columns as wide as their text, long ones share the rest.

    No column is narrower than its longest word, so no word is ever broken.
    """
    count = len(rows[0]) if rows else len(header or ())
    natural, short = [], []
    for index in range(count):
        texts = [plain(row[index]) for row in rows] + ([header[index]] if header else [])
        widest = max((text_width(t, size) for t in texts), default=0.0)
        longest_word = max((text_width(w, size, True) for t in texts for w in t.split()), default=0.0)
        natural.append(max(widest, longest_word, 40.0) + 2 * CELL_X)
        short.append(widest <= SHORT)
    fixed = sum(n for n, s in zip(natural, short, strict=True) if s)
    flexible = sum(min(n, LONG) for n, s in zip(natural, short, strict=True) if not s)
    if not flexible or fixed > BODY_W * 0.6:
        total = sum(min(n, LONG) for n in natural)
        return [BODY_W * min(n, LONG) / total for n in natural]
    return [n if s else (BODY_W - fixed) * min(n, LONG) / flexible for n, s in zip(natural, short, strict=True)]


def row_height(cells: list[str], columns: list[float], size: float, bold: bool = False) -> float:
    lines = max((lines_needed(c, size, w - 2 * CELL_X, bold) for c, w in zip(cells, columns, strict=True)), default=1)
    return lines * size * LINE + 2 * CELL_Y + 2


def table(flow: Flow, header, rows: list[list[Line]], numeric: list[bool], fills=None, columns=None) -> None:
    """A native table, its rows split over as many slides as they need, the header repeated on each."""
    size = CELL_SIZE
    columns = columns or widths(header, rows, size)
    head_h = row_height(header, columns, size, True) if header else 0.0
    heights = [row_height([plain(c) for c in row], columns, size) for row in rows]
    start = 0
    while start < len(rows):
        flow.room(head_h + heights[start])
        room, end = BODY_BOTTOM - flow.y - head_h, start
        while end < len(rows) and (end == start or sum(heights[start : end + 1]) <= room):
            end += 1
        chunk = list(range(start, end))
        _draw_table(flow, header, [rows[i] for i in chunk], [heights[i] for i in chunk], head_h, columns, numeric,
                    None if fills is None else [fills[i] for i in chunk])  # fmt: skip
        start = end


def _draw_table(flow, header, rows, heights, head_h, columns, numeric, fills) -> None:
    count = len(rows) + (1 if header else 0)
    total = sum(heights) + head_h
    if flow.slide is None:
        flow.y += total + 10
        return
    shape = flow.slide.shapes.add_table(count, len(columns), Pt(MARGIN), Pt(flow.y), Pt(BODY_W), Pt(total))
    grid = shape.table
    grid._tbl.tblPr.find(qn("a:tableStyleId")).text = PLAIN_TABLE
    grid.first_row = bool(header)
    grid.horz_banding = False
    for index, width in enumerate(columns):
        grid.columns[index].width = Pt(width)
    body = list(rows)
    all_rows = ([[(Span(h, "strong"),) for h in header]] if header else []) + body
    all_heights = ([head_h] if header else []) + list(heights)
    for r, (cells, height) in enumerate(zip(all_rows, all_heights, strict=True)):
        grid.rows[r].height = Pt(height)
        is_header = bool(header) and r == 0
        for c, spans in enumerate(cells):
            cell = grid.cell(r, c)
            cell.margin_left = cell.margin_right = Pt(CELL_X)
            cell.margin_top = cell.margin_bottom = Pt(CELL_Y)
            back, ink = COLORS["owner_fill"] if is_header else (None if r % 2 or fills else BAND), None
            if fills and not is_header:
                code_fill = fills[r - (1 if header else 0)][c]
                if code_fill:
                    back, ink = code_fill
            if back:
                cell.fill.solid()
                cell.fill.fore_color.rgb = rgb(back)
            paragraph = runs(spans)
            if ink:
                paragraph = [(t, {**style, "color": ink, "bold": True}) for t, style in paragraph]
            align = "right" if numeric[c] else ("center" if fills and c else "left")
            fill_frame(cell.text_frame, [paragraph], CELL_SIZE, align=align, margin=CELL_X)
            cell.margin_top = cell.margin_bottom = Pt(CELL_Y)
    flow.y += total + 10


def matrix(flow: Flow, block: Matrix) -> None:
    """The RACI: objectives x departments when the names fit as columns, else one row per objective."""
    legend = " · ".join(f"{code} {meaning}" for code, meaning in block.legend)
    flow.note = flow.note or legend
    names = [name for name, _id in block.columns]
    label_w = 200.0
    column_w = (BODY_W - label_w) / max(len(names), 1)
    words_fit = all(text_width(w, CELL_SIZE, True) + 2 * CELL_X <= column_w for n in names for w in n.split())
    if len(names) <= MAX_MATRIX and words_fit:
        rows = [[label, *((Span(code, "strong"),) if code else () for code in codes)] for label, codes in block.rows]
        fills = [[None, *(CODE_FILLS.get(code) for code in codes)] for _label, codes in block.rows]
        header = [block.corner, *names]
        table(flow, header, rows, [False] * len(header), fills, [label_w] + [column_w] * len(names))
        return
    header = [block.corner, *(meaning for _code, meaning in block.legend)]
    rows = []
    for label, codes in block.rows:
        groups = [
            ", ".join(n for n, c in zip(names, codes, strict=True) if c == code) for code, _meaning in block.legend
        ]
        rows.append([label, *((Span(g, "strong" if i == 0 else ""),) for i, g in enumerate(groups))])
    table(flow, header, rows, [False] * len(header))


def items(flow: Flow, block: Items) -> None:
    """A list (the findings, the evidence): the items of each slide in one text box, an item never cut in two."""
    if not block.items:
        flow.paragraph((Span(block.empty),))
        return
    paragraphs: list = []
    gaps: list[float] = []
    top = None
    for item in block.items:
        height = _item_height(item)
        if top is not None and flow.y + height > BODY_BOTTOM:
            _list_box(flow, top, paragraphs, gaps)
            paragraphs, gaps, top = [], [], None
        flow.room(height)
        if top is None:
            top = flow.y
        paragraphs.append(runs(item.text))
        gaps.append(ITEM_GAP if len(gaps) else 0.0)
        for detail in item.details:
            paragraphs.append([(t, {**style, "size": TEXT_SIZE - 1}) for t, style in runs(detail)])
            gaps.append(0.0)
        flow.y += height + ITEM_GAP
    _list_box(flow, top, paragraphs, gaps)


def _list_box(flow: Flow, top: float, paragraphs: list, gaps: list[float]) -> None:
    if flow.slide is not None:
        text(flow.slide, MARGIN, top, BODY_W, flow.y - top, paragraphs, TEXT_SIZE, gaps=gaps)


def _item_height(item: Item) -> float:
    height = lines_needed(plain(item.text), TEXT_SIZE, BODY_W) * TEXT_SIZE * LINE
    for detail in item.details:
        height += lines_needed(plain(detail), TEXT_SIZE - 1, BODY_W) * (TEXT_SIZE - 1) * LINE
    return height + 4
