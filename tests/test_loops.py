"""The test loops keep their promises: no process in a fast test, fewer examples in the fast loop, true lists.

The machinery is in tests/conftest.py; if it silently stopped working the fast loop would
slow down or the integration marks would drift, and no other test would notice.
"""

from __future__ import annotations

import ast
import multiprocessing
import os
import subprocess
import sys
from types import SimpleNamespace

import conftest
import pytest
from conftest import FAST_EXAMPLES, INTEGRATION_FILES, INTEGRATION_TESTS, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.mark.parametrize(
    "start",
    [
        lambda: subprocess.run([sys.executable, "-c", "pass"], check=False),
        lambda: os.fork() or os._exit(0),  # should the guard fail, the child leaves at once
        lambda: multiprocessing.get_context("fork").Process(target=print).start(),
    ],
    ids=["subprocess", "fork", "multiprocessing"],
)
def test_a_fast_test_cannot_start_a_process(start):
    with pytest.raises(pytest.fail.Exception, match="starts a process: mark it integration"):
        start()


def test_the_fast_cap_reaches_a_test_that_sets_its_own_count():
    """A property test's own `max_examples` outranks any profile, so the fast loop caps it on the test."""
    calls = []

    @settings(max_examples=10 * FAST_EXAMPLES, database=None)
    @given(st.integers())
    def many(number):
        calls.append(number)

    conftest._fewer_examples(SimpleNamespace(obj=many))
    many()
    assert 0 < len(calls) <= FAST_EXAMPLES


def _functions(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}


@pytest.mark.parametrize("file", sorted(INTEGRATION_TESTS))
def test_every_listed_integration_test_exists(file):
    """A renamed test would drop out of the list unseen (and then trip the guard): keep the names true."""
    missing = sorted(INTEGRATION_TESTS[file] - _functions(ROOT / "tests" / file))
    assert not missing, f"tests/conftest.py lists tests that {file} no longer has: {missing}"


def test_every_listed_integration_file_exists():
    assert all((ROOT / "tests" / file).is_file() for file in INTEGRATION_FILES)


def test_the_fast_loop_keeps_one_example_of_every_sweep():
    """If the kept example were renamed, the fast loop would silently drop every sweep over the examples."""
    assert conftest.FAST_EXAMPLE in conftest.EXAMPLES
    other = next(example for example in conftest.EXAMPLES if example != conftest.FAST_EXAMPLE)
    assert conftest._another_example(SimpleNamespace(callspec=SimpleNamespace(params={"example": other})))
    kept = SimpleNamespace(callspec=SimpleNamespace(params={"example": conftest.FAST_EXAMPLE, "format": "json"}))
    assert not conftest._another_example(kept)
