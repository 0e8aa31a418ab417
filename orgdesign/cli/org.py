"""Commands about org files: validate, show, schema, examples."""

from __future__ import annotations

from typing import Annotated

import typer

from orgdesign.cli.common import boundary, out_console, print_error_lines, write_document


@boundary
def validate(files: list[str] = typer.Argument(..., help="Org files (YAML or JSON).", metavar="FILE...")) -> None:
    """Check org files and list every problem with its file:line:column and field."""
    from rich.text import Text

    from orgdesign.engine.lint import unread_skills
    from orgdesign.errors import InputError
    from orgdesign.input.load import validate_source
    from orgdesign.input.source import load_source
    from orgdesign.rulebook import load_rulebook

    console = out_console()
    rulebook = None  # read only once some file is valid: its skills are checked against the rules
    failed = 0
    for path in files:
        try:
            source = load_source(path)
            org = validate_source(source)
        except InputError as error:
            failed += 1
            count = len(error.diagnostics)
            console.print(Text(f"✗ {path}: {count} problem{'s' * (count != 1)}", style="red"))
            print_error_lines(error.lines)
        else:
            console.print(
                Text(f"✓ {path}: ", style="green")
                + Text(f"{len(org.departments)} departments, {len(org.objectives)} objectives", style="dim")
            )
            rulebook = rulebook or load_rulebook()
            print_error_lines([str(w) for w in unread_skills(source, org, rulebook)], style="yellow")
    if failed:
        raise typer.Exit(2)


@boundary
def show(file: str = typer.Argument(..., help="An org file.")) -> None:
    """Show an org as a reporting tree and a table of objectives."""
    from orgdesign.input.load import load_org
    from orgdesign.present.terminal import objectives_table, org_tree

    org = load_org(file)
    console = out_console()
    console.print(org_tree(org))
    console.print()
    console.print(objectives_table(org))


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
    from rich.table import Table

    from orgdesign.input.examples import bundled
    from orgdesign.present.terminal import text

    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="cyan", no_wrap=True)
    table.add_column()
    for path, summary in bundled():
        table.add_row(text(path), text(summary))
    out_console().print(table)
