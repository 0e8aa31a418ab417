"""The words a chart box shows a client: function names, head counts, the proposed mark.

One copy for every chart format (SVG, HTML, DOT, Mermaid, GraphML), so a box
reads "HR · 1 person" everywhere and never `hr · 1 people`. Ids stay ids in
the data attributes; these are for people.
"""

from __future__ import annotations

# Short names for a box; the vocabulary's long descriptions are for the docs and the interview.
FUNCTION_LABELS = {
    "executive": "Executive",
    "marketing": "Marketing",
    "communications": "Communications",
    "customer_service": "Customer service",
    "sales": "Sales",
    "hr": "HR",
    "product": "Product",
    "rnd": "R&D",
    "it": "IT",
    "legal": "Legal",
    "risk": "Risk",
    "finance": "Finance",
    "distribution": "Distribution",
    "social_media": "Social media",
    "agency": "Agency",
    "community": "Community",
    "analytics": "Analytics",
    "ecommerce": "E-commerce",
    "foundation": "Foundation",
}


def function_label(function: str) -> str:
    """A function's readable name; a function a rule pack added reads as its id in words.

    >>> function_label("rnd"), function_label("customer_service"), function_label("press_office")
    ('R&D', 'Customer service', 'Press office')
    """
    if function in FUNCTION_LABELS:
        return FUNCTION_LABELS[function]
    words = function.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def people(headcount: int) -> str:
    """A head count in words.

    >>> people(1), people(0), people(12000)
    ('1 person', '0 people', '12,000 people')
    """
    return "1 person" if headcount == 1 else f"{headcount:,} people"


def details(unit) -> list[str]:
    """The facts under a box's name: proposed or not, the function, the head count when known.

    >>> from orgdesign.present.chart.model import Unit
    >>> details(Unit("hr", "People", "hr", None, (), headcount=1))
    ['HR', '1 person']
    """
    out = ["proposed"] if unit.proposed else []
    out.append(function_label(unit.function))
    if unit.headcount is not None:
        out.append(people(unit.headcount))
    return out
