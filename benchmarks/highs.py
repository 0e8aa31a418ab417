"""An independent exact solver for the same model: a MILP solved by HiGHS (highspy).

Variables: x[o,d] binary (d owns o) for every candidate pair, and y[d,k] in [0, 1]
for the k-th unit of d's load, costing LOAD_PENALTY * (k - 1). Because those
costs increase with k, the cheapest steps fill first and the model equals
orgdesign's convex load penalty exactly.
"""

from __future__ import annotations

import time

from orgdesign.solve import Problem, step_cost


def solve_with_highs(problem: Problem) -> tuple[float, float]:
    """(optimal value in hundredths, seconds) for the model in `problem`."""
    import highspy

    started = time.perf_counter()
    objectives = sorted(problem.candidates)
    columns: list[tuple[float, float, list[tuple[int, float]], bool]] = []  # cost, upper, entries, integer
    row_of_objective = {o: i for i, o in enumerate(objectives)}
    departments = sorted({d for options in problem.candidates.values() for d, _ in options})
    row_of_department = {d: len(objectives) + i for i, d in enumerate(departments)}
    for o in objectives:
        for d, fit in problem.candidates[o]:
            cost = problem.priorities[o] * fit
            columns.append((cost, 1.0, [(row_of_objective[o], 1.0), (row_of_department[d], 1.0)], True))
    for d in departments:
        room = sum(1 for o in objectives for x, _ in problem.candidates[o] if x == d)
        for step in range(min(problem.capacities[d], room)):
            columns.append((-step_cost(problem, d, step), 1.0, [(row_of_department[d], -1.0)], False))

    lp = highspy.HighsLp()
    lp.num_col_ = len(columns)
    lp.num_row_ = len(objectives) + len(departments)
    lp.col_cost_ = [c[0] for c in columns]
    lp.col_lower_ = [0.0] * len(columns)
    lp.col_upper_ = [c[1] for c in columns]
    lp.row_lower_ = [1.0] * len(objectives) + [0.0] * len(departments)
    lp.row_upper_ = [1.0] * len(objectives) + [0.0] * len(departments)
    lp.sense_ = highspy.ObjSense.kMaximize
    starts, index, value = [0], [], []
    for _, _, entries, _ in columns:
        for row, coefficient in entries:
            index.append(row)
            value.append(coefficient)
        starts.append(len(index))
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = starts
    lp.a_matrix_.index_ = index
    lp.a_matrix_.value_ = value
    lp.integrality_ = [highspy.HighsVarType.kInteger if c[3] else highspy.HighsVarType.kContinuous for c in columns]
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.passModel(lp)
    highs.run()
    if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        raise RuntimeError(f"HiGHS did not reach an optimum: {highs.modelStatusToString(highs.getModelStatus())}")
    return highs.getInfo().objective_function_value, time.perf_counter() - started
