"""A Recommendation as a Document: the sections every format shows, computed once.

Each section says, for people, what to show (names, not ids; sorted and worded
here and nowhere else) and, for machines, the JSON-ready `data` of the same
facts. The terminal, Markdown, HTML and JSON renderers only draw it. Nothing
here re-solves or re-scores: it reads the Recommendation.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from orgdesign import __version__
from orgdesign.present.document import (
    Chart,
    Column,
    Document,
    Facts,
    Item,
    Items,
    Matrix,
    Paragraph,
    Part,
    Section,
    Span,
    Table,
    evidence,
    line,
)
from orgdesign.present.plain import HUB_TIE, units
from orgdesign.present.words import Names, names_of

FORMAT_VERSION = 2  # of `recommend --format json`; see docs/output.md
RACI_LEGEND = (
    ("A", "accountable (the owner)"),
    ("R", "responsible"),
    ("C", "consulted before"),
    ("I", "informed after"),
)
CHART_NOTES = {
    "recommended": "Recommended owners. Each box lists the objectives its department owns. Solid lines are reporting"
    " lines and dotted lines secondary (dotted-line) reporting; dashed lines join departments that must work"
    " together; dashed boxes are units the recommendation proposes.",
    "current": "Today's owners, as the org file gives them. Each box lists the objectives its department owns today.",
}


def fit(hundredths: int | None) -> float | None:
    """A fit for JSON: rule units with two decimals."""
    return None if hundredths is None else round(hundredths / 100, 2)


def counted(count: int, noun: str) -> str:
    """A count with its noun, singular or plural.

    >>> counted(1, "objective"), counted(3, "objective")
    ('1 objective', '3 objectives')
    """
    return f"{count} {noun}{'s' * (count != 1)}"


def model_name(model: str) -> str:
    return model.replace("_", "-")


def recommendation(result, chart: str | None = None) -> Document:
    """The whole report; `chart` ("recommended" or "current") adds the org chart section."""
    graph = result.table.graph
    names = names_of(graph)
    org = result.org.organization
    by_priority = sorted(result.assignments, key=lambda a: (-graph.objectives[a.objective].priority, a.objective))
    from orgdesign.present.view_advice import findings_section, gap_section, structure_section

    sections = [summary_section(result)]
    if chart:
        sections.append(Section("chart", "Org chart", (Paragraph(line(CHART_NOTES[chart]), note=True), Chart(chart))))
    sections += [
        owners_section(result, names, by_priority),
        raci_section(result, names, by_priority),
        links_section(result, names),
        findings_section(result, names),
        structure_section(result, names),
        gap_section(result, names),
        why_section(result, names, by_priority),
        evidence_section(result),
    ]
    facts = (
        org.industry.replace("_", " ") if org.industry else "",
        org.region.replace("_", " "),
        org.country or "",
        org.size,
        "regulated" if org.regulated else "",
        counted(len(graph.departments), "department"),
        counted(len(graph.objectives), "objective"),
    )
    data = {
        "orgdesign": __version__,
        "format": FORMAT_VERSION,
        "organization": org.name,
        "total_fit": fit(result.solution.value),
    }
    return Document(org.name, tuple(f for f in facts if f), tuple(sections), data)


def summary_section(result) -> Section:
    s = result.structure
    changed = sum(g.changed for g in result.gap)
    to_act = sum(f.severity in ("error", "warning") for f in result.findings)
    moved = f"{changed} of {len(result.gap)}" if result.gap else "no current owners given"
    pairs = (
        ("Recommended model", line(model_name(s.model))),
        ("Today", line(model_name(s.current_model) if s.current_model else today_unknown(result))),
        ("Objectives that change owner", line(moved)),
        ("Findings to act on", line(str(to_act))),
    )
    data = {
        "model": s.model,
        "current_model": s.current_model,
        "changes_owner": changed if result.gap else None,
        "findings_to_act_on": to_act,
    }
    return Section("summary", "Summary", (Facts(pairs, cards=True),), {"summary": data})


def today_unknown(result) -> str:
    """What is known of today's model when not every objective has a current owner."""
    known = len(result.org.current_owners)
    total = len(result.org.objectives)
    if not known:
        return "not given"
    return f"partly known: {known} of {total} objectives have an owner today"


# --- owners --------------------------------------------------------------------------


def runner_up_words(assignment, fragile: bool) -> str:
    """The runner-up's fit and how far it is from the owner's, in words: the one sentence for it."""
    a = assignment
    if a.runner_up is None:
        return "nobody else may own it"
    if a.tie:
        how = "kept with today's owner" if a.tie == "today" else "stable order"
        words = f"{units(a.runner_up_score)} (tie; {how})"
    elif a.margin > 0:
        words = f"{units(a.runner_up_score)} ({units(a.margin)} behind)"
    elif a.margin < 0:
        words = f"{units(a.runner_up_score)} ({units(-a.margin)} ahead, but its capacity went elsewhere)"
    else:
        words = f"{units(a.runner_up_score)} (level)"
    return words + (" ⚠ fragile" if fragile else "")


def owners_section(result, names: Names, by_priority) -> Section:
    graph = result.table.graph
    today = graph.org.current_owners
    rows = []
    for a in by_priority:
        solid = result.robustness[a.objective] if result.robustness else None
        runner = line(runner_up_words(a, bool(solid and solid.fragile)))
        if a.runner_up is not None:
            runner = line(names.department(a.runner_up) + ", fit ", *runner)
        current = today.get(a.objective)
        moved = current is not None and current != a.owner
        rows.append(
            (
                line(Span(names.objective(a.objective), "link", "why-" + a.objective)),
                line(str(graph.objectives[a.objective].priority)),
                line(Span(names.department(a.owner), "strong")),
                line(units(a.score)),
                runner,
                line(Span(names.department(current), "warn" if moved else "muted")),
            )
        )
    columns = (
        Column("objective"),
        Column("priority", numeric=True),
        Column("owner"),
        Column("fit", numeric=True),
        Column("runner-up"),
        Column("today"),
    )
    blocks: list = [
        Paragraph(
            line(
                "Fit is the sum of the contributions of the rules that matched the owner; the margin says how far"
                " the runner-up is behind."
            ),
            note=True,
        ),
        Table(columns, tuple(rows)),
    ]
    if result.robustness and any(r.fragile for r in result.robustness.values()):
        blocks.append(
            Paragraph(
                line(
                    Span("⚠ fragile", "warn"),
                    ": raising the runner-up's fit by one point or less would flip it; ",
                    Span("orgdesign explain FILE OBJECTIVE", "code"),
                    " shows the change.",
                ),
                note=True,
            )
        )
    data = [_assignment_data(result, names, a) for a in result.assignments]
    return Section("owners", "Recommended owners", tuple(blocks), {"assignments": data})


def _assignment_data(result, names: Names, a) -> dict[str, Any]:
    objective = result.table.graph.objectives[a.objective]
    runner = None
    if a.runner_up is not None:
        runner = {
            "department": a.runner_up,
            "department_name": names.department(a.runner_up),
            "score": fit(a.runner_up_score),
            "fit": fit(a.runner_up_score),
            "margin": fit(a.margin),
            "tie_break": a.tie,
        }
    solid = result.robustness[a.objective] if result.robustness else None
    robust = None
    if solid is not None:
        flip = None
        if solid.flip_at is not None:
            flip = {
                "kind": "rule_weight",
                "department": solid.runner_up,
                "department_name": names.department(solid.runner_up),
                "fit_increase": fit(solid.flip_at),
            }
        robust = {"fragile": solid.fragile, "tie": solid.tie, "flip": flip}
    return {
        "objective": a.objective,
        "objective_name": objective.label,
        "kind": objective.kind,
        "priority": objective.priority,
        "owner": a.owner,
        "owner_name": names.department(a.owner),
        "score": fit(a.score),
        "fit": fit(a.score),
        "runner_up": runner,
        "robustness": robust,
    }


# --- RACI and links ---------------------------------------------------------------------


def raci_section(result, names: Names, by_priority) -> Section:
    members = {d for r in result.raci.values() for d in (r.accountable, *r.responsible, *r.consulted, *r.informed)}
    columns = sorted(((names.department(d), d) for d in members), key=lambda pair: (pair[0].casefold(), pair[1]))
    shared = {name for name, count in Counter(name for name, _ in columns).items() if count > 1}
    columns = [(f"{name} ({d})" if name in shared else name, d) for name, d in columns]
    rows = []
    for a in by_priority:
        raci = result.raci[a.objective]
        rows.append((line(names.objective(a.objective)), tuple(raci.role_of(d) or "" for _, d in columns)))
    data = []
    for a in result.assignments:
        raci = result.raci[a.objective]
        groups = {
            "responsible": list(raci.responsible),
            "accountable": a.owner,
            "consulted": list(raci.consulted),
            "informed": list(raci.informed),
        }
        named = {
            role: names.department(ids) if isinstance(ids, str) else [names.department(d) for d in ids]
            for role, ids in groups.items()
        }
        data.append({"raci": groups, "raci_names": named})
    matrix = Matrix("objective", tuple(columns), tuple(rows), RACI_LEGEND, tuple(a.objective for a in by_priority))
    return Section("raci", "RACI", (matrix,), {"assignments": data})


def links_section(result, names: Names) -> Section:
    pairs = sorted(
        (
            (*sorted((names.department(link.a), names.department(link.b)), key=str.casefold), link)
            for link in result.links
        ),
        key=lambda row: (row[0].casefold(), row[1].casefold(), row[2].a, row[2].b),
    )  # by name, so each department's links sit together
    rows = tuple(
        (
            line(first),
            line(second),
            line(", ".join(names.objective(o) for o in link.objectives) or Span(HUB_TIE, "muted")),
        )
        for first, second, link in pairs
    )
    blocks: tuple = (
        Paragraph(
            line("The owner of each objective with the departments responsible for it or consulted on it."), note=True
        ),
        Table((Column("department"), Column("works with"), Column("joined by")), rows),
    )
    if not rows:
        blocks = (Paragraph(line("No links: every owner does its objectives alone.")),)
    data = [
        {
            "departments": [link.a, link.b],
            "department_names": [names.department(link.a), names.department(link.b)],
            "objectives": list(link.objectives),
            "objective_names": [names.objective(o) for o in link.objectives],
        }
        for link in result.links
    ]
    return Section("links", "Who must work with whom", blocks, {"links": data})


# --- why each owner, and the evidence ---------------------------------------------------------


def reason_data(reason) -> dict[str, Any]:
    return {
        "rule": reason.rule,
        "contribution": fit(reason.contribution),
        "rationale": reason.rationale,
        "evidence": list(reason.evidence),
    }


def runner_up_sentence(assignment, names: Names) -> str:
    """The runner-up under an owner's reasons."""
    a = assignment
    if a.runner_up is None:
        return "nobody else may own it"
    return f"runner-up {names.department(a.runner_up)}: fit {units(a.runner_up_score)}, margin {units(a.margin)}"


def why_section(result, names: Names, by_priority) -> Section:
    parts = []
    columns = (
        Column("rule", whole=True),
        Column("contribution", numeric=True),
        Column("rationale [evidence]"),
    )
    for a in by_priority:
        rows = tuple(
            (
                line(Span(r.rule, "code")),
                line(f"{r.contribution / 100:+.2f}"),
                line(r.rationale, " [", *evidence(r.evidence), "]"),
            )
            for r in a.reasons
        )
        footer = (line("fit"), line(Span(units(a.score), "strong")), line(runner_up_sentence(a, names)))
        table = Table(columns, rows, footer) if rows else Paragraph(line("No rule matched this owner."))
        blocks = (table,) if rows else (table, Paragraph(line(f"fit {units(a.score)}; ", runner_up_sentence(a, names))))
        title = line(names.objective(a.objective), " → ", Span(names.department(a.owner), "strong"))
        parts.append(Part(title, "why-" + a.objective, blocks))
    data = [{"reasons": [reason_data(r) for r in a.reasons]} for a in result.assignments]
    return Section("why", "Why each owner", tuple(parts), {"assignments": data})


def _evidence_order(eid: str) -> tuple:
    digits = "".join(ch for ch in eid if ch.isdigit())
    return (eid.rstrip("0123456789"), int(digits) if digits else 0, eid)


def cited(result) -> list[str]:
    """Every evidence id the report cites, in reading order (E2 before E10)."""
    ids = set(result.structure.evidence)
    for a in result.assignments:
        for r in a.reasons:
            ids.update(r.evidence)
    for f in result.findings:
        ids.update(f.evidence)
    for p in result.structure.proposals:
        ids.update(p.evidence)
    for g in result.gap:
        for r in g.why:
            ids.update(r.evidence)
    return sorted(ids, key=_evidence_order)


def evidence_section(result) -> Section:
    from orgdesign.evidence import EVIDENCE

    items = []
    data = []
    for eid in cited(result):
        known = EVIDENCE.get(eid)
        summary = known.summary if known else "not in the table"
        citation = known.citation if known else ""
        items.append(Item(line(Span(eid, "strong"), f": {summary} ", Span(citation, "muted")), anchor="ev-" + eid))
        data.append({"id": eid, "summary": summary, "citation": citation})
    note = Paragraph(line("Summaries in our words of the sources each rule, finding and proposal cites."), note=True)
    return Section("evidence", "Evidence", (note, Items(tuple(items), marks=False)), {"evidence": data})
