"""Rich renderables for the terminal: the only place that formats for a screen.

Every string from an input file goes through `text()`, which never interprets
rich markup and shows control characters as visible escapes, so a name in a
file cannot restyle or take over the terminal.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from orgdesign.i18n import _, ngettext, number
from orgdesign.input.model import OrgFile
from orgdesign.present.chart.labels import function_label, people
from orgdesign.present.document import labelled, line, plain, semicolon
from orgdesign.present.plain import clean


def text(value: object, style: str = "") -> Text:
    """A literal, sanitized piece of text."""
    return Text(clean(value), style=style)


def org_tree(org: OrgFile) -> OrgTree:
    """The reporting tree, with function, headcount and capacity on each unit."""
    return OrgTree(org)


class OrgTree:
    """The reporting tree, however deep: nested as far as the width allows, then continued below.

    A rich Tree indents each level by four columns, so past the width the
    labels get no room and the tree ends silently. Instead, a unit at the
    deepest level that fits gets a line counting the units below it, and its
    reports follow as a tree of their own, headed by that unit. Built without
    recursion: a reporting chain can be thousands of units deep.
    """

    GUIDE = 4  # columns a rich Tree indents each level by
    LABEL = 40  # columns kept for the labels at the deepest level shown

    def __init__(self, org: OrgFile):
        self.org = org

    def __rich_console__(self, console, options):
        yield from tree_sections(self.org, max(2, (options.max_width - self.LABEL) // self.GUIDE))


def tree_sections(org: OrgFile, levels: int) -> list[Tree]:
    """The reporting tree as trees at most `levels` deep: the first from the top, then one per cut."""
    from orgdesign.engine.graph import OrgGraph
    from orgdesign.present.view import region_words, size_words

    graph = OrgGraph(org)
    below = _units_below(graph)
    o = org.organization
    facts = [
        o.industry or _("industry not given"),
        region_words(o.region),
        o.country or "",
        size_words(o.size),
        _("regulated") if o.regulated else "",
    ]
    title = text(o.name, "bold")
    title.append("  " + " · ".join(clean(f) for f in facts if f), style="dim")
    sections = [(title, graph.roots())]
    trees = []
    for head, tops in sections:  # grows as deep branches are cut
        tree = Tree(head)
        stack = [(tree, unit, 1) for unit in reversed(tops)]
        while stack:
            branch, unit, depth = stack.pop()
            node = branch.add(_unit_label(graph, unit))
            reports = graph.reports(unit)
            if not reports:
                continue
            if depth < levels:
                stack.extend((node, report, depth + 1) for report in reversed(reports))
                continue
            count = below[unit]
            more = ngettext(
                "… {count} more unit: see ↳ [{unit}] below", "… {count} more units: see ↳ [{unit}] below", count
            )
            node.add(text(more.format(count=number(count, 0), unit=unit), "yellow"))
            continued = text("↳ ", "yellow") + _unit_label(graph, unit)
            level = _("continued, level {level}").format(level=graph.depth(unit) + 1)
            continued.append("  " + level, style="yellow")
            sections.append((continued, reports))
        trees.append(tree)
    return trees


def _units_below(graph) -> dict[str, int]:
    """How many units report to each unit, directly or not."""
    order = graph.roots()
    for unit in order:  # grows: every unit comes after its manager
        order.extend(graph.reports(unit))
    below = dict.fromkeys(order, 0)
    for unit in reversed(order):
        manager = graph.manager(unit)
        if manager is not None:
            below[manager] += below[unit] + 1
    return below


def _unit_label(graph, department_id: str) -> Text:
    department = graph.departments[department_id]
    label = text(department.label, "bold" if department.function == "social_media" else "")
    details = [function_label(department.function)]
    if department.headcount is not None:
        details.append(people(department.headcount))
    if department.capacity is not None:
        details.append(_("capacity {count}").format(count=department.capacity))
    if department.structure:
        # Translators: how a unit is organized: "by region", "by product"; {structure} is an id from the file.
        details.append(_("by {structure}").format(structure=department.structure))
    if department.business_unit:
        details.append(department.business_unit)
    label.append(f"  [{department.id}] ", style="cyan")
    label.append(" · ".join(clean(d) for d in details), style="dim")
    owned = graph.owned_today(department_id)
    if owned:
        label.append(
            "  " + _("owns today: {objectives}").format(objectives=", ".join(clean(x) for x in owned)), style="green"
        )
    return label


def objectives_table(org: OrgFile) -> Table:
    """Objectives with kind, priority and today's owner."""
    table = Table(title=_("Objectives"), title_justify="left", expand=False)
    for column in ("id", _("objective"), _("kind"), _("priority"), _("owner today")):
        table.add_column(column, overflow="fold")
    for objective in sorted(org.objectives, key=lambda o: (-o.priority, o.id)):
        table.add_row(
            text(objective.id, "cyan"),
            text(objective.label),
            text(objective.kind),
            Text("●" * objective.priority + "○" * (5 - objective.priority), style="yellow"),
            text(org.current_owners.get(objective.id, "—")),
        )
    return table


# --- any view, block by block -------------------------------------------------------

_STYLES = {
    "strong": "bold",
    "muted": "dim",
    "id": "cyan",
    "code": "cyan",
    "good": "green",
    "bad": "red",
    "warn": "yellow",
    "error": "bold red",
    "warning": "yellow",
    "info": "cyan",
}
TEXT_COLUMN = 16  # the least a text column needs; a table with less reads better as records
WIDE_MATRIX = 160  # from this width the RACI fits as a table of A, R, C and I; below, a list per objective


def spans(line, style: str = "") -> Text:
    """A view line as rich Text: every piece sanitized, styled by its role (over a base `style`)."""
    out = Text(style=style)
    for span in line:
        out.append(clean(span.text), style=_STYLES.get(span.kind, ""))
    return out


def document_view(document):
    """A view Document as one renderable: its title, then each section under a rule."""
    from rich.console import Group

    head = text(document.title, "bold")
    if document.facts:
        head.append("  " + " · ".join(clean(f) for f in document.facts), style="dim")
    return Group(head, *(part for section in document.sections for part in section_view(section)))


def section_view(section, title: str = "") -> list:
    """A section: its title (or another) as a rule, then its blocks."""
    from rich.rule import Rule

    heading = Rule(Text(title or section.title, style="bold"), align="left")
    return [Text(), heading, *(BlockView(b) for b in section.blocks)]


class BlockView:
    """One block, laid out for the width the console gives it."""

    def __init__(self, block):
        self.block = block

    def __rich_console__(self, console, options):
        yield from block_renderables(self.block, options.max_width)


def block_renderables(block, width: int) -> list:
    from rich.padding import Padding

    from orgdesign.present import document as doc

    if isinstance(block, doc.Paragraph):
        return [spans(block.text, "dim" if block.note else "")]
    if isinstance(block, doc.Facts):
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for label, value in block.pairs:
            grid.add_row(text(labelled(label)), spans(value))
        return [grid]
    if isinstance(block, doc.Items):
        if not block.items:
            return [text(block.empty, "green")] if block.empty else []
        out = []
        for item in block.items:
            out.append(Text("- ") + spans(item.text) if block.marks else spans(item.text))
            out += [Padding(spans(detail), (0, 0, 0, 2)) for detail in item.details]
        return out
    if isinstance(block, doc.Table):
        return [_table(block, width)]
    if isinstance(block, doc.Matrix):
        return _matrix(block, width)
    if isinstance(block, doc.Part):
        inner = [r for b in block.blocks for r in block_renderables(b, width - 2)]
        return [Text(), spans(block.title), *(Padding(r, (0, 0, 0, 2)) for r in inner)]
    if isinstance(block, doc.Chart):
        # Translators: "orgdesign export FILE -f svg" and "html, markdown" are a command and format names; keep them.
        return [text(_("orgdesign export FILE -f svg (or html, markdown) draws the org chart."), "dim")]
    raise TypeError(f"no terminal view for {type(block).__name__}")


def _table(block, width: int):
    """A table when it shows every word of every cell at this width, else one record per row."""
    from rich.console import Group
    from rich.padding import Padding

    rows = list(block.rows) + ([block.footer] if block.footer else [])
    table = Table(show_edge=False)
    for i, column in enumerate(block.columns):
        widest = max((len(plain(row[i])) for row in rows), default=0)
        least = min(widest, width // 2) if column.whole else min(widest, TEXT_COLUMN)
        table.add_column(
            column.header,
            justify="right" if column.numeric else "left",
            no_wrap=column.numeric,
            min_width=None if column.numeric else least,
            overflow="fold",
        )
    for row in block.rows:
        table.add_row(*(spans(cell) for cell in row))
    if block.footer:
        table.add_row(*(spans(cell, "bold") for cell in block.footer), end_section=False)
    if _shows_every_word(table, [tuple(line(c.header) for c in block.columns), *rows], width):
        return table
    out = []  # records: the first cell, then "header: value" lines
    for row in rows:
        out.append(spans(row[0], "bold"))
        for column, cell in zip(block.columns[1:], row[1:], strict=True):
            if cell:
                out.append(Padding(Text(labelled(column.header) + " ", style="dim") + spans(cell), (0, 0, 0, 2)))
    return Group(*out)


def _shows_every_word(table, rows, width: int) -> bool:
    """Whether rich lays the table out at this width without cropping a column or cutting a word.

    Rich can squeeze a column below what its cells need and crop it at the
    terminal's edge; drawing the table once and looking is the only sure test.
    """
    import io
    from collections import Counter

    from rich.console import Console

    console = Console(width=width + 200, file=io.StringIO(), record=True, color_system=None)
    console.print(table, width=width)  # laid out for `width` on a wider console: a table too wide shows, uncropped
    lines = console.export_text().splitlines()
    if max((len(line.rstrip()) for line in lines), default=0) > width:
        return False
    shown = Counter(word for line in lines for word in line.split())
    needed = Counter(word for row in rows for cell in row for word in plain(cell).split())
    return not needed - shown  # every word as often as the cells have it: none cut, none folded


def _matrix(block, width: int) -> list:
    """The RACI: a table of names per role when wide, else one short list per row; names never cut."""
    from rich.padding import Padding

    grouped = []
    for label, codes in block.rows:
        by_code = {code: [] for code, _meaning in block.legend}
        for (name, _ident), code in zip(block.columns, codes, strict=True):
            if code:
                by_code[code].append(clean(name))
        grouped.append((label, by_code))
    if width >= WIDE_MATRIX:
        table = Table(expand=True, show_edge=False)
        table.add_column(block.corner, ratio=1, overflow="fold")
        for index, (code, _meaning) in enumerate(block.legend):
            table.add_column(f"{labelled(code)} {block.role(index)}", ratio=1, overflow="fold")
        for label, by_code in grouped:
            table.add_row(spans(label), *(Text(", ".join(by_code[c])) for c, _meaning in block.legend))
        return [table]
    out: list = [text("  ".join(f"{code} {meaning}" for code, meaning in block.legend), "dim")]
    for label, by_code in grouped:
        out.append(spans(label, "bold"))
        for code, _meaning in block.legend:
            if by_code[code]:
                out.append(
                    Padding(Text(f"{code}  ", style="bold") + Text(semicolon().join(by_code[code])), (0, 0, 0, 2))
                )
    return out


def recommendation_view(result):
    """The whole recommendation, in reading order."""
    from orgdesign.present.view import recommendation

    return document_view(recommendation(result))


def explanation_view(result, assignment, contrast):
    """Why this owner (reasons summing to the fit), and why not the other department."""
    from orgdesign.present.view_explain import explanation

    return document_view(explanation(result, assignment, contrast))
