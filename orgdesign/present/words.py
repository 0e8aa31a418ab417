"""The words of explanations: one function per kind of fact, and names, not ids, where people read.

The engine reports explanations as data (`Change`, `Blocker`, `Forced`,
`OwnerChange`); every presenter words them here, so the terminal, JSON,
Markdown and HTML say the same thing, in the language in use (each sentence
is one message of the catalog). Ids stay only where a person must type them
(a constraint to add).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from orgdesign.i18n import N_, _, number
from orgdesign.vocabulary import REGIONS

TIE_BREAKS = {
    "today": N_("kept with today's owner"),
    "order": N_("group-level units first, then higher in the reporting tree, then by id"),
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


# Translators: the end of a sentence about a department, "It ..." (see "It {verdict} (fit ...").
VERDICTS = {
    "owner": N_("owns it"),
    "forbidden": N_("may not own it"),
    "lower_fit": N_("fits it less well"),
    "tie": N_("fits exactly as well; the tie-break decided"),
    "load": N_("fits as well or better, but it already owns objectives and each further one weighs more (E11)"),
    "capacity": N_("fits as well or better, but its capacity is taken by objectives worth more"),
}


def _units(hundredths: int) -> str:
    return number(hundredths / 100)


def tie_break_text(tie: str) -> str:
    """How a tie was settled: "today" or "order"."""
    return _(TIE_BREAKS[tie])


def verdict_text(verdict: str) -> str:
    """Why a department does not own an objective, as the end of "It ...": `WhyNot.verdict`."""
    return _(VERDICTS[verdict])


def change_text(change, names: Names) -> str:
    """One `Change` that would make a department the owner, as an instruction.

    >>> from orgdesign.engine.explain import Change
    >>> change_text(Change("capacity", "pr", 1, 2, 1), Names({"pr": "Press Office"}))
    'raise the capacity of Press Office from 1 to 2'
    """
    if change.kind == "fit":
        return _(
            "raise the fit of {department} by {delta} (from {before} to at least {after}), e.g. with a rule or a skill"
        ).format(
            department=names.department(change.target),
            delta=_units(change.delta),
            before=_units(change.from_),
            after=_units(change.to),
        )
    if change.kind == "capacity":
        return _("raise the capacity of {department} from {before} to {after}").format(
            department=names.department(change.target), before=change.from_, after=change.to
        )
    if change.kind == "priority":
        return _("set the priority of {objective} from {before} to {after}").format(
            objective=names.objective(change.target), before=change.from_, after=change.to
        )
    # Translators: {constraint} is file syntax to type, e.g. {objective: x, not_owner: y}; keep it as it is.
    return _("forbid {department} as its owner: add the constraint {constraint}").format(
        department=names.department(change.to),
        constraint=f"{{objective: {change.target}, not_owner: {change.to}}}",
    )


def blocker_text(blocker, names: Names) -> str:
    """One `Blocker`: what keeps a department from owning an objective."""
    if blocker.kind == "rule":
        return _("rule {rule} forbids it ({where})").format(rule=blocker.rule, where=blocker.where)
    if blocker.kind == "constraint":
        return f"constraints[{blocker.index}] ({blocker.constraint}: {names.department(blocker.department)})"
    if blocker.kind == "capacity":
        return _("its capacity is 0")
    if blocker.kind == "tie":
        return _("tied with {department}; {tie_break}").format(
            department=names.department(blocker.department), tie_break=tie_break_text(blocker.tie_break)
        )
    return _("it owns {objective} (priority {priority}, fit {fit})").format(
        objective=names.objective(blocker.objective), priority=blocker.priority, fit=_units(blocker.fit)
    )


def forced_text(forced, names: Names) -> str:
    """One `Forced`: why today's owner gives up an objective that the new owner fits no better."""
    department = names.department(forced.department)
    if forced.kind == "rule":
        return _("rule {rule} forbids {department}").format(rule=forced.rule, department=department)
    if forced.kind == "constraint":
        # Translators: {constraint} is the constraint's keyword in the file (owner, not_owner); keep it.
        return _("the constraint {constraint}: {department}").format(
            constraint=forced.constraint, department=names.department(forced.named)
        )
    if forced.kind == "region":
        return _("{department} does not serve {region}").format(
            department=department, region=region_name(forced.region)
        )
    if forced.kind == "capacity":
        return _("{department} is full: its capacity of {count} goes to objectives worth more").format(
            department=department, count=forced.count
        )
    return _("{department} keeps {count} objectives; one more would weigh more than the move to {other} (E11)").format(
        department=department, count=forced.count, other=names.department(forced.to)
    )


def region_name(region: str) -> str:
    """A region's name as a reader reads it (the vocabulary's label, translated where the catalog has it)."""
    label = REGIONS.get(region)
    return _(label) if label else region


def owner_change_text(change, names: Names) -> str:
    """Why an objective changed owner between two scenarios (`OwnerChange.cause`)."""
    department = names.department(change.department)
    cause = change.cause
    if cause == "new_objective":
        return _("new objective")
    if cause == "removed":
        return _("objective removed")
    if cause == "new_department":
        return _("{department} is new in this scenario").format(department=department)
    if cause == "department_gone":
        return _("{department} no longer exists").format(department=department)
    if cause == "pinned":
        return _("a constraint now pins it to {department}").format(department=department)
    if cause == "forbidden":
        return _("a constraint now forbids {department} to own it").format(department=department)
    if cause == "rules":
        return _("the rules changed the fit")
    if cause == "capacity":
        if not change.capacities:
            return ""
        return _("the capacity of {department} changed from {before} to {after}").format(
            department=department, before=change.capacities[0], after=change.capacities[1]
        )
    if cause == "load":
        return _("capacity and load moved it: other objectives now need the old owner more")
    raise KeyError(cause)
