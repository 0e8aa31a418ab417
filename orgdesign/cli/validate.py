"""`orgdesign validate FILE...`: every problem in org files, located, and a line for each valid one."""

from __future__ import annotations

from typing import Annotated

import typer

from orgdesign.cli.common import Lang, boundary, print_error_lines


@boundary
def validate(
    files: Annotated[list[str], typer.Argument(help="Org files (YAML or JSON).", metavar="FILE...")], lang: Lang = None
) -> None:
    """Check org files and list every problem with its file:line:column and field.

    Everything validate says goes to stderr, as problems do for every command:
    a ✓ line for each valid file, a line for each problem of the others.
    Stdout stays empty. Exit code: 0 every file is valid, 2 some file is not.
    """
    from orgdesign.engine.lint import unread_skills
    from orgdesign.errors import InputError
    from orgdesign.i18n import ngettext
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
            departments = ngettext("{count} department", "{count} departments", len(org.departments))
            objectives = ngettext("{count} objective", "{count} objectives", len(org.objectives))
            sizes = f"{departments.format(count=len(org.departments))}, {objectives.format(count=len(org.objectives))}"
            print_error_lines([f"✓ {path}: {sizes}"], style="green")
            rulebook = rulebook or load_rulebook()
            print_error_lines([str(w) for w in unread_skills(source, rulebook)], style="yellow")
    if failed:
        raise typer.Exit(2)
