"""What every command shares: the consoles and the single error boundary."""

from __future__ import annotations

import contextlib
import functools
import sys

import typer

state = {"debug": False}


def out_console():
    """Results go to stdout."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def err_console():
    """Diagnostics go to stderr."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def print_error_lines(lines: list[str], style: str = "red") -> None:
    """Print diagnostics verbatim: never interpreted as markup."""
    from rich.text import Text

    from orgdesign.render import clean

    console = err_console()
    for line in lines:
        console.print(Text(clean(line), style=style), soft_wrap=True)


def boundary(command):
    """Turn orgdesign errors into messages and exit codes; no tracebacks.

    With `--debug`, unexpected errors keep their traceback for bug reports.
    """

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from orgdesign.errors import OrgdesignError

        try:
            with _input_warnings_printed():
                return command(*args, **kwargs)
        except OrgdesignError as error:
            if state["debug"]:
                raise
            print_error_lines(error.lines)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            print_error_lines(["interrupted"], style="yellow")
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as error:  # noqa: BLE001 - the last line of defense
            if state["debug"]:
                raise
            print_error_lines(
                [f"internal error: {type(error).__name__}: {error}", "please report this; --debug shows the traceback"]
            )
            raise typer.Exit(70) from None

    return wrapper


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


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
