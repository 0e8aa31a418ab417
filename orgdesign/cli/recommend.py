"""`orgdesign recommend FILE`: owners, RACI, links, findings, structure and gap, in a table, JSON or Markdown."""

from __future__ import annotations

from orgdesign.cli.common import (
    Force,
    Format,
    FormatOption,
    OrgFileArgument,
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
def recommend(
    file: OrgFileArgument,
    rules: Rules = None,
    format: FormatOption = Format.table,
    output: Output = None,
    force: Force = False,
    sets: Sets = None,
    without: Without = None,
    with_: With = None,
) -> None:
    """Recommend an owner for every objective, with RACI, links, findings, structure and gap."""
    result = run(file, rules, what_if(sets, without, with_))
    if format is Format.table and output in (None, "-"):
        from orgdesign.present.terminal import recommendation_view

        out_console().print(recommendation_view(result))
        return
    if format is Format.json:
        from orgdesign.present.json_report import to_json

        body = to_json(result)
    elif format is Format.markdown:
        from orgdesign.present.markdown import to_markdown

        body = to_markdown(result)
    else:
        from orgdesign.present.terminal import recommendation_view

        body = as_text(recommendation_view(result))
    emit(body, output, force)
