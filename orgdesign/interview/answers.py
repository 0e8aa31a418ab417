"""Answers: a typed reply, or a value from an answers file, turned into the value a question wants.

A reply that cannot be used raises `Refused`, whose message is written for the
person who gave it; the session asks again, an answers file reports it with its line.
"""

from __future__ import annotations

import re
from typing import Any

from orgdesign.input.load import type_name
from orgdesign.input.names import NotFound, resolve
from orgdesign.interview.questions import Question
from orgdesign.vocabulary import did_you_mean


class Refused(Exception):
    """An answer that cannot be used; the message says why, in words for the person who gave it."""


def accept(question: Question, value: Any) -> Any:
    """Turn a typed reply, or a value from an answers file, into the answer; `Refused` says why not.

    >>> from orgdesign.interview.questions import FUNCTIONS_QUESTION
    >>> accept(FUNCTIONS_QUESTION, "sales 2")
    ['marketing', 'sales']
    """
    parsed = _PARSERS[question.kind](question, value)
    problem = question.check(parsed) if question.check else None
    if problem:
        raise Refused(problem)
    return parsed


def yes_or_no(value: Any) -> bool:
    """`y`, `yes`, `true` or `n`, `no`, `false`, in any case, or a boolean."""
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower() if isinstance(value, str) else None
    if word in ("y", "yes", "true"):
        return True
    if word in ("n", "no", "false"):
        return False
    raise Refused(f"answer yes or no, not {type_name(value)}")


def _text(question: Question, value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise Refused(f"expected text, found {type_name(value)}")
    text = str(value).strip()
    bad = next((c for c in text if not c.isprintable()), None)
    if bad is not None:
        raise Refused(f"contains the invisible character U+{ord(bad):04X}; remove it")
    return text


def _int(question: Question, value: Any) -> int:
    low, high = question.bounds
    number = value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(value, str):
        digits = re.sub(r"[\s,_]", "", value)
        number = int(digits) if re.fullmatch(r"[0-9]{1,12}", digits) else None
    if number is None:
        raise Refused(f"expected a whole number from {low} to {high:,}, found {type_name(value)}")
    if not low <= number <= high:
        raise Refused(f"{number} is out of range: give {low} to {high:,}")
    return number


def _choice(question: Question, value: Any) -> str:
    ids = [ident for ident, _ in question.choices]
    number = value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(value, str) and re.fullmatch(r"[0-9]{1,4}", value.strip()):
        number = int(value)
    if number is not None:
        if 1 <= number <= len(ids):
            return ids[number - 1]
        raise Refused(f"there is no choice {number}; pick 1 to {len(ids)}")
    if not isinstance(value, str):
        raise Refused(f"expected one of the choices, found {type_name(value)}")
    if question.named:
        return _by_name(question, value.strip())
    key = value.strip().lower().replace(" ", "_").replace("-", "_")
    if key in ids:
        return key
    hint = did_you_mean(value, ids) or " (expected one of: " + ", ".join(ids) + ")"
    raise Refused(f"{value.strip()!r} is not one of the choices{hint}")


def _by_name(question: Question, typed: str) -> str:
    """A choice by its name or its id, as `input.names` matches them; the refusal suggests names."""
    names = dict(question.choices)
    try:
        return resolve(typed, names)
    except NotFound as missing:
        if missing.ambiguous:
            numbers = [str(list(names).index(ident) + 1) for ident in missing.suggestions]
            raise Refused(f"{typed!r} names more than one; type its number ({' or '.join(numbers)})") from None
        if missing.suggestions:
            raise Refused(f"{typed!r} is not in the list{missing.hint()}") from None
        raise Refused(f"{typed!r} is not in the list: {', '.join(names.values())}") from None


def _multi(question: Question, value: Any) -> list[str]:
    if isinstance(value, str):
        items: list[Any] = [item for item in re.split(r"[\s,]+", value) if item]
    elif isinstance(value, list):
        items = value
    else:
        raise Refused(f"expected a list of choices, found {type_name(value)}")
    picked = {_choice(question, item) for item in items}
    if not picked:
        raise Refused("pick at least one")
    return [ident for ident, _ in question.choices if ident in picked]


_PARSERS = {
    "text": _text,
    "int": _int,
    "yes_no": lambda question, value: yes_or_no(value),
    "choice": _choice,
    "multi": _multi,
}
