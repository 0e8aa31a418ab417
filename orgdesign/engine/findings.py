"""What is wrong with today's setup, shaped like compiler diagnostics.

Each finding has a stable code, a severity, a message, a `help:` line with
the smallest fix, and the evidence behind it.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgdesign.engine.graph import OrgGraph
from orgdesign.engine.raci import Link, Raci
from orgdesign.engine.score import FitTable
from orgdesign.vocabulary import REGIONS, canonical_skill

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
INSIGHT_USERS = ("product", "rnd", "sales", "hr")


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    severity: str
    message: str
    help: str
    evidence: tuple[str, ...]
    subject: str  # the department or objective it is about


def find(table: FitTable, owners: dict[str, str], roles: dict[str, Raci], links: list[Link]) -> list[Finding]:
    """All findings, most severe first, then by code and subject."""
    graph = table.graph
    found = [
        *_missing_functions(table, roles),
        *_isolated_social_teams(graph, links),
        *_network_structures(graph),
        *_agency_owners(graph),
        *_account_holders(graph, owners),
        *_overloads(graph, owners),
        *_weak_owners(table, owners),
        *_care_without_community(graph, owners),
        *_partner_data_missing(graph),
    ]
    return sorted(found, key=lambda f: (SEVERITY_ORDER[f.severity], f.code, f.subject, f.message))


def _missing_functions(table: FitTable, roles: dict[str, Raci]) -> list[Finding]:
    out = []
    for objective, raci in roles.items():
        for rule_id, functions in raci.unmet:
            wanted = " or ".join(functions) or "a department"
            out.append(
                Finding(
                    "OD101",
                    "missing-collaborator",
                    "warning",
                    f"{objective}: needs {wanted} consulted, but the org has no such department (rule {rule_id})",
                    f"name who covers {wanted} for {objective}, or add the department to the org file",
                    tuple(table.rulebook.get(rule_id).rule.evidence),
                    objective,
                )
            )
    return out


def _isolated_social_teams(graph: OrgGraph, links: list[Link]) -> list[Finding]:
    out = []
    users = [d for f in INSIGHT_USERS for d in graph.with_function(f)]
    if not users:
        return out
    users = set(users)
    partners_of: dict[str, set[str]] = {}
    for link in links:
        partners_of.setdefault(link.a, set()).add(link.b)
        partners_of.setdefault(link.b, set()).add(link.a)
    for team in graph.with_function("social_media"):
        if not graph.has_above(team, "marketing"):
            continue
        partners = sorted(partners_of.get(team, set()) & users)
        missing = sorted(users - set(partners))
        if partners:
            fix = f"keep the links the recommended RACI sets up with {', '.join(partners)}"
            fix += f", and add standing ones with {', '.join(missing[:4])}" if missing else ""
        else:
            fix = f"set up standing links with {', '.join(sorted(users)[:4])}: the recommended RACI does not join them"
        out.append(
            Finding(
                "OD102",
                "isolated-social-team",
                "warning",
                f"{team}: the social team sits inside marketing, apart from the departments that use its insights",
                fix,
                ("E23", "E22", "E24"),
                team,
            )
        )
    return out


def _network_structures(graph: OrgGraph) -> list[Finding]:
    return [
        Finding(
            "OD103",
            "network-structure",
            "warning",
            f"{team}: the social team is organized by network, which deepens silos and limits access to social data",
            "organize its people by internal function or by audience instead (structure: function or audience)",
            ("E25", "E28"),
            team,
        )
        for team in graph.departments
        if graph.departments[team].structure == "network"
    ]


def _agency_owners(graph: OrgGraph) -> list[Finding]:
    out = []
    for objective, department in sorted(graph.org.current_owners.items()):
        if graph.departments[department].function == "agency":
            out.append(
                Finding(
                    "OD104",
                    "agency-owner",
                    "warning",
                    f"{objective}: owned today by the agency {department}; "
                    "an agency can do the work but should not own it",
                    "make an internal department accountable and keep the agency responsible",
                    ("E14", "F5"),
                    objective,
                )
            )
    return out


def _account_holders(graph: OrgGraph, owners: dict[str, str]) -> list[Finding]:
    governance = [o for o, record in graph.objectives.items() if record.kind == "account_governance"]
    if not governance:
        return [
            Finding(
                "OD105",
                "no-account-holder",
                "warning",
                "no objective covers the accounts, credentials and guidelines, so nobody holds them",
                "add an objective of kind account_governance; one internal department will then hold every account",
                ("E18", "E21"),
                "account_governance",
            )
        ]
    holders = sorted({owners[o] for o in governance})
    if len(holders) > 1:
        return [
            Finding(
                "OD105",
                "no-account-holder",
                "warning",
                f"accounts and guidelines are split between {', '.join(holders)}",
                "merge the account_governance objectives so one department holds every account",
                ("E18", "E21"),
                "account_governance",
            )
        ]
    return []


def _overloads(graph: OrgGraph, owners: dict[str, str]) -> list[Finding]:
    out = []
    today: dict[str, int] = {}
    for department in graph.org.current_owners.values():
        today[department] = today.get(department, 0) + 1
    for department, count in sorted(today.items()):
        capacity = graph.capacity(department)
        if count > capacity:
            out.append(
                Finding(
                    "OD106",
                    "overloaded",
                    "warning",
                    f"{department}: owns {count} objectives today but has capacity for {capacity}",
                    "hand the objectives that others fit better to those departments (the gap lists them)",
                    ("E11", "E9"),
                    department,
                )
            )
    return out


def _weak_owners(table: FitTable, owners: dict[str, str]) -> list[Finding]:
    """OD110 where nobody fits and a fallback rule chose the owner; OD107 where the owner fits not at all."""
    out = []
    for objective, owner in owners.items():
        cell = table.cell(objective, owner)
        if table.unfitted(table.aims[objective]):
            rules = ", ".join(r.id for r in cell.fallback_by) or "no rule: the stable order"
            out.append(
                Finding(
                    "OD110",
                    "fallback-owner",
                    "warning",
                    f"{objective}: no department fits it, so {owner} holds it as a fallback ({rules})",
                    "give a department the function or skills the objective needs, or create a unit for it",
                    ("E9", "F6"),
                    objective,
                )
            )
        elif cell.fit <= 0:
            out.append(
                Finding(
                    "OD107",
                    "weak-owner",
                    "warning",
                    f"{objective}: no department fits it well; the best available, {owner}, has fit "
                    f"{cell.fit / 100:.2f}",
                    "add the skills it needs to a department, or create a unit for it",
                    ("E9",),
                    objective,
                )
            )
    return out


def _care_without_community(graph: OrgGraph, owners: dict[str, str]) -> list[Finding]:
    """E30: social customer care needs a community structured around it.

    Where care leans on social (priority 4 or 5), the care owner should also run
    the community, or a community team or a social team organized by audience
    should serve its business unit. Skills alone do not count: E30 asks for the
    team's structure.
    """
    departments = graph.departments
    built = [d for d in graph.with_function("community")]
    built += [t for t in graph.with_function("social_media") if departments[t].structure == "audience"]
    runs_community = {owners[o] for o, r in graph.objectives.items() if r.kind == "community"}
    out = []
    for objective, record in graph.objectives.items():
        if record.kind != "customer_care" or record.priority < 4:
            continue
        owner = owners[objective]
        unit = departments[owner].business_unit
        if owner in runs_community or any(departments[d].business_unit in (None, unit) for d in built):
            continue
        out.append(
            Finding(
                "OD108",
                "care-without-community",
                "info",
                f"{objective}: customer care leans on social, but no team that serves it is organized around "
                "community management or customer experience",
                "organize the social team by audience around customer experience, or give the service team "
                "community managers (structure: audience, skills: community)",
                ("E30", "E28", "E26"),
                objective,
            )
        )
    return out


PARTNER_SHARE = {"latin_america": "60%", "asia_pacific": "about half"}  # E5


def _partner_data_missing(graph: OrgGraph) -> list[Finding]:
    """E5: where most companies share social data with channel partners, ask whether this one should."""
    regions = {graph.org.organization.region} | {d.region for d in graph.departments.values() if d.region}
    common = sorted(regions & set(PARTNER_SHARE))
    if not common or any(r.kind == "partner_data_sharing" for r in graph.objectives.values()):
        return []
    channel = [
        d
        for d, record in graph.departments.items()
        if "distribution" in record.functions or "channel_partners" in {canonical_skill(s) for s in record.skills}
    ]
    if not channel:
        return []
    region = common[0]
    share = "95%" if graph.org.organization.country == "MX" else PARTNER_SHARE[region]
    where = "Mexico" if share == "95%" else REGIONS[region]
    return [
        Finding(
            "OD109",
            "partner-data-not-shared",
            "info",
            f"{share} of companies in {where} share social media data with channel partners; "
            f"{', '.join(channel[:3])} work with partners, but no objective covers it",
            "add an objective of kind partner_data_sharing for the distributors and retailers",
            ("E5",),
            "partner_data_sharing",
        )
    ]
