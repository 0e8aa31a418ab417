"""What a rule pack may say, as pydantic models with unknown keys refused.

A condition is a small tree: `all`, `any` and `not` over predicates. Each
predicate names one field of the objective, the department or the
organization and a list of values it may take (any of them matches). There is
no expression language and nothing is ever evaluated as code.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from orgdesign.i18n import N_, _, language

RULE_ID = r"^[a-z][a-z0-9_]*\.[a-z0-9][a-z0-9_-]*$"

# predicate key -> what it tests; the matcher reads this table.
PREDICATES: dict[str, str] = {
    "objective.kind": "the objective's kind is one of these",
    "objective.region": "the region the objective serves (the company's when not given)",
    "department.function": "the department's function is one of these",
    "department.skills": "the department has at least one of these skills",
    "department.structure": "the department (a social team) is organized this way",
    "department.region": "the region the department serves (the company's when not given)",
    "department.other_region": "the department serves another region than the objective (true or false)",
    "org.region": "the company's home region",
    "org.country": "the company's country code",
    "org.size": "the company's size",
    "org.industry": "the company's industry",
    "org.regulated": "the company declares a regulated industry (true or false)",
    "org.has_function": "the org has at least one department with one of these functions",
}

_FLAGS = ("org.regulated", "department.other_region")  # predicates that take true or false
_Values = list[str] | None


@functools.cache
def _aliases(cls: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(field name, key as written in packs) per field; pydantic's model_fields is slow to ask often."""
    return tuple((name, field.alias or name) for name, field in cls.model_fields.items())


def _given(model: BaseModel) -> list[str]:
    """The fields set to something, in declaration order."""
    return [name for name, _alias in _aliases(type(model)) if getattr(model, name) is not None]


class Condition(BaseModel):
    """Exactly one of: all, any, not, or one predicate."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    all_: list[Condition] | None = Field(default=None, alias="all", min_length=1)
    any_: list[Condition] | None = Field(default=None, alias="any", min_length=1)
    not_: Condition | None = Field(default=None, alias="not")
    objective_kind: _Values = Field(default=None, alias="objective.kind", min_length=1)
    objective_region: _Values = Field(default=None, alias="objective.region", min_length=1)
    department_function: _Values = Field(default=None, alias="department.function", min_length=1)
    department_skills: _Values = Field(default=None, alias="department.skills", min_length=1)
    department_structure: _Values = Field(default=None, alias="department.structure", min_length=1)
    department_region: _Values = Field(default=None, alias="department.region", min_length=1)
    department_other_region: bool | None = Field(default=None, alias="department.other_region")
    org_region: _Values = Field(default=None, alias="org.region", min_length=1)
    org_country: _Values = Field(default=None, alias="org.country", min_length=1)
    org_size: _Values = Field(default=None, alias="org.size", min_length=1)
    org_industry: _Values = Field(default=None, alias="org.industry", min_length=1)
    org_regulated: bool | None = Field(default=None, alias="org.regulated")
    org_has_function: _Values = Field(default=None, alias="org.has_function", min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _single_values_become_lists(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {
                key: [value] if key in PREDICATES and key not in _FLAGS and isinstance(value, str) else value
                for key, value in data.items()
            }
        return data

    @model_validator(mode="after")
    def _exactly_one(self) -> Condition:
        given = _given(self)
        if len(given) != 1:
            aliases = dict(_aliases(type(self)))
            keys = ", ".join(aliases[name] for name in given) or _("nothing")
            raise ValueError(
                _("a condition holds exactly one of all, any, not or a predicate; found {keys}").format(keys=keys)
            )
        return self

    def item(self) -> tuple[str, Any]:
        """The one (key, value) this condition holds, with the key as written in packs."""
        for name, alias in _aliases(type(self)):
            value = getattr(self, name)
            if value is not None:
                return alias, value
        raise AssertionError("validated conditions hold one item")


ROLES = ("responsible", "consulted", "informed")


class Effect(BaseModel):
    """Exactly one of: an owner fit contribution, a RACI role weight, or a hard constraint."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    owner: Decimal | None = Field(default=None, ge=-100, le=100, description="Fit contribution for owning.")
    responsible: Decimal | None = Field(default=None, gt=0, le=100)
    consulted: Decimal | None = Field(default=None, gt=0, le=100)
    informed: Decimal | None = Field(default=None, gt=0, le=100)
    fallback: Decimal | None = Field(
        default=None,
        gt=0,
        le=100,
        description="Fit that counts only where no department fits the objective at all (a named fallback).",
    )
    forbid_owner: bool | None = Field(default=None, description="The department must not own the objective.")
    require_consulted: bool | None = Field(default=None, description="A department like this must be consulted.")

    @field_validator("owner", "responsible", "consulted", "informed", "fallback")
    @classmethod
    def _two_decimals(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and (value * 100) != (value * 100).to_integral_value():
            raise ValueError(_("use at most two decimals"))
        return value

    @field_validator("forbid_owner", "require_consulted")
    @classmethod
    def _only_true(cls, value: bool | None) -> bool | None:
        if value is False:
            raise ValueError(_("write true, or leave the rule out"))
        return value

    @model_validator(mode="after")
    def _exactly_one(self) -> Effect:
        given = _given(self)
        if len(given) != 1:
            raise ValueError(
                _(
                    "an effect holds exactly one of owner, responsible, consulted, informed, fallback, forbid_owner, "
                    "require_consulted; found {keys}"
                ).format(keys=", ".join(given) or _("nothing"))
            )
        return self

    @property
    def kind(self) -> str:
        return _given(self)[0]

    @property
    def amount(self) -> Decimal:
        value = getattr(self, self.kind)
        return Decimal(0) if isinstance(value, bool) else value

    def describe(self) -> str:
        """`owner +3`, `consulted 2`, `forbid owner`, in the language in use."""
        if self.kind in _EFFECT_WORDS:
            signed = self.kind == "owner"
            return _(_EFFECT_WORDS[self.kind]).format(amount=_amount(self.amount, signed))
        return _(_EFFECT_FLAGS[self.kind]) if self.kind in _EFFECT_FLAGS else self.kind.replace("_", " ")


_EFFECT_WORDS = {
    "owner": N_("owner {amount}"),
    "responsible": N_("responsible {amount}"),
    "consulted": N_("consulted {amount}"),
    "informed": N_("informed {amount}"),
    "fallback": N_("fallback {amount}"),
}
_EFFECT_FLAGS = {"forbid_owner": N_("forbid owner"), "require_consulted": N_("require consulted")}


def _amount(amount: Decimal, signed: bool) -> str:
    """A rule's amount as the pack writes it (`+3`, `1.5`), with the language's decimal sign."""
    shown = f"{amount:+}" if signed else f"{amount}"
    if language() == "en":
        return shown
    from babel.numbers import get_decimal_symbol

    return shown.replace(".", get_decimal_symbol(language()))


class Rule(BaseModel):
    """One rule of a pack."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=RULE_ID, description="pack.rule-name, stable once published")
    title: str = Field(min_length=3, max_length=120)
    when: Condition
    effect: Effect
    rationale: str = Field(min_length=10, max_length=400)
    evidence: list[str] = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list, description="Former ids that still find this rule.")

    @field_validator("evidence")
    @classmethod
    def _known_evidence(cls, value: list[str]) -> list[str]:
        from orgdesign.evidence import EVIDENCE
        from orgdesign.vocabulary import unknown

        for evidence_id in value:
            if evidence_id not in EVIDENCE:
                raise ValueError(unknown("evidence id", evidence_id, EVIDENCE))
        return value


class VocabularyExtension(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    functions: list[str] = Field(default_factory=list)
    objective_kinds: list[str] = Field(default_factory=list)


class Pack(BaseModel):
    """A rule pack file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pack: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="The pack's name: the prefix of its rule ids.")
    description: str = ""
    rules: list[Rule] = Field(default_factory=list)
    disable: list[str] = Field(default_factory=list, description="Ids of rules from other packs to switch off.")
    vocabulary: VocabularyExtension = Field(default_factory=VocabularyExtension)
