"""Rich renderables for the terminal: the only place that formats for a screen.

Every string from an input file goes through `text()`, which never interprets
rich markup and shows control characters as visible escapes, so a name in a
file cannot restyle or take over the terminal.
"""

from __future__ import annotations

import re

from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from .model import OrgFile

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(value: object) -> str:
    """Show control and bidi characters as `\\xNN` / `\\uNNNN` instead of obeying them.

    >>> clean("a\\x1b[2Jb")
    'a\\\\x1b[2Jb'
    """
    def visible(match: re.Match) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSAFE.sub(visible, str(value))


def text(value: object, style: str = "") -> Text:
    """A literal, sanitized piece of text."""
    return Text(clean(value), style=style)


def org_tree(org: OrgFile) -> Tree:
    """The reporting tree, with function, headcount and capacity on each unit."""
    from .graph import OrgGraph

    graph = OrgGraph(org)
    o = org.organization
    facts = [o.industry or "industry not given", o.region, o.country or "", o.size, "regulated" if o.regulated else ""]
    title = text(o.name, "bold")
    title.append("  " + " · ".join(clean(f) for f in facts if f), style="dim")
    tree = Tree(title)

    def add(branch: Tree, department_id: str) -> None:
        department = graph.departments[department_id]
        label = text(department.label, "bold" if department.function == "social_media" else "")
        details = [department.function]
        if department.headcount is not None:
            details.append(f"{department.headcount:,} people")
        if department.capacity is not None:
            details.append(f"capacity {department.capacity}")
        if department.structure:
            details.append(f"by {department.structure}")
        if department.business_unit:
            details.append(department.business_unit)
        label.append(f"  [{department.id}] ", style="cyan")
        label.append(" · ".join(clean(d) for d in details), style="dim")
        owned = graph.owned_today(department_id)
        if owned:
            label.append("  owns today: " + ", ".join(clean(x) for x in owned), style="green")
        child = branch.add(label)
        for report in graph.reports(department_id):
            add(child, report)

    for root in graph.roots():
        add(tree, root)
    return tree


def objectives_table(org: OrgFile) -> Table:
    """Objectives with kind, priority and today's owner."""
    table = Table(title="Objectives", title_justify="left", expand=False)
    for column in ("id", "objective", "kind", "priority", "owner today"):
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
