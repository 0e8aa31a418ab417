"""The portfolio summary: counts per status, owners by function, the most frequent findings."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from orgdesign.batch.jobs import _EXIT, OK, STATUSES, SUMMARY, TOP_FINDINGS, FileResult
from orgdesign.errors import EXIT_OK


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


def write_summary(summary: Summary, output: str, force: bool = False) -> tuple[str, str]:
    """Write summary.json and summary.md into the output folder; return their paths."""
    from orgdesign.present.json_report import document_json
    from orgdesign.present.markdown import render_document
    from orgdesign.present.view_portfolio import portfolio
    from orgdesign.write import write_together

    document = portfolio(summary)
    paths = (os.path.join(output, SUMMARY + ".json"), os.path.join(output, SUMMARY + ".md"))
    write_together([(paths[0], document_json(document)), (paths[1], render_document(document))], force)
    return paths
