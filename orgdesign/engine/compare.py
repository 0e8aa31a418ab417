"""Two recommendations side by side: who owns what, who works with whom, what is wrong, and why it moved."""

from __future__ import annotations

from dataclasses import dataclass, field

from orgdesign.engine.explain import Reason, reasons
from orgdesign.engine.pipeline import Recommendation


@dataclass(frozen=True)
class OwnerChange:
    objective: str
    before: str | None  # None: the objective is new in the second scenario
    after: str | None  # None: the objective is gone
    gained: tuple[Reason, ...]  # rules the new owner has that the old one lacks, in the second scenario
    lost: tuple[Reason, ...]  # rules the old owner had in the first scenario and no longer has
    cause: (
        str  # new_objective | removed | new_department | department_gone | pinned | forbidden | rules | capacity | load
    )
    department: str | None = (
        None  # new_department, pinned: the new owner; department_gone, forbidden, capacity: the old one
    )
    capacities: tuple[int, int] | None = None  # capacity: the old owner's capacity before and after


@dataclass(frozen=True)
class Comparison:
    before: str
    after: str
    changes: tuple[OwnerChange, ...]
    unchanged: int
    links_gained: tuple[tuple[str, str], ...]
    links_lost: tuple[tuple[str, str], ...]
    findings_resolved: tuple[tuple[str, str, str], ...]  # code, subject, message
    findings_introduced: tuple[tuple[str, str, str], ...]
    structure_before: str
    structure_after: str
    total_fit_before: int
    total_fit_after: int
    department_names: dict[str, str] = field(default_factory=dict)  # of both scenarios, for the words
    objective_names: dict[str, str] = field(default_factory=dict)


def compare(first: Recommendation, second: Recommendation, before: str = "before", after: str = "after") -> Comparison:
    """What changes from the first recommendation to the second; `before` and `after` label them."""
    a, b = first.solution.owners, second.solution.owners
    changes = []
    for objective in sorted(set(a) | set(b)):
        old, new = a.get(objective), b.get(objective)
        if old == new:
            continue
        changes.append(_change(first, second, objective, old, new))
    pairs_a = {(link.a, link.b) for link in first.links}
    pairs_b = {(link.a, link.b) for link in second.links}
    found_a = {(f.code, f.subject, f.message) for f in first.findings}
    found_b = {(f.code, f.subject, f.message) for f in second.findings}
    return Comparison(
        before,
        after,
        tuple(changes),
        len(set(a) & set(b)) - sum(1 for c in changes if c.before and c.after),
        tuple(sorted(pairs_b - pairs_a)),
        tuple(sorted(pairs_a - pairs_b)),
        tuple(sorted(found_a - found_b)),
        tuple(sorted(found_b - found_a)),
        first.structure.model,
        second.structure.model,
        first.solution.value,
        second.solution.value,
        _names(first, second, "departments"),
        _names(first, second, "objectives"),
    )


def _names(first: Recommendation, second: Recommendation, kind: str) -> dict[str, str]:
    """Labels of both scenarios' departments or objectives; the second scenario's name wins."""
    out = {i: record.label for i, record in getattr(first.table.graph, kind).items()}
    out.update((i, record.label) for i, record in getattr(second.table.graph, kind).items())
    return out


def _change(
    first: Recommendation, second: Recommendation, objective: str, old: str | None, new: str | None
) -> OwnerChange:
    if old is None:
        return OwnerChange(objective, None, new, (), (), "new_objective")
    if new is None:
        return OwnerChange(objective, old, None, (), (), "removed")
    departments_b = second.table.graph.departments
    if new not in first.table.graph.departments:
        return OwnerChange(objective, old, new, reasons(second.table, objective, new), (), "new_department", new)
    if old not in departments_b:
        return OwnerChange(objective, old, new, reasons(second.table, objective, new), (), "department_gone", old)
    constraint = _new_constraint(first, second, objective, old, new)
    if constraint:
        cause, department = constraint
        return OwnerChange(objective, old, new, (), (), cause, department)
    had = {r.rule for r in reasons(second.table, objective, old)}
    gained = tuple(r for r in reasons(second.table, objective, new) if r.rule not in had)
    still = had
    lost = tuple(r for r in reasons(first.table, objective, old) if r.rule not in still)
    if gained or lost:
        return OwnerChange(objective, old, new, gained, lost, "rules")
    capacities = (first.table.graph.capacity(old), second.table.graph.capacity(old))
    if capacities[0] != capacities[1]:
        return OwnerChange(objective, old, new, gained, lost, "capacity", old, capacities)
    return OwnerChange(objective, old, new, gained, lost, "load")


def _new_constraint(
    first: Recommendation, second: Recommendation, objective: str, old: str, new: str
) -> tuple[str, str] | None:
    """("pinned", new) or ("forbidden", old) when the second scenario adds the constraint that moved it."""
    before = {(c.kind, c.department) for _, c in first.table.graph.constraints_for(objective)}
    after = {(c.kind, c.department) for _, c in second.table.graph.constraints_for(objective)}
    if ("owner", new) in after - before:
        return "pinned", new
    if ("not_owner", old) in after - before:
        return "forbidden", old
    return None
