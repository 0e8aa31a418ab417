"""The report as one self-contained HTML page: readable offline, printable, and inert.

Everything is inline: the CSS, the org chart (the SVG of `svg.py`), the tables.
There is no script, no font, no image and no link to anywhere but the page
itself, and a Content-Security-Policy meta forbids loading anything, so an
opened report makes no request. Every piece of text from an org file or a rule
pack goes through `esc()` (control characters shown, `html.escape(quote=True)`).
"""

from __future__ import annotations

from string import Template

from orgdesign import __version__
from orgdesign.present.chart.model import COLORS, build
from orgdesign.present.chart.svg import chart_svg, esc
from orgdesign.present.plain import HUB_TIE, units
from orgdesign.present.words import forced_text, names_of

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

CSS = Template("""
:root { --ink: #1f2933; --muted: #52606d; --rule: #d9e2ec; --soft: #f5f7fa; --owner: $owner;
  --owner-fill: $owner_fill; --proposed: $proposed; --link: $link; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.45; font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
.page { max-width: 1180px; margin: 0 auto; padding: 28px 24px 48px; }
header { border-bottom: 3px solid var(--owner); padding-bottom: 14px; margin-bottom: 20px; }
.eyebrow { margin: 0; color: var(--owner); font-weight: 600; font-size: 13px; letter-spacing: .06em;
  text-transform: uppercase; }
h1 { margin: 4px 0 6px; font-size: 30px; line-height: 1.2; }
h2 { margin: 36px 0 10px; font-size: 21px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
h3 { margin: 22px 0 8px; font-size: 16px; }
p { margin: 6px 0 10px; }
.facts, .note { color: var(--muted); }
nav { margin-top: 10px; font-size: 13.5px; }
nav a { color: var(--owner); text-decoration: none; margin-right: 14px; white-space: nowrap; }
a { color: var(--owner); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .88em;
  background: var(--soft); padding: 1px 4px; border-radius: 3px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 16px 0 4px; }
.card { border: 1px solid var(--rule); border-radius: 8px; padding: 10px 14px; background: var(--soft); }
.card .label { color: var(--muted); font-size: 12.5px; text-transform: uppercase; letter-spacing: .04em; }
.card .value { font-size: 19px; font-weight: 650; margin-top: 2px; }
.chart { overflow: auto; border: 1px solid var(--rule); border-radius: 8px; background: #fff; }
.chart svg { display: block; height: auto; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0 4px; }
th, td { border-bottom: 1px solid var(--rule); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.id { color: var(--muted); font-size: 12.5px; }
.moved { color: #b44d12; font-weight: 600; }
table.raci { width: auto; }
table.raci th.dept { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 500;
  font-size: 12.5px; padding: 8px 4px; vertical-align: bottom; text-align: left; }
table.raci td.role { text-align: center; font-weight: 700; min-width: 30px; padding: 5px 4px;
  border-left: 1px solid #edf0f3; }
.role-A { background: var(--owner); color: #fff; }
.role-R { background: #d3e2f6; }
.role-C { background: #fde7c2; }
.role-I { background: #eceff3; color: #3e4c59; }
.key span { display: inline-block; padding: 1px 8px; margin: 0 6px 0 12px; border-radius: 3px; font-weight: 700; }
.key span:first-child { margin-left: 0; }
ul.findings { list-style: none; padding: 0; margin: 8px 0; }
ul.findings li { border-left: 4px solid var(--rule); padding: 6px 12px; margin: 8px 0; background: var(--soft);
  border-radius: 0 6px 6px 0; }
li.sev-error { border-left-color: #c81e1e !important; }
li.sev-warning { border-left-color: #d97706 !important; }
li.sev-info { border-left-color: var(--owner) !important; }
.badge { display: inline-block; font-size: 12px; font-weight: 700; padding: 0 6px; border-radius: 3px;
  background: #fff; border: 1px solid var(--rule); margin-right: 6px; }
.help { color: #2f6f3e; }
dl.structure { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 8px 0; }
dl.structure dt { font-weight: 600; }
dl.structure dd { margin: 0; }
article.why { border: 1px solid var(--rule); border-radius: 8px; padding: 4px 14px 10px; margin: 14px 0; }
article.why h3 { margin-top: 10px; }
table.reasons td:first-child code { white-space: nowrap; }
ul.cited { margin: 6px 0 0; padding-left: 18px; color: var(--muted); font-size: 13.5px; }
ul.evidence { list-style: none; padding: 0; }
ul.evidence li { margin: 5px 0; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--rule); padding-top: 10px; }
@page { margin: 14mm; }
@media print {
  body { font-size: 10pt; }
  .page { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, li, article.why, .card { break-inside: avoid; page-break-inside: avoid; }
  .chart, .scroll { overflow: visible; border: none; }
  .chart svg { width: 100% !important; min-width: 0 !important; max-width: 100% !important; }
  a { color: inherit; text-decoration: none; }
  .role-A, .role-R, .role-C, .role-I, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""").substitute(COLORS)


def render(result, view: str = "recommended") -> str:
    """Render the HTML report of a Recommendation; `view` picks the ownership the chart shows."""
    graph = result.table.graph
    org = result.org.organization
    name = esc(org.name)
    sections = [
        _summary(result),
        _chart(result, view),
        _owners(result),
        _raci(result),
        _links(result),
        _findings(result),
        _structure(result),
        _gap(result),
        _why(result),
        _evidence(result),
    ]
    facts = [
        org.industry.replace("_", " ") if org.industry else "",
        org.region.replace("_", " "),
        org.country or "",
        org.size,
        "regulated" if org.regulated else "",
        f"{len(graph.departments)} departments",
        f"{len(graph.objectives)} objectives",
    ]
    contents = [
        ("chart", "Org chart"),
        ("owners", "Owners"),
        ("raci", "RACI"),
        ("links", "Collaboration"),
        ("findings", "Findings"),
        ("structure", "Structure"),
        ("gap", "Gap"),
        ("why", "Why each owner"),
        ("evidence", "Evidence"),
    ]
    page = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f'<meta name="generator" content="orgdesign {esc(__version__)}">',
        f"<title>Social media ownership: {name}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        '<div class="page">',
        "<header>",
        '<p class="eyebrow">Social media ownership report</p>',
        f"<h1>{name}</h1>",
        f'<p class="facts">{" · ".join(esc(f) for f in facts if f)}</p>',
        "<nav>" + "".join(f'<a href="#{anchor}">{title}</a>' for anchor, title in contents) + "</nav>",
        "</header>",
        "<main>",
        *sections,
        "</main>",
        f"<footer>Made with orgdesign {esc(__version__)}. Every recommendation above is the sum of the rules"
        ' listed under <a href="#why">Why each owner</a>, each with the evidence it rests on.</footer>',
        "</div>",
        "</body>",
        "</html>",
    ]
    return "\n".join(page) + "\n"


def _label(graph, department: str) -> str:
    """Show a department's name with its id, escaped."""
    record = graph.departments.get(department)
    if record is None:
        return f"<code>{esc(department)}</code>"
    return f'{esc(record.label)} <span class="id">{esc(department)}</span>'


def _evidence_links(ids) -> str:
    from orgdesign.evidence import EVIDENCE

    links = []
    for eid in ids:
        known = EVIDENCE.get(eid)
        title = f' title="{esc(known.summary)}"' if known else ""
        links.append(f'<a href="#ev-{esc(eid)}"{title}>{esc(eid)}</a>')
    return ", ".join(links)


def _summary(result) -> str:
    s = result.structure
    moved = sum(g.changed for g in result.gap)
    severe = sum(f.severity in ("error", "warning") for f in result.findings)
    cards = [
        ("Recommended model", s.model.replace("_", "-")),
        ("Today", s.current_model.replace("_", "-") if s.current_model else "not known"),
        ("Objectives that change owner", f"{moved} of {len(result.gap)}" if result.gap else "no current owners"),
        ("Findings to act on", str(severe)),
    ]
    body = "".join(
        f'<div class="card"><div class="label">{esc(label)}</div><div class="value">{esc(value)}</div></div>'
        for label, value in cards
    )
    return f'<section id="summary"><div class="cards">{body}</div></section>'


def _chart(result, view: str) -> str:
    chart = build(result, view)
    svg = chart_svg(chart, heading=False)
    width = float(svg.split('width="', 1)[1].split('"', 1)[0])
    style = f"width:100%;min-width:{min(width, round(width * 0.7)):.0f}px;max-width:{width:.0f}px"
    svg = svg.replace("<svg ", f'<svg style="{style}" ', 1)
    if view == "recommended":
        what = (
            "Recommended owners. Each box lists the objectives its department owns. Solid lines are reporting lines,"
            " dashed orange lines join departments that must work together, and dashed amber boxes are units the"
            " recommendation proposes."
        )
    else:
        what = "Today's owners, as the org file gives them. Each box lists the objectives its department owns today."
    return f'<section id="chart"><h2>Org chart</h2><p class="note">{what}</p><div class="chart">{svg}</div></section>'


def _owners(result) -> str:
    graph = result.table.graph
    today = graph.org.current_owners
    rows = []
    for a in sorted(result.assignments, key=lambda a: (-graph.objectives[a.objective].priority, a.objective)):
        objective = graph.objectives[a.objective]
        runner = "—" if a.runner_up is None else f"{_label(graph, a.runner_up)} ({units(a.margin)})"
        if a.tie:
            runner = f"{_label(graph, a.runner_up)} (tie; {'kept with today' if a.tie == 'today' else 'stable order'})"
        current = today.get(a.objective)
        moved = current is not None and current != a.owner
        now = "—" if current is None else f'<span class="{"moved" if moved else ""}">{esc(current)}</span>'
        rows.append(
            f'<tr><td><a href="#why-{esc(a.objective)}">{esc(objective.label)}</a> '
            f'<span class="id">{esc(a.objective)}</span></td><td class="num">{objective.priority}</td>'
            f'<td><strong>{_label(graph, a.owner)}</strong></td><td class="num">{units(a.score)}</td>'
            f"<td>{runner}</td><td>{now}</td></tr>"
        )
    return (
        '<section id="owners"><h2>Recommended owners</h2>'
        '<p class="note">Fit is the sum of the contributions of the rules that matched the owner; the margin is'
        " how far the runner-up is behind.</p>"
        '<div class="scroll"><table><thead><tr><th>objective</th><th class="num">priority</th><th>owner</th>'
        '<th class="num">fit</th><th>runner-up (margin)</th><th>today</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table></div></section>"
    )


def _raci(result) -> str:
    graph = result.table.graph
    members = sorted(
        {d for r in result.raci.values() for d in (r.accountable, *r.responsible, *r.consulted, *r.informed)}
    )
    head = "".join(
        f'<th class="dept" title="{esc(d)}">{esc(graph.departments[d].label if d in graph.departments else d)}</th>'
        for d in members
    )
    rows = []
    for objective in sorted(result.raci):
        raci = result.raci[objective]
        cells = []
        for d in members:
            role = raci.role_of(d)
            cells.append(f'<td class="role role-{role}">{role}</td>' if role else '<td class="role"></td>')
        label = graph.objectives[objective].label
        rows.append(f'<tr><th>{esc(label)} <span class="id">{esc(objective)}</span></th>{"".join(cells)}</tr>')
    key = (
        '<p class="key note"><span class="role-A">A</span>accountable (the owner)<span class="role-R">R</span>'
        'responsible<span class="role-C">C</span>consulted before<span class="role-I">I</span>informed after</p>'
    )
    return (
        '<section id="raci"><h2>RACI matrix</h2>'
        + key
        + f'<div class="scroll"><table class="raci"><thead><tr><th>objective</th>{head}</tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table></div></section>"
    )


def _links(result) -> str:
    graph = result.table.graph
    if not result.links:
        return '<section id="links"><h2>Who must work with whom</h2><p>No links.</p></section>'
    rows = "".join(
        f"<tr><td>{_label(graph, link.a)}</td><td>{_label(graph, link.b)}</td>"
        f"<td>{', '.join(esc(graph.objectives[o].label) for o in link.objectives) or HUB_TIE}</td></tr>"
        for link in result.links
    )
    return (
        '<section id="links"><h2>Who must work with whom</h2>'
        '<p class="note">The owner of each objective with the departments responsible for it or consulted on it.</p>'
        '<div class="scroll"><table><thead><tr><th>department</th><th>department</th><th>joined by</th></tr>'
        f"</thead><tbody>{rows}</tbody></table></div></section>"
    )


def _findings(result) -> str:
    items = "".join(
        f'<li class="sev-{esc(f.severity)}"><span class="badge">{esc(f.severity)} {esc(f.code)}</span>'
        f"<strong>{esc(f.name)}</strong>: {esc(f.message)}<br>"
        f'<span class="help">help: {esc(f.help)}</span> <span class="id">evidence: {_evidence_links(f.evidence)}'
        "</span></li>"
        for f in result.findings
    )
    body = f'<ul class="findings">{items}</ul>' if items else "<p>No findings.</p>"
    return f'<section id="findings"><h2>Findings</h2>{body}</section>'


def _structure(result) -> str:
    from orgdesign.engine.structure import MODELS

    s = result.structure
    graph = result.table.graph
    rows = []
    if s.current_model:
        rows.append(
            (
                "Today",
                f"<strong>{esc(s.current_model.replace('_', '-'))}</strong>: {esc(MODELS.get(s.current_model, ''))}",
            )
        )
    rows.append(
        (
            "Recommended",
            f"<strong>{esc(s.model.replace('_', '-'))}</strong>: {esc(MODELS.get(s.model, ''))}"
            f" ({esc('; '.join(s.why))})",
        )
    )
    rows.append(("Next step", f"<strong>{esc(s.next_model.replace('_', '-'))}</strong> ({esc('; '.join(s.next_why))})"))
    rows.append(("Evidence", _evidence_links(s.evidence)))
    body = "".join(f"<dt>{esc(term)}</dt><dd>{value}</dd>" for term, value in rows)
    out = f'<section id="structure"><h2>Structure</h2><dl class="structure">{body}</dl>'
    if s.proposals:
        proposals = "".join(
            f"<tr><td><strong>{esc(p.name)}</strong></td><td>{_label(graph, p.reports_to)}</td><td>{esc(p.reason)}"
            f"</td><td>{_evidence_links(p.evidence)}</td></tr>"
            for p in s.proposals
        )
        out += (
            '<h3>Proposed new units</h3><div class="scroll"><table><thead><tr><th>unit</th><th>reports to</th>'
            f"<th>why</th><th>evidence</th></tr></thead><tbody>{proposals}</tbody></table></div>"
        )
    return out + "</section>"


def _gap(result) -> str:
    graph = result.table.graph
    if not result.gap:
        return (
            '<section id="gap"><h2>Gap: today → recommended</h2>'
            "<p>The org file gives no current owners, so there is nothing to compare.</p></section>"
        )
    rows = []
    for g in result.gap:
        if g.changed:
            rules = [f"<code>{esc(r.rule)}</code> (+{units(r.contribution)})" for r in g.why]
            rules += [f"forced ({esc(f.kind)}): {esc(forced_text(f, names_of(graph)))}" for f in g.forced_by]
            why = ", ".join(rules)
            change = f'<span class="moved">moves</span>: {why}'
        else:
            change = "keeps its owner"
        rows.append(
            f'<tr><td>{esc(graph.objectives[g.objective].label)} <span class="id">{esc(g.objective)}</span></td>'
            f"<td>{_label(graph, g.current)} ({units(g.current_fit)})</td>"
            f"<td>{_label(graph, g.recommended)} ({units(g.recommended_fit)})</td><td>{change}</td></tr>"
        )
    kept = sum(not g.changed for g in result.gap)
    return (
        '<section id="gap"><h2>Gap: today → recommended</h2>'
        f'<p class="note">{kept} of {len(result.gap)} objectives keep their owner. Fits are in brackets.</p>'
        '<div class="scroll"><table><thead><tr><th>objective</th><th>today</th><th>recommended</th>'
        f"<th>change, and the rules behind it</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _why(result) -> str:
    from orgdesign.evidence import EVIDENCE

    graph = result.table.graph
    articles = []
    for a in sorted(result.assignments, key=lambda a: (-graph.objectives[a.objective].priority, a.objective)):
        objective = graph.objectives[a.objective]
        rows = "".join(
            f'<tr><td><code>{esc(r.rule)}</code></td><td class="num">{r.contribution / 100:+.2f}</td>'
            f"<td>{esc(r.rationale)}</td><td>{_evidence_links(r.evidence)}</td></tr>"
            for r in a.reasons
        )
        if not rows:
            rows = '<tr><td colspan="4">No rule matched this owner.</td></tr>'
        runner = (
            f"runner-up {_label(graph, a.runner_up)} ({units(a.runner_up_score)}), margin {units(a.margin)}"
            if a.runner_up
            else "nobody else may own it"
        )
        raci = result.raci[a.objective]
        roles = "; ".join(
            f"{role}: {', '.join(esc(d) for d in members)}"
            for role, members in (
                ("responsible", raci.responsible),
                ("consulted", raci.consulted),
                ("informed", raci.informed),
            )
            if members
        )
        cited = sorted({eid for r in a.reasons for eid in r.evidence}, key=_evidence_order)
        notes = "".join(
            f"<li><strong>{esc(eid)}</strong>: {esc(EVIDENCE[eid].summary) if eid in EVIDENCE else 'not in the table'}"
            "</li>"
            for eid in cited
        )
        articles.append(
            f'<article class="why" id="why-{esc(a.objective)}"><h3>{esc(objective.label)} → '
            f"{esc(graph.departments[a.owner].label)}</h3>"
            '<div class="scroll"><table class="reasons"><thead><tr><th>rule</th>'
            f'<th class="num">contribution</th><th>rationale</th>'
            f"<th>evidence</th></tr></thead><tbody>{rows}</tbody>"
            f'<tfoot><tr><th>fit</th><td class="num"><strong>{units(a.score)}</strong></td>'
            f'<td colspan="2">{runner}</td></tr></tfoot></table></div>'
            f'<p class="note">{roles}</p>' + (f'<ul class="cited">{notes}</ul>' if notes else "") + "</article>"
        )
    return f'<section id="why"><h2>Why each owner</h2>{"".join(articles)}</section>'


def _evidence_order(eid: str) -> tuple:
    digits = "".join(ch for ch in eid if ch.isdigit())
    return (eid.rstrip("0123456789"), int(digits) if digits else 0, eid)


def _cited(result) -> list[str]:
    ids = set(result.structure.evidence)
    for a in result.assignments:
        for r in a.reasons:
            ids.update(r.evidence)
    for f in result.findings:
        ids.update(f.evidence)
    for p in result.structure.proposals:
        ids.update(p.evidence)
    for g in result.gap:
        for r in g.why:
            ids.update(r.evidence)
    return sorted(ids, key=_evidence_order)


def _evidence(result) -> str:
    from orgdesign.evidence import EVIDENCE

    items = []
    for eid in _cited(result):
        known = EVIDENCE.get(eid)
        text = f'{esc(known.summary)} <span class="id">{esc(known.citation)}</span>' if known else "not in the table"
        items.append(f'<li id="ev-{esc(eid)}"><strong>{esc(eid)}</strong>: {text}</li>')
    return (
        '<section id="evidence"><h2>Evidence</h2><p class="note">Summaries in our words of the sources each rule,'
        f' finding and proposal cites.</p><ul class="evidence">{"".join(items)}</ul></section>'
    )
