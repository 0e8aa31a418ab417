"""The fit table: what every rule says about every (objective, department) pair.

Rules only see a department through its `Profile` (function, skills,
structure, region), and an objective through its `Aim` (kind, region), so each
(aim, profile) pair is matched once and shared by every department with that
profile. Amounts are kept in hundredths so sums are exact integers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .graph import OrgGraph
from .rulebook import CompiledRule, Rulebook
from .rulebook.match import Aim, OrgFacts, Profile
from .rulebook.packs import scaled
from .rulebook.schema import ROLES


@dataclass(frozen=True)
class Cell:
    """What the rules say about one department for one kind of objective."""

    fit: int  # hundredths
    reasons: tuple[CompiledRule, ...]  # owner contributions, in rule-id order
    forbidden_by: tuple[CompiledRule, ...]
    roles: dict[str, tuple[int, tuple[CompiledRule, ...]]]  # role -> (weight, rules)
    required_by: tuple[CompiledRule, ...]  # require_consulted rules that match


class FitTable:
    """Fit and role weights for every objective and department of one org."""

    def __init__(self, graph: OrgGraph, rulebook: Rulebook):
        self.graph = graph
        self.rulebook = rulebook
        o = graph.org.organization
        self.facts = OrgFacts(o.region, o.country, o.size, o.industry, o.regulated, graph.functions)
        self._cells: dict[tuple[Aim, Profile], Cell] = {}
        region = o.region
        self.aims = {i: Aim(x.kind, x.region or region) for i, x in graph.objectives.items()}

    @cached_property
    def profiles(self) -> dict[str, Profile]:
        """Department id -> profile; most departments share one with others."""
        region = self.graph.org.organization.region
        shared: dict[Profile, Profile] = {}
        out = {}
        for department_id, d in self.graph.departments.items():
            profile = Profile(d.function, frozenset(d.skills), d.structure, d.region or region)
            out[department_id] = shared.setdefault(profile, profile)
        return out

    @cached_property
    def departments_by_profile(self) -> dict[Profile, list[str]]:
        """Profile -> its departments in id order."""
        groups: dict[Profile, list[str]] = {}
        for department_id, profile in self.profiles.items():
            groups.setdefault(profile, []).append(department_id)
        return groups

    def cell_for(self, aim: Aim, profile: Profile) -> Cell:
        key = (aim, profile)
        cell = self._cells.get(key)
        if cell is None:
            cell = self._cells[key] = self._match(aim, profile)
        return cell

    def cell(self, objective_id: str, department_id: str) -> Cell:
        """The rules' verdict on this department for this objective."""
        return self.cell_for(self.aims[objective_id], self.profiles[department_id])

    def fit(self, objective_id: str, department_id: str) -> int:
        return self.cell(objective_id, department_id).fit

    def _match(self, aim: Aim, profile: Profile) -> Cell:
        matched = [rule for rule in self.rulebook.for_kind(aim.kind) if rule.test(aim, profile, self.facts)]
        owner = tuple(r for r in matched if r.effect.kind == "owner")
        roles = {}
        for role in ROLES:
            rules = tuple(r for r in matched if r.effect.kind == role)
            if rules:
                roles[role] = (sum(scaled(r.effect.amount) for r in rules), rules)
        return Cell(
            fit=sum(scaled(r.effect.amount) for r in owner),
            reasons=owner,
            forbidden_by=tuple(r for r in matched if r.effect.kind == "forbid_owner"),
            roles=roles,
            required_by=tuple(r for r in matched if r.effect.kind == "require_consulted"),
        )


def score(graph: OrgGraph, rulebook: Rulebook) -> FitTable:
    """Build the fit table (cells are matched lazily, once per kind and profile)."""
    return FitTable(graph, rulebook)
