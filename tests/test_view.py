"""One view model behind every format: what a reader sees, in the terminal, Markdown, HTML and JSON."""

from __future__ import annotations

import html
import io
import json
import re

import pytest
import yaml
from conftest import ROOT
from rich.console import Console

from orgdesign.engine.pipeline import recommend
from orgdesign.input.load import load_org, validate_data
from orgdesign.present.document import Facts, Matrix, Table, plain
from orgdesign.present.formats import export
from orgdesign.present.json_report import to_dict
from orgdesign.present.markdown import md
from orgdesign.present.terminal import document_view
from orgdesign.present.view import counted, recommendation
from orgdesign.present.view_advice import gap_count_words

AIRLINE = ROOT / "examples" / "airline.yaml"
BIG = ROOT / "examples" / "multinational.yaml"  # 60 departments


@pytest.fixture(scope="module")
def airline():
    return recommend(load_org(str(AIRLINE)))


@pytest.fixture(scope="module")
def big():
    return recommend(load_org(str(BIG)))


def terminal(document_or_section, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, record=True)
    console.print(document_or_section)
    return console.export_text()


def flat(text: str) -> str:
    """Text with every run of whitespace made one space, so wrapped lines read on."""
    return " ".join(text.split())


def _name(result, department: str) -> str:
    return result.table.graph.departments[department].label


def _distinctive(result) -> dict[str, str]:
    """For each section, a value a reader must find in it (as shown to people)."""
    graph = result.table.graph
    top = max(result.assignments, key=lambda a: (graph.objectives[a.objective].priority, a.objective))
    consulted = next(r for r in result.raci.values() if r.consulted)
    last = result.assignments[-1]
    changed = next(g for g in result.gap if g.changed)
    return {
        "summary": "Findings to act on",
        "chart": "Solid lines are reporting lines",
        "owners": _name(result, top.owner),
        "raci": _name(result, consulted.consulted[-1]),
        "links": _name(result, result.links[-1].b),
        "findings": result.findings[0].help,
        "structure": result.structure.proposals[0].name,
        "gap": graph.objectives[changed.objective].label,
        "why": last.reasons[0].rationale,
        "evidence": "Altimeter's five models",
    }


def test_every_section_shows_in_every_format(airline):
    """A section cannot go missing from one format: its title and a value of its own show in each."""
    values = _distinctive(airline)
    people = recommendation(airline)
    keys = [s.key for s in people.sections]
    assert keys == ["summary", "owners", "raci", "links", "findings", "structure", "gap", "why", "evidence"]
    shown = terminal(document_view(people), 400)
    markdown = export(airline, "markdown")
    page = export(airline, "html")
    data = to_dict(airline)
    with_chart = recommendation(airline, chart="recommended")
    assert [s.key for s in with_chart.sections] == ["summary", "chart", *keys[1:]]
    for section in with_chart.sections:
        value = values[section.key]
        assert f"## {md(section.title)}" in markdown and md(value) in markdown, section.key
        assert f'<section id="{section.key}">' in page and html.escape(value, quote=True) in page, section.key
        if section.key != "summary":
            assert f"<h2>{html.escape(section.title)}</h2>" in page, section.key
        if section.key == "chart":
            continue  # a picture: drawn in HTML and Markdown only
        assert section.title in shown and value in shown, section.key
        for key in section.data:
            assert key in data, (section.key, key)
        if section.key not in ("summary", "chart"):
            assert value in json.dumps(data, ensure_ascii=False), section.key
    assert data["summary"]["model"] == airline.structure.model


def test_terminal_recommend_shows_who_works_with_whom(cli, airline):
    out = cli("recommend", AIRLINE).stdout
    assert "Who must work with whom" in out
    shown = terminal(document_view(recommendation(airline)), 400)
    links = shown.split("Who must work with whom", 1)[1].split("Findings", 1)[0]
    rows = []
    for link in airline.links:
        first, second = sorted((_name(airline, link.a), _name(airline, link.b)), key=str.casefold)
        match = re.search(re.escape(first) + r"\s+│\s+" + re.escape(second) + r"\s", links)
        assert match, (first, second)  # each link on one row, both departments by name
        rows.append((first.casefold(), second.casefold(), match.start()))
    assert [r[2] for r in sorted(rows)] == sorted(r[2] for r in rows)  # in name order: a department's links together


def _ids_shown(result, text: str) -> list[str]:
    """Department ids (that are not also words of some name) found in a text meant for people."""
    names = " ".join(d.label for d in result.table.graph.departments.values()).casefold()
    ids = [d for d in result.table.graph.departments if len(d) > 3 and d.casefold() not in names]
    return [d for d in ids if re.search(rf"(?<![\w-]){re.escape(d)}(?![\w-])", text)]


def test_people_read_names_not_ids(airline):
    people = recommendation(airline)
    for key in ("owners", "raci", "links", "gap"):
        section = people.section(key)
        shown = terminal(document_view(_only(people, key)), 400)
        assert _ids_shown(airline, shown) == [], key
        markdown = export(airline, "markdown").split(f"## {md(section.title)}", 1)[1].split("\n## ", 1)[0]
        assert _ids_shown(airline, markdown.replace("\\_", "_")) == [], key
    findings = terminal(document_view(_only(people, "findings")), 400)
    for finding in airline.findings:
        subject = airline.table.graph.departments.get(finding.subject) or airline.table.graph.objectives.get(
            finding.subject
        )
        assert f"{finding.name}: {subject.label}" in findings  # the message opens with its subject, by name
        assert _ids_shown(airline, finding.message) == []
    structure = terminal(document_view(_only(people, "structure")), 400)
    proposal = airline.structure.proposals[0]
    assert f"{proposal.name} under {_name(airline, proposal.reports_to)}" in structure


def _only(document, key):
    from dataclasses import replace

    return replace(document, sections=(document.section(key),))


def test_the_runner_up_shows_its_fit_and_margin_labelled_and_ties_say_so(airline):
    table = next(b for b in recommendation(airline).section("owners").blocks if isinstance(b, Table))
    headers = [c.header for c in table.columns]
    column = headers.index("runner-up")
    cells = {plain(row[0]): plain(row[column]) for row in table.rows}
    graph = airline.table.graph
    for a in airline.assignments:
        cell = cells[graph.objectives[a.objective].label]
        assert cell.startswith(f"{_name(airline, a.runner_up)}, fit {a.runner_up_score / 100:.2f} (")
        if a.tie:
            assert "(tie; kept with today's owner)" in cell or "(tie; stable order)" in cell
        else:
            assert f"({a.margin / 100:.2f} behind)" in cell
    assert any("tie;" in c for c in cells.values()) and any("behind" in c for c in cells.values())


def test_plurals_read_right():
    assert counted(1, "objective") == "1 objective" and counted(0, "finding") == "0 findings"
    assert gap_count_words(1, 3) == "1 of 3 objectives changes owner; 2 keep theirs."
    assert gap_count_words(2, 3) == "2 of 3 objectives change owner; 1 keeps its owner."


def test_next_step_never_just_repeats_the_recommended_model(airline):
    facts = dict(next(b for b in recommendation(airline).section("structure").blocks if isinstance(b, Facts)).pairs)
    assert airline.structure.next_model == airline.structure.model
    assert plain(facts["Next step"]).startswith("get there (hub-and-spoke): ")
    assert plain(facts["Next step"]) != plain(facts["Recommended"])


def test_today_stays_when_one_objective_has_no_current_owner():
    data = yaml.safe_load(AIRLINE.read_text("utf-8"))
    data["current_owners"].pop(sorted(data["current_owners"])[0])
    result = recommend(validate_data(data, "airline.yaml"))
    assert result.structure.current_model is None
    shown = flat(terminal(document_view(recommendation(result)), 120))
    assert "Today: partly known: 9 of 10 objectives have an owner today" in shown
    assert "Today: partly known" in flat(export(result, "markdown").replace("**", ""))


@pytest.mark.parametrize("width", [80, 100, 120])
def test_nothing_essential_is_cut_at_narrow_widths(big, width):
    shown = terminal(document_view(recommendation(big)), width)
    assert "…" not in shown
    assert max(len(line) for line in shown.splitlines()) <= width
    raci = flat(shown.split("\nRACI ", 1)[1].split("\nWho must work with whom ", 1)[0])
    matrix = next(b for b in recommendation(big).section("raci").blocks if isinstance(b, Matrix))
    for label, codes in matrix.rows:
        assert plain(label) in raci
        for code, _ in matrix.legend:
            names = [name for (name, _), have in zip(matrix.columns, codes, strict=True) if have == code]
            if names:  # every department of a role, whole and in order: the distinction survives
                assert f"{code} {'; '.join(names)}" in raci, (width, plain(label), code)


def test_a_wide_terminal_shows_the_raci_as_a_table(big):
    shown = terminal(document_view(recommendation(big)), 220)
    raci = shown.split("\nRACI ", 1)[1].split("\nWho must work with whom ", 1)[0]
    assert "A: accountable" in raci and "C: consulted" in raci
    assert "…" not in shown


# --- compare -------------------------------------------------------------------------------------


def test_every_comparison_section_shows_in_every_format(airline):
    from orgdesign.engine.compare import compare
    from orgdesign.input.scenario import WhatIf, load_scenario
    from orgdesign.present.json_report import document_data
    from orgdesign.present.markdown import render_document
    from orgdesign.present.view_compare import comparison

    after = recommend(load_scenario(str(AIRLINE), WhatIf(with_=("social_media",))))
    document = comparison(compare(airline, after, "before", "after"), airline, after)
    assert [s.key for s in document.sections] == ["changes", "links", "findings", "structure"]
    shown = flat(terminal(document_view(document), 100))
    markdown = render_document(document)
    data = document_data(document)
    values = {
        "changes": "Social media team (what-if)",  # the new owner, by name
        "links": "gained: Communications & Outreach ↔ Social media team (what-if)",
        "findings": "No change.",
        "structure": "134.00 → 142.00 (+8.00)",
    }
    for section in document.sections:
        assert section.title in shown and values[section.key] in shown, section.key
        assert f"## {md(section.title)}" in markdown and md(values[section.key]) in markdown, section.key
        for key in section.data:
            assert key in data, (section.key, key)
    assert "1 objective changes owner; 9 keep theirs." in shown
    change = data["ownership_changes"][0]
    assert (change["from"], change["from_name"]) == ("mktcomms", "Marketing & Communications")
    assert change["to_name"] == "Social media team (what-if)"
    assert ["Marketing & Communications", "Social media team (what-if)"] in data["links_gained_names"]


# --- explain -------------------------------------------------------------------------------------


def test_explain_names_each_department_with_the_id_to_type(airline):
    from orgdesign.engine.explain import why_not
    from orgdesign.present.view_explain import explanation

    assignment = next(a for a in airline.assignments if a.objective == "listening")
    contrast = why_not(airline.table, airline.problem, airline.solution, "listening", "customer_relations")
    document = explanation(airline, assignment, contrast)
    assert [s.key for s in document.sections] == ["owner", "reasons", "why_not"]
    shown = flat(terminal(document_view(document), 100))
    assert "Owner: Marketing & Communications [mktcomms], fit 4.00" in shown
    assert "Runner-up: tied with Customer Relations [customer_relations] at fit 4.00; kept with today's owner" in shown
    assert "Why not Customer Relations [customer_relations]?" in shown
    assert "It would become the owner if you: - raise the fit of Customer Relations by 0.01" in shown
    for reason in assignment.reasons:
        assert reason.rule in shown  # whole, on one line
    assert document.section("why_not").data["why_not"]["verdict"] == "tie"


# --- batch portfolio -------------------------------------------------------------------------------


def test_every_portfolio_section_shows_in_the_terminal_the_markdown_and_the_json(cli, tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for example in (AIRLINE, ROOT / "examples" / "small_agency.yaml"):
        (folder / example.name).write_text(example.read_text("utf-8"), encoding="utf-8")
    (folder / "broken.yaml").write_text("organization: {name: x}\n", encoding="utf-8")
    result = cli("batch", folder, "--output", out, "--workers", "1")
    assert result.exit_code == 2, result.stderr
    shown, markdown = flat(result.stdout), (out / "summary.md").read_text("utf-8")
    data = json.loads((out / "summary.json").read_text("utf-8"))
    values = {
        "Status": "3 files: 2 ok, 1 bad input.",
        "Owners by objective kind": "customer_service 2",
        "Structure models": "hub-and-spoke",
        "Most frequent findings": "agency-owner",
    }
    for title, value in values.items():
        assert title in shown and value in shown, title
        assert f"## {md(title)}" in markdown and md(value) in markdown, title
    assert "Failed files (every problem is on stderr)" in shown and "broken.yaml" in shown
    assert "## Files" in markdown and "airline.json, airline.md" in markdown  # every file in the report
    assert set(data) == {"orgdesign", "format", "files", "statuses", "owners", "models", "findings", "results"}
    assert data["statuses"]["bad-input"] == 1 and data["owners"]["customer_care"] == {"customer_service": 2}


@pytest.mark.parametrize("width", [80, 100, 120])
def test_no_table_column_is_lost_at_any_width(airline, width):
    """A table too wide for the terminal turns into records; it never drops or crops a column."""
    from orgdesign.engine.explain import why_not
    from orgdesign.present.view_explain import explanation

    assignment = next(a for a in airline.assignments if a.objective == "listening")
    contrast = why_not(airline.table, airline.problem, airline.solution, "listening", "customer_relations")
    for document in (recommendation(airline), explanation(airline, assignment, contrast)):
        shown = terminal(document_view(document), width)
        assert max(len(line) for line in shown.splitlines()) <= width
        words = set(flat(shown).split())
        for section in document.sections:
            for block in section.blocks:
                if isinstance(block, Table):
                    for row in block.rows:
                        for cell in row:  # every word of every cell is on screen
                            assert set(plain(cell).split()) <= words, (section.key, plain(cell))


def test_a_table_that_would_cut_a_word_found_elsewhere_in_it_is_shown_as_records():
    """A cropped "die" must not pass because the same cell says "die" elsewhere: words are counted, not just seen.

    German at 80 columns, a table indented under its objective: rich laid it out a column too wide and
    cut "die" to "di" at the edge.
    """
    from rich.console import Group

    from orgdesign.present.document import Column, Part, line
    from orgdesign.present.document import Table as TableBlock
    from orgdesign.present.terminal import block_renderables

    cell = (
        "Eine einzige interne Stelle sollte alle Unternehmenskonten und die für alle Abteilungen geltenden "
        "Richtlinien verwalten, und ein eigenes Social-Media-Team ist dafür die naheliegende Wahl. [E18, E21, E14]"
    )
    block = TableBlock(
        (Column("Regel", whole=True), Column("Beitrag", numeric=True), Column("Begründung [Belege]")),
        (
            (line("governance.accounts-to-social-team"), line("+3,00"), line(cell)),
            (line("Eignung"), line("3,00"), line("Zweitbeste: Presse- und Öffentlichkeitsarbeit, Eignung 2,00")),
        ),
    )
    part = Part(line("Accounts and guidelines → Social-Media-Team"), "accounts", (block,))
    shown = terminal(Group(*block_renderables(part, 80)), 80)
    assert max(len(line) for line in shown.splitlines()) <= 80
    assert "dafür die naheliegende" in " ".join(shown.split()), shown
