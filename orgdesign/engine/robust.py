"""How solid each assignment is: the smallest rule-weight change that would hand it to the runner-up.

Forcing objective o onto its runner-up r changes the optimum by the cheapest
cycle through the arc o->r in the residual network of the optimal flow
(there is no negative cycle there, because the flow is optimal). One
Bellman-Ford pass from r per objective gives that cost exactly, so no problem
is solved twice. An assignment is fragile when raising the runner-up's fit by
at most one point would flip it. The figure is the increase that flips it
whatever the tie-break; when the cycle's cost divides exactly, one hundredth
less ties the optimum and the tie-break decides (`explain` settles that case
by solving, and verifies every flip it names).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from orgdesign.engine.solve import Problem, Solution, step_cost, with_fit

FRAGILE = 100  # hundredths: a rule-weight change of one point or less
MAX_ARCS = 5000  # above this, robustness is left to `explain`


@dataclass(frozen=True)
class Robustness:
    objective: str
    runner_up: str | None
    flip_at: int | None  # a rise of the runner-up's fit by this much (hundredths) hands it the objective
    tie: bool = False  # the runner-up fits exactly as well: a tie-break decided, not a margin

    @property
    def fragile(self) -> bool:
        """A near miss; a tie is reported as a tie instead."""
        return not self.tie and self.flip_at is not None and self.flip_at <= FRAGILE


def robustness(
    problem: Problem, solution: Solution, runners_up: dict[str, tuple[str, int] | None], capacity
) -> dict[str, Robustness] | None:
    """Per objective, the fit increase its runner-up needs to take over; None for very large problems.

    `capacity(department)` gives the capacity of a runner-up the pruned problem left out.
    """
    import networkx as nx

    if sum(len(options) for options in problem.candidates.values()) > MAX_ARCS:
        return None
    widened = problem
    for objective, runner in runners_up.items():
        if runner and runner[0] not in dict(widened.candidates[objective]):
            widened = with_fit(widened, objective, *runner)
            widened = replace(widened, capacities={runner[0]: capacity(runner[0]), **widened.capacities})
    residual = _residual(widened, solution)
    out = {}
    for objective, runner in sorted(runners_up.items()):
        if runner is None:
            out[objective] = Robustness(objective, None, None)
            continue
        department, fit = runner
        priority = problem.priorities[objective]
        try:
            back = nx.single_source_bellman_ford_path_length(residual, ("d", department))[("o", objective)]
        except (KeyError, nx.NetworkXUnbounded):
            out[objective] = Robustness(objective, department, None)
            continue
        gap = -priority * fit + back  # how much worse the best solution with o on the runner-up is
        tie = dict(problem.candidates[objective]).get(solution.owners[objective]) == fit
        out[objective] = Robustness(objective, department, gap // priority + 1, tie)
    return out


def _residual(problem: Problem, solution: Solution):
    import networkx as nx

    owners = solution.owners
    loads = solution.loads
    graph = nx.DiGraph()
    for objective, options in problem.candidates.items():
        priority = problem.priorities[objective]
        for department, fit in options:
            if owners[objective] == department:
                graph.add_edge(("d", department), ("o", objective), weight=priority * fit)
            else:
                graph.add_edge(("o", objective), ("d", department), weight=-priority * fit)
    for department, capacity in problem.capacities.items():
        load = loads.get(department, 0)
        if load < capacity:
            graph.add_edge(("d", department), "sink", weight=step_cost(problem, department, load))
        if load > 0:
            graph.add_edge("sink", ("d", department), weight=-step_cost(problem, department, load - 1))
    return graph
