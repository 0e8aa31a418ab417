"""`export --format pptx`: the deck opens, reads in order, keeps every text at 9 pt or more, and is deterministic."""

from __future__ import annotations

import functools
import io
import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu
from test_injection import HOSTILE, _org

import orgdesign
from orgdesign.present.chart.model import build
from orgdesign.present.formats import export

SECTIONS = [
    "Recommended owners",
    "RACI",
    "Who must work with whom",
    "Findings",
    "Structure",
    "Gap: today → recommended",
    "Evidence",
]


@functools.cache
def _result(path: Path):
    return orgdesign.recommend(orgdesign.load_org(str(path)))


@functools.cache
def _deck(path: Path) -> bytes:
    return export(_result(path), "pptx")


def _slides(data: bytes):
    return list(Presentation(io.BytesIO(data)).slides)


def _title(slide) -> str:
    return next(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame and shape.text_frame.text)


def _texts(slide) -> list[str]:
    out = []
    for shape in slide.shapes:
        if shape.has_table:
            out += [cell.text for row in shape.table.rows for cell in row.cells]
        elif shape.has_text_frame:
            out.append(shape.text_frame.text)
    return out


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_the_deck_reads_in_order(example):
    slides = _slides(_deck(example))
    titles = [_title(s) for s in slides]
    assert titles[0] == _result(example).org.organization.name
    chart = [t for t in titles[1:] if t.startswith("Org chart")]
    assert titles[1] == "Org chart" and titles[1 : 1 + len(chart)] == chart
    rest = [t.removesuffix(" (continued)") for t in titles[1 + len(chart) :]]
    assert list(dict.fromkeys(rest)) == SECTIONS
    assert rest == sorted(rest, key=SECTIONS.index), "a section's slides are not together"
    name = titles[0]
    for number, slide in enumerate(slides[1:], 2):
        assert f"{name} · {number}" in _texts(slide), f"slide {number} has no footer with its number"


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_no_text_under_9_pt(example):
    """Every run and paragraph end names its size, and none is under 9 pt: parts split instead of shrinking."""
    for number, slide in enumerate(_slides(_deck(example)), 1):
        for props in [*slide._element.iter(qn("a:rPr")), *slide._element.iter(qn("a:endParaRPr"))]:
            size = props.get("sz")
            assert size is not None and int(size) >= 900, (example.name, number, size)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_name_is_in_the_deck_and_every_unit_on_a_chart_slide(example):
    result = _result(example)
    chart = build(result)
    slides = _slides(_deck(example))
    text = "\n".join(t for s in slides for t in _texts(s))
    for unit in chart.units.values():
        assert unit.name in text, unit.name
    for objective in result.table.graph.objectives.values():
        assert objective.label in text, objective.label
    boxes = [t.split("\n", 1)[0] for s in slides if _title(s).startswith("Org chart") for t in _box_texts(s)]
    assert set(boxes) == {u.name for u in chart.units.values()}


def _box_texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if _is_box(shape)]


def _is_box(shape) -> bool:
    return shape.shape_type is not None and shape.shape_type == 1 and shape.auto_shape_type == 5  # rounded rect


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_chart_boxes_stay_on_the_slide_and_never_overlap(example):
    data = _deck(example)
    presentation = Presentation(io.BytesIO(data))
    width, height = presentation.slide_width, presentation.slide_height
    for slide in presentation.slides:
        if not _title(slide).startswith("Org chart"):
            continue
        rects = [(s.left, s.top, s.left + s.width, s.top + s.height) for s in slide.shapes if _is_box(s)]
        assert rects
        for left, top, right, bottom in rects:
            assert 0 <= left and right <= width and 0 <= top and bottom <= height - Emu(12700 * 30)
        rects.sort()
        for index, (_, top, right, bottom) in enumerate(rects):
            for other in rects[index + 1 :]:
                if other[0] >= right:
                    break
                assert other[1] >= bottom or other[3] <= top, ("overlap", _title(slide))


def test_a_large_chart_is_a_map_with_parts_each_named_on_the_slide_it_points_to():
    example = ROOT / "examples" / "multinational.yaml"
    slides = _slides(_deck(example))
    chart_titles = [_title(s) for s in slides if _title(s).startswith("Org chart")]
    assert len(chart_titles) > 2
    pointers = 0
    for slide in slides:
        for box in _box_texts(slide):
            found = re.search(r"▸ (\d+) units? below: slide (\d+)", box)
            if found:
                pointers += 1
                name = box.split("\n", 1)[0]
                target = slides[int(found.group(2)) - 1]
                assert name in [t.split("\n", 1)[0] for t in _box_texts(target)], (name, found.group(2))
    assert pointers >= 4  # the four regions at least


def _generated(tmp_path, shape: str):
    """An org of 141 units: `flat` (70 heads under the top, each with one report) or `deep` (one chain)."""
    departments = [{"id": "top", "name": "Top", "function": "executive"}]
    if shape == "flat":
        for i in range(70):
            departments.append({"id": f"h{i}", "name": f"Head {i}", "function": "marketing", "reports_to": "top"})
            departments.append({"id": f"r{i}", "name": f"Report {i}", "function": "sales", "reports_to": f"h{i}"})
    else:
        for i in range(140):
            up = f"u{i - 1}" if i else "top"
            departments.append({"id": f"u{i}", "name": f"Unit {i}", "function": "marketing", "reports_to": up})
    org = {
        "organization": {"name": f"{shape} Corp", "region": "europe", "size": "enterprise"},
        "departments": departments,
        "objectives": [{"id": "brand", "name": "Brand", "kind": "brand_content", "priority": 3}],
    }
    path = tmp_path / f"{shape}.json"
    path.write_text(json.dumps(org), encoding="utf-8")
    return orgdesign.recommend(orgdesign.load_org(str(path)))


@pytest.mark.parametrize("shape", ["flat", "deep"])
def test_a_very_flat_or_very_deep_chart_splits_into_slides_that_all_fit(tmp_path, shape):
    result = _generated(tmp_path, shape)
    slides = _slides(export(result, "pptx"))
    chart = [s for s in slides if _title(s).startswith("Org chart")]
    assert len(chart) > 2
    names = [t.split("\n", 1)[0] for s in chart for t in _box_texts(s)]
    assert set(names) == {u.name for u in build(result).units.values()}
    drawn = Counter(names)
    del drawn["Top"]  # at the head of every map of its reports
    assert max(drawn.values()) <= 2  # a unit is drawn once, or once more where its part begins
    if shape == "flat":  # the top's 70 reports do not fit one map: several, each saying which reports it shows
        assert sum(re.fullmatch(r"Org chart \(reports \d+-\d+ of 70\)", _title(s)) is not None for s in chart) > 1
    for slide in slides:
        for props in slide._element.iter(qn("a:rPr")):
            assert int(props.get("sz")) >= 900
    for slide in chart:
        for box in _box_texts(slide):
            found = re.search(r"below: slide (\d+)", box)
            if found:
                target = slides[int(found.group(1)) - 1]
                assert box.split("\n", 1)[0] in [t.split("\n", 1)[0] for t in _box_texts(target)]


def test_the_same_input_gives_the_same_bytes():
    example = ROOT / "examples" / "airline.yaml"
    again = orgdesign.recommend(orgdesign.load_org(str(example)))
    first, second = _deck(example), export(again, "pptx")
    assert first == second
    assert b"dcterms:created" not in first and b"dcterms:modified" not in first


def test_hostile_names_stay_text(tmp_path):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(_org(HOSTILE)), encoding="utf-8")
    data = export(orgdesign.recommend(orgdesign.load_org(str(path))), "pptx")
    slides = _slides(data)
    text = "\n".join(t for s in slides for t in _texts(s))
    for name in HOSTILE:
        assert name in text, name
    xml = "".join(slide.part.blob.decode("utf-8") for slide in slides)
    assert "<b>" not in xml and "<![CDATA" not in xml
    assert "&lt;b&gt;tag&lt;/b&gt;" in xml and "]]&gt; {braces}" in xml


def test_export_writes_a_deck_and_stdout_takes_the_bytes_but_a_terminal_does_not(cli, tmp_path, monkeypatch):
    example = ROOT / "examples" / "small_agency.yaml"
    path = tmp_path / "deck.pptx"
    result = cli("export", example, "-f", "pptx", "-o", path)
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == _deck(example)
    result = cli("export", example, "-f", "pptx", "-o", "-")
    assert result.exit_code == 0 and result.stdout_bytes == _deck(example)
    monkeypatch.setattr("orgdesign.cli.export._terminal", lambda: True)
    result = cli("export", example, "-f", "pptx", "-o", "-")
    assert result.exit_code == 2 and "binary" in result.stderr and not result.stdout_bytes


@pytest.mark.integration
@pytest.mark.parametrize("name", ["airline", "multinational"])
def test_libreoffice_converts_the_deck_to_a_pdf_of_every_slide(name, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: Debian package libreoffice-impress")
    data = _deck(ROOT / "examples" / f"{name}.yaml")
    deck = tmp_path / f"{name}.pptx"
    deck.write_bytes(data)
    profile = (tmp_path / "lo").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", tmp_path, deck],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = (tmp_path / f"{name}.pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    assert pages == len(_slides(data))
