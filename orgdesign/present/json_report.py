"""The JSON output contract of `recommend --format json` (documented in docs/output.md).

The document is the `data` of the view's sections, merged in reading order
(per-objective lists line up item by item), under a header naming the version
and the format. Numbers are fits in rule units with two decimals; lists are in
id order, so the same input always gives byte-identical output.
"""

from __future__ import annotations

import json
from typing import Any

from orgdesign.present.view import FORMAT_VERSION, recommendation

__all__ = ["FORMAT_VERSION", "document_data", "document_json", "merge", "to_dict", "to_json"]


def merge(into: dict[str, Any], more: dict[str, Any]) -> dict[str, Any]:
    """Merge `more` into `into`: dicts key by key, lists of the same length item by item.

    >>> merge({"a": [{"x": 1}]}, {"a": [{"y": 2}], "b": 3})
    {'a': [{'x': 1, 'y': 2}], 'b': 3}
    """
    for key, value in more.items():
        if key not in into:
            into[key] = value
        elif isinstance(value, dict) and isinstance(into[key], dict):
            merge(into[key], value)
        elif isinstance(value, list) and isinstance(into[key], list) and len(value) == len(into[key]):
            for mine, theirs in zip(into[key], value, strict=True):
                merge(mine, theirs)
        else:
            raise ValueError(f"two sections give {key!r}")
    return into


def document_data(document) -> dict[str, Any]:
    """A view Document as one JSON-ready dict."""
    out: dict[str, Any] = dict(document.data)
    for section in document.sections:
        merge(out, json.loads(json.dumps(section.data)))  # a copy: merging must not touch the view
    return out


def to_dict(result) -> dict[str, Any]:
    """The whole recommendation as plain JSON-ready data."""
    return document_data(recommendation(result))


def document_json(document) -> str:
    """Any view Document as stable, pretty JSON text ending in a newline."""
    return json.dumps(document_data(document), indent=2, ensure_ascii=False) + "\n"


def to_json(result) -> str:
    """The recommendation as stable, pretty JSON text ending in a newline."""
    return json.dumps(to_dict(result), indent=2, ensure_ascii=False) + "\n"
