"""Read JSON text into plain data, with every syntax problem located by line and column.

The standard library parses; this module turns its errors into messages a user
can act on (a trailing comma, an unclosed bracket, NaN, nesting too deep,
a repeated key) and leaves positions of valid data to `json_marks`.
"""

from __future__ import annotations

import json
from typing import Any

from orgdesign.errors import Diagnostic, InputError
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
        message = error.msg
        if not text[error.pos :].strip():
            message = "the file ends before the JSON is complete (an unclosed bracket or brace?)"
        elif "Expecting property name" in message or "Expecting value" in message:
            prior = text[: error.pos].rstrip()
            if prior.endswith(","):
                message = "trailing comma is not allowed in JSON"
        raise InputError.single(name, f"invalid JSON: {message}", error.lineno, error.colno) from None
    except _Constant as error:
        line, column = position(text.encode(), len(text[: text.find(error.word)].encode()))
        raise InputError.single(name, f"invalid JSON: {error.word} is not a number JSON allows", line, column) from None
    except RecursionError:
        line, column = _too_deep(text)
        raise InputError.single(name, f"nesting is deeper than {MAX_DEPTH} levels", line, column) from None
    except ValueError as error:
        raise InputError.single(name, f"invalid JSON: {error}") from None
    if duplicates:
        fallback = [Diagnostic(name, None, None, "", f"duplicate key {duplicates[0]!r}")]
        raise InputError(json_duplicates(text, name) or fallback)
    return data


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
