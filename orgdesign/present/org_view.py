"""The terminal views of an org file as written, before any recommendation: `show` and `examples`."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from orgdesign.present.terminal import objectives_table, org_tree, text


def org_view(org) -> Group:
    """The reporting tree, then the objectives."""
    return Group(org_tree(org), Text(), objectives_table(org))


def examples_view(examples) -> Table:
    """One line per bundled example: its path and what it shows."""
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="cyan", no_wrap=True)
    table.add_column()
    for path, summary in examples:
        table.add_row(text(path), text(summary))
    return table
