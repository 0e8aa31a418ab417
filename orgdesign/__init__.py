"""orgdesign: who should own each social media objective, and who must work with whom.

The public API is imported lazily so that `orgdesign --help` stays fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "InfeasibleError",
    "InputError",
    "OrgFile",
    "OrgdesignError",
    "Recommendation",
    "__version__",
    "load_org",
    "load_rulebook",
    "parse_org",
    "recommend",
]

_LAZY = {
    "recommend": "orgdesign.engine.pipeline",
    "Recommendation": "orgdesign.engine.pipeline",
    "load_rulebook": "orgdesign.rulebook",
    "InfeasibleError": "orgdesign.errors",
    "load_org": "orgdesign.input.load",
    "parse_org": "orgdesign.input.load",
    "OrgFile": "orgdesign.input.model",
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
