"""`orgdesign explain` as a Document: why an objective got its owner, and why not another department.

Ids appear here beside names, because this is where a user picks what to
type next (`explain FILE OBJECTIVE -d DEPARTMENT`, `--set`). Every sentence
about a verdict, a blocker or a change is made by one small function.
"""

from __future__ import annotations

from dataclasses import asdict

from orgdesign.i18n import _
from orgdesign.present.document import Column, Document, Facts, Item, Items, Paragraph, Section, Span, Table, line
from orgdesign.present.document import evidence as cites
from orgdesign.present.plain import signed, units
from orgdesign.present.view import fit
from orgdesign.present.words import Names, blocker_text, change_text, names_of, tie_break_text, verdict_text


def named(graph, department: str) -> str:
    """A department as a person reads it and as a user types it: `Customer Relations [customer_relations]`."""
    record = graph.departments.get(department)
    return f"{record.label} [{department}]" if record is not None else department


def explanation(result, assignment, contrast) -> Document:
    """Why `assignment`'s owner, and, when `contrast` is another department, why not that one."""
    graph = result.table.graph
    objective = graph.objectives[assignment.objective]
    sections = [owner_section(graph, assignment), reasons_section(assignment)]
    if contrast is not None and contrast.verdict != "owner":
        sections.append(why_not_section(graph, contrast))
    facts = (f"[{objective.id}]", objective.kind, _("priority {priority}").format(priority=objective.priority))
    return Document(objective.label, facts, tuple(sections), {})


def runner_up_words(graph, assignment) -> str:
    """The runner-up, or the tie and what broke it."""
    a = assignment
    if a.runner_up is None:
        return _("nobody else may own it")
    if a.tie:
        return _("tied with {department} at fit {fit}; {tie_break}").format(
            department=named(graph, a.runner_up), fit=units(a.score), tie_break=tie_break_text(a.tie)
        )
    return _("{department}, fit {fit}, {margin} behind").format(
        department=named(graph, a.runner_up), fit=units(a.runner_up_score), margin=units(a.margin)
    )


def owner_section(graph, assignment) -> Section:
    a = assignment
    pairs = (
        (_("Owner"), line(Span(named(graph, a.owner), "good"), _(", fit {fit}").format(fit=units(a.score)))),
        (_("Runner-up"), line(runner_up_words(graph, a))),
    )
    data = {
        "objective": a.objective,
        "owner": a.owner,
        "fit": fit(a.score),
        "runner_up": a.runner_up,
        "runner_up_fit": fit(a.runner_up_score),
        "tie_break": a.tie,
    }
    return Section("owner", _("Owner"), (Facts(pairs),), data)


def reasons_section(assignment) -> Section:
    columns = (Column(_("rule"), whole=True), Column("+/-", numeric=True), Column(_("why [evidence]")))
    rows = tuple(
        (
            line(Span(r.rule, "code")),
            line(signed(r.contribution)),
            line(r.rationale, " [", *cites(r.evidence), "]"),
        )
        for r in assignment.reasons
    )
    footer = (line(_("fit")), line(units(assignment.score)), ())
    block = Table(columns, rows, footer) if rows else Paragraph(line(_("No rule matched this owner.")))
    data = {"reasons": [{"rule": r.rule, "contribution": fit(r.contribution)} for r in assignment.reasons]}
    return Section("reasons", _("Why this owner"), (block,), data)


def verdict_words(graph, contrast) -> str:
    """What keeps a department from owning the objective, in one sentence."""
    # Translators: {verdict} is one of the verdicts, e.g. "fits it less well"; "It" is the department.
    return _("It {verdict} (fit {fit} against {owner_fit} for {owner}).").format(
        verdict=verdict_text(contrast.verdict),
        fit=units(contrast.fit),
        owner_fit=units(contrast.owner_fit),
        owner=named(graph, contrast.owner),
    )


def blocker_words(blocker, names: Names) -> str:
    """One thing that forbids the department or took its capacity."""
    return blocker_text(blocker, names)


def change_words(change, names: Names) -> str:
    """One single change that would make the department the owner (checked by re-solving)."""
    return change_text(change, names)


def _fields(record) -> dict:
    """A Blocker's or a Change's fields that its kind uses, for machines."""
    return {key.rstrip("_"): value for key, value in asdict(record).items() if value not in ("", None)}


def rule_difference_words(graph, department: str, reason) -> str:
    """A rule one of the two departments has and the other lacks."""
    return _("{department} has {rule} ({contribution})").format(
        department=named(graph, department), rule=reason.rule, contribution=signed(reason.contribution)
    )


def why_not_section(graph, contrast) -> Section:
    names = names_of(graph)
    blocks: list = [Paragraph(line(verdict_words(graph, contrast)))]
    if contrast.blockers:
        blocks.append(Items(tuple(Item(line(blocker_words(b, names))) for b in contrast.blockers)))
    if contrast.verdict != "forbidden":
        differences = [(contrast.owner, r) for r in contrast.owner_only]
        differences += [(contrast.department, r) for r in contrast.department_only]
        if differences:
            items = (Item(line(Span(rule_difference_words(graph, d, r), "muted"))) for d, r in differences)
            blocks.append(Items(tuple(items)))
    if contrast.changes:
        blocks.append(Paragraph(line(Span(_("It would become the owner if you:"), "strong"))))
        blocks.append(Items(tuple(Item(line(Span(change_words(c, names), "good"))) for c in contrast.changes)))
    elif contrast.verdict != "forbidden":
        blocks.append(Paragraph(line(_("No single change of its fit or capacity makes it the owner.")), note=True))
    else:
        text = _("A hard rule or constraint decides this; disable the rule with a user pack or drop the constraint.")
        blocks.append(Paragraph(line(text), note=True))
    data = {
        "department": contrast.department,
        "verdict": contrast.verdict,
        "fit": fit(contrast.fit),
        "owner_fit": fit(contrast.owner_fit),
        "blockers": [{**_fields(b), "text": blocker_words(b, names)} for b in contrast.blockers],
        "changes": [{**_fields(c), "text": change_words(c, names)} for c in contrast.changes],
    }
    title = _("Why not {department}?").format(department=named(graph, contrast.department))
    return Section("why_not", title, tuple(blocks), {"why_not": data})
