"""The answer depends on the content of an org, never on the order of its file or the process."""

from __future__ import annotations

import json
import random

import pytest
import yaml
from conftest import EXAMPLES

from orgdesign.engine.pipeline import recommend
from orgdesign.input.load import validate_data
from orgdesign.present.json_report import to_json
from orgdesign.present.markdown import to_markdown


def _data(path):
    text = path.read_text("utf-8")
    return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_reordering_the_file_changes_nothing(example):
    data = _data(example)
    expected_json = to_json(recommend(validate_data(data, example.name)))
    expected_markdown = to_markdown(recommend(validate_data(data, example.name)))
    rng = random.Random(7)
    for _ in range(3):
        shuffled = dict(data)
        for key in ("departments", "objectives", "constraints"):
            if key in data:
                shuffled[key] = rng.sample(data[key], len(data[key]))
        if "current_owners" in data:
            items = list(data["current_owners"].items())
            shuffled["current_owners"] = dict(rng.sample(items, len(items)))
        shuffled["departments"] = [
            dict(d, skills=rng.sample(d["skills"], len(d["skills"]))) if "skills" in d else d
            for d in shuffled["departments"]
        ]
        result = recommend(validate_data(shuffled, example.name))
        assert to_json(result) == expected_json
        assert to_markdown(result) == expected_markdown
