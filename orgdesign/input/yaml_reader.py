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
from orgdesign.i18n import N_, _, number
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
_NOT_A_NUMBER = {_INT: N_("{value} is not a whole number"), _FLOAT: N_("{value} is not a number")}
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
        raise InputError.single(name, _("invalid YAML: {problem}").format(problem=error)) from None
    except RecursionError:
        raise InputError.single(name, _("nesting is deeper than {depth} levels").format(depth=MAX_DEPTH)) from None
    finally:
        if gc_was_enabled:
            gc.enable()
    if root is None:
        raise InputError.single(name, _("file is empty"), 1, 1)
    walker = _Walker(name, yaml.constructor.SafeConstructor())
    if "*" in text:  # only an alias can make the data larger than the file
        walker.check_size(root)
    walker.marks[()] = _mark(root)
    data = walker.build(root, (), 0)
    return data, walker.marks, walker.problems


def _yaml_message(error, text: str, mark) -> str:
    problem = _pyyaml((error.problem or str(error)).strip())
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        return _("invalid YAML: a tab character cannot be used for indentation; use spaces")
    context = ""
    if error.context and error.context != error.problem:
        what = _pyyaml(error.context.strip())
        if error.context_mark and error.problem_mark and error.context_mark.line != error.problem_mark.line:
            context = " " + _("({context} that starts on line {line})").format(
                context=what, line=error.context_mark.line + 1
            )
        else:
            context = f" ({what})"
    return _("invalid YAML: {problem}").format(problem=problem + context)


# PyYAML's most frequent problems and contexts (its C and its Python parser word some differently).
_PYYAML = {
    "mapping values are not allowed here": N_("mapping values are not allowed here"),
    "mapping values are not allowed in this context": N_("mapping values are not allowed in this context"),
    "could not find expected ':'": N_("could not find expected ':'"),
    "did not find expected key": N_("did not find expected key"),
    "did not find expected '-' indicator": N_("did not find expected '-' indicator"),
    "did not find expected ',' or ']'": N_("did not find expected ',' or ']'"),
    "did not find expected ',' or '}'": N_("did not find expected ',' or '}'"),
    "did not find expected <document start>": N_("did not find expected <document start>"),
    "found character that cannot start any token": N_("found character that cannot start any token"),
    "found undefined alias": N_("found undefined alias"),
    "found unexpected end of stream": N_("found unexpected end of stream"),
    "found unknown directive name": N_("found unknown directive name"),
    "found duplicate anchor; first occurrence": N_("found duplicate anchor; first occurrence"),
    "second occurrence": N_("second occurrence"),
    "while parsing a block mapping": N_("while parsing a block mapping"),
    "while parsing a block collection": N_("while parsing a block collection"),
    "while parsing a flow sequence": N_("while parsing a flow sequence"),
    "while parsing a flow mapping": N_("while parsing a flow mapping"),
    "while scanning a simple key": N_("while scanning a simple key"),
    "while scanning a quoted scalar": N_("while scanning a quoted scalar"),
    "while scanning a plain scalar": N_("while scanning a plain scalar"),
    "while scanning a block scalar": N_("while scanning a block scalar"),
    "while scanning for the next token": N_("while scanning for the next token"),
    "while scanning an alias": N_("while scanning an alias"),
    "while scanning an anchor": N_("while scanning an anchor"),
    "while scanning a directive": N_("while scanning a directive"),
    "while parsing a node": N_("while parsing a node"),
}


def _pyyaml(text: str) -> str:
    """PyYAML's words in the reader's language where we know them; as PyYAML said them otherwise."""
    return _(_PYYAML[text]) if text in _PYYAML else text


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
                raise InputError.single(
                    self.name, _("nesting is deeper than {depth} levels").format(depth=MAX_DEPTH), *_mark(node)
                )
            distinct += 1
            expanded[key] = 0  # placeholder; replaced when children are done
            stack.append((node, depth, True))
            for child in _children(node):
                if id(child) not in expanded:
                    stack.append((child, depth + 1, False))
        if expanded[id(root)] > distinct + ALIAS_EXPANSION_LIMIT:
            raise InputError.single(
                self.name,
                _("aliases expand to {count} values; refusing (an alias bomb?)").format(
                    count=number(expanded[id(root)], 0)
                ),
                *_mark(root),
            )

    def build(self, node, path: Path, depth: int):
        import yaml

        if depth > MAX_DEPTH:
            raise InputError.single(
                self.name, _("nesting is deeper than {depth} levels").format(depth=MAX_DEPTH), *_mark(node)
            )
        if node.tag == _MERGE:
            self.problems.append(
                Diagnostic(
                    self.name, *_mark(node), format_path(path), _("'<<' (a merge) can only be a key before a mapping")
                )
            )
            return None
        if node.tag not in _ALLOWED:
            self.problems.append(
                Diagnostic(
                    self.name,
                    *_mark(node),
                    format_path(path),
                    _("the tag {tag} is not allowed: orgdesign files hold plain data only").format(tag=repr(node.tag)),
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
                Diagnostic(self.name, *_mark(node), format_path(path), _("'!!null' must not hold a value"))
            )
            return None
        try:
            return self.constructor.construct_object(node)
        except ValueError as error:
            if "digits" in str(error):
                reason = _("number is too long")
            else:
                reason = _(_NOT_A_NUMBER.get(node.tag, N_("{value} is not a valid value"))).format(
                    value=repr(node.value)
                )
            self.problems.append(Diagnostic(self.name, *_mark(node), format_path(path), reason))
            return None
        except (IndexError, AttributeError, TypeError):  # PyYAML's constructors fail this way on '!!float ""'
            reason = _(_NOT_A_NUMBER.get(node.tag, N_("{value} is not a valid value"))).format(value=repr(node.value))
            self.problems.append(Diagnostic(self.name, *_mark(node), format_path(path), reason))
            return None

    def mapping(self, node, path: Path, depth: int, merging: frozenset = frozenset()) -> dict:
        """Build a mapping; `merging` holds the mappings being merged into it, to refuse a merge loop."""
        import yaml

        if depth > MAX_DEPTH:
            raise InputError.single(
                self.name, _("nesting is deeper than {depth} levels").format(depth=MAX_DEPTH), *_mark(node)
            )
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
                        _("a key must be a plain value, not a list or mapping"),
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
                        _("duplicate key {key} (first defined on line {line})").format(key=repr(key), line=where[key]),
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
                        Diagnostic(self.name, *_mark(mapping), format_path(path), _("'<<' must merge a mapping"))
                    )
                    continue
                if id(mapping) in merging:
                    self.problems.append(
                        Diagnostic(self.name, *_mark(source), format_path(path), _("'<<' merges a mapping into itself"))
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
