"""The linear-time shortcuts agree with the plain definitions they replace."""

from __future__ import annotations

import json
import sys

import pytest

from conftest import ROOT
from orgdesign.graph import OrgGraph
from orgdesign.load import parse_org

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate, social_chain  # noqa: E402


@pytest.mark.parametrize("seed", range(5))
def test_has_above_agrees_with_walking_the_chain(seed):
    graph = OrgGraph(parse_org(json.dumps(generate(300, 5, seed)), is_json=True))
    for function in ("marketing", "sales", "executive", "legal"):
        for department in graph.departments:
            above = [graph.departments[d].function for d in graph.chain(department)[1:]]
            assert graph.has_above(department, function) == (function in above)


def test_deep_chain_of_social_teams_is_walked_once():
    graph = OrgGraph(parse_org(json.dumps(social_chain(3000)), is_json=True))
    chain = [d for d in graph.departments if d.startswith("s0")]
    assert len(chain) == 3000 and all(graph.has_above(team, "marketing") for team in chain)
    assert not graph.has_above("mkt", "marketing")
