"""`orgdesign batch`: every org file in a folder, in parallel, and a summary across the portfolio."""

from __future__ import annotations

from typing import Annotated

import typer

from orgdesign.cli.common import Lang, Rules, boundary, err_console, out_console, print_error_lines
from orgdesign.i18n import _, ngettext, number


@boundary
def batch(
    folder: Annotated[
        str, typer.Argument(help="A folder of org files: *.yaml, *.yml, *.json (not sub-folders).", metavar="DIR")
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output", "-o", help="The folder for the reports and the summary (created if missing).", metavar="DIR"
        ),
    ],
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            help="Worker processes, at least 1 (default: one per CPU; 1 runs without a pool).",
            metavar="N",
        ),
    ] = None,
    rules: Rules = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the outputs of an earlier batch.")] = False,
    lang: Lang = None,
) -> None:
    """Recommend for every org file in a folder, in parallel, and summarize the portfolio.

    Writes NAME.json and NAME.md for each org file, and summary.json and
    summary.md, into --output. A bad file is reported and skipped.

    Exit code: 0 every file ok, 1 some org infeasible, 2 some file with bad
    input or not written, 70 an internal error, 130 interrupted.
    """
    import time

    from orgdesign import batch as portfolio
    from orgdesign.errors import BadValue, OutputError, UsageError

    if output == "-":
        raise UsageError("--output", _("batch writes a folder of reports; give a folder, not - (stdout)"))
    book = portfolio.load_book(rules or [])  # a bad pack is reported before any folder is made
    try:
        jobs, refused = portfolio.prepare(folder, output, force)
    except BadValue as error:
        raise UsageError("--output", str(error)) from None
    count = portfolio.worker_count(workers, len(jobs))
    done = list(refused)
    started = time.perf_counter()
    progress = _progress()
    with progress:
        total = len(jobs) + len(refused)
        task = progress.add_task(_workers(count), total=total, completed=len(done), failed=_failed_label(done))

        def on_result(result) -> None:
            done.append(result)
            progress.update(task, advance=1, failed=_failed_label(done))
            progress.refresh()

        try:
            results = portfolio.run(jobs, count, rules or [], on_result, book)
        except KeyboardInterrupt:
            progress.stop()
            _interrupted(done, total)
            raise typer.Exit(130) from None
    seconds = time.perf_counter() - started
    summary = portfolio.summarize(refused + results)
    try:  # before anything goes to stdout, which may be a pipe that closes early
        portfolio.write_summary(summary, output, force)
    except OutputError:
        _print_problems(summary)  # a full disk must not hide which files failed
        raise
    out_console().print(_summary_view(summary, output))
    _print_problems(summary)
    rate = total / seconds if seconds > 0 else 0.0
    err_console().print(
        ngettext(
            "{count} file in {seconds} s ({rate} files/s, {workers})",
            "{count} files in {seconds} s ({rate} files/s, {workers})",
            total,
        ).format(count=total, seconds=number(seconds, 1), rate=number(rate, 1), workers=_workers(count)),
        style="dim",
        highlight=False,
        markup=False,
    )
    raise typer.Exit(summary.exit_code)


def _workers(count: int) -> str:
    return ngettext("{count} worker", "{count} workers", count).format(count=count)


def _print_problems(summary) -> None:
    for result in summary.results:
        print_error_lines(list(result.warnings), style="yellow")
    for result in summary.failed:
        print_error_lines(list(result.lines))


def _progress():
    """A progress bar on stderr, shown only on a terminal.

    It refreshes when a file finishes rather than from a timer thread, so no
    thread is running when the worker processes are forked.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = err_console()
    return Progress(
        TextColumn("batch ({task.description})"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]}", style="red"),
        TimeElapsedColumn(),
        console=console,
        auto_refresh=False,
        disable=not console.is_terminal,
    )


def _failed_label(results) -> str:
    failed = sum(r.failed for r in results)
    return ngettext("{count} failed", "{count} failed", failed).format(count=failed) if failed else ""


def _interrupted(done, total: int) -> None:
    """What was finished before Ctrl-C: those outputs are written and whole."""
    from rich.text import Text

    from orgdesign.present.terminal import text

    console = err_console()
    said = ngettext(
        "interrupted: {done} of {count} file done; no summary written",
        "interrupted: {done} of {count} files done; no summary written",
        total,
    ).format(done=len(done), count=total)
    console.print(Text(said, style="yellow"))
    for result in sorted(done, key=lambda r: r.file):
        line = Text("  ✓ " if not result.failed else "  ✗ ", style="green" if not result.failed else "red")
        console.print(line + text(result.file) + text(f"  {result.status}", "dim"), soft_wrap=True)


def _summary_view(summary, output: str):
    """The portfolio in the terminal: the same view as summary.md, failed files only."""
    from orgdesign.present.terminal import document_view
    from orgdesign.present.view_portfolio import portfolio

    return document_view(portfolio(summary, every_file=False, written_to=output))
