"""Display blocks that every format knows how to draw: the vocabulary between views and renderers.

A view (see `view.py`) says *what* a reader sees, once, as sections of these
blocks; the terminal, Markdown and HTML renderers each say *how*, for any
block, without knowing which section it belongs to. Text is kept as spans
with a role (`strong`, `muted`, `id`...), never as markup, so each renderer
escapes it its own way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from orgdesign.i18n import _

# What a span is, for the renderers: "" plain, "strong", "muted", "id" (something a user types),
# "code" (a rule id), "good", "bad", "warn", "evidence" (an evidence id: a link in HTML), "link" (to `target`).
KINDS = ("", "strong", "muted", "id", "code", "good", "bad", "warn", "evidence", "link")


@dataclass(frozen=True)
class Span:
    """A piece of text with the role it plays."""

    text: str
    kind: str = ""
    target: str = ""  # the anchor a "link" points to


Line = tuple[Span, ...]


def line(*parts: str | Span) -> Line:
    """Build a line from plain strings and spans.

    >>> line("fit ", Span("3.00", "strong"))
    (Span(text='fit ', kind='', target=''), Span(text='3.00', kind='strong', target=''))
    """
    return tuple(p if isinstance(p, Span) else Span(p) for p in parts if p != "")


def labelled(label: str) -> str:
    """A label before its value, as the language writes it: "Owner:" (French puts a space before the colon).

    The renderers pass the label already escaped or marked up; the message only places the colon.
    """
    # Translators: a label before its value, e.g. "Owner:"; French writes "{label} :" (with a no-break space).
    return _("{label}:").format(label=label)


def colon() -> str:
    """The colon after a label, as the language writes it: ":" (French: a no-break space and ":")."""
    return labelled("")


def semicolon() -> str:
    """The separator between clauses or items, as the language writes it: "; " (French: a no-break space first)."""
    # Translators: the separator between clauses or names, "; ". French writes a no-break space before ";".
    return _("; ")


def plain(spans: Line) -> str:
    """The text of a line without its roles."""
    return "".join(s.text for s in spans)


def evidence(ids) -> Line:
    """Evidence ids, comma separated, each a span a renderer can link."""
    out: list[Span] = []
    for index, eid in enumerate(ids):
        if index:
            out.append(Span(", "))
        out.append(Span(eid, "evidence"))
    return tuple(out)


@dataclass(frozen=True)
class Column:
    header: str
    numeric: bool = False
    whole: bool = False  # keep each cell on one line where the width allows (rule ids)


@dataclass(frozen=True)
class Table:
    """Rows of cells under column headers; `footer` is an optional last row (totals)."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Line, ...], ...]
    footer: tuple[Line, ...] | None = None


@dataclass(frozen=True)
class Matrix:
    """Rows against columns with a short code in each cell (the RACI); `legend` gives the codes in order."""

    corner: str
    columns: tuple[tuple[str, str], ...]  # (name, id)
    rows: tuple[tuple[Line, tuple[str, ...]], ...]  # (row label, code per column, "" for none)
    legend: tuple[tuple[str, str], ...]  # (code, meaning)
    row_ids: tuple[str, ...] = ()  # what a machine keys each row by (the CSV's first column)
    roles: tuple[str, ...] = ()  # each code's role in one word, for column heads; the legend's first word if none

    def role(self, index: int) -> str:
        """The role of the legend's `index`-th code in one word: "accountable"."""
        return self.roles[index] if index < len(self.roles) else self.legend[index][1].split(" ")[0]


@dataclass(frozen=True)
class Item:
    """One entry of a list: a line, further lines under it, and a tone (a finding's severity)."""

    text: Line
    details: tuple[Line, ...] = ()
    tone: str = ""
    anchor: str = ""


@dataclass(frozen=True)
class Items:
    items: tuple[Item, ...]
    empty: str = ""  # what to say when there are none
    marks: bool = True  # a mark before each item where the format has none of its own (the terminal)


@dataclass(frozen=True)
class Paragraph:
    text: Line
    note: bool = False  # an aside explaining the block after it


@dataclass(frozen=True)
class Facts:
    """Labelled values: a definition list; `cards` asks for the large summary look where there is one."""

    pairs: tuple[tuple[str, Line], ...]
    cards: bool = False


@dataclass(frozen=True)
class Chart:
    """The org chart: drawn as SVG in HTML and as a Mermaid block in Markdown; `view` picks its owners."""

    view: str = "recommended"


@dataclass(frozen=True)
class Part:
    """A titled group of blocks inside a section (one objective's reasons)."""

    title: Line
    anchor: str
    blocks: tuple[Any, ...]


Block = Table | Matrix | Items | Paragraph | Facts | Chart | Part


@dataclass(frozen=True)
class Section:
    """One labelled part of a report: blocks for people, `data` for machines (merged into the JSON)."""

    key: str
    title: str
    blocks: tuple[Block, ...]
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Document:
    """A whole report: a title, a line of facts under it, and its sections in reading order."""

    title: str
    facts: tuple[str, ...]
    sections: tuple[Section, ...]
    data: dict[str, Any] = field(default_factory=dict)  # fields of the JSON that belong to no section

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)
