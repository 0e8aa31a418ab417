"""Where a value sits: paths into parsed data, and line and column of offsets in text.

Both readers (YAML and JSON) report problems with these, so a diagnostic reads
the same whichever format the user wrote.
"""

from __future__ import annotations

MAX_DEPTH = 40  # the deepest nesting either reader accepts, so no path is longer

Path = tuple  # a path into the data: keys and list indexes


def format_path(path: Path) -> str:
    """`('departments', 3, 'reports_to')` -> `departments[3].reports_to`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset (the column counts bytes)."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


class Lines:
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
