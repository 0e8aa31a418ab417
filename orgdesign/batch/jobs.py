"""Which files a batch runs, where each one's outputs go, and the result each file sends back.

Output names are decided before any work starts, so two inputs never write
the same file and a refused name is reported with the other problems.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from orgdesign.errors import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, BadValue, InputError, OutputError
from orgdesign.i18n import _

EXTENSIONS = (".yaml", ".yml", ".json")
SUMMARY = "summary"  # summary.json and summary.md; an input named summary.* keeps its full name
TOP_FINDINGS = 10
EXIT_INTERNAL = 70  # as for a single file: a bug, please report it

OK = "ok"
BAD_INPUT = "bad-input"
INFEASIBLE = "infeasible"
NOT_WRITTEN = "not-written"
INTERNAL_ERROR = "internal-error"
STATUSES = (OK, BAD_INPUT, INFEASIBLE, NOT_WRITTEN, INTERNAL_ERROR)
_EXIT = {
    OK: EXIT_OK,
    INFEASIBLE: EXIT_FINDINGS,
    BAD_INPUT: EXIT_BAD_INPUT,
    NOT_WRITTEN: EXIT_BAD_INPUT,
    INTERNAL_ERROR: EXIT_INTERNAL,
}


@dataclass(frozen=True)
class Job:
    """One file to run: where it is, how to name it in messages, and where its outputs go."""

    file: str  # the name inside the folder; the sort key of everything
    path: str
    display: str  # the path as the user spelled the folder, for file:line:col messages
    outputs: tuple[str, ...]  # <base>.json, <base>.md
    force: bool = False


@dataclass(frozen=True)
class FileResult:
    """What a worker sends back for one file: small and picklable."""

    file: str
    status: str
    lines: tuple[str, ...] = ()  # the problems, each starting with the file
    redacted: tuple[str, ...] = ()  # the same for summaries, when the lines could quote the file (see `redact`)
    outputs: tuple[str, ...] = ()  # the names written into the output folder
    owners: tuple[tuple[str, str], ...] = ()  # (objective kind, owner's function), one per objective, sorted
    model: str | None = None
    findings: tuple[tuple[str, str], ...] = ()  # (code, name), one per finding
    warnings: tuple[str, ...] = ()  # located doubts that did not stop the file (names that look alike)

    @property
    def failed(self) -> bool:
        return self.status != OK

    @property
    def summary_lines(self) -> tuple[str, ...]:
        """The problems as the summaries show them: never a value read from the file, always valid UTF-8."""
        return tuple(printable(line) for line in self.redacted or self.lines)


# --- the folder ------------------------------------------------------------------


def discover(folder: str) -> list[str]:
    """The org files directly in `folder` (*.yaml, *.yml, *.json), sorted by name.

    Hidden files are skipped, as a shell's `*` would; sub-folders are not read.
    Symbolic links are listed (`plan` refuses those that leave the folder).
    """
    if not os.path.exists(folder):
        raise InputError.single(folder, _("no such folder"))
    if not os.path.isdir(folder):
        raise InputError.single(folder, _("is not a folder; batch takes a folder of org files"))
    try:
        names = os.listdir(folder)
    except OSError as error:
        raise InputError.single(
            folder, _("cannot read this folder: {reason}").format(reason=error.strerror or error)
        ) from None
    found = sorted(
        name
        for name in names
        if not name.startswith(".")
        and os.path.splitext(name)[1].lower() in EXTENSIONS
        and (os.path.isfile(os.path.join(folder, name)) or os.path.islink(os.path.join(folder, name)))
    )
    if not found:
        raise InputError.single(
            folder, _("no org files here (expected {patterns})").format(patterns=", ".join("*" + e for e in EXTENSIONS))
        )
    return found


def output_bases(files: Iterable[str]) -> dict[str, str]:
    """The output name (without .json/.md) of each input.

    A file's stem, unless another input has the same stem (ignoring case, for
    macOS and Windows) or the stem is `summary`: then the full file name.
    Names can still collide (`a.yaml`, `a.json` and `a.yaml.json`); `plan`
    refuses those files.

    >>> output_bases(["a.yaml", "a.json", "b.yml", "summary.yaml"])
    {'a.yaml': 'a.yaml', 'a.json': 'a.json', 'b.yml': 'b', 'summary.yaml': 'summary.yaml'}
    """
    files = list(files)
    stems = Counter(os.path.splitext(f)[0].casefold() for f in files)
    bases = {}
    for name in files:
        stem = os.path.splitext(name)[0]
        unique = stems[stem.casefold()] == 1 and stem.casefold() != SUMMARY
        bases[name] = stem if unique else name
    return bases


def prepare_output(folder: str, output: str, force: bool) -> None:
    """Create the output folder; refuse the input folder itself and an old summary without force."""
    if os.path.exists(output) and not os.path.isdir(output):
        raise OutputError(_("{path}: is a file; --output takes a folder").format(path=output))
    if os.path.isdir(output) and os.path.samefile(folder, output):
        raise BadValue("output", _("must not be the input folder (the outputs would be read as inputs next time)"))
    try:
        os.makedirs(output, exist_ok=True)
    except OSError as error:
        raise OutputError(
            _("{path}: cannot create this folder: {reason}").format(path=output, reason=error.strerror or error)
        ) from None
    from orgdesign.write import check_target

    for name in (SUMMARY + ".json", SUMMARY + ".md"):
        path = os.path.join(output, name)
        if not force and os.path.lexists(path):
            raise OutputError(
                _("{path}: already exists; use --force to overwrite the outputs of an earlier batch").format(path=path)
            )
        check_target(path, force)  # a link or a device is refused even with --force


def prepare(folder: str, output: str, force: bool = False) -> tuple[list[Job], list[FileResult]]:
    """Check both folders, create the output one, and plan a job per file (see `plan`)."""
    files = discover(folder)
    prepare_output(folder, output, force)
    return plan(folder, files, output, force)


def plan(folder: str, files: list[str], output: str, force: bool = False) -> tuple[list[Job], list[FileResult]]:
    """A job per file, and a failed result for each file that is not read or whose output names would collide."""
    bases = output_bases(files)
    jobs, refused = [], []
    for name in files:
        display = printable(os.path.join(folder, name))
        path, reason = _readable(folder, name)
        if reason:
            refused.append(FileResult(printable(name), BAD_INPUT, (f"{display}: {reason}",)))
            continue
        base = bases[name]
        others = [f for f, b in bases.items() if b.casefold() == base.casefold() and f != name]
        if others:
            refused.append(
                FileResult(
                    name,
                    NOT_WRITTEN,
                    (
                        _("{path}: its outputs would have the same names as those of {others}; rename one").format(
                            path=display, others=", ".join(others)
                        ),
                    ),
                )
            )
            continue
        outputs = tuple(os.path.join(output, base + ext) for ext in (".json", ".md"))
        jobs.append(Job(name, path, display, outputs, force))
    return jobs, refused


def printable(name: str) -> str:
    r"""A file name as text that can always be written: bytes that are not UTF-8 as \x escapes.

    >>> printable(os.fsdecode(b"bad\xff.yaml"))
    'bad\\xff.yaml'
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _readable(folder: str, name: str) -> tuple[str, str]:
    """The path to read for `name`, or why it is not read.

    A symbolic link is followed only to a file inside the folder: a link to a
    file elsewhere would let whoever filled the folder read that file through
    the batch, so it is refused (`path` is then the link's target as checked).
    """
    if printable(name) != name:
        return "", _("the file name is not valid UTF-8; rename the file")
    path = os.path.join(folder, name)
    if not os.path.islink(path):
        return path, ""
    target = os.path.realpath(path)
    inside = os.path.realpath(folder)
    if os.path.commonpath([target, inside]) != inside:
        return "", _("is a symbolic link to a file outside the folder; links that leave the folder are not followed")
    if not os.path.isfile(target):
        return "", _("is a symbolic link to something that is not a file; not read")
    return target, ""
