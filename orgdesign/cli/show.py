"""`orgdesign show FILE`: an org as a reporting tree and a table of objectives."""

from __future__ import annotations

from typing import Annotated

import typer

from orgdesign.cli.common import Lang, boundary, out_console


@boundary
def show(
    file: Annotated[str, typer.Argument(help="An org file (YAML or JSON).", metavar="FILE")], lang: Lang = None
) -> None:
    """Show an org as a reporting tree and a table of objectives."""
    from orgdesign.input.load import load_org
    from orgdesign.present.org_view import org_view

    out_console().print(org_view(load_org(file)))
