"""The HTML report in a real headless browser (Debian's chromium): it renders, the chart shows, nothing complains.

Skipped when chromium is missing, except in CI (CI=… set), where .ci/run installs it and
a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

from orgdesign.engine.pipeline import recommend
from orgdesign.input.load import load_org
from orgdesign.present.chart.model import COLORS, build
from orgdesign.present.formats import export

WIDTH, HEIGHT = 1200, 900
# What a page may say on the console: nothing. These are the shapes chromium gives page messages.
COMPLAINTS = re.compile(r":CONSOLE|Uncaught|Refused to|violates the following Content Security Policy", re.I)


@pytest.fixture(scope="module")
def browser() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing; .ci/run installs Debian's chromium before the tests")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


@pytest.fixture(scope="module")
def airline():
    return recommend(load_org(str(ROOT / "examples" / "airline.yaml")))


@pytest.fixture(scope="module")
def report(airline, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "airline.html"
    path.write_text(export(airline, "html"), encoding="utf-8")
    return path


def _run(browser: str, folder: Path, url: str, *args: str) -> subprocess.CompletedProcess:
    profile = folder / f"profile-{len(list(folder.glob('profile-*')))}"
    profile.mkdir()
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--hide-scrollbars", f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}",
        *args, url,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)


def read_png(path: Path) -> tuple[int, int, list[bytes], int]:
    """Decode an 8-bit, non-interlaced RGB or RGBA PNG: (width, height, rows, bytes per pixel)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, compressed = 8, bytearray()
    width = height = channels = 0
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0 and colour in (2, 6), (depth, colour, interlace)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            compressed += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(bytes(compressed))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:
            for x in range(channels, stride):
                line[x] = (line[x] + line[x - channels]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, previous, strict=True))
        elif kind == 3:
            for x in range(stride):
                left = line[x - channels] if x >= channels else 0
                line[x] = (line[x] + ((left + previous[x]) >> 1)) & 255
        elif kind == 4:
            for x in range(stride):
                a = line[x - channels] if x >= channels else 0
                b, c = previous[x], previous[x - channels] if x >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, rows, channels


def _near(pixel: tuple[int, int, int], colour: str, tolerance: int = 48) -> bool:
    target = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, target, strict=True))


def test_the_report_renders_with_the_chart_visible(browser, report, tmp_path):
    shot = tmp_path / "shot.png"
    done = _run(browser, tmp_path, report.as_uri(), f"--screenshot={shot}")
    assert shot.exists(), done.stderr[-2000:]
    width, height, rows, channels = read_png(shot)
    assert (width, height) == (WIDTH, HEIGHT)
    pixels = [tuple(row[x : x + 3]) for row in rows[::3] for x in range(0, len(row), channels * 3)]
    ink = [p for p in pixels if sum(p) < 600]
    assert len(ink) > len(pixels) * 0.01, "the page is blank"
    assert len(set(pixels)) > 30, "the page has almost no colours"
    # Below the header and the summary cards, the first screen shows the chart: department boxes
    # outlined in the owner blue; the collaboration links, in orange, are in the panel under the tree.
    chart = [tuple(row[x : x + 3]) for row in rows[450:] for x in range(0, len(row), channels)]
    owners = sum(_near(p, COLORS["owner"]) for p in chart)
    assert owners > 300, f"no department boxes in the chart area ({owners} blue pixels)"
    tall = tmp_path / "tall.png"
    _run(browser, tmp_path, report.as_uri(), f"--screenshot={tall}", f"--window-size={WIDTH},{3 * HEIGHT}")
    _, _, rows, channels = read_png(tall)
    panel = [tuple(row[x : x + 3]) for row in rows[HEIGHT:] for x in range(0, len(row), channels)]
    links = sum(_near(p, COLORS["link"], 40) for p in panel)
    assert links > 30, f"no collaboration links under the tree ({links} orange pixels)"


def test_the_dom_has_the_chart_and_every_section(browser, airline, report, tmp_path):
    done = _run(browser, tmp_path, report.as_uri(), "--dump-dom")
    dom = done.stdout
    assert "<svg" in dom, done.stderr[-2000:]
    units = set(re.findall(r'<g data-unit="([^"]+)">', dom))
    assert units == set(build(airline).units)
    for section in ("chart", "owners", "raci", "links", "findings", "structure", "gap", "why", "evidence"):
        assert f'<section id="{section}">' in dom, section
    assert "<script" not in dom


def test_no_console_errors_and_no_requests(browser, report, tmp_path):
    done = _run(browser, tmp_path, report.as_uri(), "--enable-logging=stderr", "--v=0", "--dump-dom")
    assert "<svg" in done.stdout
    complaints = [line for line in done.stderr.splitlines() if COMPLAINTS.search(line)]
    assert complaints == []


def test_the_console_check_catches_a_page_that_misbehaves(browser, tmp_path):
    """The check above is only worth something if it sees a blocked request or a script error."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; img-src data:\"></head><body><p>x</p>"
        '<img src="http://192.0.2.1/x.png"><script>missing()</script></body></html>',
        encoding="utf-8",
    )
    done = _run(browser, tmp_path, page.as_uri(), "--enable-logging=stderr", "--v=0", "--dump-dom")
    assert any(COMPLAINTS.search(line) for line in done.stderr.splitlines()), done.stderr[-2000:]


def test_the_report_prints(browser, report, tmp_path):
    pdf = tmp_path / "report.pdf"
    done = _run(browser, tmp_path, report.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert pdf.exists(), done.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 2


PHONE = 390
# Appended to a copy of the report without its CSP (the report itself runs no script): the page's
# width as the phone lays it out, and how many elements stick out, sent to the frame around it.
MEASURE = (
    "<script>parent.postMessage([document.documentElement.scrollWidth, innerWidth,"
    " [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1"
    " && !e.closest('.scroll, .chart')).length].join(' '), '*')</script>"
)


def _on_a_phone(browser: str, html: str, folder: Path) -> tuple[int, int, int]:
    """Lay the report out in a 390 px frame (headless chromium's window is at least 500 px wide)."""
    page, frame = folder / "phone.html", folder / "frame.html"
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    page.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    frame.write_text(
        f'<!DOCTYPE html><html><body style="margin:0"><iframe src="{page.name}" width="{PHONE}" height="800"'
        ' style="border:0"></iframe><script>addEventListener("message", e => document.body.setAttribute('
        '"data-measured", e.data))</script></body></html>',
        encoding="utf-8",
    )
    done = _run(browser, folder, frame.as_uri(), "--dump-dom", "--virtual-time-budget=5000")
    found = re.search(r'data-measured="(\d+) (\d+) (\d+)"', done.stdout)
    assert found, done.stderr[-2000:]
    return int(found[1]), int(found[2]), int(found[3])


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_report_does_not_scroll_sideways_on_a_phone(browser, example, tmp_path):
    """At 390 px the page fits its width: the nav wraps, and wide tables and the chart scroll in their own boxes."""
    html = export(recommend(load_org(str(example))), "html")
    scroll_width, width, sticking_out = _on_a_phone(browser, html, tmp_path)
    assert width <= PHONE
    assert scroll_width <= width, f"the page is {scroll_width} px wide on a {width} px screen"
    assert sticking_out == 0, f"{sticking_out} elements stick out of the screen"


def test_the_phone_check_sees_a_page_too_wide(browser, tmp_path):
    html = export(recommend(load_org(str(ROOT / "examples" / "small_agency.yaml"))), "html")
    assert _on_a_phone(browser, html.replace("nav { margin-top: 10px;", "nav { width: 800px;", 1), tmp_path)[0] > PHONE
