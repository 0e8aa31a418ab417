"""The language orgdesign speaks: gettext catalogs, and numbers and lists in the reader's conventions.

English is the source language: every message is written in English in the
code (marked with `_`, `ngettext` or `N_`) or in the rule packs, and the
catalogs under `orgdesign/locale/` translate it. Two domains: `orgdesign` for
the program's own words, and `rules` for rule titles and rationales, keyed by
rule id (the gettext context), so a rule pack without translations still
reads, in English. Org data (department and objective names) is never translated.

The language is chosen once per run, before anything is said (`use`): from
`--lang`, else from the environment as gettext reads it, else English.
Translation happens when a text is made, so nothing that holds a translated
text may be cached across languages.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

SUPPORTED = ("en", "fr", "de", "es")
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAINS = ("orgdesign", "rules")

_current = {"code": "en"}


def use(code: str) -> None:
    """Speak this language from now on; `code` must be one of SUPPORTED."""
    if code not in SUPPORTED:
        raise ValueError(f"unsupported language {code!r}")
    _current["code"] = code


def language() -> str:
    """The language in use, e.g. "de"."""
    return _current["code"]


def from_environment(environ=os.environ) -> str:
    """The language gettext would pick (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), if supported; else English.

    LANGUAGE is a list by preference (`de:fr`); "C" and "POSIX" mean English.
    """
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if not value:
            continue
        for entry in value.split(":") if variable == "LANGUAGE" else [value]:
            code = entry.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in SUPPORTED:
                return code
        return "en"  # gettext stops at the first variable that is set
    return "en"


@cache
def catalog(code: str, domain: str) -> gettext.NullTranslations:
    """The compiled catalog of a language; English, or a missing file, translates nothing."""
    if code == "en":
        return gettext.NullTranslations()
    return gettext.translation(domain, LOCALE_DIR, languages=[code], fallback=True)


def _(message: str) -> str:
    """The message in the language in use."""
    return catalog(language(), "orgdesign").gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, by the language's own plural rule."""
    return catalog(language(), "orgdesign").ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """The message as meant in `context`, where one English word has two translations."""
    return catalog(language(), "orgdesign").pgettext(context, message)


def N_(message: str) -> str:
    """Mark a message for translation where it is defined (a module constant); translate it with `_` where used."""
    return message


def rule_text(rule_id: str, text: str) -> str:
    """A rule's title or rationale in the language in use; a rule nobody translated stays in English."""
    return catalog(language(), "rules").pgettext(rule_id, text)


def number(value: float, digits: int = 2) -> str:
    """A number with `digits` decimals, grouped as the language groups: 1,234.50 or 1.234,50."""
    if language() == "en":
        return f"{value:,.{digits}f}"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=language())


def percent(value: float) -> str:
    """A share (0.25) as the language writes a percentage: 25%, 25 %, 25 %."""
    if language() == "en":
        return f"{value:.0%}"
    from babel.numbers import format_percent

    return format_percent(value, locale=language())


def join(items: list[str], style: str = "standard") -> str:
    """Items as a sentence list: "a, b and c"; `style="or"` for "a, b or c"."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    from babel.lists import format_list

    return format_list(items, style=style, locale=language())
