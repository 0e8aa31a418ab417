"""Explain why no owner assignment exists, and the smallest change that fixes it.

Two causes only: an objective that no department may own at all (every
candidate forbidden by rules or constraints, or without capacity), or a group
of objectives whose possible owners together lack the capacity for them
(Hall's condition; found from a maximum flow's residual graph).
"""

from __future__ import annotations

from orgdesign.engine.score import FitTable
from orgdesign.engine.solve import allowed
from orgdesign.errors import InfeasibleError


def diagnose(table: FitTable) -> InfeasibleError:
    """The error to raise, naming objectives, blockers and the smallest fix."""
    graph = table.graph
    options = {o: allowed(table, o) for o in graph.objectives}
    empty = [o for o, found in options.items() if not found]
    if empty:
        details = []
        for objective in empty:
            details += _why_nobody(table, objective)
        return InfeasibleError(
            f"no feasible assignment: {len(empty)} objective{'s' * (len(empty) > 1)} cannot have any owner "
            f"({', '.join(empty)})",
            details,
        )
    return _capacity_shortfall(table, options)


def _why_nobody(table: FitTable, objective: str) -> list[str]:
    graph = table.graph
    constraints = graph.constraints_for(objective)
    lines = [f"{objective}: every department is ruled out"]
    required = [(i, c) for i, c in constraints if c.owner]
    if required:
        index, constraint = required[0]
        department = constraint.owner
        forbid = table.cell(objective, department).forbidden_by
        lines.append(f"  constraints[{index}] requires {department!r} as owner, but:")
        for rule in forbid:
            lines.append(f"    rule {rule.id} forbids it ({rule.where})")
        for i, c in constraints:
            if c.not_owner == department:
                lines.append(f"    constraints[{i}] forbids it")
        if graph.capacity(department) == 0:
            lines.append("    its capacity is 0")
        lines.append(f"  help: remove constraints[{index}] or the rule that forbids {department!r}")
        return lines
    by_rule: dict[str, list[str]] = {}
    for department in graph.departments:
        for rule in table.cell(objective, department).forbidden_by:
            by_rule.setdefault(rule.id, []).append(department)
    for rule_id, departments in sorted(by_rule.items()):
        lines.append(f"  rule {rule_id} forbids {_few(departments)}")
    not_owner = [(i, c.not_owner) for i, c in constraints if c.not_owner]
    for index, department in not_owner:
        lines.append(f"  constraints[{index}] forbids {department!r}")
    zero = [d for d in graph.departments if graph.capacity(d) == 0]
    if zero:
        lines.append(f"  capacity 0: {_few(zero)}")
    if not_owner:
        lines.append(f"  help: remove constraints[{not_owner[-1][0]}] (not_owner: {not_owner[-1][1]})")
    elif zero:
        lines.append(f"  help: give {zero[0]!r} a capacity of 1")
    else:
        lines.append("  help: add a department that the rules allow to own it, or disable the forbidding rule")
    return lines


def _capacity_shortfall(table: FitTable, options: dict[str, list[tuple[str, int]]]) -> InfeasibleError:
    import networkx as nx

    graph = table.graph
    flow = nx.DiGraph()
    for objective, found in options.items():
        flow.add_edge("source", ("o", objective), capacity=1)
        for department, _ in found:
            flow.add_edge(("o", objective), ("d", department), capacity=1)
            flow.add_edge(("d", department), "sink", capacity=graph.capacity(department))
    _, flows = nx.maximum_flow(flow, "source", "sink")
    unmatched = sorted(o for o in options if flows["source"][("o", o)] == 0)
    holders: dict[str, list[str]] = {}  # department -> objectives the flow gave it
    for objective, found in options.items():
        for department, _ in found:
            if flows[("o", objective)].get(("d", department), 0):
                holders.setdefault(department, []).append(objective)
    reached_objectives, reached_departments = set(unmatched), set()
    frontier = list(unmatched)
    while frontier:
        objective = frontier.pop()
        for department, _ in options[objective]:
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
    objectives = sorted(reached_objectives)
    details = [
        f"objectives left without owner: {', '.join(unmatched)}",
        f"objectives competing for the same owners: {', '.join(objectives)}",
        "their possible owners: "
        + ", ".join(f"{d} (capacity {graph.capacity(d)})" for d in sorted(reached_departments)),
        f"help: raise the capacity of {best!r} from {graph.capacity(best)} to {graph.capacity(best) + shortfall}, "
        "or allow another owner for one of these objectives",
    ]
    return InfeasibleError(
        f"no feasible assignment: {len(objectives)} objectives can only go to departments with room for {capacity}",
        details,
    )


def _few(items: list[str], limit: int = 5) -> str:
    shown = ", ".join(repr(x) for x in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")
