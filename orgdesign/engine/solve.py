"""The exact assignment: one accountable owner per objective.

Model: maximize  sum(priority(o) * fit(o, owner(o)))  -  LOAD_PENALTY * sum(extra(d) * (extra(d) - 1) / 2)
subject to  load(d) <= capacity(d)  and the hard constraints, which only remove candidates,
where extra(d) = max(0, load(d) - today(d)) and today(d) counts the objectives d owns today.
The convex load penalty (each extra objective costs more than the one before)
keeps one department from taking everything when others fit nearly as well
(E11). It weighs only load beyond what a department carries today: spreading
work is no reason to move an objective its owner already runs (E15: change
costs time, talent and budget).

The model is a min-cost flow (source -> objective -> department -> sink, one
unit arc per load step, each step dearer than the last), which networkx's
network simplex solves exactly.

Among optimal assignments the solver keeps today's owners wherever it can, and
only then follows each objective's candidate order (units serving the
objective's region first, group-level units before regional ones, higher in
the reporting tree, then id). Both are
costs on the same arcs, scaled so that they are lexicographic: no amount of
the second outweighs one change of owner, and no number of kept owners
outweighs one hundredth of priority-weighted fit. So an owner changes only
for a gain in fit, or because capacity, load or a constraint forces it, and
the answer depends only on the content of the org, never on the file's order.

Only each objective's best `len(objectives)` candidates, plus today's owner,
enter the flow: any other owner could move to a listed department with no
load yet, at no loss, so the optimum (and its tie-break) survives the pruning.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from orgdesign.engine.score import FitTable

LOAD_PENALTY = 100  # hundredths of priority x fit, for a department's second objective; 200 for its third...


@dataclass(frozen=True)
class Problem:
    """Plain data: what the solver needs, and all it needs."""

    priorities: dict[str, int]  # objective -> priority
    candidates: dict[str, tuple[tuple[str, int], ...]]  # objective -> ((department, fit), ...) best first
    capacities: dict[str, int]  # department -> capacity
    load_penalty: int = LOAD_PENALTY
    current: dict[str, str] = field(default_factory=dict)  # objective -> today's owner, kept on a tie
    tie: Callable[[str, str], tuple] | None = field(default=None, compare=False)  # (objective, dept) -> sort key

    @property
    def held(self) -> dict[str, int]:
        """Department -> how many objectives it owns today (load up to this costs no penalty)."""
        cached = self.__dict__.get("_held")
        if cached is None:
            cached = {}
            for department in self.current.values():
                cached[department] = cached.get(department, 0) + 1
            object.__setattr__(self, "_held", cached)
        return cached


@dataclass(frozen=True)
class Solution:
    owners: dict[str, str]  # objective -> department, in objective-id order
    value: int  # the model's objective, in hundredths

    @property
    def loads(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for department in self.owners.values():
            out[department] = out.get(department, 0) + 1
        return out


def step_cost(problem: Problem, department: str, step: int) -> int:
    """The load penalty (hundredths) of the department's objective number step+1."""
    return problem.load_penalty * max(0, step - problem.held.get(department, 0))


class Unfeasible(Exception):
    """No assignment respects the capacities and constraints (explained by infeasible.py)."""


def allowed(table: FitTable, objective_id: str, limit: int | None = None) -> list[tuple[str, int]]:
    """Departments that may own the objective, best fit first, at most `limit` (plus today's owner).

    Ties follow `FitTable.tie_key`: the objective's own region, group-level units, the tree, the id.
    """
    graph = table.graph
    constraints = [c for _, c in graph.constraints_for(objective_id)]
    required = [c.owner for c in constraints if c.owner]
    if required:
        department = required[0]
        blocked = table.cell(objective_id, department).forbidden_by or graph.capacity(department) == 0
        excluded = any(c.not_owner == department for c in constraints)
        return [] if blocked or excluded else [(department, table.fit(objective_id, department))]
    excluded = {c.not_owner for c in constraints if c.not_owner}
    region = graph.objectives[objective_id].region
    aim = table.aims[objective_id]
    profiles = table.profiles

    def may_own(department: str) -> bool:
        return department not in excluded and (region is None or profiles[department].region == region)

    if not excluded and region is None:
        out = list(table.best(aim, limit))  # a copy: the ranking is shared by every objective of the aim
    else:
        out = []
        for department, fit in table.ranked(aim):
            if may_own(department):
                out.append((department, fit))
                if limit is not None and len(out) >= limit:
                    break
    today = graph.org.current_owners.get(objective_id)
    listed = limit is None or any(d == today for d, _ in out)
    if not listed and today in graph.departments and may_own(today):
        cell = table.cell(objective_id, today)
        if not cell.forbidden_by and graph.capacity(today) > 0:
            out.append((today, cell.fit))
            out.sort(key=lambda option: table.tie_key(objective_id, option[0]))
    return out


def build_problem(table: FitTable, prune: bool = True) -> Problem:
    """The solver's view of an org: priorities, candidates and capacities."""
    graph = table.graph
    limit = len(graph.objectives) if prune else None
    candidates = {o: tuple(allowed(table, o, limit)) for o in graph.objectives}
    used = sorted({d for options in candidates.values() for d, _ in options})
    return Problem(
        priorities={o: graph.objectives[o].priority for o in graph.objectives},
        candidates=candidates,
        capacities={d: graph.capacity(d) for d in used},
        current={o: d for o, d in graph.org.current_owners.items() if o in candidates},
        tie=table.tie_key,
    )


def value(problem: Problem, owners: dict[str, str]) -> int:
    """The model's objective for a given assignment (hundredths)."""
    total = sum(problem.priorities[o] * _fit(problem.candidates[o], d) for o, d in owners.items())
    loads: dict[str, int] = {}
    for d in owners.values():
        loads[d] = loads.get(d, 0) + 1
    return total - sum(step_cost(problem, d, step) for d, k in loads.items() for step in range(k))


def _fit(options: tuple[tuple[str, int], ...], department: str) -> int:
    return next(fit for d, fit in options if d == department)


def solve(problem: Problem) -> Solution:
    """The exact optimum; raises Unfeasible when none exists."""
    import networkx as nx

    objectives = sorted(problem.candidates)
    if any(not problem.candidates[o] for o in objectives):
        raise Unfeasible
    # Lexicographic costs: fit and load (x fit_unit), then changes of owner (x change), then rank.
    change = sum(len(options) for options in problem.candidates.values()) + 1  # > any sum of ranks
    fit_unit = (len(objectives) + 1) * change  # > any number of changes plus ranks
    classes: dict[tuple, list[str]] = {}  # the arcs of one objective -> every objective with exactly those arcs
    for o in objectives:
        classes.setdefault(_arcs(problem, o, fit_unit), []).append(o)
    flow = nx.MultiDiGraph()
    flow.add_node("source", demand=-len(objectives))
    flow.add_node("sink", demand=len(objectives))
    room: dict[str, int] = {}
    for arcs, members in classes.items():
        node = ("o", members[0])
        flow.add_edge("source", node, capacity=len(members), weight=0)
        today = _today(problem, members)
        for d, weight in arcs:
            # The first today[d] units on this arc keep an owner; any further unit is a change.
            if today.get(d):
                flow.add_edge(node, ("d", d), capacity=today[d], weight=weight)
            if len(members) > today.get(d, 0):
                flow.add_edge(node, ("d", d), capacity=len(members) - today.get(d, 0), weight=weight + change)
            room[d] = room.get(d, 0) + len(members)
    for d in sorted(room):
        for step in range(min(problem.capacities[d], room[d])):
            flow.add_edge(("d", d), "sink", capacity=1, weight=step_cost(problem, d, step) * fit_unit)
    try:
        _, flows = nx.network_simplex(flow)
    except nx.NetworkXUnfeasible:
        raise Unfeasible from None
    owners: dict[str, str] = {}
    for arcs, members in classes.items():
        out = flows[("o", members[0])]
        count = {d: sum(out[("d", d)].values()) for d, _ in arcs}
        waiting = []
        for o in members:  # members are interchangeable: today's owners first, as the flow counted them
            d = problem.current.get(o)
            if count.get(d):
                owners[o], count[d] = d, count[d] - 1
            else:
                waiting.append(o)
        rest = iter(waiting)  # then in id order, best arc first
        for d, _ in arcs:
            for _ in range(count[d]):
                owners[next(rest)] = d
    owners = {o: owners[o] for o in objectives}
    return Solution(owners, value(problem, owners))


def _arcs(problem: Problem, objective: str, fit_unit: int) -> tuple[tuple[str, int], ...]:
    """The objective's arcs to its candidates, with their costs: fit first, then candidate order.

    Objectives with the same arcs are interchangeable, so the flow carries them as one node; what
    keeping today's owners adds is counted per class and department (`_today`).
    """
    priority = problem.priorities[objective]
    return tuple((d, -priority * fit * fit_unit + rank) for rank, (d, fit) in enumerate(problem.candidates[objective]))


def _today(problem: Problem, members: list[str]) -> dict[str, int]:
    """Department -> how many of these objectives it owns today."""
    count: dict[str, int] = {}
    for o in members:
        d = problem.current.get(o)
        if d is not None:
            count[d] = count.get(d, 0) + 1
    return count


def with_fit(problem: Problem, objective: str, department: str, fit: int) -> Problem:
    """The same problem with one (objective, department) fit changed (or added), candidates re-ranked."""
    options = dict(problem.candidates[objective])
    options[department] = fit

    def key(item: tuple[str, int]) -> tuple:
        rest = problem.tie(objective, item[0])[1:] if problem.tie else (item[0],)
        return (-item[1], *rest)

    return replace(problem, candidates={**problem.candidates, objective: tuple(sorted(options.items(), key=key))})


def owner_after(problem: Problem, objective: str) -> str | None:
    """Who owns the objective in the optimum of a changed problem (None when infeasible)."""
    try:
        return solve(problem).owners[objective]
    except Unfeasible:
        return None


def flip_increase(problem: Problem, objective: str, department: str, fit: int, gap: int) -> int:
    """The smallest fit increase (hundredths) that makes `department` own `objective`.

    `gap` is how much the optimum loses when the objective is forced onto the
    department. A larger increase than gap/priority wins outright; exactly
    gap/priority ties the optimum, and the tie-break decides, so that one case is solved.
    """
    priority = problem.priorities[objective]
    step, rest = divmod(gap, priority)
    if rest == 0 and owner_after(with_fit(problem, objective, department, fit + step), objective) == department:
        return step
    return step + 1


def brute_force(problem: Problem) -> int | None:
    """The optimal value by trying every assignment (small problems only; for tests)."""
    objectives = sorted(problem.candidates)
    best = None
    for choice in itertools.product(*(problem.candidates[o] for o in objectives)):
        owners = {o: d for o, (d, _) in zip(objectives, choice, strict=True)}
        loads: dict[str, int] = {}
        for d in owners.values():
            loads[d] = loads.get(d, 0) + 1
        if all(loads[d] <= problem.capacities[d] for d in loads):
            total = value(problem, owners)
            best = total if best is None else max(best, total)
    return best
