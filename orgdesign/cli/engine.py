"""Commands that run the engine: recommend and explain."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from orgdesign.cli.common import Force, Output, Rules, Sets, With, Without, as_text, boundary, emit, out_console


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help="table, json or markdown.", metavar="FORMAT", case_sensitive=False),
]
OrgFileArgument = Annotated[str, typer.Argument(help="An org file (YAML or JSON).", metavar="FILE")]


def what_if(sets, without, with_):
    """The what-if options as one value."""
    from orgdesign.input.scenario import WhatIf

    return WhatIf(tuple(sets or ()), tuple(without or ()), tuple(with_ or ()), origin="<command line>", flag="--")


def run(file: str, rules: list[str] | None, scenario=None):
    """Load the rules and the org (with its what-ifs), and recommend."""
    from orgdesign.engine.pipeline import recommend
    from orgdesign.input.scenario import WhatIf, load_scenario
    from orgdesign.rulebook import load_rulebook

    book = load_rulebook(rules or [])
    org = load_scenario(file, scenario or WhatIf(), book.vocabulary)
    return recommend(org, book)


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
) -> None:
    """Why an objective got its owner, and why not another department."""
    from orgdesign.engine.explain import explain as explain_objective
    from orgdesign.errors import BadValue, UsageError
    from orgdesign.present.terminal import explanation_view

    result = run(file, rules, what_if(sets, without, with_))
    try:
        explained = explain_objective(result, objective, department)
    except BadValue as error:
        raise UsageError("OBJECTIVE" if error.what == "objective" else "--department", str(error)) from None
    out_console().print(explanation_view(result, explained.assignment, explained.contrast))
