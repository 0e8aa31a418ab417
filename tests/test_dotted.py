"""Dotted-line (matrix) reporting: it loads, it is not the tree, and every chart format draws it apart."""

from __future__ import annotations

from orgdesign.input.load import parse_org

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
    import pytest

    from orgdesign.errors import InputError

    with pytest.raises(InputError, match="already reports to 'ceo'"):
        parse_org(ORG)
