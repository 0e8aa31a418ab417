"""Plain-text forms every output shares, with no terminal library behind them.

Terminal, Markdown and every export format show names through `clean`, so a
name in a file can never carry an escape sequence or a direction override.
"""

from __future__ import annotations

import re

HUB_TIE = "regional hub tied to the center (F1)"  # how a collaboration link with no objective reads

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(value: object) -> str:
    """Show control and bidi characters as `\\xNN` / `\\uNNNN` instead of obeying them.

    >>> clean("a\\x1b[2Jb")
    'a\\\\x1b[2Jb'
    """
    def visible(match: re.Match) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSAFE.sub(visible, str(value))


def units(hundredths: int | None) -> str:
    """Fit in rule units: 300 -> '3.00'."""
    return "—" if hundredths is None else f"{hundredths / 100:.2f}"
