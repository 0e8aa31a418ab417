r"""The org chart as Graphviz DOT source (`dot -Tsvg chart.dot > chart.svg`).

Every id and label is a double-quoted string with `\` and `"` escaped, so no
name can end a string or add attributes; legend ids contain `:`, which unit
ids never do. Reporting lines are solid and rank the tree top-down; a unit's
reports that have no reports of their own are stacked in columns of at most
`STACK` (invisible edges hold a column together), so a large org is drawn as a
tree and not as one wide ribbon. Collaboration links are dashed, orange and
`constraint=false`, so they never bend the hierarchy; their objectives are an
`xlabel` (placed after routing, so Graphviz never has to make room for it in a
spline) and a tooltip. Dotted-line reporting is `style=dotted`, also
`constraint=false`. Proposed units have a dashed outline. Colours are 6-digit
hex, as Graphviz wants.
"""

from __future__ import annotations

from orgdesign.i18n import _
from orgdesign.present.chart.labels import details
from orgdesign.present.chart.model import COLORS, Chart, build, ownership_title
from orgdesign.present.plain import HUB_TIE, clean

FONT = "Helvetica,Arial,sans-serif"
STACK = 4  # leaves per column under one manager
MAX_COLUMNS = 8  # columns of boxes side by side under one manager before its reports wrap into another row

_LINK = {"style": "dashed", "color": COLORS["link"], "fontcolor": COLORS["link"], "dir": "none", "fontsize": 8}
_DOTTED = {"style": "dotted", "color": COLORS["ink"], "penwidth": 1.4, "arrowhead": "none"}


def quote(value: object) -> str:
    r"""Quote a value as a DOT double-quoted string; a list gives one line per item (centred).

    >>> print(quote('say "hi" \\n'))
    "say \"hi\" \\n"
    >>> print(quote(["a", "b"]))
    "a\nb"
    """
    lines = value if isinstance(value, list) else [value]
    return '"' + "\\n".join(clean(line).replace("\\", "\\\\").replace('"', '\\"') for line in lines) + '"'


def _attrs(**attributes: object) -> str:
    return "[" + ", ".join(f"{key}={quote(value)}" for key, value in attributes.items()) + "]"


def render(result, view: str = "recommended") -> str:
    """Render the chart of a Recommendation as DOT source."""
    return digraph(build(result, view))


def stacks(chart: Chart, manager: str) -> list[list[str]]:
    """The columns a manager's leaf reports (reports with no reports) are stacked in, as printed org charts do.

    A unit below the top whose reports are all leaves lists them beneath it; elsewhere three or more
    sibling leaves are gathered into columns of at most `STACK`.
    """
    reports = chart.reports(manager)
    leaves = [r for r in reports if not chart.reports(r)]
    below_top = chart.units[manager].manager is not None
    if not leaves:
        return []
    if len(leaves) < 3 and not (below_top and len(leaves) == len(reports)):
        return [[leaf] for leaf in leaves]
    count = -(-len(leaves) // STACK)
    size = -(-len(leaves) // count)
    return [leaves[i : i + size] for i in range(0, len(leaves), size)]


def digraph(chart: Chart) -> str:
    """DOT source for a chart, ending in a newline."""
    title = ownership_title(chart)
    out = [
        f"digraph {quote('orgchart')} {{",
        "    "
        + _attrs(
            rankdir="TB",
            label=title,
            labelloc="t",
            fontname=FONT,
            fontsize=16,
            nodesep=0.3,
            ranksep=0.45,
            newrank="true",
            forcelabels="true",
        ).replace("[", "graph [", 1)
        + ";",
        "    node "
        + _attrs(
            shape="box",
            style="rounded,filled",
            fontname=FONT,
            fontsize=10,
            color=COLORS["unit"],
            fillcolor=COLORS["unit_fill"],
            fontcolor=COLORS["ink"],
            margin="0.15,0.08",
        )
        + ";",
        "    edge " + _attrs(color=COLORS["line"], arrowhead="none", penwidth=1.2, fontname=FONT) + ";",
    ]
    for unit_id, unit in chart.units.items():
        lines = [unit.name, " · ".join(details(unit))]
        owned = sorted(unit.owned, key=lambda o: (-chart.priorities[o], o))
        lines += ["• " + chart.objectives[o] for o in owned]
        if unit.proposed:
            style = _attrs(
                label=lines,
                style="rounded,dashed,filled",
                color=COLORS["proposed"],
                fillcolor=COLORS["proposed_fill"],
                penwidth=1.6,
            )
        elif unit.owned:
            style = _attrs(label=lines, color=COLORS["owner"], fillcolor=COLORS["owner_fill"], penwidth=1.6)
        else:
            style = _attrs(label=lines)
        out.append(f"    {quote(unit_id)} {style};")
    out += _tree(chart)
    for manager, report in chart.dotted():
        out.append(f"    {quote(manager)} -> {quote(report)} " + _attrs(**_DOTTED, constraint="false") + ";")
    for link in chart.links:
        served = ", ".join(chart.objectives.get(o, o) for o in link.objectives) or _(HUB_TIE)
        out.append(
            f"    {quote(link.a)} -> {quote(link.b)} "
            + _attrs(**_LINK, constraint="false", xlabel=served, tooltip=served, penwidth=1.2)
            + ";"
        )
    out += _legend(chart)
    return "\n".join(out) + "\n"


def _top_down(chart: Chart) -> list[str]:
    """Every unit, managers before their reports, without recursion."""
    order, frontier = [], chart.roots()
    while frontier:
        order += frontier
        frontier = [report for unit in frontier for report in chart.reports(unit)]
    return order


def rows(chart: Chart) -> dict[tuple[str, str], int]:
    """How many ranks below its manager each report goes (Graphviz `minlen`).

    A manager's reports (each subtree, and each column of stacked leaves, a block) go side by side
    until `MAX_COLUMNS` columns are used; further blocks wrap into a row below the tallest block of
    the row above, as the SVG layout does, so a wide org becomes a tree and not a ribbon.
    """
    width: dict[str, int] = {}
    height: dict[str, int] = {}  # ranks a subtree takes, its own included
    minlen: dict[tuple[str, str], int] = {}
    for unit in reversed(_top_down(chart)):
        columns = stacks(chart, unit)
        stacked = {leaf: column for column in columns if len(column) > 1 for leaf in column}
        blocks = [(r, width[r], height[r]) for r in chart.reports(unit) if r not in stacked]
        blocks += [(column[0], 1, len(column)) for column in columns if len(column) > 1]
        offset, used, tallest, widest = 1, 0, 0, 1
        for first, columns_wide, ranks in sorted(blocks):
            if used and used + columns_wide > MAX_COLUMNS:
                offset, used, tallest = offset + tallest, 0, 0
            minlen[(unit, first)] = offset
            used += columns_wide
            tallest = max(tallest, ranks)
            widest = max(widest, used)
        width[unit] = widest
        height[unit] = offset + tallest
    return minlen


def _tree(chart: Chart) -> list[str]:
    """Reporting lines; stacked leaves hang from the manager by their side, held in a column by invisible edges."""
    out = []
    minlen = rows(chart)
    for manager in chart.units:
        columns = stacks(chart, manager)
        stacked = {leaf for column in columns if len(column) > 1 for leaf in column[1:]}
        for report in chart.reports(manager):
            attributes = {}
            if report in stacked:
                attributes.update(tailport="s", headport="w")
            if minlen.get((manager, report), 1) > 1:
                attributes["minlen"] = minlen[(manager, report)]
            out.append(
                f"    {quote(manager)} -> {quote(report)}" + (f" {_attrs(**attributes)};" if attributes else ";")
            )
        for column in columns:
            for upper, lower in zip(column, column[1:], strict=False):
                out.append(f"    {quote(upper)} -> {quote(lower)} {_attrs(style='invis')};")
    return out


def _legend(chart: Chart) -> list[str]:
    owns_none, reports_to = _("owns none"), _("reports to")
    out = [
        f"    subgraph {quote('cluster_legend')} {{",
        "        "
        + _attrs(label=_("Legend"), fontsize=10, style="rounded", color="#d9e2ec").replace("[", "graph [", 1)
        + ";",
        f"        {quote('legend:owner')} "
        + _attrs(
            label=[_("owns objectives"), "• " + _("objective")],
            color=COLORS["owner"],
            fillcolor=COLORS["owner_fill"],
            penwidth=1.6,
        )
        + ";",
        f"        {quote('legend:unit')} {_attrs(label=owns_none)};",
    ]
    if chart.view == "recommended":
        out.append(
            f"        {quote('legend:proposed')} "
            + _attrs(
                label=_("proposed new unit"),
                style="rounded,dashed,filled",
                color=COLORS["proposed"],
                fillcolor=COLORS["proposed_fill"],
                penwidth=1.6,
            )
            + ";"
        )
    out.append(f"        {quote('legend:owner')} -> {quote('legend:unit')} {_attrs(label=reports_to, fontsize=8)};")
    if chart.dotted():
        second = _("second manager")
        out.append(f"        {quote('legend:dotted')} {_attrs(label=second)};")
        out.append(
            f"        {quote('legend:dotted')} -> {quote('legend:unit')} "
            + _attrs(**_DOTTED, label=_("dotted line"), fontsize=8)
            + ";"
        )
    if chart.view == "recommended":
        out.append(
            f"        {quote('legend:unit')} -> {quote('legend:proposed')} "
            + _attrs(**_LINK, label=_("works with"))
            + ";"
        )
    out += ["    }", "}"]
    return out
