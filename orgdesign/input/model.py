"""The org file, version 1, as pydantic models.

Field names here are the file format: users write them by hand and tests rely
on them, so they only ever grow. Vocabulary fields (function, kind, region,
size, structure) are checked against the `Vocabulary` passed in the
validation context, so rule packs can add ids without a code change.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from orgdesign.i18n import _
from orgdesign.text import control, describe, hidden
from orgdesign.vocabulary import BUILTIN, FUNCTIONS, OBJECTIVE_KINDS, REGIONS, SIZES, STRUCTURES, Vocabulary, unknown

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_-]{0,63}$"

Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        description="A short id: a letter, then letters, digits, '_' or '-' (at most 64).",
    ),
]


def _vocabulary(info: ValidationInfo) -> Vocabulary:
    return (info.context or {}).get("vocabulary", BUILTIN)


def _in_vocabulary(value: str | None, info: ValidationInfo, what: str, attribute: str) -> str | None:
    """Refuse an id the vocabulary does not know, suggesting the closest one."""
    known = getattr(_vocabulary(info), attribute)
    if value is not None and value not in known:
        raise ValueError(unknown(what, value, known))
    return value


def _check_text(value: str, allowed: str = "") -> str:
    """Refuse control characters (but `allowed`), and characters nobody can see or that are not characters."""
    char = control(value, allowed)
    if char is not None:
        raise ValueError(
            _("contains the control character {character}; remove it").format(character=f"U+{ord(char):04X}")
        )
    char = hidden(value)
    if char is not None:
        if unicodedata.category(char) in ("Cn", "Cs"):
            raise ValueError(_("contains the non-character {character}; remove it").format(character=describe(char)))
        raise ValueError(_("contains the invisible character {character}; remove it").format(character=describe(char)))
    return value


_VOCABULARY_FIELDS = {
    "function": ("function", "functions"),
    "kind": ("objective kind", "objective_kinds"),
    "region": ("region", "regions"),
    "size": ("size", "sizes"),
    "structure": ("structure", "structures"),
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator(*_VOCABULARY_FIELDS, check_fields=False)
    @classmethod
    def _known(cls, value: str | None, info: ValidationInfo) -> str | None:
        """Vocabulary ids come from the validation context, so rule packs can add some."""
        what, attribute = _VOCABULARY_FIELDS[info.field_name]
        return _in_vocabulary(value, info, what, attribute)

    @field_validator("name", "industry", "business_unit", check_fields=False)
    @classmethod
    def _printable(cls, value: str | None) -> str | None:
        return value if value is None else _check_text(value)

    @field_validator("description", check_fields=False)
    @classmethod
    def _printable_text(cls, value: str) -> str:
        return _check_text(value, allowed="\t\n")

    @field_validator("headcount", "capacity", "priority", mode="before", check_fields=False)
    @classmethod
    def _numbers_are_not_booleans(cls, value):
        """Refuse `true` where a count or priority goes: pydantic would read it as 1."""
        if isinstance(value, bool):
            raise ValueError(_("expected a whole number, found {found}").format(found=str(value).lower()))
        return value

    @field_validator("name", "industry", "business_unit", "description", mode="before", check_fields=False)
    @classmethod
    def _numbers_are_text(cls, value):
        """A name written as a bare number in YAML (`name: 1984`) is still a name; ids are not."""
        is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
        return str(value) if is_number and value == value and abs(value) != float("inf") else value


class Organization(_Model):
    """The company as a whole."""

    name: str = Field(min_length=1, max_length=200, description="The company's name.")
    industry: str = Field(
        default="",
        max_length=80,
        description="Free text, e.g. airline, retail, consumer_goods, financial_services, manufacturing, software.",
    )
    region: str = Field(json_schema_extra={"enum": sorted(REGIONS)}, description="Home region.")
    country: str | None = Field(
        default=None, pattern=r"^[A-Z]{2}$", description="ISO 3166 alpha-2 country code, e.g. MX."
    )
    size: str = Field(json_schema_extra={"enum": list(SIZES)}, description="small, midmarket or enterprise.")
    regulated: bool = Field(
        default=False, description="True for a regulated industry (banking, insurance, health, utilities...)."
    )

    @field_validator("industry")
    @classmethod
    def _industry(cls, value: str) -> str:
        return value.strip().lower().replace(" ", "_").replace("-", "_")

    @field_validator("country", mode="before")
    @classmethod
    def _country_upper(cls, value):
        return value.upper() if isinstance(value, str) and len(value) == 2 else value


Skill = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9_ -]*$")]


class Department(_Model):
    """A unit of the company (or an external agency) that can own objectives."""

    id: Id
    name: str = Field(default="", max_length=200, description="Display name; the id when left out.")
    function: str = Field(json_schema_extra={"enum": list(FUNCTIONS)}, description="What the unit does.")
    also: tuple[str, ...] = Field(
        default=(),
        max_length=10,
        json_schema_extra={"items": {"enum": list(FUNCTIONS)}},
        description="Further functions the unit runs, e.g. communications for a Marketing & Communications unit.",
    )
    reports_to: Id | None = Field(default=None, description="Id of the department this one reports to.")
    dotted_to: tuple[Id, ...] = Field(
        default=(),
        max_length=20,
        json_schema_extra={"uniqueItems": True},
        description=(
            "Ids of departments this one also reports to on a dotted line (matrix reporting), "
            "e.g. an embedded social expert to the social hub; not part of the reporting tree."
        ),
    )
    headcount: int | None = Field(default=None, ge=0, le=10_000_000, description="People in the unit.")
    capacity: int | None = Field(
        default=None,
        ge=0,
        le=100,
        description="How many social media objectives it can own; derived from headcount when left out.",
    )
    skills: tuple[Skill, ...] = Field(
        default=(), max_length=50, description="Free-text tags rules can match: content, crisis, data..."
    )
    structure: str | None = Field(
        default=None,
        json_schema_extra={"enum": list(STRUCTURES)},
        description="How a social team organizes its people: network, function or audience.",
    )
    region: str | None = Field(
        default=None,
        json_schema_extra={"enum": sorted(REGIONS)},
        description="Region the unit serves, when it differs from the company's.",
    )
    business_unit: str | None = Field(default=None, max_length=80, description="Business unit it belongs to.")

    @field_validator("also")
    @classmethod
    def _known_functions(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        for function in value:
            _in_vocabulary(function, info, "function", "functions")
        if len(set(value)) != len(value):
            raise ValueError(_("lists a function twice"))
        if info.data.get("function") in value:
            raise ValueError(_("repeats the primary function {function}").format(function=repr(info.data["function"])))
        return tuple(sorted(value))

    @field_validator("dotted_to")
    @classmethod
    def _dotted_in_order(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        """Id order, so every chart built from it is deterministic; duplicates are refused when loading."""
        return tuple(sorted(set(value)))

    @property
    def functions(self) -> tuple[str, ...]:
        """The primary function first, then the further ones."""
        return (self.function, *self.also)

    @field_validator("skills")
    @classmethod
    def _normalize_skills(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted({skill.strip().lower().replace(" ", "_").replace("-", "_") for skill in value}))

    @property
    def label(self) -> str:
        """The name to show people."""
        return self.name or self.id


class Objective(_Model):
    """Something the company wants from social media."""

    id: Id
    name: str = Field(default="", max_length=200, description="Display name; the id when left out.")
    kind: str = Field(json_schema_extra={"enum": list(OBJECTIVE_KINDS)}, description="What kind of objective.")
    priority: int = Field(default=3, ge=1, le=5, description="1 (nice to have) to 5 (critical).")
    description: str = Field(default="", max_length=2000)
    region: str | None = Field(
        default=None,
        json_schema_extra={"enum": sorted(REGIONS)},
        description="Limit ownership to departments serving this region (for regional objectives).",
    )

    @property
    def label(self) -> str:
        return self.name or self.id


class Constraint(_Model):
    """A hard rule set by the user for one objective; exactly one of the three."""

    objective: Id
    owner: Id | None = Field(default=None, description="This department must own the objective.")
    not_owner: Id | None = Field(default=None, description="This department must not own the objective.")
    consulted: Id | None = Field(default=None, description="This department must be consulted.")

    @model_validator(mode="after")
    def _exactly_one(self) -> Constraint:
        given = [name for name in ("owner", "not_owner", "consulted") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(_("give exactly one of owner, not_owner or consulted"))
        return self

    @property
    def kind(self) -> str:
        return "owner" if self.owner else "not_owner" if self.not_owner else "consulted"

    @property
    def department(self) -> str:
        return self.owner or self.not_owner or self.consulted  # type: ignore[return-value]


class OrgFile(_Model):
    """An org file: the company, its departments, its social media objectives."""

    model_config = ConfigDict(title="orgdesign org file, version 1")

    version: Literal[1] = Field(default=1, description="Format version; 1.")
    organization: Organization
    departments: tuple[Department, ...] = Field(min_length=1)
    objectives: tuple[Objective, ...] = Field(min_length=1)
    current_owners: dict[Id, Id] = Field(
        default_factory=dict, description="Today's owner of each objective: {objective id: department id}."
    )
    constraints: tuple[Constraint, ...] = Field(default=(), description="Hard constraints on the answer.")

    def department(self, department_id: str) -> Department:
        return self._departments()[department_id]

    def _departments(self) -> dict[str, Department]:
        return {department.id: department for department in self.departments}
