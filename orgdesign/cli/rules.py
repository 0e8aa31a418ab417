"""`orgdesign rules list | show ID | check PATH`."""

from __future__ import annotations

import typer

from orgdesign.cli.common import boundary, out_console

app = typer.Typer(help="List, show and check rule packs.", no_args_is_help=True)


@app.command("list")
@boundary
def list_rules(
    rules: list[str] = typer.Option(None, "--rules", help="Layer a user pack over the built-in ones.", metavar="PATH"),
) -> None:
    """Every active rule: id, effect and title."""
    from rich.table import Table

    from orgdesign.present.terminal import text
    from orgdesign.rulebook import load_rulebook

    book = load_rulebook(rules or [])
    table = Table(box=None, pad_edge=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("effect", no_wrap=True)
    table.add_column("title", overflow="fold")
    for rule in book.rules:
        table.add_row(text(rule.id), text(rule.effect.describe()), text(rule.rule.title))
    out_console().print(table)
    out_console().print(text(f"{len(book.rules)} rules", "dim"))


@app.command("show")
@boundary
def show_rule(
    rule_id: str = typer.Argument(..., metavar="ID", help="A rule id, e.g. ownership.care-to-customer-service."),
    rules: list[str] = typer.Option(None, "--rules", help="Layer a user pack over the built-in ones.", metavar="PATH"),
) -> None:
    """A rule explained: title, effect, condition, rationale, evidence and where it is defined."""
    import yaml
    from rich.table import Table
    from rich.text import Text

    from orgdesign.evidence import EVIDENCE
    from orgdesign.present.terminal import text
    from orgdesign.rulebook import load_rulebook

    rule = load_rulebook(rules or []).get(rule_id)
    console = out_console()
    console.print(text(f"{rule.rule.title} ({rule.id})", "bold"))
    console.print(text(f"Defined at {rule.where}", "dim"))
    console.print()
    console.print(text(f"Effect: {rule.effect.describe()}"))
    console.print(text("When:"))
    when = yaml.safe_dump(rule.rule.when.model_dump(by_alias=True, exclude_none=True), sort_keys=False)
    for line in when.rstrip().splitlines():
        console.print(text("    " + line))
    console.print()
    console.print(text(rule.rule.rationale))
    console.print()
    console.print(text("Evidence:", "bold"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for evidence_id in rule.rule.evidence:
        evidence = EVIDENCE[evidence_id]
        grid.add_row(text(f"  {evidence_id}"), text(evidence.summary) + Text("\n") + text(evidence.citation, "dim"))
    console.print(grid)


@app.command("check")
@boundary
def check(paths: list[str] = typer.Argument(..., metavar="PATH...", help="Rule pack files.")) -> None:
    """Validate rule packs layered over the built-in ones; exit 2 on any problem."""
    from rich.text import Text

    from orgdesign.rulebook import load_rulebook

    book = load_rulebook(paths)
    for path in paths:
        out_console().print(
            Text(f"✓ {path}", style="green") + Text(f": valid; {len(book.rules)} active rules", style="dim")
        )
