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
            f"expected a mapping with organization, departments and objectives, found {found}",
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
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "dict_type": "expected a mapping",
    "model_type": "expected a mapping",
    "model_attributes_type": "expected a mapping",
    "list_type": "expected a list",
    "tuple_type": "expected a list",
}


def _message(item: dict, loc: tuple, known_fields) -> str:
    kind = item["type"]
    value = item.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        known = known_fields(loc[:-1])
        return f"unknown field {str(loc[-1])!r}{did_you_mean(str(loc[-1]), known)}"
    if kind in _TYPE_WORDS:
        return f"{_TYPE_WORDS[kind]}, found {type_name(value)}"
    if kind == "literal_error" and loc == ("version",):
        return f"unsupported format version {value!r}; this orgdesign reads version 1"
    if kind == "string_pattern_mismatch":
        if loc and loc[-1] == "country":
            return f"{value!r} is not an ISO 3166 alpha-2 country code (two letters, e.g. MX)"
        if loc and loc[-2:-1] == ("skills",):
            return f"skill {value!r} must be letters, digits, spaces, '_' or '-'"
        if loc and loc[-1] == "id" and len(loc) == 3 and loc[0] == "rules":
            return f"{value!r} is not a valid rule id: pack.rule-name in lower case"
        if loc and loc[-1] == "pack":
            return f"{value!r} is not a valid pack name: lower-case letters, digits and '_'"
        if "evidence" in loc:
            return f"{value!r} is not an evidence id such as E10 or F1"
        return f"{value!r} is not a valid id: start with a letter, then letters, digits, '_' or '-'"
    if kind == "too_short" and isinstance(value, (list, tuple)):
        return f"must list at least {item['ctx']['min_length']}"
    if kind == "too_long" and isinstance(value, (list, tuple)):
        return f"lists {len(value)}; at most {item['ctx']['max_length']} are allowed"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long ({len(value)} characters; at most {item['ctx']['max_length']})"
    if kind == "value_error":
        return str(item["ctx"]["error"])
    if kind == "greater_than_equal":
        return f"{value!r} is too small: must be at least {item['ctx']['ge']}"
    if kind == "less_than_equal":
        return f"{value!r} is too large: must be at most {item['ctx']['le']}"
    if kind in ("finite_number",):
        return "must be a finite number"
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
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
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
            line, _ = source.locate((key, seen[ident], "id"))
            problems.append(
                source.diagnostic((key, index, "id"), f"duplicate id {ident!r} (first used on line {line})")
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
                    source.diagnostic(("departments", index, "reports_to"), "a department cannot report to itself")
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
                    other, _ = required_owner[objective]
                    problems.append(
                        source.diagnostic(
                            ("constraints", index, kind),
                            f"objective {objective!r} already must be owned by {other!r}; it can have only one owner",
                        )
                    )
                required_owner.setdefault(objective, (department, index))
    for (objective, kind, department), index in sorted(pairs.items()):
        if kind == "not_owner" and (objective, "owner", department) in pairs:
            problems.append(
                source.diagnostic(
                    ("constraints", index, kind),
                    f"{department!r} is both required and forbidden as owner of {objective!r}",
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
            problems.append(source.diagnostic(path, "a department cannot have a dotted line to itself"))
        elif target in seen:
            problems.append(source.diagnostic(path, f"lists {target!r} twice"))
        elif target == item.get("reports_to"):
            problems.append(
                source.diagnostic(path, f"already reports to {target!r}; a dotted line is to a second manager")
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
                    "reporting cycle: " + " -> ".join(ordered),
                )
            )
        for member in path:
            state[member] = 2
    return problems


__all__ = ["load_org", "parse_org", "pydantic_problems", "validate_data", "validate_source"]
