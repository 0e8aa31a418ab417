"""The shape of `recommend --format json`, as pydantic models: its JSON Schema is generated from them.

`orgdesign schema report` prints `report_schema()`; the tests validate every
bundled example's JSON against it, so the documented contract and the output
cannot drift apart. Extra fields are refused, so a new field must be added
here (and in docs/output.md) before the report may carry it.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from orgdesign.present.view import FORMAT_VERSION


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Reason(_Strict):
    rule: str = Field(description="the rule id")
    contribution: float = Field(description="its contribution to the fit")
    rationale: str
    evidence: list[str]


class Raci(_Strict):
    responsible: list[str]
    accountable: str
    consulted: list[str]
    informed: list[str]


class RunnerUp(_Strict):
    department: str
    department_name: str
    score: float = Field(description="the runner-up's fit (the same as `fit`)")
    fit: float
    margin: float = Field(description="the owner's fit minus the runner-up's; negative when capacity decided")
    tie_break: Literal["today", "order"] | None


class Flip(_Strict):
    kind: Literal["rule_weight"]
    department: str
    department_name: str
    fit_increase: float


class Robustness(_Strict):
    fragile: bool
    tie: bool
    flip: Flip | None


class Assignment(_Strict):
    objective: str
    objective_name: str
    kind: str
    priority: int = Field(ge=1, le=5)
    owner: str
    owner_name: str
    score: float = Field(description="the owner's fit (the same as `fit`)")
    fit: float
    runner_up: RunnerUp | None
    robustness: Robustness | None
    raci: Raci = Field(description="department ids per role")
    raci_names: Raci = Field(description="the same, as department names")
    reasons: list[Reason] = Field(description="the rules that matched the owner; they add up to `fit`")


class Link(_Strict):
    departments: list[str] = Field(min_length=2, max_length=2)
    department_names: list[str] = Field(min_length=2, max_length=2)
    objectives: list[str]
    objective_names: list[str]


class Finding(_Strict):
    code: str
    name: str
    severity: Literal["error", "warning", "info"]
    subject: str
    subject_name: str | None
    message: str
    help: str
    evidence: list[str]


class Proposal(_Strict):
    kind: Literal["social_hub", "embedded_expert"]
    id: str
    name: str
    reports_to: str
    reports_to_name: str
    dotted_to: list[str]
    reason: str
    evidence: list[str]


class Structure(_Strict):
    model: str
    why: list[str]
    next: str
    next_why: list[str]
    current_model: str | None
    current_why: list[str]
    proposals: list[Proposal]
    evidence: list[str]


class Forced(_Strict):
    kind: Literal["rule", "constraint", "region", "capacity", "load"]
    detail: str


class GapItem(_Strict):
    objective: str
    objective_name: str
    current: str
    current_name: str
    recommended: str
    recommended_name: str
    changed: bool
    current_score: float = Field(description="today's owner's fit (the same as `current_fit`)")
    recommended_score: float = Field(description="the recommended owner's fit (the same as `recommended_fit`)")
    current_fit: float
    recommended_fit: float
    why: list[Reason]
    forced_by: list[Forced]


class Summary(_Strict):
    model: str
    current_model: str | None
    changes_owner: int | None = Field(description="objectives whose owner changes; null without current owners")
    findings_to_act_on: int = Field(description="errors and warnings")


class Evidence(_Strict):
    id: str
    summary: str
    citation: str


class Report(_Strict):
    """The document `orgdesign recommend --format json` writes."""

    orgdesign: str = Field(description="the version that wrote the document")
    format: Literal[FORMAT_VERSION] = Field(description="the version of this format")  # type: ignore[valid-type]
    organization: str
    total_fit: float
    summary: Summary
    assignments: list[Assignment]
    links: list[Link]
    findings: list[Finding]
    structure: Structure
    gap: list[GapItem]
    evidence: list[Evidence]


def report_schema() -> dict[str, Any]:
    """The JSON Schema of the report, named and versioned by its `format`."""
    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"orgdesign recommend --format json, format {FORMAT_VERSION}"
    return schema
