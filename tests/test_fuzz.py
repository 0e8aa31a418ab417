"""Property-based fuzzing: no input ever produces a traceback, only an answer or a clean error.

The number of cases comes from the Hypothesis profile (tests/conftest.py): a few in the fast
loop, 150 in the full run. The long run is marked `slow` (set FUZZ_EXAMPLES for more cases):

    FUZZ_EXAMPLES=50000 python -m pytest -m slow tests/test_fuzz.py -p no:cacheprovider
"""

from __future__ import annotations

import copy
import json
import os

import pytest
import yaml
from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesign.engine.pipeline import recommend
from orgdesign.errors import InfeasibleError, InputError, OrgdesignError
from orgdesign.input.load import parse_org, validate_data
from orgdesign.present.json_report import to_json

BASES = {
    p.name: (json.loads(p.read_text("utf-8")) if p.suffix == ".json" else yaml.safe_load(p.read_text("utf-8")))
    for p in EXAMPLES
}

ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))


def _parent(data, path):
    for part in path[:-1]:
        data = data[part]
    return data


@st.composite
def mutated(draw):
    name = draw(st.sampled_from(sorted(BASES)))
    data = copy.deepcopy(BASES[name])
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        action = draw(st.sampled_from(["delete", "replace", "shuffle", "duplicate"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "replace":
            parent[path[-1]] = draw(ANY_VALUE)
        elif action == "shuffle" and isinstance(parent[path[-1]], list):
            parent[path[-1]] = draw(st.permutations(parent[path[-1]]))
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
    return data


def _check(data):
    try:
        result = recommend(validate_data(data, "fuzz.yaml"))
    except InfeasibleError as error:
        assert error.exit_code == 1 and error.lines
        return
    except InputError as error:
        assert error.exit_code == 2 and error.diagnostics
        for diagnostic in error.diagnostics:
            assert diagnostic.file == "fuzz.yaml" and diagnostic.message
        return
    owners = result.solution.owners
    assert set(owners) == {o.id for o in result.org.objectives}
    assert all(result.raci[o].accountable == owners[o] for o in owners)
    to_json(result)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_mutated_examples_never_crash(data):
    _check(data)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_random_text_is_a_clean_error_or_an_org(text):
    for is_json in (False, True):
        try:
            parse_org(text, "fuzz.yaml", is_json=is_json)
        except OrgdesignError as error:
            assert error.exit_code == 2


@pytest.mark.slow
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20000")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
@given(mutated())
def test_long_fuzz_run(data):
    _check(data)
