"""The JSON Schema that `orgdesign schema` prints agrees with the loader."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import EXAMPLES

from orgdesign.input.model import OrgFile
from orgdesign.vocabulary import FUNCTIONS, OBJECTIVE_KINDS, REGIONS, SIZES

SCHEMA = OrgFile.model_json_schema()
BAD = Path(__file__).parent / "bad_input"


def _data(path: Path):
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_is_valid_under_the_schema(example):
    jsonschema.validate(_data(example), SCHEMA)


@pytest.mark.parametrize(
    "name",
    [
        "unknown_function.yaml",
        "unknown_kind.yaml",
        "unknown_region.yaml",
        "unknown_field.yaml",
        "priority_out_of_range.yaml",
        "negative_headcount.yaml",
        "missing_function.yaml",
        "bad_id.yaml",
        "bad_country.yaml",
        "no_departments.yaml",
        "missing_organization.yaml",
    ],
)
def test_the_schema_refuses_what_the_loader_refuses(name):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(_data(BAD / name), SCHEMA)


def test_schema_enums_are_the_vocabulary():
    defs = SCHEMA["$defs"]
    assert set(defs["Department"]["properties"]["function"]["enum"]) == set(FUNCTIONS)
    assert set(defs["Objective"]["properties"]["kind"]["enum"]) == set(OBJECTIVE_KINDS)
    assert set(defs["Organization"]["properties"]["region"]["enum"]) == set(REGIONS)
    assert set(defs["Organization"]["properties"]["size"]["enum"]) == set(SIZES)
