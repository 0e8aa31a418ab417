"""The org chart as GraphML, for networkx, yEd and Gephi.

Written by networkx (which escapes XML); text has already been through
`plain.clean`, so a control character cannot make the XML invalid. The graph
is `model.to_networkx`: unit and objective nodes (`type`), edges of kind
`reports_to`, `dotted`, `link` and `owns`, each with a unique id; head counts,
capacities and priorities are integers, fits doubles, and lists are ids joined
by commas. In yEd, map `label` to the node label with Edit > Properties Mapper;
Gephi uses it as it is.
"""

from __future__ import annotations

import io

from orgdesign.present.chart.model import build, to_networkx


def render(result, view: str = "recommended") -> str:
    """Render the chart of a Recommendation as GraphML text."""
    import networkx as nx

    buffer = io.BytesIO()
    # The plain writer, not `write_graphml` (which picks lxml when installed): the same bytes everywhere.
    nx.write_graphml_xml(to_networkx(build(result, view)), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")
