"""`export --format pptx`: the recommendation as an editable 16:9 PowerPoint deck.

Slides, from the view model (`present.view.recommendation`) and the chart
model, never re-derived: a title slide with the summary; the org chart as
native shapes (split over a map and parts when large, see `deck.chart`); the
owners; the RACI; who works with whom; the findings; the structure; the gap;
the evidence cited. Every slide's text is real text the client can edit.
"""

from __future__ import annotations

from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Pt

from orgdesign.i18n import _
from orgdesign.present.chart.layout import text_width, wrap
from orgdesign.present.chart.model import COLORS, build
from orgdesign.present.deck import chart as chart_slides
from orgdesign.present.deck.base import BODY_W, HEIGHT, MARGIN, Deck, Tally, fill_frame, rgb, runs, text, unstyled
from orgdesign.present.deck.blocks import render_section
from orgdesign.present.document import Document, Facts, plain
from orgdesign.present.plain import clean
from orgdesign.present.view import recommendation

SECTIONS = ("owners", "raci", "links", "findings", "structure", "gap", "evidence")


def render(result, view: str = "recommended") -> bytes:
    """The deck's bytes; `view` picks whose ownership the chart shows."""
    document = recommendation(result)
    chart = build(result, view)
    pages, boxes = chart_slides.plan(chart)
    links_slide = 2 + len(pages) + _slides_before_links(document)
    return _deck(document, chart, pages, boxes, links_slide).save()


def outline(data: bytes) -> str:
    """The text of a deck, slide by slide, shape by shape (a table's rows as cells joined by " | ").

    A stable text digest of the binary file, to diff two decks or search one;
    the goldens keep this instead of the bytes.
    """
    import io

    from pptx import Presentation

    out = []
    for number, slide in enumerate(Presentation(io.BytesIO(data)).slides, 1):
        out.append(f"--- slide {number}")
        for shape in slide.shapes:
            if shape.has_table:
                out.extend(" | ".join(cell.text for cell in row.cells) for row in shape.table.rows)
            elif shape.has_text_frame and shape.text_frame.text:
                out.append(shape.text_frame.text)
    return "\n".join(out) + "\n"


def _slides_before_links(document: Document) -> int:
    """How many slides the owners and the RACI take (the chart slides point to the links slide)."""
    deck = Tally()
    for key in SECTIONS[:2]:
        render_section(deck, document.section(key))
    return deck.count


def _deck(document: Document, chart, pages, boxes, links_slide: int) -> Deck:
    deck = Deck(document.title)
    _title_slide(deck, document)
    chart_slides.draw(deck, chart, pages, boxes, 2, links_slide)
    for key in SECTIONS:
        render_section(deck, document.section(key))
    return deck


def _title_slide(deck: Deck, document: Document) -> None:
    """The organization, its facts, and the summary as four cards."""
    slide = deck.prs.slides.add_slide(deck.blank)
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, deck.prs.slide_width, Pt(6))
    band.fill.solid()
    band.fill.fore_color.rgb = rgb(COLORS["owner"])
    band.line.fill.background()
    unstyled(band)
    ink, muted = {"bold": True, "color": COLORS["ink"]}, {"color": COLORS["muted"]}
    name = " ".join(document.title.split())
    size = 36.0 if text_width(name, 36.0, bold=True) <= BODY_W else 26.0  # a long name takes two lines
    name = " ".join(wrap(clean(name), size, BODY_W, bold=True, max_lines=2))
    text(slide, MARGIN, 100, BODY_W, 76, [[(name, ink)]], size)
    text(slide, MARGIN, 180, BODY_W, 26, [[(" · ".join(document.facts), muted)]], 16)
    text(slide, MARGIN, 212, BODY_W, 26, [[(_("Who should own social media: the recommendation"), muted)]], 16)
    summary = next(b for b in document.section("summary").blocks if isinstance(b, Facts))
    gap = 12.0
    width = (BODY_W - gap * (len(summary.pairs) - 1)) / len(summary.pairs)
    for index, (label, value) in enumerate(summary.pairs):
        card = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Pt(MARGIN + index * (width + gap)), Pt(300),
                                      Pt(width), Pt(96))  # fmt: skip
        card.adjustments[0] = 0.06
        card.fill.solid()
        card.fill.fore_color.rgb = rgb(COLORS["owner_fill"])
        card.line.color.rgb = rgb(COLORS["owner"])
        unstyled(card)
        size = 18.0 if len(plain(value)) < 30 else 12.0
        label_runs = [(label, {**muted, "size": 11.0})]
        value_runs = [(words, {**style, "bold": True}) for words, style in runs(value)]
        fill_frame(card.text_frame, [label_runs, value_runs], size, margin=10)
    text(slide, MARGIN, HEIGHT - 60, BODY_W, 20, [[(_("Made with orgdesign"), muted)]], 10)
