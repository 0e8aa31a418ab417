"""Commands that run the engine: recommend and explain."""

from __future__ import annotations

from enum import Enum

import typer

from orgdesign.cli.common import boundary, out_console, write_document

RULES_OPTION = typer.Option(
    None, "--rules", help="A rule pack layered over the built-in ones (repeatable).", metavar="PATH"
)


class Format(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


SET_OPTION = typer.Option(
    None,
    "--set",
    help="What if: change a field, e.g. departments.social.capacity=4 (repeatable).",
    metavar="PATH=VALUE",
)
WITHOUT_OPTION = typer.Option(None, "--without", help="What if: drop this department (repeatable).", metavar="ID")
WITH_OPTION = typer.Option(
    None,
    "--with",
    help="What if: add a department of this function, e.g. social_media (repeatable).",
    metavar="FUNCTION",
)


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
    file: str = typer.Argument(..., help="An org file (YAML or JSON)."),
    rules: list[str] = RULES_OPTION,
    format: Format = typer.Option(Format.table, "--format", "-f", help="table, json or markdown."),
    output: str = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout.", metavar="FILE"),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
    sets: list[str] = SET_OPTION,
    without: list[str] = WITHOUT_OPTION,
    with_: list[str] = WITH_OPTION,
) -> None:
    """Recommend an owner for every objective, with RACI, links, findings, structure and gap."""
    result = run(file, rules, what_if(sets, without, with_))
    if format is Format.table and not output:
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
        import io

        from rich.console import Console

        from orgdesign.present.terminal import recommendation_view

        console = Console(file=io.StringIO(), width=100, color_system=None)
        console.print(recommendation_view(result))
        body = console.file.getvalue()
    if output:
        from orgdesign.write import write_atomic

        write_atomic(output, body, force)
    else:
        write_document(body)


@boundary
def explain(
    file: str = typer.Argument(..., help="An org file."),
    objective: str = typer.Argument(..., help="The objective to explain: its id or its name."),
    department: str = typer.Option(None, "--department", "-d", help="Why not this department (id or name)?"),
    rules: list[str] = RULES_OPTION,
    sets: list[str] = SET_OPTION,
    without: list[str] = WITHOUT_OPTION,
    with_: list[str] = WITH_OPTION,
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
