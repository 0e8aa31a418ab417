"""The fit table: what every rule says about every (objective, department) pair.

Rules only see a department through its `Profile` (function, skills,
structure, region), and an objective through its `Aim` (kind, region), so each
(aim, profile) pair is matched once and shared by every department with that
profile. Amounts are kept in hundredths so sums are exact integers.

A department that runs several functions (`also`) is judged as each of them
and keeps the best: a Marketing & Communications unit fits reputation as well
as a communications team does, but never collects both functions' points.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from orgdesign.engine.graph import OrgGraph
from orgdesign.rulebook import CompiledRule, Rulebook
from orgdesign.rulebook.match import Aim, OrgFacts, Profile, outside
from orgdesign.rulebook.schema import ROLES
from orgdesign.vocabulary import canonical_skill


@dataclass(frozen=True)
class Cell:
    """What the rules say about one department for one kind of objective."""

    fit: int  # hundredths
    reasons: tuple[CompiledRule, ...]  # owner contributions, in rule-id order
    forbidden_by: tuple[CompiledRule, ...]
    roles: dict[str, tuple[int, tuple[CompiledRule, ...]]]  # role -> (weight, rules)
    required_by: tuple[CompiledRule, ...]  # require_consulted rules that match
    function: str  # the function the fit was earned as (the primary one unless `also` fits better)
    fallback: int = 0  # hundredths from fallback rules: fit only where no department fits the aim
    fallback_by: tuple[CompiledRule, ...] = ()


class FitTable:
    """Fit and role weights for every objective and department of one org."""

    def __init__(self, graph: OrgGraph, rulebook: Rulebook):
        self.graph = graph
        self.rulebook = rulebook
        o = graph.org.organization
        self.facts = OrgFacts(o.region, o.country, o.size, o.industry, o.regulated, graph.functions)
        self._cells: dict[tuple[Aim, Profile], Cell] = {}
        self._raw_cells: dict[tuple[Aim, Profile], Cell] = {}
        self._unfitted: dict[Aim, bool] = {}
        self._rankings: dict[Aim, list[tuple[int, list[Profile]]]] = {}
        self._ranked: dict[Aim, tuple[list[tuple[str, int]], Iterator[tuple[str, int]]]] = {}
        region = o.region
        self.aims = {i: Aim(x.kind, x.region or region, x.region is None) for i, x in graph.objectives.items()}

    @cached_property
    def profiles(self) -> dict[str, Profile]:
        """Department id -> profile; most departments share one with others."""
        region = self.graph.org.organization.region
        shared: dict[tuple, Profile] = {}
        out = {}
        for department_id, d in self.graph.departments.items():
            key = (d.function, d.also, d.skills, d.structure, d.region or region, d.region is not None)
            profile = shared.get(key)
            if profile is None:
                skills = frozenset(canonical_skill(skill) for skill in d.skills)
                profile = Profile(
                    d.function, skills, d.structure, d.region or region, frozenset(d.also), d.region is not None
                )
                shared[key] = profile
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
        """The rules' verdict; where no department fits the aim at all, fallback rules count as fit."""
        key = (aim, profile)
        cell = self._cells.get(key)
        if cell is None:
            cell = self._raw(aim, profile)
            if cell.fallback_by and self.unfitted(aim):
                cell = replace(cell, fit=cell.fit + cell.fallback, reasons=(*cell.reasons, *cell.fallback_by))
            self._cells[key] = cell
        return cell

    def _raw(self, aim: Aim, profile: Profile) -> Cell:
        key = (aim, profile)
        cell = self._raw_cells.get(key)
        if cell is None:
            cell = self._raw_cells[key] = self._match(aim, profile)
        return cell

    def unfitted(self, aim: Aim) -> bool:
        """True when no department that may own such objectives has a positive fit for them."""
        answer = self._unfitted.get(aim)
        if answer is None:
            cells = (self._raw(aim, p) for p in self.departments_by_profile)
            answer = self._unfitted[aim] = not any(c.fit > 0 and not c.forbidden_by for c in cells)
        return answer

    def cell(self, objective_id: str, department_id: str) -> Cell:
        """The rules' verdict on this department for this objective."""
        return self.cell_for(self.aims[objective_id], self.profiles[department_id])

    def fit(self, objective_id: str, department_id: str) -> int:
        return self.cell(objective_id, department_id).fit

    def _match(self, aim: Aim, profile: Profile) -> Cell:
        """One function: the rules as written. Several: the best fit, the heaviest role weights."""
        if not profile.also:
            return self._match_one(aim, profile)
        cells = [self._raw(aim, profile.as_function(f)) for f in profile.functions]
        best = max(cells, key=lambda c: (c.fit, c.fallback))  # the first (primary) function wins a tie
        roles = {}
        for role in ROLES:
            weighted = [c.roles[role] for c in cells if role in c.roles]
            if weighted:
                roles[role] = max(weighted, key=lambda item: item[0])
        return Cell(
            fit=best.fit,
            reasons=best.reasons,
            forbidden_by=tuple(r for c in cells for r in c.forbidden_by),
            roles=roles,
            required_by=tuple(sorted({r for c in cells for r in c.required_by}, key=lambda r: r.id)),
            function=best.function,
            fallback=best.fallback,
            fallback_by=best.fallback_by,
        )

    def _match_one(self, aim: Aim, profile: Profile) -> Cell:
        rules = self.rulebook.for_pair(aim.kind, profile.function)
        matched = [rule for rule in rules if rule.test(aim, profile, self.facts)]
        grouped: dict[str, list[CompiledRule]] = {}
        for rule in matched:
            grouped.setdefault(rule.effect_kind, []).append(rule)
        by_effect = {kind: tuple(rules) for kind, rules in grouped.items()}
        owner = by_effect.get("owner", ())
        fallback = by_effect.get("fallback", ())
        roles = {role: (sum(r.points for r in by_effect[role]), by_effect[role]) for role in ROLES if role in by_effect}
        return Cell(
            fit=sum(r.points for r in owner),
            reasons=owner,
            forbidden_by=by_effect.get("forbid_owner", ()),
            roles=roles,
            required_by=by_effect.get("require_consulted", ()),
            function=profile.function,
            fallback=sum(r.points for r in fallback),
            fallback_by=fallback,
        )

    def preference(self, aim: Aim, profile: Profile) -> tuple[int, int]:
        """How a department ranks for an aim: fit, then serving the objective's own region."""
        return self.cell_for(aim, profile).fit, int(not outside(aim, profile))

    def ranking(self, aim: Aim) -> list[tuple[int, list[Profile]]]:
        """Profiles allowed to own objectives with this aim, grouped by fit, best first. Cached."""
        cached = self._rankings.get(aim)
        if cached is None:
            levels: dict[tuple[int, int], list[Profile]] = {}
            for profile in self.departments_by_profile:
                if not self.cell_for(aim, profile).forbidden_by:
                    levels.setdefault(self.preference(aim, profile), []).append(profile)
            cached = self._rankings[aim] = [(key[0], levels[key]) for key in sorted(levels, reverse=True)]
        return cached

    def ranked(self, aim: Aim) -> Iterator[tuple[str, int]]:
        """(department, fit) allowed to own objectives with this aim, best first (`tie_key` order).

        Departments without capacity are left out. Lazy: callers take what they
        need, and what one caller has taken is kept for the next one with the same aim.
        """
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

    def tie_key(self, objective_id: str, department_id: str) -> tuple:
        """Sort key among candidates: best fit first, then the home region, then tree order."""
        fit, home = self.preference(self.aims[objective_id], self.profiles[department_id])
        return (-fit, -home, *self.tree_order[department_id])

    @cached_property
    def tree_order(self) -> dict[str, tuple[int, int, str]]:
        """Department id -> its place in the tie order.

        Group-level units (no region or business unit of their own) come first,
        then higher in the tree, then id.
        """
        departments = self.graph.departments
        return {
            d: (int(bool(departments[d].region or departments[d].business_unit)), self.graph.depth(d), d)
            for d in departments
        }


def score(graph: OrgGraph, rulebook: Rulebook) -> FitTable:
    """Build the fit table (cells are matched lazily, once per kind and profile)."""
    return FitTable(graph, rulebook)
