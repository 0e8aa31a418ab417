"""The report as Markdown with the org chart drawn as a Mermaid block.

The text is the generic Markdown of the view (names escaped there); the chart
section is drawn in a ```mermaid fence that GitHub, GitLab and most wikis
draw. Mermaid labels never contain a backtick, so they cannot close the fence.
"""

from __future__ import annotations

from dataclasses import replace

from orgdesign.present.chart.mermaid import flowchart
from orgdesign.present.chart.model import build


def render(result, view: str = "recommended") -> str:
    """Render the Markdown report of a Recommendation, with the chart of the chosen view."""
    from orgdesign.present.markdown import render_document
    from orgdesign.present.view import recommendation, report_title

    def chart(which: str) -> list[str]:
        return ["```mermaid", flowchart(build(result, which)).rstrip("\n"), "```"]

    document = recommendation(result, chart=view)
    return render_document(replace(document, title=report_title(document.title)), chart=chart)
