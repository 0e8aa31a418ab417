"""Exports: the org chart and the report in the formats a consultant hands over.

One module per format, each with `render(result, view) -> str` (bytes for a binary format); `FORMATS` lists
them and `export()` is the single entry point. Nothing here writes a file: the
CLI hands the text to `orgdesign.write.write_atomic`, the one writer. Modules
are imported only when their format is asked for, so listing formats is cheap.

>>> sorted(FORMATS)[:3]
['csv', 'dot', 'graphml']
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

VIEWS = ("recommended", "current")


@dataclass(frozen=True)
class Format:
    """One export format: its name on the command line, its module and its usual file suffix."""

    name: str
    module: str
    suffix: str
    description: str
    binary: bool = False  # bytes, not text: never written to a terminal, compared by its text in tests


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "mermaid",
            "chart.mermaid",
            ".mmd",
            "Mermaid flowchart of the org chart (GitHub, GitLab, Notion, Confluence)",
        ),
        Format("dot", "chart.dot", ".dot", "Graphviz source of the org chart"),
        Format("graphml", "chart.graphml", ".graphml", "GraphML of the org chart (networkx, yEd, Gephi)"),
        Format("json", "chart.nodelink", ".json", "node-link graph of the org chart with the whole recommendation"),
        Format("csv", "raci_csv", ".csv", "RACI matrix, objectives x departments (Excel, Google Sheets)"),
        Format("svg", "chart.svg", ".svg", "the org chart drawn as SVG, no system binary needed"),
        Format("html", "html", ".html", "one self-contained report: chart, owners, RACI, findings, reasons"),
        Format("markdown", "markdown_chart", ".md", "the report as Markdown with the Mermaid chart embedded"),
        Format("pptx", "deck", ".pptx", "an editable PowerPoint deck: chart, owners, RACI, findings, gap", True),
        Format(
            "xlsx",
            "xlsx",
            ".xlsx",
            "workbook: owners, colour-coded RACI, findings, gap and the inputs (Excel, Calc)",
            True,
        ),
    )
}


def export(result, format: str, view: str = "recommended") -> str | bytes:
    """Render a Recommendation in one format; `view` picks the ownership the chart shows.

    `view="current"` draws today's owners (from the org file) and no links or
    proposed units; tables and reasons are always the recommendation's.
    """
    from orgdesign.errors import BadValue
    from orgdesign.i18n import _

    if format not in FORMATS:
        said = _("unknown format {name} (expected one of: {names})")
        raise BadValue("format", said.format(name=repr(format), names=", ".join(FORMATS)))
    if view not in VIEWS:
        said = _("unknown view {name} (expected one of: {names})")
        raise BadValue("view", said.format(name=repr(view), names=", ".join(VIEWS)))
    module = importlib.import_module(f"orgdesign.present.{FORMATS[format].module}")
    return module.render(result, view)


__all__ = ["FORMATS", "VIEWS", "Format", "export"]
