"""Why each owner, and why not another department.

Reasons are the owner rules that matched; their contributions sum exactly to
the fit. The runner-up is the best other department that may own the
objective. `why_not` says what keeps a department from owning an objective
and which single changes would make it the owner; every change it offers has
been checked by solving the changed problem.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from orgdesign.engine.score import FitTable
from orgdesign.engine.solve import Problem, Solution, Unfeasible, allowed, flip_increase, owner_after, solve, with_fit
from orgdesign.i18n import N_, _, join, rule_text

if TYPE_CHECKING:
    from orgdesign.engine.pipeline import Recommendation


@dataclass(frozen=True)
class Reason:
    rule: str
    contribution: int  # hundredths
    rationale: str
    evidence: tuple[str, ...]
    where: str


@dataclass(frozen=True)
class Assignment:
    objective: str
    owner: str
    score: int  # the owner's fit, hundredths
    reasons: tuple[Reason, ...]
    runner_up: str | None
    runner_up_score: int | None
    tie: str | None = None  # how a tie with the runner-up was broken: "today" (kept) or "order"

    @property
    def margin(self) -> int | None:
        return None if self.runner_up_score is None else self.score - self.runner_up_score


@dataclass(frozen=True)
class Change:
    """A single change that would make a department the owner (verified by re-solving).

    fit: raise `target`'s (a department's) fit from `from_` to at least `to`, by `delta` (hundredths);
    capacity: raise `target`'s capacity from `from_` to `to`; priority: set `target`'s (an
    objective's) priority from `from_` to `to`; constraint: forbid `to` (today's owner, a
    department) as the owner of `target` (the objective).
    """

    kind: str  # fit | capacity | priority | constraint
    target: str
    from_: int | None
    to: int | str
    delta: int | None


@dataclass(frozen=True)
class Blocker:
    """One thing that keeps a department from owning an objective; which fields count depends on `kind`.

    rule: `rule` forbids it (defined at `where`); constraint: `constraints[index]` (its `constraint`
    kind, naming `department`); capacity: `department` has a capacity of 0; tie: tied with
    `department` (the owner), settled by `tie_break` ("today" or "order"); held: the department
    already owns `objective` (with `priority` and its `fit` there, hundredths).
    """

    kind: str  # rule | constraint | capacity | tie | held
    rule: str = ""
    where: str = ""
    index: int | None = None
    constraint: str = ""
    department: str = ""
    tie_break: str = ""
    objective: str = ""
    priority: int | None = None
    fit: int | None = None


@dataclass(frozen=True)
class WhyNot:
    objective: str
    department: str
    owner: str
    verdict: str  # owner | forbidden | lower_fit | tie | load | capacity
    fit: int
    owner_fit: int
    owner_only: tuple[Reason, ...]  # rules the owner has and the department lacks
    department_only: tuple[Reason, ...]
    blockers: tuple[Blocker, ...]  # what forbids it, or what took its capacity
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Explanation:
    """Why an objective has its owner, and why not one other department (the runner-up unless named)."""

    assignment: Assignment
    contrast: WhyNot | None  # None when there is no other department to contrast with


def explain(result: Recommendation, objective: str, department: str | None = None) -> Explanation:
    """Explain one objective of a recommendation; objective and department by id or by name.

    Raises BadValue (what="objective" or "department") with the nearest names
    when either is not in the org.
    """
    graph = result.table.graph
    objective = _resolve("objective", objective, {o: r.label for o, r in graph.objectives.items()})
    if department is not None:
        department = _resolve("department", department, {d: r.label for d, r in graph.departments.items()})
    assignment = next(a for a in result.assignments if a.objective == objective)
    other = department or assignment.runner_up
    contrast = why_not(result.table, result.problem, result.solution, objective, other) if other else None
    return Explanation(assignment, contrast)


# One sentence per kind of name, so a translation can agree with its noun.
_AMBIGUOUS = {
    "objective": N_("'{typed}' names more than one objective{hint}"),
    "department": N_("'{typed}' names more than one department{hint}"),
}
_UNKNOWN = {
    "objective": N_("unknown objective '{typed}'{hint}"),
    "department": N_("unknown department '{typed}'{hint}"),
}


def _resolve(what: str, typed: str, names: dict[str, str]) -> str:
    """The id a person means by an id or a name; BadValue with the nearest ids and names otherwise.

    A suggestion shows the id to type and the name it stands for: 'listening' (Social listening).
    """
    from orgdesign.errors import BadValue
    from orgdesign.input.names import NotFound, resolve

    try:
        return resolve(typed, names)
    except NotFound as missing:
        if missing.ambiguous:
            raise BadValue(what, _(_AMBIGUOUS[what]).format(typed=typed, hint=missing.hint())) from None
        ids = {name: ident for ident, name in reversed(list(names.items()))}
        shown = []
        for suggestion in missing.suggestions:  # an id or a name: show both
            ident = suggestion if suggestion in names else ids.get(suggestion, suggestion)
            name = names.get(ident, suggestion)
            shown.append(f"'{ident}' ({name})" if name != ident else f"'{ident}'")
        if shown:
            hint = _("; did you mean {names}?").format(names=join(shown, style="or"))
        elif len(names) <= 20:
            hint = _("; expected one of: {names}").format(names=", ".join(names))
        else:
            hint = ""
        raise BadValue(what, _(_UNKNOWN[what]).format(typed=typed, hint=hint)) from None


def reasons(table: FitTable, objective: str, department: str) -> tuple[Reason, ...]:
    """The owner rules that match, with their contributions."""
    return tuple(
        Reason(r.id, r.points, rule_text(r.id, r.rule.rationale), tuple(r.rule.evidence), r.where)
        for r in table.cell(objective, department).reasons
    )


def assignments(table: FitTable, solution: Solution) -> list[Assignment]:
    """One explained assignment per objective, in objective-id order."""
    out = []
    today = table.graph.org.current_owners
    for objective, owner in solution.owners.items():
        others = [(d, fit) for d, fit in allowed(table, objective, limit=2) if d != owner]
        runner, runner_fit = others[0] if others else (None, None)
        fit = table.fit(objective, owner)
        tie = None if runner_fit != fit else "today" if today.get(objective) == owner else "order"
        out.append(Assignment(objective, owner, fit, reasons(table, objective, owner), runner, runner_fit, tie))
    return out


def why_not(table: FitTable, problem: Problem, solution: Solution, objective: str, department: str) -> WhyNot:
    """What keeps `department` from owning `objective`, and what would change that."""
    graph = table.graph
    owner = solution.owners[objective]
    fit, owner_fit = table.fit(objective, department), table.fit(objective, owner)
    mine = {r.rule: r for r in reasons(table, objective, department)}
    theirs = {r.rule: r for r in reasons(table, objective, owner)}
    owner_only = tuple(r for k, r in theirs.items() if k not in mine)
    department_only = tuple(r for k, r in mine.items() if k not in theirs)
    base = WhyNot(objective, department, owner, "owner", fit, owner_fit, owner_only, department_only, (), ())
    if department == owner:
        return base

    blockers = forbidding(table, objective, department)
    if blockers:
        return replace(base, verdict="forbidden", blockers=tuple(blockers))

    held = [o for o, d in solution.owners.items() if d == department]
    owner_load = sum(1 for d in solution.owners.values() if d == owner)
    verdict = _verdict(fit, owner_fit, len(held), owner_load, graph.capacity(department))
    if verdict == "tie":
        kept = graph.org.current_owners.get(objective) == owner
        blockers = [Blocker("tie", department=owner, tie_break="today" if kept else "order")]
    elif verdict in ("capacity", "load"):
        blockers = [
            Blocker("held", objective=o, priority=problem.priorities[o], fit=table.fit(o, department)) for o in held
        ]
    changes = []
    widened = _with_candidate(table, problem, objective, department)
    forced = replace(widened, candidates={**widened.candidates, objective: ((department, fit),)})
    try:
        gap = solution.value - solve(forced).value
    except Unfeasible:
        gap = None
    if gap is not None:
        step = flip_increase(widened, objective, department, fit, gap)
        if owner_after(with_fit(widened, objective, department, fit + step), objective) == department:
            changes.append(Change("fit", department, fit, fit + step, step))
    roomier = replace(widened, capacities={**widened.capacities, department: graph.capacity(department) + 1})
    if owner_after(roomier, objective) == department:
        changes.append(Change("capacity", department, graph.capacity(department), graph.capacity(department) + 1, 1))
    priority = problem.priorities[objective]
    for other in sorted(range(1, 6), key=lambda p: (abs(p - priority), p)):
        if other != priority:
            reweighted = replace(widened, priorities={**widened.priorities, objective: other})
            if owner_after(reweighted, objective) == department:
                changes.append(Change("priority", objective, priority, other, other - priority))
                break
    without_owner = tuple(option for option in widened.candidates[objective] if option[0] != owner)
    if (
        owner_after(replace(widened, candidates={**widened.candidates, objective: without_owner}), objective)
        == department
    ):
        changes.append(Change("constraint", objective, None, owner, None))
    return replace(base, verdict=verdict, blockers=tuple(blockers), changes=tuple(changes))


def forbidding(table: FitTable, objective: str, department: str) -> list[Blocker]:
    """The rules, constraints and capacity that forbid `department` to own `objective`, in that order."""
    graph = table.graph
    out = [Blocker("rule", rule=r.id, where=r.where) for r in table.cell(objective, department).forbidden_by]
    for index, c in graph.constraints_for(objective):
        if c.not_owner == department or (c.owner and c.owner != department):
            out.append(Blocker("constraint", index=index, constraint=c.kind, department=c.department))
    if graph.capacity(department) == 0:
        out.append(Blocker("capacity", department=department))
    return out


def _verdict(fit: int, owner_fit: int, load: int, owner_load: int, capacity: int) -> str:
    """Why a department that may own an objective does not.

    It fits less, it is full, it ties and the tie-break went the other way, or
    each further objective costs it more than the owner (the load penalty grows
    with every objective a department holds).
    """
    if fit < owner_fit:
        return "lower_fit"
    if load >= capacity:
        return "capacity"
    return "tie" if fit == owner_fit and load <= owner_load - 1 else "load"


def _with_candidate(table: FitTable, problem: Problem, objective: str, department: str) -> Problem:
    capacities = {**problem.capacities, department: table.graph.capacity(department)}
    widened = with_fit(problem, objective, department, table.fit(objective, department))
    return replace(widened, capacities=capacities)
