"""The org chart every export draws: which units, who owns what, who reports to and works with whom.

A `Chart` is plain data built once from a Recommendation and a view:

- `recommended`: the recommended owners, the collaboration links, and the new
  units the recommendation proposes (a social hub, an embedded expert);
- `current`: today's owners from the org file, reporting lines only.

Everything is in id order, so every format built from it is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from orgdesign.i18n import _
from orgdesign.present.plain import HUB_TIE

if TYPE_CHECKING:
    from orgdesign.engine.raci import Link

# One palette for every format, so the SVG, DOT and Mermaid charts read alike (6-digit hex for Graphviz).
COLORS = {
    "ink": "#1f2933",  # names
    "muted": "#52606d",  # function, details
    "line": "#7b8794",  # reporting lines
    "owner": "#2f5d9e",  # outline of a unit that owns objectives
    "owner_fill": "#e8f0fb",  # its header
    "unit": "#9aa5b1",  # outline of a unit that owns nothing
    "unit_fill": "#ffffff",
    "proposed": "#b7791f",  # dashed outline of a proposed unit
    "proposed_fill": "#fff8e6",
    "link": "#d9480f",  # collaboration links
}

# What a proposed unit does, for its box (proposals carry a kind, not a function).
_PROPOSAL_FUNCTION = {"social_hub": "social_media", "embedded_expert": "social_media"}


@dataclass(frozen=True)
class Unit:
    """One box of the chart: a department, or a unit the recommendation proposes."""

    id: str
    name: str  # a proposal's name carries its status, in the language's grammar: "Social media hub (proposed)"
    function: str
    manager: str | None
    owned: tuple[str, ...]  # objective ids, in id order
    proposed: bool = False
    headcount: int | None = None
    note: str = ""  # why a proposed unit is proposed
    dotted_to: tuple[str, ...] = ()  # secondary (dotted-line) managers, in id order; not the tree
    capacity: int | None = None  # objectives it can own (given, or from its head count); None when proposed


@dataclass(frozen=True)
class Chart:
    title: str
    view: str
    units: dict[str, Unit]  # by id, in id order
    objectives: dict[str, str]  # objective id -> name, in id order
    priorities: dict[str, int]  # objective id -> priority (1-5)
    links: tuple[Link, ...]
    children: dict[str, tuple[str, ...]]  # unit id -> its direct reports, in id order
    fits: dict[str, float] = field(default_factory=dict)  # objective id -> its owner's fit in this view

    def reports(self, unit_id: str) -> tuple[str, ...]:
        """Units that report directly to this one, in id order."""
        return self.children.get(unit_id, ())

    def roots(self) -> list[str]:
        """Units that report to nobody, in id order."""
        return [u for u, unit in self.units.items() if unit.manager is None]

    def reporting(self) -> list[tuple[str, str]]:
        """List (manager, report) pairs, in id order of the report."""
        return [(unit.manager, u) for u, unit in self.units.items() if unit.manager is not None]

    def dotted(self) -> list[tuple[str, str]]:
        """List (dotted-line manager, report) pairs, in id order: secondary reporting, drawn apart from the tree."""
        return [(manager, u) for u, unit in self.units.items() for manager in unit.dotted_to if manager in self.units]


def ownership_title(chart: Chart, long: bool = False) -> str:
    """What a chart shows, after the organization's name: "Acme: recommended ownership of social media objectives".

    `long` says where today's owners come from.
    """
    if chart.view == "recommended":
        said = _("{organization}: recommended ownership of social media objectives")
    elif long:
        said = _("{organization}: current ownership of social media objectives, as the org file gives it")
    else:
        said = _("{organization}: current ownership of social media objectives")
    return said.format(organization=chart.title)


def build(result, view: str = "recommended") -> Chart:
    """Build the chart of a Recommendation in one view (`recommended` or `current`)."""
    graph = result.table.graph
    recommended = view == "recommended"
    owners = result.solution.owners if recommended else graph.org.current_owners
    owned: dict[str, list[str]] = {}
    for objective, department in sorted(owners.items()):
        owned.setdefault(department, []).append(objective)
    units = {
        d: Unit(
            d,
            record.label,
            record.function,
            record.reports_to,
            tuple(owned.get(d, ())),
            False,
            record.headcount,
            dotted_to=record.dotted_to,
            capacity=graph.capacity(d),
        )
        for d, record in graph.departments.items()
    }
    links: tuple[Link, ...] = ()
    if recommended:
        for proposal in result.structure.proposals:
            unit_id = _free_id(proposal.id, units)
            units[unit_id] = Unit(
                unit_id,
                proposal.name,
                _PROPOSAL_FUNCTION.get(proposal.kind, "social_media"),
                proposal.reports_to if proposal.reports_to in graph.departments else None,
                (),
                True,
                None,
                proposal.reason,
                tuple(sorted(d for d in proposal.dotted_to if d in graph.departments)),
            )
        links = tuple(result.links)
    units = dict(sorted(units.items()))
    children: dict[str, list[str]] = {}
    for unit_id, unit in units.items():
        if unit.manager is not None:
            children.setdefault(unit.manager, []).append(unit_id)
    return Chart(
        title=graph.org.organization.name,
        view=view,
        units=units,
        objectives={o: record.label for o, record in graph.objectives.items()},
        priorities={o: record.priority for o, record in graph.objectives.items()},
        links=links,
        children={manager: tuple(reports) for manager, reports in children.items()},
        fits={o: result.table.fit(o, d) / 100 for o, d in sorted(owners.items()) if d in graph.departments},
    )


def _free_id(wanted: str, taken) -> str:
    """`wanted`, or `wanted_2`, `wanted_3`... when a department already has that id."""
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}_{n}"
    return candidate


OBJECTIVE_NODE = "objective:"  # objective nodes' id prefix; `:` is never in a department id


def to_networkx(chart: Chart):
    """Give the chart as a networkx MultiDiGraph, the graph GraphML and JSON carry.

    Unit nodes (`type` `unit`, keyed by unit id) carry `label`, `name`, `function` (id),
    `function_name`, `owned` and `dotted_to` (ids, comma-joined: GraphML has no lists), `proposed`
    (bool), and `headcount` and `capacity` (int) when known. Objective nodes (`type` `objective`,
    keyed `objective:ID`) carry `label`, `name` and `priority` (int). Edges have a unique key,
    `KIND:FROM:TO`, and a `kind`: `reports_to` (manager -> report), `dotted` (dotted-line manager ->
    report), `link` (a -> b, a < b; `objectives` ids comma-joined, `label` their names joined by
    "; ") or `owns` (unit -> objective, with the owner's `fit` as a float, as the report shows it).
    Text goes through `plain.clean` so control characters cannot break XML.
    """
    import networkx as nx

    from orgdesign.present.chart.labels import function_label
    from orgdesign.present.plain import clean

    graph = nx.MultiDiGraph(organization=clean(chart.title), view=chart.view)
    for unit_id, unit in chart.units.items():
        numbers = {"headcount": unit.headcount, "capacity": unit.capacity}
        graph.add_node(
            unit_id,
            type="unit",
            label=clean(unit.name),
            name=clean(unit.name),
            function=clean(unit.function),
            function_name=clean(function_label(unit.function)),
            owned=",".join(unit.owned),
            dotted_to=",".join(unit.dotted_to),
            proposed=unit.proposed,
            **{key: int(value) for key, value in numbers.items() if value is not None},
        )
    for objective, name in chart.objectives.items():
        node = OBJECTIVE_NODE + objective
        graph.add_node(
            node, type="objective", label=clean(name), name=clean(name), priority=chart.priorities[objective]
        )

    def edge(kind: str, a: str, b: str, **data) -> None:
        graph.add_edge(a, b, key=f"{kind}:{a}:{b}", kind=kind, **data)

    for manager, report in chart.reporting():
        edge("reports_to", manager, report)
    for manager, report in chart.dotted():
        edge("dotted", manager, report)
    for link in chart.links:
        names = "; ".join(clean(chart.objectives.get(o, o)) for o in link.objectives)
        edge("link", link.a, link.b, objectives=",".join(link.objectives) or HUB_TIE, label=names or _(HUB_TIE))
    for unit_id, unit in chart.units.items():
        for objective in unit.owned:
            edge("owns", unit_id, OBJECTIVE_NODE + objective, fit=float(chart.fits.get(objective, 0.0)))
    return graph
