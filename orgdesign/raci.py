"""RACI per objective and the collaboration links between departments.

The owner is Accountable. Other departments take the role whose summed rule
weight reaches 1 (responsible beats consulted beats informed), one department
per function and role (the one nearest the owner: same business unit first,
then higher in the tree, then id), within a cap per role. Departments that a
`require_consulted` rule or a `consulted` constraint names are always
consulted. With no Responsible, the owner does the work itself (F5).
"""

from __future__ import annotations

from dataclasses import dataclass

from .score import FitTable

THRESHOLD = 100  # hundredths: a summed role weight of 1 gives the role
CAPS = {"responsible": 3, "consulted": 5, "informed": 5}
ORDER = ("responsible", "consulted", "informed")


@dataclass(frozen=True)
class Raci:
    objective: str
    accountable: str
    responsible: tuple[str, ...]
    consulted: tuple[str, ...]
    informed: tuple[str, ...]
    required: dict[str, tuple[str, ...]]  # consulted department -> rule ids / constraint refs that require it
    unmet: tuple[tuple[str, tuple[str, ...]], ...]  # (rule id, functions) a require_consulted rule found nobody for

    def role_of(self, department: str) -> str | None:
        if department == self.accountable:
            return "A"
        for letter, members in (("R", self.responsible), ("C", self.consulted), ("I", self.informed)):
            if department in members:
                return letter
        return None


@dataclass(frozen=True)
class Link:
    """Two departments that must work together, and the objectives that join them."""

    a: str
    b: str
    objectives: tuple[str, ...]


def assign_roles(table: FitTable, owners: dict[str, str]) -> dict[str, Raci]:
    """RACI for every objective, given its owner."""
    return {objective: _raci(table, objective, owner) for objective, owner in owners.items()}


def _raci(table: FitTable, objective: str, owner: str) -> Raci:
    graph = table.graph
    owner_unit = graph.departments[owner].business_unit

    def nearness(department: str) -> tuple:
        return (graph.departments[department].business_unit != owner_unit, graph.depth(department), department)

    aim = table.aims[objective]
    weights: dict[str, dict[str, int]] = {role: {} for role in ORDER}
    required_rules: dict[str, list] = {}
    for profile, members in table.departments_by_profile.items():
        cell = table.cell_for(aim, profile)
        for role, (weight, _) in cell.roles.items():
            if weight >= THRESHOLD:
                for department in members:
                    weights[role][department] = weight
        for rule in cell.required_by:
            required_rules.setdefault(rule.id, []).extend(members)

    required: dict[str, list[str]] = {}
    unmet = []
    for rule_id in sorted({r.id for r in _require_rules(table, aim)}):
        members = [d for d in required_rules.get(rule_id, []) if d != owner]
        if not members:
            if owner not in required_rules.get(rule_id, []):
                rule = table.rulebook.get(rule_id)
                unmet.append((rule_id, _functions(rule.rule.when)))
            continue
        chosen = min(members, key=nearness)
        required.setdefault(chosen, []).append(rule_id)
    for index, constraint in enumerate(graph.org.constraints):
        if constraint.objective == objective and constraint.consulted and constraint.consulted != owner:
            required.setdefault(constraint.consulted, []).append(f"constraints[{index}]")

    taken = {owner} | set(required)
    chosen: dict[str, list[str]] = {role: [] for role in ORDER}
    for role in ORDER:
        candidates = sorted(
            (d for d in weights[role] if d not in taken), key=lambda d: (-weights[role][d], *nearness(d))
        )
        functions_used = set()
        for department in candidates:
            function = graph.departments[department].function
            if function in functions_used or len(chosen[role]) >= CAPS[role]:
                continue
            functions_used.add(function)
            chosen[role].append(department)
            taken.add(department)
    consulted = sorted(set(chosen["consulted"]) | set(required))
    responsible = sorted(chosen["responsible"]) or [owner]
    return Raci(
        objective=objective,
        accountable=owner,
        responsible=tuple(responsible),
        consulted=tuple(consulted),
        informed=tuple(sorted(chosen["informed"])),
        required={d: tuple(refs) for d, refs in sorted(required.items())},
        unmet=tuple(unmet),
    )


def _require_rules(table: FitTable, aim) -> list:
    """require_consulted rules that would fire in this org for a department of the function they name."""
    from .rulebook.match import Profile

    region = table.graph.org.organization.region
    return [
        rule
        for rule in table.rulebook.for_kind(aim.kind)
        if rule.effect.kind == "require_consulted"
        and any(
            rule.test(aim, Profile(function, frozenset(), None, region), table.facts)
            for function in _functions(rule.rule.when)
        )
    ]


def _functions(condition) -> tuple[str, ...]:
    from .rulebook.match import predicates

    found = []
    for key, values in predicates(condition):
        if key == "department.function":
            found += values
    return tuple(sorted(set(found)))


def links(roles: dict[str, Raci]) -> list[Link]:
    """Owner-to-R and owner-to-C pairs, merged over objectives, in id order."""
    joined: dict[tuple[str, str], set[str]] = {}
    for objective, raci in roles.items():
        for other in (*raci.responsible, *raci.consulted):
            if other != raci.accountable:
                pair = tuple(sorted((raci.accountable, other)))
                joined.setdefault(pair, set()).add(objective)
    return [Link(a, b, tuple(sorted(objectives))) for (a, b), objectives in sorted(joined.items())]
