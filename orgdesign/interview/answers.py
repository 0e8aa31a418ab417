"""Answers: a typed reply, or a value from an answers file, turned into the value a question wants.

A reply that cannot be used raises `Refused`, whose message is written for the
person who gave it, in the language in use; the session asks again, an answers
file reports it with its line. Words typed as answers (yes, no, a region's
name) are taken in English and in the language in use.
"""

from __future__ import annotations

import re
from typing import Any

from orgdesign.i18n import _, join, language, pgettext
from orgdesign.i18n import number as number_text
from orgdesign.input.load import type_name
from orgdesign.input.names import NotFound, resolve
from orgdesign.interview.questions import Question
from orgdesign.vocabulary import did_you_mean


class Refused(Exception):
    """An answer that cannot be used; the message says why, in words for the person who gave it."""


def accept(question: Question, value: Any) -> Any:
    """Turn a typed reply, or a value from an answers file, into the answer; `Refused` says why not.

    >>> from orgdesign.interview.questions import functions_question
    >>> accept(functions_question(), "sales 2")
    ['marketing', 'sales']
    """
    parsed = _PARSERS[question.kind](question, value)
    problem = question.check(parsed) if question.check else None
    if problem:
        raise Refused(problem)
    return parsed


YES = ("y", "yes", "true")
NO = ("n", "no", "false")


def yes_words() -> tuple[str, ...]:
    """The words taken for yes: the English ones and those of the language in use (`oui`, `ja`, `sí`)."""
    # Translators: the words a person may type for "yes", separated by spaces, the full word last ("o oui").
    return (*YES, *pgettext("words typed for yes", "y yes").split())


def no_words() -> tuple[str, ...]:
    """The words taken for no: the English ones and those of the language in use (`non`, `nein`, `no`)."""
    # Translators: the words a person may type for "no", separated by spaces, the full word last ("n non").
    return (*NO, *pgettext("words typed for no", "n no").split())


def yes_no_hint() -> str:
    """The line that says which words a yes/no question takes; '' in English, where the brackets say it."""
    if language() == "en":
        return ""
    yes = pgettext("words typed for yes", "y yes").split()[-1]
    no = pgettext("words typed for no", "n no").split()[-1]
    return _("Type {yes} or {no} (yes and no work too).").format(yes=yes, no=no)


def yes_no_bracket(default: bool) -> str:
    """The default of a yes/no question as shown between brackets: `Y/n` or `y/N`, in the language in use."""
    # Translators: the first letters of yes and no, the default (yes) in capitals, as in "[Y/n]".
    return pgettext("yes/no brackets", "Y/n") if default else pgettext("yes/no brackets", "y/N")


def yes_or_no(value: Any) -> bool:
    """`y`, `yes`, `true` or `n`, `no`, `false` (or the words of the language in use), in any case, or a boolean."""
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower() if isinstance(value, str) else None
    if word in yes_words():
        return True
    if word in no_words():
        return False
    yes, no = yes_words()[-1], no_words()[-1]
    raise Refused(_("answer {yes} or {no}, not {found}").format(yes=yes, no=no, found=type_name(value)))


def _text(question: Question, value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise Refused(_("expected text, found {found}").format(found=type_name(value)))
    text = str(value).strip()
    bad = next((c for c in text if not c.isprintable()), None)
    if bad is not None:
        raise Refused(_("contains the invisible character {code}; remove it").format(code=f"U+{ord(bad):04X}"))
    return text


def _int(question: Question, value: Any) -> int:
    low, high = question.bounds
    number = value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(value, str):
        digits = re.sub(r"[\s,_]", "", value)
        number = int(digits) if re.fullmatch(r"[0-9]{1,12}", digits) else None
    if number is None:
        raise Refused(
            _("expected a whole number from {low} to {high}, found {found}").format(
                low=low, high=number_text(high, 0), found=type_name(value)
            )
        )
    if not low <= number <= high:
        raise Refused(
            _("{number} is out of range: give {low} to {high}").format(
                number=number, low=low, high=number_text(high, 0)
            )
        )
    return number


def _choice(question: Question, value: Any) -> str:
    ids = [ident for ident, _label in question.choices]
    number = value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(value, str) and re.fullmatch(r"[0-9]{1,4}", value.strip()):
        number = int(value)
    if number is not None:
        if 1 <= number <= len(ids):
            return ids[number - 1]
        raise Refused(_("there is no choice {number}; pick 1 to {count}").format(number=number, count=len(ids)))
    if not isinstance(value, str):
        raise Refused(_("expected one of the choices, found {found}").format(found=type_name(value)))
    if question.named:
        return _by_name(question, value.strip())
    key = value.strip().lower().replace(" ", "_").replace("-", "_")
    if key in ids:
        return key
    hint = did_you_mean(value, ids) or _(" (expected one of: {choices})").format(choices=", ".join(ids))
    raise Refused(_("{typed} is not one of the choices{hint}").format(typed=repr(value.strip()), hint=hint))


def _by_name(question: Question, typed: str) -> str:
    """A choice by its name or its id, as `input.names` matches them; the refusal suggests names."""
    names = dict(question.choices)
    try:
        return resolve(typed, names)
    except NotFound as missing:
        if not missing.ambiguous and question.aliases:
            try:
                return resolve(typed, dict(question.aliases))  # the English name, where the labels are translated
            except NotFound:
                pass
        if missing.ambiguous:
            numbers = [str(list(names).index(ident) + 1) for ident in missing.suggestions]
            raise Refused(
                _("{typed} names more than one; type its number ({numbers})").format(
                    typed=repr(typed), numbers=join(numbers, style="or")
                )
            ) from None
        if missing.suggestions:
            raise Refused(
                _("{typed} is not in the list{hint}").format(typed=repr(typed), hint=missing.hint())
            ) from None
        raise Refused(
            _("{typed} is not in the list: {names}").format(typed=repr(typed), names=", ".join(names.values()))
        ) from None


def _multi(question: Question, value: Any) -> list[str]:
    if isinstance(value, str):
        items: list[Any] = [item for item in re.split(r"[\s,]+", value) if item]
    elif isinstance(value, list):
        items = value
    else:
        raise Refused(_("expected a list of choices, found {found}").format(found=type_name(value)))
    picked = {_choice(question, item) for item in items}
    if not picked:
        raise Refused(_("pick at least one"))
    return [ident for ident, _label in question.choices if ident in picked]


_PARSERS = {
    "text": _text,
    "int": _int,
    "yes_no": lambda question, value: yes_or_no(value),
    "choice": _choice,
    "multi": _multi,
}
