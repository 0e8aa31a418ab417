"""The one interpreter of rule conditions.

A condition is compiled once into a plain Python closure over three facts:
the objective's `Aim` (kind and region), the department's `Profile` and the
organization's `OrgFacts`. Departments that share a profile share every answer, so the
scorer asks once per distinct profile, not once per department.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from orgdesign.rulebook.schema import Condition
from orgdesign.vocabulary import canonical_skill


@dataclass(frozen=True)
class Aim:
    """All a rule can see of an objective."""

    kind: str
    region: str
    group_wide: bool = True  # the objective names no region of its own


@dataclass(frozen=True)
class Profile:
    """All a rule can see of a department.

    A rule sees one function at a time: a department that also runs other
    functions (`also`) is matched once per function, and the scorer keeps the best.
    Skills are in the vocabulary's words (`canonical_skill`).
    """

    function: str
    skills: frozenset[str]
    structure: str | None
    region: str
    also: frozenset[str] = frozenset()
    regional: bool = False  # the department names a region of its own

    def as_function(self, function: str) -> Profile:
        """The same department seen as one of its functions."""
        return Profile(function, self.skills, self.structure, self.region, regional=self.regional)

    @property
    def functions(self) -> tuple[str, ...]:
        """The primary function first, then the others in id order."""
        return (self.function, *sorted(self.also))


@dataclass(frozen=True)
class OrgFacts:
    """All a rule can see of the organization."""

    region: str
    country: str | None
    size: str
    industry: str
    regulated: bool
    functions: frozenset[str]


Test = Callable[[Aim, Profile, OrgFacts], bool]


_TESTERS: dict[str, Callable[[frozenset], Test]] = {
    "objective.kind": lambda wanted: lambda k, p, o: k.kind in wanted,
    "objective.region": lambda wanted: lambda k, p, o: k.region in wanted,
    "department.function": lambda wanted: lambda k, p, o: p.function in wanted,
    "department.skills": lambda wanted: lambda k, p, o: not wanted.isdisjoint(p.skills),  # canonical words
    "department.structure": lambda wanted: lambda k, p, o: p.structure in wanted,
    "department.region": lambda wanted: lambda k, p, o: p.region in wanted,
    "org.region": lambda wanted: lambda k, p, o: o.region in wanted,
    "org.country": lambda wanted: lambda k, p, o: o.country in wanted,
    "org.size": lambda wanted: lambda k, p, o: o.size in wanted,
    "org.industry": lambda wanted: lambda k, p, o: o.industry in wanted,
    "org.has_function": lambda wanted: lambda k, p, o: not wanted.isdisjoint(o.functions),
}


def outside(aim: Aim, profile: Profile) -> bool:
    """A department outside the objective's region.

    For a group-wide objective that is any unit that serves a region of its own
    (even the home region: it is a regional unit, not the center).
    """
    return profile.regional if aim.group_wide else profile.region != aim.region


def compile_condition(condition: Condition) -> Test:
    """Turn a validated condition into a test(aim, profile, org) -> bool."""
    key, value = condition.item()
    if key == "all":
        parts = [compile_condition(c) for c in value]
        return lambda k, p, o: all(part(k, p, o) for part in parts)
    if key == "any":
        parts = [compile_condition(c) for c in value]
        return lambda k, p, o: any(part(k, p, o) for part in parts)
    if key == "not":
        inner = compile_condition(value)
        return lambda k, p, o: not inner(k, p, o)
    if key == "org.regulated":
        return lambda k, p, o: o.regulated is value
    if key == "department.other_region":
        return lambda k, p, o: outside(k, p) is value
    if key == "department.skills":
        value = [canonical_skill(skill) for skill in value]
    return _TESTERS[key](frozenset(value))


def possible(condition: Condition, key: str, universe: frozenset[str]) -> frozenset[str]:
    """The values of `key` (objective.kind or department.function) for which the condition can hold.

    An index that lets the scorer skip rules, not a proof that they match.
    """
    found, value = condition.item()
    if found == key:
        return frozenset(value) & universe
    if found == "all":
        out = universe
        for part in value:
            out &= possible(part, key, universe)
        return out
    if found == "any":
        out = frozenset()
        for part in value:
            out |= possible(part, key, universe)
        return out
    return universe


def predicates(condition: Condition):
    """Yield (key, values) for every predicate in the tree, for vocabulary checks."""
    key, value = condition.item()
    if key in ("all", "any"):
        for part in value:
            yield from predicates(part)
    elif key == "not":
        yield from predicates(value)
    else:
        yield key, value
