"""The pipeline: org -> graph -> fit table -> solution -> RACI, links, findings, structure, gap."""

from __future__ import annotations

from dataclasses import dataclass

from .explain import Assignment, assignments
from .findings import Finding, find
from .gap import GapItem, compare
from .graph import OrgGraph
from .infeasible import diagnose
from .model import OrgFile
from .raci import Link, Raci, assign_roles, links
from .rulebook import Rulebook, load_rulebook
from .score import FitTable, score
from .solve import Problem, Solution, Unfeasible, build_problem, solve
from .structure import Structure, assess


@dataclass(frozen=True)
class Recommendation:
    """Everything `orgdesign recommend` reports, as plain frozen data."""

    org: OrgFile
    table: FitTable
    problem: Problem
    solution: Solution
    assignments: tuple[Assignment, ...]
    raci: dict[str, Raci]
    links: tuple[Link, ...]
    findings: tuple[Finding, ...]
    structure: Structure
    gap: tuple[GapItem, ...]


def recommend(org: OrgFile, rulebook: Rulebook | None = None) -> Recommendation:
    """Recommend an owner for every objective, with RACI, links, findings and reasons.

    Raises InfeasibleError (exit code 1) when capacities and constraints leave
    some objective without a possible owner.
    """
    rulebook = rulebook or load_rulebook()
    graph = OrgGraph(org)
    table = score(graph, rulebook)
    problem = build_problem(table)
    try:
        solution = solve(problem)
    except Unfeasible:
        raise diagnose(table) from None
    roles = assign_roles(table, solution.owners)
    joined = links(roles)
    return Recommendation(
        org=org,
        table=table,
        problem=problem,
        solution=solution,
        assignments=tuple(assignments(table, solution)),
        raci=roles,
        links=tuple(joined),
        findings=tuple(find(table, solution.owners, roles, joined)),
        structure=assess(graph, solution.owners, roles),
        gap=tuple(compare(table, solution.owners)),
    )
