"""The deck's frame: a 16:9 slide, titles, styled text and deterministic bytes.

Every size is in points on a 960 x 540 pt slide (13.33 x 7.5 in). Text never
goes under `MIN_PT`: a part that would need smaller text is split over more
slides instead. Every string is passed through `clean` and set as run text,
which python-pptx escapes, so a name from the org file stays plain text.
"""

from __future__ import annotations

import io
import zipfile

from lxml.etree import SubElement
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.util import Pt

from orgdesign import i18n
from orgdesign.present.chart.layout import wrap
from orgdesign.present.chart.model import COLORS
from orgdesign.present.document import Line
from orgdesign.present.plain import clean

WIDTH, HEIGHT = 960.0, 540.0
MARGIN = 36.0
TITLE_SIZE = 24.0
BODY_TOP = 84.0  # below the title and its note
BODY_BOTTOM = 508.0  # above the footer
BODY_W = WIDTH - 2 * MARGIN
BODY_H = BODY_BOTTOM - BODY_TOP
MIN_PT = 9.0
# The language PowerPoint spell-checks each run in; Spanish as a Mexican client writes it.
LANGUAGE_TAGS = {"en": "en-US", "fr": "fr-FR", "de": "de-DE", "es": "es-MX"}
TEXT_SIZE = 11.0
FONT = "Arial"  # text is measured in DejaVu Sans, which is wider: what fits there fits in Arial

# How each span kind of the view (document.KINDS, plus a finding's severity) is drawn.
STYLES: dict[str, dict] = {
    "strong": {"bold": True},
    "muted": {"color": COLORS["muted"]},
    "id": {"color": COLORS["muted"]},
    "code": {"color": COLORS["muted"], "font": "Courier New"},
    "good": {"color": "#2b7a3d", "bold": True},
    "bad": {"color": "#c92a2a", "bold": True},
    "warn": {"color": "#a8570b"},
    "evidence": {"color": COLORS["owner"]},
    "error": {"color": "#c92a2a", "bold": True},
    "warning": {"color": "#a8570b", "bold": True},
    "info": {"color": COLORS["owner"], "bold": True},
}


def rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#"))


def lines_needed(text: str, size: float, width: float, bold: bool = False) -> int:
    """How many lines `text` takes in `width` pt at `size` pt (measured in DejaVu Sans, so an upper bound)."""
    return sum(len(wrap(part, size, max(width, size), bold, max_lines=1_000)) for part in text.split("\n"))


class Deck:
    """A presentation being built: blank 16:9 slides with a title, a note and a footer."""

    def __init__(self, organization: str):
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = Pt(WIDTH), Pt(HEIGHT)
        self.blank = self.prs.slide_layouts[6]
        self.organization = clean(organization)

    @property
    def count(self) -> int:
        return len(self.prs.slides)

    def slide(self, title: str, note: Line | str = ""):
        """A new slide with its title (one line, cut with … if too long), a note under it and a footer."""
        slide = self.prs.slides.add_slide(self.blank)
        heading = wrap(clean(title), TITLE_SIZE, BODY_W, bold=True, max_lines=1)[0]
        text(slide, MARGIN, 22.0, BODY_W, 34.0, [[(heading, {"bold": True, "color": COLORS["ink"]})]], TITLE_SIZE)
        if note:
            spans = [(note, {"color": COLORS["muted"]})] if isinstance(note, str) else runs(note, muted=True)
            text(slide, MARGIN, 56.0, BODY_W, 26.0, [spans], 10.5)
        footer = f"{self.organization} · {self.count}"
        text(slide, MARGIN, 514.0, BODY_W, 16.0, [[(footer, {"color": COLORS["muted"]})]], MIN_PT, align="right")
        return slide

    def save(self) -> bytes:
        """The deck as bytes, the same for the same input: no dates, fixed zip timestamps."""
        props = self.prs.core_properties
        props.title = self.organization
        props.author = props.last_modified_by = "orgdesign"
        props.revision = 1
        element = props._element
        for child in list(element):
            if child.tag.rsplit("}", 1)[-1] in ("created", "modified", "lastPrinted"):
                element.remove(child)
        raw = io.BytesIO()
        self.prs.save(raw)
        out = io.BytesIO()
        with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
                fixed.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(fixed, source.read(info.filename))
        return out.getvalue()


class Tally:
    """Counts the slides a section would take, drawing nothing (to number slides before they exist)."""

    def __init__(self) -> None:
        self.count = 0

    def slide(self, title: str, note: Line | str = "") -> None:
        self.count += 1


def unstyled(shape) -> None:
    """Drop the theme style python-pptx gives new shapes (its shadow and theme colours): ours are explicit."""
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)


def runs(spans: Line, muted: bool = False) -> list[tuple[str, dict]]:
    """A view line as (text, style) runs."""
    out = []
    for span in spans:
        style = dict(STYLES.get(span.kind, {}))
        if muted and "color" not in style:
            style["color"] = COLORS["muted"]
        out.append((span.text, style))
    return out


def text(slide, x, y, w, h, paragraphs, size: float, align: str = "left", margin: float = 0.0, gaps=()):
    """A text box of paragraphs, each a list of (text, style) runs; the box never grows or shrinks its text."""
    box = slide.shapes.add_textbox(Pt(x), Pt(y), Pt(w), Pt(h))
    fill_frame(box.text_frame, paragraphs, size, align, margin=margin, gaps=gaps)
    return box


def fill_frame(frame, paragraphs, size: float, align: str = "left", margin: float = 0.0, gaps=()) -> None:
    """Write paragraphs of (text, style) runs into a text frame, every run and paragraph end sized.

    `gaps` gives the space before each paragraph, in points (none when absent).

    The runs are written as DrawingML elements directly (python-pptx's run API
    takes most of a deck's time); lxml escapes the text, which `clean` has
    already made printable.
    """
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = Pt(margin)
    body = frame._txBody
    tag = LANGUAGE_TAGS.get(i18n.language(), "en-US")
    for old in body.findall(qn("a:p")):
        body.remove(old)
    for index, spans in enumerate(paragraphs):
        paragraph = SubElement(body, qn("a:p"))
        settings = SubElement(paragraph, qn("a:pPr"), algn={"left": "l", "right": "r", "center": "ctr"}[align])
        if index < len(gaps) and gaps[index]:
            before = SubElement(settings, qn("a:spcBef"))
            SubElement(before, qn("a:spcPts"), val=str(round(gaps[index] * 100)))
        for content, style in spans:
            run = SubElement(paragraph, qn("a:r"))
            props = SubElement(run, qn("a:rPr"), lang=tag, sz=centipoints(style.get("size", size)))
            props.set("b", "1" if style.get("bold") else "0")
            if style.get("italic"):
                props.set("i", "1")
            fill = SubElement(props, qn("a:solidFill"))
            SubElement(fill, qn("a:srgbClr"), val=style.get("color", COLORS["ink"]).lstrip("#").upper())
            SubElement(props, qn("a:latin"), typeface=style.get("font", FONT))
            SubElement(run, qn("a:t")).text = clean(content)
        SubElement(paragraph, qn("a:endParaRPr"), lang=tag, sz=centipoints(size))


def centipoints(size: float) -> str:
    """A font size as DrawingML writes it, in hundredths of a point (9.0000001 pt is 900).

    >>> centipoints(11), centipoints(9.000000001)
    ('1100', '900')
    """
    return str(round(size * 100))
