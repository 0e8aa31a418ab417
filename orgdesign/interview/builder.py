"""The org file that complete answers describe: plain data for validation, and its YAML text."""

from __future__ import annotations

from orgdesign.i18n import N_, _
from orgdesign.interview.questions import NOBODY, Answers, department_names
from orgdesign.interview.wording import OBJECTIVE_DEFAULTS, SOCIAL_TEAM
from orgdesign.vocabulary import OBJECTIVE_KINDS

ORG_HEADER = N_(
    "Written by orgdesign interview. Edit it freely: the format is described in docs/format.md,\n"
    "and `orgdesign validate` checks it."
)


def build_org(answers: Answers) -> dict:
    """The org file the complete answers describe, as plain data for `validate_data` and YAML."""
    organization = {"name": answers["company.name"]}
    if answers["company.industry"]:
        organization["industry"] = answers["company.industry"]
    organization["region"] = answers["company.region"]
    if answers["company.country"]:
        organization["country"] = answers["company.country"].upper()
    organization["size"] = answers["company.size"]
    organization["regulated"] = answers["company.regulated"]

    functions = answers["functions"]
    root = "executive" if "executive" in functions else None
    departments = []
    for ident in department_names(answers):
        department = {"id": ident, "name": answers[f"department.{ident}.name"], "function": ident}
        boss = answers["social.reports_to"] if ident == SOCIAL_TEAM else root
        if boss and boss != ident:
            department["reports_to"] = boss
        department["headcount"] = answers[f"department.{ident}.headcount"]
        if f"department.{ident}.capacity" in answers:
            department["capacity"] = answers[f"department.{ident}.capacity"]
        if ident == SOCIAL_TEAM:
            department["structure"] = answers["social.structure"]
        departments.append(department)

    kinds = answers["objectives"]
    objectives = [
        {
            "id": kind,
            "name": _(OBJECTIVE_DEFAULTS[kind].name),
            "kind": kind,
            "priority": answers[f"objective.{kind}.priority"],
            "description": _(OBJECTIVE_KINDS[kind]),
        }
        for kind in kinds
    ]
    data = {"version": 1, "organization": organization, "departments": departments, "objectives": objectives}
    owners = {kind: answers[f"objective.{kind}.owner"] for kind in kinds}
    owners = {kind: owner for kind, owner in owners.items() if owner != NOBODY}
    if owners:
        data["current_owners"] = owners
    return data


def org_yaml(data: dict) -> str:
    """The org file's text: YAML in the order people read it, under a short header."""
    import yaml

    header = "".join(f"# {line}\n" for line in _(ORG_HEADER).splitlines())
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
