"""The words a chart box shows a client: function names, head counts, the proposed mark (and severities).

One copy for every chart format (SVG, HTML, DOT, Mermaid, GraphML), so a box
reads "HR · 1 person" everywhere and never `hr · 1 people`. Ids stay ids in
the data attributes; these are for people.
"""

from __future__ import annotations

from orgdesign.i18n import N_, _, ngettext, number, pgettext

# Short names for a box; the vocabulary's long descriptions are for the docs and the interview.
FUNCTION_LABELS = {
    "executive": N_("Executive"),
    "marketing": N_("Marketing"),
    "communications": N_("Communications"),
    "customer_service": N_("Customer service"),
    "sales": N_("Sales"),
    "hr": N_("HR"),
    "product": N_("Product"),
    "rnd": N_("R&D"),
    "it": N_("IT"),
    "legal": N_("Legal"),
    "risk": N_("Risk"),
    "finance": N_("Finance"),
    "distribution": N_("Distribution"),
    "social_media": N_("Social media"),
    "agency": N_("Agency"),
    "community": N_("Community"),
    "analytics": N_("Analytics"),
    "ecommerce": N_("E-commerce"),
    "foundation": N_("Foundation"),
}


def function_label(function: str) -> str:
    """A function's readable name; a function a rule pack added reads as its id in words.

    >>> function_label("rnd"), function_label("customer_service"), function_label("press_office")
    ('R&D', 'Customer service', 'Press office')
    """
    if function in FUNCTION_LABELS:
        return _(FUNCTION_LABELS[function])
    words = function.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def and_list(names: list[str]) -> str:
    """Names as "A, B and C" (the English of the charts has no comma before "and").

    >>> and_list(["Sales", "Legal", "IT"])
    'Sales, Legal and IT'
    """
    if len(names) < 2:
        return "".join(names)
    # Translators: the end of a list of names, "Sales, Legal and IT": {names} is "Sales, Legal", {last} is "IT".
    return _("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])


def people(headcount: int) -> str:
    """A head count in words.

    >>> people(1), people(0), people(12000)
    ('1 person', '0 people', '12,000 people')
    """
    return ngettext("{count} person", "{count} people", headcount).format(count=number(headcount, 0))


# Translators: a finding's severity, as a column of the findings shows it.
SEVERITIES = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


def severity(name: str) -> str:
    """A finding's severity in words (the findings view, the workbook); JSON keeps the English value."""
    return _(SEVERITIES[name]) if name in SEVERITIES else name


def proposed() -> str:
    """The mark of a unit the recommendation proposes (a new unit, not yet in the org)."""
    return pgettext("new unit", "proposed")


def details(unit) -> list[str]:
    """The facts under a box's name: proposed or not, the function, the head count when known.

    >>> from orgdesign.present.chart.model import Unit
    >>> details(Unit("hr", "People", "hr", None, (), headcount=1))
    ['HR', '1 person']
    """
    out = [proposed()] if unit.proposed else []
    out.append(function_label(unit.function))
    if unit.headcount is not None:
        out.append(people(unit.headcount))
    return out
