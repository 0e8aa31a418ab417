"""Find the department or objective a person means, by id or by name.

People type what they read: "Guest Services", "guest services" or `care_team`.
Ids win over names; names match without regard to case, accents or spacing;
a miss gets the nearest id or name as a suggestion, spelled as it matched
(a near id suggests the id, a near name the name).

>>> resolve("guest  services", {"care": "Guest Services", "mkt": "Brand Marketing"})
'care'
>>> resolve("mkt", {"care": "Guest Services", "mkt": "Brand Marketing"})
'mkt'
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping

from orgdesign.i18n import _, join


class NotFound(LookupError):
    """No id or name matches, or a name matches several entries."""

    def __init__(self, typed: str, suggestions: tuple[str, ...], ambiguous: bool = False):
        self.typed = typed
        self.suggestions = suggestions
        self.ambiguous = ambiguous
        super().__init__(typed)

    def hint(self) -> str:
        """The suggestions as a clause, for an error message: ` (did you mean 'A' or 'B'?)`, or ''."""
        if not self.suggestions:
            return ""
        quoted = join([f"'{s}'" for s in self.suggestions], style="or")
        if self.ambiguous:
            return " " + _("(it could be {choices}; type the id)").format(choices=quoted)
        return " " + _("(did you mean {choice}?)").format(choice=quoted)


def key(text: str) -> str:
    """A name reduced for matching: NFKD without accents, case-folded, single spaces."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().replace("_", " ").replace("-", " ").split())


def resolve(typed: str, names: Mapping[str, str]) -> str:
    """The id in `names` (id -> display name) that `typed` means; `NotFound` otherwise."""
    if typed in names:
        return typed
    wanted = key(typed)
    by_key: dict[str, list[str]] = {}
    spelled: dict[str, str] = {}  # each form as a person would type it: the id, or the name
    for ident, name in names.items():
        for form, text in ((key(ident), ident), (key(name), name)):
            if ident not in by_key.setdefault(form, []):
                by_key[form].append(ident)
            spelled[form] = text
    hits = sorted(set(by_key.get(wanted, ())))
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise NotFound(typed, tuple(hits), ambiguous=True)
    close = difflib.get_close_matches(wanted, sorted(by_key), n=1, cutoff=0.6)
    raise NotFound(typed, tuple(spelled[form] for form in close))
