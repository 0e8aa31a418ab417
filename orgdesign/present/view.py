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
from orgdesign.i18n import N_, _, ngettext, pgettext
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
    colon,
    evidence,
    line,
)
from orgdesign.present.plain import HUB_TIE, signed, units
from orgdesign.present.words import Names, names_of

FORMAT_VERSION = 2  # of `recommend --format json`; see docs/output.md
# The meanings of the RACI letters, and each role in one word (a column head).
RACI_LEGEND = (
    ("A", N_("accountable (the owner)")),
    ("R", N_("responsible")),
    ("C", N_("consulted before")),
    ("I", N_("informed after")),
)
CHART_NOTES = {
    "recommended": N_(
        "Recommended owners. Each box lists the objectives its department owns. Solid lines are reporting"
        " lines and dotted lines secondary (dotted-line) reporting; dashed lines join departments that must work"
        " together; dashed boxes are units the recommendation proposes."
    ),
    "current": N_(
        "Today's owners, as the org file gives them. Each box lists the objectives its department owns today."
    ),
}


RACI_ROLES = (N_("accountable"), N_("responsible"), N_("consulted"), N_("informed"))


def raci_legend() -> tuple[tuple[str, str], ...]:
    """The RACI letters with their meanings in the language in use (the letters stay)."""
    return tuple((code, _(meaning)) for code, meaning in RACI_LEGEND)


def raci_roles() -> tuple[str, ...]:
    """Each RACI letter's role in one word, in the language in use, in the legend's order."""
    return tuple(_(role) for role in RACI_ROLES)


# How the facts under a report's title read a region and a size (the ids, in words).
REGION_WORDS = {
    "north_america": N_("north america"),
    "latin_america": N_("latin america"),
    "europe": N_("europe"),
    "asia_pacific": N_("asia pacific"),
    "middle_east_africa": N_("middle east africa"),
}
SIZE_WORDS = {"small": N_("small"), "midmarket": N_("midmarket"), "enterprise": N_("enterprise")}


def region_words(region: str) -> str:
    """A region id as the facts line reads it: "latin america", "Lateinamerika"; an unknown id with spaces."""
    return _(REGION_WORDS[region]) if region in REGION_WORDS else region.replace("_", " ")


def size_words(size: str) -> str:
    """A size id as the facts line reads it: "midmarket", "Mittelstand"."""
    return _(SIZE_WORDS[size]) if size in SIZE_WORDS else size


def report_title(organization: str) -> str:
    """The title of a recommendation's report (Markdown, HTML): "Social media ownership: ACME"."""
    return _("Social media ownership: {organization}").format(organization=organization)


def fit(hundredths: int | None) -> float | None:
    """A fit for JSON: rule units with two decimals."""
    return None if hundredths is None else round(hundredths / 100, 2)


def counted(count: int, noun: str) -> str:
    """A count with its noun ("objective", "department" or "finding"), singular or plural, in the language in use.

    >>> counted(1, "objective"), counted(3, "objective")
    ('1 objective', '3 objectives')
    """
    if noun == "objective":
        words = ngettext("{count} objective", "{count} objectives", count)
    elif noun == "department":
        words = ngettext("{count} department", "{count} departments", count)
    elif noun == "finding":
        words = ngettext("{count} finding", "{count} findings", count)
    else:
        raise ValueError(f"no words for a count of {noun!r}")
    return words.format(count=count)


# The structure models' names as Altimeter's social business literature names them (dandelion: multiple
# hub-and-spoke; honeycomb: holistic), each a message made when shown.
MODEL_NAMES = {
    "centralized": lambda: pgettext("structure model", "centralized"),
    "decentralized": lambda: pgettext("structure model", "decentralized"),
    "hub_and_spoke": lambda: pgettext("structure model", "hub-and-spoke"),
    "dandelion": lambda: pgettext("structure model", "dandelion"),
    "honeycomb": lambda: pgettext("structure model", "honeycomb"),
}


def model_name(model: str) -> str:
    """A structure model as a reader reads it: `hub-and-spoke` (translated; an unknown id is shown as it is)."""
    known = MODEL_NAMES.get(model)
    return known() if known else model.replace("_", "-")


def recommendation(result, chart: str | None = None) -> Document:
    """The whole report; `chart` ("recommended" or "current") adds the org chart section."""
    graph = result.table.graph
    names = names_of(graph)
    org = result.org.organization
    by_priority = sorted(result.assignments, key=lambda a: (-graph.objectives[a.objective].priority, a.objective))
    from orgdesign.present.view_advice import findings_section, gap_section, structure_section

    sections = [summary_section(result)]
    if chart:
        note = Paragraph(line(_(CHART_NOTES[chart])), note=True)
        sections.append(Section("chart", _("Org chart"), (note, Chart(chart))))
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
        region_words(org.region),
        org.country or "",
        size_words(org.size),
        _("regulated") if org.regulated else "",
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
    if result.gap:
        moved = _("{changed} of {count}").format(changed=changed, count=len(result.gap))
    else:
        moved = _("no current owners given")
    pairs = (
        (_("Recommended model"), line(model_name(s.model))),
        (_("Today"), line(model_name(s.current_model) if s.current_model else today_unknown(result))),
        (_("Objectives that change owner"), line(moved)),
        (_("Findings to act on"), line(str(to_act))),
    )
    data = {
        "model": s.model,
        "current_model": s.current_model,
        "changes_owner": changed if result.gap else None,
        "findings_to_act_on": to_act,
    }
    return Section("summary", _("Summary"), (Facts(pairs, cards=True),), {"summary": data})


def today_unknown(result) -> str:
    """What is known of today's model when not every objective has a current owner."""
    known = len(result.org.current_owners)
    total = len(result.org.objectives)
    if not known:
        return _("not given")
    return ngettext(
        "partly known: {known} of {count} objective has an owner today",
        "partly known: {known} of {count} objectives have an owner today",
        total,
    ).format(known=known, count=total)


# --- owners --------------------------------------------------------------------------


def runner_up_words(assignment, fragile: bool) -> str:
    """The runner-up's fit and how far it is from the owner's, in words: the one sentence for it."""
    a = assignment
    if a.runner_up is None:
        return _("nobody else may own it")
    fit = units(a.runner_up_score)
    if a.tie == "today":
        words = _("{fit} (tie; kept with today's owner)").format(fit=fit)
    elif a.tie:
        words = _("{fit} (tie; stable order)").format(fit=fit)
    elif a.margin > 0:
        words = _("{fit} ({margin} behind)").format(fit=fit, margin=units(a.margin))
    elif a.margin < 0:
        words = _("{fit} ({margin} ahead, but its capacity went elsewhere)").format(fit=fit, margin=units(-a.margin))
    else:
        words = _("{fit} (level)").format(fit=fit)
    return words + (" ⚠ " + _("fragile") if fragile else "")


def owners_section(result, names: Names, by_priority) -> Section:
    graph = result.table.graph
    today = graph.org.current_owners
    rows = []
    for a in by_priority:
        solid = result.robustness[a.objective] if result.robustness else None
        runner = line(runner_up_words(a, bool(solid and solid.fragile)))
        if a.runner_up is not None:
            # Translators: a runner-up in the owners table: "Press Office, fit 2.00 (1.00 behind)".
            runner = line(_("{department}, fit ").format(department=names.department(a.runner_up)), *runner)
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
        Column(_("objective")),
        Column(_("priority"), numeric=True),
        Column(_("owner")),
        Column(_("fit"), numeric=True),
        Column(_("runner-up")),
        Column(_("today")),
    )
    blocks: list = [
        Paragraph(
            line(
                _(
                    "Fit is the sum of the contributions of the rules that matched the owner; the margin says how far"
                    " the runner-up is behind."
                )
            ),
            note=True,
        ),
        Table(columns, tuple(rows)),
    ]
    if result.robustness and any(r.fragile for r in result.robustness.values()):
        blocks.append(
            Paragraph(
                line(
                    Span("⚠ " + _("fragile"), "warn"),
                    # Translators: after "⚠ fragile"; {command} is "orgdesign explain FILE OBJECTIVE".
                    *_split(
                        _(
                            ": raising the runner-up's fit by one point or less would flip it;"
                            " {command} shows the change."
                        ),
                        command=Span("orgdesign explain FILE OBJECTIVE", "code"),
                    ),
                ),
                note=True,
            )
        )
    data = [_assignment_data(result, names, a) for a in result.assignments]
    return Section("owners", _("Recommended owners"), tuple(blocks), {"assignments": data})


def _split(message: str, **spans: Span) -> tuple[Span | str, ...]:
    """A translated message with `{name}` placeholders filled by spans, as pieces of a line.

    >>> _split("a {x} b", x=Span("X", "code"))
    ('a ', Span(text='X', kind='code', target=''), ' b')
    """
    import re

    out: list[Span | str] = []
    for piece in re.split(r"(\{\w+\})", message):
        name = piece[1:-1] if piece.startswith("{") and piece.endswith("}") else None
        out.append(spans[name] if name in spans else piece)
    return tuple(p for p in out if p != "")


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
    shared = {name for name, count in Counter(name for name, _d in columns).items() if count > 1}
    columns = [(f"{name} ({d})" if name in shared else name, d) for name, d in columns]
    rows = []
    for a in by_priority:
        raci = result.raci[a.objective]
        rows.append((line(names.objective(a.objective)), tuple(raci.role_of(d) or "" for _name, d in columns)))
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
    row_ids = tuple(a.objective for a in by_priority)
    matrix = Matrix(_("objective"), tuple(columns), tuple(rows), raci_legend(), row_ids, raci_roles())
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
            line(", ".join(names.objective(o) for o in link.objectives) or Span(_(HUB_TIE), "muted")),
        )
        for first, second, link in pairs
    )
    blocks: tuple = (
        Paragraph(
            line(_("The owner of each objective with the departments responsible for it or consulted on it.")),
            note=True,
        ),
        Table((Column(_("department")), Column(_("works with")), Column(_("joined by"))), rows),
    )
    if not rows:
        blocks = (Paragraph(line(_("No links: every owner does its objectives alone."))),)
    data = [
        {
            "departments": [link.a, link.b],
            "department_names": [names.department(link.a), names.department(link.b)],
            "objectives": list(link.objectives),
            "objective_names": [names.objective(o) for o in link.objectives],
        }
        for link in result.links
    ]
    return Section("links", _("Who must work with whom"), blocks, {"links": data})


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
        return _("nobody else may own it")
    return _("runner-up {department}: fit {fit}, margin {margin}").format(
        department=names.department(a.runner_up), fit=units(a.runner_up_score), margin=units(a.margin)
    )


def why_section(result, names: Names, by_priority) -> Section:
    parts = []
    columns = (
        Column(_("rule"), whole=True),
        Column(_("contribution"), numeric=True),
        Column(_("rationale [evidence]")),
    )
    for a in by_priority:
        rows = tuple(
            (
                line(Span(r.rule, "code")),
                line(signed(r.contribution)),
                line(r.rationale, " [", *evidence(r.evidence), "]"),
            )
            for r in a.reasons
        )
        footer = (line(_("fit")), line(Span(units(a.score), "strong")), line(runner_up_sentence(a, names)))
        table = Table(columns, rows, footer) if rows else Paragraph(line(_("No rule matched this owner.")))
        total = _("fit {fit}; {runner_up}").format(fit=units(a.score), runner_up=runner_up_sentence(a, names))
        blocks = (table,) if rows else (table, Paragraph(line(total)))
        title = line(names.objective(a.objective), " → ", Span(names.department(a.owner), "strong"))
        parts.append(Part(title, "why-" + a.objective, blocks))
    data = [{"reasons": [reason_data(r) for r in a.reasons]} for a in result.assignments]
    return Section("why", _("Why each owner"), tuple(parts), {"assignments": data})


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
        summary = known.summary if known else _("not in the table")
        citation = known.citation if known else ""
        entry = line(Span(eid, "strong"), f"{colon()} {summary} ", Span(citation, "muted"))
        items.append(Item(entry, anchor="ev-" + eid))
        data.append({"id": eid, "summary": summary, "citation": citation})
    note = Paragraph(line(_("Summaries in our words of the sources each rule, finding and proposal cites.")), note=True)
    return Section("evidence", _("Evidence"), (note, Items(tuple(items), marks=False)), {"evidence": data})
