"""`orgdesign rules list | show ID | check PACK...`."""

from __future__ import annotations

from typing import Annotated

import typer

from orgdesign.cli.common import Lang, boundary, out_console
from orgdesign.cli.help import Command, Group

app = typer.Typer(help="List, show and check rule packs.", no_args_is_help=True, cls=Group)

Pack = Annotated[
    list[str] | None,
    typer.Option("--rules", help="Layer a user pack over the built-in ones (repeatable).", metavar="PACK"),
]


@app.command("list", cls=Command)
@boundary
def list_rules(rules: Pack = None, lang: Lang = None) -> None:
    """Every active rule: id, effect and title."""
    from orgdesign.present.rules_view import RuleList
    from orgdesign.rulebook import load_rulebook

    out_console().print(RuleList(load_rulebook(rules or []).rules))


@app.command("show", cls=Command)
@boundary
def show_rule(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="A rule id, e.g. ownership.care-to-customer-service.")],
    rules: Pack = None,
    lang: Lang = None,
) -> None:
    """A rule explained: title, effect, condition, rationale, evidence and where it is defined."""
    import yaml

    from orgdesign.evidence import EVIDENCE
    from orgdesign.present.rules_view import rule_view
    from orgdesign.rulebook import load_rulebook

    rule = load_rulebook(rules or []).get(rule_id)
    when = yaml.safe_dump(rule.rule.when.model_dump(by_alias=True, exclude_none=True), sort_keys=False)
    out_console().print(rule_view(rule, EVIDENCE, when))


@app.command("check", cls=Command)
@boundary
def check(
    paths: Annotated[list[str], typer.Argument(metavar="PACK...", help="Rule pack files.")], lang: Lang = None
) -> None:
    """Validate rule packs layered over the built-in ones; exit 2 on any problem."""
    from rich.text import Text

    from orgdesign.i18n import ngettext
    from orgdesign.rulebook import load_rulebook

    book = load_rulebook(paths)
    count = len(book.rules)
    # Translators: follows a rule pack's file name, e.g. "✓ pack.yaml: valid; 42 active rules".
    valid = ngettext(": valid; {count} active rule", ": valid; {count} active rules", count).format(count=count)
    for path in paths:
        out_console().print(Text(f"✓ {path}", style="green") + Text(valid, style="dim"))
