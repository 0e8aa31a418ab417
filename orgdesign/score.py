"""The fit table: what every rule says about every (objective, department) pair.

Rules only see a department through its `Profile` (function, skills,
structure, region), and an objective through its `Aim` (kind, region), so each
(aim, profile) pair is matched once and shared by every department with that
profile. Amounts are kept in hundredths so sums are exact integers.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from .graph import OrgGraph
from .rulebook import CompiledRule, Rulebook
from .rulebook.match import Aim, OrgFacts, Profile
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
        self._rankings: dict[Aim, list[tuple[int, list[Profile]]]] = {}
        self._ranked: dict[Aim, tuple[list[tuple[str, int]], Iterator[tuple[str, int]]]] = {}
        region = o.region
        self.aims = {i: Aim(x.kind, x.region or region) for i, x in graph.objectives.items()}

    @cached_property
    def profiles(self) -> dict[str, Profile]:
        """Department id -> profile; most departments share one with others."""
        region = self.graph.org.organization.region
        shared: dict[tuple, Profile] = {}
        out = {}
        for department_id, d in self.graph.departments.items():
            key = (d.function, d.skills, d.structure, d.region or region)
            profile = shared.get(key)
            if profile is None:
                profile = shared[key] = Profile(d.function, frozenset(d.skills), d.structure, d.region or region)
            out[department_id] = profile
        return out

    @cached_property
    def departments_by_profile(self) -> dict[Profile, list[str]]:
        """Profile -> its departments in tree order (depth, then id)."""
        groups: dict[Profile, list[str]] = {}
        profiles = self.profiles
        for department_id in sorted(profiles, key=self.tree_order.__getitem__):
            groups.setdefault(profiles[department_id], []).append(department_id)
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
        rules = self.rulebook.for_pair(aim.kind, profile.function)
        matched = [rule for rule in rules if rule.test(aim, profile, self.facts)]
        owner = tuple(r for r in matched if r.effect_kind == "owner")
        roles = {}
        for role in ROLES:
            rules = tuple(r for r in matched if r.effect_kind == role)
            if rules:
                roles[role] = (sum(r.points for r in rules), rules)
        return Cell(
            fit=sum(r.points for r in owner),
            reasons=owner,
            forbidden_by=tuple(r for r in matched if r.effect_kind == "forbid_owner"),
            roles=roles,
            required_by=tuple(r for r in matched if r.effect_kind == "require_consulted"),
        )

    def ranking(self, aim: Aim) -> list[tuple[int, list[Profile]]]:
        """Profiles that rules allow to own objectives with this aim, grouped by fit, best first. Cached."""
        cached = self._rankings.get(aim)
        if cached is None:
            levels: dict[int, list[Profile]] = {}
            for profile in self.departments_by_profile:
                cell = self.cell_for(aim, profile)
                if not cell.forbidden_by:
                    levels.setdefault(cell.fit, []).append(profile)
            cached = self._rankings[aim] = [(fit, levels[fit]) for fit in sorted(levels, reverse=True)]
        return cached

    def ranked(self, aim: Aim) -> Iterator[tuple[str, int]]:
        """(department, fit) allowed to own objectives with this aim, best fit first, ties in
        tree order; departments without capacity left out. Lazy: callers take what they need,
        and what one caller has taken is kept for the next one with the same aim."""
        taken, rest = self._walk(aim)
        index = 0
        while True:
            if index == len(taken):
                following = next(rest, None)
                if following is None:
                    return
                taken.append(following)
            yield taken[index]
            index += 1

    def best(self, aim: Aim, count: int | None = None) -> list[tuple[str, int]]:
        """The first `count` entries of `ranked(aim)` (all when None), computed once per aim."""
        taken, rest = self._walk(aim)
        if count is None:
            taken.extend(rest)
        elif len(taken) < count:
            taken.extend(itertools.islice(rest, count - len(taken)))
        return taken[:count]

    def _walk(self, aim: Aim) -> tuple[list[tuple[str, int]], Iterator[tuple[str, int]]]:
        walk = self._ranked.get(aim)
        if walk is None:
            walk = self._ranked[aim] = ([], self._rank(aim))
        return walk

    def _rank(self, aim: Aim) -> Iterator[tuple[str, int]]:
        capacity = self.graph.capacity
        for fit, profiles in self.ranking(aim):
            lists = [self.departments_by_profile[p] for p in profiles]
            for department in heapq.merge(*lists, key=self.tree_order.__getitem__):
                if capacity(department) > 0:
                    yield department, fit

    @cached_property
    def tree_order(self) -> dict[str, tuple[int, str]]:
        """Department id -> (depth, id): the order ties are broken in."""
        return {d: (self.graph.depth(d), d) for d in self.graph.departments}


def score(graph: OrgGraph, rulebook: Rulebook) -> FitTable:
    """Build the fit table (cells are matched lazily, once per kind and profile)."""
    return FitTable(graph, rulebook)
