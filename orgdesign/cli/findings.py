"""`orgdesign findings [list] | show CODE`: the diagnostics catalogue, read like `rules show`."""

from __future__ import annotations

from typing import Annotated

import typer

from orgdesign.cli.common import Lang, boundary, out_console
from orgdesign.cli.help import Command, Group

app = typer.Typer(help="List the findings orgdesign reports, or explain one.", invoke_without_command=True, cls=Group)


@app.callback()
def _default(context: typer.Context, lang: Lang = None) -> None:
    """List every finding code when no subcommand is given."""
    if context.invoked_subcommand is None:
        list_findings()


@app.command("list", cls=Command)
@boundary
def list_findings(lang: Lang = None) -> None:
    """Every finding code: severity and name."""
    from orgdesign.engine.catalogue import CATALOGUE
    from orgdesign.present.findings_view import catalogue_view

    out_console().print(catalogue_view(CATALOGUE))


@app.command("show", cls=Command)
@boundary
def show_finding(
    code: Annotated[str, typer.Argument(metavar="CODE", help="A finding code, e.g. OD104.")],
    lang: Lang = None,
) -> None:
    """A finding explained: name, severity, what it means, how it reads, help and evidence."""
    from orgdesign.engine.catalogue import lookup
    from orgdesign.evidence import EVIDENCE
    from orgdesign.present.findings_view import finding_view

    out_console().print(finding_view(lookup(code), EVIDENCE))
