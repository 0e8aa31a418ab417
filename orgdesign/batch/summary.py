"""The portfolio summary: counts per status, owners by function, the most frequent findings."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from orgdesign import __version__
from orgdesign.batch.jobs import _EXIT, FORMAT_VERSION, OK, STATUSES, SUMMARY, TOP_FINDINGS, FileResult
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
