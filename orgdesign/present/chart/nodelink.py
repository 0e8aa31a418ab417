"""The org chart as networkx node-link JSON, together with the whole recommendation.

`{"format": 1, "view": ..., "graph": networkx.node_link_data(...), "recommendation":
orgdesign.present.json_report.to_dict(...)}`, keys sorted, so the same input always gives the
same bytes. `networkx.node_link_graph(data["graph"], edges="edges")` reads the
graph back.
"""

from __future__ import annotations

import json

from orgdesign.present.chart.model import build, to_networkx

FORMAT_VERSION = 1


def render(result, view: str = "recommended") -> str:
    """Render the chart and the recommendation as JSON text ending in a newline."""
    import networkx as nx

    from orgdesign.present.json_report import to_dict

    document = {
        "format": FORMAT_VERSION,
        "view": view,
        "graph": nx.node_link_data(to_networkx(build(result, view)), edges="edges"),
        "recommendation": to_dict(result),
    }
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
