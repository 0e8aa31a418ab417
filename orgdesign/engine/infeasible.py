"""Explain why no owner assignment exists, and the smallest change that fixes it.

Two causes only: an objective that no department may own at all (every
candidate forbidden by rules or constraints, or without capacity), or a group
of objectives whose possible owners together lack the capacity for them
(Hall's condition; found from a maximum flow's residual graph).
"""

from __future__ import annotations

from orgdesign.engine.explain import forbidding
from orgdesign.engine.findings import Finding, diagnostic
from orgdesign.engine.score import FitTable
from orgdesign.engine.solve import allowed
from orgdesign.errors import InfeasibleError
from orgdesign.i18n import _, ngettext


def diagnose(table: FitTable) -> InfeasibleError:
    """The error to raise: Finding-shaped diagnostics (OD201, OD202) naming objectives, blockers and the fix."""
    graph = table.graph
    options = {o: allowed(table, o) for o in graph.objectives}
    empty = [o for o, found in options.items() if not found]
    if empty:
        found = [_why_nobody(table, objective) for objective in empty]
        return InfeasibleError(
            ngettext(
                "no feasible assignment: {count} objective cannot have any owner ({objectives})",
                "no feasible assignment: {count} objectives cannot have any owner ({objectives})",
                len(empty),
            ).format(count=len(empty), objectives=", ".join(empty)),
            [line for d in found for line in _nobody_lines(d)],
            found,
        )
    shortfall = _capacity_shortfall(table, options)
    return InfeasibleError(
        _("no feasible assignment: {problem}").format(problem=shortfall.message),
        _shortfall_lines(shortfall),
        [shortfall],
    )


def _why_nobody(table: FitTable, objective: str) -> Finding:
    """OD201: what rules out each department; the facts say which, the variant which fix."""
    graph = table.graph
    constraints = graph.constraints_for(objective)
    required = [(i, c.owner) for i, c in constraints if c.owner]
    if required:
        index, department = required[0]
        blockers = tuple(b for b in forbidding(table, objective, department) if b.index != index)
        return diagnostic(
            "OD201", objective, "required", objective=objective, index=index, department=department, blockers=blockers
        )
    by_rule: dict[str, list[str]] = {}
    for department in graph.departments:
        for rule in table.cell(objective, department).forbidden_by:
            by_rule.setdefault(rule.id, []).append(department)
    facts = {
        "objective": objective,
        "rules": tuple((rule, tuple(departments)) for rule, departments in sorted(by_rule.items())),
        "not_owner": tuple((i, c.not_owner) for i, c in constraints if c.not_owner),
        "zero": tuple(d for d in graph.departments if graph.capacity(d) == 0),
    }
    if facts["not_owner"]:
        index, department = facts["not_owner"][-1]
        return diagnostic("OD201", objective, "constraint", index=index, department=department, **facts)
    if facts["zero"]:
        return diagnostic("OD201", objective, "capacity", department=facts["zero"][0], **facts)
    return diagnostic("OD201", objective, **facts)


def _nobody_lines(found: Finding) -> list[str]:
    """An OD201 diagnostic as the indented lines the CLI prints."""
    fact = found.fact
    lines = [found.message]
    if found.variant == "required":
        lines.append(
            "  "
            + _("constraints[{index}] requires {department} as owner, but:").format(
                index=fact["index"], department=repr(fact["department"])
            )
        )
        for blocker in fact["blockers"]:
            if blocker.kind == "rule":
                lines.append(
                    "    " + _("rule {rule} forbids it ({where})").format(rule=blocker.rule, where=blocker.where)
                )
            elif blocker.kind == "constraint":
                lines.append("    " + _("constraints[{index}] forbids it").format(index=blocker.index))
            else:
                lines.append("    " + _("its capacity is 0"))
    else:
        lines += [
            "  " + _("rule {rule} forbids {departments}").format(rule=rule, departments=_few(departments))
            for rule, departments in fact["rules"]
        ]
        lines += [
            "  " + _("constraints[{index}] forbids {department}").format(index=index, department=repr(department))
            for index, department in fact["not_owner"]
        ]
        if fact["zero"]:
            lines.append("  " + _("capacity 0: {departments}").format(departments=_few(fact["zero"])))
    return [*lines, "  " + _("help: {help}").format(help=found.help)]


def _capacity_shortfall(table: FitTable, options: dict[str, list[tuple[str, int]]]) -> Finding:
    """OD202: the smallest group of objectives whose possible owners lack room (Hall's condition)."""
    import networkx as nx

    graph = table.graph
    flow = nx.DiGraph()
    for objective, found in options.items():
        flow.add_edge("source", ("o", objective), capacity=1)
        for department, _fit in found:
            flow.add_edge(("o", objective), ("d", department), capacity=1)
            flow.add_edge(("d", department), "sink", capacity=graph.capacity(department))
    _value, flows = nx.maximum_flow(flow, "source", "sink")
    unmatched = sorted(o for o in options if flows["source"][("o", o)] == 0)
    holders: dict[str, list[str]] = {}  # department -> objectives the flow gave it
    for objective, found in options.items():
        for department, _fit in found:
            if flows[("o", objective)].get(("d", department), 0):
                holders.setdefault(department, []).append(objective)
    reached_objectives, reached_departments = set(unmatched), set()
    frontier = list(unmatched)
    while frontier:
        objective = frontier.pop()
        for department, _fit in options[objective]:
            if department in reached_departments:
                continue
            reached_departments.add(department)
            for other in holders.get(department, ()):
                if other not in reached_objectives:
                    reached_objectives.add(other)
                    frontier.append(other)
    capacity = sum(graph.capacity(d) for d in reached_departments)
    shortfall = len(reached_objectives) - capacity
    best_fit: dict[str, int] = {}
    for objective in reached_objectives:
        for department, fit in options[objective]:
            if department in reached_departments and fit > best_fit.get(department, fit - 1):
                best_fit[department] = fit
    best = max(sorted(reached_departments), key=best_fit.__getitem__)
    objectives = tuple(sorted(reached_objectives))
    return diagnostic(
        "OD202",
        objectives[0],
        count=len(objectives),
        capacity=capacity,
        department=best,
        current=graph.capacity(best),
        needed=graph.capacity(best) + shortfall,
        unmatched=tuple(unmatched),
        competing=objectives,
        owners=tuple((d, graph.capacity(d)) for d in sorted(reached_departments)),
    )


def _shortfall_lines(found: Finding) -> list[str]:
    """An OD202 diagnostic as the lines the CLI prints."""
    fact = found.fact
    owners = ", ".join(
        _("{department} (capacity {capacity})").format(department=d, capacity=c) for d, c in fact["owners"]
    )
    return [
        _("objectives left without owner: {objectives}").format(objectives=", ".join(fact["unmatched"])),
        _("objectives competing for the same owners: {objectives}").format(objectives=", ".join(fact["competing"])),
        _("their possible owners: {owners}").format(owners=owners),
        _("help: {help}").format(help=found.help),
    ]


def _few(items: list[str], limit: int = 5) -> str:
    shown = ", ".join(repr(x) for x in items[:limit])
    if len(items) <= limit:
        return shown
    return _("{shown} and {count} more").format(shown=shown, count=len(items) - limit)
