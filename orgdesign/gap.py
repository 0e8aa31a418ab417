"""Today's owners against the recommended ones, objective by objective."""

from __future__ import annotations

from dataclasses import dataclass

from .explain import Reason, reasons
from .score import FitTable


@dataclass(frozen=True)
class GapItem:
    objective: str
    current: str
    recommended: str
    current_fit: int
    recommended_fit: int
    why: tuple[Reason, ...]  # rules the recommended owner has and today's owner lacks

    @property
    def changed(self) -> bool:
        return self.current != self.recommended


def compare(table: FitTable, owners: dict[str, str]) -> list[GapItem]:
    """One item per objective with a current owner, in objective-id order."""
    out = []
    for objective, current in sorted(table.graph.org.current_owners.items()):
        recommended = owners[objective]
        have = {r.rule for r in reasons(table, objective, current)}
        why = tuple(r for r in reasons(table, objective, recommended) if r.rule not in have)
        out.append(
            GapItem(
                objective, current, recommended, table.fit(objective, current), table.fit(objective, recommended),
                why if current != recommended else (),
            )
        )
    return out
