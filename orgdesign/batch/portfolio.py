"""A portfolio of org files: every file in a folder, in parallel, and a summary across them.

    jobs, refused = prepare("inbox", "out")        # a Job per file; refused: output names that collide
    results = run(jobs, workers=4)                 # a FileResult per file, sorted by file name
    summary = summarize(refused + results)
    write_summary(summary, "out", force=False)

Each worker process loads the rulebook once, then for each file runs the
pipeline, writes `<stem>.json` and `<stem>.md` and sends back a small
`FileResult` (names, counts, the problem lines), never the recommendation
itself. A bad file becomes a failed FileResult; nothing in one file stops the
others. Everything about the portfolio is sorted by file name, so the outputs
do not depend on the number of workers or the order in which files finish.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from orgdesign import __version__
from orgdesign.errors import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, InputError, OutputError, UsageError

EXTENSIONS = (".yaml", ".yml", ".json")
SUMMARY = "summary"  # summary.json and summary.md; an input named summary.* keeps its full name
FORMAT_VERSION = 1
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
        raise InputError.single(folder, "no such folder")
    if not os.path.isdir(folder):
        raise InputError.single(folder, "is not a folder; batch takes a folder of org files")
    try:
        names = os.listdir(folder)
    except OSError as error:
        raise InputError.single(folder, f"cannot read this folder: {error.strerror or error}") from None
    found = sorted(
        name
        for name in names
        if not name.startswith(".")
        and os.path.splitext(name)[1].lower() in EXTENSIONS
        and (os.path.isfile(os.path.join(folder, name)) or os.path.islink(os.path.join(folder, name)))
    )
    if not found:
        raise InputError.single(folder, f"no org files here (expected {', '.join('*' + e for e in EXTENSIONS)})")
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
        raise OutputError(f"{output}: is a file; --output takes a folder")
    if os.path.isdir(output) and os.path.samefile(folder, output):
        raise UsageError("--output", "must not be the input folder (the outputs would be read as inputs next time)")
    try:
        os.makedirs(output, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{output}: cannot create this folder: {error.strerror or error}") from None
    from orgdesign.write import check_target

    for name in (SUMMARY + ".json", SUMMARY + ".md"):
        path = os.path.join(output, name)
        if not force and os.path.lexists(path):
            raise OutputError(f"{path}: already exists; use --force to overwrite the outputs of an earlier batch")
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
                    (f"{display}: its outputs would have the same names as those of {', '.join(others)}; rename one",),
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
        return "", "the file name is not valid UTF-8; rename the file"
    path = os.path.join(folder, name)
    if not os.path.islink(path):
        return path, ""
    target = os.path.realpath(path)
    inside = os.path.realpath(folder)
    if os.path.commonpath([target, inside]) != inside:
        return "", "is a symbolic link to a file outside the folder; links that leave the folder are not followed"
    if not os.path.isfile(target):
        return "", "is a symbolic link to something that is not a file; not read"
    return target, ""


# --- one file, in a worker -------------------------------------------------------

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


def _init_worker(rules: tuple[str, ...]) -> None:
    """Load the rulebook once; leave Ctrl-C to the parent, which cancels the batch."""
    import signal

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
        lines = _prefixed(job.display, [*error.lines, "neither output of this file was written"])
        return FileResult(job.file, NOT_WRITTEN, lines)
    except OrgdesignError as error:
        lines = _prefixed(job.display, error.lines)
        return FileResult(job.file, BAD_INPUT, lines, tuple(redact(line, job.display) for line in lines))
    except Exception as error:  # noqa: BLE001 - MemoryError and RecursionError too: one file never stops the batch
        hint = "`orgdesign --debug recommend FILE` shows the traceback"
        name = type(error).__name__
        what = f"{name}: {error}" if str(error) else name
        return FileResult(
            job.file,
            INTERNAL_ERROR,
            (f"{job.display}: internal error: {what}; {hint}",),
            (f"{job.display}: internal error: {name}; {hint}",),
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
                            f"{job.display}: internal error: the worker process died on this file (out of memory?); "
                            "try it alone with `orgdesign recommend`",
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
    pool = ProcessPoolExecutor(max_workers=min(workers, len(jobs)), initializer=_init_worker, initargs=(rules,))
    try:
        for job in jobs:
            futures[pool.submit(run_one, job, rules)] = job
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


@dataclass(frozen=True)
class Summary:
    """The portfolio across every file, as plain sorted data."""

    results: tuple[FileResult, ...]
    statuses: dict[str, int] = field(default_factory=dict)  # every status, in STATUSES order
    owners: dict[str, dict[str, int]] = field(default_factory=dict)  # kind -> function -> files
    models: dict[str, int] = field(default_factory=dict)  # structure model -> files, most first
    findings: tuple[tuple[str, str, int, int], ...] = ()  # (code, name, findings, files), top 10

    @property
    def failed(self) -> tuple[FileResult, ...]:
        return tuple(r for r in self.results if r.failed)

    @property
    def exit_code(self) -> int:
        """0 all files ok; 1 some infeasible, no bad input; 2 bad input or not written; 70 internal error."""
        return max((_EXIT[r.status] for r in self.results), default=EXIT_OK)


def summarize(results: Iterable[FileResult]) -> Summary:
    """Count owners per objective kind, structure models and findings across the files that succeeded.

    A file counts once for each (kind, function) it has, however many
    objectives of that kind it gives to that function.
    """
    results = tuple(sorted(results, key=lambda r: r.file))
    ok = [r for r in results if r.status == OK]
    statuses = Counter(r.status for r in results)
    owners: dict[str, Counter[str]] = {}
    for result in ok:
        for kind, function in sorted(set(result.owners)):
            owners.setdefault(kind, Counter())[function] += 1
    models = Counter(r.model for r in ok)
    counts = Counter(code for r in ok for code, _ in r.findings)
    files = Counter(code for r in ok for code in {c for c, _ in r.findings})
    names = {code: name for r in ok for code, name in r.findings}
    top = sorted(counts, key=lambda code: (-counts[code], -files[code], code))[:TOP_FINDINGS]
    return Summary(
        results=results,
        statuses={status: statuses[status] for status in STATUSES},
        owners={kind: _most_first(owners[kind]) for kind in sorted(owners)},
        models=_most_first(models),
        findings=tuple((code, names[code], counts[code], files[code]) for code in top),
    )


def _most_first(counter: Counter) -> dict:
    return {key: counter[key] for key in sorted(counter, key=lambda k: (-counter[k], k))}


def to_dict(summary: Summary) -> dict:
    """The summary as stable JSON-ready data (summary.json)."""
    return {
        "orgdesign": __version__,
        "format": FORMAT_VERSION,
        "files": len(summary.results),
        "statuses": summary.statuses,
        "owners": summary.owners,
        "models": summary.models,
        "findings": [{"code": c, "name": n, "findings": k, "files": f} for c, n, k, f in summary.findings],
        "results": [
            {"file": r.file, "status": r.status, "outputs": list(r.outputs), "problems": list(r.summary_lines)}
            for r in summary.results
        ],
    }


def to_json(summary: Summary) -> str:
    return json.dumps(to_dict(summary), indent=2, ensure_ascii=False) + "\n"


def status_line(summary: Summary) -> str:
    """`12 files: 8 ok, 3 bad input, 1 infeasible`."""
    parts = [f"{count} {status.replace('-', ' ')}" for status, count in summary.statuses.items() if count]
    return f"{len(summary.results)} file{'s' * (len(summary.results) != 1)}: {', '.join(parts)}"


def owner_cell(functions: dict[str, int]) -> str:
    """`customer_service 5 · marketing 1`."""
    return " · ".join(f"{function} {count}" for function, count in functions.items())


def to_markdown(summary: Summary) -> str:
    """The summary as Markdown (summary.md); names from files are escaped."""
    from orgdesign.present.markdown import md

    lines = ["# Portfolio summary", "", md(status_line(summary)) + ".", ""]
    lines += [
        "## Owners by objective kind",
        "",
        "Files that give each kind to each function.",
        "",
        "| objective kind | owner functions (files) |",
        "|---|---|",
    ]
    lines += [f"| {md(kind)} | {md(owner_cell(functions))} |" for kind, functions in summary.owners.items()]
    lines += ["", "## Structure models", "", "| model | files |", "|---|---:|"]
    lines += [f"| {md(model.replace('_', '-'))} | {count} |" for model, count in summary.models.items()]
    lines += [
        "",
        f"## Most frequent findings (top {TOP_FINDINGS})",
        "",
        "| code | name | findings | files |",
        "|---|---|---:|---:|",
    ]
    lines += [f"| {md(code)} | {md(name)} | {count} | {files} |" for code, name, count, files in summary.findings]
    lines += ["", "## Files", "", "| file | status | outputs or first problem |", "|---|---|---|"]
    for r in summary.results:
        detail = ", ".join(r.outputs) if not r.failed else (r.summary_lines[0] if r.summary_lines else "")
        lines.append(f"| {md(r.file)} | {md(r.status)} | {md(detail)} |")
    return "\n".join(lines) + "\n"


def write_summary(summary: Summary, output: str, force: bool = False) -> tuple[str, str]:
    """Write summary.json and summary.md into the output folder; return their paths."""
    from orgdesign.write import write_together

    paths = (os.path.join(output, SUMMARY + ".json"), os.path.join(output, SUMMARY + ".md"))
    write_together([(paths[0], to_json(summary)), (paths[1], to_markdown(summary))], force)
    return paths
