"""The findings catalogue on screen: `orgdesign findings` and `orgdesign findings show CODE`."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from orgdesign.i18n import _, ngettext
from orgdesign.present.chart.labels import severity
from orgdesign.present.terminal import text


def catalogue_view(catalogue) -> Group:
    """Every finding code with its severity and name, and how to read more."""
    table = Table(box=None, pad_edge=False)
    table.add_column(_("code"), style="cyan", no_wrap=True)
    table.add_column(_("severity"), no_wrap=True)
    table.add_column(_("name"), overflow="fold")
    for entry in catalogue.values():
        table.add_row(text(entry.code), text(severity(entry.severity)), text(entry.name))
    count = len(catalogue)
    said = ngettext(
        "{count} code; `orgdesign findings show CODE` explains one",
        "{count} codes; `orgdesign findings show CODE` explains one",
        count,
    ).format(count=count)
    return Group(table, text(said, "dim"))


def finding_view(entry, evidence: dict) -> Group:
    """One finding explained: name, severity, what it means, how it reads, help and evidence."""
    from orgdesign.engine.catalogue import placeholders

    parts = [
        text(f"{entry.name} ({entry.code})", "bold"),
        text(_("Severity: {severity}").format(severity=severity(entry.severity)), "dim"),
        Text(),
    ]
    parts.append(text(entry.meaning[0].upper() + entry.meaning[1:] + "."))
    said = None
    for wording in (entry.wording, *entry.variants.values()):
        if wording.message != said:  # the cases of one message differ only in their fix
            parts += [Text(), text(_("Reads: "), "bold") + text(placeholders(wording.message))]
            said = wording.message
        parts.append(text(_("help: "), "green") + text(placeholders(wording.help)))
    parts += [Text(), text(_("Evidence:"), "bold")]
    if entry.evidence_from_rule:
        parts.append(text("  " + _("that of the rule that raises it (`orgdesign rules show ID`)")))
    elif not entry.evidence:
        parts.append(text("  " + _("none: the input contradicts itself; this is a fact, not advice")))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for evidence_id in entry.evidence:
        cited = evidence[evidence_id]
        grid.add_row(text(f"  {evidence_id}"), text(cited.summary) + Text("\n") + text(cited.citation, "dim"))
    parts.append(grid)
    return Group(*parts)
