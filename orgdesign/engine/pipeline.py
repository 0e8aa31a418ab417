"""The pipeline: org -> graph -> fit table -> solution -> RACI, links, findings, structure, gap."""

from __future__ import annotations

import time
from dataclasses import dataclass

from orgdesign.engine.explain import Assignment, assignments
from orgdesign.engine.findings import Finding, find
from orgdesign.engine.gap import GapItem, compare
from orgdesign.engine.graph import OrgGraph
from orgdesign.engine.infeasible import diagnose
from orgdesign.engine.raci import Link, Raci, assign_roles, hub_ties, links
from orgdesign.engine.robust import Robustness, robustness
from orgdesign.engine.score import FitTable, score
from orgdesign.engine.solve import Problem, Solution, Unfeasible, build_problem, solve
from orgdesign.engine.structure import Structure, assess
from orgdesign.input.model import OrgFile
from orgdesign.rulebook import Rulebook, load_rulebook


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
    robustness: dict[str, Robustness] | None  # None when the org is too large to assess cheaply


def recommend(
    org: OrgFile, rulebook: Rulebook | None = None, timings: dict[str, float] | None = None
) -> Recommendation:
    """Recommend an owner for every objective, with RACI, links, findings and reasons.

    Raises InfeasibleError (exit code 1) when capacities and constraints leave
    some objective without a possible owner. Pass a dict as `timings` to get
    the seconds each stage took (the benchmarks do).
    """
    rulebook = rulebook or load_rulebook()
    clock = _Clock(timings)
    graph = OrgGraph(org)
    table = score(graph, rulebook)
    problem = build_problem(table)
    clock.lap("score")
    try:
        solution = solve(problem)
    except Unfeasible:
        raise diagnose(table) from None
    clock.lap("solve")
    roles = assign_roles(table, solution.owners)
    joined = links(roles, hub_ties(table, solution.owners))
    findings = tuple(find(table, solution.owners, roles, joined))
    structure = assess(graph, solution.owners)
    gap = tuple(compare(table, solution.owners))
    clock.lap("raci_findings")
    explained = tuple(assignments(table, solution))
    runners = {a.objective: (a.runner_up, a.runner_up_score) if a.runner_up else None for a in explained}
    solid = robustness(problem, solution, runners, graph.capacity)
    clock.lap("explain")
    return Recommendation(
        org, table, problem, solution, explained, roles, tuple(joined), findings, structure, gap, solid
    )


class _Clock:
    """Seconds per stage into a caller's dict; does nothing without one."""

    def __init__(self, sink: dict[str, float] | None):
        self.sink = sink
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        if self.sink is not None:
            now = time.perf_counter()
            self.sink[stage] = now - self.last
            self.last = now
