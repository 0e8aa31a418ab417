"""`orgdesign findings [list] | show CODE`: the diagnostics catalogue, read like `rules show`."""

from __future__ import annotations

from typing import Annotated

import typer

from orgdesign.cli.common import boundary, out_console

app = typer.Typer(help="List the findings orgdesign reports, or explain one.", invoke_without_command=True)


@app.callback()
def _default(context: typer.Context) -> None:
    """List every finding code when no subcommand is given."""
    if context.invoked_subcommand is None:
        list_findings()


@app.command("list")
@boundary
def list_findings() -> None:
    """Every finding code: severity and name."""
    from rich.table import Table

    from orgdesign.engine.catalogue import CATALOGUE
    from orgdesign.present.terminal import text

    table = Table(box=None, pad_edge=False)
    table.add_column("code", style="cyan", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("name", overflow="fold")
    for entry in CATALOGUE.values():
        table.add_row(text(entry.code), text(entry.severity), text(entry.name))
    console = out_console()
    console.print(table)
    console.print(text(f"{len(CATALOGUE)} codes; `orgdesign findings show CODE` explains one", "dim"))


@app.command("show")
@boundary
def show_finding(
    code: Annotated[str, typer.Argument(metavar="CODE", help="A finding code, e.g. OD104.")],
) -> None:
    """A finding explained: name, severity, what it means, how it reads, help and evidence."""
    from rich.table import Table
    from rich.text import Text

    from orgdesign.engine.catalogue import lookup, placeholders
    from orgdesign.evidence import EVIDENCE
    from orgdesign.present.terminal import text

    entry = lookup(code)
    console = out_console()
    console.print(text(f"{entry.name} ({entry.code})", "bold"))
    console.print(text(f"Severity: {entry.severity}", "dim"))
    console.print()
    console.print(text(entry.meaning[0].upper() + entry.meaning[1:] + "."))
    said = None
    for wording in (entry.wording, *entry.variants.values()):
        if wording.message != said:  # the cases of one message differ only in their fix
            console.print()
            console.print(text("Reads: ", "bold") + text(placeholders(wording.message)))
            said = wording.message
        console.print(text("help: ", "green") + text(placeholders(wording.help)))
    console.print()
    console.print(text("Evidence:", "bold"))
    if entry.evidence_from_rule:
        console.print(text("  that of the rule that raises it (`orgdesign rules show ID`)"))
    elif not entry.evidence:
        console.print(text("  none: the input contradicts itself; this is a fact, not advice"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for evidence_id in entry.evidence:
        evidence = EVIDENCE[evidence_id]
        grid.add_row(text(f"  {evidence_id}"), text(evidence.summary) + Text("\n") + text(evidence.citation, "dim"))
    console.print(grid)
