"""orgdesign: who should own each social media objective, and who must work with whom.

The library a notebook calls, in pipeline order::

    import orgdesign
    org = orgdesign.load_org("examples/airline.yaml")
    result = orgdesign.recommend(org)                  # a Recommendation
    why = orgdesign.explain(result, "listening")       # an Explanation: owner, reasons, why not the runner-up
    delta = orgdesign.compare(result, orgdesign.recommend(other_org))  # a Comparison

Everything here is imported lazily on first use, so that `orgdesign --help`
stays fast; docs/api.md describes each name.
"""

__version__ = "0.1.0"

# name -> the module that defines it; `__all__` is exactly these names and `__version__`.
_LAZY = {
    # reading input
    "load_org": "orgdesign.input.load",
    "parse_org": "orgdesign.input.load",
    "OrgFile": "orgdesign.input.model",
    "load_rulebook": "orgdesign.rulebook",
    "Rulebook": "orgdesign.rulebook",
    # the engine
    "recommend": "orgdesign.engine.pipeline",
    "explain": "orgdesign.engine.explain",
    "compare": "orgdesign.engine.compare",
    # results
    "Recommendation": "orgdesign.engine.pipeline",
    "Assignment": "orgdesign.engine.explain",
    "Reason": "orgdesign.engine.explain",
    "Explanation": "orgdesign.engine.explain",
    "WhyNot": "orgdesign.engine.explain",
    "Change": "orgdesign.engine.explain",
    "Blocker": "orgdesign.engine.explain",
    "Raci": "orgdesign.engine.raci",
    "Link": "orgdesign.engine.raci",
    "Finding": "orgdesign.engine.findings",
    "Structure": "orgdesign.engine.structure",
    "GapItem": "orgdesign.engine.gap",
    "Forced": "orgdesign.engine.gap",
    "Comparison": "orgdesign.engine.compare",
    "OwnerChange": "orgdesign.engine.compare",
    # errors
    "OrgdesignError": "orgdesign.errors",
    "InputError": "orgdesign.errors",
    "BadValue": "orgdesign.errors",
    "OutputError": "orgdesign.errors",
    "InfeasibleError": "orgdesign.errors",
}

__all__ = sorted([*_LAZY, "__version__"], key=str.casefold)


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'orgdesign' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
