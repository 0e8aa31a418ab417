"""`orgdesign recommend FILE`: owners, RACI, links, findings, structure and gap, in a table, JSON or Markdown."""

from __future__ import annotations

from orgdesign.cli.common import (
    Forbid,
    Force,
    Format,
    FormatOption,
    Lang,
    OrgFileArgument,
    Output,
    Pin,
    Rules,
    Sets,
    With,
    Without,
    boundary,
    run,
    show_document,
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
    pin: Pin = None,
    forbid: Forbid = None,
    lang: Lang = None,
) -> None:
    """Recommend an owner for every objective, with RACI, links, findings, structure and gap."""
    result = run(file, rules, what_if(sets, without, with_, pin, forbid))
    from orgdesign.present.view import recommendation

    show_document(recommendation(result), format, output, force, "Social media ownership: ")
