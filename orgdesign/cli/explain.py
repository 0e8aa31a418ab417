"""`orgdesign explain FILE OBJECTIVE [-d DEPARTMENT]`: why this owner, and why not another department."""

from __future__ import annotations

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
    out_console,
    run,
    what_if,
)


@boundary
def explain(
    file: OrgFileArgument,
    objective: Annotated[
        str, typer.Argument(help="The objective to explain: its id or its name.", metavar="OBJECTIVE")
    ],
    department: Annotated[
        str | None,
        typer.Option("--department", "-d", help="Why not this department? Its id or its name.", metavar="DEPARTMENT"),
    ] = None,
    rules: Rules = None,
    sets: Sets = None,
    without: Without = None,
    with_: With = None,
    pin: Pin = None,
    forbid: Forbid = None,
    lang: Lang = None,
) -> None:
    """Why an objective got its owner, and why not another department."""
    from orgdesign.engine.explain import explain as explain_objective
    from orgdesign.errors import BadValue, UsageError
    from orgdesign.present.terminal import explanation_view

    result = run(file, rules, what_if(sets, without, with_, pin, forbid))
    try:
        explained = explain_objective(result, objective, department)
    except BadValue as error:
        raise UsageError("OBJECTIVE" if error.what == "objective" else "--department", str(error)) from None
    out_console().print(explanation_view(result, explained.assignment, explained.contrast))
