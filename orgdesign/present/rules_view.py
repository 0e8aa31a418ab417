"""The terminal views of the rulebook: every rule in a list that fits the width, and one rule explained."""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from orgdesign.i18n import _, ngettext, rule_text
from orgdesign.present.terminal import text

TITLE_MIN = 40  # columns a title needs beside the id and the effect for the table to read well
INDENT = 4  # columns a title is indented by under its id, when there is no room beside it


class RuleList:
    """Every rule: id, effect and title, laid out for the width when printed.

    Wide enough, it is a table with the title wrapped in its own column; on a
    narrower screen (80 columns, the default when piped) a title squeezed
    beside ids 50 characters long would be cut into a word per line, so each
    rule becomes two lines instead: its id and effect, then its title, indented.
    """

    def __init__(self, rules):
        self.rules = list(rules)

    def __rich_console__(self, console, options):
        rows = [(rule.id, rule.effect.describe(), rule_text(rule.id, rule.rule.title)) for rule in self.rules]
        id_width = max((len(r[0]) for r in rows), default=2)
        effect_width = max((len(r[1]) for r in rows), default=6)
        if options.max_width - id_width - effect_width - 4 >= TITLE_MIN:
            yield _table(rows)
        else:
            yield from _list(rows)
        yield text(ngettext("{count} rule", "{count} rules", len(rows)).format(count=len(rows)), "dim")


def _table(rows) -> Table:
    table = Table(box=None, pad_edge=False)
    table.add_column(_("id"), style="cyan", no_wrap=True)
    table.add_column(_("effect"), no_wrap=True)
    table.add_column(_("title"))
    for rule_id, effect, title in rows:
        table.add_row(text(rule_id), text(effect), text(title))
    return table


def _list(rows):
    for rule_id, effect, title in rows:
        yield text(rule_id, "cyan") + Text("  ") + text(effect, "dim")
        yield Padding(text(title), (0, 0, 0, INDENT), expand=False)


def rule_view(rule, evidence: dict, when_yaml: str) -> Group:
    """One rule explained: title, where it is defined, effect, condition, rationale and its evidence."""
    parts = [
        text(f"{rule_text(rule.id, rule.rule.title)} ({rule.id})", "bold"),
        text(_("Defined at {where}").format(where=rule.where), "dim"),
        Text(),
        text(_("Effect: {effect}").format(effect=rule.effect.describe())),
        text(_("When:")),
        *(text("    " + line) for line in when_yaml.rstrip().splitlines()),
        Text(),
        text(rule_text(rule.id, rule.rule.rationale)),
        Text(),
        text(_("Evidence:"), "bold"),
    ]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for evidence_id in rule.rule.evidence:
        item = evidence[evidence_id]
        grid.add_row(text(f"  {evidence_id}"), text(item.summary) + Text("\n") + text(item.citation, "dim"))
    parts.append(grid)
    return Group(*parts)
