"""Read YAML text into plain data, keeping the line and column of every value.

YAML is composed into nodes (never into Python objects from tags), and the
data is built by walking those nodes, so that every value keeps the line and
column it came from, duplicate keys are caught (PyYAML keeps the last one
silently), and alias bombs and absurd nesting are refused before they cost
time or memory.
"""

from __future__ import annotations

import re
from typing import Any

from orgdesign.errors import Diagnostic, InputError
from orgdesign.input.positions import MAX_DEPTH, Path, format_path

ALIAS_EXPANSION_LIMIT = 100_000  # nodes that aliases may add beyond the file's own

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


def parse_yaml(text: str, name: str) -> tuple[Any, dict[Path, tuple[int, int]], list[Diagnostic]]:
    """The data in `text`, where each value sits, and the problems found while building it.

    A syntax error, an alias bomb or nesting too deep raise InputError at once;
    other problems (a duplicate key, a tag) are collected so the user sees them all.
    """
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
                Diagnostic(
                    self.name, *_mark(node), format_path(path), "'<<' (a merge) can only be a key before a mapping"
                )
            )
            return None
        if node.tag not in _ALLOWED:
            self.problems.append(
                Diagnostic(
                    self.name,
                    *_mark(node),
                    format_path(path),
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
            self.problems.append(
                Diagnostic(self.name, *_mark(node), format_path(path), "'!!null' must not hold a value")
            )
            return None
        try:
            return self.constructor.construct_object(node)
        except ValueError as error:
            if "digits" in str(error):
                reason = "number is too long"
            else:
                reason = f"{node.value!r} is not {_NUMBER_WORDS.get(node.tag, 'a valid value')}"
            self.problems.append(Diagnostic(self.name, *_mark(node), format_path(path), reason))
            return None
        except (IndexError, AttributeError, TypeError):  # PyYAML's constructors fail this way on '!!float ""'
            what = _NUMBER_WORDS.get(node.tag, "a valid value")
            self.problems.append(
                Diagnostic(self.name, *_mark(node), format_path(path), f"{node.value!r} is not {what}")
            )
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
                        self.name,
                        *_mark(key_node),
                        format_path(path),
                        "a key must be a plain value, not a list or mapping",
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
                        format_path(child_path),
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
                        Diagnostic(self.name, *_mark(mapping), format_path(path), "'<<' must merge a mapping")
                    )
                    continue
                if id(mapping) in merging:
                    self.problems.append(
                        Diagnostic(self.name, *_mark(source), format_path(path), "'<<' merges a mapping into itself")
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
