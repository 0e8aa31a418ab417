"""The org chart as a Mermaid flowchart, for GitHub, GitLab, Notion and Confluence.

Node ids are made from unit ids (`d_` + letters, digits and `_`, made unique),
so no name can become syntax. Labels are in double quotes and every character
that Mermaid, its Markdown labels or HTML could read as syntax is written as a
Mermaid entity code (`#quot;`, `#35;`, `#lt;`, `#91;`...). Only features that
GitHub's renderer supports are used: `flowchart TB`, `-->`, `-.-` (collaboration
links), `-.->` (dotted-line reporting), `classDef`, `class`, `linkStyle`, and
subgraphs for the legend and for each area of the tree (a region's or business
unit's subtree), which keep the tree's order.
"""

from __future__ import annotations

import re

from orgdesign.i18n import _
from orgdesign.present.chart.labels import details
from orgdesign.present.chart.model import COLORS, Chart, build, ownership_title
from orgdesign.present.plain import HUB_TIE, clean

# Characters that could end a label, open a shape, start a comment, an entity,
# HTML, Markdown or math, written as Mermaid entity codes instead.
_CODES = {
    '"': "#quot;",
    "#": "#35;",
    "&": "#amp;",
    "<": "#lt;",
    ">": "#gt;",
    "[": "#91;",
    "]": "#93;",
    "(": "#40;",
    ")": "#41;",
    "{": "#123;",
    "}": "#125;",
    "|": "#124;",
    "%": "#37;",
    ";": "#59;",
    "`": "#96;",
    "*": "#42;",
    "_": "#95;",
    "~": "#126;",
    "$": "#36;",
    "\\": "#92;",
    "=": "#61;",
    "'": "#39;",
}
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_]")
AREA = 4  # units in a top unit's branch for it to get an area of its own


def text(value: object) -> str:
    """Text for inside a double-quoted Mermaid label.

    >>> text('Say "hi" [now] #1')
    'Say #quot;hi#quot; #91;now#93; #35;1'
    """
    return "".join(_CODES.get(char, char) for char in clean(value))


def node_ids(units) -> dict[str, str]:
    """Give every unit id a Mermaid node id: `d_` + the id with unsafe characters as `_`, made unique.

    >>> node_ids(["a-b", "a_b"])
    {'a-b': 'd_a_b', 'a_b': 'd_a_b_2'}
    """
    out: dict[str, str] = {}
    used: set[str] = set()
    for unit in units:
        base = "d_" + _UNSAFE_ID.sub("_", unit)
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}_{n}"
        used.add(candidate)
        out[unit] = candidate
    return out


def render(result, view: str = "recommended") -> str:
    """Render the chart of a Recommendation as Mermaid source."""
    return flowchart(build(result, view))


def tree_order(chart: Chart) -> list[str]:
    """Every unit in reporting-tree order: a unit, then its reports' subtrees in id order (no recursion)."""
    order: list[str] = []
    pending = list(reversed(chart.roots()))
    while pending:
        unit = pending.pop()
        order.append(unit)
        pending.extend(reversed(chart.reports(unit)))
    return order


def branches(chart: Chart) -> dict[str, list[str]]:
    """The areas the chart is drawn in: each report of a top unit, with its subtree, when that has `AREA` units.

    Mermaid keeps a subgraph's boxes together, so a region's departments stay in its area even when
    collaboration links pull them towards another.
    """
    order = tree_order(chart)
    position = {unit: i for i, unit in enumerate(order)}
    out: dict[str, list[str]] = {}
    for root in chart.roots():
        for head in chart.reports(root):
            size = _subtree_size(chart, head)
            if size >= AREA:
                out[head] = order[position[head] : position[head] + size]
    return out


def _subtree_size(chart: Chart, unit: str) -> int:
    size, pending = 0, [unit]
    while pending:
        size += 1
        pending.extend(chart.reports(pending.pop()))
    return size


def _node(chart: Chart, ids: dict[str, str], unit_id: str, indent: str) -> str:
    unit = chart.units[unit_id]
    label = [text(unit.name), text(" · ".join(details(unit)))]
    label += ["● " + text(chart.objectives[o]) for o in sorted(unit.owned, key=lambda o: (-chart.priorities[o], o))]
    return f'{indent}{ids[unit_id]}["{"<br/>".join(label)}"]'


def flowchart(chart: Chart) -> str:
    """Mermaid source for a chart, ending in a newline.

    Boxes are declared in reporting-tree order, each area (see `branches`) in a subgraph, so Mermaid
    draws the tree as it is; then reporting lines, dotted lines, collaboration links and the legend.
    """
    ids = node_ids(chart.units)
    lines = ["flowchart TB", f"    %% {text(ownership_title(chart))} (orgdesign)"]
    areas = branches(chart)
    in_area = {unit for members in areas.values() for unit in members}
    for unit_id in tree_order(chart):
        if unit_id in areas:
            lines.append(f'    subgraph area_{ids[unit_id]}["{text(chart.units[unit_id].name)}"]')
            lines += [_node(chart, ids, member, "        ") for member in areas[unit_id]]
            lines.append("    end")
        elif unit_id not in in_area:
            lines.append(_node(chart, ids, unit_id, "    "))
    order = {unit: i for i, unit in enumerate(tree_order(chart))}
    edges = 0
    for manager, report in sorted(chart.reporting(), key=lambda pair: order[pair[1]]):
        lines.append(f"    {ids[manager]} --> {ids[report]}")
        edges += 1
    dotted = list(range(edges, edges + len(chart.dotted())))
    for manager, report in chart.dotted():
        lines.append(f"    {ids[manager]} -.-> {ids[report]}")
        edges += 1
    first_link = edges
    depths = _depths(chart)
    tiers = _tiers(chart, depths)
    for link in chart.links:
        # Mermaid ranks every edge top-down, links too: start each link at the unit higher in the
        # tree, or in the lower tier among its peers, so links bend the hierarchy as little as possible.
        a, b = sorted((link.a, link.b), key=lambda u: (depths[u], tiers[u], u))
        served = ", ".join(chart.objectives.get(o, o) for o in link.objectives) or _(HUB_TIE)
        lines.append(f'    {ids[a]} -.-|"{text(served)}"| {ids[b]}')
        edges += 1
    links = list(range(first_link, edges))
    words = {
        "legend": _("Legend"),
        "owner": _("Owns objectives"),
        "objective": _("objective"),
        "unit": _("Owns none"),
        "proposed": _("Proposed new unit"),
        "second": _("Second manager"),
        "reports": _("reports to"),
        "dotted": _("dotted line"),
        "works": _("works with"),
    }
    said = {key: text(value) for key, value in words.items()}
    lines += [
        f'    subgraph legend["{said["legend"]}"]',
        "        direction LR",
        f'        legend_owner["{said["owner"]}<br/>● {said["objective"]}"]',
        f'        legend_unit["{said["unit"]}"]',
    ]
    if chart.view == "recommended":
        lines.append(f'        legend_proposed["{said["proposed"]}"]')
    if dotted:
        lines.append(f'        legend_second["{said["second"]}"]')
    lines.append(f'        legend_owner -->|"{said["reports"]}"| legend_unit')
    edges += 1
    if dotted:
        lines.append(f'        legend_second -.->|"{said["dotted"]}"| legend_unit')
        dotted.append(edges)
        edges += 1
    if chart.view == "recommended":
        lines.append(f'        legend_unit -.-|"{said["works"]}"| legend_proposed')
        links.append(edges)
        edges += 1
    lines.append("    end")
    lines.append("    style legend fill:#f8fafc,stroke:#d9e2ec,color:#52606d")
    for head in areas:
        lines.append(f"    style area_{ids[head]} fill:#fbfcfd,stroke:#d9e2ec,color:#52606d")
    deepest = min(chart.units, key=lambda u: (-depths[u], u))
    lines.append(f"    {ids[deepest]} ~~~ legend")  # an invisible link keeps the legend below the chart
    edges += 1
    lines += [
        f"    classDef owner fill:{COLORS['owner_fill']},stroke:{COLORS['owner']},stroke-width:2px,"
        f"color:{COLORS['ink']}",
        f"    classDef unit fill:{COLORS['unit_fill']},stroke:{COLORS['unit']},stroke-width:1px,color:{COLORS['ink']}",
        f"    classDef proposed fill:{COLORS['proposed_fill']},stroke:{COLORS['proposed']},stroke-width:2px,"
        f"stroke-dasharray: 5 5,color:{COLORS['ink']}",
    ]
    groups: dict[str, list[str]] = {"owner": ["legend_owner"], "unit": ["legend_unit"], "proposed": []}
    if chart.view == "recommended":
        groups["proposed"].append("legend_proposed")
    if dotted:
        groups["unit"].append("legend_second")
    for unit_id, unit in chart.units.items():
        groups["proposed" if unit.proposed else "owner" if unit.owned else "unit"].append(ids[unit_id])
    for name, members in groups.items():
        if members:
            lines.append(f"    class {','.join(members)} {name}")
    if links:
        lines.append(
            f"    linkStyle {','.join(map(str, links))} "
            f"stroke:{COLORS['link']},stroke-width:1.5px,stroke-dasharray:5 4,color:{COLORS['link']}"
        )
    if dotted:
        lines.append(
            f"    linkStyle {','.join(map(str, dotted))} "
            f"stroke:{COLORS['ink']},stroke-width:1.5px,stroke-dasharray:2 3,color:{COLORS['ink']}"
        )
    return "\n".join(lines) + "\n"


def _depths(chart: Chart) -> dict[str, int]:
    depths, level, frontier = {}, 0, chart.roots()
    while frontier:
        depths.update((unit, level) for unit in frontier)
        frontier = [report for unit in frontier for report in chart.reports(unit)]
        level += 1
    return depths


def _tiers(chart: Chart, depths: dict[str, int]) -> dict[str, int]:
    """Colour the links between units at the same depth (Welsh-Powell), so few units get pushed down."""
    peers: dict[str, set[str]] = {unit: set() for unit in chart.units}
    for link in chart.links:
        if depths[link.a] == depths[link.b]:
            peers[link.a].add(link.b)
            peers[link.b].add(link.a)
    tiers: dict[str, int] = {}
    for unit in sorted(chart.units, key=lambda u: (-len(peers[u]), u)):
        taken = {tiers[p] for p in peers[unit] if p in tiers}
        tiers[unit] = next(t for t in range(len(taken) + 1) if t not in taken)
    return tiers
