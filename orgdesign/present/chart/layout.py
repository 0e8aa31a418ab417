"""A pure-Python org-chart layout: where each box goes, and the reporting lines between them.

No system binary and no font library: text is measured with the advance
widths of DejaVu Sans (the widest common sans-serif, and the one a bare Linux
machine falls back to), so a line that fits here fits in Arial or Helvetica too.

The tree is drawn top-down in the compact style of printed org charts, which
stays legible with 60 departments:

- a unit (other than the top) whose few reports have no reports of their
  own lists them beneath it, indented on a vertical spine (a "stack");
- otherwise its reports hang side by side from a horizontal bar; when that
  row would be too wide, sibling leaves are gathered into stacks, and the
  columns wrap into rows that hang from one trunk below the unit.

Everything is computed without recursion (a reporting chain can be thousands
of units deep) and rounded to 0.1 px, so the same tree always gets the same
coordinates.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# Advance widths of DejaVu Sans and DejaVu Sans Bold for ASCII 32..126, in 1/1000 em.
_REGULAR = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775,
    752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390,
    337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
)  # fmt: skip
_BOLD = (
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821,
    837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457,
    365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
    716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
)  # fmt: skip

ELLIPSIS = "\u2026"


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Measure a line of text in px, at `size` px, in DejaVu Sans.

    >>> text_width("Legal", 10)
    27.0
    """
    table = _BOLD if bold else _REGULAR
    total = 0
    for char in text:
        code = ord(char)
        if 32 <= code < 127:
            total += table[code - 32]
        elif unicodedata.combining(char):
            continue
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            total += 1000
        else:
            total += 700 if bold else 640
    return round(total * size / 1000, 1)


def wrap(text: str, size: float, width: float, bold: bool = False, max_lines: int = 2) -> list[str]:
    """Break text into at most `max_lines` lines that fit `width`; the last one ends in … if cut.

    >>> wrap("Marketing & Communications", 12, 150)
    ['Marketing &', 'Communications']
    """
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if text_width(trial, size, bold) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        current = word
        while text_width(current, size, bold) > width:  # a word longer than the line
            cut = _fitting(current, size, width, bold)
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = lines[: max_lines - 1] + [_ellipsize(rest, size, width, bold)]
    return lines or [""]


def _fitting(text: str, size: float, width: float, bold: bool) -> int:
    """How many leading characters of `text` fit `width` (at least one)."""
    for n in range(len(text), 0, -1):
        if text_width(text[:n], size, bold) <= width:
            return n
    return 1


def _ellipsize(text: str, size: float, width: float, bold: bool) -> str:
    if text_width(text, size, bold) <= width:
        return text
    n = _fitting(text, size, width - text_width(ELLIPSIS, size, bold), bold)
    return text[:n].rstrip() + ELLIPSIS


# --- the tree -------------------------------------------------------------------

H_GAP = 28.0  # between columns
V_GAP = 40.0  # between a unit and the row of its reports (the bar runs halfway)
STACK_GAP = 10.0  # between boxes in a stack
TRUNK_GAP = 64.0  # room around the trunk between the halves of wrapped rows
INDENT = 24.0  # how far a stack is indented; its spine runs at half of that
STUB = 22.0  # how far below a stacked box's top its stub joins (at most half its height)
MAX_STACK = 4  # leaves per gathered stack
PURE_STACK = 6  # a unit with at most this many reports, all leaves, lists them as one stack
COMFORTABLE = 480.0  # a row of reports wider than this gathers its leaves into stacks...
COMFORTABLE_TOP = 1000.0  # ...or this, under the top of the tree
MAX_ROW = 1400.0  # a row wider than this wraps


@dataclass(frozen=True)
class Box:
    """Where a unit's box goes (top-left corner and size, in px)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


Point = tuple[float, float]


@dataclass(frozen=True)
class Layout:
    """Boxes by unit id, reporting connectors as polylines, the overall size, and the units in reading order."""

    boxes: dict[str, Box]
    lines: tuple[tuple[Point, ...], ...]
    width: float
    height: float
    order: tuple[str, ...] = ()  # each head, then its reports row by row, left to right, stacks top down


class _Out:
    def __init__(self) -> None:
        self.boxes: dict[str, Box] = {}
        self.lines: list[tuple[Point, ...]] = []


class _Single:
    """One box with nothing drawn beneath it."""

    def __init__(self, unit: str, size: tuple[float, float]):
        self.unit = unit
        self.width, self.height = size
        self.anchor = self.width / 2  # where the connector from above meets the block

    def place(self, x: float, y: float, out: _Out) -> list:
        out.boxes[self.unit] = Box(x, y, self.width, self.height)
        return []


class _Stack:
    """An optional head box with boxes listed beneath it, indented on a spine."""

    def __init__(self, head: _Single | None, items: Sequence[_Single]):
        self.head, self.items = head, list(items)
        widest = INDENT + max(item.width for item in self.items)
        body = sum(item.height for item in self.items) + STACK_GAP * (len(self.items) - 1)
        if head is None:
            self.width, self.height, self.anchor = widest, body, INDENT / 2
        else:
            self.width = max(head.width, widest)
            self.height = head.height + STACK_GAP + body
            self.anchor = head.width / 2

    def place(self, x: float, y: float, out: _Out) -> list:
        top = spine_top = y
        if self.head is not None:
            self.head.place(x, y, out)
            spine_top = y + self.head.height
            top = spine_top + STACK_GAP
        spine = x + INDENT / 2
        stub = top
        for item in self.items:
            item.place(x + INDENT, top, out)
            stub = top + min(item.height / 2, STUB)
            out.lines.append(((spine, stub), (x + INDENT, stub)))
            top += item.height + STACK_GAP
        out.lines.append(((spine, spine_top), (spine, stub)))
        return []


class _Tree:
    """A head box (or none, for a forest of roots) with blocks side by side beneath it, in rows.

    One row hangs from a bar under the head. Several rows hang from a trunk
    that runs straight down from the head, between the left and the right half
    of every row.
    """

    def __init__(self, head: _Single | None, columns: list, max_row: float):
        self.head = head
        wrapped = head is not None and len(columns) > 1 and _row_width(columns) > max_row
        if wrapped:
            widest = max(block.width for block in columns)
            half = max(widest, (max_row - TRUNK_GAP) / 2, head.width / 2)
            halves = _halves(columns, half)
            rows = [left + right for left, right in halves]
        else:
            rows = _rows(columns, max_row) if head is None else [columns]
        self.slots: list[tuple[object, float, float]] = []  # block, x, y relative to the block
        self.bars: list[tuple[float, float, float]] = []  # y, from x, to x
        top = head.height + V_GAP if head is not None else 0.0
        tops = []
        for row in rows:
            tops.append(top)
            top += max(block.height for block in row) + V_GAP
        self.height = top - V_GAP
        if wrapped:
            half = max(max(_row_width(left), _row_width(right)) for left, right in halves)
            half = max(half, head.width / 2)
            trunk = half + TRUNK_GAP / 2
            for (left, right), y in zip(halves, tops, strict=True):
                x = trunk - TRUNK_GAP / 2 - _row_width(left)
                anchors = [trunk]
                for block in left + right:
                    if right and block is right[0]:
                        x = trunk + TRUNK_GAP / 2
                    self.slots.append((block, x, y))
                    anchors.append(x + block.anchor)
                    x += block.width + H_GAP
                self.bars.append((y - V_GAP / 2, min(anchors), max(anchors)))
            self.width = 2 * half + TRUNK_GAP
            self.head_x = trunk - head.width / 2
        else:
            for row, y in zip(rows, tops, strict=True):
                x, anchors = 0.0, []
                for block in row:
                    self.slots.append((block, x, y))
                    anchors.append(x + block.anchor)
                    x += block.width + H_GAP
                self.bars.append((y - V_GAP / 2, min(anchors), max(anchors)))
            self.width = max(_row_width(row) for row in rows)
            self.head_x = 0.0
            if head is not None:
                low, high = self.bars[0][1], self.bars[0][2]
                self.head_x = (low + high) / 2 - head.width / 2
                if self.head_x < 0:  # the head is wider than its reports: move them right
                    self.slots = [(block, x - self.head_x, y) for block, x, y in self.slots]
                    self.bars = [(y, low - self.head_x, high - self.head_x) for y, low, high in self.bars]
                    self.head_x = 0.0
                self.width = max(self.width + (self.slots[0][1] if self.slots else 0.0), self.head_x + head.width)
        self.anchor = self.head_x + head.width / 2 if head is not None else self.width / 2

    def place(self, x: float, y: float, out: _Out) -> list:
        todo = [(block, x + bx, y + by) for block, bx, by in self.slots]
        if self.head is None:
            return todo
        self.head.place(x + self.head_x, y, out)
        center, bottom = x + self.anchor, y + self.head.height
        out.lines.append(((center, bottom), (center, y + self.bars[-1][0])))
        for bar, low, high in self.bars:
            if high > low:
                out.lines.append(((x + low, y + bar), (x + high, y + bar)))
        for block, bx, by in self.slots:
            anchor = x + bx + block.anchor
            row_bar = max(bar for bar, _, _ in self.bars if bar < by)
            out.lines.append(((anchor, y + row_bar), (anchor, y + by)))
        return todo


def _halves(columns: list, half: float) -> list[tuple[list, list]]:
    """Columns in order, packed into rows of a left and a right half, each at most `half` wide."""
    rows: list[tuple[list, list]] = [([], [])]
    for block in columns:
        left, right = rows[-1]
        side = right if right else left
        if side and _row_width(side + [block]) > half:
            if side is left:
                side = right
            else:
                rows.append(([], []))
                side = rows[-1][0]
        side.append(block)
    return rows


def _row_width(row: list) -> float:
    return sum(block.width for block in row) + H_GAP * (len(row) - 1)


def _rows(columns: list, max_row: float) -> list[list]:
    """Columns in order, split into rows of about equal width, none wider than max_row if possible."""
    total = _row_width(columns)
    if total <= max_row or len(columns) == 1:
        return [columns]
    target = total / math.ceil(total / max_row)
    rows: list[list] = [[]]
    width = 0.0
    for block in columns:
        grown = width + (H_GAP if rows[-1] else 0.0) + block.width
        if rows[-1] and (grown > max_row or grown - block.width / 2 > target):
            rows.append([])
            grown = block.width
        rows[-1].append(block)
        width = grown
    return rows


def _chunks(items: list, size: int) -> list[list]:
    """Items split into balanced consecutive groups of at most `size`."""
    groups = math.ceil(len(items) / size)
    base, extra = divmod(len(items), groups)
    out, start = [], 0
    for index in range(groups):
        end = start + base + (index < extra)
        out.append(items[start:end])
        start = end
    return out


def _reading(whole) -> list[str]:
    """The units of a laid-out block in the order a reader takes them in, without recursion."""
    out, todo = [], [whole]
    while todo:
        block = todo.pop()
        if isinstance(block, _Single):
            out.append(block.unit)
            continue
        inner = [block.head] if block.head is not None else []
        inner += block.items if isinstance(block, _Stack) else [slot[0] for slot in block.slots]
        todo.extend(reversed(inner))
    return out


def tree(
    roots: Sequence[str],
    children: Callable[[str], Sequence[str]],
    size: Callable[[str], tuple[float, float]],
    max_row: float = MAX_ROW,
) -> Layout:
    """Lay out a forest top-down; `size(unit)` gives each box's (width, height).

    >>> layout = tree(["ceo"], lambda u: ["a", "b"] if u == "ceo" else [], lambda u: (100.0, 40.0))
    >>> layout.boxes["ceo"].x, layout.boxes["a"], layout.boxes["b"].x
    (64.0, Box(x=0.0, y=80.0, w=100.0, h=40.0), 128.0)
    """
    order: list[str] = []  # parents before children, iteratively
    frontier = list(roots)
    while frontier:
        order.extend(frontier)
        frontier = [child for unit in frontier for child in children(unit)]
    is_root = set(roots)
    blocks: dict[str, object] = {}
    for unit in reversed(order):  # children before parents
        head = _Single(unit, size(unit))
        kids = list(children(unit))
        if not kids:
            blocks[unit] = head
            continue
        leaves = [blocks[k] for k in kids if not children(k)]
        branches = [blocks[k] for k in kids if children(k)]
        if not branches and len(leaves) <= PURE_STACK and unit not in is_root:
            blocks[unit] = _Stack(head, leaves)
            continue
        columns = [blocks[k] for k in kids]
        comfortable = COMFORTABLE_TOP if unit in is_root else COMFORTABLE
        if len(leaves) > 1 and _row_width(columns) > comfortable:
            columns = [_Stack(None, group) for group in _chunks(leaves, MAX_STACK)] + branches
        blocks[unit] = _Tree(head, columns, max_row)
        for kid in kids:
            del blocks[kid]
    top = [blocks[r] for r in roots]
    whole = top[0] if len(top) == 1 else _Tree(None, top, max_row)
    out = _Out()
    todo = [(whole, 0.0, 0.0)]
    while todo:
        block, x, y = todo.pop()
        todo.extend(block.place(x, y, out))
    # Crop to what is drawn: a block's width can exceed its boxes (the wider half of wrapped rows sets both).
    xs = [px for line in out.lines for px, _ in line]
    left = min(min(b.x for b in out.boxes.values()), *xs) if xs else min(b.x for b in out.boxes.values())
    right = max(max(b.right for b in out.boxes.values()), *xs) if xs else max(b.right for b in out.boxes.values())
    boxes = {
        unit: Box(round(b.x - left, 1), round(b.y, 1), round(b.w, 1), round(b.h, 1))
        for unit, b in sorted(out.boxes.items())
    }
    lines = tuple(tuple((round(px - left, 1), round(py, 1)) for px, py in line) for line in out.lines)
    width, height = round(right - left, 1), round(whole.height, 1)
    return Layout(boxes, tuple(sorted(lines)), width, height, tuple(_reading(whole)))
