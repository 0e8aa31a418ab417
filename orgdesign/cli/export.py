"""`orgdesign export`: the org chart and the report in a file format people already use."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from orgdesign.cli.common import (
    Forbid,
    Lang,
    OrgFileArgument,
    Pin,
    Rules,
    Sets,
    With,
    Without,
    boundary,
    emit,
    run,
    what_if,
)
from orgdesign.errors import UsageError
from orgdesign.i18n import _
from orgdesign.present.formats import FORMATS, VIEWS

Format = StrEnum("Format", {name: name for name in FORMATS})
View = StrEnum("View", {name: name for name in VIEWS})


@boundary
def export(
    file: OrgFileArgument,
    format: Annotated[
        Format,
        typer.Option("--format", "-f", help="One of the formats above.", metavar="FORMAT", case_sensitive=False),
    ],
    output: Annotated[str, typer.Option("--output", "-o", help="The file to write (- is stdout).", metavar="PATH")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite PATH if it exists.")] = False,
    view: Annotated[
        View,
        typer.Option(
            "--view",
            help="Whose ownership the chart shows: recommended or current (today's).",
            metavar="VIEW",
            case_sensitive=False,
        ),
    ] = View.recommended,
    rules: Rules = None,
    sets: Sets = None,
    without: Without = None,
    with_: With = None,
    pin: Pin = None,
    forbid: Forbid = None,
    lang: Lang = None,
) -> None:
    """Export the org chart and the report in the formats people already use.

    mermaid: the chart as a flowchart for GitHub, GitLab, Notion and Confluence
    dot: the chart as Graphviz source
    graphml: the chart for networkx, yEd and Gephi
    json: the chart as a node-link graph, with the whole recommendation
    csv: the RACI matrix (objectives x departments) for Excel and Google Sheets
    svg: the chart, drawn without any system binary
    html: one self-contained report, readable offline and printable
    markdown: the report, with the chart as Mermaid
    xlsx: a workbook of owners, RACI, findings, gap and inputs for Excel
    pptx: an editable PowerPoint deck: the chart as shapes, owners, RACI, findings, gap

    Files are written atomically, never over an existing file without --force.
    --output - writes to stdout (pptx and xlsx only when redirected).
    """
    from orgdesign.present.formats import export as render

    if FORMATS[format.value].binary and output == "-" and _terminal():
        raise UsageError(
            "--output",
            _("{format} is a binary file: give --output FILE, or redirect - to a file").format(format=format.value),
        )
    result = run(file, rules, what_if(sets, without, with_, pin, forbid))
    body = render(result, format.value, view.value)
    emit(body, output, force)


def _terminal() -> bool:
    """True when stdout is a terminal, where a binary file would only garble the screen."""
    import sys

    return sys.stdout.isatty()
