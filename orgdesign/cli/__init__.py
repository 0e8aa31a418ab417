"""The `orgdesign` command: a thin typer layer over the library.

Commands import what they need when they run, so `--help` stays fast.
"""

from __future__ import annotations

from typing import Annotated

import typer

from orgdesign import __version__, i18n
from orgdesign.cli import batch as batch_command
from orgdesign.cli import (
    compare,
    examples,
    explain,
    findings,
    interview,
    recommend,
    rules,
    schema,
    serve,
    show,
    validate,
)
from orgdesign.cli import export as export_command
from orgdesign.cli.common import state, stdout_failure
from orgdesign.cli.help import Command, Group

app = typer.Typer(
    name="orgdesign",
    help="Who should own each social media objective, and who must work with whom.",
    no_args_is_help=True,
    cls=Group,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"orgdesign {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool | None, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback for internal errors.")] = False,
) -> None:
    state["debug"] = debug
    i18n.use(i18n.from_environment())  # a command's --lang, read after this, overrides it


app.command(cls=Command)(recommend.recommend)
app.command(cls=Command)(explain.explain)
app.command(cls=Command)(compare.compare)
app.command(name="export", cls=Command)(export_command.export)
app.command(cls=Command)(validate.validate)
app.command(cls=Command)(show.show)
app.command(cls=Command)(schema.schema)
app.command(cls=Command)(examples.examples)
app.command(cls=Command)(interview.interview)
app.command(name="batch", cls=Command)(batch_command.batch)
app.command(cls=Command)(serve.serve)
app.add_typer(rules.app, name="rules")
app.add_typer(findings.app, name="findings")


def main() -> None:
    """Console-script entry point."""
    import gc

    # A short run allocates many objects that live to the end (modules, models, rules); collecting
    # every 700 allocations costs about a sixth of a small recommendation. Cycles are still collected.
    gc.set_threshold(100_000, 50, 50)
    try:
        app(prog_name="orgdesign")  # also under `python -m`, so completion scripts name the command
    except OSError as error:  # --help and --version write before any command's boundary
        code = stdout_failure(error)
        if code is None:
            raise
        raise SystemExit(code) from None
