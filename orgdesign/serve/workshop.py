"""The warm state of a serve run: the org file parsed once, the rulebook loaded once, the file's own result."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from orgdesign.errors import BadValue, Diagnostic, InputError
from orgdesign.i18n import _
from orgdesign.input.scenario import WhatIf

VERBS = ("set", "without", "with", "pin", "forbid")  # the order of WhatIf's fields


def what_if(body: dict) -> WhatIf:
    """The what-ifs of a request body: lists of strings under "set", "without", "with", "pin" and "forbid"."""
    lists = []
    for key in VERBS:
        value = body.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise InputError(
                [Diagnostic("<request>", None, None, key, _("{key} must be a list of strings").format(key=f'"{key}"'))]
            )
        lists.append(tuple(value))
    return WhatIf(*lists, origin="<what-if>", flag="")


@dataclass
class Workshop:
    """One org file and its rulebook, loaded at start; every what-if is applied to a copy of the parsed file."""

    path: str
    rules: tuple[str, ...] = ()
    source: object = field(init=False)
    book: object = field(init=False)
    baseline: object = field(init=False)

    def __post_init__(self) -> None:
        from orgdesign.engine.pipeline import recommend
        from orgdesign.input.load import validate_source
        from orgdesign.input.source import load_source
        from orgdesign.rulebook import load_rulebook

        self.book = load_rulebook(list(self.rules))
        source = load_source(self.path)
        self.baseline = recommend(validate_source(source, self.book.vocabulary), self.book)
        if source.is_json:
            # The file is valid (just checked), so a what-if's problems are reported at the what-if, never at
            # a line of the file; and locating every value of a large JSON text costs seconds per what-if.
            source = replace(source, _marks={})
        self.source = source

    def org(self, scenario: WhatIf):
        """The org with the what-ifs applied and validated; problems are blamed on the what-if that caused them."""
        from orgdesign.input.scenario import apply_and_validate

        return apply_and_validate(self.source, scenario, self.book.vocabulary)[0]

    def result(self, scenario: WhatIf):
        """The recommendation for the file with these what-ifs (the warm one when there are none)."""
        if not scenario:
            return self.baseline
        from orgdesign.engine.pipeline import recommend

        return recommend(self.org(scenario), self.book)

    def scenario_data(self, scenario: WhatIf) -> dict:
        """The org file's data with the what-ifs applied, checked valid: what "save as" writes."""
        from orgdesign.input.scenario import apply_and_validate

        return apply_and_validate(self.source, scenario, self.book.vocabulary)[1].data

    def target(self, relative: str) -> str:
        """A path for "save as", inside the org file's folder: no absolute path, no `..`."""
        if not isinstance(relative, str) or not relative.strip():
            raise BadValue("path", _("give a file name for the new org file"))
        parts = relative.replace("\\", "/").split("/")
        if os.path.isabs(relative) or relative.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]:
            raise BadValue(
                "path", _("{path}: give a path inside the org file's folder, without '..'").format(path=repr(relative))
            )
        if not relative.lower().endswith((".yaml", ".yml")):
            raise BadValue(
                "path", _("{path}: the new org file is YAML, so its name ends in .yaml").format(path=repr(relative))
            )
        return os.path.join(os.path.dirname(os.path.abspath(self.path)), relative)
