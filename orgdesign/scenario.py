"""What-if scenarios from the command line, applied to an org file's data before validation.

    --set departments.social.capacity=4    change one field (organization.*, departments.ID.*,
                                           objectives.ID.*, current_owners.OBJECTIVE)
    --without agency                       drop a department; its reports move up to its manager
    --with social_media                    add a department of that function, with defaults

Mistakes in these options are reported like mistakes in a file, against
`<command line>`; a value that fails validation is reported against the
option that set it, not against the file.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from .errors import Diagnostic, InputError, UsageError
from .model import Department, Objective, Organization, OrgFile
from .source import Source, format_path, load_source, parse_text
from .vocabulary import BUILTIN, Vocabulary, unknown

COMMAND_LINE = "<command line>"


@dataclass(frozen=True)
class WhatIf:
    """Changes to apply to an org before it is solved."""

    sets: tuple[str, ...] = ()
    without: tuple[str, ...] = ()
    with_: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sets or self.without or self.with_)

    def describe(self) -> str:
        parts = [f"--set {s}" for s in self.sets] + [f"--without {w}" for w in self.without]
        return " ".join(parts + [f"--with {w}" for w in self.with_])


def load_scenario(path: str, what_if: WhatIf = WhatIf(), vocabulary: Vocabulary = BUILTIN) -> OrgFile:
    """Load an org file, apply the what-ifs, and validate the result."""
    from .load import validate_source

    source = load_source(path)
    if not what_if:
        return validate_source(source, vocabulary)
    if not isinstance(source.data, dict):
        return validate_source(source, vocabulary)  # reports the wrong top level
    changed, origins = apply(source, what_if, vocabulary)
    try:
        return validate_source(changed, vocabulary)
    except InputError as error:
        raise InputError([_attribute(d, origins) for d in error.diagnostics]) from None


def apply(source: Source, what_if: WhatIf, vocabulary: Vocabulary) -> tuple[Source, dict[str, str]]:
    """A new Source with the changes made, and which option set each changed field."""
    data = copy.deepcopy(source.data)
    marks = {path: mark for path, mark in _marks(source).items()}
    origins: dict[str, str] = {}
    for department in what_if.without:
        marks = _drop(data, department, marks)
    for function in what_if.with_:
        _add(data, function, vocabulary)
    for assignment in what_if.sets:
        path = _set(data, assignment)
        origins[format_path(path)] = assignment
    return Source(source.name, data, source.text, source.is_json, marks), origins


def _marks(source: Source) -> dict:
    source.locate(())  # computes the marks of a JSON file
    return dict(source._marks or {})


def _records(data: dict, key: str) -> list:
    records = data.get(key)
    return records if isinstance(records, list) else []


def _index(data: dict, key: str, ident: str, option: str) -> int:
    for index, record in enumerate(_records(data, key)):
        if isinstance(record, dict) and record.get("id") == ident:
            return index
    known = [r.get("id") for r in _records(data, key) if isinstance(r, dict) and isinstance(r.get("id"), str)]
    raise UsageError(option, unknown(key[:-1], ident, known))


def _drop(data: dict, ident: str, marks: dict) -> dict:
    """Remove a department; reports move to its manager; owners and constraints naming it go."""
    option = f"--without {ident}"
    index = _index(data, "departments", ident, option)
    gone = data["departments"].pop(index)
    manager = gone.get("reports_to")
    for record in _records(data, "departments"):
        if isinstance(record, dict) and record.get("reports_to") == ident:
            if manager is None:
                record.pop("reports_to", None)
            else:
                record["reports_to"] = manager
    owners = data.get("current_owners")
    if isinstance(owners, dict):
        data["current_owners"] = {o: d for o, d in owners.items() if d != ident}
    if isinstance(data.get("constraints"), list):
        data["constraints"] = [
            c for c in data["constraints"]
            if not (isinstance(c, dict) and ident in (c.get("owner"), c.get("not_owner"), c.get("consulted")))
        ]
    moved = {}
    for path, mark in marks.items():
        if len(path) >= 2 and path[0] == "departments" and isinstance(path[1], int):
            if path[1] == index:
                continue
            if path[1] > index:
                path = ("departments", path[1] - 1, *path[2:])
        moved[path] = mark
    return moved


def _add(data: dict, function: str, vocabulary: Vocabulary) -> None:
    """Add a department of this function under the top of the reporting tree."""
    option = f"--with {function}"
    if function not in vocabulary.functions:
        raise UsageError(option, unknown("function", function, vocabulary.functions))
    departments = _records(data, "departments")
    taken = {r.get("id") for r in departments if isinstance(r, dict)}
    ident, number = function, 2
    while ident in taken:
        ident, number = f"{function}_{number}", number + 1
    roots = sorted(r["id"] for r in departments if isinstance(r, dict) and isinstance(r.get("id"), str)
                   and not r.get("reports_to"))
    label = {"social_media": "Social media team", "rnd": "R&D", "hr": "HR", "it": "IT"}.get(
        function, function.replace("_", " ").capitalize()
    )
    record = {"id": ident, "name": f"{label} (what-if)", "function": function}
    if roots:
        record["reports_to"] = roots[0]
    if function == "social_media":
        record["structure"] = "function"
    departments.append(record)
    data["departments"] = departments


_FIELDS = {
    "organization": Organization,
    "departments": Department,
    "objectives": Objective,
}


def _set(data: dict, assignment: str) -> tuple:
    """Apply one `path=value`; return the data path it changed."""
    option = f"--set {assignment}"
    if "=" not in assignment:
        raise UsageError(option, "expected PATH=VALUE, e.g. departments.social.capacity=4")
    where, raw = assignment.split("=", 1)
    parts = where.strip().split(".")
    value = _value(raw, option)
    head = parts[0]
    if head == "organization" and len(parts) == 2:
        _field(parts[1], Organization, option)
        if not isinstance(data.get("organization"), dict):
            data["organization"] = {}
        data["organization"][parts[1]] = value
        return ("organization", parts[1])
    if head in ("departments", "objectives") and len(parts) == 3:
        index = _index(data, head, parts[1], option)
        _field(parts[2], _FIELDS[head], option)
        data[head][index][parts[2]] = value
        return (head, index, parts[2])
    if head == "current_owners" and len(parts) == 2:
        _index(data, "objectives", parts[1], option)
        owners = data.get("current_owners") if isinstance(data.get("current_owners"), dict) else {}
        owners[parts[1]] = value
        data["current_owners"] = owners
        return ("current_owners", parts[1])
    raise UsageError(
        option,
        f"unknown path {where!r}; use organization.FIELD, departments.ID.FIELD, objectives.ID.FIELD "
        "or current_owners.OBJECTIVE",
    )


def _field(name: str, model, option: str) -> None:
    if name not in model.model_fields or name == "id":
        choices = [f for f in model.model_fields if f != "id"]
        raise UsageError(option, unknown("field", name, choices))


def _value(raw: str, option: str):
    """A YAML scalar or flow list, read as safely as a file."""
    try:
        return parse_text(f"value: {raw}" if raw.strip() else "value: null", COMMAND_LINE).data.get("value")
    except InputError as error:
        raise UsageError(option, error.diagnostics[0].message) from None


def _attribute(diagnostic: Diagnostic, origins: dict[str, str]) -> Diagnostic:
    """A problem in a field that an option set belongs to the option, not to the file."""
    for field, assignment in origins.items():
        if diagnostic.field == field or diagnostic.field.startswith((field + ".", field + "[")):
            return Diagnostic(COMMAND_LINE, None, None, f"--set {assignment}", diagnostic.message)
    return diagnostic
