"""The public API: what a notebook calls, exactly what `__all__` says (httpx test_exported_members style)."""

from __future__ import annotations

import re
import subprocess
import sys
import types

import pytest
from conftest import ROOT

import orgdesign

AIRLINE = str(ROOT / "examples" / "airline.yaml")


def test_all_equals_the_public_names_exported():
    for name in orgdesign.__all__:
        assert getattr(orgdesign, name) is not None, name  # each resolves (and is now loaded)
    public = {
        name
        for name, value in vars(orgdesign).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)  # subpackages load as attributes
    }
    public |= {name for name in dir(orgdesign) if not name.startswith("_")}
    assert public == {name for name in orgdesign.__all__ if not name.startswith("_")}
    assert orgdesign.__all__ == sorted(orgdesign.__all__, key=str.casefold)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'recomend'"):
        orgdesign.recomend  # noqa: B018


def test_importing_the_package_loads_no_engine():
    """`orgdesign --help` must stay fast: the API is imported on first use."""
    heavy = "('networkx', 'pydantic', 'orgdesign.engine')"
    code = f"import sys, orgdesign; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_notebook_session_from_file_to_comparison():
    org = orgdesign.load_org(AIRLINE)
    result = orgdesign.recommend(org, orgdesign.load_rulebook())
    assert isinstance(result, orgdesign.Recommendation)
    assert all(isinstance(a, orgdesign.Assignment) for a in result.assignments)
    explained = orgdesign.explain(result, "listening")
    assert isinstance(explained, orgdesign.Explanation)
    assert explained.assignment.objective == "listening" and explained.assignment.owner == "mktcomms"
    assert isinstance(explained.contrast, orgdesign.WhyNot)
    assert explained.contrast.department == explained.assignment.runner_up
    assert all(isinstance(c, orgdesign.Change) for c in explained.contrast.changes)
    assert all(isinstance(f, orgdesign.Finding) for f in result.findings)
    same = orgdesign.compare(result, result)
    assert (
        isinstance(same, orgdesign.Comparison)
        and same.changes == ()
        and (same.before, same.after)
        == (
            "before",
            "after",
        )
    )


def test_explain_takes_names_as_well_as_ids():
    result = orgdesign.recommend(orgdesign.load_org(AIRLINE))
    by_name = orgdesign.explain(result, "Social listening", department="customer relations")
    by_id = orgdesign.explain(result, "listening", department="customer_relations")
    assert by_name == by_id
    assert by_id.contrast.verdict == "tie"
    blocker = by_id.contrast.blockers[0]
    assert (blocker.kind, blocker.department, blocker.tie_break) == ("tie", "mktcomms", "today")


def test_explain_refuses_an_unknown_objective_with_a_domain_error():
    result = orgdesign.recommend(orgdesign.load_org(AIRLINE))
    with pytest.raises(orgdesign.BadValue) as caught:
        orgdesign.explain(result, "listning")
    assert caught.value.what == "objective" and "did you mean 'listening' (Social listening)?" in str(caught.value)
    assert isinstance(caught.value, ValueError) and "--" not in str(caught.value)
    with pytest.raises(orgdesign.BadValue) as caught:
        orgdesign.explain(result, "listening", department="nobody")
    assert caught.value.what == "department"


def test_domain_code_names_no_command_line_option():
    """The domain layers raise errors about values, never about the options that carried them.

    The CLI (and the workflows that serve it: batch, the interview, the writer)
    may say `--force`; input, rulebook, engine and present may not.
    """
    raised_with_option = re.compile(r"raise \w+\([^)]*?--[a-z]")
    offenders = []
    for layer in ("input", "rulebook", "engine", "present"):
        for path in (ROOT / "orgdesign" / layer).rglob("*.py"):
            text = path.read_text("utf-8")
            if "UsageError" in text or raised_with_option.search(text):
                offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == []


def test_the_api_docs_example_runs_and_says_what_it_returns(monkeypatch):
    """docs/api.md shows values in comments: run the block and check the ones it states."""
    import re

    monkeypatch.chdir(ROOT)
    block = re.search(r"```python\n(.*?)```", (ROOT / "docs" / "api.md").read_text("utf-8"), re.S).group(1)
    names: dict = {}
    exec(compile(block, "docs/api.md", "exec"), names)  # noqa: S102 - our own documentation
    assert names["result"].solution.owners["care"] == "social_care"
    why = names["why"]
    assert (why.assignment.owner, why.assignment.score) == ("mktcomms", 400)
    assert (why.contrast.department, why.contrast.verdict) == ("customer_relations", "tie")
    assert names["delta"].changes == ()


def test_errors_cross_a_process_boundary_whole():
    import pickle

    from orgdesign.errors import BadValue, InfeasibleError

    bad = pickle.loads(pickle.dumps(BadValue("format", "unknown format 'pdf'")))
    assert (bad.what, str(bad)) == ("format", "unknown format 'pdf'")
    tight = orgdesign.parse_org(
        "organization: {name: T, region: europe, size: small}\n"
        "departments: [{id: ceo, function: executive, capacity: 0},"
        " {id: pr, function: communications, reports_to: ceo, capacity: 1}]\n"
        "objectives: [{id: crisis, kind: reputation}, {id: press, kind: reputation}]\n"
    )
    with pytest.raises(InfeasibleError) as caught:
        orgdesign.recommend(tight)
    again = pickle.loads(pickle.dumps(caught.value))
    assert again.lines == caught.value.lines and again.diagnostics == caught.value.diagnostics
