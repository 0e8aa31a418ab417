"""Read JSON text into plain data, with every syntax problem located by line and column.

The standard library parses; this module turns its errors into messages a user
can act on (a trailing comma, an unclosed bracket, NaN, nesting too deep,
a repeated key) and leaves positions of valid data to `json_marks`.
"""

from __future__ import annotations

import json
from typing import Any

from orgdesign.errors import Diagnostic, InputError
from orgdesign.i18n import N_, _
from orgdesign.input.json_marks import json_duplicates
from orgdesign.input.positions import MAX_DEPTH, position


def parse_json(text: str, name: str) -> Any:
    """The data in `text`, or an InputError that says where and what is wrong."""
    duplicates: list[str] = []

    def pairs(items):
        seen: dict = {}
        for key, value in items:
            if key in seen:
                duplicates.append(key)
            seen[key] = value
        return seen

    def constant(word):
        raise _Constant(word)

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as error:
        message = _(_JSON_MESSAGES[error.msg]) if error.msg in _JSON_MESSAGES else error.msg
        if not text[error.pos :].strip():
            message = _("the file ends before the JSON is complete (an unclosed bracket or brace?)")
        elif "Expecting property name" in error.msg or "Expecting value" in error.msg:
            prior = text[: error.pos].rstrip()
            if prior.endswith(","):
                message = _("trailing comma is not allowed in JSON")
        raise InputError.single(
            name, _("invalid JSON: {problem}").format(problem=message), error.lineno, error.colno
        ) from None
    except _Constant as error:
        line, column = position(text.encode(), len(text[: text.find(error.word)].encode()))
        raise InputError.single(
            name, _("invalid JSON: {word} is not a number JSON allows").format(word=error.word), line, column
        ) from None
    except RecursionError:
        line, column = _too_deep(text)
        raise InputError.single(
            name, _("nesting is deeper than {depth} levels").format(depth=MAX_DEPTH), line, column
        ) from None
    except ValueError as error:
        raise InputError.single(name, _("invalid JSON: {problem}").format(problem=error)) from None
    if duplicates:
        fallback = [Diagnostic(name, None, None, "", _("duplicate key {key}").format(key=repr(duplicates[0])))]
        raise InputError(json_duplicates(text, name) or fallback)
    return data


# The standard library's JSON messages, which reach the reader after "invalid JSON: ".
_JSON_MESSAGES = {
    "Expecting value": N_("Expecting value"),
    "Expecting ',' delimiter": N_("Expecting ',' delimiter"),
    "Expecting ':' delimiter": N_("Expecting ':' delimiter"),
    "Expecting property name enclosed in double quotes": N_("Expecting property name enclosed in double quotes"),
    "Unterminated string starting at": N_("Unterminated string starting at"),
    "Invalid control character at": N_("Invalid control character at"),
    "Invalid \\escape": N_("Invalid \\escape"),
    "Invalid \\uXXXX escape": N_("Invalid \\uXXXX escape"),
    "Extra data": N_("Extra data"),
    "Illegal trailing comma before end of object": N_("Illegal trailing comma before end of object"),
    "Illegal trailing comma before end of array": N_("Illegal trailing comma before end of array"),
}


def _too_deep(text: str) -> tuple[int | None, int | None]:
    """Where JSON brackets first nest deeper than MAX_DEPTH (strings skipped)."""
    depth, in_string, escaped = 0, False, False
    for index, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return position(text[:index].encode(), len(text[:index].encode()))
        elif char in "]}":
            depth -= 1
    return None, None


class _Constant(ValueError):
    def __init__(self, word: str):
        self.word = word
