"""`orgdesign batch`: every org file in a folder, in parallel, and a summary across the portfolio."""

from __future__ import annotations

from typing import Annotated

import typer

from orgdesign.cli.common import Rules, boundary, counted, err_console, out_console, print_error_lines


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
        raise UsageError("--output", "batch writes a folder of reports; give a folder, not - (stdout)")
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
        task = progress.add_task(counted(count, "worker"), total=total, completed=len(done), failed=_failed_label(done))

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
        f"{counted(total, 'file')} in {seconds:.1f} s ({rate:.1f} files/s, {counted(count, 'worker')})",
        style="dim",
        highlight=False,
        markup=False,
    )
    raise typer.Exit(summary.exit_code)


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
    return f"{failed} failed" if failed else ""


def _interrupted(done, total: int) -> None:
    """What was finished before Ctrl-C: those outputs are written and whole."""
    from rich.text import Text

    from orgdesign.present.terminal import text

    console = err_console()
    console.print(Text(f"interrupted: {len(done)} of {total} files done; no summary written", style="yellow"))
    for result in sorted(done, key=lambda r: r.file):
        line = Text("  ✓ " if not result.failed else "  ✗ ", style="green" if not result.failed else "red")
        console.print(line + text(result.file) + text(f"  {result.status}", "dim"), soft_wrap=True)


def _summary_view(summary, output: str):
    """The portfolio as rich tables: owners per kind, models, findings, failed files."""
    from rich.console import Group
    from rich.table import Table

    from orgdesign.batch.summary import TOP_FINDINGS, owner_cell, status_line
    from orgdesign.present.terminal import clean, text

    head = text(status_line(summary), "bold")
    head.append(f"  → {clean(output)}", style="dim")
    parts = [head]

    owners = Table(title="Owners by objective kind (files)", title_justify="left")
    owners.add_column("objective kind", style="cyan", no_wrap=True)
    owners.add_column("owner functions", overflow="fold")
    for kind, functions in summary.owners.items():
        owners.add_row(text(kind), text(owner_cell(functions)))
    if owners.row_count:
        parts.append(owners)

    models = Table(title="Structure models", title_justify="left")
    models.add_column("model", no_wrap=True)
    models.add_column("files", justify="right")
    for model, count in summary.models.items():
        models.add_row(text(model.replace("_", "-")), str(count))
    if models.row_count:
        parts.append(models)

    findings = Table(title=f"Most frequent findings (top {TOP_FINDINGS})", title_justify="left")
    findings.add_column("code", no_wrap=True)
    findings.add_column("name", overflow="fold")
    findings.add_column("findings", justify="right")
    findings.add_column("files", justify="right")
    for code, name, count, files in summary.findings:
        findings.add_row(text(code, "yellow"), text(name), str(count), str(files))
    if findings.row_count:
        parts.append(findings)

    if summary.failed:
        failed = Table(title="Failed files (every problem is on stderr)", title_justify="left")
        failed.add_column("file", no_wrap=True, style="red")
        failed.add_column("status", no_wrap=True)
        failed.add_column("first problem", overflow="fold")
        for result in summary.failed:
            first = result.summary_lines[0] if result.summary_lines else ""
            failed.add_row(text(result.file), text(result.status), text(first, "dim"))
        parts.append(failed)
    return Group(*parts)
