"""The linear-time shortcuts agree with the plain definitions they replace."""

from __future__ import annotations

import json
import sys

import pytest
from conftest import ROOT

from orgdesign.engine.graph import OrgGraph
from orgdesign.input.load import parse_org

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate, social_chain  # noqa: E402


def _above(graph, department: str) -> list[str]:
    """Everyone above a department, nearest first: the slow walk `has_above` must agree with."""
    out = []
    while graph.departments[department].reports_to:
        department = graph.departments[department].reports_to
        out.append(department)
    return out


@pytest.mark.parametrize("seed", range(5))
def test_has_above_agrees_with_walking_the_chain(seed):
    graph = OrgGraph(parse_org(json.dumps(generate(300, 5, seed)), is_json=True))
    for function in ("marketing", "sales", "executive", "legal"):
        for department in graph.departments:
            above = [graph.departments[d].function for d in _above(graph, department)]
            assert graph.has_above(department, function) == (function in above)


def test_deep_chain_of_social_teams_is_walked_once():
    graph = OrgGraph(parse_org(json.dumps(social_chain(3000)), is_json=True))
    chain = [d for d in graph.departments if d.startswith("s0")]
    assert len(chain) == 3000 and all(graph.has_above(team, "marketing") for team in chain)
    assert not graph.has_above("mkt", "marketing")


def _paths(data, path=()):
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*path, index))


@pytest.mark.parametrize("indent", [None, 1, "\t"])
def test_json_locations_match_the_yaml_reader(indent):
    from orgdesign.input.json_marks import JsonMarks
    from orgdesign.input.yaml_reader import parse_yaml

    data = generate(40, 6, seed=2)
    data["departments"][3]["skills"] = []
    data["organization"]["note"] = {"nested": [[1, 2], {"a": 'x"y ü'}], "empty": {}}
    text = json.dumps(data, indent=indent, ensure_ascii=False) + "\n"
    _, expected, _ = parse_yaml(text, "org.json")
    marks = JsonMarks(text)
    for path in _paths(data):
        if path:
            assert marks[path] == expected[path], path
    for missing in [("departments", 40), ("departments", 0, "nope"), ("organization", "name", 0), ("nope",)]:
        assert missing not in marks


def test_json_errors_are_located_without_yaml(tmp_path, monkeypatch):
    from orgdesign.errors import InputError
    from orgdesign.input import yaml_reader
    from orgdesign.input.load import load_org

    data = generate(300, 5, seed=4)
    data["departments"][250]["fucntion"] = data["departments"][250].pop("function")
    path = tmp_path / "org.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    monkeypatch.setattr(yaml_reader, "parse_yaml", None)  # a JSON file is never read as YAML
    with pytest.raises(InputError) as caught:
        load_org(str(path))
    lines = path.read_text(encoding="utf-8").splitlines()
    for diagnostic in caught.value.diagnostics:
        assert diagnostic.field.startswith("departments[250]")
        assert lines[diagnostic.line - 1].strip().startswith(('"fucntion"', "{"))


def test_json_duplicate_keys_match_the_yaml_reader():
    from orgdesign.input.json_marks import json_duplicates
    from orgdesign.input.yaml_reader import parse_yaml

    text = '{"a": 1,\n "b": {"x": [1, {"y": 2, "y": 3}], "x": 0},\n "a": [2],\n "c": {"a": 1}}'
    _, _, expected = parse_yaml(text, "org.json")
    assert json_duplicates(text, "org.json") == expected
    assert len(expected) == 3


def test_line_positions_across_blocks():
    from orgdesign.input.positions import Lines

    text = "".join(("x" * (i % 7)) + ("\n" if i % 3 else "") for i in range(60000))
    lines = Lines(text)
    assert len(text) > 3 * lines.BLOCK
    for offset in range(0, len(text), 997):
        line = text.count("\n", 0, offset) + 1
        assert lines.position(offset) == (line, offset - text.rfind("\n", 0, offset))
