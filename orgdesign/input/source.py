"""Read an input file safely: bytes -> UTF-8 text -> plain data + locations.

YAML is composed into nodes (never into Python objects from tags), and the
data is built by walking those nodes, so that every value keeps the line and
column it came from, duplicate keys are caught (PyYAML keeps the last one
silently), and alias bombs and absurd nesting are refused before they cost
time or memory. JSON is parsed by the standard library; its locations are
only computed when an error needs them, by a scanner that walks just the
path asked for (never by parsing the file a second time as YAML).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from typing import Any

from orgdesign.errors import Diagnostic, InputError

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 40
ALIAS_EXPANSION_LIMIT = 100_000  # nodes that aliases may add beyond the file's own

Path = tuple  # a path into the data: keys and list indexes


@dataclass
class Source:
    """Parsed data of one file, with the location of every value in it."""

    name: str
    data: Any
    text: str = field(repr=False, default="")
    is_json: bool = False
    _marks: dict[Path, tuple[int, int]] | None = field(default=None, repr=False)

    def locate(self, path: Path) -> tuple[int | None, int | None]:
        """Line and column of the value at `path`, or of its nearest ancestor."""
        if self._marks is None:
            self._marks = _JsonMarks(self.text)
        path = tuple(path)
        while path:
            if path in self._marks:
                return self._marks[path]
            path = path[:-1]
        return self._marks.get((), (None, None)) if self._marks else (None, None)

    def diagnostic(self, path: Path, message: str) -> Diagnostic:
        line, column = self.locate(path)
        return Diagnostic(self.name, line, column, format_path(path), message)


def format_path(path: Path) -> str:
    """`('departments', 3, 'reports_to')` -> `departments[3].reports_to`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def read_bytes(path: str, display: str | None = None) -> bytes:
    """Read a file, turning every OS problem into one located message."""
    name = display or path
    try:
        if os.path.isdir(path):
            raise InputError.single(name, "is a directory; expected an org file")
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise InputError.single(name, f"file is {size / 2**20:.0f} MiB; the limit is {MAX_BYTES // 2**20} MiB")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:  # a pipe or /dev/stdin has no size to check beforehand
            raise InputError.single(name, f"input is larger than the limit of {MAX_BYTES // 2**20} MiB")
        return raw
    except FileNotFoundError:
        raise InputError.single(name, "no such file") from None
    except PermissionError:
        raise InputError.single(name, "permission denied: cannot read this file") from None
    except IsADirectoryError:
        raise InputError.single(name, "is a directory; expected an org file") from None
    except OSError as error:
        raise InputError.single(name, f"cannot read file: {error.strerror or error}") from None


def decode(raw: bytes, name: str) -> str:
    """Bytes to text: UTF-8 only, with a precise message for anything else."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError.single(name, "file is UTF-16; save it as UTF-8", 1, 1)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _position(raw, nul)
        raise InputError.single(
            name, "file contains a NUL byte; it is binary or UTF-16 without a byte-order mark", line, column
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(raw, error.start)
        raise InputError.single(
            name, f"byte 0x{raw[error.start]:02x} is not valid UTF-8; save the file as UTF-8", line, column
        ) from None
    if not text.strip():
        raise InputError.single(name, "file is empty", 1, 1)
    return text


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


def load_source(path: str, display: str | None = None) -> Source:
    """Read and parse `path` (YAML, or JSON when it ends in .json)."""
    name = display or path
    text = decode(read_bytes(path, name), name)
    return parse_text(text, name, is_json=path.lower().endswith(".json"))


def parse_text(text: str, name: str, is_json: bool = False) -> Source:
    """Parse text already in memory (used for files and for tests)."""
    if is_json:
        return _parse_json(text, name)
    data, marks, problems = _parse_yaml(text, name)
    if problems:
        raise InputError(problems)
    return Source(name, data, text, False, marks)


# --- JSON -------------------------------------------------------------------


def _parse_json(text: str, name: str) -> Source:
    duplicates: list[str] = []

    def pairs(items):
        seen: dict = {}
        for key, value in items:
            if key in seen:
                duplicates.append(key)
            seen[key] = value
        return seen

    def constant(word):
        raise _Constant(word)

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as error:
        message = error.msg
        if not text[error.pos :].strip():
            message = "the file ends before the JSON is complete (an unclosed bracket or brace?)"
        elif "Expecting property name" in message or "Expecting value" in message:
            prior = text[: error.pos].rstrip()
            if prior.endswith(","):
                message = "trailing comma is not allowed in JSON"
        raise InputError.single(name, f"invalid JSON: {message}", error.lineno, error.colno) from None
    except _Constant as error:
        line, column = _position(text.encode(), len(text[: text.find(error.word)].encode()))
        raise InputError.single(name, f"invalid JSON: {error.word} is not a number JSON allows", line, column) from None
    except RecursionError:
        line, column = _too_deep(text)
        raise InputError.single(name, f"nesting is deeper than {MAX_DEPTH} levels", line, column) from None
    except ValueError as error:
        raise InputError.single(name, f"invalid JSON: {error}") from None
    source = Source(name, data, text, True)
    if duplicates:
        fallback = [Diagnostic(name, None, None, "", f"duplicate key {duplicates[0]!r}")]
        raise InputError(_json_duplicates(text, name) or fallback)
    return source


def _too_deep(text: str) -> tuple[int | None, int | None]:
    """Where JSON brackets first nest deeper than MAX_DEPTH (strings skipped)."""
    depth, in_string, escaped = 0, False, False
    for index, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return _position(text[:index].encode(), len(text[:index].encode()))
        elif char in "]}":
            depth -= 1
    return None, None


class _Constant(ValueError):
    def __init__(self, word: str):
        self.word = word


class _JsonMarks:
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
        self.lines: _Lines | None = None

    def __contains__(self, path: Path) -> bool:
        return self._offset(path) is not None

    def __getitem__(self, path: Path) -> tuple[int, int]:
        offset = self._offset(path)
        if offset is None:
            raise KeyError(path)
        if self.lines is None:
            self.lines = _Lines(self.text)
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


_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def _skip_space(text: str, at: int) -> int:
    return _SPACE.match(text, at).end()


class _Lines:
    """Line and column of offsets into a large text: newlines are counted once per block."""

    BLOCK = 1 << 16

    def __init__(self, text: str):
        self.text = text
        self.before = [0]  # newlines before each block
        self.last = [-1]  # the last newline before each block
        for start in range(0, len(text), self.BLOCK):
            end = start + self.BLOCK
            newline = text.rfind("\n", start, end)
            self.before.append(self.before[-1] + text.count("\n", start, end))
            self.last.append(newline if newline >= 0 else self.last[-1])

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters)."""
        block = offset // self.BLOCK
        start = block * self.BLOCK
        newline = self.text.rfind("\n", start, offset)
        if newline < 0:
            newline = self.last[block]
        return self.before[block] + self.text.count("\n", start, offset) + 1, offset - newline


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


def _json_duplicates(text: str, name: str) -> list[Diagnostic]:
    """Every repeated key in a JSON text, located like the YAML reader locates them."""
    problems: list[Diagnostic] = []
    lines = _Lines(text)

    def walk(at: int, path: Path) -> int:
        if text[at] == "{":
            first_line: dict[str, int] = {}
            at = _skip_space(text, at + 1)
            while text[at] == '"':
                key, after = json.decoder.scanstring(text, at + 1)
                line, column = lines.position(at)
                if key in first_line:
                    message = f"duplicate key {key!r} (first defined on line {first_line[key]})"
                    problems.append(Diagnostic(name, line, column, _fmt((*path, key)), message))
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


# --- YAML -------------------------------------------------------------------

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9_]*)")  # YAML 1.1 also reads 010 as 8, 0x1F, 0b11 and 1:20 as 80
_NUMBER_WORDS = {_INT: "a whole number", _FLOAT: "a number"}
_ALLOWED = {
    _STR,
    _BOOL,
    _TIMESTAMP,
    _INT,
    _FLOAT,
    _NULL,
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


def _yaml():
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml, loader


def _parse_yaml(text: str, name: str):
    yaml, loader_class = _yaml()
    import gc

    gc_was_enabled = gc.isenabled()
    gc.disable()  # composing creates many small objects and no cycles worth collecting
    try:
        loader = loader_class(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise InputError.single(name, _yaml_message(error, text, mark), line, column) from None
    except yaml.YAMLError as error:
        raise InputError.single(name, f"invalid YAML: {error}") from None
    except RecursionError:
        raise InputError.single(name, f"nesting is deeper than {MAX_DEPTH} levels") from None
    finally:
        if gc_was_enabled:
            gc.enable()
    if root is None:
        raise InputError.single(name, "file is empty", 1, 1)
    walker = _Walker(name, yaml.constructor.SafeConstructor())
    if "*" in text:  # only an alias can make the data larger than the file
        walker.check_size(root)
    walker.marks[()] = _mark(root)
    data = walker.build(root, (), 0)
    return data, walker.marks, walker.problems


def _yaml_message(error, text: str, mark) -> str:
    problem = (error.problem or str(error)).strip()
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        return "invalid YAML: a tab character cannot be used for indentation; use spaces"
    context = ""
    if error.context and error.context != error.problem:
        context = f" ({error.context.strip()}"
        if error.context_mark and error.problem_mark and error.context_mark.line != error.problem_mark.line:
            context += f" that starts on line {error.context_mark.line + 1}"
        context += ")"
    return f"invalid YAML: {problem}{context}"


class _Walker:
    """Builds plain data from YAML nodes and records where each value sits."""

    def __init__(self, name: str, constructor):
        self.name = name
        self.constructor = constructor
        self.marks: dict[Path, tuple[int, int]] = {}
        self.problems: list[Diagnostic] = []

    def check_size(self, root) -> None:
        """Refuse alias bombs: compare the expanded size with the distinct nodes."""
        expanded: dict[int, int] = {}
        distinct = 0
        stack = [(root, 0, False)]
        while stack:
            node, depth, done = stack.pop()
            key = id(node)
            if done:
                children = _children(node)
                expanded[key] = 1 + sum(expanded[id(child)] for child in children)
                continue
            if key in expanded:
                continue
            if depth > MAX_DEPTH:
                raise InputError.single(self.name, f"nesting is deeper than {MAX_DEPTH} levels", *_mark(node))
            distinct += 1
            expanded[key] = 0  # placeholder; replaced when children are done
            stack.append((node, depth, True))
            for child in _children(node):
                if id(child) not in expanded:
                    stack.append((child, depth + 1, False))
        if expanded[id(root)] > distinct + ALIAS_EXPANSION_LIMIT:
            raise InputError.single(
                self.name,
                f"aliases expand to {expanded[id(root)]:,} values; refusing (an alias bomb?)",
                *_mark(root),
            )

    def build(self, node, path: Path, depth: int):
        import yaml

        if depth > MAX_DEPTH:
            raise InputError.single(self.name, f"nesting is deeper than {MAX_DEPTH} levels", *_mark(node))
        if node.tag == _MERGE:
            self.problems.append(
                Diagnostic(self.name, *_mark(node), _fmt(path), "'<<' (a merge) can only be a key before a mapping")
            )
            return None
        if node.tag not in _ALLOWED:
            self.problems.append(
                Diagnostic(
                    self.name,
                    *_mark(node),
                    _fmt(path),
                    f"the tag {node.tag!r} is not allowed: orgdesign files hold plain data only",
                )
            )
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.item(child, (*path, index), depth) for index, child in enumerate(node.value)]
        return self.mapping(node, path, depth)

    def item(self, child, path: Path, depth: int):
        self.marks[path] = _mark(child)
        return self.build(child, path, depth + 1)

    def scalar(self, node, path: Path):
        if node.tag in (_STR, _TIMESTAMP):
            return node.value
        if node.tag == _BOOL and node.value.lower() not in ("true", "false"):
            return node.value  # yes/no/on/off stay text: country code NO is Norway
        if node.tag == _INT and not _DECIMAL.fullmatch(node.value) or node.tag == _FLOAT and ":" in node.value:
            return node.value  # numbers are decimal: 1:20, 010 and 0x1F stay text, and fail where a number goes
        if node.tag == _NULL and node.value not in ("", "~", "null", "Null", "NULL"):
            self.problems.append(Diagnostic(self.name, *_mark(node), _fmt(path), "'!!null' must not hold a value"))
            return None
        try:
            return self.constructor.construct_object(node)
        except ValueError as error:
            if "digits" in str(error):
                reason = "number is too long"
            else:
                reason = f"{node.value!r} is not {_NUMBER_WORDS.get(node.tag, 'a valid value')}"
            self.problems.append(Diagnostic(self.name, *_mark(node), _fmt(path), reason))
            return None
        except (IndexError, AttributeError, TypeError):  # PyYAML's constructors fail this way on '!!float ""'
            what = _NUMBER_WORDS.get(node.tag, "a valid value")
            self.problems.append(Diagnostic(self.name, *_mark(node), _fmt(path), f"{node.value!r} is not {what}"))
            return None

    def mapping(self, node, path: Path, depth: int, merging: frozenset = frozenset()) -> dict:
        """Build a mapping; `merging` holds the mappings being merged into it, to refuse a merge loop."""
        import yaml

        if depth > MAX_DEPTH:
            raise InputError.single(self.name, f"nesting is deeper than {MAX_DEPTH} levels", *_mark(node))
        result: dict = {}
        where: dict[str, int] = {}
        merged: list = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merged.append(value_node)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    Diagnostic(
                        self.name, *_mark(key_node), _fmt(path), "a key must be a plain value, not a list or mapping"
                    )
                )
                continue
            key = key_node.value
            child_path = (*path, key)
            if key in where:
                self.problems.append(
                    Diagnostic(
                        self.name,
                        *_mark(key_node),
                        _fmt(child_path),
                        f"duplicate key {key!r} (first defined on line {where[key]})",
                    )
                )
                continue
            where[key] = key_node.start_mark.line + 1
            self.marks[child_path] = _mark(key_node)
            result[key] = self.build(value_node, child_path, depth + 1)
        if merged:
            merging = merging | {id(node)}
        for source in merged:
            sources = source.value if isinstance(source, yaml.SequenceNode) else [source]
            for mapping in sources:
                if not isinstance(mapping, yaml.MappingNode):
                    self.problems.append(
                        Diagnostic(self.name, *_mark(mapping), _fmt(path), "'<<' must merge a mapping")
                    )
                    continue
                if id(mapping) in merging:
                    self.problems.append(
                        Diagnostic(self.name, *_mark(source), _fmt(path), "'<<' merges a mapping into itself")
                    )
                    continue
                for key, value in self.mapping(mapping, path, depth + 1, merging).items():
                    result.setdefault(key, value)
        return result


def _children(node) -> list:
    value = node.value
    if isinstance(value, str):
        return []
    if value and isinstance(value[0], tuple):
        return [part for pair in value for part in pair]
    return list(value)


def _mark(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _fmt(path: Path) -> str:
    return format_path(path)
