"""The JSON output contract of `recommend --format json` (documented in docs/output.md).

Numbers are fits in rule units with two decimals; lists are in id order, so
the same input always gives byte-identical output.
"""

from __future__ import annotations

import json
from typing import Any

from orgdesign import __version__
from orgdesign.engine.explain import Reason
from orgdesign.engine.pipeline import Recommendation
from orgdesign.present.words import forced_text, names_of

FORMAT_VERSION = 1


def _units(hundredths: int | None) -> float | None:
    return None if hundredths is None else round(hundredths / 100, 2)


def _reason(reason: Reason) -> dict[str, Any]:
    return {
        "rule": reason.rule,
        "contribution": _units(reason.contribution),
        "rationale": reason.rationale,
        "evidence": list(reason.evidence),
    }


def _robustness(result: Recommendation, objective: str) -> dict[str, Any] | None:
    if result.robustness is None:
        return None
    solid = result.robustness[objective]
    return {
        "fragile": solid.fragile,
        "tie": solid.tie,
        "flip": None
        if solid.flip_at is None
        else {"kind": "rule_weight", "department": solid.runner_up, "fit_increase": _units(solid.flip_at)},
    }


def to_dict(result: Recommendation) -> dict[str, Any]:
    """The whole recommendation as plain JSON-ready data."""
    org = result.org
    structure = result.structure
    names = names_of(result.table.graph)
    return {
        "orgdesign": __version__,
        "format": FORMAT_VERSION,
        "organization": org.organization.name,
        "total_fit": _units(result.solution.value),
        "assignments": [
            {
                "objective": a.objective,
                "kind": result.table.graph.objectives[a.objective].kind,
                "priority": result.table.graph.objectives[a.objective].priority,
                "owner": a.owner,
                "score": _units(a.score),
                "raci": {
                    "responsible": list(result.raci[a.objective].responsible),
                    "accountable": a.owner,
                    "consulted": list(result.raci[a.objective].consulted),
                    "informed": list(result.raci[a.objective].informed),
                },
                "runner_up": None
                if a.runner_up is None
                else {
                    "department": a.runner_up,
                    "score": _units(a.runner_up_score),
                    "margin": _units(a.margin),
                    "tie_break": a.tie,
                },
                "reasons": [_reason(r) for r in a.reasons],
                "robustness": _robustness(result, a.objective),
            }
            for a in result.assignments
        ],
        "links": [{"departments": [link.a, link.b], "objectives": list(link.objectives)} for link in result.links],
        "structure": {
            "model": structure.model,
            "why": list(structure.why),
            "next": structure.next_model,
            "next_why": list(structure.next_why),
            "current_model": structure.current_model,
            "current_why": list(structure.current_why),
            "proposals": [
                {
                    "kind": p.kind,
                    "id": p.id,
                    "name": p.name,
                    "reports_to": p.reports_to,
                    "reason": p.reason,
                    "evidence": list(p.evidence),
                }
                for p in structure.proposals
            ],
            "evidence": list(structure.evidence),
        },
        "findings": [
            {
                "code": f.code,
                "name": f.name,
                "severity": f.severity,
                "subject": f.subject,
                "message": f.message,
                "help": f.help,
                "evidence": list(f.evidence),
            }
            for f in result.findings
        ],
        "gap": [
            {
                "objective": g.objective,
                "current": g.current,
                "recommended": g.recommended,
                "changed": g.changed,
                "current_score": _units(g.current_fit),
                "recommended_score": _units(g.recommended_fit),
                "why": [_reason(r) for r in g.why],
                "forced_by": [{"kind": f.kind, "detail": forced_text(f, names)} for f in g.forced_by],
            }
            for g in result.gap
        ],
    }


def to_json(result: Recommendation) -> str:
    """Stable, pretty JSON text ending in a newline."""
    return json.dumps(to_dict(result), indent=2, ensure_ascii=False) + "\n"
