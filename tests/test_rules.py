"""Every rule fires where it should and stays silent where it should.

Cases live in tests/rule_cases/<pack>.yaml, one entry per rule:

    - rule: ownership.care-to-customer-service
      fires:
        - {objective: customer_care, department: {function: customer_service}}
      silent:
        - {objective: customer_care, department: {function: marketing}}

A case gives the objective kind (and `objective_region` when it matters), the department (function, skills, structure,
region) and the organization (region, country, size, industry, regulated,
functions present); whatever it leaves out takes the defaults below.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from orgdesign.evidence import EVIDENCE
from orgdesign.rulebook import load_rulebook
from orgdesign.rulebook.match import Aim, OrgFacts, Profile
from orgdesign.vocabulary import OBJECTIVE_KINDS, canonical_skill

BOOK = load_rulebook()
CASE_DIR = Path(__file__).parent / "rule_cases"
ENTRIES = [entry for path in sorted(CASE_DIR.glob("*.yaml")) for entry in yaml.safe_load(path.read_text("utf-8"))]
REQUIRED_EVIDENCE = {
    f"E{n}" for n in (1, 2, 3, 4, 5, 7, 9, 10, 11, 13, 14, 16, 17, 18, 19, 21, 22, 23, 25, 28, 29, 30)
} | {"F1", "F3", "F5"}


def _facts(case: dict) -> tuple[Aim, Profile, OrgFacts]:
    department = case.get("department", {})
    org = case.get("org", {})
    region = org.get("region", "north_america")
    function = department.get("function", "marketing")
    profile = Profile(
        function=function,
        skills=frozenset(canonical_skill(skill) for skill in department.get("skills", [])),
        structure=department.get("structure"),
        region=department.get("region", region),
        regional="region" in department,
    )
    facts = OrgFacts(
        region=region,
        country=org.get("country"),
        size=org.get("size", "enterprise"),
        industry=org.get("industry", ""),
        regulated=org.get("regulated", False),
        functions=frozenset(org.get("functions", [function, "executive", "marketing"])),
    )
    aim = Aim(case["objective"], case.get("objective_region", region), "objective_region" not in case)
    return aim, profile, facts


CASES = [
    pytest.param(entry["rule"], outcome == "fires", case, id=f"{entry['rule']}-{outcome}-{n}")
    for entry in ENTRIES
    for outcome in ("fires", "silent")
    for n, case in enumerate(entry.get(outcome, []))
]


@pytest.mark.parametrize(("rule_id", "expected", "case"), CASES)
def test_rule_case(rule_id, expected, case):
    rule = BOOK.get(rule_id)
    aim, profile, facts = _facts(case)
    assert rule.test(aim, profile, facts) is expected
    assert (aim.kind in rule.kinds and profile.function in rule.functions) or not expected


def test_every_rule_has_a_firing_and_a_silent_case():
    covered = {}
    for entry in ENTRIES:
        covered.setdefault(entry["rule"], set()).update(k for k in ("fires", "silent") if entry.get(k))
    missing = [rule.id for rule in BOOK.rules if covered.get(rule.id) != {"fires", "silent"}]
    assert not missing, f"rules without both cases: {missing}"
    stale = set(covered) - {rule.id for rule in BOOK.rules}
    assert not stale, f"cases for rules that do not exist: {stale}"


def test_every_rule_cites_known_evidence_and_explains_itself():
    for rule in BOOK.rules:
        assert rule.rule.evidence and set(rule.rule.evidence) <= set(EVIDENCE), rule.id
        assert rule.rule.rationale.endswith("."), rule.id


def test_every_objective_kind_has_two_candidate_owner_functions():
    for kind in OBJECTIVE_KINDS:
        functions = set()
        for rule in BOOK.for_kind(kind):
            if rule.effect.kind == "owner" and rule.effect.amount > 0:
                for _key, values in _function_predicates(rule.rule.when):
                    functions.update(values)
        assert len(functions) >= 2, (kind, functions)


def test_the_required_evidence_is_put_to_work():
    used = {evidence for rule in BOOK.rules for evidence in rule.rule.evidence}
    assert REQUIRED_EVIDENCE <= used, sorted(REQUIRED_EVIDENCE - used)


def _function_predicates(condition):
    from orgdesign.rulebook.match import predicates

    return [(k, v) for k, v in predicates(condition) if k == "department.function"]
