"""What-ifs from the command line, and `orgdesign compare`."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from orgdesign.errors import InputError
from orgdesign.input.scenario import WhatIf, load_scenario

AIRLINE = ROOT / "examples" / "airline.yaml"
BANK = ROOT / "examples" / "bank.yaml"


def _owners(cli, *args):
    result = cli("recommend", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return {a["objective"]: a["owner"] for a in json.loads(result.stdout)["assignments"]}


def test_set_changes_the_answer_without_editing_the_file(cli):
    before = AIRLINE.read_bytes()
    base = _owners(cli, AIRLINE)
    forced = _owners(cli, AIRLINE, "--set", "objectives.listening.priority=1", "--set", "departments.comms.capacity=0")
    assert base["reputation"] == "comms" and forced["reputation"] != "comms"
    assert AIRLINE.read_bytes() == before


def test_without_moves_reports_up_and_drops_references():
    org = load_scenario(str(AIRLINE), WhatIf(without=("mktcomms",)))
    ids = {d.id for d in org.departments}
    assert "mktcomms" not in ids
    assert org.department("comms").reports_to == "ceo"
    assert "mktcomms" not in org.current_owners.values()


def test_with_adds_a_team_that_can_win(cli):
    owners = _owners(cli, AIRLINE, "--with", "social_media")
    assert owners["account_governance"] == "social_media"


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (
            ["--set", "departments.mktcoms.capacity=4"],
            "--set departments.mktcoms.capacity=4: unknown department 'mktcoms' (did you mean 'mktcomms'?)",
        ),
        (["--set", "departments.mktcomms.capacty=4"], "unknown field 'capacty' (did you mean 'capacity'?)"),
        (
            ["--set", "departments.mktcomms.capacity=-3"],
            "--set departments.mktcomms.capacity=-3: -3 is too small: must be at least 0",
        ),
        (["--set", "objectives.care.priority=urgent"], "expected a whole number, found the text 'urgent'"),
        (
            ["--set", "departments.mktcomms.function=marketng"],
            "unknown function 'marketng' (did you mean 'marketing'?)",
        ),
        (["--set", "budget=4"], "unknown path 'budget'"),
        (["--set", "departments.mktcomms.capacity"], "expected PATH=VALUE"),
        (["--without", "agncy"], "--without agncy: unknown department 'agncy'"),
        (["--pin", "care"], "--pin care: expected OBJECTIVE=DEPARTMENT"),
        (["--pin", "care=finanse"], "--pin care=finanse: unknown department 'finanse' (did you mean 'Finance'?)"),
        (["--forbid", "carre=finance"], "--forbid carre=finance: unknown objective 'carre' (did you mean 'care'?)"),
        (
            ["--with", "social_meda"],
            "--with social_meda: unknown function 'social_meda' (did you mean 'social_media'?)",
        ),
    ],
)
def test_bad_what_ifs_are_located_on_the_command_line(cli, option, message):
    result = cli("recommend", AIRLINE, *option)
    assert result.exit_code == 2
    assert result.stderr.startswith("<command line>: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_set_value_keeps_its_hash_or_is_refused(cli):
    result = cli("recommend", AIRLINE, "--set", "organization.name=Team #1", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["organization"] == "Team #1"
    result = cli("recommend", AIRLINE, "--set", "departments.comms.capacity=4 # four")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "<command line>: --set departments.comms.capacity=4 # four: '# four' would be dropped as a YAML comment; "
        "remove it, or quote the whole value to keep it"
    )
    result = cli("recommend", AIRLINE, "--set", "organization.name=A\nversion: 2")
    assert result.exit_code == 2
    assert "the value must be on one line" in result.stderr


@pytest.mark.parametrize("value", ['!!int ""', '!!float ""', '!!int "_"', "!!merge y", "1:20"])
def test_typed_scalars_in_set_are_usage_errors(cli, value):
    result = cli("recommend", AIRLINE, "--set", f"departments.comms.headcount={value}")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"<command line>: --set departments.comms.headcount={value}: ")
    assert "internal error" not in result.stderr


def test_a_problem_an_option_causes_elsewhere_is_blamed_on_the_option(cli, tmp_path):
    """The cycle is reported at its alphabetically first member, a field the option did not set."""
    result = cli("recommend", AIRLINE, "--set", "departments.mktcomms.reports_to=comms")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "<command line>: --set departments.mktcomms.reports_to=comms: reporting cycle: comms -> mktcomms -> comms"
    )
    result = cli(
        "recommend",
        AIRLINE,
        "--with",
        "social_media",
        "--set",
        "departments.comms.capacity=2",
        "--set",
        "departments.mktcomms.reports_to=comms",
    )
    assert result.stderr.strip().startswith("<command line>: --set departments.mktcomms.reports_to=comms: reporting")
    broken = tmp_path / "org.yaml"
    broken.write_text(
        AIRLINE.read_text("utf-8").replace("reports_to: customer_relations", "reports_to: social_care"),
        encoding="utf-8",
    )
    result = cli("recommend", broken, "--set", "departments.comms.capacity=2")
    assert result.stderr.startswith(f"{broken}:"), "a problem the file has on its own stays the file's"


def test_a_file_error_still_points_at_the_file(tmp_path):
    org = tmp_path / "org.yaml"
    org.write_text(AIRLINE.read_text("utf-8").replace("function: legal", "function: legl"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_scenario(str(org), WhatIf(sets=("departments.mktcomms.capacity=2",)))
    assert str(caught.value).startswith(f"{org}:")


def test_compare_a_file_with_a_what_if(cli):
    result = cli("compare", AIRLINE, "--with", "social_media", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    change = next(c for c in data["ownership_changes"] if c["objective"] == "account_governance")
    assert change["from"] == "mktcomms" and change["to"] == "social_media"
    assert any(r["rule"] == "governance.accounts-to-social-team" for r in change["rules_gained"])
    assert ["mktcomms", "social_media"] in data["links_gained"]
    assert data["total_fit"]["change"] == round(data["total_fit"]["after"] - data["total_fit"]["before"], 2)


def test_compare_two_files_with_known_differences(cli, tmp_path):
    changed = tmp_path / "airline_no_agency.yaml"
    text = AIRLINE.read_text("utf-8")
    changed.write_text(text.replace("paid_social: media_agency", "paid_social: mktcomms"), encoding="utf-8")
    result = cli("compare", AIRLINE, changed, "-f", "json")
    data = json.loads(result.stdout)
    resolved = {f["code"] for f in data["findings_resolved"]}
    assert "OD104" in resolved  # the agency no longer owns anything today
    assert data["ownership_changes"] == []
    table = cli("compare", AIRLINE, changed)
    assert "No objective changes owner" in table.stdout and "resolved OD104 (" in table.stdout


def test_compare_needs_something_to_compare(cli):
    result = cli("compare", AIRLINE)
    assert result.exit_code == 2 and "give a second org file, or what-ifs" in result.stderr


def test_compare_markdown(cli):
    result = cli("compare", BANK, "--without", "social_desk", "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# ") and "## Ownership changes" in result.stdout
    assert "Digital \\& Social Desk no longer exists" in result.stdout  # names, Markdown-escaped


def test_fragile_assignments_are_marked(cli):
    result = cli("recommend", ROOT / "examples" / "bank.yaml")
    assert "⚠ fragile" in result.stdout and "raising the runner-up's fit" in result.stdout


def test_a_what_if_from_the_library_names_the_change_not_a_command_line_option():
    with pytest.raises(InputError) as caught:
        load_scenario(str(AIRLINE), WhatIf(sets=("departments.nobody.capacity=2",)))
    (problem,) = caught.value.diagnostics
    assert (problem.file, problem.field) == ("<what-if>", "set departments.nobody.capacity=2")
    assert "unknown department 'nobody'" in problem.message
    labelled = WhatIf(without=("nobody",), origin="<command line>", flag="--")
    with pytest.raises(InputError) as caught:
        load_scenario(str(AIRLINE), labelled)
    assert (caught.value.diagnostics[0].file, caught.value.diagnostics[0].field) == (
        "<command line>",
        "--without nobody",
    )


def test_what_ifs_take_a_department_or_objective_by_name_as_well_as_by_id():
    by_name = load_scenario(str(AIRLINE), WhatIf(without=("Marketing & Communications",)))
    by_id = load_scenario(str(AIRLINE), WhatIf(without=("mktcomms",)))
    assert by_name == by_id
    raised = load_scenario(str(AIRLINE), WhatIf(sets=("departments.Social Care Team.capacity=4",)))
    assert next(d for d in raised.departments if d.id == "social_care").capacity == 4
    with pytest.raises(InputError) as caught:
        load_scenario(str(AIRLINE), WhatIf(without=("Social Care Tem",)))
    assert "did you mean 'Social Care Team'" in caught.value.diagnostics[0].message


def test_pin_and_forbid_decide_an_owner(cli):
    base = _owners(cli, AIRLINE)
    assert base["care"] == "social_care" and base["reputation"] == "comms"
    changed = _owners(cli, AIRLINE, "--pin", "Social customer care=Customer Relations", "--forbid", "reputation=comms")
    assert changed["care"] == "customer_relations"
    assert changed["reputation"] != "comms"


def test_a_pin_replaces_the_files_pin_and_lifts_a_ban_on_its_department(tmp_path):
    org = tmp_path / "org.yaml"
    text = AIRLINE.read_text("utf-8")
    org.write_text(
        text + "constraints:\n  - {objective: care, owner: comms}\n  - {objective: care, not_owner: finance}\n",
        encoding="utf-8",
    )
    pinned = load_scenario(str(org), WhatIf(pin=("care=finance",)))
    assert [(c.kind, c.department) for c in pinned.constraints] == [("owner", "finance")]
    banned = load_scenario(str(org), WhatIf(forbid=("care=comms",)))
    assert [(c.kind, c.department) for c in banned.constraints] == [("not_owner", "finance"), ("not_owner", "comms")]


def test_compare_says_a_constraint_moved_the_owner(cli):
    result = cli("compare", AIRLINE, "--pin", "care=finance", "-f", "json")
    assert result.exit_code == 0, result.stderr
    (change,) = [c for c in json.loads(result.stdout)["ownership_changes"] if c["objective"] == "care"]
    assert change["cause"] == "pinned" and change["to"] == "finance"
    table = cli("compare", AIRLINE, "--pin", "care=finance")
    assert "a constraint now pins it to Finance" in " ".join(table.stdout.split())
