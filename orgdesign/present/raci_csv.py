"""The RACI matrix as CSV: one row per objective, one column per department with a role.

Made to open cleanly in Excel and Google Sheets: UTF-8 with a byte-order mark
(so Excel reads accents right), CRLF line endings and quoting by the csv
module, and every cell that a spreadsheet could take for a formula (starting
with `=`, `+`, `-`, `@`, a tab or a carriage return) prefixed with `'`.
The matrix is always the recommendation's, whatever the chart's view.
"""

from __future__ import annotations

import csv
import io

from orgdesign.present.plain import clean

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """Make a value a spreadsheet-safe cell.

    >>> cell("=HYPERLINK(1)"), cell("Care")
    ("'=HYPERLINK(1)", 'Care')
    """
    text = clean(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render(result, view: str = "recommended") -> str:
    """Render the RACI matrix of a Recommendation as CSV text."""
    graph = result.table.graph
    departments = sorted({d for raci in result.raci.values() for d in _members(raci)})
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([cell(c) for c in ["objective", "name", *departments]])
    for objective in sorted(result.raci):
        raci = result.raci[objective]
        row = [objective, graph.objectives[objective].label]
        row += [raci.role_of(d) or "" for d in departments]
        writer.writerow([cell(c) for c in row])
    return "\ufeff" + buffer.getvalue()


def _members(raci) -> tuple[str, ...]:
    return (raci.accountable, *raci.responsible, *raci.consulted, *raci.informed)
