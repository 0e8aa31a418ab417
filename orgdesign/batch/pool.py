"""The worker pool: each process loads the rulebook once and runs the pipeline on one file after another.

A bad file becomes a failed `FileResult`; nothing in one file stops the others.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace

from orgdesign import i18n
from orgdesign.batch.jobs import (
    BAD_INPUT,
    INFEASIBLE,
    INTERNAL_ERROR,
    NOT_WRITTEN,
    OK,
    FileResult,
    Job,
)
from orgdesign.errors import InputError, OutputError
from orgdesign.i18n import _

_BOOK: dict = {}  # this batch's rulebook, by the tuple of --rules paths; forked workers inherit it


def load_book(rules: Iterable[str] = ()):
    """Load the rule packs afresh (a bad pack raises InputError) and keep them for this batch's workers."""
    from orgdesign.rulebook import load_rulebook

    rules = tuple(rules)
    book = load_rulebook(list(rules))
    _BOOK.clear()
    _BOOK[rules] = book
    return book


def _book(rules: tuple[str, ...]):
    """The batch's rulebook in a worker: inherited from the parent, or loaded once."""
    return _BOOK[rules] if rules in _BOOK else load_book(rules)


def _init_worker(rules: tuple[str, ...], code: str = "en") -> None:
    """Speak the batch's language, load the rulebook once; leave Ctrl-C to the parent, which cancels the batch."""
    import signal

    i18n.use(code)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _book(rules)


def run_one(job: Job, rules: tuple[str, ...] = ()) -> FileResult:
    """Recommend for one file and write its outputs; every failure becomes a failed result."""
    import warnings

    from orgdesign.errors import InputWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        result = _run_one(job, rules)
    doubts = tuple(str(w.message) for w in caught if issubclass(w.category, InputWarning))
    return replace(result, warnings=doubts) if doubts else result


def _run_one(job: Job, rules: tuple[str, ...]) -> FileResult:
    from orgdesign.errors import InfeasibleError, OrgdesignError

    try:
        return _recommend_and_write(job, _book(rules))
    except InputError as error:
        located = _located(job.display, error.lines)
        return FileResult(job.file, BAD_INPUT, located, tuple(redact(line, job.display) for line in located))
    except InfeasibleError as error:
        return FileResult(job.file, INFEASIBLE, _prefixed(job.display, error.lines))
    except OutputError as error:
        lines = _prefixed(job.display, [*error.lines, _("neither output of this file was written")])
        return FileResult(job.file, NOT_WRITTEN, lines)
    except OrgdesignError as error:
        lines = _prefixed(job.display, error.lines)
        return FileResult(job.file, BAD_INPUT, lines, tuple(redact(line, job.display) for line in lines))
    except Exception as error:  # noqa: BLE001 - MemoryError and RecursionError too: one file never stops the batch
        name = type(error).__name__
        what = f"{name}: {error}" if str(error) else name
        message = _("{path}: internal error: {error}; `orgdesign --debug recommend FILE` shows the traceback")
        return FileResult(
            job.file,
            INTERNAL_ERROR,
            (message.format(path=job.display, error=what),),
            (message.format(path=job.display, error=name),),
        )


def _recommend_and_write(job: Job, book) -> FileResult:
    from orgdesign.engine import pipeline
    from orgdesign.input.load import load_org
    from orgdesign.present.json_report import to_json
    from orgdesign.present.markdown import to_markdown
    from orgdesign.write import check_target, write_together

    for path in job.outputs:  # before the work: what write_together would refuse
        check_target(path, job.force)
    org = load_org(job.path, vocabulary=book.vocabulary, display=job.display)
    result = pipeline.recommend(org, book)
    json_path, md_path = job.outputs
    write_together([(json_path, to_json(result)), (md_path, to_markdown(result))], job.force)
    graph = result.table.graph
    kinds = graph.objectives
    owners = sorted((kinds[a.objective].kind, graph.departments[a.owner].function) for a in result.assignments)
    return FileResult(
        job.file,
        OK,
        outputs=tuple(os.path.basename(p) for p in job.outputs),
        owners=tuple(owners),
        model=result.structure.model,
        findings=tuple((f.code, f.name) for f in result.findings),
    )


def _located(display: str, lines: list[str]) -> tuple[str, ...]:
    """Input errors already start with `file:line:col`; anything else gets the file in front."""
    return tuple(line if line.startswith(display) else f"{display}: {line}" for line in lines)


def _prefixed(display: str, lines: list[str]) -> tuple[str, ...]:
    return tuple(f"{display}: {line}" for line in lines)


# A value an error message quotes from the file: a quoted string (as repr writes it) or a number.
_VALUE = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|(?<![\w.])[-+]?\d[\w.+-]*""")


def redact(line: str, display: str) -> str:
    """A problem line without any value from the file: position, field names and wording only.

    A file in the folder may not be an org file at all (a link, a file dropped
    there by mistake), and summaries are shared: they must not carry its
    content. Stderr keeps the full message.

    >>> redact("in/a.yaml:1:1: expected a mapping, found the text 'secret'", "in/a.yaml")
    "in/a.yaml:1:1: expected a mapping, found the text '…'"
    """
    head = ""
    if line.startswith(display):
        head = display + re.match(r"(?::\d+){0,2}(?:: [\w.\[\]-]+(?=: ))?", line[len(display) :]).group(0)
    return head + _VALUE.sub(_hidden, line[len(head) :])


def _hidden(value: re.Match) -> str:
    return "'…'" if value.group(0)[0] in "'\"" else "…"


# --- many files -------------------------------------------------------------------


def worker_count(workers: int | None, jobs: int) -> int:
    """The processes a batch uses: as asked (by default one per CPU), at most one per file.

    >>> worker_count(8, 3)
    3
    """
    return max(1, min(workers or os.cpu_count() or 1, jobs or 1))


def run(
    jobs: list[Job],
    workers: int | None = None,
    rules: Iterable[str] = (),
    on_result: Callable[[FileResult], None] | None = None,
    book=None,
) -> list[FileResult]:
    """Run every job and return the results sorted by file name.

    `workers` defaults to the number of CPUs; 1 runs in this process, without
    a pool. `on_result` hears of each file as it finishes (a progress bar).
    `book` is the rulebook of `rules` when the caller has loaded it already.
    On Ctrl-C, pending files are cancelled, the running ones finish (and are
    reported to `on_result`), and KeyboardInterrupt propagates.
    """
    rules = tuple(rules)
    workers = worker_count(workers, len(jobs))
    results: list[FileResult] = []

    def done(result: FileResult) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result)

    if book is None:
        book = load_book(rules)  # a bad pack fails here, once
    _BOOK.clear()
    _BOOK[rules] = book  # forked workers inherit it; others load it once, in _init_worker
    if workers == 1:
        for job in jobs:
            done(run_one(job, rules))
    else:
        _run_pool(jobs, workers, rules, done)
    return sorted(results, key=lambda r: r.file)


def _run_pool(jobs: list[Job], workers: int, rules: tuple[str, ...], done: Callable[[FileResult], None]) -> None:
    """Run jobs in worker processes; survive a worker that dies (the OS killed it, a crash in C code).

    A dead worker breaks the whole pool, so the files it left unfinished run
    again in a fresh pool; a file that was unfinished twice runs alone, and if
    its worker dies again it is reported as an internal error.
    """
    strikes: Counter[str] = Counter()
    remaining = list(jobs)
    while remaining:
        unfinished = _one_pool(remaining, workers, rules, done)
        for job in unfinished:
            strikes[job.file] += 1
        alone = [job for job in unfinished if strikes[job.file] >= 2]
        remaining = [job for job in unfinished if strikes[job.file] < 2]
        for job in alone:
            if _one_pool([job], 1, rules, done):
                done(
                    FileResult(
                        job.file,
                        INTERNAL_ERROR,
                        (
                            _(
                                "{path}: internal error: the worker process died on this file (out of memory?); "
                                "try it alone with `orgdesign recommend`"
                            ).format(path=job.display),
                        ),
                    )
                )


def _one_pool(jobs: list[Job], workers: int, rules: tuple[str, ...], done: Callable[[FileResult], None]) -> list[Job]:
    """Run jobs in one pool; return the jobs left unfinished because a worker died."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    unfinished: list[Job] = []
    futures: dict = {}
    reported: set = set()
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(jobs)), initializer=_init_worker, initargs=(rules, i18n.language())
    )
    try:
        for index, job in enumerate(jobs):
            try:
                futures[pool.submit(run_one, job, rules)] = job
            except BrokenProcessPool:  # a worker died before every job was handed out
                unfinished += jobs[index:]
                break
        pending = set(futures)
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(finished, key=lambda f: futures[f].file):
                reported.add(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    unfinished.append(futures[future])
                else:
                    done(result)
    except KeyboardInterrupt:
        pool.shutdown(wait=True, cancel_futures=True)  # the running files finish; their outputs are whole
        for future in sorted(set(futures) - reported, key=lambda f: futures[f].file):
            if future.done() and not future.cancelled() and future.exception() is None:
                done(future.result())
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return unfinished


# --- the portfolio ------------------------------------------------------------------
