"""orgdesign: who should own each social media objective, and who must work with whom.

The public API is imported lazily so that `orgdesign --help` stays fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["InputError", "OrgFile", "OrgdesignError", "__version__", "load_org", "parse_org"]

_LAZY = {
    "load_org": "orgdesign.load",
    "parse_org": "orgdesign.load",
    "OrgFile": "orgdesign.model",
    "InputError": "orgdesign.errors",
    "OrgdesignError": "orgdesign.errors",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'orgdesign' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
