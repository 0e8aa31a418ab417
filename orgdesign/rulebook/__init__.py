"""Rule packs: their schema, loading and layering, and the condition matcher.

from orgdesign.rulebook import load_rulebook
book = load_rulebook()                 # the built-in packs
book = load_rulebook(["mine.yaml"])    # layered with a user pack
"""

from orgdesign.rulebook.packs import CompiledRule, Rulebook, load_rulebook

__all__ = ["CompiledRule", "Rulebook", "load_rulebook"]
