"""The findings catalogue: every code fires on a small org, reads with names, and is documented."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from orgdesign.engine.catalogue import CATALOGUE, SEVERITIES, docs_table, lookup
from orgdesign.engine.pipeline import recommend
from orgdesign.errors import InfeasibleError, InputError
from orgdesign.evidence import EVIDENCE
from orgdesign.input.load import validate_data


def _org(departments, objectives, current=None, constraints=(), **organization):
    data = {
        "organization": {"name": "Test Co", "region": "north_america", "size": "midmarket", **organization},
        "departments": [{"id": d[0], "function": d[1], **(d[2] if len(d) > 2 else {})} for d in departments],
        "objectives": [{"id": o[0], "kind": o[1], **(o[2] if len(o) > 2 else {})} for o in objectives],
        "current_owners": current or {},
        "constraints": list(constraints),
    }
    return validate_data(data)


CEO = ("ceo", "executive", {"name": "Office of the CEO"})
GOVERNANCE = ("accounts", "account_governance")


def _firing(code: str):
    """A small org on which `code` fires, and the subject it fires on."""
    if code == "OD101":
        departments = [CEO, ("social", "social_media", {"reports_to": "ceo"})]
        return _org(departments, [("feedback", "product_insight"), GOVERNANCE]), "feedback"
    if code == "OD102":
        departments = [
            CEO,
            ("mkt", "marketing", {"reports_to": "ceo"}),
            ("social", "social_media", {"reports_to": "mkt"}),
            ("sales", "sales", {"reports_to": "ceo"}),
        ]
        return _org(departments, [("content", "brand_content"), GOVERNANCE]), "social"
    if code == "OD103":
        departments = [CEO, ("social", "social_media", {"reports_to": "ceo", "structure": "network"})]
        return _org(departments, [("content", "brand_content"), GOVERNANCE]), "social"
    if code == "OD104":
        departments = [
            CEO,
            ("mkt", "marketing", {"reports_to": "ceo"}),
            ("brightside", "agency", {"reports_to": "ceo", "name": "Brightside Media"}),
        ]
        objectives = [("paid", "paid_social", {"name": "Paid social"}), GOVERNANCE]
        return _org(departments, objectives, current={"paid": "brightside", "accounts": "mkt"}), "paid"
    if code == "OD105":
        departments = [CEO, ("mkt", "marketing", {"reports_to": "ceo"})]
        return _org(departments, [("content", "brand_content")]), "account_governance"
    if code == "OD106":
        departments = [CEO, ("mkt", "marketing", {"reports_to": "ceo", "capacity": 1})]
        objectives = [("content", "brand_content"), GOVERNANCE]
        return _org(departments, objectives, current={"content": "mkt", "accounts": "mkt"}), "mkt"
    if code == "OD107":
        departments = [
            CEO,
            ("service", "customer_service", {"reports_to": "ceo"}),
            ("legal", "legal", {"reports_to": "ceo", "name": "Legal Affairs"}),
        ]
        objectives = [("care", "customer_care", {"name": "Social care"}), GOVERNANCE]
        return _org(departments, objectives, constraints=[{"objective": "care", "owner": "legal"}]), "care"
    if code == "OD108":
        departments = [CEO, ("service", "customer_service", {"reports_to": "ceo"})]
        return _org(departments, [("care", "customer_care", {"priority": 5}), GOVERNANCE]), "care"
    if code == "OD109":
        departments = [
            CEO,
            ("dist", "distribution", {"reports_to": "ceo"}),
            ("mkt", "marketing", {"reports_to": "ceo"}),
        ]
        objectives = [("content", "brand_content"), GOVERNANCE]
        return _org(departments, objectives, region="latin_america"), "partner_data_sharing"
    if code == "OD110":
        departments = [CEO, ("it", "it", {"reports_to": "ceo"})]
        return _org(departments, [("hiring", "employer_brand"), GOVERNANCE]), "hiring"
    raise AssertionError(f"no fixture for {code}")


FINDINGS = [code for code in CATALOGUE if code.startswith("OD1")]


@pytest.mark.parametrize("code", FINDINGS)
def test_every_finding_code_fires(code):
    org, subject = _firing(code)
    found = {f.subject: f for f in recommend(org).findings if f.code == code}
    assert subject in found, found
    finding = found[subject]
    entry = CATALOGUE[code]
    assert (finding.name, finding.severity) == (entry.name, entry.severity)
    assert finding.message == entry.words(finding.variant).message.format(**finding.fact)
    assert finding.evidence and all(e in EVIDENCE for e in finding.evidence)


def test_infeasibility_codes_fire():
    tight = {
        "organization": {"name": "Tight", "region": "europe", "size": "small"},
        "departments": [
            {"id": "ceo", "function": "executive", "capacity": 0},
            {"id": "pr", "function": "communications", "reports_to": "ceo", "capacity": 1},
        ],
        "objectives": [{"id": "crisis", "kind": "reputation"}, {"id": "press", "kind": "reputation"}],
    }
    with pytest.raises(InfeasibleError) as caught:
        recommend(validate_data(tight))
    assert [d.code for d in caught.value.diagnostics] == ["OD202"]
    outsourced = {
        "organization": {"name": "Outsourced", "region": "europe", "size": "small"},
        "departments": [
            {"id": "ceo", "function": "executive", "capacity": 0},
            {"id": "agency", "function": "agency", "reports_to": "ceo"},
        ],
        "objectives": [{"id": "posts", "kind": "brand_content"}],
    }
    with pytest.raises(InfeasibleError) as caught:
        recommend(validate_data(outsourced))
    assert [(d.code, d.subject, d.severity) for d in caught.value.diagnostics] == [("OD201", "posts", "error")]


def test_messages_name_departments_and_objectives_subjects_keep_ids():
    org, _ = _firing("OD104")
    finding = next(f for f in recommend(org).findings if f.code == "OD104")
    assert finding.message.startswith("Paid social: owned today by Brightside Media")
    assert "agency agency" not in finding.message and "brightside" not in finding.message
    assert finding.subject == "paid" and finding.fact["department"] == "Brightside Media"
    org, _ = _firing("OD107")
    finding = next(f for f in recommend(org).findings if f.code == "OD107")
    assert finding.fact["owner"] == "Legal Affairs" and finding.message.startswith("Social care:")


def test_split_account_holders_are_the_second_wording_of_od105():
    departments = [
        CEO,
        ("mkt", "marketing", {"reports_to": "ceo", "name": "Marketing"}),
        ("comms", "communications", {"reports_to": "ceo", "name": "Corporate Communications"}),
    ]
    objectives = [("accounts", "account_governance"), ("guidelines", "account_governance")]
    constraints = [{"objective": "accounts", "owner": "mkt"}, {"objective": "guidelines", "owner": "comms"}]
    finding = next(f for f in recommend(_org(departments, objectives, constraints=constraints)).findings)
    assert (finding.code, finding.variant) == ("OD105", "split")
    assert finding.fact["holders"] == "Corporate Communications, Marketing"


def test_every_catalogue_code_is_emitted_by_the_engine():
    """A code nobody raises is a dead entry; a code raised but not catalogued would fail at runtime."""
    engine = ROOT / "orgdesign" / "engine"
    source = "".join(p.read_text("utf-8") for p in engine.glob("*.py") if p.name != "catalogue.py")
    raised = set(re.findall(r'"(OD\d{3})"', source))
    assert raised == set(CATALOGUE)


def test_catalogue_entries_are_complete():
    for code, entry in CATALOGUE.items():
        assert re.fullmatch(r"OD[12]\d\d", code) and entry.code == code
        assert entry.severity in SEVERITIES and entry.name and entry.meaning
        assert (entry.severity == "error") == code.startswith("OD2")
        assert all(e in EVIDENCE for e in entry.evidence)
        assert entry.evidence or entry.evidence_from_rule or code.startswith("OD2"), code
        for wording in (entry.wording, *entry.variants.values()):
            assert wording.message and wording.help


def test_the_docs_table_is_generated_from_the_catalogue(update_goldens):
    docs = ROOT / "docs" / "output.md"
    text = docs.read_text("utf-8")
    begin = "<!-- findings table: generated from orgdesign/engine/catalogue.py -->\n"
    end = "<!-- end of findings table -->"
    before, rest = text.split(begin)
    table, after = rest.split(end)
    if update_goldens:
        docs.write_text(before + begin + docs_table() + end + after, encoding="utf-8")
        return
    assert table == docs_table(), "docs/output.md: the findings table is stale; run pytest --update-goldens"


def test_lookup_accepts_any_case_and_suggests_a_close_code():
    assert lookup("od104").code == "OD104"
    with pytest.raises(InputError) as caught:
        lookup("OD14")
    assert "did you mean 'OD104'?" in str(caught.value)


def test_findings_command_lists_and_shows(cli):
    listed = cli("findings")
    assert listed.exit_code == 0
    assert all(code in listed.stdout for code in CATALOGUE)
    assert "agency-owner" in listed.stdout
    shown = cli("findings", "show", "OD104")
    assert shown.exit_code == 0
    assert "agency-owner (OD104)" in shown.stdout and "Severity: warning" in shown.stdout
    assert "E14" in shown.stdout and "Marketing Outlook survey" in shown.stdout  # the citation
    assert "help: make an internal department accountable" in shown.stdout
    unknown = cli("findings", "show", "OD14")
    assert unknown.exit_code == 2 and "did you mean 'OD104'?" in unknown.stderr and not unknown.stdout


def test_a_required_owner_that_may_not_own_is_od201_with_its_blockers():
    data = {
        "organization": {"name": "Required", "region": "europe", "size": "small"},
        "departments": [
            {"id": "ceo", "function": "executive"},
            {"id": "agency", "function": "agency", "reports_to": "ceo"},
        ],
        "objectives": [{"id": "posts", "kind": "brand_content"}],
        "constraints": [{"objective": "posts", "owner": "agency"}],
    }
    with pytest.raises(InfeasibleError) as caught:
        recommend(validate_data(data))
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.code, diagnostic.variant) == ("OD201", "required")
    assert (diagnostic.fact["index"], diagnostic.fact["department"]) == (0, "agency")
    assert [b.kind for b in diagnostic.fact["blockers"]] == ["rule"]
    assert "  constraints[0] requires 'agency' as owner, but:" in caught.value.lines


@pytest.mark.parametrize("code", list(CATALOGUE))
def test_every_code_can_be_shown(cli, code):
    shown = cli("findings", "show", code.lower())
    assert shown.exit_code == 0, shown.stderr
    entry = CATALOGUE[code]
    assert shown.stdout.startswith(f"{entry.name} ({code})\nSeverity: {entry.severity}\n")
    assert "{" not in shown.stdout  # placeholders read as capitals, never as format fields
    assert all(e in shown.stdout for e in entry.evidence)
