"""The English of explanations: one function per kind of fact, and names, not ids, where people read.

The engine reports explanations as data (`Change`, `Blocker`, `Forced`,
`OwnerChange`); every presenter words them here, so the terminal, JSON,
Markdown and HTML say the same thing, and a translation has one module to
replace. Ids stay only where a person must type them (a constraint to add).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from orgdesign.vocabulary import REGIONS

TIE_BREAKS = {
    "today": "kept with today's owner",
    "order": "group-level units first, then higher in the reporting tree, then by id",
}


@dataclass(frozen=True)
class Names:
    """Names to show for department and objective ids (two maps: the id spaces may overlap)."""

    departments: Mapping[str, str] = field(default_factory=dict)
    objectives: Mapping[str, str] = field(default_factory=dict)

    def department(self, department_id: str | None) -> str:
        return "—" if department_id is None else self.departments.get(department_id, department_id)

    def objective(self, objective_id: str) -> str:
        return self.objectives.get(objective_id, objective_id)

    def subject(self, subject: str | None) -> str | None:
        """A finding's subject (a department or an objective id) by name; None for no subject."""
        if not subject:
            return None
        return self.department(subject) if subject in self.departments else self.objective(subject)


def names_of(*graphs) -> Names:
    """The names of one org graph, or of several (a comparison: a later name wins)."""
    departments: dict[str, str] = {}
    objectives: dict[str, str] = {}
    for graph in graphs:
        departments.update((d, record.label) for d, record in graph.departments.items())
        objectives.update((o, record.label) for o, record in graph.objectives.items())
    return Names(departments, objectives)


VERDICTS = {
    "owner": "owns it",
    "forbidden": "may not own it",
    "lower_fit": "fits it less well",
    "tie": "fits exactly as well; the tie-break decided",
    "load": "fits as well or better, but it already owns objectives and each further one weighs more (E11)",
    "capacity": "fits as well or better, but its capacity is taken by objectives worth more",
}


def _units(hundredths: int) -> str:
    return f"{hundredths / 100:.2f}"


def tie_break_text(tie: str) -> str:
    """How a tie was settled: "today" or "order"."""
    return TIE_BREAKS[tie]


def verdict_text(verdict: str) -> str:
    """Why a department does not own an objective, as the end of "It ...": `WhyNot.verdict`."""
    return VERDICTS[verdict]


def change_text(change, names: Names) -> str:
    """One `Change` that would make a department the owner, as an instruction.

    >>> from orgdesign.engine.explain import Change
    >>> change_text(Change("capacity", "pr", 1, 2, 1), Names({"pr": "Press Office"}))
    'raise the capacity of Press Office from 1 to 2'
    """
    if change.kind == "fit":
        return (
            f"raise the fit of {names.department(change.target)} by {_units(change.delta)} "
            f"(from {_units(change.from_)} to at least {_units(change.to)}), e.g. with a rule or a skill"
        )
    if change.kind == "capacity":
        return f"raise the capacity of {names.department(change.target)} from {change.from_} to {change.to}"
    if change.kind == "priority":
        return f"set the priority of {names.objective(change.target)} from {change.from_} to {change.to}"
    return (
        f"forbid {names.department(change.to)} as its owner: add the constraint "
        f"{{objective: {change.target}, not_owner: {change.to}}}"
    )


def blocker_text(blocker, names: Names) -> str:
    """One `Blocker`: what keeps a department from owning an objective."""
    if blocker.kind == "rule":
        return f"rule {blocker.rule} forbids it ({blocker.where})"
    if blocker.kind == "constraint":
        return f"constraints[{blocker.index}] ({blocker.constraint}: {names.department(blocker.department)})"
    if blocker.kind == "capacity":
        return "its capacity is 0"
    if blocker.kind == "tie":
        return f"tied with {names.department(blocker.department)}; {tie_break_text(blocker.tie_break)}"
    return f"it owns {names.objective(blocker.objective)} (priority {blocker.priority}, fit {_units(blocker.fit)})"


def forced_text(forced, names: Names) -> str:
    """One `Forced`: why today's owner gives up an objective that the new owner fits no better."""
    department = names.department(forced.department)
    if forced.kind == "rule":
        return f"rule {forced.rule} forbids {department}"
    if forced.kind == "constraint":
        return f"the constraint {forced.constraint}: {names.department(forced.named)}"
    if forced.kind == "region":
        return f"{department} does not serve {REGIONS.get(forced.region, forced.region)}"
    if forced.kind == "capacity":
        return f"{department} is full: its capacity of {forced.count} goes to objectives worth more"
    return (
        f"{department} keeps {forced.count} objectives; one more would weigh more than the move "
        f"to {names.department(forced.to)} (E11)"
    )


def owner_change_text(change, names: Names) -> str:
    """Why an objective changed owner between two scenarios (`OwnerChange.cause`)."""
    department = names.department(change.department)
    return {
        "new_objective": "new objective",
        "removed": "objective removed",
        "new_department": f"{department} is new in this scenario",
        "department_gone": f"{department} no longer exists",
        "pinned": f"a constraint now pins it to {department}",
        "forbidden": f"a constraint now forbids {department} to own it",
        "rules": "the rules changed the fit",
        "capacity": (
            f"the capacity of {department} changed from {change.capacities[0]} to {change.capacities[1]}"
            if change.capacities
            else ""
        ),
        "load": "capacity and load moved it: other objectives now need the old owner more",
    }[change.cause]
