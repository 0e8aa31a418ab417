"""The report as Markdown with the org chart embedded as a Mermaid block.

The text is `orgdesign.present.markdown.to_markdown` (names escaped there); the chart
goes right after the title, in a ```mermaid fence that GitHub, GitLab and most
wikis draw. Mermaid labels never contain a backtick, so they cannot close the fence.
"""

from __future__ import annotations

from orgdesign.present.chart.mermaid import flowchart
from orgdesign.present.chart.model import build


def render(result, view: str = "recommended") -> str:
    """Render the Markdown report of a Recommendation, with the chart of the chosen view."""
    from orgdesign.present.markdown import to_markdown

    title, _, rest = to_markdown(result).partition("\n")
    what = "recommended owners" if view == "recommended" else "today's owners"
    chart = [
        "",
        f"## Org chart ({what})",
        "",
        "Solid lines are reporting lines; dashed lines join departments that must work together; dashed boxes"
        " are units the recommendation proposes.",
        "",
        "```mermaid",
        flowchart(build(result, view)).rstrip("\n"),
        "```",
    ]
    return title + "\n" + "\n".join(chart) + "\n" + rest
