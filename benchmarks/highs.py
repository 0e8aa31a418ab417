"""Independent exact solvers for the same model, to check ours: HiGHS (highspy) and OR-Tools.

HiGHS gets a MILP: x[o,d] binary (d owns o) for every candidate pair, and y[d,k] in
[0, 1] for the k-th unit of d's load, costing LOAD_PENALTY * (k - 1). Because those
costs increase with k, the cheapest steps fill first and the model equals
orgdesign's convex load penalty exactly. OR-Tools gets the same model as a
min-cost flow (it is one), which solves the full 10,000 x 100 model in about a second.
Both builders make one pass over the arcs.
"""

from __future__ import annotations

import time

from orgdesign.engine.solve import Problem, step_cost


def _rooms(problem: Problem) -> dict[str, int]:
    """Department -> how many objectives list it (one pass over the arcs)."""
    room: dict[str, int] = {}
    for options in problem.candidates.values():
        for d, _ in options:
            room[d] = room.get(d, 0) + 1
    return room


def solve_with_highs(problem: Problem) -> tuple[float, float]:
    """(optimal value in hundredths, seconds) for the model in `problem`."""
    import highspy

    started = time.perf_counter()
    objectives = sorted(problem.candidates)
    room = _rooms(problem)
    departments = sorted(room)
    row_of_department = {d: len(objectives) + i for i, d in enumerate(departments)}
    costs, integer, starts, index, value = [], [], [0], [], []
    for row, o in enumerate(objectives):
        for d, fit in problem.candidates[o]:
            costs.append(problem.priorities[o] * fit)
            integer.append(True)
            index += [row, row_of_department[d]]
            value += [1.0, 1.0]
            starts.append(len(index))
    for d in departments:
        for step in range(min(problem.capacities[d], room[d])):
            costs.append(-step_cost(problem, d, step))
            integer.append(False)
            index.append(row_of_department[d])
            value.append(-1.0)
            starts.append(len(index))

    lp = highspy.HighsLp()
    lp.num_col_ = len(costs)
    lp.num_row_ = len(objectives) + len(departments)
    lp.col_cost_ = costs
    lp.col_lower_ = [0.0] * len(costs)
    lp.col_upper_ = [1.0] * len(costs)
    lp.row_lower_ = [1.0] * len(objectives) + [0.0] * len(departments)
    lp.row_upper_ = [1.0] * len(objectives) + [0.0] * len(departments)
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = starts
    lp.a_matrix_.index_ = index
    lp.a_matrix_.value_ = value
    lp.integrality_ = [highspy.HighsVarType.kInteger if i else highspy.HighsVarType.kContinuous for i in integer]
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.passModel(lp)
    highs.run()
    if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        raise RuntimeError(f"HiGHS did not reach an optimum: {highs.modelStatusToString(highs.getModelStatus())}")
    return highs.getInfo().objective_function_value, time.perf_counter() - started


def solve_with_ortools(problem: Problem) -> tuple[int, float]:
    """(optimal value in hundredths, seconds): the model as OR-Tools' min-cost flow."""
    from ortools.graph.python import min_cost_flow

    started = time.perf_counter()
    flow = min_cost_flow.SimpleMinCostFlow()
    objectives = sorted(problem.candidates)
    room = _rooms(problem)
    node = {o: i + 2 for i, o in enumerate(objectives)}
    node.update({("d", d): len(objectives) + 2 + i for i, d in enumerate(sorted(room))})
    source, sink = 0, 1
    for o in objectives:
        flow.add_arc_with_capacity_and_unit_cost(source, node[o], 1, 0)
        for d, fit in problem.candidates[o]:
            flow.add_arc_with_capacity_and_unit_cost(node[o], node[("d", d)], 1, -problem.priorities[o] * fit)
    for d in sorted(room):
        for step in range(min(problem.capacities[d], room[d])):
            flow.add_arc_with_capacity_and_unit_cost(node[("d", d)], sink, 1, step_cost(problem, d, step))
    flow.set_node_supply(source, len(objectives))
    flow.set_node_supply(sink, -len(objectives))
    if flow.solve() != flow.OPTIMAL:
        raise RuntimeError("OR-Tools min-cost flow found no optimum")
    return -flow.optimal_cost(), time.perf_counter() - started
