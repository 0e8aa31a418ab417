"""`export --format xlsx`: the sheets, their headers and cells, hostile names, determinism, and LibreOffice.

The workbook is read back from its XML (a zip of sheets and a shared string
table), so the tests see exactly what a spreadsheet reads: a cell's type
(number, shared string, formula) as well as its value.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import pty
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

from orgdesign.engine.pipeline import recommend
from orgdesign.input.load import load_org, validate_data
from orgdesign.present.formats import export
from orgdesign.present.words import names_of

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
AIRLINE = ROOT / "examples" / "airline.yaml"
SHEETS = ["Owners", "RACI", "Findings", "Gap", "Departments", "Objectives"]
HOSTILE = ['=HYPERLINK("http://example.com","click")', "+1", "@SUM(A1:A2)", "-2", "=1+1", "=cmd|' /C calc'!A0"]


@functools.cache
def _result(path: Path):
    return recommend(load_org(str(path)))


@functools.cache
def _workbook(path: Path) -> bytes:
    return export(_result(path), "xlsx")


class Sheet:
    """One worksheet as a spreadsheet reads it: cells by (row, column), from 0, with their XML type."""

    def __init__(self, root: ET.Element, strings: list[str]):
        self.root = root
        self.cells: dict[tuple[int, int], tuple[str, object]] = {}
        for cell in root.iter(f"{{{NS['m']}}}c"):
            row, column = _position(cell.get("r"))
            kind = cell.get("t", "n")
            value = cell.find("m:v", NS)
            if value is None:
                continue  # a blank cell with a style
            text = value.text or ""
            self.cells[row, column] = (
                kind,
                strings[int(text)] if kind == "s" else float(text) if kind == "n" else text,
            )

    def value(self, row: int, column: int):
        return self.cells.get((row, column), ("", None))[1]

    def kind(self, row: int, column: int) -> str:
        return self.cells.get((row, column), ("", None))[0]

    def row(self, row: int) -> list:
        width = 1 + max((c for r, c in self.cells if r == row), default=-1)
        return [self.value(row, column) for column in range(width)]

    @property
    def rows(self) -> int:
        return 1 + max((r for r, _ in self.cells), default=-1)


def _position(reference: str) -> tuple[int, int]:
    letters, digits = re.fullmatch(r"([A-Z]+)(\d+)", reference).groups()
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return int(digits) - 1, column - 1


def read(body: bytes) -> dict[str, Sheet]:
    """The sheets of a workbook by name, in order."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        strings = [
            "".join(t.text or "" for t in item.iter(f"{{{NS['m']}}}t"))
            for item in ET.fromstring(archive.read("xl/sharedStrings.xml")).findall("m:si", NS)
        ]
        rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in rels}
        workbook = ET.fromstring(archive.read("xl/workbook.xml"))
        return {
            sheet.get("name"): Sheet(ET.fromstring(archive.read("xl/" + targets[sheet.get(RELS)])), strings)
            for sheet in workbook.find("m:sheets", NS)
        }


def _xml_parts(body: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml")}


# --- every example ----------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_exports_a_workbook_with_its_sheets_and_no_formula(example):
    body = _workbook(example)
    assert zipfile.ZipFile(io.BytesIO(body)).testzip() is None
    sheets = read(body)
    assert list(sheets) == SHEETS
    for name, part in _xml_parts(body).items():
        assert "<f>" not in part and "<f " not in part, name
    result = _result(example)
    owners = sheets["Owners"]
    count = len(result.assignments)  # headers, one row per objective, a blank row, the view's notes
    assert {owners.value(row, 9) for row in range(1, count + 1)} == {a.objective for a in result.assignments}
    assert owners.row(count + 1) == [] and owners.value(count + 2, 0).startswith("Fit is the sum")
    assert sheets["Departments"].rows == 1 + len(result.org.departments)
    assert sheets["Objectives"].rows == 1 + len(result.org.objectives)


# --- the sheets -------------------------------------------------------------------------


def test_owners_are_the_view_in_its_order_with_numbers_as_numbers():
    result = _result(AIRLINE)
    names = names_of(result.table.graph)
    owners = read(_workbook(AIRLINE))["Owners"]
    assert owners.row(0) == [
        "objective",
        "priority",
        "owner",
        "fit",
        "runner-up",
        "runner-up fit",
        "margin",
        "today",
        "runner-up, in words",
        "objective id",
        "owner id",
    ]
    by_objective = {a.objective: a for a in result.assignments}
    priorities = []
    for row in range(1, len(result.assignments) + 1):
        a = by_objective[owners.value(row, 9)]
        objective = result.table.graph.objectives[a.objective]
        assert owners.value(row, 0) == names.objective(a.objective)
        assert (owners.kind(row, 1), owners.value(row, 1)) == ("n", objective.priority)
        assert owners.value(row, 2) == names.department(a.owner) and owners.value(row, 10) == a.owner
        assert (owners.kind(row, 3), owners.value(row, 3)) == ("n", a.score / 100)
        if a.runner_up is not None:
            assert owners.value(row, 4) == names.department(a.runner_up)
            assert (owners.kind(row, 5), owners.value(row, 5)) == ("n", a.runner_up_score / 100)
            assert (owners.kind(row, 6), owners.value(row, 6)) == ("n", a.margin / 100)
        today = result.org.current_owners.get(a.objective)
        assert owners.value(row, 7) == names.department(today)
        priorities.append(objective.priority)
    assert priorities == sorted(priorities, reverse=True)  # most important first, as in the report


def test_raci_has_a_code_where_the_raci_says_under_department_names():
    result = _result(AIRLINE)
    names = names_of(result.table.graph)
    raci = read(_workbook(AIRLINE))["RACI"]
    ids = raci.row(0)[2:]
    assert raci.row(1)[:2] == ["objective", "objective id"]
    assert raci.row(1)[2:] == [names.department(d) for d in ids]  # names head the columns, ids above them
    assert set(ids) == {
        d for r in result.raci.values() for d in (r.accountable, *r.responsible, *r.consulted, *r.informed)
    }
    for row in range(2, 2 + len(result.assignments)):
        objective = raci.value(row, 1)
        roles = result.raci[objective]
        assert raci.value(row, 0) == names.objective(objective)
        codes = [raci.value(row, column) for column in range(2, 2 + len(ids))]
        assert codes == [roles.role_of(d) for d in ids], objective
        assert codes.count("A") == 1 and codes[ids.index(result.raci[objective].accountable)] == "A"
    sheet = ET.tostring(raci.root, encoding="unicode")
    for code in "ARCI":  # colour-coded by a conditional format per code
        assert re.search(rf'<ns0:cfRule type="cellIs" dxfId="\d+" priority="\d+" operator="equal">'
                         rf'<ns0:formula>"{code}"</ns0:formula>', sheet), code  # fmt: skip
    pane = raci.root.find(".//m:pane", NS)
    assert (pane.get("xSplit"), pane.get("ySplit"), pane.get("state")) == ("2", "2", "frozen")
    assert raci.root.find("m:autoFilter", NS).get("ref").startswith("A2:")


def test_findings_gap_and_inputs():
    result = _result(AIRLINE)
    sheets = read(_workbook(AIRLINE))
    findings = sheets["Findings"]
    assert findings.row(0) == ["code", "severity", "name", "subject", "message", "help", "evidence", "subject id"]
    assert [findings.value(r, 0) for r in range(1, findings.rows)] == [f.code for f in result.findings]
    assert [findings.value(r, 5) for r in range(1, findings.rows)] == [f.help for f in result.findings]
    gap = sheets["Gap"]
    assert gap.row(0)[:7] == ["objective", "today", "today fit", "recommended", "recommended fit", "changed", "why"]
    rows = range(1, 1 + len(result.gap))
    assert [gap.value(r, 7) for r in rows] == [g.objective for g in result.gap]
    assert [gap.value(r, 5) for r in rows] == ["yes" if g.changed else "no" for g in result.gap]
    assert [(gap.kind(r, 4), gap.value(r, 4)) for r in rows] == [("n", g.recommended_fit / 100) for g in result.gap]
    for row, g in zip(rows, result.gap, strict=True):  # a changed owner says why, with the rules that made it
        assert bool(gap.value(row, 6)) == g.changed
        assert all(reason.rule in gap.value(row, 6) for reason in g.why)
    departments = sheets["Departments"]
    headers = departments.row(0)
    assert headers[:5] == ["id", "name", "function", "also", "reports_to"]
    for row, department in enumerate(result.org.departments, start=1):
        assert departments.value(row, 0) == department.id
        if department.headcount is not None:
            column = headers.index("headcount")
            assert (departments.kind(row, column), departments.value(row, column)) == ("n", department.headcount)
    objectives = sheets["Objectives"]
    assert objectives.row(0)[-1] == "owner today"
    assert [objectives.value(r, 0) for r in range(1, objectives.rows)] == [o.id for o in result.org.objectives]


def test_an_org_without_findings_or_current_owners_says_so():
    org = validate_data(
        {
            "organization": {"name": "Tiny", "region": "europe", "size": "small"},
            "departments": [{"id": "mkt", "name": "Marketing", "function": "marketing"}],
            "objectives": [{"id": "brand", "kind": "brand_content"}],
        }
    )
    result = recommend(org)
    sheets = read(export(result, "xlsx"))
    assert sheets["Gap"].rows == 3  # headers, a blank row, the view's sentence
    assert "no current owners" in sheets["Gap"].value(2, 0)
    if not result.findings:
        assert sheets["Findings"].value(2, 0) == "No findings."


# --- safety and determinism --------------------------------------------------------------


def _hostile_org() -> dict:
    departments = [{"id": "ceo", "name": HOSTILE[0], "function": "executive", "business_unit": HOSTILE[4]}]
    functions = ["marketing", "communications", "customer_service", "sales", "hr"]
    for index, name in enumerate(HOSTILE[1:]):
        departments.append(
            {"id": f"d{index}", "name": name, "function": functions[index], "reports_to": "ceo", "headcount": 40}
        )
    kinds = ["customer_care", "brand_content", "reputation", "listening", "employer_brand", "social_selling"]
    objectives = [
        {"id": f"o{i}", "name": name, "kind": kinds[i], "description": name} for i, name in enumerate(HOSTILE)
    ]
    return {
        "organization": {"name": HOSTILE[0], "region": "europe", "size": "enterprise"},
        "departments": departments,
        "objectives": objectives,
        "current_owners": {f"o{i}": "d0" for i in range(len(HOSTILE))},
    }


def test_hostile_names_stay_text_in_every_cell():
    body = export(recommend(validate_data(_hostile_org())), "xlsx")
    for name, part in _xml_parts(body).items():
        assert "<f>" not in part and "<f " not in part, name
    sheets = read(body)
    seen = set()
    for sheet in sheets.values():
        for (row, column), (kind, value) in sheet.cells.items():
            if isinstance(value, str) and value.strip() in {h.strip() for h in HOSTILE}:
                assert kind == "s", (row, column, value)  # a shared string: text, never a formula or number
                seen.add(value.strip())
    assert seen == {h.strip() for h in HOSTILE}
    assert sheets["Departments"].value(1, 1) == HOSTILE[0]
    assert "+1" in sheets["RACI"].row(1) and "-2" in sheets["RACI"].row(1)


def test_the_same_bytes_for_the_same_input():
    first = export(_result(AIRLINE), "xlsx")
    again = export(recommend(load_org(str(AIRLINE))), "xlsx")
    assert first == again
    core = _xml_parts(first)["docProps/core.xml"]
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>' in core


# --- the command ------------------------------------------------------------------------


def test_export_writes_the_workbook_and_dash_sends_it_to_a_redirected_stdout(cli, tmp_path):
    path = tmp_path / "airline.xlsx"
    result = cli("export", AIRLINE, "--format", "xlsx", "--output", path)
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == _workbook(AIRLINE)
    result = cli("export", AIRLINE, "--format", "xlsx", "--output", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == _workbook(AIRLINE)


@pytest.mark.integration
def test_a_workbook_is_not_written_to_a_terminal():
    pid, fd = pty.fork()
    if pid == 0:  # the child: stdout is the terminal
        os.execv(sys.executable, [sys.executable, "-m", "orgdesign", "export", str(AIRLINE), "-f", "xlsx", "-o", "-"])
    shown = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 2
    text = shown.decode("utf-8")
    assert "--output: xlsx is a binary file" in text and "PK" not in text


@pytest.mark.integration
def test_libreoffice_calc_opens_the_airline_workbook(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; on Debian: apt-get install libreoffice-calc")
    workbook = tmp_path / "airline.xlsx"
    workbook.write_bytes(_workbook(AIRLINE))
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",  # its own profile: runs never clash
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",  # the first sheet, Owners, as UTF-8
            "--outdir",
            str(tmp_path / "out"),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    converted = tmp_path / "out" / "airline.csv"
    assert done.returncode == 0 and converted.exists(), done.stderr
    rows = list(csv.reader(io.StringIO(converted.read_text(encoding="utf-8"))))
    result = _result(AIRLINE)
    names = names_of(result.table.graph)
    assert rows[0][:4] == ["objective", "priority", "owner", "fit"]
    shown = {row[9]: row for row in rows[1 : 1 + len(result.assignments)]}
    for a in result.assignments:  # as Calc shows them: names, whole priorities, fits with two decimals
        priority = result.table.graph.objectives[a.objective].priority
        expected = [names.objective(a.objective), str(priority), names.department(a.owner), f"{a.score / 100:.2f}"]
        assert shown[a.objective][:4] == expected
