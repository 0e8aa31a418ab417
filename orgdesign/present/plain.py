"""Plain-text forms every output shares, with no terminal library behind them.

Terminal, Markdown and every export format show names through `clean`
(from `orgdesign.text`), so a name in a file can never carry an escape
sequence, a direction override, an invisible character or one that XML forbids.
"""

from __future__ import annotations

from orgdesign.text import clean

__all__ = ["HUB_TIE", "clean", "units"]

HUB_TIE = "regional hub tied to the center (F1)"  # how a collaboration link with no objective reads


def units(hundredths: int | None) -> str:
    """Fit in rule units, two decimals; a dash for none.

    >>> units(300), units(None)
    ('3.00', '—')
    """
    return "—" if hundredths is None else f"{hundredths / 100:.2f}"
