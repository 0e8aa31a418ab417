"""The JSON Schema that `orgdesign schema` prints agrees with the loader."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import EXAMPLES

from orgdesign.input.model import OrgFile
from orgdesign.present.report_model import report_schema
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
        "duplicate_dotted.yaml",
        "dotted_not_list.yaml",
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


REPORT_SCHEMA = report_schema()


def test_schema_report_prints_the_schema_generated_from_the_report_models(cli):
    printed = cli("schema", "report")
    assert printed.exit_code == 0, printed.stderr
    assert json.loads(printed.stdout) == REPORT_SCHEMA
    jsonschema.Draft202012Validator.check_schema(REPORT_SCHEMA)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_examples_json_report_is_valid_under_the_report_schema(example, cli):
    """`orgdesign schema report` describes what `recommend --format json` writes, field for field."""
    report = json.loads(cli("recommend", example, "-f", "json").stdout)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["format"] == REPORT_SCHEMA["properties"]["format"]["const"] == 2
    assert "format 2" in REPORT_SCHEMA["title"]
    for assignment in report["assignments"]:
        assert assignment["fit"] == assignment["score"]  # `fit` as the terminal says, `score` as documented
        assert assignment["owner_name"] and assignment["objective_name"]


def test_the_report_schema_refuses_what_the_report_does_not_write(cli):
    schema = REPORT_SCHEMA
    report = json.loads(cli("recommend", EXAMPLES[0], "-f", "json").stdout)
    report["assignments"][0]["ownr"] = "typo"
    with pytest.raises(jsonschema.ValidationError, match="ownr"):
        jsonschema.validate(report, schema)
    del report["assignments"][0]["ownr"]
    report["format"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, schema)


def test_schema_with_no_argument_stays_the_org_file_schema_and_a_bad_one_is_refused(cli):
    assert json.loads(cli("schema").stdout) == SCHEMA
    assert json.loads(cli("schema", "org").stdout) == SCHEMA
    bad = cli("schema", "reports")
    assert bad.exit_code == 2 and "unknown schema 'reports'" in bad.stderr and not bad.stdout
