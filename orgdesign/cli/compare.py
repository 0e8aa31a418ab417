"""`orgdesign compare A [B]`: two org files, or one file and a what-if."""

from __future__ import annotations

from typing import Annotated

import typer

from orgdesign.cli.common import (
    Forbid,
    Force,
    Format,
    FormatOption,
    Lang,
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
    pin: Pin = None,
    forbid: Forbid = None,
    format: FormatOption = Format.table,
    output: Output = None,
    force: Force = False,
    lang: Lang = None,
) -> None:
    """Compare two scenarios: owners, links, findings, structure and total fit."""
    from orgdesign.engine.compare import compare as diff
    from orgdesign.errors import UsageError
    from orgdesign.i18n import _

    scenario = what_if(sets, without, with_, pin, forbid)
    if second is None and not scenario:
        raise UsageError("B", _("give a second org file, or what-ifs (--set, --without, --with) to compare A with"))
    before = run(first, rules)
    after = run(second or first, rules, scenario)
    label = (second or first) + (f" {scenario.describe()}" if scenario else "")
    comparison = diff(before, after, first, label)
    from orgdesign.present.view_compare import comparison as view

    show_document(view(comparison, before, after), format, output, force)
