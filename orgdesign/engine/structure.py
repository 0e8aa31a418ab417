"""The structure model: which of Altimeter's five (F1), the next step (F3), and new units.

New units are a social hub or an embedded expert where the evidence asks for one.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgdesign.engine.graph import OrgGraph
from orgdesign.i18n import N_, _, ngettext, pgettext

# What each model means, in English; `description(model)` reads it in the language in use.
MODELS = {
    "decentralized": N_("organic: social work bubbles up in several departments with no one coordinating it"),
    "centralized": N_("one department runs nearly all of social media"),
    "hub_and_spoke": N_(
        "a central team holds the accounts and guidelines and supports the departments that own objectives"
    ),
    "dandelion": N_("several business units or regions each run a hub of their own, tied to a corporate center"),
    "honeycomb": N_("every willing employee takes part, in an organized way"),
}
PATH = ("decentralized", "centralized", "hub_and_spoke", "dandelion", "honeycomb")  # F3, and F1's later models
REGULATED_INDUSTRIES = frozenset({"banking", "financial_services", "insurance", "pharmaceuticals", "healthcare"})


def label(model: str) -> str:
    """A model's name as a reader reads it, in the language in use: hub-and-spoke, centralisé, dezentral.

    The id (`hub_and_spoke`) stays for machines; an unknown id reads as itself, with hyphens.
    """
    names = {
        "decentralized": pgettext("structure model", "decentralized"),
        "centralized": pgettext("structure model", "centralized"),
        "hub_and_spoke": pgettext("structure model", "hub-and-spoke"),
        "dandelion": pgettext("structure model", "dandelion"),
        "honeycomb": pgettext("structure model", "honeycomb"),
    }
    return names.get(model, model.replace("_", "-"))


def description(model: str) -> str:
    """What a model means, in the language in use ('' for an unknown id)."""
    return _(MODELS[model]) if model in MODELS else ""


@dataclass(frozen=True)
class Proposal:
    """A unit the recommendation proposes; exports draw it as proposed."""

    kind: str  # social_hub | embedded_expert
    id: str
    name: str
    reports_to: str
    reason: str
    evidence: tuple[str, ...]
    dotted_to: tuple[str, ...] = ()  # the social hub an embedded expert answers to on practice (E29, E30)


@dataclass(frozen=True)
class Structure:
    model: str
    why: tuple[str, ...]
    next_model: str
    next_why: tuple[str, ...]
    current_model: str | None
    proposals: tuple[Proposal, ...]
    evidence: tuple[str, ...]
    current_why: tuple[str, ...] = ()


@dataclass(frozen=True)
class Shape:
    """The facts of an org's shape that F1's definitions turn on, independent of who owns what."""

    teams: tuple[str, ...]  # social teams (function social_media, primary or further)
    spokes: tuple[str, ...]  # social teams of a region or a business unit, or dotted to another social team
    center: str | None  # the group-level social team nearest the top, if any
    areas: int  # regions and business units that have a social team of their own
    units: int  # regions and business units in the org
    small: bool
    regulated: bool


def shape(graph: OrgGraph) -> Shape:
    """Read the org's social teams, hubs, regions and business units once."""
    departments = graph.departments
    agencies = set(graph.with_function("agency"))
    teams = tuple(t for t in graph.with_function("social_media") if t not in agencies)
    # F1: a spoke is a social team of a region or business unit, or one tied to another social team by a
    # dotted line (it answers to the hub on practice while it sits elsewhere).
    dotted = {t for t in teams if any(h in teams and h != t for h in departments[t].dotted_to)}
    spokes = tuple(t for t in teams if departments[t].region or departments[t].business_unit or t in dotted)
    central = [t for t in teams if t not in spokes]
    center = min(central, key=lambda t: (graph.depth(t), t)) if central else None
    areas = {departments[t].business_unit or departments[t].region for t in spokes} - {None}
    units = {d.business_unit or d.region for d in departments.values()} - {None}
    o = graph.org.organization
    regulated = o.regulated or o.industry in REGULATED_INDUSTRIES
    return Shape(teams, spokes, center, len(areas), len(units), o.size == "small", regulated)


def classify(graph: OrgGraph, owners: dict[str, str], facts: Shape | None = None) -> tuple[str, list[str]]:
    """The F1 model that an ownership amounts to, with the facts that decided it.

    F1's definitions, in order: several regional or business-unit hubs tied to a center make a
    dandelion; one internal department running nearly everything is centralized; a hub that
    holds the accounts and guidelines while other departments own objectives is hub-and-spoke
    (a honeycomb when, on top, advocacy is critical and ownership is spread widely); otherwise
    social work is organic (decentralized). An agency is never a center: it is not the company.
    """
    facts = facts or shape(graph)
    departments = graph.departments

    def name(department: str) -> str:
        return departments[department].label

    agencies = set(graph.with_function("agency"))
    internal = {o: d for o, d in owners.items() if d not in agencies}
    counts: dict[str, int] = {}
    for department in internal.values():
        counts[department] = counts.get(department, 0) + 1
    outsourced = len(owners) - len(internal)
    governance = [o for o, r in graph.objectives.items() if r.kind == "account_governance" and o in owners]
    holders = sorted({owners[o] for o in governance})
    holder = holders[0] if len(holders) == 1 and holders[0] not in agencies else None
    if not governance:
        holder = facts.center
    if facts.center and len(facts.spokes) >= 2 and facts.areas >= 2:
        return "dandelion", [
            _("{spokes} social teams in {areas} regions or business units").format(
                spokes=len(facts.spokes), areas=facts.areas
            ),
            _("tied to the center, {center}").format(center=name(facts.center)),
        ]
    if not counts:
        return "decentralized", [
            _("an agency owns all {count} objectives; no internal team coordinates them").format(count=len(owners))
        ]
    top, top_count = max(sorted(counts.items()), key=lambda item: item[1])
    if (len(counts) == 1 and not outsourced) or top_count / len(owners) >= 0.7:
        return "centralized", [
            ngettext(
                "{department} owns {count} of {total} objectives",
                "{department} owns {count} of {total} objectives",
                len(owners),
            ).format(department=name(top), count=top_count, total=len(owners))
        ]
    spread = ngettext("{count} department owns objectives", "{count} departments own objectives", len(counts)).format(
        count=len(counts)
    )
    if holder is None or (outsourced and outsourced >= top_count):
        where = (
            _("the accounts and guidelines sit with the agency")
            if holders and set(holders) <= agencies
            else _("the accounts and guidelines are split between {holders}").format(
                holders=", ".join(name(h) for h in holders)
            )
            if len(holders) > 1
            else _("nobody holds the accounts and guidelines")
        )
        why = [spread, where]
        if outsourced:
            why.append(
                ngettext("an agency owns {count}", "an agency owns {count}", outsourced).format(count=outsourced)
            )
        return "decentralized", why
    tied = [t for t in facts.spokes if holder in departments[t].dotted_to]  # spokes through dotted lines (F1)
    hub = departments[holder].function in ("social_media", "communications") or holder in facts.teams or bool(tied)
    if facts.small or not (hub or departments[holder].function == "marketing"):
        return "centralized", [
            _("{department} holds the accounts and guidelines and coordinates the rest").format(
                department=name(holder)
            ),
            spread,
        ]
    why = [_("{department} holds the accounts and guidelines").format(department=name(holder)), spread]
    if tied:
        why.append(
            ngettext(
                "{count} social team answers to it on a dotted line",
                "{count} social teams answer to it on a dotted line",
                len(tied),
            ).format(count=len(tied))
        )
    advocacy = [o for o, r in graph.objectives.items() if r.kind == "employee_advocacy" and r.priority == 5]
    if advocacy and len(counts) >= max(5, len(departments) // 2):
        return "honeycomb", [*why, _("employee advocacy is critical and ownership is spread widely")]
    return "hub_and_spoke", why


def next_step(model: str, today: str | None, facts: Shape) -> tuple[str, list[str]]:
    """The next model along F3's path.

    That is the recommendation itself when it is ahead of today, else the step
    after the further of the two; never a step back, never a model the org
    already has, and staying put where that is right.
    """
    if today and PATH.index(model) > PATH.index(today):
        return model, _move(today, model, facts)
    base = max((m for m in (model, today) if m), key=PATH.index)
    if base == "decentralized":
        return "centralized", [_("bring the accounts, guidelines and priorities under one internal team first (F3)")]
    if base == "centralized":
        if facts.small:
            return "centralized", [
                _(
                    "stay: a small company is served best by one team; a dedicated department "
                    "would need experts fed by other departments (E20)"
                )
            ]
        if facts.regulated:
            return "centralized", [
                _(
                    "stay: central control suits a regulated brand under scrutiny (F1); "
                    "add approval tiers by risk rather than spokes (F8)"
                )
            ]
        return "hub_and_spoke", [
            _(
                "let the central team become a hub that trains and equips the departments "
                "that own objectives, the usual next step (F3)"
            )
        ]
    if base == "hub_and_spoke":
        if facts.units >= 2 and not facts.small and not facts.regulated:
            return "dandelion", [
                _("{count} regions or business units could each run a hub tied to the center (F1)").format(
                    count=facts.units
                )
            ]
        why = [_("stay: keep the hub enabling the departments, not policing them (F1)")]
        if facts.regulated:
            why.append(_("a regulated brand keeps approvals and account access at the hub (F1, F8)"))
        return "hub_and_spoke", why
    if base == "dandelion":
        return "dandelion", [
            _("stay: keep every regional hub tied to the center and connect the hubs to each other (F1)")
        ]
    return "honeycomb", [_("stay: keep enabling every willing employee within the shared guidelines (F1)")]


def _move(today: str, model: str, facts: Shape) -> list[str]:
    """Why to go from today's model to the recommended one, along F3."""
    why = [
        _("move from {today} to {model}, as the recommended owners do").format(today=label(today), model=label(model))
    ]
    if today == "decentralized" and model != "centralized":
        why.append(
            _(
                "bring the accounts and guidelines under the holder first, then let it support the "
                "departments that own objectives (F3)"
            )
        )
    if facts.regulated:
        why.append(_("keep approvals and account access central, as regulated brands need (F1, F8)"))
    if facts.small and model == "centralized":
        why.append(_("then stay: one team serves a small company best (E20)"))
    if model == "hub_and_spoke":
        why.append(_("the hub enables the departments rather than policing them (F1)"))
    return why


def assess(graph: OrgGraph, owners: dict[str, str]) -> Structure:
    """Model now, model next, and proposed units."""
    facts = shape(graph)
    model, why = classify(graph, owners, facts)
    current, current_why = classify(graph, dict(graph.org.current_owners), facts) if _complete(graph) else (None, [])
    next_model, next_why = next_step(model, current, facts)
    proposals = _proposals(graph, owners, facts)
    if any(p.kind == "social_hub" for p in proposals) and next_model in ("centralized", "hub_and_spoke"):
        next_why.append(_("the proposed social hub would give the center a team of its own (E14, E20)"))
    return Structure(
        model, tuple(why), next_model, tuple(next_why), current, tuple(proposals), ("F1", "F3"), tuple(current_why)
    )


def _complete(graph: OrgGraph) -> bool:
    return bool(graph.org.current_owners) and set(graph.org.current_owners) == set(graph.objectives)


def _proposals(graph: OrgGraph, owners: dict[str, str], facts: Shape) -> list[Proposal]:
    out = []
    size = graph.org.organization.size
    teams = graph.with_function("social_media")
    if not teams and size != "small" and len(graph.objectives) >= 5:
        holder = next((owners[o] for o, r in graph.objectives.items() if r.kind == "account_governance"), None)
        parent = (
            holder or (graph.with_function("communications") or graph.with_function("marketing") or graph.roots())[0]
        )
        out.append(
            Proposal(
                "social_hub",
                "proposed_social_hub",
                _("Social media hub (proposed)"),
                parent,
                _(
                    "a dedicated in-house social team gives focus and connects departments; "
                    "most practitioners prefer one"
                ),
                ("E14", "E20", "F2"),
            )
        )
    if not facts.teams:
        return out
    departments = graph.departments
    lean_on_social = _care_without_community(graph, owners)
    for objective, record in graph.objectives.items():
        owner = owners[objective]
        if owner in facts.teams:
            continue
        owner_name = departments[owner].label
        if record.kind == "employer_brand" and departments[owner].function == "hr":
            reason = _("social works with recruiters on {objective}: embed a social expert in {department}").format(
                objective=record.label, department=owner_name
            )
            evidence = ("E29", "E19")
        elif objective in lean_on_social and "customer_service" in departments[owner].functions:
            reason = _(
                "care leans on social in {objective}: embed a social expert who runs the community in {department}"
            ).format(objective=record.label, department=owner_name)
            evidence = ("E30", "E28")
        else:
            continue
        hub = _nearest_hub(graph, owner, facts)
        out.append(
            Proposal(
                "embedded_expert",
                f"proposed_social_expert_{owner}",
                _("Social media expert (embedded, proposed)"),
                owner,
                _("{reason}, with a dotted line to {hub}").format(reason=reason, hub=departments[hub].label),
                evidence,
                (hub,),
            )
        )
    return sorted({p.id: p for p in out}.values(), key=lambda p: p.id)


def _nearest_hub(graph: OrgGraph, department: str, facts: Shape) -> str:
    """The social team an embedded expert answers to: its business unit's or region's, else the center."""
    record = graph.departments[department]
    for team in facts.spokes:
        spoke = graph.departments[team]
        if (record.business_unit and spoke.business_unit == record.business_unit) or (
            record.region and spoke.region == record.region
        ):
            return team
    return facts.center or facts.teams[0]


def _care_without_community(graph: OrgGraph, owners: dict[str, str]) -> set[str]:
    """Customer care objectives that lean on social with no community structure serving them (E30, OD108)."""
    from orgdesign.engine.findings import care_without_community  # one definition of E30's condition

    return {finding.subject for finding in care_without_community(graph, owners)}
