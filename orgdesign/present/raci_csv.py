"""The RACI matrix as CSV: one row per objective, one column per department with a role.

Made to open cleanly in Excel and Google Sheets: UTF-8 with a byte-order mark
(so Excel reads accents right), CRLF line endings and quoting by the csv
module, and every cell that a spreadsheet could take for a formula (starting
with `=`, `+`, `-`, `@`, a tab or a carriage return) prefixed with `'`.
The matrix is the view's RACI section (rows by priority, department names as
headers; ids are in the JSON), always the recommendation's whatever the chart's view.
"""

from __future__ import annotations

import csv
import io

from orgdesign.i18n import _
from orgdesign.present.document import Matrix
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
    """Render the RACI matrix of a Recommendation as CSV text: department names head the columns."""
    from orgdesign.present.document import plain
    from orgdesign.present.view import recommendation

    matrix = next(b for b in recommendation(result).section("raci").blocks if isinstance(b, Matrix))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([cell(c) for c in [matrix.corner, _("name"), *(name for name, _id in matrix.columns)]])
    for objective, (label, codes) in zip(matrix.row_ids, matrix.rows, strict=True):
        writer.writerow([cell(c) for c in [objective, plain(label), *codes]])
    return "\ufeff" + buffer.getvalue()
