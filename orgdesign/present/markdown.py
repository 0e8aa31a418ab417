"""The recommendation as Markdown, for pasting into a wiki or a pull request.

Names from org files are escaped so they cannot add markup, links or HTML.
"""

from __future__ import annotations

import re

from orgdesign.engine.pipeline import Recommendation
from orgdesign.engine.structure import MODELS
from orgdesign.present.plain import HUB_TIE, clean, units
from orgdesign.present.words import forced_text, names_of

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~&])")
# What GitHub's renderer (GFM) turns into a link by itself: `scheme://`, `www.` and `name@domain`,
# and on GitHub's pages @mentions and #123 issue references. An escaped ':' or '.' stops the
# first two; the others survive escapes, so an empty HTML comment after the '@' or '#' splits them
# without showing anything.
_AUTOLINK = re.compile(r"(?i):(?=//)|(?<=www)\.|@(?=\w)|(?<=\\#)(?=\d)")


def md(value: object) -> str:
    r"""Escape text for Markdown (tables included), so that it can add no markup or link; newlines become spaces.

    >>> md("a|b *c*")
    'a\\|b \\*c\\*'
    >>> md("https://x.example www.x.example me@x.example #1")
    'https\\://x.example www\\.x.example me@<!-- -->x.example \\#<!-- -->1'
    """
    text = _SPECIAL.sub(r"\\\1", clean(str(value)).replace("\n", " ").replace("\\x0a", " "))
    return _AUTOLINK.sub(_unlink, text)


def _unlink(match: re.Match) -> str:
    found = match.group()
    return found + "<!-- -->" if found in ("@", "") else "\\" + found


def to_markdown(result: Recommendation) -> str:
    graph = result.table.graph
    lines = [f"# Social media ownership: {md(result.org.organization.name)}", ""]
    lines += [
        "## Recommended owners",
        "",
        "| objective | priority | owner | fit | runner-up (margin) | today |",
        "|---|---:|---|---:|---|---|",
    ]
    today = graph.org.current_owners
    for a in sorted(result.assignments, key=lambda a: (-graph.objectives[a.objective].priority, a.objective)):
        runner = "—" if a.runner_up is None else f"{md(a.runner_up)} ({units(a.margin)})"
        if a.tie:
            runner = f"{md(a.runner_up)} (tie; {'kept with today' if a.tie == 'today' else 'stable order'})"
        elif result.robustness and result.robustness[a.objective].fragile:
            runner += " ⚠ fragile"
        lines.append(
            f"| {md(graph.objectives[a.objective].label)} | {graph.objectives[a.objective].priority} "
            f"| **{md(graph.departments[a.owner].label)}** | {units(a.score)} | {runner} "
            f"| {md(today.get(a.objective, '—'))} |"
        )
    lines += ["", "## RACI", "", "| objective | A | R | C | I |", "|---|---|---|---|---|"]
    for objective, raci in sorted(result.raci.items()):
        cells = [", ".join(md(d) for d in group) for group in (raci.responsible, raci.consulted, raci.informed)]
        lines.append(f"| {md(objective)} | {md(raci.accountable)} | {cells[0]} | {cells[1]} | {cells[2]} |")
    lines += ["", "## Who must work with whom", ""]
    lines += [
        f"- {md(link.a)} ↔ {md(link.b)}: {', '.join(md(o) for o in link.objectives) or HUB_TIE}"
        for link in result.links
    ]
    lines += ["", "## Findings", ""]
    for f in result.findings:
        lines.append(f"- **{f.severity}[{f.code}] {f.name}**: {md(f.message)}  ")
        lines.append(f"  help: {md(f.help)} (evidence: {', '.join(f.evidence)})")
    if not result.findings:
        lines.append("No findings.")
    s = result.structure
    lines += ["", "## Structure", ""]
    if s.current_model:
        lines.append(f"- Today: **{s.current_model.replace('_', '-')}** ({md('; '.join(s.current_why))})")
    lines.append(f"- Recommended: **{s.model.replace('_', '-')}**: {MODELS[s.model]} ({md('; '.join(s.why))})")
    lines.append(f"- Next step: **{s.next_model.replace('_', '-')}** ({md('; '.join(s.next_why))})")
    for p in s.proposals:
        lines.append(f"- Proposed: {md(p.name)} under {md(p.reports_to)}: {md(p.reason)} ({', '.join(p.evidence)})")
    if result.gap:
        lines += ["", "## Gap: today → recommended", ""]
        for g in result.gap:
            if g.changed:
                rules = ", ".join(
                    [f"`{r.rule}` (+{units(r.contribution)})" for r in g.why]
                    + [f"forced ({f.kind}): {md(forced_text(f, names_of(result.table.graph)))}" for f in g.forced_by]
                )
                lines.append(
                    f"- {md(g.objective)}: {md(g.current)} ({units(g.current_fit)}) → **{md(g.recommended)}** "
                    f"({units(g.recommended_fit)}), because of {rules}"
                )
        lines.append(f"- {sum(not g.changed for g in result.gap)} of {len(result.gap)} objectives keep their owner.")
    lines += ["", "## Why each owner", ""]
    for a in result.assignments:
        lines.append(f"### {md(graph.objectives[a.objective].label)} → {md(graph.departments[a.owner].label)}")
        lines.append("")
        for r in a.reasons:
            lines.append(f"- `{r.rule}` {r.contribution / 100:+.2f}: {md(r.rationale)} ({', '.join(r.evidence)})")
        lines.append(
            f"- fit {units(a.score)}" + (f"; runner-up {md(a.runner_up)} by {units(a.margin)}" if a.runner_up else "")
        )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
