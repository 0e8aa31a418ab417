"""Dotted-line (matrix) reporting: it loads, it is not the tree, and every chart format draws it apart."""

from __future__ import annotations

import pytest
from conftest import ROOT

import orgdesign
from orgdesign.engine.graph import OrgGraph
from orgdesign.engine.pipeline import recommend
from orgdesign.engine.structure import shape
from orgdesign.errors import InputError
from orgdesign.input.load import parse_org, validate_data

ORG = """
organization: {name: Acme, industry: retail, region: europe, size: midmarket}
departments:
  - {id: ceo, function: executive}
  - {id: social, name: Social Team, function: social_media, reports_to: ceo, dotted_to: [hr]}
  - {id: hr, name: People, function: hr, reports_to: ceo, dotted_to: [social, ceo]}
objectives:
  - {id: care, kind: customer_care}
"""


def test_dotted_lines_load_in_id_order_and_may_form_a_cycle():
    org = parse_org(ORG.replace("dotted_to: [social, ceo]", "dotted_to: [social]"))
    assert org.department("hr").dotted_to == ("social",)
    assert org.department("social").dotted_to == ("hr",)  # social <-> hr: a cycle, but not of the tree
    assert org.department("social").reports_to == "ceo"


def test_a_dotted_line_to_the_own_manager_is_refused():
    with pytest.raises(InputError, match="already reports to 'ceo'"):
        parse_org(ORG)


# --- the engine uses dotted lines where the evidence does ------------------------------------


def _org(departments, objectives, **organization):
    data = {
        "organization": {"name": "Test Co", "region": "north_america", "size": "midmarket", **organization},
        "departments": [{"id": d[0], "function": d[1], **(d[2] if len(d) > 2 else {})} for d in departments],
        "objectives": [{"id": o[0], "kind": o[1], **(o[2] if len(o) > 2 else {})} for o in objectives],
    }
    return validate_data(data)


def _experts(result):
    return {p.reports_to: p for p in result.structure.proposals if p.kind == "embedded_expert"}


def test_an_expert_embedded_in_hr_reports_into_hr_with_a_dotted_line_to_the_social_team():
    """E29: if social works with recruiters on employer brand, embed a social expert in HR."""
    departments = [
        ("ceo", "executive"),
        ("social", "social_media", {"reports_to": "ceo", "name": "Social Team"}),
        ("people", "hr", {"reports_to": "ceo", "skills": ["recruiting"]}),
    ]
    result = recommend(_org(departments, [("talent", "employer_brand")]))
    assert result.solution.owners["talent"] == "people"
    expert = _experts(result)["people"]
    assert expert.dotted_to == ("social",) and "E29" in expert.evidence
    assert "dotted line to Social Team" in expert.reason


def test_an_expert_embedded_in_customer_care_that_leans_on_social_is_dotted_to_the_social_team():
    """E30: when customer care leans on social, organize it around community management."""
    departments = [
        ("ceo", "executive"),
        ("social", "social_media", {"reports_to": "ceo", "structure": "function"}),
        ("service", "customer_service", {"reports_to": "ceo", "skills": ["customer_support"]}),
    ]
    result = recommend(_org(departments, [("care", "customer_care", {"priority": 5})]))
    assert result.solution.owners["care"] == "service"
    expert = _experts(result)["service"]
    assert expert.dotted_to == ("social",) and "E30" in expert.evidence


def test_no_care_expert_when_an_audience_social_team_already_serves_care():
    """E30 is met by a social team organized by audience: nothing to embed."""
    departments = [
        ("ceo", "executive"),
        ("social", "social_media", {"reports_to": "ceo", "structure": "audience"}),
        ("service", "customer_service", {"reports_to": "ceo", "skills": ["customer_support"]}),
    ]
    result = recommend(_org(departments, [("care", "customer_care", {"priority": 5})]))
    assert result.solution.owners["care"] == "service"
    assert "service" not in _experts(result)


def test_a_regional_expert_answers_to_the_regional_hub_not_the_center():
    """F1: in a multinational, spokes are tied to their region's hub; the latin american expert too."""
    result = orgdesign.recommend(orgdesign.load_org(str(ROOT / "examples" / "multinational.yaml")))
    experts = _experts(result)
    assert experts["latam_service"].dotted_to == ("latam_social",)
    assert experts["hr"].dotted_to == ("social_coe",)


HUB_AND_SPOKE = [
    ("ceo", "executive"),
    ("mkt", "marketing", {"reports_to": "ceo"}),
    ("hub", "social_media", {"reports_to": "mkt", "name": "Social Hub", "skills": ["governance", "content"]}),
    ("sales", "sales", {"reports_to": "ceo"}),
    ("a_social", "social_media", {"reports_to": "sales", "dotted_to": ["hub"], "headcount": 2}),
    ("service", "customer_service", {"reports_to": "ceo"}),
    ("comms", "communications", {"reports_to": "ceo", "skills": ["crisis", "pr"]}),
]
OBJECTIVES = [
    ("accounts", "account_governance", {"priority": 5}),
    ("care", "customer_care", {"priority": 4}),
    ("leads", "social_selling"),
    ("crisis", "reputation", {"priority": 5}),
]


def test_a_social_team_dotted_to_another_is_a_spoke_and_the_other_is_the_center():
    """F1: a hub-and-spoke's spokes answer to the hub; a dotted line says so even across the tree."""
    facts = shape(OrgGraph(_org(HUB_AND_SPOKE, OBJECTIVES)))
    assert facts.spokes == ("a_social",) and facts.center == "hub"
    without = [d if d[0] != "a_social" else (d[0], d[1], {"reports_to": "sales"}) for d in HUB_AND_SPOKE]
    assert shape(OrgGraph(_org(without, OBJECTIVES))).center == "a_social"  # id order decides without the line


def test_hub_and_spoke_names_the_spokes_tied_by_dotted_lines():
    """F1: the hub holds the accounts and guidelines, other departments own objectives, spokes answer to it."""
    result = recommend(_org(HUB_AND_SPOKE, OBJECTIVES))
    assert result.solution.owners["accounts"] == "hub"
    assert result.structure.model == "hub_and_spoke"
    assert "1 social team answers to it on a dotted line" in result.structure.why


# --- what-ifs keep dotted lines valid --------------------------------------------------------


def test_without_a_hub_its_dotted_lines_go_too():
    from orgdesign.input.scenario import WhatIf, load_scenario

    org = load_scenario(str(ROOT / "examples" / "multinational.yaml"), WhatIf(without=("social_coe",)))
    assert all("social_coe" not in d.dotted_to for d in org.departments)


def test_without_a_manager_a_dotted_line_to_the_next_one_up_becomes_the_solid_line(tmp_path):
    from orgdesign.input.scenario import WhatIf, load_scenario

    path = tmp_path / "org.yaml"
    path.write_text(
        ORG.replace("dotted_to: [social, ceo]", "dotted_to: [social]").replace(
            "- {id: social, name: Social Team, function: social_media, reports_to: ceo, dotted_to: [hr]}",
            "- {id: mkt, function: marketing, reports_to: ceo}\n"
            "  - {id: social, name: Social Team, function: social_media, reports_to: mkt, dotted_to: [ceo, hr]}",
        ),
        encoding="utf-8",
    )
    org = load_scenario(str(path), WhatIf(without=("mkt",)))
    assert org.department("social").reports_to == "ceo" and org.department("social").dotted_to == ("hr",)
