"""`orgdesign compare A [B]`: two org files, or one file and a what-if."""

from __future__ import annotations

import typer

from orgdesign.cli.common import boundary, out_console, write_document
from orgdesign.cli.engine import RULES_OPTION, SET_OPTION, WITH_OPTION, WITHOUT_OPTION, Format, run, what_if


@boundary
def compare(
    first: str = typer.Argument(..., help="An org file: the scenario before.", metavar="A"),
    second: str = typer.Argument(
        None, help="Another org file: the scenario after (default: A with the what-ifs).", metavar="[B]"
    ),
    rules: list[str] = RULES_OPTION,
    sets: list[str] = SET_OPTION,
    without: list[str] = WITHOUT_OPTION,
    with_: list[str] = WITH_OPTION,
    format: Format = typer.Option(Format.table, "--format", "-f", help="table, json or markdown."),
    output: str = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout.", metavar="FILE"),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
) -> None:
    """Compare two scenarios: owners, links, findings, structure and total fit."""
    from orgdesign.engine.compare import compare as diff
    from orgdesign.errors import UsageError

    scenario = what_if(sets, without, with_)
    if second is None and not scenario:
        raise UsageError("B", "give a second org file, or what-ifs (--set, --without, --with) to compare A with")
    before = run(first, rules)
    after = run(second or first, rules, scenario)
    label = (second or first) + (f" {scenario.describe()}" if scenario else "")
    comparison = diff(before, after, first, label)
    from orgdesign.present.view_compare import comparison as view

    document = view(comparison, before, after)
    if format is Format.table and not output:
        from orgdesign.present.terminal import document_view

        out_console().print(document_view(document))
        return
    if format is Format.json:
        from orgdesign.present.json_report import document_json

        body = document_json(document)
    elif format is Format.markdown:
        from orgdesign.present.markdown import render_document

        body = render_document(document)
    else:
        raise UsageError("--format", "the table view goes to the terminal; use json or markdown with --output")
    if output:
        from orgdesign.write import write_atomic

        write_atomic(output, body, force)
    else:
        write_document(body)
