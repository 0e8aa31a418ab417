"""Any view as Markdown, for pasting into a wiki or a pull request.

A generic renderer of the view's blocks (see `document.py`). Names from org
files are escaped so they cannot add markup, links or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from orgdesign.i18n import language
from orgdesign.present import document as doc
from orgdesign.present.plain import clean

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~&])")
# What GitHub's renderer (GFM) turns into a link by itself: `scheme://`, `www.` and `name@domain`,
# and on GitHub's pages @mentions and #123 issue references. An escaped ':' or '.' stops the
# first two; the others survive escapes, so an empty HTML comment after the '@' or '#' splits them
# without showing anything.
_AUTOLINK = re.compile(r"(?i):(?=//)|(?<=www)\.|@(?=\w)|(?<=\\#)(?=\d)")


def md(value: object) -> str:
    r"""Escape text for Markdown (tables included), so that it can add no markup or link; newlines become spaces.

    >>> md("a|b *c*")
    'a\\|b \\*c\\*'
    >>> md("https://x.example www.x.example me@x.example #1")
    'https\\://x.example www\\.x.example me@<!-- -->x.example \\#<!-- -->1'
    """
    text = _SPECIAL.sub(r"\\\1", clean(str(value)).replace("\n", " ").replace("\\x0a", " "))
    return _AUTOLINK.sub(_unlink, text)


def _unlink(match: re.Match) -> str:
    found = match.group()
    return found + "<!-- -->" if found in ("@", "") else "\\" + found


def to_markdown(result) -> str:
    """The recommendation as Markdown (no chart; `markdown_chart` adds one)."""
    from orgdesign.present.view import recommendation, report_title

    document = recommendation(result)
    return render_document(replace(document, title=report_title(document.title)))


def render_document(document, prefix: str = "", chart: Callable[[str], list[str]] | None = None) -> str:
    """A view Document as Markdown; `chart(view)` gives the lines that draw a Chart block.

    A language other than English is declared in a front-matter block at the top (pandoc and MkDocs read it).
    """
    lines = front_matter() + [f"# {md(prefix + document.title)}", ""]
    if document.facts:
        lines += [md(" · ".join(document.facts)), ""]
    for section in document.sections:
        lines += [f"## {md(section.title)}", ""]
        for block in section.blocks:
            lines += _block(block, chart) + [""]
    return "\n".join(lines).rstrip() + "\n"


def front_matter() -> list[str]:
    """The lines that declare the language of a Markdown document; none for English."""
    code = language()
    return [] if code == "en" else ["---", f"lang: {code}", "---", ""]


def spans(line) -> str:
    """A view line as Markdown, every piece escaped."""
    out = []
    for span in line:
        text = md(span.text)
        if span.kind == "strong" and text.strip():
            text = f"**{text}**"
        elif span.kind == "code" and text and "`" not in span.text:
            text = f"`{clean(span.text)}`"
        out.append(text)
    return "".join(out)


def _block(block, chart) -> list[str]:
    if isinstance(block, doc.Paragraph):
        return [spans(block.text)]
    if isinstance(block, doc.Facts):
        return [f"- {doc.labelled(f'**{md(label)}**')} {spans(value)}" for label, value in block.pairs]
    if isinstance(block, doc.Items):
        if not block.items:
            return [md(block.empty)] if block.empty else []
        out = []
        for item in block.items:
            out.append(f"- {spans(item.text)}" + ("  " if item.details else ""))
            out += [
                f"  {spans(detail)}" + ("  " if index < len(item.details) - 1 else "")
                for index, detail in enumerate(item.details)
            ]
        return out
    if isinstance(block, doc.Table):
        rows = [
            *block.rows,
            *([tuple((doc.Span(doc.plain(c), "strong"),) for c in block.footer)] if block.footer else []),
        ]
        return _table(
            [md(c.header) for c in block.columns],
            [c.numeric for c in block.columns],
            [[spans(c) for c in row] for row in rows],
        )
    if isinstance(block, doc.Matrix):
        headers = [md(block.corner)] + [
            f"{md(code)} ({md(block.role(i))})" for i, (code, _m) in enumerate(block.legend)
        ]
        rows = []
        for label, codes in block.rows:
            cells = [spans(label)]
            for code, _meaning in block.legend:
                cells.append(
                    ", ".join(
                        md(name) for (name, _ident), have in zip(block.columns, codes, strict=True) if have == code
                    )
                )
            rows.append(cells)
        return _table(headers, [False] * len(headers), rows)
    if isinstance(block, doc.Part):
        out = [f"### {spans(block.title)}", ""]
        for inner in block.blocks:
            out += _block(inner, chart) + [""]
        return out[:-1]
    if isinstance(block, doc.Chart):
        return chart(block.view) if chart else []
    raise TypeError(f"no Markdown for {type(block).__name__}")


def _table(headers: list[str], numeric: list[bool], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
    return out + ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
