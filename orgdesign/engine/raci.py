"""RACI per objective and the collaboration links between departments.

The owner is Accountable. Other departments take the role whose summed rule
weight reaches 1 (responsible beats consulted beats informed), one department
per function and role (the one nearest the owner: same business unit first,
then higher in the tree, then id), within a cap per role. Departments that a
`require_consulted` rule or a `consulted` constraint names are always
consulted. The owner is always among the Responsible too: it does the work it
answers for, with the departments whose rules make them responsible (F5).

An objective with a `region` takes its R, C and I from departments of that
region or from group-level ones (no region of their own), never from another
region's units.

Links join the owner to its R and C departments, and every regional social
team to the group's social center (F1: the spokes of a dandelion are tied to
the center).
"""

from __future__ import annotations

from dataclasses import dataclass

from orgdesign.engine.score import FitTable

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


class _Pool:
    """Departments of one function at one weight, in tree order, indexed by business unit."""

    def __init__(self, members: list[str], units: dict[str, str | None]):
        self.members = members
        self.by_unit: dict[str | None, list[str]] = {}
        for department in members:
            self.by_unit.setdefault(units[department], []).append(department)

    def nearest(self, unit: str | None, taken: set[str]) -> str | None:
        """The first free member in the owner's unit, else the first free member."""
        for department in self.by_unit.get(unit, ()):
            if department not in taken:
                return department
        return next((d for d in self.members if d not in taken), None)


@dataclass
class _Candidates:
    """Per aim: role pools by function (heaviest weight first) and the pools of each required rule."""

    roles: dict[str, dict[str, list[tuple[int, _Pool]]]]
    required: dict[str, _Pool]
    unmet_if_alone: dict[str, tuple[str, ...]]  # rule id -> functions, for rules that apply in this org


def assign_roles(table: FitTable, owners: dict[str, str]) -> dict[str, Raci]:
    """RACI for every objective, given its owner."""
    cache: dict = {}
    out = {}
    for objective, owner in owners.items():
        key = (table.aims[objective], table.graph.objectives[objective].region is not None)
        if key not in cache:
            cache[key] = _candidates(table, *key)
        out[objective] = _raci(table, objective, owner, cache[key])
    return out


def _candidates(table: FitTable, aim, regional: bool) -> _Candidates:
    graph = table.graph
    order = table.tree_order
    units = {d: graph.departments[d].business_unit for d in graph.departments}
    weighted: dict[str, dict[str, dict[int, list[str]]]] = {role: {} for role in ORDER}
    required: dict[str, list[str]] = {}
    for profile, members in table.departments_by_profile.items():
        if regional:
            members = [d for d in members if graph.departments[d].region in (None, aim.region)]
            if not members:
                continue
        cell = table.cell_for(aim, profile)
        for role, (weight, _) in cell.roles.items():
            if weight >= THRESHOLD:
                weighted[role].setdefault(profile.function, {}).setdefault(weight, []).extend(members)
        for rule in cell.required_by:
            required.setdefault(rule.id, []).extend(members)
    roles = {
        role: {
            function: [
                (w, _Pool(sorted(levels[w], key=order.__getitem__), units)) for w in sorted(levels, reverse=True)
            ]
            for function, levels in by_function.items()
        }
        for role, by_function in weighted.items()
    }
    pools = {rule_id: _Pool(sorted(members, key=order.__getitem__), units) for rule_id, members in required.items()}
    applicable = {rule.id: _functions(rule.rule.when) for rule in _require_rules(table, aim)}
    return _Candidates(roles, pools, applicable)


def _raci(table: FitTable, objective: str, owner: str, found: _Candidates) -> Raci:
    graph = table.graph
    unit = graph.departments[owner].business_unit
    order = table.tree_order

    required: dict[str, list[str]] = {}
    unmet = []
    for rule_id, functions in sorted(found.unmet_if_alone.items()):
        pool = found.required.get(rule_id)
        chosen = pool.nearest(unit, {owner}) if pool else None
        if chosen is not None:
            required.setdefault(chosen, []).append(rule_id)
        elif pool is None or owner not in pool.members:
            unmet.append((rule_id, functions))
    for index, constraint in graph.constraints_for(objective):
        if constraint.consulted and constraint.consulted != owner:
            required.setdefault(constraint.consulted, []).append(f"constraints[{index}]")

    taken = {owner} | set(required)
    chosen: dict[str, list[str]] = {}
    for role in ORDER:
        best = []
        for levels in found.roles[role].values():
            for weight, pool in levels:
                department = pool.nearest(unit, taken)
                if department is not None:
                    far = graph.departments[department].business_unit != unit
                    best.append(((-weight, far, *order[department]), department))
                    break
        chosen[role] = [department for _, department in sorted(best)[: CAPS[role]]]
        taken.update(chosen[role])
    return Raci(
        objective=objective,
        accountable=owner,
        responsible=tuple(sorted({owner, *chosen["responsible"]})),
        consulted=tuple(sorted(set(chosen["consulted"]) | set(required))),
        informed=tuple(sorted(chosen["informed"])),
        required={d: tuple(refs) for d, refs in sorted(required.items())},
        unmet=tuple(unmet),
    )


def _require_rules(table: FitTable, aim) -> list:
    """require_consulted rules that would fire in this org for a department of the function they name."""
    from orgdesign.rulebook.match import Profile

    region = table.graph.org.organization.region
    return [
        rule
        for rule in table.rulebook.for_kind(aim.kind)
        if rule.effect_kind == "require_consulted"
        and any(
            rule.test(aim, Profile(function, frozenset(), None, region), table.facts)
            for function in _functions(rule.rule.when)
        )
    ]


def _functions(condition) -> tuple[str, ...]:
    from orgdesign.rulebook.match import predicates

    found = []
    for key, values in predicates(condition):
        if key == "department.function":
            found += values
    return tuple(sorted(set(found)))


def links(roles: dict[str, Raci], hub_ties: list[tuple[str, str]] = ()) -> list[Link]:
    """Owner-to-R and owner-to-C pairs merged over objectives, plus hub ties, in id order.

    Hub ties are the given (spoke, center) pairs; they carry no objective.
    """
    joined: dict[tuple[str, str], set[str]] = {}
    for objective, raci in roles.items():
        for other in (*raci.responsible, *raci.consulted):
            if other != raci.accountable:
                pair = tuple(sorted((raci.accountable, other)))
                joined.setdefault(pair, set()).add(objective)
    for spoke, center in hub_ties:
        joined.setdefault(tuple(sorted((spoke, center))), set())
    return [Link(a, b, tuple(sorted(objectives))) for (a, b), objectives in sorted(joined.items())]


def hub_ties(table: FitTable, owners: dict[str, str]) -> list[tuple[str, str]]:
    """(regional social team, center) pairs, one per regional or business-unit social team.

    The center is the group-level social team or, without one, the department
    that holds the accounts.
    """
    graph = table.graph
    teams = graph.with_function("social_media")
    spokes = [t for t in teams if graph.departments[t].region or graph.departments[t].business_unit]
    if not spokes:
        return []
    central = [t for t in teams if t not in spokes]
    holders = sorted({owners[o] for o, r in graph.objectives.items() if r.kind == "account_governance"})
    center = min(central, key=table.tree_order.__getitem__) if central else (holders[0] if holders else None)
    return [(spoke, center) for spoke in spokes if center and spoke != center]
