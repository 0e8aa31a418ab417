"""The recommendation as an Excel workbook: owners, the RACI, findings, the gap and the inputs, one sheet each.

Written with XlsxWriter, a write-only library: orgdesign never reads a
workbook, and XlsxWriter gives full control of formats and writes every cell
with an explicit type. Every piece of text from an org file goes in through
`write_string` (and the workbook's automatic conversions are off), so a name
such as `=HYPERLINK(...)`, `+1` or `@SUM` stays text and never becomes a
formula, a number or a link. Numbers (priority, fit, margin, headcount) are
numbers, so a spreadsheet can sort and sum them.

The sheets draw the view (`view.recommendation`): its tables, matrix and the
`data` of its sections, in the view's order and words; only the input sheets
read the org file itself. The bytes are the same for the same input: the
creation date is fixed and XlsxWriter dates the zip entries 1980-01-01.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from xlsxwriter import Workbook

from orgdesign.i18n import _
from orgdesign.present.chart.labels import severity
from orgdesign.present.document import Matrix, Paragraph, Table, plain
from orgdesign.present.plain import clean

# Written into the file as its creation date, so the same input gives the same bytes.
CREATED = datetime(2000, 1, 1, tzinfo=UTC)
# The RACI colours of the HTML report (html.py), so both deliverables read alike.
ROLE_COLORS = {
    "A": ("#2f5d9e", "#ffffff"),
    "R": ("#d3e2f6", "#1f2933"),
    "C": ("#fde7c2", "#1f2933"),
    "I": ("#eceff3", "#3e4c59"),
}
SEVERITY_COLORS = {"error": "#c92a2a", "warning": "#b44d12", "info": "#52606d"}
HEADER_FILL = "#f5f7fa"
WIDEST = 60  # characters: a wider column wraps its text instead
FIT = "0.00"
LINE = 15  # points: the height of one line of 11-point text
_NOT_IN_SHEET_NAMES = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def sheet_name(name: str) -> str:
    """A translated name as a sheet may be called: at most 31 characters, none of the characters Excel refuses.

    >>> sheet_name("Owners: today/recommended")
    'Owners today recommended'
    """
    return " ".join(name.translate(_NOT_IN_SHEET_NAMES).split())[:31] or "Sheet"


def render(result, view: str = "recommended") -> bytes:
    """The workbook of a Recommendation as bytes; the chart's `view` does not apply (there is no chart)."""
    from orgdesign.present.view import recommendation

    document = recommendation(result)
    buffer = io.BytesIO()
    workbook = Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    workbook.set_properties(
        {
            "title": clean(_("{organization}: who owns social media").format(organization=document.title)),
            "comments": _("Written by orgdesign"),
            "created": CREATED,
        }
    )
    styles = Styles(workbook)
    owners_sheet(workbook, styles, document)
    raci_sheet(workbook, styles, document)
    findings_sheet(workbook, styles, document)
    gap_sheet(workbook, styles, document)
    departments_sheet(workbook, styles, result.org)
    objectives_sheet(workbook, styles, result.org)
    workbook.close()
    return buffer.getvalue()


class Styles:
    """The cell formats of the workbook, made once (XlsxWriter keeps one record per format)."""

    def __init__(self, workbook: Workbook):
        border = {"border": 1, "border_color": "#d9e2ec"}
        self.header = workbook.add_format(
            {"bold": True, "bg_color": HEADER_FILL, "valign": "top", "text_wrap": True, **border}
        )
        self.text = workbook.add_format({"valign": "top", "text_wrap": True, **border})
        self.strong = workbook.add_format({"valign": "top", "text_wrap": True, "bold": True, **border})
        self.number = workbook.add_format({"valign": "top", **border})
        self.fit = workbook.add_format({"valign": "top", "num_format": FIT, **border})
        self.id = workbook.add_format({"valign": "top", "font_color": "#52606d", **border})
        self.note = workbook.add_format({"italic": True, "font_color": "#52606d"})
        self.rotated = workbook.add_format(
            {"bold": True, "bg_color": HEADER_FILL, "rotation": 90, "align": "center", "valign": "bottom", **border}
        )
        self.small_id = workbook.add_format(
            {"font_color": "#52606d", "font_size": 8, "rotation": 90, "align": "center", "valign": "bottom"}
        )
        self.cell = workbook.add_format({"align": "center", "valign": "vcenter", **border})
        self.roles = {
            code: workbook.add_format(
                {"bold": code == "A", "bg_color": fill, "font_color": ink, "align": "center", **border}
            )
            for code, (fill, ink) in ROLE_COLORS.items()
        }
        self.severity = {
            name: workbook.add_format({"bold": True, "font_color": color, "valign": "top", **border})
            for name, color in SEVERITY_COLORS.items()
        }


# --- writing cells ------------------------------------------------------------------------


def put(sheet, row: int, column: int, value, style) -> None:
    """Write one cell with an explicit type: a number as a number, anything else as text, None as nothing."""
    if value is None or value == "":
        sheet.write_blank(row, column, None, style)
    elif isinstance(value, bool):
        sheet.write_string(row, column, _("yes") if value else _("no"), style)
    elif isinstance(value, int | float):
        sheet.write_number(row, column, value, style)
    else:
        sheet.write_string(row, column, clean(value), style)


def table(sheet, styles: Styles, headers, rows, formats, widths=None) -> None:
    """Headers in the first row (frozen, with filters), then the rows; columns as wide as their text."""
    for column, header in enumerate(headers):
        sheet.write_string(0, column, header, styles.header)
    for index, row in enumerate(rows, start=1):
        for column, (value, style) in enumerate(zip(row, formats, strict=True)):
            put(sheet, index, column, value, style)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)
    fit_columns(sheet, headers, rows, widths or {})
    print_setup(sheet, repeat_rows=(0, 0))


def fit_columns(sheet, headers, rows, widths: dict[int, int]) -> None:
    """Set each column to its longest text, between the header's width and WIDEST (then its text wraps).

    Spreadsheets do not grow a row for wrapped text written by a program, so
    each row is given the height of its most wrapped cell.
    """
    chosen = []
    for column, header in enumerate(headers):
        longest = max((len(_shown(row[column])) for row in rows), default=0)
        wide = widths.get(column, min(max(longest, len(header) + 3, 6), WIDEST))
        sheet.set_column(column, column, wide + 1)
        chosen.append(wide)
    for index, row in enumerate(rows, start=1):
        lines = max(-(-len(_shown(value)) // wide) for value, wide in zip(row, chosen, strict=True))
        if lines > 1:
            sheet.set_row(index, LINE * lines + 2)


def _shown(value) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return "" if value is None else str(value)


def print_setup(sheet, repeat_rows=None, repeat_columns=None) -> None:
    """Landscape, one page wide, headers repeated: a printed sheet shows every column."""
    sheet.set_landscape()
    sheet.set_paper(9)  # A4; Letter users get it scaled
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    if repeat_rows:
        sheet.repeat_rows(*repeat_rows)
    if repeat_columns:
        sheet.repeat_columns(*repeat_columns)


def notes(sheet, styles: Styles, row: int, texts) -> None:
    """Sentences from the view under a table, one a row, after a blank row."""
    for offset, text in enumerate(texts, start=row + 1):
        sheet.write_string(offset, 0, clean(text), styles.note)


# --- the sheets -------------------------------------------------------------------------


def owners_sheet(workbook, styles: Styles, document) -> None:
    """One row per objective in the owners table's order, fits as numbers."""
    section = document.section("owners")
    shown = next(block for block in section.blocks if isinstance(block, Table))
    data = {a["objective"]: a for a in section.data["assignments"]}
    order = next(block for block in document.section("raci").blocks if isinstance(block, Matrix)).row_ids
    headers = (
        _("objective"),
        _("priority"),
        _("owner"),
        _("fit"),
        _("runner-up"),
        _("runner-up fit"),
        _("margin"),
        _("today"),
        _("runner-up, in words"),
        _("objective id"),
        _("owner id"),
    )
    rows = []
    for objective, cells in zip(order, shown.rows, strict=True):
        a = data[objective]
        runner = a["runner_up"] or {}
        rows.append(
            (
                plain(cells[0]),
                a["priority"],
                plain(cells[2]),
                a["fit"],
                runner.get("department_name"),
                runner.get("fit"),
                runner.get("margin"),
                plain(cells[5]),
                plain(cells[4]),
                objective,
                a["owner"],
            )
        )
    s = styles
    formats = (s.text, s.number, s.strong, s.fit, s.text, s.fit, s.fit, s.text, s.text, s.id, s.id)
    sheet = workbook.add_worksheet(sheet_name(_("Owners")))
    table(sheet, styles, headers, rows, formats)
    notes(sheet, styles, len(rows) + 1, [plain(b.text) for b in section.blocks if isinstance(b, Paragraph)])


def raci_sheet(workbook, styles: Styles, document) -> None:
    """Objectives down, departments across (their names, with their ids in a small first row), a code per cell."""
    matrix = next(block for block in document.section("raci").blocks if isinstance(block, Matrix))
    sheet = workbook.add_worksheet("RACI")  # RACI is RACI in every language
    first = 2  # the first department's column: after the objective's name and id
    sheet.write_string(0, 0, _("department id"), styles.note)
    sheet.write_string(1, 0, clean(matrix.corner), styles.header)
    sheet.write_string(1, 1, _("objective id"), styles.header)
    for column, (name, department) in enumerate(matrix.columns, start=first):
        sheet.write_string(0, column, clean(department), styles.small_id)
        sheet.write_string(1, column, clean(name), styles.rotated)
    for row, (objective, (label, codes)) in enumerate(zip(matrix.row_ids, matrix.rows, strict=True), start=2):
        sheet.write_string(row, 0, clean(plain(label)), styles.text)
        sheet.write_string(row, 1, clean(objective), styles.id)
        for column, code in enumerate(codes, start=first):
            put(sheet, row, column, code, styles.cell)
    last_row = len(matrix.rows) + 1
    last_column = len(matrix.columns) + first - 1
    for code, style in styles.roles.items():  # conditional: a cell keeps its colour's meaning when edited
        sheet.conditional_format(
            2, first, last_row, last_column, {"type": "cell", "criteria": "==", "value": f'"{code}"', "format": style}
        )
    sheet.freeze_panes(2, first)
    sheet.autofilter(1, 0, last_row, last_column)
    longest = max((len(plain(label)) for label, _codes in matrix.rows), default=0)
    sheet.set_column(0, 0, min(max(longest, len(matrix.corner)) + 2, WIDEST))
    sheet.set_column(1, 1, max((len(o) for o in matrix.row_ids), default=0) + 2)
    sheet.set_column(first, max(last_column, first), 4.5)
    tallest = max((len(name) for name, _id in matrix.columns), default=0)
    tallest_id = max((len(department) for _name, department in matrix.columns), default=0)
    sheet.set_row(0, min(tallest_id, 40) * 5 + 8)
    sheet.set_row(1, min(tallest, WIDEST) * 7.5 + 14)
    legend_row = last_row + 2
    sheet.write_string(legend_row, 0, _("legend"), styles.header)
    for offset, (code, meaning) in enumerate(matrix.legend, start=legend_row + 1):
        sheet.write_string(offset, 0, clean(meaning), styles.text)
        sheet.write_string(offset, 1, clean(code), styles.roles.get(code, styles.cell))
    print_setup(sheet, repeat_rows=(0, 1), repeat_columns=(0, 0))


def findings_sheet(workbook, styles: Styles, document) -> None:
    """One row per finding, in the report's order, severity coloured."""
    section = document.section("findings")
    headers = (
        _("code"),
        _("severity"),
        _("name"),
        _("subject"),
        _("message"),
        _("help"),
        _("evidence"),
        _("subject id"),
    )
    rows = [
        (
            f["code"],
            severity(f["severity"]),
            f["name"],
            f["subject_name"],
            f["message"],
            f["help"],
            ", ".join(f["evidence"]),
            f["subject"],
        )
        for f in section.data["findings"]
    ]
    s = styles
    sheet = workbook.add_worksheet(sheet_name(_("Findings")))
    table(sheet, styles, headers, rows, (s.id, s.text, s.strong, s.text, s.text, s.text, s.text, s.id))
    for index, finding in enumerate(section.data["findings"], start=1):
        put(sheet, index, 1, severity(finding["severity"]), styles.severity.get(finding["severity"], styles.text))
    if not rows:
        notes(sheet, styles, 1, [section.blocks[0].empty])


def gap_sheet(workbook, styles: Styles, document) -> None:
    """Every objective with an owner today: today's owner and fit, the recommended ones, and why it changes."""
    section = document.section("gap")
    shown = [block for block in section.blocks if isinstance(block, Table)]
    reasons = iter(shown[0].rows if shown else ())
    headers = (
        _("objective"),
        _("today"),
        _("today fit"),
        _("recommended"),
        _("recommended fit"),
        _("changed"),
        _("why"),
        _("objective id"),
    )
    rows = []
    for g in section.data["gap"]:
        why = plain(next(reasons)[3]) if g["changed"] else ""  # the view's table lists the changed ones, in order
        rows.append(
            (
                g["objective_name"],
                g["current_name"],
                g["current_fit"],
                g["recommended_name"],
                g["recommended_fit"],
                g["changed"],
                why,
                g["objective"],
            )
        )
    s = styles
    sheet = workbook.add_worksheet(sheet_name(_("Gap")))
    table(sheet, styles, headers, rows, (s.text, s.text, s.fit, s.strong, s.fit, s.text, s.text, s.id))
    notes(sheet, styles, len(rows) + 1, [plain(b.text) for b in section.blocks if isinstance(b, Paragraph)])


def _input_value(value):
    """A field of the org file for a cell: lists comma-joined, numbers kept numbers."""
    if isinstance(value, tuple | list):
        return ", ".join(str(item) for item in value)
    return value


def _input_sheet(workbook, styles: Styles, title: str, records, extra=()) -> None:
    """The records of the org file as written, one column per field (plus `extra` columns), in file order."""
    fields = list(type(records[0]).model_fields)
    headers = (*fields, *(header for header, _value in extra))
    rows = [
        tuple(_input_value(getattr(record, name)) for name in fields) + tuple(value(record) for _header, value in extra)
        for record in records
    ]
    formats = tuple(styles.id if name == "id" else styles.text for name in headers)  # field names, as in the file
    numbers = {index for index, header in enumerate(headers) if any(isinstance(row[index], int) for row in rows)}
    formats = tuple(styles.number if index in numbers else style for index, style in enumerate(formats))
    sheet = workbook.add_worksheet(sheet_name(title))
    table(sheet, styles, headers, rows, formats)


def departments_sheet(workbook, styles: Styles, org) -> None:
    _input_sheet(workbook, styles, _("Departments"), org.departments)


def objectives_sheet(workbook, styles: Styles, org) -> None:
    today = org.current_owners
    extra = ((_("owner today"), lambda o: today.get(o.id)),)
    _input_sheet(workbook, styles, _("Objectives"), org.objectives, extra)
