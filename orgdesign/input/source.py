"""Read an input file safely: bytes -> UTF-8 text -> plain data + locations, as one `Source`.

This module reads and decodes; the formats have their own readers:
`yaml_reader` (data built from YAML nodes, with the position of every value)
and `json_reader` (the standard library's parser, located errors), whose
positions are found on demand by `json_marks` when an error needs them, never
by parsing the file a second time as YAML.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from orgdesign.errors import Diagnostic, InputError
from orgdesign.i18n import _
from orgdesign.input import json_reader, yaml_reader
from orgdesign.input.json_marks import JsonMarks
from orgdesign.input.positions import Path, format_path, position

__all__ = ["MAX_BYTES", "Source", "decode", "format_path", "load_source", "parse_text", "read_bytes"]

MAX_BYTES = 64 * 1024 * 1024


@dataclass
class Source:
    """Parsed data of one file, with the location of every value in it."""

    name: str
    data: Any
    text: str = field(repr=False, default="")
    is_json: bool = False
    _marks: dict[Path, tuple[int, int]] | JsonMarks | None = field(default=None, repr=False)

    def locate(self, path: Path) -> tuple[int | None, int | None]:
        """Line and column of the value at `path`, or of its nearest ancestor."""
        if self._marks is None:
            self._marks = JsonMarks(self.text)
        path = tuple(path)
        while path:
            if path in self._marks:
                return self._marks[path]
            path = path[:-1]
        return self._marks.get((), (None, None)) if self._marks else (None, None)

    def diagnostic(self, path: Path, message: str) -> Diagnostic:
        line, column = self.locate(path)
        return Diagnostic(self.name, line, column, format_path(path), message)


def read_bytes(path: str, display: str | None = None) -> bytes:
    """Read a file, turning every OS problem into one located message."""
    name = display or path
    try:
        if os.path.isdir(path):
            raise InputError.single(name, _("is a directory; expected an org file"))
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise InputError.single(
                name,
                _("file is {size} MiB; the limit is {limit} MiB").format(
                    size=f"{size / 2**20:.0f}", limit=MAX_BYTES // 2**20
                ),
            )
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:  # a pipe or /dev/stdin has no size to check beforehand
            raise InputError.single(
                name, _("input is larger than the limit of {limit} MiB").format(limit=MAX_BYTES // 2**20)
            )
        return raw
    except FileNotFoundError:
        raise InputError.single(name, _("no such file")) from None
    except PermissionError:
        raise InputError.single(name, _("permission denied: cannot read this file")) from None
    except IsADirectoryError:
        raise InputError.single(name, _("is a directory; expected an org file")) from None
    except OSError as error:
        raise InputError.single(name, _("cannot read file: {reason}").format(reason=error.strerror or error)) from None


def decode(raw: bytes, name: str) -> str:
    """Bytes to text: UTF-8 only, with a precise message for anything else."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError.single(name, _("file is UTF-16; save it as UTF-8"), 1, 1)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = position(raw, nul)
        raise InputError.single(
            name, _("file contains a NUL byte; it is binary or UTF-16 without a byte-order mark"), line, column
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = position(raw, error.start)
        raise InputError.single(
            name,
            _("byte {byte} is not valid UTF-8; save the file as UTF-8").format(byte=f"0x{raw[error.start]:02x}"),
            line,
            column,
        ) from None
    if not text.strip():
        raise InputError.single(name, _("file is empty"), 1, 1)
    return text


def load_source(path: str, display: str | None = None) -> Source:
    """Read and parse `path` (YAML, or JSON when it ends in .json)."""
    name = display or path
    text = decode(read_bytes(path, name), name)
    return parse_text(text, name, is_json=path.lower().endswith(".json"))


def parse_text(text: str, name: str, is_json: bool = False) -> Source:
    """Parse text already in memory (used for files and for tests)."""
    if is_json:
        return Source(name, json_reader.parse_json(text, name), text, True)
    data, marks, problems = yaml_reader.parse_yaml(text, name)
    if problems:
        raise InputError(problems)
    return Source(name, data, text, False, marks)
