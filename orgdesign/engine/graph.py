"""The org as a networkx graph: reporting lines, and objectives on their current owners.

Nodes are `("department", id)` and `("objective", id)` so the two id spaces
never collide; edges carry a `kind` (`reports_to`, `owns_today`). The rest of
the engine asks `OrgGraph` questions instead of walking raw records.
"""

from __future__ import annotations

from functools import cached_property

import networkx as nx

from orgdesign.input.capacity import capacity_from_headcount
from orgdesign.input.model import Constraint, Department, Objective, OrgFile

DEPARTMENT = "department"
OBJECTIVE = "objective"


class OrgGraph:
    """Read-only queries over one org's reporting tree and objectives."""

    def __init__(self, org: OrgFile):
        self.org = org
        graph = nx.DiGraph()
        for department in org.departments:
            graph.add_node((DEPARTMENT, department.id), kind=DEPARTMENT, record=department)
        for department in org.departments:
            if department.reports_to:
                graph.add_edge((DEPARTMENT, department.id), (DEPARTMENT, department.reports_to), kind="reports_to")
        for objective in org.objectives:
            graph.add_node((OBJECTIVE, objective.id), kind=OBJECTIVE, record=objective)
        for objective_id, department_id in sorted(org.current_owners.items()):
            graph.add_edge((DEPARTMENT, department_id), (OBJECTIVE, objective_id), kind="owns_today")
        self.graph = graph
        self._above: dict[str, dict[str, bool]] = {}  # function -> department -> has_above

    @cached_property
    def departments(self) -> dict[str, Department]:
        """Departments by id, in id order."""
        return {d.id: d for d in sorted(self.org.departments, key=lambda d: d.id)}

    @cached_property
    def objectives(self) -> dict[str, Objective]:
        """Objectives by id, in id order."""
        return {o.id: o for o in sorted(self.org.objectives, key=lambda o: o.id)}

    @cached_property
    def functions(self) -> frozenset[str]:
        """The functions present in the org, further ones (`also`) included."""
        return frozenset(f for d in self.org.departments for f in d.functions)

    @cached_property
    def _by_function(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for department_id, department in self.departments.items():
            for function in department.functions:
                groups.setdefault(function, []).append(department_id)
        return groups

    def with_function(self, function: str) -> list[str]:
        """Ids of the departments that run this function (primary or further), in id order."""
        return self._by_function.get(function, [])

    def manager(self, department_id: str) -> str | None:
        """The department this one reports to."""
        return self.departments[department_id].reports_to

    def reports(self, department_id: str) -> list[str]:
        """Departments that report directly to this one, in id order."""
        return sorted(
            source[1]
            for source, _, kind in self.graph.in_edges((DEPARTMENT, department_id), data="kind")
            if kind == "reports_to"
        )

    def roots(self) -> list[str]:
        """Departments that report to nobody, in id order."""
        return [d for d, record in self.departments.items() if not record.reports_to]

    def has_above(self, department_id: str, function: str) -> bool:
        """Whether a department above this one (not counting itself) has this function."""
        above = self._above.get(function)
        if above is None:
            above = self._above[function] = self._mark_above(function)
        return above[department_id]

    def _mark_above(self, function: str) -> dict[str, bool]:
        """has_above for every department at once: each walk stops at the first known department."""
        departments = self.departments
        above: dict[str, bool] = {}
        for start in departments:
            path = []
            node = start
            while node not in above:
                path.append(node)
                boss = departments[node].reports_to
                if boss is None:
                    above[node] = False
                    path.pop()
                    break
                node = boss
            for member in reversed(path):  # nearest the known department first
                boss = departments[member].reports_to
                above[member] = departments[boss].function == function or above[boss]
        return above

    def depth(self, department_id: str) -> int:
        """0 for a root, 1 for a unit reporting to a root, and so on."""
        return self._depths[department_id]

    @cached_property
    def _depths(self) -> dict[str, int]:
        depths: dict[str, int] = {}
        frontier = self.roots()
        level = 0
        while frontier:
            for department_id in frontier:
                depths[department_id] = level
            frontier = [r for d in frontier for r in self.reports(d)]
            level += 1
        return depths

    def capacity(self, department_id: str) -> int:
        """Objectives the department can own: as given, or derived from its headcount (3 when unknown)."""
        return self._capacities[department_id]

    @cached_property
    def _capacities(self) -> dict[str, int]:
        return {d: self._capacity(record) for d, record in self.departments.items()}

    @staticmethod
    def _capacity(department: Department) -> int:
        if department.capacity is not None:
            return department.capacity
        return capacity_from_headcount(department.headcount)

    def constraints_for(self, objective_id: str) -> list[tuple[int, Constraint]]:
        """The org's constraints on this objective, each with its index in the file, in file order."""
        return self._constraints.get(objective_id, [])

    @cached_property
    def _constraints(self) -> dict[str, list[tuple[int, Constraint]]]:
        by_objective: dict[str, list[tuple[int, Constraint]]] = {}
        for index, constraint in enumerate(self.org.constraints):
            by_objective.setdefault(constraint.objective, []).append((index, constraint))
        return by_objective

    def owned_today(self, department_id: str) -> list[str]:
        """Objectives this department owns today, in id order."""
        return sorted(
            target[1]
            for _, target, kind in self.graph.out_edges((DEPARTMENT, department_id), data="kind")
            if kind == "owns_today"
        )
