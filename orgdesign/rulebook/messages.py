"""The texts of a rule pack that translators translate, for Babel's extraction (`pybabel extract`).

Each rule's title and rationale is a message in the `rules` domain whose
context is the rule id, so a translation follows its rule and a changed
English text shows as stale; a pack's description has the pack's name as its context.
"""

from __future__ import annotations

import yaml


def extract_rules(fileobj, keywords, comment_tags, options):
    """Babel extractor: (line, "pgettext", (context, text), comments) for every rule text in a pack file."""
    root = yaml.compose(fileobj.read().decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(root, yaml.MappingNode):
        return
    top = _scalars(root)
    pack = top.get("pack")
    if pack and "description" in top:
        yield _message(f"pack:{pack[0]}", top["description"])
    for key, value in root.value:
        if key.value != "rules" or not isinstance(value, yaml.SequenceNode):
            continue
        for node in value.value:
            fields = _scalars(node) if isinstance(node, yaml.MappingNode) else {}
            if "id" not in fields:
                continue
            for name in ("title", "rationale"):
                if name in fields:
                    yield _message(fields["id"][0], fields[name])


def _scalars(node: yaml.MappingNode) -> dict[str, tuple[str, int]]:
    """The scalar fields of a mapping, each with its 1-based line."""
    return {
        key.value: (value.value, value.start_mark.line + 1)
        for key, value in node.value
        if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)
    }


def _message(context: str, field: tuple[str, int]):
    text, line = field
    return line, "pgettext", (context, text), []
