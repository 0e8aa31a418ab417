"""What-if scenarios, applied to an org file's data before validation.

    set departments.social.capacity=4    change one field (organization.*, departments.ID.*,
                                         objectives.ID.*, current_owners.OBJECTIVE)
    without agency                       drop a department; its reports move up to its manager
    with social_media                    add a department of that function, with defaults
    pin care=customer_service            this department must own the objective (a constraint)
    forbid care=agency                   this department must not own the objective (a constraint)

A pin replaces any owner the file pins for that objective, and lifts a ban on
that department; a ban lifts a pin to that department. Objectives and
departments may be named by id or by name.

The command line spells them `--set`, `--without`, `--with`, `--pin` and `--forbid`. Mistakes are
reported like mistakes in a file, against the what-if's origin (the command
line, say); a value that fails validation is reported against the change that
set it, not against the file.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace

from orgdesign.errors import Diagnostic, InputError
from orgdesign.i18n import _
from orgdesign.input.model import Department, Objective, Organization, OrgFile
from orgdesign.input.source import Source, format_path, load_source, parse_text
from orgdesign.vocabulary import BUILTIN, Vocabulary, unknown, unknown_id


@dataclass(frozen=True)
class WhatIf:
    """Changes to apply to an org before it is solved."""

    sets: tuple[str, ...] = ()
    without: tuple[str, ...] = ()
    with_: tuple[str, ...] = ()
    pin: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    origin: str = "<what-if>"  # where problems are reported: the command line, a web form...
    flag: str = ""  # how the caller spells a change's verb: "--" on the command line

    def __bool__(self) -> bool:
        return bool(self.sets or self.without or self.with_ or self.pin or self.forbid)

    def label(self, verb: str, value: str) -> str:
        """One change as its author wrote it, e.g. `--set departments.social.capacity=4`."""
        return f"{self.flag}{verb} {value}"

    def describe(self) -> str:
        return " ".join(self.label(verb, value) for verb, value in self.changes())

    def changes(self) -> list[tuple[str, str]]:
        """(verb, value) for every change, in the order `apply` makes them."""
        return (
            [("without", w) for w in self.without]
            + [("with", w) for w in self.with_]
            + [("set", s) for s in self.sets]
            + [("pin", p) for p in self.pin]
            + [("forbid", f) for f in self.forbid]
        )


class _Refused(Exception):
    """A change that cannot be made; `apply` reports it at the what-if's origin."""

    def __init__(self, option: str, message: str):
        self.option, self.message = option, message


def load_scenario(path: str, what_if: WhatIf = WhatIf(), vocabulary: Vocabulary = BUILTIN) -> OrgFile:
    """Load an org file, apply the what-ifs, and validate the result."""
    from orgdesign.input.load import validate_source

    source = load_source(path)
    if not what_if or not isinstance(source.data, dict):  # a wrong top level is the file's to report
        return validate_source(source, vocabulary)
    return apply_and_validate(source, what_if, vocabulary)[0]


def apply_and_validate(source: Source, what_if: WhatIf, vocabulary: Vocabulary) -> tuple[OrgFile, Source]:
    """The org with the what-ifs made, validated, and the changed data it came from (what "save as" writes).

    A problem is blamed on the what-if that caused it, or on the file when the file already had it.
    """
    from orgdesign.input.load import validate_source

    changed, origins = apply(source, what_if, vocabulary)
    try:
        return validate_source(changed, vocabulary), changed
    except InputError as error:
        raise InputError(_blame(error.diagnostics, source, what_if, vocabulary, origins)) from None


def apply(source: Source, what_if: WhatIf, vocabulary: Vocabulary) -> tuple[Source, dict[str, str]]:
    """A new Source with the changes made, and which option set each changed field."""
    data = copy.deepcopy(source.data)
    marks = {path: mark for path, mark in _marks(source).items()}
    origins: dict[str, str] = {}
    try:
        for department in what_if.without:
            marks = _drop(data, department, marks, what_if.label("without", department))
        for function in what_if.with_:
            _add(data, function, vocabulary, what_if.label("with", function))
        for assignment in what_if.sets:
            path = _set(data, assignment, what_if.label("set", assignment))
            origins[format_path(path)] = assignment
        for verb, values in (("pin", what_if.pin), ("forbid", what_if.forbid)):
            for pair in values:
                _constrain(data, verb, pair, what_if.label(verb, pair))
    except _Refused as refused:
        raise InputError([Diagnostic(what_if.origin, None, None, refused.option, refused.message)]) from None
    return Source(source.name, data, source.text, source.is_json, marks), origins


def _marks(source: Source) -> dict:
    """Every path's (line, column), as a dict the what-ifs can re-index.

    A JSON file finds its marks on demand, so they are asked for here path by path.
    """
    source.locate(())  # sets up the marks of a JSON file
    marks = source._marks
    if not marks:
        return {}
    if isinstance(marks, dict):
        return dict(marks)
    return {path: marks[path] for path in _paths(source.data) if path in marks}


def _paths(data) -> list[tuple]:
    """Every path into plain data, the root first (iterative: nesting is bounded anyway)."""
    out, stack = [], [((), data)]
    while stack:
        path, value = stack.pop()
        out.append(path)
        if isinstance(value, dict):
            stack += [((*path, key), item) for key, item in value.items()]
        elif isinstance(value, list):
            stack += [((*path, index), item) for index, item in enumerate(value)]
    return out


def _records(data: dict, key: str) -> list:
    records = data.get(key)
    return records if isinstance(records, list) else []


def _index(data: dict, key: str, ident: str, option: str) -> int:
    """Where the department or objective a person means (by id or by name) sits in the file's list."""
    from orgdesign.input.names import NotFound, resolve

    records = [
        (i, r) for i, r in enumerate(_records(data, key)) if isinstance(r, dict) and isinstance(r.get("id"), str)
    ]
    names = {r["id"]: str(r.get("name") or r["id"]) for _position, r in records}
    try:
        wanted = resolve(ident, names)
    except NotFound as missing:
        hint = missing.hint() if missing.ambiguous or missing.suggestions else ""
        raise _Refused(
            option, unknown_id(key[:-1], ident) + hint if hint else unknown(key[:-1], ident, names)
        ) from None
    return next(i for i, r in records if r["id"] == wanted)


def _drop(data: dict, ident: str, marks: dict, option: str) -> dict:
    """Remove a department; reports move to its manager; owners, constraints and dotted lines naming it go."""
    index = _index(data, "departments", ident, option)
    gone = data["departments"].pop(index)
    ident = gone["id"]  # the person may have named it
    manager = gone.get("reports_to")
    for record in _records(data, "departments"):
        if isinstance(record, dict) and record.get("reports_to") == ident:
            if manager is None:
                record.pop("reports_to", None)
            else:
                record["reports_to"] = manager
        if isinstance(record, dict) and isinstance(record.get("dotted_to"), list):
            # Dotted lines to the department go with it; one to the new manager is now the solid line.
            record["dotted_to"] = [d for d in record["dotted_to"] if d not in (ident, record.get("reports_to"))]
    owners = data.get("current_owners")
    if isinstance(owners, dict):
        data["current_owners"] = {o: d for o, d in owners.items() if d != ident}
    if isinstance(data.get("constraints"), list):
        data["constraints"] = [
            c
            for c in data["constraints"]
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


def _add(data: dict, function: str, vocabulary: Vocabulary, option: str) -> None:
    """Add a department of this function under the top of the reporting tree."""
    if function not in vocabulary.functions:
        raise _Refused(option, unknown("function", function, vocabulary.functions))
    departments = _records(data, "departments")
    taken = {r.get("id") for r in departments if isinstance(r, dict)}
    ident, number = function, 2
    while ident in taken:
        ident, number = f"{function}_{number}", number + 1
    roots = sorted(
        r["id"] for r in departments if isinstance(r, dict) and isinstance(r.get("id"), str) and not r.get("reports_to")
    )
    label = {"social_media": _("Social media team"), "rnd": "R&D", "hr": "HR", "it": "IT"}.get(
        function, function.replace("_", " ").capitalize()
    )
    record = {"id": ident, "name": _("{name} (what-if)").format(name=label), "function": function}
    if roots:
        record["reports_to"] = roots[0]
    if function == "social_media":
        record["structure"] = "function"
    departments.append(record)
    data["departments"] = departments


def _constrain(data: dict, verb: str, pair: str, option: str) -> None:
    """Pin (`owner`) or forbid (`not_owner`) a department for an objective, replacing what contradicts it."""
    if "=" not in pair:
        raise _Refused(option, _("expected OBJECTIVE=DEPARTMENT, e.g. care=customer_service"))
    objective_name, department_name = (part.strip() for part in pair.split("=", 1))
    objective = data["objectives"][_index(data, "objectives", objective_name, option)]["id"]
    department = data["departments"][_index(data, "departments", department_name, option)]["id"]
    field = "owner" if verb == "pin" else "not_owner"

    def contradicts(constraint) -> bool:
        if not isinstance(constraint, dict) or constraint.get("objective") != objective:
            return False
        if verb == "pin":  # one owner per objective; a ban on the pinned department goes
            return "owner" in constraint or constraint.get("not_owner") == department
        return constraint.get("owner") == department or constraint.get("not_owner") == department

    kept = [c for c in _records(data, "constraints") if not contradicts(c)]
    data["constraints"] = [*kept, {"objective": objective, field: department}]


_FIELDS = {
    "organization": Organization,
    "departments": Department,
    "objectives": Objective,
}


def _set(data: dict, assignment: str, option: str) -> tuple:
    """Apply one `path=value`; return the data path it changed."""
    if "=" not in assignment:
        raise _Refused(option, _("expected PATH=VALUE, e.g. departments.social.capacity=4"))
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
        objective = data["objectives"][_index(data, "objectives", parts[1], option)]["id"]
        owners = data.get("current_owners") if isinstance(data.get("current_owners"), dict) else {}
        owners[objective] = value
        data["current_owners"] = owners
        return ("current_owners", objective)
    raise _Refused(
        option,
        _(
            "unknown path {path}; use organization.FIELD, departments.ID.FIELD, objectives.ID.FIELD "
            "or current_owners.OBJECTIVE"
        ).format(path=repr(where)),
    )


def _field(name: str, model, option: str) -> None:
    if name not in model.model_fields or name == "id":
        choices = [f for f in model.model_fields if f != "id"]
        raise _Refused(option, unknown("field", name, choices))


def _value(raw: str, option: str):
    """Read a YAML scalar or flow list as safely as a file, never losing part of its text.

    YAML would drop `#1` from `Team #1` as a comment: plain text keeps it,
    anything else with a comment is refused.
    """
    if "".join(raw.splitlines()) != raw:
        raise _Refused(option, _("the value must be on one line"))
    text = f"value: {raw}" if raw.strip() else "value: null"
    try:
        value = parse_text(text, "<what-if>").data.get("value")
    except InputError as error:
        raise _Refused(option, error.diagnostics[0].message) from None
    comment = _comment(text)
    if comment and isinstance(value, str) and not raw.lstrip().startswith(("'", '"')):
        return raw.strip()
    if comment:
        raise _Refused(
            option,
            _("{comment} would be dropped as a YAML comment; remove it, or quote the whole value to keep it").format(
                comment=repr(comment)
            ),
        )
    return value


def _comment(text: str) -> str:
    """Return what follows the value of a one-line `value: ...` document: a comment, or ''."""
    import yaml

    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return text[root.value[0][1].end_mark.index :].strip()


def _blame(
    diagnostics: list[Diagnostic], source: Source, what_if: WhatIf, vocabulary: Vocabulary, origins: dict[str, str]
) -> list[Diagnostic]:
    """Each problem where it comes from: the option that set the field, the option that caused it, or the file.

    A problem elsewhere than in a field an option set (a reporting cycle that
    a new `reports_to` closes, an org left without departments) belongs to
    the first option after which it appears; one the file already has is the file's.
    """
    in_file = _messages(source, vocabulary)
    steps: list[tuple[str, set[str]]] | None = None
    blamed = []
    for diagnostic in diagnostics:
        attributed = _attribute(diagnostic, origins, what_if)
        if attributed is diagnostic and diagnostic.message not in in_file:
            if steps is None:
                steps = [
                    (label, _messages(apply(source, prefix, vocabulary)[0], vocabulary))
                    for label, prefix in _prefixes(what_if)
                ]
            option = next((label for label, messages in steps if diagnostic.message in messages), what_if.describe())
            attributed = Diagnostic(what_if.origin, None, None, option, diagnostic.message)
        blamed.append(attributed)
    return blamed


def _messages(source: Source, vocabulary: Vocabulary) -> set[str]:
    """Collect the message of every problem in `source` (its warnings were given already)."""
    import warnings

    from orgdesign.errors import InputWarning
    from orgdesign.input.load import validate_source

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", InputWarning)
            validate_source(source, vocabulary)
    except InputError as error:
        return {d.message for d in error.diagnostics}
    return set()


_ATTRIBUTES = {"without": "without", "with": "with_", "set": "sets", "pin": "pin", "forbid": "forbid"}


def _prefixes(what_if: WhatIf):
    """(option, the what-ifs up to and including it), in the order `apply` makes them."""
    changes = what_if.changes()
    for count, (verb, value) in enumerate(changes, 1):
        chosen: dict[str, tuple[str, ...]] = {attribute: () for attribute in _ATTRIBUTES.values()}
        for earlier_verb, earlier_value in changes[:count]:
            chosen[_ATTRIBUTES[earlier_verb]] += (earlier_value,)
        yield what_if.label(verb, value), replace(what_if, **chosen)


def _attribute(diagnostic: Diagnostic, origins: dict[str, str], what_if: WhatIf) -> Diagnostic:
    """A problem in a field that an option set belongs to the option, not to the file."""
    for field, assignment in origins.items():
        if diagnostic.field == field or diagnostic.field.startswith((field + ".", field + "[")):
            return Diagnostic(what_if.origin, None, None, what_if.label("set", assignment), diagnostic.message)
    return diagnostic
