"""The judgment suite: what a consultant who signs the advice expects, per org file.

Each org file under tests/judgment/ has a sidecar `<name>.expect.yaml`: a list of
expectations written from the evidence (E1..E30, F1..F8), not from the engine's
output. Every expectation has a `why`, its `evidence`, optionally the `defect`
it targets, and exactly one check. The recommendation is read through the JSON
contract (`recommend --format json`, docs/output.md), once per file.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

JUDGMENT = Path(__file__).resolve().parent / "judgment"
ORG_FILES = sorted(p for p in JUDGMENT.glob("*.yaml") if not p.name.endswith(".expect.yaml"))
EVIDENCE_IDS = {f"E{n}" for n in range(1, 31)} | {f"F{n}" for n in range(1, 9)}
MODELS = {"decentralized", "centralized", "hub_and_spoke", "dandelion", "honeycomb"}
ROLES = {"responsible", "consulted", "informed", "accountable"}
CHECKS = (
    "owner",
    "not_owner",
    "role",
    "not_role",
    "linked",
    "finding",
    "no_finding",
    "structure",
    "kept",
    "regional_raci",
)
DEFECTS = range(1, 10)
MIN_FILES = 22


def _expect_path(org_file: Path) -> Path:
    return org_file.with_name(org_file.name[: -len(".yaml")] + ".expect.yaml")


def _load_expectations(org_file: Path) -> list[dict]:
    path = _expect_path(org_file)
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, list) else []


@cache
def _org(org_file: Path) -> dict:
    """Read the org file as plain data: the checks need regions, functions and the tree."""
    return yaml.safe_load(org_file.read_text(encoding="utf-8"))


@cache
def _run(*args: str):
    """Run the CLI in-process once per argument list; (exit code, stdout, stderr or exception)."""
    from orgdesign.cli import app

    runner = CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"})
    result = runner.invoke(app, list(args))
    problem = result.stderr.strip()
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        problem = f"{type(result.exception).__name__}: {result.exception}"
    return result.exit_code, result.stdout, problem


@cache
def _recommendation(org_file: Path) -> dict:
    code, stdout, problem = _run("recommend", str(org_file), "--format", "json")
    if code != 0:
        pytest.fail(f"{org_file.name}: the engine refused the file (exit {code}): {problem}", pytrace=False)
    return json.loads(stdout)


def _check_name(expectation: dict) -> str:
    names = [key for key in CHECKS if key in expectation]
    return names[0] if len(names) == 1 else "invalid"


def _label(expectation: dict) -> str:
    """Name the check and what it is about, for a readable test id."""
    name = _check_name(expectation)
    body = expectation.get(name)
    if name in ("kept", "regional_raci", "no_finding"):
        return f"{name}:{body}"
    if name == "linked" and isinstance(body, list):
        return "linked:" + "+".join(map(str, body))
    if name == "finding":
        if isinstance(body, dict):
            return f"finding:{body['code']}" + (f":{body['subject']}" if "subject" in body else "")
        return f"finding:{body}"
    if name == "structure" and isinstance(body, dict):
        return "structure:" + ",".join(sorted(body))
    if isinstance(body, dict):
        tail = body.get("department") or body.get("function") or "+".join(body.get("any_of", []))
        return f"{name}:{body.get('objective')}" + (f":{tail}" if name in ("role", "not_role") else "")
    return name


def _cases():
    cases = []
    for org_file in ORG_FILES:
        seen: dict[str, int] = {}
        for expectation in _load_expectations(org_file):
            label = _label(expectation)
            seen[label] = seen.get(label, 0) + 1
            suffix = f"#{seen[label]}" if seen[label] > 1 else ""
            cases.append(pytest.param(org_file, expectation, id=f"{org_file.stem}::{label}{suffix}"))
    return cases


# --- the checks -------------------------------------------------------------------------------
# Each returns None when the expectation holds, else what the engine does instead.


def _assignment(result: dict, objective: str) -> dict:
    for assignment in result["assignments"]:
        if assignment["objective"] == objective:
            return assignment
    raise AssertionError(f"no assignment for objective {objective!r} in the output")


def _functions_of(org: dict, department: str) -> set[str]:
    for record in org["departments"]:
        if record["id"] == department:
            return {record["function"], *record.get("also", [])}
    return set()


def _roles_of(assignment: dict, department: str) -> set[str]:
    raci = assignment["raci"]
    found = {role for role in ("responsible", "consulted", "informed") if department in raci[role]}
    if raci["accountable"] == department:
        found.add("accountable")
    return found


def _raci_text(assignment: dict) -> str:
    raci = assignment["raci"]
    return f"A={raci['accountable']} R={raci['responsible']} C={raci['consulted']} I={raci['informed']}"


def check_owner(body, result, org):
    owner = _assignment(result, body["objective"])["owner"]
    wanted = body.get("any_of") or [body["department"]]
    if owner not in wanted:
        return f"{body['objective']} is owned by {owner}, not {' or '.join(wanted)}"
    return None


def check_not_owner(body, result, org):
    owner = _assignment(result, body["objective"])["owner"]
    if "department" in body and owner == body["department"]:
        return f"{body['objective']} is owned by {owner}"
    if "function" in body and body["function"] in _functions_of(org, owner):
        return f"{body['objective']} is owned by {owner}, a department of function {body['function']}"
    return None


def check_role(body, result, org):
    assignment = _assignment(result, body["objective"])
    if not _roles_of(assignment, body["department"]) & set(body["in"]):
        return f"{body['department']} is not {'/'.join(body['in'])} on {body['objective']}: {_raci_text(assignment)}"
    return None


def check_not_role(body, result, org):
    assignment = _assignment(result, body["objective"])
    held = _roles_of(assignment, body["department"]) & set(body["in"])
    if held:
        return f"{body['department']} is {'/'.join(sorted(held))} on {body['objective']}: {_raci_text(assignment)}"
    return None


def check_linked(body, result, org):
    pair = sorted(body)
    if not any(sorted(link["departments"]) == pair for link in result["links"]):
        partners = sorted(
            other
            for link in result["links"]
            if pair[0] in link["departments"]
            for other in link["departments"]
            if other != pair[0]
        )
        return f"no link between {pair[0]} and {pair[1]}; {pair[0]} is linked to {partners or 'nobody'}"
    return None


def check_finding(body, result, org):
    code, subject = (body["code"], body.get("subject")) if isinstance(body, dict) else (body, None)
    for finding in result["findings"]:
        if finding["code"] == code and (subject is None or finding["subject"] == subject):
            return None
    codes = sorted({f"{f['code']}({f['subject']})" for f in result["findings"]})
    about = f" about {subject}" if subject else ""
    return f"no finding {code}{about}; findings: {', '.join(codes) or 'none'}"


def check_no_finding(body, result, org):
    hits = [f for f in result["findings"] if f["code"] == body]
    if hits:
        return f"{body} is reported: {hits[0]['message']}"
    return None


def check_structure(body, result, org):
    structure = result["structure"]
    problems = []
    if "today" in body and structure.get("current_model") != body["today"]:
        problems.append(f"today's model is {structure.get('current_model')}, not {body['today']}")
    if "recommended" in body and structure["model"] != body["recommended"]:
        problems.append(f"the recommended model is {structure['model']}, not {body['recommended']}")
    if "recommended_in" in body and structure["model"] not in body["recommended_in"]:
        problems.append(f"the recommended model is {structure['model']}, not one of {body['recommended_in']}")
    if "next_not" in body and structure["next"] in body["next_not"]:
        problems.append(f"the next step is {structure['next']} (from {structure['model']})")
    return "; ".join(problems) or None


def check_kept(body, result, org):
    today = org["current_owners"][body]
    owner = _assignment(result, body)["owner"]
    if owner != today:
        gap = next((g for g in result.get("gap", []) if g["objective"] == body), {})
        return (
            f"{body} moves from {today} to {owner} (fit {gap.get('current_score')} -> {gap.get('recommended_score')})"
        )
    return None


def _regions(org: dict) -> tuple[dict[str, str], dict[str, str | None]]:
    home = org["organization"]["region"]
    region = {d["id"]: d.get("region", home) for d in org["departments"]}
    parent = {d["id"]: d.get("reports_to") for d in org["departments"]}
    return region, parent


def check_regional_raci(body, result, org):
    objective = next(o for o in org["objectives"] if o["id"] == body)
    wanted, home = objective["region"], org["organization"]["region"]
    region, parent = _regions(org)
    on_path: set[str] = set()
    for department, where in region.items():
        if where == wanted:
            up = parent[department]
            while up is not None and up not in on_path:
                on_path.add(up)
                up = parent[up]
    raci = _assignment(result, body)["raci"]
    stray = [
        f"{d} ({role}, {region.get(d)})"
        for role in ("responsible", "consulted")
        for d in raci[role]
        if region.get(d) not in (wanted, home) and d not in on_path
    ]
    if stray:
        return f"{body} is a {wanted} objective but draws on other regions: {', '.join(stray)}"
    return None


CHECKERS = {name: globals()[f"check_{name}"] for name in CHECKS}


@pytest.mark.parametrize(("org_file", "expectation"), _cases())
def test_expectation(org_file, expectation):
    name = _check_name(expectation)
    assert name != "invalid", f"{org_file.name}: an expectation needs exactly one check: {expectation}"
    result = _recommendation(org_file)
    problem = CHECKERS[name](expectation[name], result, _org(org_file))
    if problem:
        evidence = ", ".join(expectation.get("evidence", []))
        defect = f" (defect {expectation['defect']})" if "defect" in expectation else ""
        pytest.fail(f"{problem}\n  expected{defect}: {expectation['why']} [{evidence}]", pytrace=False)


@pytest.mark.parametrize("org_file", ORG_FILES, ids=[f"{p.stem}::property:gain-or-forced" for p in ORG_FILES])
def test_every_change_of_owner_gains_fit_or_is_forced(org_file):
    """Design rule: an owner changes only for a gain in fit, or because capacity or a constraint forces it."""
    result = _recommendation(org_file)
    churn = [
        f"{g['objective']}: {g['current']} -> {g['recommended']} (fit {g['current_score']} -> {g['recommended_score']})"
        for g in result["gap"]
        if g["changed"] and not g["recommended_score"] > g["current_score"] and not g.get("forced_by")
    ]
    assert not churn, "owner changes with no gain in fit and no forcing reason (forced_by): " + "; ".join(churn)


# --- the suite itself -------------------------------------------------------------------------


def _objective_ids(org: dict) -> set[str]:
    return {o["id"] for o in org["objectives"]}


def _department_ids(org: dict) -> set[str]:
    return {d["id"] for d in org["departments"]}


def _shape_problems(expectation: dict, org: dict) -> list[str]:
    """List what is wrong with one expectation's fields, against its org file."""
    problems = []
    extra = set(expectation) - {"why", "evidence", "defect", *CHECKS}
    if extra:
        problems.append(f"unknown keys {sorted(extra)}")
    checks = [key for key in CHECKS if key in expectation]
    if len(checks) != 1:
        problems.append(f"needs exactly one check, has {checks or 'none'}")
    if not isinstance(expectation.get("why"), str) or len(expectation["why"].split()) < 5:
        problems.append("needs a `why` sentence")
    evidence = expectation.get("evidence")
    if not isinstance(evidence, list) or not evidence or set(evidence) - EVIDENCE_IDS:
        problems.append(f"evidence must be a non-empty list of E1..E30/F1..F8 ids: {evidence}")
    defects = expectation.get("defect", [])
    defects = defects if isinstance(defects, list) else [defects]
    if any(d not in DEFECTS for d in defects):
        problems.append(f"defect must be 1..9: {defects}")
    if len(checks) == 1:
        problems += _check_problems(checks[0], expectation[checks[0]], org)
    return problems


def _check_problems(name: str, body, org: dict) -> list[str]:
    objectives, departments = _objective_ids(org), _department_ids(org)
    if name in ("owner", "not_owner", "role", "not_role", "structure") and not isinstance(body, dict):
        return [f"{name} takes a mapping: {body!r}"]
    refs_objective, refs_departments = [], []
    if name in ("owner", "not_owner", "role", "not_role"):
        refs_objective.append(body.get("objective"))
        refs_departments += [body["department"]] if "department" in body else list(body.get("any_of", []))
        if name in ("role", "not_role") and not (body.get("in") and set(body["in"]) <= ROLES):
            return [f"`in` must list roles among {sorted(ROLES)}"]
        if name == "not_owner" and ("department" in body) == ("function" in body):
            return ["not_owner names a department or a function"]
        if name == "owner" and ("department" in body) == ("any_of" in body):
            return ["owner names a department or any_of"]
    elif name == "linked":
        refs_departments += list(body) if isinstance(body, list) and len(body) == 2 else [None]
    elif name in ("finding", "no_finding"):
        code = body.get("code") if isinstance(body, dict) else body
        if not re.fullmatch(r"OD1\d\d", str(code)):
            return [f"bad finding code {code!r}"]
    elif name == "structure":
        named = [body.get("today"), body.get("recommended"), *body.get("recommended_in", []), *body.get("next_not", [])]
        if len(body) != 1 or set(named) - {None} - MODELS:
            return [f"structure takes one of today/recommended/recommended_in/next_not with F1 models: {body}"]
    elif name == "kept":
        refs_objective.append(body)
        if body not in org.get("current_owners", {}):
            return [f"kept names {body}, which has no current owner"]
    elif name == "regional_raci":
        refs_objective.append(body)
        if not any(o["id"] == body and o.get("region") for o in org["objectives"]):
            return [f"regional_raci names {body}, which has no region"]
    return [f"unknown objective {o!r}" for o in refs_objective if o not in objectives] + [
        f"unknown department {d!r}" for d in refs_departments if d not in departments
    ]


def test_suite_has_enough_files_each_with_expectations():
    assert len(ORG_FILES) >= MIN_FILES
    for org_file in ORG_FILES:
        assert _expect_path(org_file).is_file(), f"{org_file.name} has no sidecar"
        assert _load_expectations(org_file), f"{_expect_path(org_file).name} has no expectations"
        assert org_file.read_text(encoding="utf-8").startswith("#"), f"{org_file.name} must open with a comment"
        assert 5 <= len(_org(org_file)["departments"]) <= 40, f"{org_file.name}: keep 5 to 40 departments"
    sidecars = {p.name for p in JUDGMENT.glob("*.expect.yaml")}
    assert sidecars == {_expect_path(p).name for p in ORG_FILES}, "a sidecar without its org file"


@pytest.mark.parametrize("org_file", ORG_FILES, ids=[p.stem for p in ORG_FILES])
def test_expectations_are_well_formed(org_file):
    org = _org(org_file)
    problems = [
        f"expectation {index + 1}: {problem}"
        for index, expectation in enumerate(_load_expectations(org_file))
        for problem in _shape_problems(expectation, org)
    ]
    assert not problems, f"{_expect_path(org_file).name}:\n" + "\n".join(problems)


def test_every_defect_is_covered_by_two_files():
    files_per_defect: dict[int, set[str]] = {d: set() for d in DEFECTS}
    for org_file in ORG_FILES:
        for expectation in _load_expectations(org_file):
            defects = expectation.get("defect", [])
            for defect in defects if isinstance(defects, list) else [defects]:
                files_per_defect.setdefault(defect, set()).add(org_file.name)
    thin = {d: sorted(files) for d, files in files_per_defect.items() if len(files) < 2}
    assert not thin, f"defects covered by fewer than two files: {thin}"


@pytest.mark.parametrize("org_file", ORG_FILES, ids=[p.stem for p in ORG_FILES])
def test_org_file_validates(org_file):
    code, stdout, problem = _run("validate", str(org_file))
    assert code == 0, f"{org_file.name} does not validate:\n{stdout}{problem}"


@pytest.mark.parametrize("org_file", ORG_FILES, ids=[p.stem for p in ORG_FILES])
def test_org_file_is_valid_apart_from_further_functions(org_file, tmp_path):
    """Only `also:` may be new to today's validator; everything else in the file must already be right."""
    org = _org(org_file)
    stripped = {**org, "departments": [{k: v for k, v in d.items() if k != "also"} for d in org["departments"]]}
    copy = tmp_path / f"{org_file.stem}.json"
    copy.write_text(json.dumps(stripped), encoding="utf-8")
    code, stdout, problem = _run("validate", str(copy))
    assert code == 0, f"{org_file.name} without `also` does not validate:\n{stdout}{problem}"


def test_checks_tell_right_from_wrong():
    """Each check passes on a result that meets it and fails on one that does not."""
    org = {
        "organization": {"region": "europe"},
        "departments": [
            {"id": "ceo", "function": "executive"},
            {"id": "mkt", "function": "marketing", "reports_to": "ceo", "also": ["communications"]},
            {"id": "care", "function": "customer_service", "reports_to": "ceo"},
            {"id": "la_care", "function": "customer_service", "reports_to": "ceo", "region": "latin_america"},
            {"id": "na_mkt", "function": "marketing", "reports_to": "ceo", "region": "north_america"},
        ],
        "objectives": [
            {"id": "rep", "kind": "reputation"},
            {"id": "la", "kind": "customer_care", "region": "latin_america"},
        ],
        "current_owners": {"rep": "mkt", "la": "care"},
    }

    def result(owner, consulted, links, findings, model, nxt):
        raci = {"accountable": owner, "responsible": [owner], "consulted": consulted, "informed": []}
        return {
            "assignments": [
                {"objective": "rep", "owner": owner, "raci": raci},
                {"objective": "la", "owner": "la_care", "raci": {**raci, "accountable": "la_care"}},
            ],
            "links": [{"departments": pair, "objectives": ["rep"]} for pair in links],
            "findings": [{"code": code, "subject": "rep", "message": code} for code in findings],
            "structure": {"model": model, "next": nxt, "current_model": model},
            "gap": [],
        }

    good = result("mkt", ["ceo"], [["ceo", "mkt"]], ["OD110"], "centralized", "centralized")
    bad = result("ceo", ["na_mkt"], [], [], "hub_and_spoke", "hub_and_spoke")
    checks = [
        ("owner", {"objective": "rep", "department": "mkt"}),
        ("not_owner", {"objective": "rep", "function": "executive"}),
        ("not_owner", {"objective": "rep", "department": "ceo"}),
        ("role", {"objective": "rep", "department": "ceo", "in": ["consulted"]}),
        ("not_role", {"objective": "rep", "department": "na_mkt", "in": ["consulted"]}),
        ("linked", ["mkt", "ceo"]),
        ("finding", {"code": "OD110", "subject": "rep"}),
        ("structure", {"recommended": "centralized"}),
        ("structure", {"next_not": ["hub_and_spoke"]}),
        ("kept", "rep"),
        ("regional_raci", "la"),
    ]
    for name, body in checks:
        assert CHECKERS[name](body, good, org) is None, (name, body)
        assert CHECKERS[name](body, bad, org), (name, body)
    assert CHECKERS["no_finding"]("OD110", bad, org) is None and CHECKERS["no_finding"]("OD110", good, org)
    assert CHECKERS["not_owner"]({"objective": "rep", "function": "communications"}, good, org)
