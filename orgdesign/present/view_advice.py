"""The advice sections of a recommendation's view: findings, structure and the gap to today.

Split from `view.py` (which assembles the document) to keep each module short;
the same rules hold: names for people, data for machines, every sentence about
a change in one small function.
"""

from __future__ import annotations

from dataclasses import asdict

from orgdesign.i18n import N_, _, ngettext
from orgdesign.present.document import (
    Column,
    Facts,
    Item,
    Items,
    Line,
    Paragraph,
    Section,
    Span,
    Table,
    colon,
    evidence,
    line,
    semicolon,
)
from orgdesign.present.plain import signed, units
from orgdesign.present.view import fit, model_name, reason_data, today_unknown
from orgdesign.present.words import Names, forced_text


def subject_name(names: Names, subject: str) -> str:
    return names.subject(subject) or ""


SEVERITIES = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


def severity_word(severity: str) -> str:
    """A finding's severity as a reader reads it (the JSON keeps the id)."""
    return _(SEVERITIES[severity]) if severity in SEVERITIES else severity


def findings_section(result, names: Names) -> Section:
    items = tuple(
        Item(
            line(
                Span(f"{severity_word(f.severity)}[{f.code}]", f.severity),
                " ",
                Span(f.name, "strong"),
                colon() + " ",  # the message names its subject
                f.message,
            ),
            (
                line(Span(_("help: "), "good"), f.help),
                line(Span(_("evidence: "), "muted"), *evidence(f.evidence)),
            ),
            tone=f.severity,
        )
        for f in result.findings
    )
    data = [
        {
            "code": f.code,
            "name": f.name,
            "severity": f.severity,
            "subject": f.subject,
            "subject_name": subject_name(names, f.subject) if f.subject else None,
            "message": f.message,
            "help": f.help,
            "evidence": list(f.evidence),
        }
        for f in result.findings
    ]
    return Section("findings", _("Findings"), (Items(items, empty=_("No findings."), marks=False),), {"findings": data})


def next_step_words(structure) -> Line:
    """The next step of the structure, never a bare repeat of the recommended model."""
    why = semicolon().join(structure.next_why)
    if structure.next_model == structure.model:
        return line(Span(_("get there"), "strong"), f" ({model_name(structure.model)}){colon()} {why}")
    return line(Span(model_name(structure.next_model), "strong"), f"{colon()} {why}")


def proposal_words(proposal, names: Names) -> Line:
    """A proposed new unit, in one line."""
    return line(
        Span(proposal.name, "strong"),
        # Translators: after a proposed unit's name: " under Marketing: <why> (" then evidence ids and ")".
        _(" under {department}: {reason} (").format(
            department=names.department(proposal.reports_to), reason=proposal.reason
        ),
        *evidence(proposal.evidence),
        ")",
    )


def structure_section(result, names: Names) -> Section:
    from orgdesign.engine.structure import MODELS

    s = result.structure
    if s.current_model:
        today = line(
            Span(model_name(s.current_model), "strong"),
            f"{colon()} {_(MODELS[s.current_model]) if s.current_model in MODELS else ''}",
            f" ({semicolon().join(s.current_why)})" if s.current_why else "",
        )
    else:
        today = line(Span(today_unknown(result), "muted"))
    pairs = [
        (_("Today"), today),
        (
            _("Recommended"),
            line(Span(model_name(s.model), "good"), f"{colon()} {_(MODELS[s.model])} ({semicolon().join(s.why)})"),
        ),
        (_("Next step"), next_step_words(s)),
        *((_("Propose"), proposal_words(p, names)) for p in s.proposals),
        (_("Evidence"), evidence(s.evidence)),
    ]
    data = {
        "model": s.model,
        "why": list(s.why),
        "next": s.next_model,
        "next_why": list(s.next_why),
        "current_model": s.current_model,
        "current_why": list(s.current_why),
        "proposals": [
            {
                "kind": p.kind,
                "id": p.id,
                "name": p.name,
                "reports_to": p.reports_to,
                "reports_to_name": names.department(p.reports_to),
                "dotted_to": list(p.dotted_to),
                "reason": p.reason,
                "evidence": list(p.evidence),
            }
            for p in s.proposals
        ],
        "evidence": list(s.evidence),
    }
    return Section("structure", _("Structure"), (Facts(tuple(pairs)),), {"structure": data})


def forced_words(forced, names: Names) -> str:
    """Why a change of owner that gains no fit was forced, in words."""
    # Translators: {kind} is an id (rule, constraint, region, capacity, load); keep it as it is.
    return _("forced ({kind}): {reason}").format(kind=forced.kind, reason=forced_text(forced, names))


def forced_data(forced, names: Names) -> dict:
    """A `Forced` for machines: its kind, the fields that kind uses, and the sentence."""
    fields = {key: value for key, value in asdict(forced).items() if value not in ("", None)}
    return {**fields, "detail": forced_text(forced, names)}


def gap_count_words(changed: int, total: int) -> str:
    """How many objectives change owner, e.g. '1 of 3 objectives changes owner; 2 keep theirs.'."""
    kept = total - changed
    if total == 1:
        moved = ngettext(
            "{changed} of {total} objective changes owner", "{changed} of {total} objective change owner", changed
        )
    else:
        moved = ngettext(
            "{changed} of {total} objectives changes owner", "{changed} of {total} objectives change owner", changed
        )
    stay = ngettext("{kept} keeps its owner", "{kept} keep theirs", kept)
    # Translators: "1 of 3 objectives changes owner" and "2 keep theirs", made by the two messages before.
    return _("{moved}; {kept}.").format(moved=moved.format(changed=changed, total=total), kept=stay.format(kept=kept))


def gap_section(result, names: Names) -> Section:
    data = [
        {
            "objective": g.objective,
            "objective_name": names.objective(g.objective),
            "current": g.current,
            "current_name": names.department(g.current),
            "recommended": g.recommended,
            "recommended_name": names.department(g.recommended),
            "changed": g.changed,
            "current_score": fit(g.current_fit),
            "recommended_score": fit(g.recommended_fit),
            "current_fit": fit(g.current_fit),
            "recommended_fit": fit(g.recommended_fit),
            "why": [reason_data(r) for r in g.why],
            "forced_by": [forced_data(forced, names) for forced in g.forced_by],
        }
        for g in result.gap
    ]
    title = _("Gap: today → recommended")
    if not result.gap:
        text = _("The org file gives no current owners, so there is nothing to compare.")
        return Section("gap", title, (Paragraph(line(text)),), {"gap": data})
    rows = []
    for g in result.gap:
        if not g.changed:
            continue
        causes = [
            line(f"{signed(r.contribution)} ", Span(r.rule, "code"), " [", *evidence(r.evidence), "]") for r in g.why
        ]
        causes += [line(Span(forced_words(forced, names), "warn")) for forced in g.forced_by]
        because = [
            span for index, cause in enumerate(causes) for span in ((Span(semicolon()),) if index else ()) + cause
        ]
        rows.append(
            (
                line(names.objective(g.objective)),
                line(f"{names.department(g.current)} ({units(g.current_fit)})"),
                line(Span(names.department(g.recommended), "strong"), f" ({units(g.recommended_fit)})"),
                tuple(because),
            )
        )
    changed = sum(g.changed for g in result.gap)
    blocks: list = [Paragraph(line(Span(gap_count_words(changed, len(result.gap)), "strong")))]
    if rows:
        columns = (
            Column(_("objective")),
            Column(_("today (fit)")),
            Column(_("recommended (fit)")),
            Column(_("because")),
        )
        blocks.append(Table(columns, tuple(rows)))
    return Section("gap", title, tuple(blocks), {"gap": data})
