"""Names that look the same and are not: a Cyrillic 'а' in "Mаrketing" passes for a Latin 'a'.

Each name is reduced to a skeleton: NFKC (full-width and other compatibility
forms become plain letters), joiners dropped, and the Cyrillic and Greek
letters that print like Latin ones replaced by those. Two different names of
one org with the same skeleton cannot be told apart on screen or on paper, so
the second one gets a warning; it stays a warning, because both spellings
can be legitimate (a Bulgarian and an English unit, say).

The table is the part of Unicode's confusables list (UTS #39) that matters
for names written in Latin, Cyrillic and Greek; it is small on purpose.
"""

from __future__ import annotations

import unicodedata

from orgdesign.errors import Diagnostic
from orgdesign.i18n import _
from orgdesign.text import JOINERS, describe

_LOOKS_LATIN = str.maketrans(
    {
        # Cyrillic
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
        "Х": "X", "У": "Y", "Ѕ": "S", "І": "I", "Ј": "J", "Ԛ": "Q", "Ԝ": "W", "Ү": "Y", "Һ": "H",
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ј": "j",
        "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ү": "y", "ӏ": "l", "Ӏ": "I",
        # Greek
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
        "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v", "ρ": "p", "ι": "i", "υ": "u", "α": "a",
        # Latin letters that pass for other Latin letters
        "ı": "i", "ȷ": "j", "ɑ": "a", "ɡ": "g",
    }
)  # fmt: skip


def skeleton(name: str) -> str:
    """Reduce a name to what it looks like.

    >>> skeleton("M\u0430rketing") == skeleton("Marketing")
    True
    """
    if name.isascii():
        return name
    text = unicodedata.normalize("NFKC", name)
    return "".join(char for char in text if char not in JOINERS).translate(_LOOKS_LATIN)


def lookalikes(source, org) -> list[Diagnostic]:
    """Warn about each department or objective name that looks like an earlier, different one."""
    warnings = []
    for key, records in (("departments", org.departments), ("objectives", org.objectives)):
        seen: dict[str, tuple[int, str]] = {}
        for index, record in enumerate(records):
            if not record.name:
                continue
            first = seen.setdefault(skeleton(record.name), (index, record.name))
            if first[1] == record.name:
                continue
            line, _column = source.locate((key, first[0], "name"))
            where = f"{key}[{first[0]}].name"
            if line:
                where = _("{field}, line {line}").format(field=where, line=line)
            ours, theirs = set(record.name), set(first[1])
            odd = min(ours ^ theirs, key=lambda char: (char.isascii(), char), default=None)
            message = _("warning: {name} looks like {other} ({where}) but is spelled differently").format(
                name=repr(record.name), other=repr(first[1]), where=where
            )
            if odd:
                message = _("{message}: {character}").format(message=message, character=describe(odd))
            warnings.append(source.diagnostic((key, index, "name"), message))
    return warnings
