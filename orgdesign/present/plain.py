"""Plain-text forms every output shares, with no terminal library behind them.

Terminal, Markdown and every export format show names through `clean`
(from `orgdesign.text`), so a name in a file can never carry an escape
sequence, a direction override, an invisible character or one that XML forbids.
"""

from __future__ import annotations

from orgdesign.i18n import N_, number
from orgdesign.text import clean

__all__ = ["HUB_TIE", "clean", "signed", "units"]

# How a collaboration link with no objective reads; marked here, translated with `_(HUB_TIE)` where shown.
HUB_TIE = N_("regional hub tied to the center (F1)")


def units(hundredths: int | None) -> str:
    """Fit in rule units, two decimals; a dash for none.

    >>> units(300), units(None)
    ('3.00', '—')
    """
    return "—" if hundredths is None else number(hundredths / 100)


def signed(hundredths: int) -> str:
    """A contribution to a fit with its sign, in rule units: +1.50, -0.25 (1,50 in French, German, Spanish).

    >>> signed(150), signed(-25), signed(0)
    ('+1.50', '-0.25', '+0.00')
    """
    return ("-" if hundredths < 0 else "+") + number(abs(hundredths) / 100)
