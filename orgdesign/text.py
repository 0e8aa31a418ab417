"""Text safety shared by every layer: which characters a name may not carry, and how to show them.

The input layer refuses control, bidi, invisible and non-characters in names;
the presenters show any that reach them as visible escapes. Both read the
one pattern here, so what is refused and what is escaped cannot drift apart.
"""

from __future__ import annotations

import re
import unicodedata

UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")  # control and bidi characters
_PLANE_ENDS = "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17))
_NONCHARACTER = re.compile("[\ufdd0-\ufdef" + _PLANE_ENDS + "]")
_HIDDEN_CATEGORIES = ("Cf", "Zl", "Zp", "Cs")  # format (invisible), line and paragraph separators, surrogates
JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner: needed to spell Persian, Indic scripts and emoji


def control(text: str, allowed: str = "") -> str | None:
    r"""Return the first control or bidi character of `text` that is not in `allowed`, if any.

    >>> control("a\tb\x1b", allowed="\t\n")
    '\x1b'
    """
    return next((char for char in UNSAFE.findall(text) if char not in allowed), None)


def hidden(text: str) -> str | None:
    r"""Return the first character of `text` that is invisible or not a character at all (U+FFFE), if any.

    >>> hidden("Mar\u200bketing")
    '\u200b'
    """
    if text.isascii():
        return None
    return next((char for char in text if _is_hidden(char)), None)


def _is_hidden(char: str) -> bool:
    """Tell whether one character is invisible (format, separator) or not a character."""
    if char < "\x80" or char in JOINERS:
        return False
    return unicodedata.category(char) in _HIDDEN_CATEGORIES or _NONCHARACTER.match(char) is not None


def describe(char: str) -> str:
    """Name a character so a person can find it: `U+200B ZERO WIDTH SPACE`."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def _visible(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def clean(value: object) -> str:
    r"""Show control, bidi, invisible and non-characters as `\xNN` / `\uNNNN` instead of obeying them.

    >>> clean("a\x1b[2Jb")
    'a\\x1b[2Jb'
    """
    text = UNSAFE.sub(lambda match: _visible(match.group()), str(value))
    if text.isascii():
        return text
    return "".join(_visible(char) if _is_hidden(char) else char for char in text)
