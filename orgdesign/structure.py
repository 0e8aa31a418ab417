"""Which of Altimeter's five models (F1) an ownership amounts to, where to go
next (F3), and which new units to propose (a social hub, an embedded expert).
"""

from __future__ import annotations

from dataclasses import dataclass

from .graph import OrgGraph
from .raci import Raci

MODELS = {
    "decentralized": "organic: social work bubbles up in several departments with no one coordinating it",
    "centralized": "one department runs nearly all of social media",
    "hub_and_spoke": "a central team holds the accounts and guidelines and supports the departments that own objectives",
    "dandelion": "several business units or regions each run a hub of their own, tied to a corporate center",
    "honeycomb": "every willing employee takes part, in an organized way",
}
STAY = {
    "hub_and_spoke": "this is where the usual path leads; keep the hub enabling the departments, not policing them",
    "dandelion": "keep the regional hubs tied to the center, and connect the spokes to each other too",
    "honeycomb": "keep enabling every willing employee within the shared guidelines",
}
NEXT = {
    "decentralized": "centralized",
    "centralized": "hub_and_spoke",
    "hub_and_spoke": "hub_and_spoke",
    "dandelion": "dandelion",
    "honeycomb": "honeycomb",
}


@dataclass(frozen=True)
class Proposal:
    """A unit the recommendation proposes; exports draw it as proposed."""

    kind: str  # social_hub | embedded_expert
    id: str
    name: str
    reports_to: str
    reason: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Structure:
    model: str
    why: tuple[str, ...]
    next_model: str
    next_why: tuple[str, ...]
    current_model: str | None
    proposals: tuple[Proposal, ...]
    evidence: tuple[str, ...]


def classify(graph: OrgGraph, owners: dict[str, str]) -> tuple[str, list[str]]:
    """The F1 model an ownership amounts to, with the facts that decided it."""
    counts: dict[str, int] = {}
    for department in owners.values():
        counts[department] = counts.get(department, 0) + 1
    top, top_count = max(sorted(counts.items()), key=lambda item: item[1])
    share = top_count / len(owners)
    hubs = [d for d in graph.with_function("social_media") if d in counts]
    holders = {owners[o] for o, record in graph.objectives.items() if record.kind == "account_governance"}
    units = {graph.departments[h].business_unit or graph.departments[h].region for h in hubs} - {None}
    if len(counts) == 1 or share >= 0.7:
        return "centralized", [f"{top} owns {top_count} of {len(owners)} objectives"]
    if len(hubs) >= 2 and len(units) >= 2:
        return "dandelion", [f"social teams in {len(units)} business units or regions: {', '.join(sorted(hubs))}"]
    if holders and (hubs or len(counts) >= 3):
        holder = sorted(holders)[0]
        why = [f"{holder} holds the accounts and guidelines", f"{len(counts)} departments own objectives"]
        advocacy = [o for o, r in graph.objectives.items() if r.kind == "employee_advocacy" and r.priority == 5]
        if advocacy and len(counts) >= max(5, len(graph.departments) // 2):
            return "honeycomb", [*why, "employee advocacy is critical and ownership is spread widely"]
        return "hub_and_spoke", why
    return "decentralized", [f"{len(counts)} departments own objectives and nobody holds the accounts"]


def assess(graph: OrgGraph, owners: dict[str, str], roles: dict[str, Raci]) -> Structure:
    """Model now, model next, and proposed units."""
    model, why = classify(graph, owners)
    current = classify(graph, dict(graph.org.current_owners))[0] if _complete(graph) else None
    next_model = NEXT[model]
    units = {d.business_unit for d in graph.departments.values() if d.business_unit}
    next_why = [STAY[model] if next_model == model else MODELS[next_model]]
    if model == "hub_and_spoke" and len(units) >= 2:
        next_model, next_why = "dandelion", [f"{len(units)} business units could each run a spoke hub", MODELS["dandelion"]]
    proposals = _proposals(graph, owners)
    if proposals and model in ("decentralized", "centralized"):
        next_why.append("a dedicated social hub makes the next step possible")
    return Structure(model, tuple(why), next_model, tuple(next_why), current, tuple(proposals), ("F1", "F3"))


def _complete(graph: OrgGraph) -> bool:
    return bool(graph.org.current_owners) and set(graph.org.current_owners) == set(graph.objectives)


def _proposals(graph: OrgGraph, owners: dict[str, str]) -> list[Proposal]:
    out = []
    size = graph.org.organization.size
    teams = graph.with_function("social_media")
    if not teams and size != "small" and len(graph.objectives) >= 5:
        holder = next((owners[o] for o, r in graph.objectives.items() if r.kind == "account_governance"), None)
        parent = holder or (graph.with_function("communications") or graph.with_function("marketing") or graph.roots())[0]
        out.append(
            Proposal(
                "social_hub",
                "proposed_social_hub",
                "Social media hub (proposed)",
                parent,
                "a dedicated in-house social team gives focus and connects departments; most practitioners prefer one",
                ("E14", "E20", "F2"),
            )
        )
    for objective, record in graph.objectives.items():
        owner = owners[objective]
        if record.kind == "employer_brand" and graph.departments[owner].function == "hr" and teams:
            out.append(
                Proposal(
                    "embedded_expert",
                    f"proposed_social_expert_{owner}",
                    "Social media expert (embedded, proposed)",
                    owner,
                    f"social works with recruiters on {objective}: embed a social expert in {owner}",
                    ("E29", "E19"),
                )
            )
    return sorted({p.id: p for p in out}.values(), key=lambda p: p.id)
