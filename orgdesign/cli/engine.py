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

    return WhatIf(tuple(sets or ()), tuple(without or ()), tuple(with_ or ()))


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
    from orgdesign.engine.explain import why_not
    from orgdesign.present.terminal import explanation_view

    result = run(file, rules, what_if(sets, without, with_))
    graph = result.table.graph
    objective = _resolve("OBJECTIVE", "objective", objective, graph.objectives)
    if department is not None:
        department = _resolve("--department", "department", department, graph.departments)
    assignment = next(a for a in result.assignments if a.objective == objective)
    other = department or assignment.runner_up
    contrast = why_not(result.table, result.problem, result.solution, objective, other) if other else None
    out_console().print(explanation_view(result, assignment, contrast))


def _resolve(option: str, kind: str, typed: str, records) -> str:
    """The id of the objective or department a user typed, by id or by name; a usage error with suggestions.

    A suggestion shows the id to type and the name it stands for: 'listening' (Social listening).
    """
    from orgdesign.errors import UsageError
    from orgdesign.input.names import NotFound, resolve

    labels = {ident: record.label for ident, record in records.items()}
    try:
        return resolve(typed, labels)
    except NotFound as error:
        if error.ambiguous:
            raise UsageError(option, f"'{typed}' names more than one {kind}{error.hint()}") from None
        ids = {}
        for ident, label in labels.items():
            ids.setdefault(label, ident)
        shown = [f"'{ids[name]}' ({name})" if ids[name] != name else f"'{name}'" for name in error.suggestions]
        if shown:
            hint = f"; did you mean {' or '.join(shown)}?"
        elif len(labels) <= 20:
            hint = f"; expected one of: {', '.join(labels)}"
        else:
            hint = ""
        raise UsageError(option, f"unknown {kind} '{typed}'{hint}") from None
