"""`orgdesign export`: goldens, round-trips, every example, hostile names, and safe writing.

Goldens of today's view live in tests/golden/export/ (those of the recommended
view, for every example, in tests/golden/examples/); they are regenerated, never
edited by hand: `python -m pytest -m golden --update-goldens`, then review the diff.
"""

from __future__ import annotations

import csv
import difflib
import functools
import html
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from itertools import combinations
from pathlib import Path

import networkx as nx
import pydot
import pytest
from conftest import EXAMPLES, ROOT

from orgdesign.engine.pipeline import recommend
from orgdesign.input.load import load_org, validate_data
from orgdesign.present.chart.layout import text_width, tree, wrap
from orgdesign.present.chart.model import build, to_networkx
from orgdesign.present.formats import FORMATS, VIEWS, export
from orgdesign.present.json_report import to_dict

GOLDEN = ROOT / "tests" / "golden" / "export"
SMALL = ROOT / "examples" / "small_agency.yaml"
SVG_NS = "{http://www.w3.org/2000/svg}"

# pydot's parser still calls pyparsing's old camelCase names.
pytestmark = pytest.mark.filterwarnings("ignore:.*deprecated.*:DeprecationWarning")


@functools.cache
def _result(path: Path):
    return recommend(load_org(str(path)))


def _text(body: str | bytes, name: str = "") -> str:
    """An export as text: the deck's slides as its outline, a zipped workbook as the text of its XML parts."""
    if name == "pptx":
        from orgdesign.present.deck import outline

        return outline(body)
    if isinstance(body, bytes) and body.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith((".xml", ".rels")))
    return body.decode("utf-8") if isinstance(body, bytes) else body


def _bytes(body: str | bytes) -> bytes:
    """An export as the bytes a file gets."""
    return body if isinstance(body, bytes) else body.encode("utf-8")


# --- goldens ----------------------------------------------------------------------------

# The recommended view of every example, in every format, is in tests/test_goldens.py; today's view here.
GOLDEN_CASES = [("mermaid", "current"), ("svg", "current")]


@pytest.mark.parametrize(("name", "view"), GOLDEN_CASES, ids=[f"{n}-{v}" for n, v in GOLDEN_CASES])
def test_golden(name, view, update_goldens):
    body = _text(export(_result(SMALL), name, view))
    suffix = FORMATS[name].suffix
    path = GOLDEN / (f"small_agency{suffix}" if view == "recommended" else f"small_agency.{view}{suffix}")
    if update_goldens:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body.encode("utf-8"))
        return
    how = "regenerate with `python -m pytest -m golden --update-goldens` and review the diff"
    assert path.exists(), f"{path.relative_to(ROOT)} is missing; {how}"
    expected = path.read_bytes().decode("utf-8")
    if body != expected:
        diff = "".join(
            list(difflib.unified_diff(expected.splitlines(True), body.splitlines(True), "golden", "now"))[:40]
        )
        pytest.fail(f"{name} ({view}) differs from {path.relative_to(ROOT)}; if intended, {how}\n{diff}")


def test_no_stray_goldens():
    expected = {
        f"small_agency{FORMATS[n].suffix}" if v == "recommended" else f"small_agency.{v}{FORMATS[n].suffix}"
        for n, v in GOLDEN_CASES
    }
    present = {p.name for p in GOLDEN.iterdir() if not p.name.startswith(".")}
    assert present == expected


# --- round-trips and "opens in the tool people use" ------------------------------------


@pytest.mark.parametrize("view", VIEWS)
def test_graphml_reads_back_as_the_same_graph(view, tmp_path):
    result = _result(ROOT / "examples" / "airline.yaml")
    path = tmp_path / "chart.graphml"
    path.write_text(export(result, "graphml", view), encoding="utf-8")
    back = nx.read_graphml(path, force_multigraph=True)
    _same_graph(back, to_networkx(build(result, view)))


@pytest.mark.parametrize("view", VIEWS)
def test_json_reads_back_as_the_same_graph_and_recommendation(view):
    result = _result(ROOT / "examples" / "airline.yaml")
    document = json.loads(export(result, "json", view))
    assert document["view"] == view and document["format"] == 1
    _same_graph(nx.node_link_graph(document["graph"], edges="edges"), to_networkx(build(result, view)))
    assert document["recommendation"] == json.loads(json.dumps(to_dict(result)))


def _same_graph(back, original):
    assert back.is_directed() and back.is_multigraph()
    assert dict(back.nodes(data=True)) == dict(original.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(original.edges(keys=True, data=True))
    assert {k: v for k, v in back.graph.items() if k in original.graph} == original.graph


def _dot_unquote(value: str) -> str:
    assert value.startswith('"') and value.endswith('"'), value
    return re.sub(r'\\(["\\])', r"\1", value[1:-1])


def _dot_graph(text: str):
    graphs = pydot.graph_from_dot_data(text)
    assert graphs is not None and len(graphs) == 1
    return graphs[0]


def _dot_nodes(graph) -> dict[str, dict]:
    nodes = {}
    for node in graph.get_nodes() + [n for sub in graph.get_subgraphs() for n in sub.get_nodes()]:
        name = node.get_name()
        if name not in ("node", "edge", "graph"):
            nodes[_dot_unquote(name)] = node.get_attributes()
    return nodes


def _dot_edges(graph) -> list[tuple[str, str, dict]]:
    edges = graph.get_edges() + [e for sub in graph.get_subgraphs() for e in sub.get_edges()]
    return [(_dot_unquote(e.get_source()), _dot_unquote(e.get_destination()), e.get_attributes()) for e in edges]


@pytest.mark.parametrize("view", VIEWS)
def test_dot_parses_with_every_unit_and_edge(view):
    result = _result(ROOT / "examples" / "airline.yaml")
    chart = build(result, view)
    graph = _dot_graph(export(result, "dot", view))
    assert graph.get_type() == "digraph"
    nodes = _dot_nodes(graph)
    assert {n for n in nodes if not n.startswith("legend:")} == set(chart.units)
    edges = [(a, b, attrs) for a, b, attrs in _dot_edges(graph) if not a.startswith("legend:")]
    solid = sorted((a, b) for a, b, attrs in edges if "style" not in attrs)
    dashed = sorted((a, b) for a, b, attrs in edges if attrs.get("style") == '"dashed"')
    dotted = sorted((a, b) for a, b, attrs in edges if attrs.get("style") == '"dotted"')
    assert solid == sorted(chart.reporting())
    assert dashed == sorted((link.a, link.b) for link in chart.links)
    assert dotted == sorted(chart.dotted())
    assert all(attrs.get("constraint") == '"false"' for _, _, attrs in edges if attrs.get("style") == '"dashed"')
    for unit in chart.units.values():
        label = _dot_unquote(nodes[unit.id]["label"]).split("\\n")[0]
        assert label == unit.name
        if unit.proposed:
            assert "dashed" in nodes[unit.id]["style"]
    colours = re.findall(r'"#([0-9a-fA-F]*)"', export(result, "dot", view))
    assert colours and all(len(c) == 6 for c in colours)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_csv_has_one_row_per_objective_and_one_a_per_row(example):
    result = _result(example)
    body = export(result, "csv")
    assert body.startswith("\ufeff") and "\r\n" in body and "\n" not in body.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(body[1:], newline="")))
    header, rows = rows[0], rows[1:]
    graph = result.table.graph
    assert header[:2] == ["objective", "name"] and header[2:] == sorted(header[2:], key=str.casefold)
    names = {d.label for d in graph.departments.values()}
    assert set(header[2:]) <= names  # department names head the columns, not ids (no two share a name here)
    by_priority = sorted(graph.objectives, key=lambda o: (-graph.objectives[o].priority, o))
    assert [r[0] for r in rows] == by_priority  # the order of the owners table
    for row in rows:
        assert row[2:].count("A") == 1
        assert header[2 + row[2:].index("A")] == graph.departments[result.solution.owners[row[0]]].label
        assert set(row[2:]) <= {"", "R", "A", "C", "I"}
    for column in range(2, len(header)):
        assert any(row[column] for row in rows)  # only departments with a role


ALLOWED_HTML = {
    "html", "head", "meta", "title", "style", "body", "div", "header", "p", "h1", "h2", "h3", "nav", "a", "main",
    "section", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "span", "strong", "code", "ul", "li", "dl",
    "dt", "dd", "article", "footer", "br", "svg", "g", "rect", "path", "text", "circle",
}  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _check_html(body: str) -> _Tags:
    parser = _Tags()
    parser.feed(body)
    names = {tag for tag, _ in parser.tags}
    assert names <= ALLOWED_HTML, names - ALLOWED_HTML
    for tag, attrs in parser.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "a":
            assert attrs["href"].startswith("#")
        assert "src" not in attrs
        for name, value in attrs.items():
            if name != "xmlns":  # the SVG namespace is a name, not a request
                assert not re.match(r"\s*(https?:|//|javascript:|data:|file:)", value or "", re.I), (tag, name, value)
    css = body.split("<style>", 1)[1].split("</style>", 1)[0].lower()
    assert "url(" not in css and "@import" not in css and "@font-face" not in css
    lowered = body.lower()
    for marker in ("<script", "<link", "<img", "<iframe", "<object", "<embed"):
        assert marker not in lowered, marker
    metas = [attrs for tag, attrs in parser.tags if tag == "meta"]
    csp = [attrs for attrs in metas if attrs.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]["content"]
    return parser


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_format_for_every_example_is_valid_and_deterministic(example):
    result, again = _result(example), recommend(load_org(str(example)))
    for name in FORMATS:
        for view in VIEWS:
            body = export(result, name, view)
            assert body == export(again, name, view), (name, view)
            text = _text(body, name)
            if isinstance(body, bytes):  # a zipped Office file: every part is well-formed XML
                with zipfile.ZipFile(io.BytesIO(body)) as archive:
                    assert archive.testzip() is None, name
                    for part in archive.namelist():
                        if part.endswith((".xml", ".rels")):
                            ET.fromstring(archive.read(part))
            elif name in ("svg", "graphml"):
                ET.fromstring(text.encode("utf-8"))
            elif name == "dot":
                _dot_graph(text)
            elif name == "json":
                json.loads(text)
            elif name == "html":
                _check_html(text)
            elif name == "mermaid":
                _check_mermaid(text)
            elif name == "markdown":
                block = text.split("```mermaid\n", 1)[1].split("\n```\n", 1)[0]
                _check_mermaid(block + "\n")
            elif name == "pptx":
                assert text.startswith("--- slide 1\n") and "--- slide 2\n" in text


def test_the_same_bytes_whatever_the_hash_seed():
    script = (
        "import hashlib, sys\n"
        "from orgdesign.present.formats import FORMATS, VIEWS, export\n"
        "from orgdesign.input.load import load_org\n"
        "from orgdesign.engine.pipeline import recommend\n"
        "for path in sys.argv[1:]:\n"
        "    result = recommend(load_org(path))\n"
        "    for name in FORMATS:\n"
        "        for view in VIEWS:\n"
        "            body = export(result, name, view)\n"
        "            data = body if isinstance(body, bytes) else body.encode()\n"
        "            print(path, name, view, hashlib.sha256(data).hexdigest())\n"
    )
    digests = []
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script, *map(str, EXAMPLES)], capture_output=True, text=True, env=env, check=True
        )
        digests.append(done.stdout)
    assert digests[0] == digests[1] and digests[0].count("\n") == len(EXAMPLES) * len(FORMATS) * len(VIEWS)


# --- the chart --------------------------------------------------------------------------


def _svg_boxes(text: str) -> dict[str, tuple[float, float, float, float]]:
    root = ET.fromstring(text.encode("utf-8"))
    boxes = {}
    for group in root.iter(f"{SVG_NS}g"):
        if "data-unit" in group.attrib:
            rect = group.find(f"{SVG_NS}rect")
            boxes[group.attrib["data-unit"]] = tuple(float(rect.attrib[k]) for k in ("x", "y", "width", "height"))
    return boxes


def test_svg_stays_legible_at_60_departments():
    result = _result(ROOT / "examples" / "multinational.yaml")
    text = export(result, "svg")
    root = ET.fromstring(text.encode("utf-8"))
    _, _, width, height = map(float, root.attrib["viewBox"].split())
    assert width < 6000 and height < 6000
    assert root.attrib["width"] == root.attrib["viewBox"].split()[2]  # scales with its viewBox
    boxes = _svg_boxes(text)
    assert set(boxes) == set(build(result).units) and len(boxes) >= 60
    for (a, (ax, ay, aw, ah)), (b, (bx, by, bw, bh)) in combinations(boxes.items(), 2):
        apart = ax + aw <= bx or bx + bw <= ax or ay + ah <= by or by + bh <= ay
        assert apart, f"{a} and {b} overlap"
    for x, y, w, h in boxes.values():
        assert 0 <= x and x + w <= width and 0 <= y and y + h <= height
    units = [g for g in root.iter(f"{SVG_NS}g") if "data-unit" in g.attrib]
    for node in (t for g in units for t in g.iter(f"{SVG_NS}text")):  # every line fits its box (DejaVu metrics)
        bold = node.attrib.get("font-weight") == "bold"
        assert text_width(node.text or "", float(node.attrib["font-size"]), bold) <= 190, node.text


def test_chart_marks_owners_links_proposed_units_and_has_a_legend():
    result = _result(ROOT / "examples" / "airline.yaml")
    chart = build(result)
    proposed = [u for u in chart.units.values() if u.proposed]
    assert proposed and all(u.manager in chart.units for u in proposed)
    svg = export(result, "svg")
    for unit in proposed:
        group = re.search(rf'<g data-unit="{unit.id}">.*?</g>', svg).group(0)
        assert 'stroke-dasharray="6 4"' in group and "(proposed)" in group
    assert svg.count('<path data-link="') == len(chart.links)  # drawn in the panel under the tree
    assert "works with (collaboration link)" in svg and "reports to" in svg and "proposed new unit" in svg
    mermaid = export(result, "mermaid")
    assert mermaid.count(" -.-|") == len(chart.links) + 1  # and the legend's sample
    assert "classDef proposed" in mermaid and "stroke-dasharray: 5 5" in mermaid
    assert 'subgraph legend["Legend"]' in mermaid


def test_current_view_draws_todays_owners_without_links_or_proposals():
    result = _result(SMALL)
    chart = build(result, "current")
    assert chart.units["hopscotch"].owned == ("account_governance", "brand_content", "care", "community", "paid_social")
    assert not chart.links and not any(u.proposed for u in chart.units.values())
    mermaid = export(result, "mermaid", "current")
    assert "-.-" not in mermaid and "Beer club community" in mermaid
    svg = export(result, "svg", "current")
    assert "Current ownership" in svg and "collaboration link" not in svg
    airline = _result(ROOT / "examples" / "airline.yaml")
    assert not any(u.proposed for u in build(airline, "current").units.values())
    assert any(u.proposed for u in build(airline, "recommended").units.values())


def test_layout_of_a_very_deep_chain_needs_no_recursion():
    depth = 5000
    layout = tree(["u0"], lambda u: [f"u{int(u[1:]) + 1}"] if int(u[1:]) < depth else [], lambda u: (100.0, 40.0))
    assert len(layout.boxes) == depth + 1
    assert layout.boxes[f"u{depth}"].y > layout.boxes["u0"].y


@pytest.mark.parametrize("seed", range(40))
def test_layout_never_overlaps_boxes(seed):
    import random

    rnd = random.Random(seed)
    count = rnd.randrange(1, 90)
    parents = {f"u{i}": (f"u{rnd.randrange(i)}" if i and rnd.random() > 0.05 else None) for i in range(count)}
    children = {u: [c for c, p in parents.items() if p == u] for u in parents}
    sizes = {u: (rnd.choice((120.0, 210.0)), rnd.choice((40.0, 61.5, 120.0))) for u in parents}
    roots = [u for u, p in parents.items() if p is None]
    layout = tree(roots, children.__getitem__, sizes.__getitem__, max_row=rnd.choice((600.0, 1400.0)))
    boxes = layout.boxes
    assert set(boxes) == set(parents)
    for a, b in combinations(boxes, 2):
        one, two = boxes[a], boxes[b]
        assert one.right <= two.x or two.right <= one.x or one.bottom <= two.y or two.bottom <= one.y, (a, b)
    for unit, box in boxes.items():
        assert box.x >= 0 and box.y >= 0 and box.right <= layout.width + 0.1 and box.bottom <= layout.height + 0.1
        if parents[unit] is not None:
            assert box.y > boxes[parents[unit]].y  # reports are drawn below their manager


def test_wrapping_never_exceeds_the_line():
    for text in ("Marketing & Communications", "Supercalifragilisticexpialidocious-Department-Of-Everything", "ü" * 90):
        for line in wrap(text, 12.5, 190, bold=True, max_lines=3):
            assert text_width(line, 12.5, True) <= 190


# --- hostile names ----------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    "\"quoted\" & 'single'",
    "]]> [brackets] {braces} (parens) |pipe|",
    '=HYPERLINK("http://x")',
    "+1",
    "-2",
    "@SUM(A1)",
    "#35; %% mermaid comment",
    "`code` *bold* _it_ $x$ \\back\\slash ~~",
    "<!-- --> <![CDATA[ x ]]> &amp; &#60; </svg></text>",
    "end",
]


def _hostile_org():
    departments = [{"id": "ceo", "name": HOSTILE[0], "function": "executive"}]
    kinds = ["marketing", "communications", "customer_service", "sales", "hr", "product", "legal", "it", "social_media",
             "analytics"]  # fmt: skip
    for index, name in enumerate(HOSTILE[1:]):
        departments.append(
            {
                "id": f"d{index}",
                "name": name,
                "function": kinds[index % len(kinds)],
                "reports_to": "ceo",
                "headcount": 50,
            }  # fmt: skip
        )
    objective_kinds = ["customer_care", "brand_content", "reputation", "listening", "employer_brand",
                       "social_selling", "account_governance", "community", "paid_social", "product_insight",
                       "market_intelligence"]  # fmt: skip
    objectives = [{"id": f"o{i}", "name": name, "kind": objective_kinds[i]} for i, name in enumerate(HOSTILE)]
    data = {
        "organization": {"name": HOSTILE[0] + " " + HOSTILE[3], "region": "europe", "size": "enterprise"},
        "departments": departments,
        "objectives": objectives,
        "current_owners": {f"o{i}": "d0" for i in range(len(HOSTILE))},
    }
    return data


@functools.cache
def _hostile():
    return recommend(validate_data(_hostile_org()))


MERMAID_LINE = re.compile(
    r"""^(flowchart\ TB
    |\ {4}%%\ [^"\n]*
    |\ {4}(\ {4})?d_\w+\["(?:[^"\[\](){}|<>`]|<br/>)*"\]
    |\ {4}d_\w+\ -->\ d_\w+|\ {4}d_\w+\ -\.->\ d_\w+
    |\ {4}d_\w+\ -\.-\|"[^"\[\](){}|<>`]*"\|\ d_\w+
    |\ {4}subgraph\ legend\["Legend"\]|\ {8}direction\ LR
    |\ {4}subgraph\ area_d_\w+\["[^"\[\](){}|<>`]*"\]
    |\ {8}legend_\w+\["[^"]*"\]|\ {8}legend_\w+\ (-->|-\.-|-\.->)\|"[a-z ]+"\|\ legend_\w+|\ {4}end
    |\ {4}style\ (legend|area_d_\w+)\ [^\s]+|\ {4}d_\w+\ ~~~\ legend
    |\ {4}classDef\ \w+\ [^\n]+|\ {4}class\ [\w,]+\ \w+|\ {4}linkStyle\ [\d,]+\ [^\n]+)$""",
    re.X,
)


def _check_mermaid(text: str) -> None:
    """Every line is one of the statements the exporter writes: no label can break out of its quotes."""
    assert text.endswith("\n")
    for line in text.splitlines():
        assert MERMAID_LINE.match(line), line
        if line.startswith("    d_") and '["' in line:
            label = line.split('["', 1)[1][:-2]
            assert not re.search(r"#(?![a-z]+;|\d+;)", label)  # every # starts an entity code
            assert "%%" not in label and "\\" not in label


def test_hostile_names_stay_text_in_every_format():
    result = _hostile()
    chart = build(result)
    assert len([u for u in chart.units.values() if not u.proposed]) == len(HOSTILE)

    page = _text(export(result, "html"))
    parser = _check_html(page)
    seen = "".join(parser.text)
    for name in HOSTILE:
        assert name in seen  # shown as text...
        assert html.escape(name, quote=True) in page  # ...because it was escaped
    assert "<script" not in page.lower()

    svg = _text(export(result, "svg"))
    root = ET.fromstring(svg.encode("utf-8"))
    assert "<script" not in svg.lower() and not root.findall(f".//{SVG_NS}script")
    groups = [g for g in root.iter(f"{SVG_NS}g") if "data-unit" in g.attrib]
    titles = {g.attrib["data-unit"]: g.find(f"{SVG_NS}title").text for g in groups}
    for unit in chart.units.values():
        assert titles[unit.id] == f"{unit.name} ({unit.id})"

    graphml = _text(export(result, "graphml"))
    ET.fromstring(graphml.encode("utf-8"))
    back = nx.read_graphml(io.BytesIO(graphml.encode("utf-8")), force_multigraph=True)
    assert {back.nodes[u]["name"] for u in back} == {u.name for u in chart.units.values()}
    assert back.graph["organization"] == chart.title

    dot = _text(export(result, "dot"))
    graph = _dot_graph(dot)
    nodes = _dot_nodes(graph)
    assert {n for n in nodes if not n.startswith("legend:")} == set(chart.units)
    for unit in chart.units.values():
        assert _dot_unquote(nodes[unit.id]["label"]).split("\\n")[0] == unit.name
    drawn = [e for e in _dot_edges(graph) if e[2].get("style") != '"invis"' and not e[0].startswith("legend:")]
    assert len(drawn) == len(chart.reporting()) + len(chart.links) + len(chart.dotted())

    mermaid = _text(export(result, "mermaid"))
    _check_mermaid(mermaid)
    assert "<script" not in mermaid and "%% mermaid" not in mermaid

    document = json.loads(export(result, "json"))
    assert {n["name"] for n in document["graph"]["nodes"]} == {u.name for u in chart.units.values()}

    rows = list(csv.reader(io.StringIO(_text(export(result, "csv"))[1:], newline="")))
    cells = [c for row in rows for c in row]
    assert '\'=HYPERLINK("http://x")' in cells and "'+1" in cells and "'-2" in cells and "'@SUM(A1)" in cells
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)

    markdown = _text(export(result, "markdown"))
    assert not re.search(r"(?<!\\)<script", markdown, re.I)  # written \<script, which Markdown shows as text
    _check_mermaid(markdown.split("```mermaid\n", 1)[1].split("\n```\n", 1)[0] + "\n")
    assert markdown.count("```") == 2


XML_FORBIDDEN = ["Board\ufffe", "Room\uffff", "Range\ufdd0end", "Nul\x00l", "Esc\x1b[2J", "Tag\U000e0041",
                 "Line\u2028break", "Plane\U0010ffff", "Zero\u200bwidth", "Bom\ufeff"]  # fmt: skip
_XML_CHAR = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # what XML 1.0 allows


def test_every_xml_export_is_well_formed_even_with_names_the_loader_refuses(monkeypatch):
    """Defence in depth: with the load-time check switched off, no name can make an XML export unreadable."""
    from orgdesign.input import model

    monkeypatch.setattr(model, "_check_text", lambda value, allowed="": value)
    data = _hostile_org()
    records = [data["organization"], *data["departments"], *data["objectives"]]
    for index, record in enumerate(records):
        record["name"] = XML_FORBIDDEN[index % len(XML_FORBIDDEN)]
    result = recommend(validate_data(data))
    for view in VIEWS:
        for name in ("svg", "graphml", "html"):
            body = _text(export(result, name, view))
            assert _XML_CHAR.sub("", body) == "", (name, view)
            if name in ("svg", "graphml"):
                ET.fromstring(body.encode("utf-8"))
            if name == "html":
                svg = body.split("<svg", 1)[1].split("</svg>", 1)[0]
                ET.fromstring(f"<svg{svg}</svg>".encode())


def test_hostile_names_in_the_current_view_too():
    result = _hostile()
    for name in FORMATS:
        body = _text(export(result, name, "current"), name)
        if name in ("html", "svg", "markdown", "mermaid", "graphml"):
            assert not re.search(r"(?<!\\)<script", body, re.I), name  # markdown escapes it as \<script
        if name in ("svg", "graphml"):
            ET.fromstring(body.encode("utf-8"))


# --- the command ------------------------------------------------------------------------


def test_help_lists_every_format(cli):
    result = cli("export", "--help")
    assert result.exit_code == 0
    for name in FORMATS:
        assert name in result.stdout


@pytest.mark.parametrize("name", list(FORMATS))
def test_export_writes_the_file(cli, tmp_path, name):
    path = tmp_path / f"out{FORMATS[name].suffix}"
    result = cli("export", SMALL, "--format", name, "--output", path)
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == _bytes(export(_result(SMALL), name))
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_output_dash_writes_to_stdout(cli):
    result = cli("export", SMALL, "-f", "mermaid", "-o", "-", "--view", "current")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == export(_result(SMALL), "mermaid", "current")


def test_never_overwrites_without_force(cli, tmp_path):
    path = tmp_path / "chart.svg"
    path.write_text("old", encoding="utf-8")
    result = cli("export", SMALL, "-f", "svg", "-o", path)
    assert result.exit_code == 2
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert path.read_text(encoding="utf-8") == "old"
    result = cli("export", SMALL, "-f", "svg", "-o", path, "--force")
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8").startswith("<?xml")
    assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]


def test_a_failed_export_leaves_the_old_file_and_nothing_else(cli, tmp_path, monkeypatch):
    path = tmp_path / "report.html"
    path.write_text("old", encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    result = cli("export", SMALL, "-f", "html", "-o", path, "--force")
    assert result.exit_code == 2 and "cannot write" in result.stderr
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_a_renderer_crash_writes_nothing(cli, tmp_path, monkeypatch):
    import orgdesign.present.html as page

    def crash(result, view):
        raise RuntimeError("boom")

    monkeypatch.setattr(page, "render", crash)
    path = tmp_path / "report.html"
    result = cli("export", SMALL, "-f", "html", "-o", path)
    assert result.exit_code == 70 and "internal error" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_bad_input_writes_nothing(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("organization: {name: x}\n", encoding="utf-8")
    out = tmp_path / "out.svg"
    result = cli("export", bad, "-f", "svg", "-o", out)
    assert result.exit_code == 2 and "bad.yaml" in result.stderr
    assert not out.exists()


def test_unknown_format_and_view_are_usage_errors(cli, tmp_path):
    assert cli("export", SMALL, "-f", "pdf", "-o", tmp_path / "x.pdf").exit_code == 2
    assert cli("export", SMALL, "-f", "svg", "--view", "future", "-o", tmp_path / "x.svg").exit_code == 2
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(Exception, match="unknown format"):
        export(_result(SMALL), "pdf")


def test_docstring_examples_run():
    import doctest
    import importlib
    import pkgutil

    import orgdesign

    for info in pkgutil.walk_packages(orgdesign.__path__, "orgdesign."):
        if info.name == "orgdesign.__main__":
            continue
        module = importlib.import_module(info.name)
        assert doctest.testmod(module).failed == 0, info.name
