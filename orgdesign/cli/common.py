"""What every command shares: its options, the consoles, the single error boundary and where output goes."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import sys
from enum import StrEnum
from typing import Annotated

import typer

from orgdesign import i18n
from orgdesign.i18n import _

state = {"debug": False}

# Options more than one command takes, declared once so they read the same in every --help.
Rules = Annotated[
    list[str] | None,
    typer.Option("--rules", help="A rule pack layered over the built-in ones (repeatable).", metavar="PACK"),
]
Sets = Annotated[
    list[str] | None,
    typer.Option(
        "--set", help="What if: change a field, e.g. departments.social.capacity=4 (repeatable).", metavar="PATH=VALUE"
    ),
]
Without = Annotated[
    list[str] | None,
    typer.Option("--without", help="What if: drop this department (repeatable).", metavar="ID"),
]
With = Annotated[
    list[str] | None,
    typer.Option(
        "--with", help="What if: add a department of this function, e.g. social_media (repeatable).", metavar="FUNCTION"
    ),
]
Pin = Annotated[
    list[str] | None,
    typer.Option(
        "--pin", help="What if: this department must own this objective (repeatable).", metavar="OBJECTIVE=DEPT"
    ),
]
Forbid = Annotated[
    list[str] | None,
    typer.Option(
        "--forbid", help="What if: this department must not own this objective (repeatable).", metavar="OBJECTIVE=DEPT"
    ),
]
Output = Annotated[
    str | None,
    typer.Option("--output", "-o", help="Write to this file instead of stdout (- is stdout).", metavar="FILE"),
]
Force = Annotated[bool, typer.Option("--force", help="Overwrite --output if it exists.")]


def _use_language(value: str | None) -> None:
    if value is None:
        return
    if value.lower() not in i18n.SUPPORTED:
        raise typer.BadParameter(
            i18n._("{value} is not a language orgdesign writes; use one of: {languages}").format(
                value=repr(value), languages=", ".join(i18n.SUPPORTED)
            )
        )
    i18n.use(value.lower())


# Every command takes it; eager, so that whatever the command says next is in that language.
Lang = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="The language to write in: en, fr, de or es (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG).",
        metavar="CODE",
        callback=_use_language,
        is_eager=True,
    ),
]


def out_console():
    """Results go to stdout; a closed pipe is left to `boundary` (rich would exit 1 on its own)."""
    from rich.console import Console

    class OutConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    return OutConsole(highlight=False, soft_wrap=False)


def err_console():
    """Diagnostics go to stderr."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def print_error_lines(lines: list[str], style: str = "red") -> None:
    """Print diagnostics verbatim: never interpreted as markup."""
    from rich.text import Text

    from orgdesign.present.terminal import clean

    console = err_console()
    try:
        for line in lines:
            console.print(Text(clean(line), style=style), soft_wrap=True)
    except OSError:  # stderr itself is gone or full: nowhere left to say it
        pass


# Errors that mean "the output device cannot take more", whatever was being written.
_OUTPUT_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO)


def boundary(command):
    """Turn orgdesign errors into messages and exit codes; no tracebacks.

    Stdout is part of it: characters its encoding lacks are replaced rather
    than crash, a closed pipe (`| head`) ends the command quietly with 141,
    and a full disk is one line and exit 2. Every file orgdesign writes goes
    through `write.py`, which names the file, so an OSError about a full
    device that reaches this point came from writing stdout. With `--debug`,
    unexpected errors keep their traceback for bug reports.
    """

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from orgdesign.errors import EXIT_INTERRUPTED, OrgdesignError

        _replace_unencodable(sys.stdout)
        try:
            try:
                with _input_warnings_printed():
                    return command(*args, **kwargs)
            finally:
                sys.stdout.flush()  # a closed pipe or a full disk shows here, not at interpreter exit
        except BrokenPipeError as error:
            raise typer.Exit(stdout_failure(error)) from None
        except OrgdesignError as error:
            if state["debug"]:
                raise
            print_error_lines(error.lines)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            print_error_lines([_("interrupted")], style="yellow")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except (typer.Exit, typer.Abort):
            raise
        except OSError as error:
            code = None if state["debug"] else stdout_failure(error)
            if code is None:
                _internal_error(error)
            raise typer.Exit(code) from None
        except Exception as error:  # noqa: BLE001 - the last line of defense
            _internal_error(error)

    return wrapper


def stdout_failure(error: OSError) -> int | None:
    """Say why stdout could not be written and return the exit code; None when `error` is about something else.

    Also used outside every command, for `--help` and `--version`.
    """
    from orgdesign.errors import EXIT_BAD_INPUT, EXIT_BROKEN_PIPE

    if isinstance(error, BrokenPipeError):
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    if error.errno in _OUTPUT_FULL and error.filename is None:
        _discard_stdout()
        print_error_lines([_("<stdout>: cannot write the output: {reason}").format(reason=error.strerror or error)])
        return EXIT_BAD_INPUT
    return None


def _internal_error(error: Exception):
    """A bug: one line and exit 70, or the traceback with --debug."""
    from orgdesign.errors import EXIT_INTERNAL

    if state["debug"]:
        raise error
    print_error_lines(
        [
            _("internal error: {kind}: {error}").format(kind=type(error).__name__, error=error),
            _("please report this; --debug shows the traceback"),
        ]
    )
    raise typer.Exit(EXIT_INTERNAL) from None


def _replace_unencodable(stream) -> None:
    """Let a stdout that is not UTF-8 (PYTHONIOENCODING=ascii, a Latin-1 terminal) print `?` for what it lacks."""
    if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="replace")


def _discard_stdout() -> None:
    """Point stdout at the null device, so the output still buffered cannot fail again at exit."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # no file descriptor behind it (tests, IDEs): nothing will flush
        pass


def write_document(body: str | bytes) -> None:
    """Write a whole document (JSON, Markdown, SVG...) to stdout in UTF-8, its own encoding.

    Whatever the terminal's encoding, a document piped or redirected to a file
    must stay valid; what `boundary` does for text on screen (replace what the
    encoding lacks) would lose data here. A pipe can take part of a large
    write and refuse the rest on the next one, hence the loop.
    """
    data = body.encode("utf-8") if isinstance(body, str) else body
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # a text-only stdout (some IDEs)
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()
    view = memoryview(data)
    while view:
        view = view[stream.write(view) :]
    stream.flush()


def as_text(renderable, width: int = 100) -> str:
    """A terminal view as plain text, for a table written to a file: no colors, a fixed width."""
    import io

    from rich.console import Console

    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    return console.file.getvalue()


def emit(body: str | bytes, output: str | None, force: bool) -> None:
    """Send a document where the user asked: stdout when `--output` is absent or `-`, else the file, atomically."""
    if output is None or output == "-":
        write_document(body)
        return
    from orgdesign.write import write_atomic

    write_atomic(output, body, force)


@contextlib.contextmanager
def _input_warnings_printed():
    """Print each InputWarning once, as a located line on stderr; other warnings go their usual way."""
    import warnings

    from orgdesign.errors import InputWarning

    printed: set[str] = set()
    with warnings.catch_warnings():
        warnings.simplefilter("always", InputWarning)
        usual = warnings.showwarning

        def show(message, category, *args, **kwargs):
            if not issubclass(category, InputWarning):
                usual(message, category, *args, **kwargs)
            elif str(message) not in printed:
                printed.add(str(message))
                print_error_lines([str(message)], style="yellow")

        warnings.showwarning = show
        yield


# --- what the commands that run the engine share ---------------------------------------------


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help="table, json or markdown.", metavar="FORMAT", case_sensitive=False),
]
OrgFileArgument = Annotated[str, typer.Argument(help="An org file (YAML or JSON).", metavar="FILE")]


def what_if(sets, without, with_, pin=None, forbid=None):
    """The what-if options as one value."""
    from orgdesign.input.scenario import WhatIf

    return WhatIf(
        tuple(sets or ()),
        tuple(without or ()),
        tuple(with_ or ()),
        tuple(pin or ()),
        tuple(forbid or ()),
        origin="<command line>",
        flag="--",
    )


def run(file: str, rules: list[str] | None, scenario=None):
    """Load the rules and the org (with its what-ifs), and recommend."""
    from orgdesign.engine.pipeline import recommend
    from orgdesign.input.scenario import WhatIf, load_scenario
    from orgdesign.rulebook import load_rulebook

    book = load_rulebook(rules or [])
    org = load_scenario(file, scenario or WhatIf(), book.vocabulary)
    return recommend(org, book)


def show_document(document, format: Format, output: str | None, force: bool, markdown_title: str = "") -> None:
    """A view Document in the chosen format: on the terminal, or as text to stdout or a file."""
    from orgdesign.present.terminal import document_view

    if format is Format.table and output in (None, "-"):
        out_console().print(document_view(document))
        return
    if format is Format.json:
        from orgdesign.present.json_report import document_json

        body = document_json(document)
    elif format is Format.markdown:
        from orgdesign.present.markdown import render_document

        body = render_document(document, markdown_title)
    else:
        body = as_text(document_view(document))
    emit(body, output, force)
