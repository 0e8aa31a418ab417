r"""The org chart as Graphviz DOT source (`dot -Tsvg chart.dot > chart.svg`).

Every id and label is a double-quoted string with `\` and `"` escaped, so no
name can end a string or add attributes; legend ids contain `:`, which unit
ids never do. Reporting lines are solid and rank the tree top-down; links are
dashed, orange and `constraint=false`, so they never bend the hierarchy;
proposed units have a dashed outline. Colours are 6-digit hex, as Graphviz wants.
"""

from __future__ import annotations

from orgdesign.present.chart.model import COLORS, Chart, build
from orgdesign.present.plain import HUB_TIE, clean

FONT = "Helvetica,Arial,sans-serif"


_LINK = {"style": "dashed", "color": COLORS["link"], "fontcolor": COLORS["link"], "dir": "none", "fontsize": 8}


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


def digraph(chart: Chart) -> str:
    """DOT source for a chart, ending in a newline."""
    what = "Recommended" if chart.view == "recommended" else "Current"
    title = f"{chart.title}: {what.lower()} ownership of social media objectives"
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
            ranksep=0.55,
            newrank="true",
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
        lines = [unit.label, ("proposed · " if unit.proposed else "") + unit.function.replace("_", " ")]
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
    for manager, report in chart.reporting():
        out.append(f"    {quote(manager)} -> {quote(report)};")
    for link in chart.links:
        out.append(
            f"    {quote(link.a)} -> {quote(link.b)} "
            + _attrs(**_LINK, constraint="false", label=", ".join(link.objectives) or HUB_TIE, penwidth=1.2)
            + ";"
        )
    out += [
        f"    subgraph {quote('cluster_legend')} {{",
        "        "
        + _attrs(label="Legend", fontsize=10, style="rounded", color="#d9e2ec").replace("[", "graph [", 1)
        + ";",
        f"        {quote('legend:owner')} "
        + _attrs(
            label=["owns objectives", "• objective"],
            color=COLORS["owner"],
            fillcolor=COLORS["owner_fill"],
            penwidth=1.6,
        )
        + ";",
        f"        {quote('legend:unit')} {_attrs(label='owns none')};",
    ]
    if chart.view == "recommended":
        out.append(
            f"        {quote('legend:proposed')} "
            + _attrs(
                label="proposed new unit",
                style="rounded,dashed,filled",
                color=COLORS["proposed"],
                fillcolor=COLORS["proposed_fill"],
                penwidth=1.6,
            )
            + ";"
        )
    out.append(f"        {quote('legend:owner')} -> {quote('legend:unit')} {_attrs(label='reports to', fontsize=8)};")
    if chart.view == "recommended":
        out.append(
            f"        {quote('legend:unit')} -> {quote('legend:proposed')} " + _attrs(**_LINK, label="works with") + ";"
        )
    out += ["    }", "}"]
    return "\n".join(out) + "\n"
