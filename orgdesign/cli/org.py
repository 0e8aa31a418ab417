"""Commands about org files: validate, show, schema, examples."""

from __future__ import annotations

from typing import Annotated

import typer

from orgdesign.cli.common import boundary, counted, out_console, print_error_lines, write_document


@boundary
def validate(files: Annotated[list[str], typer.Argument(help="Org files (YAML or JSON).", metavar="FILE...")]) -> None:
    """Check org files and list every problem with its file:line:column and field.

    Everything validate says goes to stderr, as problems do for every command:
    a ✓ line for each valid file, a line for each problem of the others.
    Stdout stays empty. Exit code: 0 every file is valid, 2 some file is not.
    """
    from orgdesign.engine.lint import unread_skills
    from orgdesign.errors import InputError
    from orgdesign.input.load import validate_source
    from orgdesign.input.source import load_source
    from orgdesign.rulebook import load_rulebook

    rulebook = None  # read only once some file is valid: its skills are checked against the rules
    failed = 0
    for path in files:
        try:
            source = load_source(path)
            org = validate_source(source)
        except InputError as error:
            failed += 1
            print_error_lines(error.lines)  # each line names the file, so it needs no heading
        else:
            sizes = f"{counted(len(org.departments), 'department')}, {counted(len(org.objectives), 'objective')}"
            print_error_lines([f"✓ {path}: {sizes}"], style="green")
            rulebook = rulebook or load_rulebook()
            print_error_lines([str(w) for w in unread_skills(source, rulebook)], style="yellow")
    if failed:
        raise typer.Exit(2)


@boundary
def show(file: Annotated[str, typer.Argument(help="An org file (YAML or JSON).", metavar="FILE")]) -> None:
    """Show an org as a reporting tree and a table of objectives."""
    from orgdesign.input.load import load_org
    from orgdesign.present.org_view import org_view

    out_console().print(org_view(load_org(file)))


@boundary
def schema(
    what: Annotated[
        str,
        typer.Argument(
            help="org: the org file (the default); report: the JSON of recommend --format json.", metavar="org|report"
        ),
    ] = "org",
) -> None:
    """Print a JSON Schema: of org files (for editors that validate YAML and JSON), or of the JSON report."""
    import json

    from orgdesign.errors import UsageError

    if what == "org":
        from orgdesign.input.model import OrgFile

        document = OrgFile.model_json_schema()
    elif what == "report":
        from orgdesign.present.report_model import report_schema

        document = report_schema()
    else:
        raise UsageError("org|report", f"unknown schema {what!r} (expected org, the default, or report)")
    write_document(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


@boundary
def examples() -> None:
    """List the bundled example org files."""
    from orgdesign.input.examples import bundled
    from orgdesign.present.org_view import examples_view

    out_console().print(examples_view(bundled()))
