"""Every error orgdesign raises, and the exit code each one means.

    OrgdesignError              exit 2 unless a subclass says otherwise
    ├── InputError              a file or value is wrong; carries Diagnostics
    │   └── UsageError          a command-line value is wrong (no file behind it); raised by the CLI only
    ├── BadValue                a value passed to the library is not one it takes (also a ValueError)
    ├── OutputError             a file could not be written (exists, unwritable)
    └── InfeasibleError         exit 1: valid input, but no assignment satisfies it; carries Findings

Domain code raises these and never prints, and never names a command-line
option: the CLI turns a BadValue into a UsageError for the option that
carried the value. The CLI catches errors in one place and prints each
diagnostic as `file:line:col: field: message` on stderr.
A doubt that should not stop the run is an `InputWarning`, issued with
`warnings.warn`; the CLI prints it the same way, in its own colour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orgdesign.i18n import ngettext, number

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2  # also: an output (a file, stdout) could not be written
EXIT_INTERNAL = 70  # a bug: please report it
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_BROKEN_PIPE = 141  # the reader of stdout went away (`| head`): quiet, as a tool killed by SIGPIPE


ECHO_LIMIT = 60  # characters of a value a message repeats back...
_SLACK = 20  # ...once it is this much longer: cutting less would save nothing
# A value as messages echo it: quoted with repr(), or a long number; and a long key inside a field path.
_LONG = ECHO_LIMIT + _SLACK + 1
_ECHOED = re.compile(r"""'(?:[^'\\\n]++|\\.)*+'|"(?:[^"\\\n]++|\\.)*+"|\d{""" + f"{_LONG},}}")
_LONG_KEY = re.compile(r"[^.\[\]]{" + f"{_LONG},}}")


def shorten(text: str, pattern: re.Pattern = _ECHOED) -> str:
    """Cut each value a message echoes to ECHO_LIMIT characters, saying how long it was.

    >>> shorten("unknown function '" + "x" * 100 + "' (did you mean 'x'?)")[-49:]
    "xxxxxxxxxx…' (100 characters) (did you mean 'x'?)"
    """

    def cut(match: re.Match) -> str:
        echoed = match.group()
        if len(echoed) <= ECHO_LIMIT + _SLACK:
            return echoed
        quote = echoed[0] if echoed[0] in "'\"" else ""
        size = len(echoed) - 2 * len(quote)
        if echoed[0].isdigit():
            length = ngettext("({count} digit)", "({count} digits)", size).format(count=number(size, 0))
        else:
            length = ngettext("({count} character)", "({count} characters)", size).format(count=number(size, 0))
        return f"{echoed[: ECHO_LIMIT - 1 - len(quote)]}…{quote} {length}"

    return pattern.sub(cut, text)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One located problem in an input file.

    Every value the message or the field repeats from the input is shortened
    here, so a 10 MB name cannot become 10 MB of error output.
    """

    file: str
    line: int | None
    column: int | None
    field: str
    message: str

    def __post_init__(self) -> None:
        if len(self.message) > ECHO_LIMIT:
            object.__setattr__(self, "message", shorten(self.message))
        if len(self.field) > ECHO_LIMIT:
            object.__setattr__(self, "field", shorten(self.field, _LONG_KEY))

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class OrgdesignError(Exception):
    """Base of all orgdesign errors."""

    exit_code = EXIT_BAD_INPUT

    @property
    def lines(self) -> list[str]:
        """The lines to print on stderr."""
        return [str(self)]


class InputError(OrgdesignError):
    """One or more located problems in an input; all are reported together."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(diagnostics, key=lambda d: (d.file, d.line or 0, d.column or 0, d.field, d.message))
        super().__init__("\n".join(self.lines))

    @property
    def lines(self) -> list[str]:
        return [str(d) for d in self.diagnostics]

    @classmethod
    def single(cls, file: str, message: str, line: int | None = None, column: int | None = None, field: str = ""):
        return cls([Diagnostic(file, line, column, field, message)])


class UsageError(InputError):
    """A bad command-line value, reported like a file error for `<command line>`."""

    def __init__(self, option: str, message: str):
        super().__init__([Diagnostic("<command line>", None, None, option, message)])


class InputWarning(UserWarning):
    """A located doubt about an input that does not stop the run (two names that look alike)."""

    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic
        super().__init__(str(diagnostic))


class BadValue(OrgdesignError, ValueError):
    """A value the library does not take: an unknown format or view, an objective that is not in the org.

    `what` says which value it was ("format", "objective"...), so the CLI can
    name the option that carried it.
    """

    def __init__(self, what: str, message: str):
        self.what = what
        super().__init__(message)

    def __reduce__(self):
        return type(self), (self.what, str(self))


class OutputError(OrgdesignError):
    """An output file could not be written; nothing was changed."""


class InfeasibleError(OrgdesignError):
    """No assignment satisfies capacities and hard constraints.

    `diagnostics` are Finding-shaped (code, severity, message, help, evidence,
    facts: see `orgdesign findings show OD201`); `details` are the lines they
    print as, under the one-line message.
    """

    exit_code = EXIT_FINDINGS

    def __init__(self, message: str, details: list[str], diagnostics: list | tuple = ()):
        self.details = details
        self.diagnostics = tuple(diagnostics)
        super().__init__(message)

    def __reduce__(self):  # a worker process sends it back whole
        return type(self), (str(self.args[0]), self.details, self.diagnostics)

    @property
    def lines(self) -> list[str]:
        return [str(self.args[0]), *self.details]
