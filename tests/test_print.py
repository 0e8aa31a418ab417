"""The HTML report printed to PDF by Chromium: every RACI cell is on paper, and the chart prints legibly.

Integration tests: each prints a bundled example with Debian's chromium and reads the PDF's text back
with pypdf (in the `test` extra). Skipped when chromium is missing, except in CI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from conftest import EXAMPLES

from orgdesign.engine.pipeline import recommend
from orgdesign.input.load import load_org
from orgdesign.present.chart.model import build
from orgdesign.present.chart.pages import SCALE, parts
from orgdesign.present.formats import export
from orgdesign.present.view import recommendation

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def browser() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing; .ci/run installs Debian's chromium before the tests")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


def _print(browser: str, html: str, folder: Path) -> Path:
    page, pdf = folder / "report.html", folder / "report.pdf"
    page.write_text(html, encoding="utf-8")
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={folder / 'profile'}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri(),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
    assert pdf.exists(), done.stderr[-2000:]
    return pdf


@pytest.fixture(scope="module", params=EXAMPLES, ids=[p.stem for p in EXAMPLES])
def printed(request, browser, tmp_path_factory):
    """An example's recommendation and its report printed to PDF, read with pypdf (printed once per example)."""
    pypdf = pytest.importorskip("pypdf", reason="pypdf is in the test extra: pip install -e '.[test]'")
    result = recommend(load_org(str(request.param)))
    folder = tmp_path_factory.mktemp(request.param.stem)
    return result, pypdf.PdfReader(_print(browser, export(result, "html"), folder))


def _words(text: str) -> str:
    """Text with ligatures undone and all whitespace as single spaces, for matching names."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_the_printed_report_shows_every_raci_cell(printed):
    result, pdf = printed
    pages = [page.extract_text() or "" for page in pdf.pages]
    start = next(i for i, text in enumerate(pages) if "accountable (the owner)" in text)
    end = start  # the RACI has landscape pages of its own
    while end < len(pages) and pdf.pages[end].mediabox.width > pdf.pages[end].mediabox.height:
        end += 1
    assert end > start, "the RACI prints on landscape pages"
    matrix = next(b for s in recommendation(result).sections if s.key == "raci" for b in s.blocks if hasattr(b, "rows"))
    on_paper = _words(" ".join(pages[start:end]))
    for column, (name, _) in enumerate(matrix.columns):
        assert _words(name) in on_paper, f"RACI column {column + 1} ({name}) is not on paper"
    lines = [_words(line) for text in pages[start:end] for line in text.splitlines()]
    for label, codes in matrix.rows:
        title = _words("".join(span.text for span in label))
        rows = [line for line in lines if line.startswith(title + " ") or line == title]
        letters = [code for line in rows for code in line[len(title) :].split() if code in "ARCI"]
        assert rows, f"the row of {title} is not on paper"
        assert letters.count("A") == codes.count("A") == 1, f"{title}: {letters} on paper, {codes} in the report"
        assert sorted(letters) == sorted(c for c in codes if c), f"{title}: a RACI cell is missing on paper"


def test_the_printed_chart_is_legible_and_complete(printed):
    """Each part of the chart prints at 6 pt text or more, on pages of the right orientation, with every unit."""
    result, pdf = printed
    chart = build(result)
    printed = parts(chart)
    for part in printed:
        width = float(re.search(r'viewBox="0 0 ([\d.]+)', part.svg)[1])
        assert part.width / width >= SCALE or "relationship" in part.caption, part.caption
    drawn = set(re.findall(r'data-unit="([^"]+)"', "".join(p.svg for p in printed)))
    assert drawn == set(chart.units), "every unit is on one of the printed parts"
    texts = [_words(page.extract_text() or "") for page in pdf.pages]
    for part in printed:
        found = [i for i, text in enumerate(texts) if text.startswith(_words(part.caption))]
        assert found, f"no page starts with {part.caption!r}"
        box = pdf.pages[found[0]].mediabox
        assert (float(box.width) > float(box.height)) == part.landscape, part.caption
