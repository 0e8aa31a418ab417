"""Warnings about org files that are valid but probably not what their author meant.

A warning never stops a run: `validate` prints it, located like an error, and
exits 0 when nothing else is wrong.
"""

from __future__ import annotations

from orgdesign.errors import Diagnostic
from orgdesign.i18n import _
from orgdesign.input.source import Source
from orgdesign.rulebook import Rulebook
from orgdesign.vocabulary import canonical_skill, did_you_mean


def unread_skills(source: Source, rulebook: Rulebook) -> list[Diagnostic]:
    """One warning per skill that no active rule reads (after synonyms), at its first place."""
    read = rulebook.skills_read
    seen: set[str] = set()
    out = []
    for i, department in enumerate(source.data.get("departments", [])):
        skills = department.get("skills", []) if isinstance(department, dict) else []
        for j, skill in enumerate(skills if isinstance(skills, list) else []):
            word = canonical_skill(str(skill))
            if word in read or word in seen:
                continue
            seen.add(word)
            hint = did_you_mean(word, read)
            out.append(
                source.diagnostic(
                    ("departments", i, "skills", j),
                    _("warning: no rule reads the skill {skill}{hint}").format(skill=repr(str(skill)), hint=hint),
                )
            )
    return out
