"""`orgdesign compare A [B]`: two org files, or one file and a what-if."""

from __future__ import annotations

from typing import Annotated

import typer

from orgdesign.cli.common import (
    Force,
    Format,
    FormatOption,
    Output,
    Rules,
    Sets,
    With,
    Without,
    as_text,
    boundary,
    emit,
    out_console,
    run,
    what_if,
)


@boundary
def compare(
    first: Annotated[str, typer.Argument(help="An org file: the scenario before.", metavar="A")],
    second: Annotated[
        str | None,
        typer.Argument(help="Another org file: the scenario after (default: A with the what-ifs).", metavar="B"),
    ] = None,
    rules: Rules = None,
    sets: Sets = None,
    without: Without = None,
    with_: With = None,
    format: FormatOption = Format.table,
    output: Output = None,
    force: Force = False,
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
    if format is Format.table and output in (None, "-"):
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
        from orgdesign.present.terminal import document_view

        body = as_text(document_view(document))
    emit(body, output, force)
