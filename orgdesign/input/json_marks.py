"""Where values sit in a JSON text, found on demand by a scanner rather than a second parse.

The standard library's JSON parser keeps no positions. A file that parses is
never scanned; only when an error needs a line and column is the path asked
for walked, skipping every other value with the C decoder.
"""

from __future__ import annotations

import json
import re

from orgdesign.errors import Diagnostic
from orgdesign.i18n import _
from orgdesign.input.positions import Lines, Path, format_path

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


class JsonMarks:
    """Where values sit in a JSON text, found on demand: a path -> (line, column) mapping.

    Like the YAML marks, a key's value is located at its key and a list item at
    its first character. Looking a path up scans only the containers on it and
    skips other values with the C decoder; the offsets of list items are kept,
    so locating many items of one long list stays linear in the file.
    """

    def __init__(self, text: str):
        self.text = text
        self.items: dict[Path, list[int]] = {}  # list path -> offsets of the items found so far
        self.ends: dict[Path, int] = {}  # list path -> where the scan of that list stopped
        self.found: dict[Path, int | None] = {}
        self.lines: Lines | None = None

    def __contains__(self, path: Path) -> bool:
        return self._offset(path) is not None

    def __getitem__(self, path: Path) -> tuple[int, int]:
        offset = self._offset(path)
        if offset is None:
            raise KeyError(path)
        if self.lines is None:
            self.lines = Lines(self.text)
        return self.lines.position(offset)

    def get(self, path: Path, default=None):
        return self[path] if path in self else default

    def __bool__(self) -> bool:
        return bool(self.text.strip())

    def _offset(self, path: Path) -> int | None:
        """Offset of the key or item at `path`, or None if the data has no such value."""
        if path in self.found:
            return self.found[path]
        try:
            offset = self._scan(path)
        except (ValueError, IndexError):
            offset = None
        self.found[path] = offset
        return offset

    def _scan(self, path: Path) -> int | None:
        text = self.text
        where = value = _skip_space(text, 0)
        for depth, part in enumerate(path):
            opening = text[value]
            if opening == "{" and isinstance(part, str):
                where = self._key(value, part)
                if where is None:
                    return None
                value = _skip_space(text, _skip_space(text, json.decoder.scanstring(text, where + 1)[1]) + 1)
            elif opening == "[" and isinstance(part, int) and not isinstance(part, bool):
                where = value = self._item(path[:depth], value, part)
                if where is None:
                    return None
            else:
                return None
        return where

    def _key(self, start: int, wanted: str) -> int | None:
        """Offset of the first key `wanted` in the object at `start`."""
        text = self.text
        at = _skip_space(text, start + 1)
        while text[at] == '"':
            key, after = json.decoder.scanstring(text, at + 1)
            if key == wanted:
                return at
            value = _skip_space(text, _skip_space(text, after) + 1)
            at = _skip_space(text, _skip(text, value))
            if text[at] != ",":
                return None
            at = _skip_space(text, at + 1)
        return None

    def _item(self, path: Path, start: int, index: int) -> int | None:
        """Offset of item `index` of the list at `start` (whose path is `path`)."""
        if index < 0:
            return None
        text = self.text
        items = self.items.setdefault(path, [])
        at = self.ends.get(path)
        if at is None:
            at = _skip_space(text, start + 1)
            if text[at] != "]":
                items.append(at)
        while len(items) <= index and text[at] != "]":
            at = _skip_space(text, _skip(text, items[-1]))
            if text[at] != ",":
                break
            at = _skip_space(text, at + 1)
            items.append(at)
        self.ends[path] = at
        return items[index] if index < len(items) else None


def json_duplicates(text: str, name: str) -> list[Diagnostic]:
    """Every repeated key in a JSON text, located like the YAML reader locates them."""
    problems: list[Diagnostic] = []
    lines = Lines(text)

    def walk(at: int, path: Path) -> int:
        if text[at] == "{":
            first_line: dict[str, int] = {}
            at = _skip_space(text, at + 1)
            while text[at] == '"':
                key, after = json.decoder.scanstring(text, at + 1)
                line, column = lines.position(at)
                if key in first_line:
                    message = _("duplicate key {key} (first defined on line {line})").format(
                        key=repr(key), line=first_line[key]
                    )
                    problems.append(Diagnostic(name, line, column, format_path((*path, key)), message))
                else:
                    first_line[key] = line
                at = _skip_space(text, walk(_skip_space(text, _skip_space(text, after) + 1), (*path, key)))
                if text[at] == ",":
                    at = _skip_space(text, at + 1)
            return at + 1
        if text[at] == "[":
            at = _skip_space(text, at + 1)
            index = 0
            while text[at] != "]":
                at = _skip_space(text, walk(at, (*path, index)))
                if text[at] == ",":
                    at = _skip_space(text, at + 1)
                index += 1
            return at + 1
        return _DECODER.raw_decode(text, at)[1]

    walk(_skip_space(text, 0), ())
    return problems


def _skip_space(text: str, at: int) -> int:
    return _SPACE.match(text, at).end()


def _skip(text: str, at: int) -> int:
    """End of the JSON value at `at`; a list is skipped item by item, so no large object is built."""
    if text[at] != "[":
        return _DECODER.raw_decode(text, at)[1]
    at = _skip_space(text, at + 1)
    while text[at] != "]":
        at = _skip_space(text, _DECODER.raw_decode(text, at)[1])
        if text[at] == ",":
            at = _skip_space(text, at + 1)
    return at + 1
