"""A Comparison of two scenarios as a Document: the sections every format shows, computed once.

Ownership changes, links gained and lost, findings resolved and introduced,
structure and total fit; names for people (from whichever scenario knows the
department), ids and numbers in `data` for the JSON. Every sentence about a
change is made by one small function here.
"""

from __future__ import annotations

from typing import Any

from orgdesign.i18n import _, ngettext
from orgdesign.present.document import (
    Column,
    Document,
    Facts,
    Item,
    Items,
    Paragraph,
    Section,
    Span,
    Table,
    colon,
    line,
    semicolon,
)
from orgdesign.present.plain import signed, units
from orgdesign.present.view import fit, model_name
from orgdesign.present.words import Names, names_of, owner_change_text


def comparison(comparison, first, second) -> Document:
    """The comparison of two recommendations (`first` before, `second` after)."""
    names = names_of(first.table.graph, second.table.graph)
    sections = (
        changes_section(comparison, names),
        links_section(comparison, names),
        findings_section(comparison, names),
        structure_section(comparison),
    )
    return Document(f"{comparison.before} → {comparison.after}", (), sections, {})


def note_words(change, names: Names) -> str:
    """Why an owner changed when no rule says so (new, removed, capacity, load)."""
    return owner_change_text(change, names)


def count_words(changed: int, unchanged: int) -> str:
    """How many objectives change owner: '1 objective changes owner; 9 keep theirs.'."""
    moved = ngettext("{count} objective changes owner", "{count} objectives change owner", changed)
    stay = ngettext("{kept} keeps its owner", "{kept} keep theirs", unchanged)
    return _("{moved}; {kept}.").format(moved=moved.format(count=changed), kept=stay.format(kept=unchanged))


def changes_section(c, names: Names) -> Section:
    rows = []
    for change in c.changes:
        why = [line(Span(r.rule, "code"), Span(f" {signed(r.contribution)}", "good")) for r in change.gained]
        why += [line(Span(r.rule, "code"), Span(" " + _("no longer applies"), "bad")) for r in change.lost]
        why.append(line(Span(note_words(change, names), "muted")))
        joined = tuple(
            span for index, part in enumerate(why) for span in ((Span(semicolon()),) if index else ()) + part
        )
        moved = line(names.department(change.before), " → ", Span(names.department(change.after), "strong"))
        rows.append((line(names.objective(change.objective)), moved, joined))
    blocks: list = []
    if rows:
        blocks.append(Table((Column(_("objective")), Column(_("from → to")), Column(_("why"))), tuple(rows)))
    else:
        blocks.append(Paragraph(line(Span(_("No objective changes owner."), "good"))))
    blocks.append(Paragraph(line(count_words(len(c.changes), c.unchanged)), note=True))
    data = {
        "ownership_changes": [
            {
                "objective": change.objective,
                "objective_name": names.objective(change.objective),
                "from": change.before,
                "from_name": None if change.before is None else names.department(change.before),
                "to": change.after,
                "to_name": None if change.after is None else names.department(change.after),
                "cause": change.cause,
                "note": note_words(change, names),
                "rules_gained": [_reason(r) for r in change.gained],
                "rules_lost": [_reason(r) for r in change.lost],
            }
            for change in c.changes
        ],
        "unchanged": c.unchanged,
    }
    return Section("changes", _("Ownership changes"), tuple(blocks), data)


def _reason(reason) -> dict[str, Any]:
    return {"rule": reason.rule, "contribution": fit(reason.contribution), "evidence": list(reason.evidence)}


def links_section(c, names: Names) -> Section:
    items = []
    for verdict, tone, pairs in ((_("gained"), "good", c.links_gained), (_("lost"), "bad", c.links_lost)):
        shown = sorted(sorted((names.department(a), names.department(b)), key=str.casefold) for a, b in pairs)
        items += [Item(line(Span(verdict, tone), f"{colon()} {a} ↔ {b}")) for a, b in shown]
    data = {
        "links_gained": [list(pair) for pair in c.links_gained],
        "links_lost": [list(pair) for pair in c.links_lost],
        "links_gained_names": [[names.department(d) for d in pair] for pair in c.links_gained],
        "links_lost_names": [[names.department(d) for d in pair] for pair in c.links_lost],
    }
    return Section("links", _("Who must work with whom"), (Items(tuple(items), empty=_("No change.")),), data)


def finding_words(verdict: str, code: str, subject: str | None, message: str) -> str:
    """One finding that a scenario resolves ("resolved") or introduces ("introduced")."""
    if verdict == "resolved":
        if subject:
            return _("resolved {code} ({subject}): {message}").format(code=code, subject=subject, message=message)
        return _("resolved {code}: {message}").format(code=code, message=message)
    if subject:
        return _("introduced {code} ({subject}): {message}").format(code=code, subject=subject, message=message)
    return _("introduced {code}: {message}").format(code=code, message=message)


def findings_section(c, names: Names) -> Section:
    items = [
        Item(line(Span(finding_words("resolved", code, names.subject(s), m), "good")))
        for code, s, m in c.findings_resolved
    ]
    items += [
        Item(line(Span(finding_words("introduced", code, names.subject(s), m), "warn")))
        for code, s, m in c.findings_introduced
    ]

    def listed(found) -> list[dict[str, Any]]:
        return [{"code": code, "subject": s, "subject_name": names.subject(s), "message": m} for code, s, m in found]

    data = {"findings_resolved": listed(c.findings_resolved), "findings_introduced": listed(c.findings_introduced)}
    return Section("findings", _("Findings"), (Items(tuple(items), empty=_("No change.")),), data)


def structure_section(c) -> Section:
    change = c.total_fit_after - c.total_fit_before
    pairs = (
        (_("Structure"), line(f"{model_name(c.structure_before)} → ", Span(model_name(c.structure_after), "strong"))),
        (
            _("Total fit"),
            line(
                f"{units(c.total_fit_before)} → {units(c.total_fit_after)} ",
                Span(f"({signed(change)})", "good" if change >= 0 else "bad"),
            ),
        ),
    )
    data = {
        "structure": {"before": c.structure_before, "after": c.structure_after},
        "total_fit": {"before": fit(c.total_fit_before), "after": fit(c.total_fit_after), "change": fit(change)},
    }
    return Section("structure", _("Structure and total fit"), (Facts(pairs),), data)
