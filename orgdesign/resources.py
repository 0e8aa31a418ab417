"""Where the built-in rule packs and examples live, installed or in a checkout.

A wheel carries them as `orgdesign/_data/{rules,examples}`; a source checkout
(or an editable install) has them at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder of bundled `rules` or `examples`."""
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name
