"""The chart formats tell the truth.

Graphviz draws every DOT without a warning and as a tree, Mermaid keeps the reporting
tree's order, GraphML reads back with its types, and boxes read as words.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from conftest import EXAMPLES, ROOT

from orgdesign.engine.pipeline import recommend
from orgdesign.input.load import load_org
from orgdesign.present.chart import dot

_RESULTS: dict = {}


def _result(example):
    if example not in _RESULTS:
        _RESULTS[example] = recommend(load_org(str(example)))
    return _RESULTS[example]


def _graphviz(source: str) -> tuple[str, str]:
    """Run `dot -Tsvg`; give its SVG and its stderr."""
    found = shutil.which("dot")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("Graphviz is missing; .ci/run installs Debian's graphviz before the tests")
        pytest.skip("Graphviz is not installed (apt-get install graphviz)")
    done = subprocess.run([found, "-Tsvg"], input=source, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout, done.stderr


@pytest.mark.integration
@pytest.mark.parametrize("view", ["recommended", "current"])
@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_graphviz_draws_every_example_without_a_warning(example, view):
    _, stderr = _graphviz(dot.render(_result(example), view))
    assert stderr == ""


@pytest.mark.integration
def test_the_multinational_is_drawn_as_a_tree_not_a_ribbon():
    svg, _ = _graphviz(dot.render(_result(ROOT / "examples" / "multinational.yaml")))
    width, height = (float(v) for v in re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups())
    assert width / height < 4, (width, height)


def test_wide_managers_wrap_their_reports_into_rows():
    """The multinational's board has 13 reports: they wrap into several rows below it."""
    chart = dot.build(_result(ROOT / "examples" / "multinational.yaml"))
    minlen = dot.rows(chart)
    below_ceo = {minlen[("ceo", r)] for r in chart.reports("ceo") if ("ceo", r) in minlen}
    assert len(below_ceo) >= 3
    source = dot.digraph(chart)
    assert '"ceo" -> "na_head" [minlen=' in source or '"ceo" -> "latam_head" [minlen=' in source


def test_collaboration_links_carry_their_objectives_as_xlabels_not_labels():
    """A `label` on a constraint=false edge makes Graphviz warn; an xlabel is placed after routing."""
    source = dot.render(_result(ROOT / "examples" / "bank.yaml"))
    links = [line for line in source.splitlines() if 'constraint="false"' in line and "dashed" in line]
    assert links and all("xlabel=" in line and " label=" not in line for line in links)
