"""Today's owners against the recommended ones, objective by objective.

Every change of owner carries its cause: a gain in fit, or what forced it
(today's owner is forbidden by a rule or a constraint, serves another region,
is full, or already carries more objectives than the new owner).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from orgdesign.engine.explain import Reason, reasons
from orgdesign.engine.score import FitTable


@dataclass(frozen=True)
class Forced:
    """What forced today's owner (`department`) to give up an objective; which fields count depends on `kind`.

    rule: `rule` forbids it; constraint: a constraint of kind `constraint` names `named`; region: it
    does not serve `region`; capacity: it is full at `count`; load: it keeps `count` objectives and
    one more would weigh more than the move to `to` (E11).
    """

    kind: str  # rule | constraint | region | capacity | load
    department: str
    rule: str = ""
    constraint: str = ""
    named: str = ""
    region: str = ""
    count: int | None = None
    to: str = ""


@dataclass(frozen=True)
class GapItem:
    objective: str
    current: str
    recommended: str
    current_fit: int
    recommended_fit: int
    why: tuple[Reason, ...]  # rules the recommended owner has and today's owner lacks
    forced_by: tuple[Forced, ...] = ()  # when the change gains no fit

    @property
    def changed(self) -> bool:
        return self.current != self.recommended

    @property
    def gain(self) -> int:
        return self.recommended_fit - self.current_fit


def compare(table: FitTable, owners: dict[str, str]) -> list[GapItem]:
    """One item per objective with a current owner, in objective-id order."""
    out = []
    loads: dict[str, int] = {}
    for department in owners.values():
        loads[department] = loads.get(department, 0) + 1
    for objective, current in sorted(table.graph.org.current_owners.items()):
        recommended = owners[objective]
        have = {r.rule for r in reasons(table, objective, current)}
        why = tuple(r for r in reasons(table, objective, recommended) if r.rule not in have)
        item = GapItem(
            objective,
            current,
            recommended,
            table.fit(objective, current),
            table.fit(objective, recommended),
            why if current != recommended else (),
        )
        if item.changed and item.gain <= 0:
            item = replace(item, forced_by=_forced_by(table, objective, current, recommended, loads))
        out.append(item)
    return out


def _forced_by(table: FitTable, objective: str, current: str, recommended: str, loads) -> tuple[Forced, ...]:
    """What keeps today's owner from keeping an objective that the new owner fits no better."""
    graph = table.graph
    out = [Forced("rule", current, rule=r.id) for r in table.cell(objective, current).forbidden_by]
    for _, c in graph.constraints_for(objective):
        if c.not_owner == current or (c.owner and c.owner != current):
            out.append(Forced("constraint", current, constraint=c.kind, named=c.department))
    region = graph.objectives[objective].region
    if region and table.profiles[current].region != region:
        out.append(Forced("region", current, region=region))
    capacity = graph.capacity(current)
    if not out and loads.get(current, 0) >= capacity:
        out.append(Forced("capacity", current, count=capacity))
    if not out:
        out.append(Forced("load", current, count=loads.get(current, 0), to=recommended))
    return tuple(out)
