"""The advice sections of a recommendation's view: findings, structure and the gap to today.

Split from `view.py` (which assembles the document) to keep each module short;
the same rules hold: names for people, data for machines, every sentence about
a change in one small function.
"""

from __future__ import annotations

from dataclasses import asdict

from orgdesign.present.document import Column, Facts, Item, Items, Line, Paragraph, Section, Span, Table, evidence, line
from orgdesign.present.plain import units
from orgdesign.present.view import counted, fit, model_name, reason_data, today_unknown
from orgdesign.present.words import Names, forced_text


def subject_name(names: Names, subject: str) -> str:
    return names.subject(subject) or ""


def findings_section(result, names: Names) -> Section:
    items = tuple(
        Item(
            line(
                Span(f"{f.severity}[{f.code}]", f.severity),
                " ",
                Span(f.name, "strong"),
                ": ",  # the message names its subject
                f.message,
            ),
            (line(Span("help: ", "good"), f.help), line(Span("evidence: ", "muted"), *evidence(f.evidence))),
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
    return Section("findings", "Findings", (Items(items, empty="No findings.", marks=False),), {"findings": data})


def next_step_words(structure) -> Line:
    """The next step of the structure, never a bare repeat of the recommended model."""
    why = "; ".join(structure.next_why)
    if structure.next_model == structure.model:
        return line(Span("get there", "strong"), f" ({model_name(structure.model)}): {why}")
    return line(Span(model_name(structure.next_model), "strong"), f": {why}")


def proposal_words(proposal, names: Names) -> Line:
    """A proposed new unit, in one line."""
    return line(
        Span(proposal.name, "strong"),
        f" under {names.department(proposal.reports_to)}: {proposal.reason} (",
        *evidence(proposal.evidence),
        ")",
    )


def structure_section(result, names: Names) -> Section:
    from orgdesign.engine.structure import MODELS

    s = result.structure
    if s.current_model:
        today = line(
            Span(model_name(s.current_model), "strong"),
            f": {MODELS.get(s.current_model, '')}",
            f" ({'; '.join(s.current_why)})" if s.current_why else "",
        )
    else:
        today = line(Span(today_unknown(result), "muted"))
    pairs = [
        ("Today", today),
        ("Recommended", line(Span(model_name(s.model), "good"), f": {MODELS[s.model]} ({'; '.join(s.why)})")),
        ("Next step", next_step_words(s)),
        *(("Propose", proposal_words(p, names)) for p in s.proposals),
        ("Evidence", evidence(s.evidence)),
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
    return Section("structure", "Structure", (Facts(tuple(pairs)),), {"structure": data})


def forced_words(forced, names: Names) -> str:
    """Why a change of owner that gains no fit was forced, in words."""
    return f"forced ({forced.kind}): {forced_text(forced, names)}"


def forced_data(forced, names: Names) -> dict:
    """A `Forced` for machines: its kind, the fields that kind uses, and the sentence."""
    fields = {key: value for key, value in asdict(forced).items() if value not in ("", None)}
    return {**fields, "detail": forced_text(forced, names)}


def gap_count_words(changed: int, total: int) -> str:
    """How many objectives change owner, e.g. '1 of 3 objectives changes owner; 2 keep theirs.'."""
    kept = total - changed
    verb = "changes" if changed == 1 else "change"
    stay = "keeps its owner" if kept == 1 else "keep theirs"
    return f"{changed} of {counted(total, 'objective')} {verb} owner; {kept} {stay}."


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
    title = "Gap: today → recommended"
    if not result.gap:
        text = "The org file gives no current owners, so there is nothing to compare."
        return Section("gap", title, (Paragraph(line(text)),), {"gap": data})
    rows = []
    for g in result.gap:
        if not g.changed:
            continue
        causes = [
            line(f"{r.contribution / 100:+.2f} ", Span(r.rule, "code"), " [", *evidence(r.evidence), "]") for r in g.why
        ]
        causes += [line(Span(forced_words(forced, names), "warn")) for forced in g.forced_by]
        because = [span for index, cause in enumerate(causes) for span in ((Span("; "),) if index else ()) + cause]
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
        columns = (Column("objective"), Column("today (fit)"), Column("recommended (fit)"), Column("because"))
        blocks.append(Table(columns, tuple(rows)))
    return Section("gap", title, tuple(blocks), {"gap": data})
