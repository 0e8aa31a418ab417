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

`jobs` decides the jobs, `pool` runs them, `summary` adds them up.
"""

from orgdesign.batch.jobs import FileResult, Job, output_bases, plan, prepare
from orgdesign.batch.pool import load_book, run, run_one, worker_count
from orgdesign.batch.summary import Summary, summarize, write_summary

__all__ = [
    "FileResult",
    "Job",
    "Summary",
    "load_book",
    "output_bases",
    "plan",
    "prepare",
    "run",
    "run_one",
    "summarize",
    "worker_count",
    "write_summary",
]
