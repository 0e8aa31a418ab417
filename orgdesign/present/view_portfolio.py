"""A batch portfolio Summary as a Document: the sections summary.md, summary.json and the terminal show.

Status counts, owners by objective kind, structure models, the most frequent
findings and the files (every file for the reports; the failed ones for the
terminal, whose problems are on stderr already).
"""

from __future__ import annotations

from orgdesign import __version__
from orgdesign.i18n import N_, _, ngettext
from orgdesign.present.document import Column, Document, Paragraph, Section, Span, Table, line
from orgdesign.present.view import model_name

SUMMARY_FORMAT = 1  # of summary.json; see docs/batch.md
# Translators: a file's status in a batch: "8 ok, 3 bad input"; short words.
STATUS_WORDS = {
    "ok": N_("ok"),
    "bad-input": N_("bad input"),
    "infeasible": N_("infeasible"),
    "not-written": N_("not written"),
    "internal-error": N_("internal error"),
}


def status_word(status: str) -> str:
    """A file's status as a reader reads it (summary.json keeps the id)."""
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else status.replace("-", " ")


def status_line(summary) -> str:
    """`12 files: 8 ok, 3 bad input, 1 infeasible`."""
    parts = [f"{count} {status_word(status)}" for status, count in summary.statuses.items() if count]
    files = len(summary.results)
    return ngettext("{count} file: {statuses}", "{count} files: {statuses}", files).format(
        count=files, statuses=", ".join(parts)
    )


def owner_cell(functions: dict[str, int]) -> str:
    """`customer_service 5 · marketing 1`."""
    return " · ".join(f"{function} {count}" for function, count in functions.items())


def first_problem(result) -> str:
    return result.summary_lines[0] if result.summary_lines else ""


def portfolio(summary, every_file: bool = True, written_to: str = "") -> Document:
    """The portfolio; `every_file=False` lists only the failed files (the terminal's choice)."""
    status = Section(
        "status",
        _("Status"),
        (Paragraph(line(Span(status_line(summary) + ".", "strong"))),),
        {"files": len(summary.results), "statuses": summary.statuses},
    )
    owners = Section(
        "owners",
        _("Owners by objective kind"),
        (
            Paragraph(line(_("Files that give each kind to each function.")), note=True),
            Table(
                (Column(_("objective kind")), Column(_("owner functions (files)"))),
                tuple((line(kind), line(owner_cell(functions))) for kind, functions in summary.owners.items()),
            ),
        ),
        {"owners": summary.owners},
    )
    models = Section(
        "models",
        _("Structure models"),
        (
            Table(
                (Column(_("model")), Column(_("files"), numeric=True)),
                tuple((line(model_name(model)), line(str(count))) for model, count in summary.models.items()),
            ),
        ),
        {"models": summary.models},
    )
    findings = Section(
        "findings",
        _("Most frequent findings"),
        (
            Table(
                (
                    Column(_("code")),
                    Column(_("name")),
                    Column(_("findings"), numeric=True),
                    Column(_("files"), numeric=True),
                ),
                tuple(
                    (line(Span(code, "warn")), line(name), line(str(count)), line(str(files)))
                    for code, name, count, files in summary.findings
                ),
            ),
        ),
        {"findings": [{"code": c, "name": n, "findings": k, "files": f} for c, n, k, f in summary.findings]},
    )
    data = {
        "results": [
            {"file": r.file, "status": r.status, "outputs": list(r.outputs), "problems": list(r.summary_lines)}
            for r in summary.results
        ]
    }
    if every_file:
        rows = tuple(
            (line(r.file), line(status_word(r.status)), line(first_problem(r) if r.failed else ", ".join(r.outputs)))
            for r in summary.results
        )
        columns = (Column(_("file")), Column(_("status")), Column(_("outputs or first problem")))
        files = Section("files", _("Files"), (Table(columns, rows),), data)
    else:
        rows = tuple(
            (line(Span(r.file, "bad")), line(status_word(r.status)), line(Span(first_problem(r), "muted")))
            for r in summary.failed
        )
        columns = (Column(_("file")), Column(_("status")), Column(_("first problem")))
        files = Section("files", _("Failed files (every problem is on stderr)"), (Table(columns, rows),), data)
    sections = [status, owners, models, findings]
    sections = [s for s in sections if every_file or s.key == "status" or s.blocks[-1].rows]
    if every_file or summary.failed:
        sections.append(files)
    facts = (f"→ {written_to}",) if written_to else ()
    header = {"orgdesign": __version__, "format": SUMMARY_FORMAT}
    return Document(_("Portfolio summary"), facts, tuple(sections), header)
