"""A Comparison of two scenarios as a Document: the sections every format shows, computed once.

Ownership changes, links gained and lost, findings resolved and introduced,
structure and total fit; names for people (from whichever scenario knows the
department), ids and numbers in `data` for the JSON. Every sentence about a
change is made by one small function here.
"""

from __future__ import annotations

from typing import Any

from orgdesign.present.document import Column, Document, Facts, Item, Items, Paragraph, Section, Span, Table, line
from orgdesign.present.view import counted, fit, model_name
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
    verb = "changes" if changed == 1 else "change"
    stay = "keeps its owner" if unchanged == 1 else "keep theirs"
    return f"{counted(changed, 'objective')} {verb} owner; {unchanged} {stay}."


def changes_section(c, names: Names) -> Section:
    rows = []
    for change in c.changes:
        why = [line(Span(r.rule, "code"), Span(f" {r.contribution / 100:+.2f}", "good")) for r in change.gained]
        why += [line(Span(r.rule, "code"), Span(" no longer applies", "bad")) for r in change.lost]
        why.append(line(Span(note_words(change, names), "muted")))
        joined = tuple(span for index, part in enumerate(why) for span in ((Span("; "),) if index else ()) + part)
        moved = line(names.department(change.before), " → ", Span(names.department(change.after), "strong"))
        rows.append((line(names.objective(change.objective)), moved, joined))
    blocks: list = []
    if rows:
        blocks.append(Table((Column("objective"), Column("from → to"), Column("why")), tuple(rows)))
    else:
        blocks.append(Paragraph(line(Span("No objective changes owner.", "good"))))
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
    return Section("changes", "Ownership changes", tuple(blocks), data)


def _reason(reason) -> dict[str, Any]:
    return {"rule": reason.rule, "contribution": fit(reason.contribution), "evidence": list(reason.evidence)}


def links_section(c, names: Names) -> Section:
    items = []
    for verdict, tone, pairs in (("gained", "good", c.links_gained), ("lost", "bad", c.links_lost)):
        shown = sorted(sorted((names.department(a), names.department(b)), key=str.casefold) for a, b in pairs)
        items += [Item(line(Span(verdict, tone), f": {a} ↔ {b}")) for a, b in shown]
    data = {
        "links_gained": [list(pair) for pair in c.links_gained],
        "links_lost": [list(pair) for pair in c.links_lost],
        "links_gained_names": [[names.department(d) for d in pair] for pair in c.links_gained],
        "links_lost_names": [[names.department(d) for d in pair] for pair in c.links_lost],
    }
    return Section("links", "Who must work with whom", (Items(tuple(items), empty="No change."),), data)


def finding_words(verdict: str, code: str, subject: str | None, message: str) -> str:
    """One finding that a scenario resolves or introduces."""
    return f"{verdict} {code}" + (f" ({subject})" if subject else "") + f": {message}"


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
    return Section("findings", "Findings", (Items(tuple(items), empty="No change."),), data)


def structure_section(c) -> Section:
    change = c.total_fit_after - c.total_fit_before
    pairs = (
        ("Structure", line(f"{model_name(c.structure_before)} → ", Span(model_name(c.structure_after), "strong"))),
        (
            "Total fit",
            line(
                f"{c.total_fit_before / 100:.2f} → {c.total_fit_after / 100:.2f} ",
                Span(f"({change / 100:+.2f})", "good" if change >= 0 else "bad"),
            ),
        ),
    )
    data = {
        "structure": {"before": c.structure_before, "after": c.structure_after},
        "total_fit": {"before": fit(c.total_fit_before), "after": fit(c.total_fit_after), "change": fit(change)},
    }
    return Section("structure", "Structure and total fit", (Facts(pairs),), data)
