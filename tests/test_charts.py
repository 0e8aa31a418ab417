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


# --- Mermaid keeps the reporting tree -------------------------------------------------------


def _subtree(chart, head):
    out, pending = [], [head]
    while pending:
        unit = pending.pop()
        out.append(unit)
        pending.extend(chart.reports(unit))
    return set(out)


def test_mermaid_declares_boxes_in_tree_order_and_each_region_in_its_own_area():
    """Mermaid keeps the order boxes come in, and a subgraph together: no Asia-Pacific unit in Europe's area."""
    from orgdesign.present.chart import mermaid

    chart = mermaid.build(_result(ROOT / "examples" / "multinational.yaml"))
    source = mermaid.flowchart(chart)
    ids = mermaid.node_ids(chart.units)
    unit_of = {node: unit for unit, node in ids.items()}
    declared, areas, area = [], {}, None
    for line in source.splitlines():
        opened = re.match(r"\s+subgraph area_(d_\w+)\[", line)
        if opened:
            area = unit_of[opened.group(1)]
            areas[area] = set()
        elif line.strip() == "end":
            area = None
        elif node := re.match(r"\s+(d_\w+)\[", line):
            declared.append(unit_of[node.group(1)])
            if area:
                areas[area].add(unit_of[node.group(1)])
    # Tree order: each unit comes after its manager, and a subtree is one unbroken run.
    assert sorted(declared) == sorted(chart.units) and len(declared) == len(set(declared))
    position = {unit: i for i, unit in enumerate(declared)}
    for unit in chart.units:
        members = sorted(position[u] for u in _subtree(chart, unit))
        assert members == list(range(members[0], members[0] + len(members))), unit
        assert members[0] == position[unit]
    # Each region's management board has an area holding exactly its subtree.
    assert {"apac_head", "eu_head", "latam_head", "na_head"} <= set(areas)
    for head, members in areas.items():
        assert members == _subtree(chart, head), head
    assert "d_apac_service" in source.split('subgraph area_d_apac_head["')[1].split("    end")[0]
    assert "d_apac_service" not in source.split('subgraph area_d_eu_head["')[1].split("    end")[0]


def test_mermaid_draws_dotted_lines_as_dotted_arrows_styled_apart():
    from orgdesign.present.chart import mermaid

    chart = mermaid.build(_result(ROOT / "examples" / "multinational.yaml"))
    source = mermaid.flowchart(chart)
    ids = mermaid.node_ids(chart.units)
    arrows = re.findall(r"^    (d_\w+) -\.-> (d_\w+)$", source, re.M)
    assert sorted(arrows) == sorted((ids[a], ids[b]) for a, b in chart.dotted())
    assert ("d_social_coe", "d_eu_social") in arrows
    assert 'legend_second -.->|"dotted line"| legend_unit' in source
    # The dotted lines' linkStyle counts every edge before them: reporting lines come first.
    styles = re.findall(r"^    linkStyle ([\d,]+) stroke:#1f2933", source, re.M)
    first = len(chart.reporting())
    assert styles and styles[0].split(",")[: len(arrows)] == [str(first + i) for i in range(len(arrows))]


# --- GraphML and node-link JSON: unique ids, typed numbers, names, dotted lines -----------------


def _graphml(example, view="recommended"):
    from orgdesign.present.chart import graphml

    return graphml.render(_result(example), view)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_graphml_edge_ids_are_unique_and_numbers_are_typed(example):
    import xml.etree.ElementTree as ET

    ns = "{http://graphml.graphdrawing.org/xmlns}"
    root = ET.fromstring(_graphml(example).encode("utf-8"))
    ids = [edge.get("id") for edge in root.iter(f"{ns}edge")]
    assert ids and len(ids) == len(set(ids))
    types = {(key.get("for"), key.get("attr.name")): key.get("attr.type") for key in root.iter(f"{ns}key")}
    assert types[("node", "headcount")] in ("int", "long") and types[("node", "capacity")] in ("int", "long")
    assert types[("node", "priority")] in ("int", "long")
    assert types[("edge", "fit")] == "double" and types[("node", "proposed")] == "boolean"


def test_graphml_reads_back_in_networkx_with_counts_types_and_names():
    import io

    import networkx as nx

    example = ROOT / "examples" / "multinational.yaml"
    chart = dot.build(_result(example))
    back = nx.read_graphml(io.BytesIO(_graphml(example).encode("utf-8")), force_multigraph=True)
    units = [n for n, data in back.nodes(data=True) if data["type"] == "unit"]
    objectives = [n for n, data in back.nodes(data=True) if data["type"] == "objective"]
    assert len(units) == len(chart.units) and len(objectives) == len(chart.objectives)
    kinds = [data["kind"] for _, _, data in back.edges(data=True)]
    assert kinds.count("reports_to") == len(chart.reporting()) and kinds.count("link") == len(chart.links)
    assert kinds.count("dotted") == len(chart.dotted()) == 6
    assert kinds.count("owns") == len(chart.objectives)
    ceo = back.nodes["ceo"]
    assert ceo["headcount"] == 25 and isinstance(ceo["headcount"], int) and isinstance(ceo["capacity"], int)
    assert ceo["function_name"] == "Executive" and ceo["proposed"] is False
    assert back.nodes["eu_social"]["dotted_to"] == "social_coe"
    owns = [data for _, _, data in back.edges(data=True) if data["kind"] == "owns"]
    assert all(isinstance(data["fit"], float) for data in owns)
    assert back.nodes["objective:care_latam"]["name"] == chart.objectives["care_latam"]
    link = next(data for _, _, data in back.edges(data=True) if data["kind"] == "link")
    assert link["label"] == "; ".join(chart.objectives[o] for o in link["objectives"].split(","))


def test_graphml_reads_back_in_igraph_with_the_same_counts():
    igraph = pytest.importorskip("igraph")
    import tempfile

    example = ROOT / "examples" / "multinational.yaml"
    chart = dot.build(_result(example))
    with tempfile.NamedTemporaryFile("w", suffix=".graphml", encoding="utf-8") as handle:
        handle.write(_graphml(example))
        handle.flush()
        back = igraph.Graph.Read_GraphML(handle.name)
    edges = len(chart.reporting()) + len(chart.dotted()) + len(chart.links) + len(chart.objectives)
    assert back.vcount() == len(chart.units) + len(chart.objectives) and back.ecount() == edges
    ceo = back.vs.find(id="ceo")
    assert ceo["headcount"] == 25 and ceo["proposed"] is False  # igraph keeps numbers as floats
    assert {e["kind"] for e in back.es} == {"reports_to", "dotted", "link", "owns"}


def test_node_link_json_marks_dotted_lines_by_kind():
    import json

    from orgdesign.present.chart import nodelink

    result = _result(ROOT / "examples" / "multinational.yaml")
    document = json.loads(nodelink.render(result))
    dotted = {(e["source"], e["target"]) for e in document["graph"]["edges"] if e["kind"] == "dotted"}
    assert ("social_coe", "eu_social") in dotted and ("latam_social", "proposed_social_expert_latam_service") in dotted
    headcounts = [n["headcount"] for n in document["graph"]["nodes"] if "headcount" in n]
    assert headcounts and all(isinstance(h, int) for h in headcounts)


# --- words a client reads -----------------------------------------------------------------------

ONE_PERSON = """
organization: {name: Acme, industry: retail, region: europe, size: small}
departments:
  - {id: ceo, name: Owner, function: executive, headcount: 1}
  - {id: it, name: Tech, function: it, reports_to: ceo, headcount: 2}
  - {id: lab, name: Lab, function: rnd, reports_to: ceo, headcount: 1, dotted_to: [it]}
  - {id: people, name: People, function: hr, reports_to: ceo}
objectives:
  - {id: listen, kind: listening}
"""


@pytest.mark.parametrize("name", ["dot", "mermaid", "graphml", "json"])
def test_chart_formats_say_one_person_and_name_functions(name):
    from orgdesign.input.load import parse_org
    from orgdesign.present.formats import export

    text = export(recommend(parse_org(ONE_PERSON)), name)
    assert "1 people" not in text
    if name in ("dot", "mermaid"):
        assert "Executive · 1 person" in text
        assert "R#amp;D · 1 person" in text or "R&D · 1 person" in text
        assert "IT · 2 people" in text and "HR" in text
        assert not re.search(r"\\n(it|rnd|hr|executive)\b|<br/>(it|rnd|hr|executive)\b", text)
    else:
        assert "R&amp;D" in text or "R&D" in text


def test_dot_and_mermaid_links_name_their_objectives():
    from orgdesign.present.chart import mermaid

    result = _result(ROOT / "examples" / "small_agency.yaml")
    chart = dot.build(result)
    link = chart.links[0]
    names = ", ".join(chart.objectives[o] for o in link.objectives)
    assert f'xlabel="{names}"' in dot.digraph(chart)
    assert f'-.-|"{mermaid.text(names)}"|' in mermaid.flowchart(chart)
