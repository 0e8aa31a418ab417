"""Rich renderables for the terminal: the only place that formats for a screen.

Every string from an input file goes through `text()`, which never interprets
rich markup and shows control characters as visible escapes, so a name in a
file cannot restyle or take over the terminal.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from orgdesign.input.model import OrgFile
from orgdesign.present.plain import HUB_TIE, clean, units
from orgdesign.present.words import (
    Names,
    blocker_text,
    change_text,
    forced_text,
    names_of,
    owner_change_text,
    tie_break_text,
    verdict_text,
)


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

    graph = OrgGraph(org)
    below = _units_below(graph)
    o = org.organization
    facts = [o.industry or "industry not given", o.region, o.country or "", o.size, "regulated" if o.regulated else ""]
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
            node.add(text(f"… {count:,} more unit{'s' * (count != 1)}: see ↳ [{unit}] below", "yellow"))
            continued = text("↳ ", "yellow") + _unit_label(graph, unit)
            continued.append(f"  continued, level {graph.depth(unit) + 1}", style="yellow")
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
    return label


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


# --- the recommendation --------------------------------------------------------

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def ownership_table(result) -> Table:
    """One row per objective: owner, score, runner-up and margin, today's owner."""
    graph = result.table.graph
    today = graph.org.current_owners
    table = Table(title="Recommended owners", title_justify="left", expand=True)
    table.add_column("objective", ratio=3)
    table.add_column("pri", justify="right", no_wrap=True)
    table.add_column("owner", ratio=3)
    table.add_column("fit", justify="right", no_wrap=True)
    table.add_column("runner-up (margin)", ratio=3, overflow="fold")
    table.add_column("today", ratio=2, overflow="fold")
    for a in sorted(result.assignments, key=lambda a: (-graph.objectives[a.objective].priority, a.objective)):
        runner = "—" if a.runner_up is None else f"{clean(a.runner_up)} ({units(a.margin)})"
        if a.tie:
            runner = f"{clean(a.runner_up)} (tie; {'kept with today' if a.tie == 'today' else 'stable order'})"
        elif result.robustness and result.robustness[a.objective].fragile:
            runner += " ⚠ fragile"
        current = today.get(a.objective)
        moved = current is not None and current != a.owner
        table.add_row(
            text(graph.objectives[a.objective].label),
            str(graph.objectives[a.objective].priority),
            text(graph.departments[a.owner].label, "bold"),
            units(a.score),
            text(runner, "dim"),
            text(current or "—", "yellow" if moved else "dim"),
        )
    return table


def fragile_note(result) -> Text | None:
    """The legend for ⚠, when some assignment is fragile."""
    if not result.robustness or not any(r.fragile for r in result.robustness.values()):
        return None
    return text(
        "⚠ fragile: raising the runner-up's fit by one point or less would flip it; "
        "`orgdesign explain FILE OBJECTIVE` shows the change.",
        "yellow",
    )


def raci_table(result) -> Table:
    """RACI per objective: accountable, responsible, consulted, informed."""
    table = Table(title="RACI", title_justify="left", expand=True)
    table.add_column("objective", no_wrap=True)
    table.add_column("A", no_wrap=True)
    for column in ("R", "C", "I"):
        table.add_column(column, ratio=1)
    for objective, raci in sorted(result.raci.items()):
        table.add_row(
            text(objective, "cyan"),
            text(raci.accountable, "bold"),
            text(", ".join(raci.responsible)),
            text(", ".join(raci.consulted)),
            text(", ".join(raci.informed), "dim"),
        )
    return table


def links_table(result) -> Table:
    table = Table(title="Who must work with whom", title_justify="left", expand=False)
    table.add_column("departments", overflow="fold")
    table.add_column("joined by", overflow="fold")
    for link in result.links:
        table.add_row(text(f"{link.a} ↔ {link.b}"), text(", ".join(link.objectives) or HUB_TIE, "dim"))
    return table


def findings_view(findings) -> Text:
    """Findings shaped like compiler diagnostics."""
    out = Text()
    for f in findings:
        out.append(f"{f.severity}[{f.code}]", style=_SEVERITY_STYLE[f.severity])
        out.append(f" {f.name}: ", style="bold")
        out.append(clean(f.message) + "\n")
        out.append("  help: ", style="green")
        out.append(clean(f.help) + "\n")
        out.append(f"  evidence: {', '.join(f.evidence)}\n", style="dim")
    if not findings:
        out.append("no findings\n", style="green")
    return out


def structure_view(structure) -> Text:
    from orgdesign.engine.structure import MODELS

    out = Text()
    if structure.current_model:
        out.append("Today:        ", style="bold")
        out.append(f"{structure.current_model.replace('_', '-')}")
        out.append(f" ({'; '.join(structure.current_why)})\n" if structure.current_why else "\n")
    out.append("Recommended:  ", style="bold")
    out.append(f"{structure.model.replace('_', '-')}", style="green")
    out.append(f" ({MODELS[structure.model]}; {'; '.join(structure.why)})\n")
    out.append("Next step:    ", style="bold")
    out.append(f"{structure.next_model.replace('_', '-')}", style="cyan")
    out.append(f" ({'; '.join(structure.next_why)})\n")
    for proposal in structure.proposals:
        out.append("Propose:      ", style="bold")
        out.append(f"{clean(proposal.name)} under {clean(proposal.reports_to)}: {clean(proposal.reason)}")
        out.append(f" [{', '.join(proposal.evidence)}]\n", style="dim")
    out.append(f"evidence: {', '.join(structure.evidence)}", style="dim")
    return out


def gap_view(result) -> Text:
    """Objectives whose owner changes, with the rules that moved them."""
    out = Text()
    names = names_of(result.table.graph)
    changed = [g for g in result.gap if g.changed]
    for g in changed:
        out.append(clean(g.objective), style="cyan")
        out.append(f": {clean(g.current)} ({units(g.current_fit)}) → ")
        out.append(clean(g.recommended), style="bold")
        out.append(f" ({units(g.recommended_fit)})\n")
        for reason in g.why:
            out.append(f"    +{units(reason.contribution)} {reason.rule}", style="dim")
            out.append(f" [{', '.join(reason.evidence)}]\n", style="dim")
        for forced in g.forced_by:
            out.append(f"    forced ({forced.kind}): {clean(forced_text(forced, names))}\n", style="yellow")
    kept = len(result.gap) - len(changed)
    if result.gap:
        out.append(f"{len(changed)} of {len(result.gap)} objectives change owner; {kept} stay.", style="bold")
    return out


def recommendation_view(result):
    """Everything, in reading order, as one renderable group."""
    from rich.console import Group
    from rich.rule import Rule

    parts = [
        text(f"{result.org.organization.name}", "bold"),
        ownership_table(result),
        *filter(None, [fragile_note(result)]),
        raci_table(result),
        Rule("Findings", align="left"),
        findings_view(result.findings),
        Rule("Structure", align="left"),
        structure_view(result.structure),
    ]
    if result.gap:
        parts += [Rule("Gap: today → recommended", align="left"), gap_view(result)]
    return Group(*parts)


def explanation_view(result, assignment, contrast):
    """Why this owner (reasons summing to the fit), and why not the other department."""
    from rich.console import Group

    graph = result.table.graph
    objective = graph.objectives[assignment.objective]
    head = text(f"{objective.label} ", "bold")
    head.append(f"[{clean(objective.id)}] {objective.kind}, priority {objective.priority}", style="dim")
    owner = text("Owner: ", "bold") + text(graph.departments[assignment.owner].label, "green")
    owner.append(f" [{clean(assignment.owner)}], fit {units(assignment.score)}")
    parts = [head, owner, _reasons_table(assignment.reasons, assignment.score)]
    if assignment.tie:
        parts.append(
            text(
                f"Tied with {assignment.runner_up} at fit {units(assignment.score)}; {tie_break_text(assignment.tie)}."
            )
        )
    elif assignment.runner_up:
        parts.append(
            text(
                f"Runner-up: {assignment.runner_up}, fit {units(assignment.runner_up_score)}, "
                f"margin {units(assignment.margin)}"
            )
        )
    if contrast is not None and contrast.verdict != "owner":
        parts.append(_why_not_view(contrast, names_of(graph)))
    return Group(*parts)


def _reasons_table(reasons, total: int) -> Table:
    table = Table(expand=False, show_footer=True)
    table.add_column("rule", footer="fit", no_wrap=True)
    table.add_column("+/-", justify="right", footer=units(total))
    table.add_column("why", overflow="fold", ratio=1)
    table.add_column("evidence", overflow="fold")
    for reason in reasons:
        table.add_row(
            text(reason.rule, "cyan"),
            f"{reason.contribution / 100:+.2f}",
            text(reason.rationale),
            text(", ".join(reason.evidence), "dim"),
        )
    return table


def _why_not_view(contrast, names) -> Text:
    out = Text("\n")
    out.append(f"Why not {clean(contrast.department)}? ", style="bold")
    out.append(
        f"It {verdict_text(contrast.verdict)} (fit {units(contrast.fit)} against {units(contrast.owner_fit)}).\n"
    )
    for blocker in contrast.blockers:
        out.append(f"  - {clean(blocker_text(blocker, names))}\n")
    if contrast.verdict != "forbidden":
        for reason in contrast.owner_only:
            out.append(f"  {contrast.owner} has {reason.rule} ({reason.contribution / 100:+.2f})\n", style="dim")
        for reason in contrast.department_only:
            out.append(f"  {contrast.department} has {reason.rule} ({reason.contribution / 100:+.2f})\n", style="dim")
    if contrast.changes:
        out.append("It would become the owner if you:\n", style="bold")
        for change in contrast.changes:
            out.append(f"  - {clean(change_text(change, names))}\n", style="green")
    elif contrast.verdict != "forbidden":
        out.append("No single change of its fit or capacity makes it the owner.\n", style="dim")
    else:
        out.append(
            "A hard rule or constraint decides this; disable the rule with a user pack or drop the constraint.\n",
            style="dim",
        )
    return out


def comparison_view(comparison):
    """Two scenarios side by side: ownership changes, links, findings, structure, total fit."""
    from rich.console import Group
    from rich.rule import Rule

    c = comparison
    names = Names(c.department_names, c.objective_names)
    changes = Table(title="Ownership changes", title_justify="left", expand=True)
    changes.add_column("objective", no_wrap=True)
    changes.add_column("from → to", ratio=2)
    changes.add_column("why", ratio=3)
    for change in c.changes:
        why = Text()
        for reason in change.gained:
            why.append(f"+ {reason.rule} {reason.contribution / 100:+.2f}\n", style="green")
        for reason in change.lost:
            why.append(f"- {reason.rule} (no longer applies)\n", style="red")
        why.append(clean(owner_change_text(change, names)), style="dim")
        moved = text(change.before or "—") + Text(" → ") + text(change.after or "—", "bold")
        changes.add_row(text(change.objective, "cyan"), moved, why)
    links = Text()
    for a, b in c.links_gained:
        links.append(f"+ {clean(a)} ↔ {clean(b)}\n", style="green")
    for a, b in c.links_lost:
        links.append(f"- {clean(a)} ↔ {clean(b)}\n", style="red")
    findings = Text()
    for code, _, message in c.findings_resolved:
        findings.append(f"resolved   {code} {clean(message)}\n", style="green")
    for code, _, message in c.findings_introduced:
        findings.append(f"introduced {code} {clean(message)}\n", style="yellow")
    change = (c.total_fit_after - c.total_fit_before) / 100
    summary = Text()
    summary.append("Structure:  ", style="bold")
    summary.append(f"{c.structure_before.replace('_', '-')} → {c.structure_after.replace('_', '-')}\n")
    summary.append("Total fit:  ", style="bold")
    summary.append(f"{c.total_fit_before / 100:.2f} → {c.total_fit_after / 100:.2f} ")
    summary.append(f"({change:+.2f})", style="green" if change >= 0 else "red")
    head = text(f"{c.before}  →  {c.after}", "bold")
    kept = text(f"{len(c.changes)} objective(s) change owner; {c.unchanged} keep theirs.", "dim")
    return Group(
        head,
        changes if c.changes else text("No objective changes owner.", "green"),
        kept,
        Rule("Collaboration links", align="left"),
        links or text("no change", "dim"),
        Rule("Findings", align="left"),
        findings or text("no change", "dim"),
        Rule("Structure and fit", align="left"),
        summary,
    )
