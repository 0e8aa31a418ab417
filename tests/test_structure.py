"""Every structure model of F1 is reachable: one small org per model, classified by its definition.

The definitions are those of docs/advice.md, "The structure model" (F1, Altimeter's five models):
dandelion, centralized, hub-and-spoke, honeycomb, decentralized. Each org gives today's owners, so
both today's model (from the owners as given) and the recommended one are read.
"""

from __future__ import annotations

import pytest

from orgdesign.engine.graph import OrgGraph
from orgdesign.engine.pipeline import recommend
from orgdesign.engine.structure import MODELS, classify
from orgdesign.input.load import validate_data


def _org(departments, objectives, current, **organization):
    data = {
        "organization": {"name": "Test Co", "region": "north_america", "size": "midmarket", **organization},
        "departments": [{"id": d[0], "function": d[1], **(d[2] if len(d) > 2 else {})} for d in departments],
        "objectives": [{"id": o[0], "kind": o[1], **(o[2] if len(o) > 2 else {})} for o in objectives],
        "current_owners": current,
    }
    return validate_data(data)


CEO = ("ceo", "executive", {"capacity": 0})
UNDER_CEO = {"reports_to": "ceo"}


def decentralized():
    """Otherwise: nobody holds the accounts (no such objective, no social team), ownership spread."""
    departments = [CEO, ("mkt", "marketing", UNDER_CEO), ("sales", "sales", UNDER_CEO)]
    departments.append(("service", "customer_service", UNDER_CEO))
    objectives = [("content", "brand_content"), ("leads", "social_selling"), ("care", "customer_care")]
    return _org(departments, objectives, {"content": "mkt", "leads": "sales", "care": "service"})


def centralized():
    """One internal department owns at least 70% of the objectives."""
    departments = [CEO, ("mkt", "marketing", {**UNDER_CEO, "capacity": 5}), ("sales", "sales", UNDER_CEO)]
    objectives = [("content", "brand_content"), ("paid", "paid_social"), ("accounts", "account_governance")]
    return _org(departments, objectives, {"content": "mkt", "paid": "mkt", "accounts": "mkt"})


def hub_and_spoke():
    """A social team holds the accounts and guidelines while other departments own objectives."""
    departments = [
        CEO,
        ("social", "social_media", UNDER_CEO),
        ("service", "customer_service", UNDER_CEO),
        ("sales", "sales", UNDER_CEO),
        ("hr", "hr", UNDER_CEO),
    ]
    objectives = [
        ("accounts", "account_governance"),
        ("care", "customer_care"),
        ("leads", "social_selling"),
        ("hiring", "employer_brand"),
    ]
    current = {"accounts": "social", "care": "service", "leads": "sales", "hiring": "hr"}
    return _org(departments, objectives, current)


def dandelion():
    """Two or more social teams in different regions, and a group-level social team as their centre."""
    departments = [
        CEO,
        ("social", "social_media", UNDER_CEO),
        ("social_eu", "social_media", {**UNDER_CEO, "region": "europe"}),
        ("social_apac", "social_media", {**UNDER_CEO, "region": "asia_pacific"}),
    ]
    objectives = [
        ("accounts", "account_governance"),
        ("content_eu", "brand_content", {"region": "europe"}),
        ("content_apac", "brand_content", {"region": "asia_pacific"}),
    ]
    current = {"accounts": "social", "content_eu": "social_eu", "content_apac": "social_apac"}
    return _org(departments, objectives, current, size="enterprise")


def honeycomb():
    """Hub-and-spoke where employee advocacy is critical and ownership spreads over half the departments."""
    departments = [
        CEO,
        ("social", "social_media", UNDER_CEO),
        ("service", "customer_service", UNDER_CEO),
        ("sales", "sales", UNDER_CEO),
        ("hr", "hr", UNDER_CEO),
        ("product", "product", UNDER_CEO),
        ("comms", "communications", UNDER_CEO),
    ]
    objectives = [
        ("accounts", "account_governance"),
        ("care", "customer_care"),
        ("leads", "social_selling"),
        ("hiring", "employer_brand"),
        ("feedback", "product_insight"),
        ("advocacy", "employee_advocacy", {"priority": 5}),
    ]
    current = {
        "accounts": "social",
        "care": "service",
        "leads": "sales",
        "hiring": "hr",
        "feedback": "product",
        "advocacy": "comms",
    }
    return _org(departments, objectives, current, size="enterprise")


ORGS = {
    "decentralized": decentralized,
    "centralized": centralized,
    "hub_and_spoke": hub_and_spoke,
    "dandelion": dandelion,
    "honeycomb": honeycomb,
}


def test_every_model_has_an_org():
    assert set(ORGS) == set(MODELS)


@pytest.mark.parametrize("model", list(ORGS))
def test_today_classifies_as_the_model(model):
    org = ORGS[model]()
    graph = OrgGraph(org)
    found, why = classify(graph, dict(org.current_owners))
    assert found == model, why
    result = recommend(org)
    assert result.structure.current_model == model
    assert result.structure.current_why == tuple(why)


def test_the_dandelion_is_the_recommendation_too():
    """F1: the shape decides a dandelion, whoever owns what."""
    assert recommend(dandelion()).structure.model == "dandelion"


def test_the_reasons_use_department_names():
    departments = [CEO, ("mkt", "marketing", {**UNDER_CEO, "capacity": 5, "name": "Brand Marketing"})]
    objectives = [("content", "brand_content"), ("accounts", "account_governance")]
    org = _org(departments, objectives, {"content": "mkt", "accounts": "mkt"})
    assert recommend(org).structure.current_why == ("Brand Marketing owns 2 of 2 objectives",)


def test_the_reasons_name_the_facts_of_the_definition():
    assert "nobody holds the accounts and guidelines" in recommend(decentralized()).structure.current_why
    assert recommend(centralized()).structure.current_why == ("mkt owns 3 of 3 objectives",)  # unnamed: the id
    assert recommend(hub_and_spoke()).structure.current_why[0] == "social holds the accounts and guidelines"
    assert "employee advocacy is critical" in recommend(honeycomb()).structure.current_why[-1]
