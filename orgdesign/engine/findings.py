"""What is wrong with today's setup, shaped like compiler diagnostics.

Each finding has a stable code, a severity, a message, a `help:` line with
the smallest fix, and the evidence behind it. The wording comes from the
catalogue (`engine/catalogue.py`); this module finds the facts, and the
facts a person reads are names, not ids (`subject` stays an id, for machines).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from orgdesign.engine.catalogue import entry
from orgdesign.engine.graph import OrgGraph
from orgdesign.engine.raci import Link, Raci
from orgdesign.engine.score import FitTable
from orgdesign.i18n import _, join, language, number, percent
from orgdesign.vocabulary import canonical_skill, describe

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
    subject: str  # the id of the department or objective it is about
    variant: str = ""  # which wording of the catalogue entry ('' for the default)
    facts: tuple[tuple[str, Any], ...] = ()  # what filled the wording's placeholders, in order

    @property
    def fact(self) -> dict[str, Any]:
        """The facts as a mapping: `finding.fact["department"]`."""
        return dict(self.facts)


def diagnostic(
    code: str, subject: str, variant: str = "", evidence: tuple[str, ...] | None = None, **facts: Any
) -> Finding:
    """A finding worded by its catalogue entry from `facts` (names where a person reads them)."""
    known = entry(code)
    words = known.words(variant)
    return Finding(
        code,
        known.name,
        known.severity,
        words.message.format(**facts),
        words.help.format(**facts),
        tuple(known.evidence if evidence is None else evidence),
        subject,
        variant,
        tuple(facts.items()),
    )


def _listed(names: list[str]) -> str:
    return ", ".join(names)


def find(table: FitTable, owners: dict[str, str], roles: dict[str, Raci], links: list[Link]) -> list[Finding]:
    """All findings, most severe first, then by code and subject."""
    graph = table.graph
    found = [
        *_missing_functions(table, roles),
        *_isolated_social_teams(graph, links),
        *_network_structures(graph),
        *_agency_owners(graph),
        *_account_holders(graph, owners),
        *_overloads(graph),
        *_weak_owners(table, owners),
        *care_without_community(graph, owners),
        *_partner_data_missing(graph),
    ]
    return sorted(found, key=lambda f: (SEVERITY_ORDER[f.severity], f.code, f.subject, f.message))


def _department(graph: OrgGraph, department: str) -> str:
    return graph.departments[department].label


def _objective(graph: OrgGraph, objective: str) -> str:
    return graph.objectives[objective].label


def _function_names(functions) -> str:
    """The functions a rule wants consulted, as one phrase: "legal or risk".

    English reads the ids as words; other languages read the functions' descriptions.
    """
    names = list(functions) if language() == "en" else [describe("function", f) for f in functions]
    return join(names, style="or") or _("a department")


def _missing_functions(table: FitTable, roles: dict[str, Raci]) -> list[Finding]:
    out = []
    for objective, raci in roles.items():
        for rule_id, functions in raci.unmet:
            out.append(
                diagnostic(
                    "OD101",
                    objective,
                    evidence=tuple(table.rulebook.get(rule_id).rule.evidence),
                    objective=_objective(table.graph, objective),
                    functions=_function_names(functions),
                    rule=rule_id,
                )
            )
    return out


def _isolated_social_teams(graph: OrgGraph, links: list[Link]) -> list[Finding]:
    out = []
    users = {d for f in INSIGHT_USERS for d in graph.with_function(f)}
    if not users:
        return out
    partners_of: dict[str, set[str]] = {}
    for link in links:
        partners_of.setdefault(link.a, set()).add(link.b)
        partners_of.setdefault(link.b, set()).add(link.a)
    in_order = sorted(users)  # once: each team below reads only its partners and the first few it lacks
    for team in graph.with_function("social_media"):
        if not graph.has_above(team, "marketing"):
            continue
        linked = partners_of.get(team, set()) & users
        partners = sorted(linked)
        missing = list(itertools.islice((d for d in in_order if d not in linked), 4))
        variant = "" if partners and missing else "linked" if partners else "unlinked"
        out.append(
            diagnostic(
                "OD102",
                team,
                variant,
                team=_department(graph, team),
                partners=_listed([_department(graph, d) for d in partners]),
                missing=_listed([_department(graph, d) for d in missing]),
            )
        )
    return out


def _network_structures(graph: OrgGraph) -> list[Finding]:
    return [
        diagnostic("OD103", team, team=record.label)
        for team, record in graph.departments.items()
        if record.structure == "network"
    ]


def _agency_owners(graph: OrgGraph) -> list[Finding]:
    return [
        diagnostic(
            "OD104", objective, objective=_objective(graph, objective), department=_department(graph, department)
        )
        for objective, department in sorted(graph.org.current_owners.items())
        if graph.departments[department].function == "agency"
    ]


def _account_holders(graph: OrgGraph, owners: dict[str, str]) -> list[Finding]:
    governance = [o for o, record in graph.objectives.items() if record.kind == "account_governance"]
    if not governance:
        return [diagnostic("OD105", "account_governance")]
    holders = sorted({owners[o] for o in governance})
    if len(holders) > 1:
        names = _listed([_department(graph, d) for d in holders])
        return [diagnostic("OD105", "account_governance", "split", holders=names)]
    return []


def _overloads(graph: OrgGraph) -> list[Finding]:
    out = []
    today: dict[str, int] = {}
    for department in graph.org.current_owners.values():
        today[department] = today.get(department, 0) + 1
    for department, count in sorted(today.items()):
        capacity = graph.capacity(department)
        if count > capacity:
            out.append(
                diagnostic(
                    "OD106", department, department=_department(graph, department), count=count, capacity=capacity
                )
            )
    return out


def _weak_owners(table: FitTable, owners: dict[str, str]) -> list[Finding]:
    """OD110 where nobody fits and a fallback rule chose the owner; OD107 where the owner fits not at all."""
    out = []
    graph = table.graph
    for objective, owner in owners.items():
        cell = table.cell(objective, owner)
        names = {"objective": _objective(graph, objective), "owner": _department(graph, owner)}
        if table.unfitted(table.aims[objective]):
            rules = ", ".join(r.id for r in cell.fallback_by) or _("no rule: the stable order")
            out.append(diagnostic("OD110", objective, rules=rules, **names))
        elif cell.fit <= 0:
            out.append(diagnostic("OD107", objective, fit=number(cell.fit / 100), **names))
    return out


def care_without_community(graph: OrgGraph, owners: dict[str, str]) -> list[Finding]:
    """E30: social customer care needs a community structured around it.

    Where care leans on social (priority 4 or 5), the care owner should also run
    the community, or a community team or a social team organized by audience
    should serve its business unit. Skills alone do not count: E30 asks for the
    team's structure.
    """
    departments = graph.departments
    built = list(graph.with_function("community"))
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
        out.append(diagnostic("OD108", objective, objective=record.label))
    return out


PARTNER_SHARE = {"latin_america": 0.6, "asia_pacific": 0.5}  # E5; Asia-Pacific: "about half"
MEXICO_SHARE = 0.95  # E5


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
    if graph.org.organization.country == "MX":
        share, where = percent(MEXICO_SHARE), _("Mexico")
    else:
        share = _("about half") if region == "asia_pacific" else percent(PARTNER_SHARE[region])
        where = describe("region", region)
    partners = _listed([_department(graph, d) for d in channel[:3]])
    return [diagnostic("OD109", "partner_data_sharing", share=share, where=where, partners=partners)]
