"""load_org(): an org file on disk -> a validated `OrgFile`, or every problem in it.

Problems come from three layers, reported together: the file itself (see
source.py), the pydantic models (types, ranges, vocabulary), and references
between records (duplicate ids, dangling ids, reporting cycles, conflicting
constraints), which are checked on the raw data so they can be reported even
when some records are malformed.
"""

from __future__ import annotations

import warnings
from typing import Any

from pydantic import ValidationError

from orgdesign.errors import Diagnostic, InputError, InputWarning
from orgdesign.i18n import N_, _, ngettext
from orgdesign.input.lookalike import lookalikes
from orgdesign.input.model import OrgFile
from orgdesign.input.source import Source, load_source, parse_text
from orgdesign.vocabulary import BUILTIN, Vocabulary, did_you_mean, unknown


def load_org(path: str, vocabulary: Vocabulary = BUILTIN, display: str | None = None) -> OrgFile:
    """Read, parse and validate an org file (YAML, or JSON by extension)."""
    return validate_source(load_source(path, display), vocabulary)


def parse_org(text: str, name: str = "<string>", is_json: bool = False, vocabulary: Vocabulary = BUILTIN) -> OrgFile:
    """Validate an org file given as text (for notebooks and tests)."""
    return validate_source(parse_text(text, name, is_json), vocabulary)


def validate_data(data: Any, name: str = "<data>", vocabulary: Vocabulary = BUILTIN) -> OrgFile:
    """Validate an org that is already plain data (the interview builds one)."""
    return validate_source(Source(name, data, _marks={}), vocabulary)


def validate_source(source: Source, vocabulary: Vocabulary = BUILTIN) -> OrgFile:
    """Validate parsed data, raising one InputError that lists every problem."""
    if not isinstance(source.data, dict):
        found = type_name(source.data)
        raise InputError.single(
            source.name,
            _("expected a mapping with organization, departments and objectives, found {found}").format(found=found),
            *source.locate(()),
        )
    problems = reference_problems(source)
    try:
        org = OrgFile.model_validate(source.data, context={"vocabulary": vocabulary})
    except ValidationError as error:
        problems = pydantic_problems(source, error, _known_fields) + problems
        org = None
    if problems:
        raise InputError(_unique(problems))
    for warning in lookalikes(source, org):
        warnings.warn(InputWarning(warning), stacklevel=2)
    return org


def _unique(problems: list[Diagnostic]) -> list[Diagnostic]:
    return list(dict.fromkeys(problems))


# --- pydantic errors -> located diagnostics --------------------------------------


def pydantic_problems(source: Source, error: ValidationError, known_fields) -> list[Diagnostic]:
    """Each pydantic error as a located diagnostic; `known_fields(loc)` feeds "did you mean"."""
    items = error.errors(include_url=False)
    failed_items = {item["loc"][:-1] for item in items if len(item["loc"]) > 1 and isinstance(item["loc"][-1], int)}
    failed_items |= {item["loc"][:2] for item in items if len(item["loc"]) > 2 and isinstance(item["loc"][1], int)}
    problems = []
    for item in items:
        loc = item["loc"]
        if item["type"] == "too_short" and any(f[: len(loc)] == loc for f in failed_items):
            continue  # the list only looks short because its items failed; those are reported
        problems.append(source.diagnostic(loc, _message(item, loc, known_fields)))
    return problems


_TYPE_WORDS = {
    "string_type": N_("expected text, found {found}"),
    "int_type": N_("expected a whole number, found {found}"),
    "int_parsing": N_("expected a whole number, found {found}"),
    "int_from_float": N_("expected a whole number, found {found}"),
    "bool_type": N_("expected true or false, found {found}"),
    "bool_parsing": N_("expected true or false, found {found}"),
    "dict_type": N_("expected a mapping, found {found}"),
    "model_type": N_("expected a mapping, found {found}"),
    "model_attributes_type": N_("expected a mapping, found {found}"),
    "list_type": N_("expected a list, found {found}"),
    "tuple_type": N_("expected a list, found {found}"),
    "float_type": N_("expected a number, found {found}"),
    "float_parsing": N_("expected a number, found {found}"),
    "decimal_type": N_("expected a number, found {found}"),
    "decimal_parsing": N_("expected a number, found {found}"),
}


def _message(item: dict, loc: tuple, known_fields) -> str:
    kind = item["type"]
    value = item.get("input")
    if kind == "missing":
        return _("required field is missing")
    if kind == "extra_forbidden":
        known = known_fields(loc[:-1])
        return _("unknown field {value}").format(value=repr(str(loc[-1]))) + did_you_mean(str(loc[-1]), known)
    if kind in _TYPE_WORDS:
        return _(_TYPE_WORDS[kind]).format(found=type_name(value))
    if kind == "literal_error" and loc == ("version",):
        return _("unsupported format version {value}; this orgdesign reads version 1").format(value=repr(value))
    if kind == "string_pattern_mismatch":
        if loc and loc[-1] == "country":
            return _("{value} is not an ISO 3166 alpha-2 country code (two letters, e.g. MX)").format(value=repr(value))
        if loc and loc[-2:-1] == ("skills",):
            return _("skill {value} must be letters, digits, spaces, '_' or '-'").format(value=repr(value))
        if loc and loc[-1] == "id" and len(loc) == 3 and loc[0] == "rules":
            return _("{value} is not a valid rule id: pack.rule-name in lower case").format(value=repr(value))
        if loc and loc[-1] == "pack":
            return _("{value} is not a valid pack name: lower-case letters, digits and '_'").format(value=repr(value))
        if "evidence" in loc:
            return _("{value} is not an evidence id such as E10 or F1").format(value=repr(value))
        return _("{value} is not a valid id: start with a letter, then letters, digits, '_' or '-'").format(
            value=repr(value)
        )
    if kind == "too_short" and isinstance(value, (list, tuple)):
        least = item["ctx"]["min_length"]
        return ngettext("must list at least {count}", "must list at least {count}", least).format(count=least)
    if kind == "too_long" and isinstance(value, (list, tuple)):
        most = item["ctx"]["max_length"]
        return ngettext(
            "lists {listed}; at most {count} is allowed", "lists {listed}; at most {count} are allowed", most
        ).format(listed=len(value), count=most)
    if kind == "string_too_short":
        return _("must not be empty")
    if kind == "string_too_long":
        return _("is too long ({length} characters; at most {most})").format(
            length=len(value), most=item["ctx"]["max_length"]
        )
    if kind == "value_error":
        return str(item["ctx"]["error"])
    if kind == "greater_than_equal":
        return _("{value} is too small: must be at least {least}").format(value=repr(value), least=item["ctx"]["ge"])
    if kind == "less_than_equal":
        return _("{value} is too large: must be at most {most}").format(value=repr(value), most=item["ctx"]["le"])
    if kind in ("finite_number",):
        return _("must be a finite number")
    return _other(kind, item, value)


def _other(kind: str, item: dict, value: Any) -> str:
    """Our own words for the rarer pydantic error types; pydantic's English for the rest."""
    ctx = item.get("ctx") or {}
    if kind == "greater_than":
        return _("{value} is too small: must be greater than {limit}").format(value=repr(value), limit=ctx["gt"])
    if kind == "less_than":
        return _("{value} is too large: must be less than {limit}").format(value=repr(value), limit=ctx["lt"])
    if kind == "multiple_of":
        return _("{value} must be a multiple of {multiple}").format(value=repr(value), multiple=ctx["multiple_of"])
    if kind in ("literal_error", "enum"):
        return _("{value} is not allowed here: expected {expected}").format(value=repr(value), expected=ctx["expected"])
    if kind == "decimal_max_places":
        places = ctx["decimal_places"]
        return ngettext("use at most {count} decimal", "use at most {count} decimals", places).format(count=places)
    if kind == "decimal_max_digits":
        digits = ctx["max_digits"]
        return ngettext("use at most {count} digit", "use at most {count} digits", digits).format(count=digits)
    if kind == "too_short":
        least = ctx["min_length"]
        return ngettext("must have at least {count} entry", "must have at least {count} entries", least).format(
            count=least
        )
    if kind == "too_long":
        most = ctx["max_length"]
        return ngettext("must have at most {count} entry", "must have at most {count} entries", most).format(count=most)
    return item["msg"][:1].lower() + item["msg"][1:]


def _known_fields(loc: tuple) -> list[str]:
    from orgdesign.input import model

    cls = model.OrgFile
    nested = {
        "organization": model.Organization,
        "departments": model.Department,
        "objectives": model.Objective,
        "constraints": model.Constraint,
    }
    for part in loc:
        if isinstance(part, str):
            cls = nested.get(part, cls)
    return list(cls.model_fields)


def type_name(value: Any) -> str:
    if value is None:
        return _("nothing (null)")
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=repr(value))
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return _("the text {value}").format(value=repr(shown))
    if isinstance(value, (list, tuple)):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return type(value).__name__


# --- references between records --------------------------------------------------


def _records(data: dict, key: str) -> list[tuple[int, dict]]:
    items = data.get(key)
    if not isinstance(items, list):
        return []
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]


def _ids(source: Source, key: str, problems: list[Diagnostic]) -> dict[str, int]:
    """Map id -> index for one list of records, reporting duplicates."""
    seen: dict[str, int] = {}
    for index, item in _records(source.data, key):
        ident = item.get("id")
        if not isinstance(ident, str):
            continue
        if ident in seen:
            line, _column = source.locate((key, seen[ident], "id"))
            problems.append(
                source.diagnostic(
                    (key, index, "id"),
                    _("duplicate id {value} (first used on line {line})").format(value=repr(ident), line=line),
                )
            )
        else:
            seen[ident] = index
    return seen


def reference_problems(source: Source) -> list[Diagnostic]:
    """Duplicate ids, dangling references, reporting cycles, conflicting constraints."""
    data = source.data
    problems: list[Diagnostic] = []
    departments = _ids(source, "departments", problems)
    objectives = _ids(source, "objectives", problems)

    def check(path, value, known, what):
        if isinstance(value, str) and value not in known:
            problems.append(source.diagnostic(path, unknown(what, value, known)))

    parent: dict[str, str] = {}
    for index, item in _records(data, "departments"):
        boss = item.get("reports_to")
        check(("departments", index, "reports_to"), boss, departments, "department")
        if isinstance(boss, str) and isinstance(item.get("id"), str):
            if boss == item["id"]:
                problems.append(
                    source.diagnostic(("departments", index, "reports_to"), _("a department cannot report to itself"))
                )
            elif boss in departments:
                parent.setdefault(item["id"], boss)
    problems += _cycles(source, parent, departments)
    for index, item in _records(data, "departments"):
        problems += _dotted_problems(source, index, item, departments)

    owners = data.get("current_owners")
    if isinstance(owners, dict):
        for objective, department in owners.items():
            check(("current_owners", objective), objective, objectives, "objective")
            check(("current_owners", objective), department, departments, "department")

    required_owner: dict[str, tuple[str, int]] = {}
    pairs: dict[tuple[str, str, str], int] = {}
    for index, item in _records(data, "constraints"):
        objective = item.get("objective")
        check(("constraints", index, "objective"), objective, objectives, "objective")
        for kind in ("owner", "not_owner", "consulted"):
            department = item.get(kind)
            check(("constraints", index, kind), department, departments, "department")
            if not (isinstance(objective, str) and isinstance(department, str)):
                continue
            pairs[(objective, kind, department)] = index
            if kind == "owner":
                if objective in required_owner and required_owner[objective][0] != department:
                    other, _index = required_owner[objective]
                    problems.append(
                        source.diagnostic(
                            ("constraints", index, kind),
                            _(
                                "objective {objective} already must be owned by {department}; "
                                "it can have only one owner"
                            ).format(objective=repr(objective), department=repr(other)),
                        )
                    )
                required_owner.setdefault(objective, (department, index))
    for (objective, kind, department), index in sorted(pairs.items()):
        if kind == "not_owner" and (objective, "owner", department) in pairs:
            problems.append(
                source.diagnostic(
                    ("constraints", index, kind),
                    _("{department} is both required and forbidden as owner of {objective}").format(
                        department=repr(department), objective=repr(objective)
                    ),
                )
            )
    return problems


def _dotted_problems(source: Source, index: int, item: dict, departments: dict[str, int]) -> list[Diagnostic]:
    """Dotted lines name known departments, each once, never the department itself or its manager.

    Cycles through dotted lines are fine: they are not the reporting tree.
    """
    dotted = item.get("dotted_to")
    if not isinstance(dotted, list):
        return []
    problems = []
    seen: set[str] = set()
    for position, target in enumerate(dotted):
        path = ("departments", index, "dotted_to", position)
        if not isinstance(target, str):
            continue
        if target not in departments:
            problems.append(source.diagnostic(path, unknown("department", target, departments)))
        elif target == item.get("id"):
            problems.append(source.diagnostic(path, _("a department cannot have a dotted line to itself")))
        elif target in seen:
            problems.append(source.diagnostic(path, _("lists {department} twice").format(department=repr(target))))
        elif target == item.get("reports_to"):
            problems.append(
                source.diagnostic(
                    path,
                    _("already reports to {department}; a dotted line is to a second manager").format(
                        department=repr(target)
                    ),
                )
            )
        seen.add(target)
    return problems


def _cycles(source: Source, parent: dict[str, str], index_of: dict[str, int]) -> list[Diagnostic]:
    """Report each reporting cycle once, at its alphabetically first member."""
    problems = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in sorted(parent):
        path = []
        node = start
        while node in parent and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = parent[node]
        if state.get(node) == 1:
            cycle = path[path.index(node) :]
            first = min(cycle)
            turn = cycle.index(first)
            ordered = cycle[turn:] + cycle[:turn] + [first]
            problems.append(
                source.diagnostic(
                    ("departments", index_of[first], "reports_to"),
                    _("reporting cycle: {cycle}").format(cycle=" -> ".join(ordered)),
                )
            )
        for member in path:
            state[member] = 2
    return problems


__all__ = ["load_org", "parse_org", "pydantic_problems", "validate_data", "validate_source"]
