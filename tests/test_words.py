"""Explanations are data; `present/words.py` words them, with names.

Tests read fields (kind, target, from, to, delta), never sentences back; the
wording tests check only that names, not ids, reach a reader.
"""

from __future__ import annotations

from conftest import ROOT

import orgdesign
from orgdesign.engine.compare import compare
from orgdesign.engine.explain import Blocker, Change, why_not
from orgdesign.engine.gap import Forced
from orgdesign.engine.pipeline import recommend
from orgdesign.input.load import validate_data
from orgdesign.input.scenario import WhatIf, load_scenario
from orgdesign.present.words import (
    Names,
    blocker_text,
    change_text,
    forced_text,
    names_of,
    owner_change_text,
)

BANK = str(ROOT / "examples" / "bank.yaml")
AIRLINE = str(ROOT / "examples" / "airline.yaml")


def _org(departments, objectives, current=None, constraints=()):
    return validate_data(
        {
            "organization": {"name": "Test Co", "region": "north_america", "size": "midmarket"},
            "departments": [{"id": d[0], "function": d[1], **(d[2] if len(d) > 2 else {})} for d in departments],
            "objectives": [{"id": o[0], "kind": o[1]} for o in objectives],
            "current_owners": current or {},
            "constraints": list(constraints),
        }
    )


def test_changes_are_fields_that_add_up():
    result = recommend(orgdesign.load_org(AIRLINE))
    for a in result.assignments:
        if a.runner_up is None:
            continue
        contrast = why_not(result.table, result.problem, result.solution, a.objective, a.runner_up)
        for change in contrast.changes:
            if change.kind in ("fit", "capacity"):
                assert change.target == a.runner_up and change.to == change.from_ + change.delta
            elif change.kind == "priority":
                assert change.target == a.objective and change.from_ == result.problem.priorities[a.objective]
                assert change.to - change.from_ == change.delta and 1 <= change.to <= 5
            else:
                assert (change.kind, change.target, change.to) == ("constraint", a.objective, a.owner)


def test_a_forbidden_department_lists_rule_constraint_and_capacity_blockers():
    departments = [
        ("ceo", "executive"),
        ("service", "customer_service", {"reports_to": "ceo"}),
        ("care_b", "customer_service", {"reports_to": "ceo", "capacity": 0}),
    ]
    org = _org(departments, [("care", "customer_care")], constraints=[{"objective": "care", "not_owner": "care_b"}])
    result = recommend(org)
    contrast = why_not(result.table, result.problem, result.solution, "care", "care_b")
    assert contrast.verdict == "forbidden"
    assert Blocker("constraint", index=0, constraint="not_owner", department="care_b") in contrast.blockers
    assert Blocker("capacity", department="care_b") in contrast.blockers


def test_a_department_kept_by_load_lists_what_it_holds():
    result = recommend(orgdesign.load_org(AIRLINE))
    for a in result.assignments:
        if a.runner_up is None:
            continue
        contrast = why_not(result.table, result.problem, result.solution, a.objective, a.runner_up)
        if contrast.verdict in ("capacity", "load"):
            held = [b.objective for b in contrast.blockers]
            assert held and all(result.solution.owners[o] == a.runner_up for o in held)
            assert all(
                b.kind == "held" and b.fit == result.table.fit(b.objective, a.runner_up) for b in contrast.blockers
            )


def test_a_forced_move_says_which_constraint_forced_it():
    departments = [
        ("ceo", "executive"),
        ("care_a", "customer_service", {"reports_to": "ceo", "headcount": 50}),
        ("care_b", "customer_service", {"reports_to": "ceo", "headcount": 50}),
    ]
    org = _org(
        departments,
        [("care", "customer_care")],
        current={"care": "care_b"},
        constraints=[{"objective": "care", "not_owner": "care_b"}],
    )
    item = recommend(org).gap[0]
    assert item.changed and item.gain == 0
    assert item.forced_by == (Forced("constraint", "care_b", constraint="not_owner", named="care_b"),)


def test_owner_changes_between_scenarios_carry_their_cause():
    first = recommend(orgdesign.load_org(BANK))
    gone = recommend(load_scenario(BANK, WhatIf(without=("social_desk",))))
    moved = compare(first, gone).changes
    assert moved and {(c.cause, c.department) for c in moved} == {("department_gone", "social_desk")}
    assert owner_change_text(moved[0], names_of(first.table.graph)) == "Digital & Social Desk no longer exists"
    roomy = compare(gone, first).changes
    assert {c.cause for c in roomy} == {"new_department"} and all(c.department == "social_desk" for c in roomy)


def test_words_use_names_and_keep_ids_only_to_type():
    names = Names({"pr": "Press Office", "mkt": "Brand Marketing"}, {"crisis": "Crisis response"})
    assert change_text(Change("capacity", "pr", 1, 2, 1), names) == "raise the capacity of Press Office from 1 to 2"
    assert "Crisis response from 3 to 4" in change_text(Change("priority", "crisis", 3, 4, 1), names)
    fit = change_text(Change("fit", "pr", 250, 301, 51), names)
    assert "Press Office by 0.51 (from 2.50 to at least 3.01)" in fit
    constraint = change_text(Change("constraint", "crisis", None, "mkt", None), names)
    assert "Brand Marketing" in constraint and "{objective: crisis, not_owner: mkt}" in constraint  # to type
    assert blocker_text(Blocker("tie", department="mkt", tie_break="today"), names).startswith(
        "tied with Brand Marketing"
    )
    held = blocker_text(Blocker("held", objective="crisis", priority=5, fit=300), names)
    assert held == "it owns Crisis response (priority 5, fit 3.00)"
    assert forced_text(Forced("load", "pr", count=2, to="mkt"), names).startswith("Press Office keeps 2 objectives")
    assert forced_text(Forced("region", "pr", region="europe"), names) == "Press Office does not serve Europe"


def test_every_verdict_the_engine_gives_has_words():
    from orgdesign.present.words import verdict_text

    seen = set()
    for example in ("small_agency.yaml",):
        result = recommend(orgdesign.load_org(str(ROOT / "examples" / example)))
        for a in result.assignments:
            for department in result.table.graph.departments:
                verdict = why_not(result.table, result.problem, result.solution, a.objective, department).verdict
                seen.add(verdict)
                assert verdict_text(verdict)
    assert {"owner", "forbidden", "lower_fit"} <= seen
