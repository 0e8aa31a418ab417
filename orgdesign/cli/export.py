"""`orgdesign export`: the org chart and the report in a file format people already use."""

from __future__ import annotations

from enum import Enum

import typer

from orgdesign.cli.common import boundary, write_document
from orgdesign.cli.engine import RULES_OPTION, SET_OPTION, WITH_OPTION, WITHOUT_OPTION, run, what_if
from orgdesign.present.formats import FORMATS, VIEWS

Format = Enum("Format", {name: name for name in FORMATS}, type=str)
View = Enum("View", {name: name for name in VIEWS}, type=str)


@boundary
def export(
    file: str = typer.Argument(..., help="An org file (YAML or JSON)."),
    format: Format = typer.Option(..., "--format", "-f", help="The file format (see above)."),
    output: str = typer.Option(..., "--output", "-o", help="The file to write, or - for stdout.", metavar="PATH"),
    force: bool = typer.Option(False, "--force", help="Overwrite PATH if it exists."),
    view: View = typer.Option(
        View.recommended, "--view", help="Whose ownership the chart shows: recommended or current (today's)."
    ),
    rules: list[str] = RULES_OPTION,
    sets: list[str] = SET_OPTION,
    without: list[str] = WITHOUT_OPTION,
    with_: list[str] = WITH_OPTION,
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

    Files are written atomically, never over an existing file without --force. --output - writes to stdout.
    """
    from orgdesign.present.formats import export as render

    result = run(file, rules, what_if(sets, without, with_))
    body = render(result, format.value, view.value)
    if output == "-":
        write_document(body)
        return
    from orgdesign.write import write_atomic

    write_atomic(output, body, force)
