"""The solver finds the exact optimum, respects every constraint, and does not care about file order."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesign.engine.pipeline import recommend
from orgdesign.engine.solve import Problem, Unfeasible, brute_force, solve, value, with_fit
from orgdesign.errors import InfeasibleError
from orgdesign.input.load import validate_data


def _random_problem(rng: random.Random) -> Problem:
    objectives = [f"o{i}" for i in range(rng.randint(1, 5))]
    departments = [f"d{i}" for i in range(rng.randint(1, 4))]
    candidates = {}
    for o in objectives:
        allowed = [d for d in departments if rng.random() < 0.8] or [rng.choice(departments)]
        options = [(d, rng.choice([-100, 0, 50, 100, 150, 200, 300, 400])) for d in allowed]
        candidates[o] = tuple(sorted(options, key=lambda x: (-x[1], x[0])))
    return Problem(
        priorities={o: rng.randint(1, 5) for o in objectives},
        candidates=candidates,
        capacities={d: rng.randint(1, 3) for d in departments},
    )


@pytest.mark.parametrize("seed", range(250))
def test_same_optimum_as_brute_force(seed):
    problem = _random_problem(random.Random(seed))
    best = brute_force(problem)
    if best is None:
        with pytest.raises(Unfeasible):
            solve(problem)
        return
    solution = solve(problem)
    assert solution.value == best
    assert value(problem, solution.owners) == best
    for department, load in solution.loads.items():
        assert load <= problem.capacities[department]


def test_load_penalty_spreads_work_when_fits_are_close():
    problem = Problem(
        priorities={"a": 3, "b": 3, "c": 3},
        candidates={o: (("mkt", 300), ("pr", 250)) for o in "abc"},
        capacities={"mkt": 3, "pr": 3},
    )
    owners = solve(problem).owners
    assert sorted(owners.values()) == ["mkt", "mkt", "pr"]


def test_interchangeable_objectives_share_one_flow_node_and_keep_the_optimum():
    rng = random.Random(7)
    shared = (("alpha", 300), ("beta", 250), ("gamma", 100))
    candidates = {f"o{i}": shared for i in range(6)}
    candidates["x"] = (("beta", 400), ("gamma", 100))
    problem = Problem(
        priorities={o: rng.choice([2, 2, 3]) if o != "x" else 4 for o in candidates},
        candidates=candidates,
        capacities={"alpha": 3, "beta": 3, "gamma": 2},
    )
    solution = solve(problem)
    assert solution.value == brute_force(problem)
    same_priority = sorted(o for o in candidates if o != "x" and problem.priorities[o] == 2)
    rank = {d: i for i, (d, _) in enumerate(shared)}
    held = [rank[solution.owners[o]] for o in same_priority]
    assert held == sorted(held)  # among objectives the model cannot tell apart, lower ids come first


def test_ties_are_broken_by_department_id():
    problem = Problem(
        priorities={"a": 3},
        candidates={"a": (("alpha", 200), ("beta", 200))},
        capacities={"alpha": 1, "beta": 1},
    )
    assert solve(problem).owners == {"a": "alpha"}


# --- properties on whole orgs --------------------------------------------------

FUNCTIONS = ["marketing", "communications", "customer_service", "sales", "hr", "social_media", "agency", "legal"]
KINDS = ["listening", "customer_care", "brand_content", "reputation", "employer_brand", "paid_social"]


@st.composite
def orgs(draw):
    n_departments = draw(st.integers(2, 7))
    departments = [{"id": "ceo", "function": "executive", "capacity": draw(st.integers(0, 3))}]
    for i in range(1, n_departments):
        departments.append(
            {
                "id": f"d{i}",
                "function": draw(st.sampled_from(FUNCTIONS)),
                "reports_to": "ceo",
                "capacity": draw(st.integers(1, 3)),
                "skills": draw(
                    st.lists(st.sampled_from(["content", "crisis", "social_care", "recruiting"]), max_size=2)
                ),
            }
        )
    objectives = [
        {"id": f"o{i}", "kind": draw(st.sampled_from(KINDS)), "priority": draw(st.integers(1, 5))}
        for i in range(draw(st.integers(1, 5)))
    ]
    constraints = []
    for objective in objectives:
        if draw(st.booleans()):
            kind = draw(st.sampled_from(["not_owner", "consulted"]))
            constraints.append({"objective": objective["id"], kind: draw(st.sampled_from(departments))["id"]})
    return {
        "organization": {
            "name": "Generated",
            "region": draw(st.sampled_from(["europe", "latin_america"])),
            "size": "midmarket",
        },
        "departments": departments,
        "objectives": objectives,
        "constraints": constraints,
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orgs(), st.randoms(use_true_random=False))
def test_constraints_hold_and_order_does_not_matter(data, rng):
    try:
        result = recommend(validate_data(data))
    except InfeasibleError as error:
        assert error.exit_code == 1 and error.details
        assert error.diagnostics and {d.code for d in error.diagnostics} <= {"OD201", "OD202"}
        return
    org = result.org
    owners = result.solution.owners
    assert set(owners) == {o.id for o in org.objectives}
    for c in org.constraints:
        if c.not_owner:
            assert owners[c.objective] != c.not_owner
        if c.consulted and c.consulted != owners[c.objective]:
            assert c.consulted in result.raci[c.objective].consulted
    for department, load in result.solution.loads.items():
        assert load <= result.table.graph.capacity(department)
        assert result.table.graph.departments[department].function != "agency"
    for raci in result.raci.values():
        assert raci.responsible  # F5: at least one R
    _robustness_flips_really_happen(result)
    shuffled = dict(data)
    shuffled["departments"] = rng.sample(data["departments"], len(data["departments"]))
    shuffled["objectives"] = rng.sample(data["objectives"], len(data["objectives"]))
    again = recommend(validate_data(shuffled))
    assert again.solution.owners == owners
    assert again.raci == result.raci


def test_infeasible_names_objectives_capacities_and_the_fix():
    data = {
        "organization": {"name": "Tight", "region": "europe", "size": "small"},
        "departments": [
            {"id": "ceo", "function": "executive", "capacity": 0},
            {"id": "pr", "function": "communications", "reports_to": "ceo", "capacity": 1},
        ],
        "objectives": [{"id": "crisis", "kind": "reputation"}, {"id": "press", "kind": "reputation"}],
    }
    with pytest.raises(InfeasibleError) as caught:
        recommend(validate_data(data))
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.code, diagnostic.severity) == ("OD202", "error")
    fact = diagnostic.fact
    assert fact["competing"] == ("crisis", "press") and fact["owners"] == (("pr", 1),)
    assert (fact["department"], fact["current"], fact["needed"]) == ("pr", 1, 2)
    text = "\n".join(caught.value.lines)  # the lines the CLI prints come from those fields
    assert "crisis, press" in text
    assert "pr (capacity 1)" in text
    assert f"help: {diagnostic.help}" in text


def test_infeasible_when_every_candidate_is_forbidden():
    data = {
        "organization": {"name": "Outsourced", "region": "europe", "size": "small"},
        "departments": [
            {"id": "ceo", "function": "executive", "capacity": 0},
            {"id": "agency", "function": "agency", "reports_to": "ceo"},
        ],
        "objectives": [{"id": "posts", "kind": "brand_content"}],
    }
    with pytest.raises(InfeasibleError) as caught:
        recommend(validate_data(data))
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.code, diagnostic.subject, diagnostic.variant) == ("OD201", "posts", "capacity")
    assert any("agency" in departments for _, departments in diagnostic.fact["rules"])
    assert diagnostic.fact["zero"] == ("ceo",) and diagnostic.fact["department"] == "ceo"
    text = "\n".join(caught.value.lines)
    assert "posts" in text and "forbids 'agency'" in text and f"help: {diagnostic.help}" in text


@pytest.mark.parametrize("seed", range(40))
def test_same_optimum_as_highs(seed):
    """An independent exact solver (a MILP in HiGHS) on the same model agrees."""
    import sys
    from pathlib import Path

    pytest.importorskip("highspy")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from highs import solve_with_highs

    problem = _random_problem(random.Random(1000 + seed))
    try:
        expected = solve(problem).value
    except Unfeasible:
        return
    value, _ = solve_with_highs(problem)
    assert round(value) == expected


def _robustness_flips_really_happen(result):
    """Raising the runner-up's fit by the promised amount flips the owner; a hundredth less does not.

    Unless it ties the optimum, when the tie-break decides.
    """
    from dataclasses import replace

    for a in result.assignments:
        solid = result.robustness[a.objective]
        if solid.flip_at is None:
            continue
        problem = replace(
            result.problem,
            capacities={**result.problem.capacities, a.runner_up: result.table.graph.capacity(a.runner_up)},
        )
        base = result.table.fit(a.objective, a.runner_up)
        flipped = solve(with_fit(problem, a.objective, a.runner_up, base + solid.flip_at)).value
        assert (
            solve(with_fit(problem, a.objective, a.runner_up, base + solid.flip_at)).owners[a.objective] == a.runner_up
        )
        below = solve(with_fit(problem, a.objective, a.runner_up, base + solid.flip_at - 1))
        if below.owners[a.objective] == a.runner_up:  # only a tie may flip one hundredth earlier
            assert below.value == result.solution.value, (a.objective, flipped)
