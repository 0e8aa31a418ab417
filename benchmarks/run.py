"""orgdesign's benchmark suite: start-up, growth in every dimension, and the solver against HiGHS.

    python benchmarks/run.py                      # the full run (about fifteen minutes)
    python benchmarks/run.py --smoke              # the smallest sizes, one repetition (CI)
    python benchmarks/run.py --write benchmarks/RESULTS.md

Every figure is a median of repeated runs, shown next to a reference measured in
the same run (the bare interpreter, the import floor of our libraries, a minimal
typer app, HiGHS), so the ratios hold on a noisy machine. Each growth series
(departments, objectives, chain depth, rules, explain, a JSON error) also runs
its command on a tiny input of the same shape: that start-up time is taken off
before the growth exponent is fitted.
"""

from __future__ import annotations

import argparse
import compileall
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

SIZES = {10: 13, 100: 13, 1000: 100, 10000: 100, 50000: 100, 100000: 100}  # departments -> objectives
FULL_MODEL_LIMIT = 10000  # above this many departments the full (unpruned) model is not solved by HiGHS
MEMORY_LIMIT_MB = 1024  # every case up to 100,000 departments (JSON)
BATCH_FILES = 60  # orgs of 30 to 60 departments for `orgdesign batch` (8 in the smoke run)


def median_wall(command: list[str], repeat: int) -> float:
    """Median wall time of a whole process, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


_MEASURE = """
import json, os, subprocess, sys, time
started = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
errors = child.stderr.read().decode(errors="replace")
_, status, usage = os.wait4(child.pid, 0)
seconds = time.perf_counter() - started
print(json.dumps([seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status), errors[-4000:]]))
"""


def measured(command: list[str], expect: tuple[int, ...] = (0,), says: str = "") -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one whole process.

    A small Python process starts the command and reads its resource usage: a
    process forked straight from this one would count this one's memory as its own.
    """
    out = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True)
    seconds, peak_kb, code, errors = json.loads(out.stdout)
    if code not in expect or says not in errors:
        raise RuntimeError(f"{' '.join(command)} exited with {code}: {errors[-2000:]}")
    return seconds, peak_kb / 1024


def median_measured(
    command: list[str], repeat: int, expect: tuple[int, ...] = (0,), says: str = ""
) -> tuple[float, float]:
    """Median wall seconds and the largest peak RSS (MB) over `repeat` runs."""
    runs = [measured(command, expect, says) for _ in range(repeat)]
    return statistics.median(t for t, _ in runs), max(m for _, m in runs)


def orgdesign_command() -> list[str]:
    script = Path(sys.executable).parent / "orgdesign"
    return [str(script)] if script.exists() else [sys.executable, "-m", "orgdesign"]


def startup(repeat: int) -> list[dict]:
    example = str(ROOT / "examples" / "airline.yaml")
    tool = orgdesign_command()
    rows = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("library import floor", [sys.executable, "-c", "import networkx, pydantic, typer, rich, yaml"]),
        ("minimal typer app --help", [sys.executable, str(HERE / "min_typer.py"), "--help"]),
        ("minimal typer app, a command", [sys.executable, str(HERE / "min_typer.py"), "hello"]),
        ("orgdesign --help", [*tool, "--help"]),
        ("orgdesign validate airline.yaml", [*tool, "validate", example]),
        ("orgdesign recommend airline.yaml", [*tool, "recommend", example]),
        ("orgdesign recommend airline.yaml --lang de", [*tool, "recommend", example, "--lang", "de"]),
    ]
    times: dict[str, list[float]] = {name: [] for name, _ in rows}
    for _ in range(repeat):  # round-robin, so a slow moment of the machine hits every command alike
        for name, command in rows:
            times[name].append(median_wall(command, 1))
    return [{"name": name, "command": command, "seconds": statistics.median(times[name])} for name, command in rows]


def stage_child(path: str) -> None:
    """Run the pipeline once in this process and print stage times and peak memory as JSON."""
    started = time.perf_counter()
    from orgdesign.engine.pipeline import recommend
    from orgdesign.input.load import load_org
    from orgdesign.present.json_report import to_json
    from orgdesign.rulebook import load_rulebook

    imported = time.perf_counter()
    book = load_rulebook()
    org = load_org(path, book.vocabulary)
    loaded = time.perf_counter()
    timings: dict[str, float] = {"load": loaded - imported}
    result = recommend(org, book, timings)
    rendered = time.perf_counter()
    to_json(result)
    timings["render"] = time.perf_counter() - rendered
    timings["total"] = time.perf_counter() - imported
    timings["imports"] = imported - started
    timings["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    timings["value"] = result.solution.value
    print(json.dumps(timings))


def scale(sizes: list[int], repeat: int, folder: Path) -> list[dict]:
    from generate import generate

    rows = []
    for departments in sizes:
        objectives = SIZES[departments]
        path = folder / f"org_{departments}.json"
        path.write_text(json.dumps(generate(departments, objectives, seed=1)), encoding="utf-8")
        runs = []
        for _ in range(repeat):
            out = subprocess.run(
                [sys.executable, __file__, "--stage-child", str(path)], capture_output=True, text=True, check=True
            ).stdout
            runs.append(json.loads(out))
        row = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        output = folder / f"out_{departments}.json"
        row["cli"], row["cli_mb"] = median_measured(
            [*orgdesign_command(), "recommend", str(path), "-f", "json", "-o", str(output), "--force"], repeat
        )
        row.update(departments=departments, objectives=objectives, file=str(path))
        rows.append(row)
    return rows


def fit_exponent(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(seconds) against log(size)."""
    points = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(points) < 2:
        return None
    mean_x = statistics.fmean(x for x, _ in points)
    mean_y = statistics.fmean(y for _, y in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / sum((x - mean_x) ** 2 for x, _ in points)


def exponent(rows: list[dict]) -> float | None:
    """Growth in departments: in-process pipeline time, 1,000 departments and up.

    The process start-up and imports are not in it, and the time of the smallest
    org (rule loading and other fixed costs) is taken off. Every row from 1,000
    departments on has 100 objectives, so only one dimension grows.
    """
    if not rows:
        return None
    fixed = min(rows, key=lambda r: r["departments"])["total"]
    return fit_exponent([(r["departments"], r["total"] - fixed) for r in rows if r["departments"] >= 1000])


# --- growth in the other dimensions ------------------------------------------------------------


def _write(path: Path, data) -> str:
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    return str(path)


def _typo_org(departments: int) -> dict:
    """A flat org of minimal records (1,000,000 of them fit in 64 MiB) with `function` misspelt once."""
    units = [{"id": "ceo", "name": "CEO", "function": "executive"}]
    for index in range(1, departments):
        boss = units[(index - 1) // 4]["id"]
        units.append({"id": f"d{index}", "name": "x", "function": "it" if index % 3 else "hr", "reports_to": boss})
    units[departments // 2]["fucntion"] = units[departments // 2].pop("function")
    goals = [{"id": f"o{i}", "name": f"Objective {i}", "kind": "listening", "priority": 3} for i in range(13)]
    organization = {"name": "Flat", "industry": "consumer_goods", "region": "europe", "size": "enterprise"}
    return {"organization": organization, "departments": units, "objectives": goals}


def _series(smoke: bool) -> list[dict]:
    """Each growth series: its sizes, the tiny size used for start-up, and how to build and run one case."""
    from generate import generate, rule_pack, social_chain

    tool = orgdesign_command()
    example = str(ROOT / "examples" / "airline.yaml")

    def recommend(path: str) -> list[str]:
        return [*tool, "recommend", path, "-f", "json", "-o", path + ".out.json", "--force"]

    def objectives_case(n, folder):
        return recommend(_write(folder / f"objectives_{n}.json", generate(200, n, seed=1, capacity=100)))

    def chain_case(n, folder):
        return recommend(_write(folder / f"chain_{n}.json", social_chain(n)))

    def explain_case(n, folder):
        return [*tool, "explain", _write(folder / f"explain_{n}.json", generate(40, n, seed=1, capacity=100)), "o000"]

    def rules_case(n, folder):
        import yaml

        pack = folder / f"rules_{n}.yaml"
        pack.write_text(yaml.safe_dump(rule_pack(n), sort_keys=False, width=200), encoding="utf-8")
        return [*tool, "recommend", example, "--rules", str(pack), "-f", "json", "-o", str(pack) + ".out", "--force"]

    def typo_case(n, folder):
        return [*tool, "validate", _write(folder / f"typo_{n}.json", _typo_org(n))]

    def pick(full, small):
        return small if smoke else full

    return [
        {
            "name": "objectives",
            "unit": "objectives (200 departments of capacity 100)",
            "tiny": 13,
            "sizes": pick([1000, 2000, 5000, 10000], [100, 200]),
            "case": objectives_case,
        },
        {
            "name": "chain depth",
            "unit": "social teams in one reporting chain",
            "tiny": 1,
            "sizes": pick([2500, 5000, 10000, 20000], [100, 200]),
            "case": chain_case,
        },
        {
            "name": "explain",
            "title": "objectives, for `explain`",
            "unit": "objectives (`explain` one objective; 40 departments of capacity 100)",
            "tiny": 13,
            "sizes": pick([250, 500, 1000, 2000], [50, 100]),
            "case": explain_case,
        },
        {
            "name": "rules",
            "unit": "rules in a user pack (YAML), airline example",
            "tiny": 1,
            "sizes": pick([2500, 5000, 10000, 20000], [50, 100]),
            "case": rules_case,
        },
        {
            "name": "JSON error",
            "title": "departments, for a JSON error",
            "unit": "departments (`validate`, one misspelt field, minimal records)",
            "tiny": 10,
            "sizes": pick([10000, 100000, 1000000], [1000, 2000]),
            "case": typo_case,
            "expect": (2,),
            "says": "unknown field 'fucntion'",
        },
    ]


def growth(smoke: bool, repeat: int, folder: Path) -> list[dict]:
    """Whole-process wall time and peak RSS per size, and the exponent with start-up taken off."""
    out = []
    for series in _series(smoke):
        expect, says = series.get("expect", (0,)), series.get("says", "")
        startup_s, startup_mb = median_measured(series["case"](series["tiny"], folder), repeat, expect, says)
        rows = []
        for size in series["sizes"]:
            seconds, peak = median_measured(series["case"](size, folder), repeat, expect, says)
            rows.append({"size": size, "seconds": seconds, "peak_mb": peak, "work": seconds - startup_s})
        slope = fit_exponent([(r["size"], r["work"]) for r in rows])
        out.append(
            {
                "name": series["name"],
                "title": series.get("title", series["name"]),
                "unit": series["unit"],
                "tiny": series["tiny"],
                "startup": startup_s,
                "startup_mb": startup_mb,
                "rows": rows,
                "exponent": slope,
            }
        )
    return out


# --- the solver against independent solvers ---------------------------------------------------


def solver(rows: list[dict], repeat: int) -> list[dict]:
    """Ours (pruning included) against HiGHS on the full model and on the same pruned model.

    OR-Tools' min-cost flow, when installed, solves the full model too: pruning must lose nothing.
    """
    try:
        import highspy  # noqa: F401
    except ImportError:
        return []
    try:
        import ortools  # noqa: F401
    except ImportError:
        ortools = None
    from highs import solve_with_highs, solve_with_ortools

    from orgdesign.engine.graph import OrgGraph
    from orgdesign.engine.score import score
    from orgdesign.engine.solve import build_problem, solve
    from orgdesign.input.load import load_org
    from orgdesign.rulebook import load_rulebook

    book = load_rulebook()
    out = []
    for row in rows:
        org = load_org(row["file"], book.vocabulary)
        ours, value = [], None
        for _ in range(repeat):
            started = time.perf_counter()
            table = score(OrgGraph(org), book)
            solution = solve(build_problem(table))
            ours.append(time.perf_counter() - started)
            value = solution.value
        table = score(OrgGraph(org), book)
        pruned, full = build_problem(table), build_problem(table, prune=False)
        result = {
            "departments": row["departments"],
            "objectives": row["objectives"],
            "ours": statistics.median(ours),
            "value": value,
            "pruned_variables": sum(len(c) for c in pruned.candidates.values()),
            "full_variables": sum(len(c) for c in full.candidates.values()),
        }
        values, times = zip(*(solve_with_highs(pruned) for _ in range(repeat)), strict=True)
        result.update(highs_pruned=statistics.median(times), pruned_same=all(round(v) == value for v in values))
        if row["departments"] <= FULL_MODEL_LIMIT:
            # one run when the model is large: HiGHS takes minutes on the full 10,000 x 100 model
            runs = repeat if result["full_variables"] <= 100_000 else 1
            values, times = zip(*(solve_with_highs(full) for _ in range(runs)), strict=True)
            result.update(highs_full=statistics.median(times), full_same=all(round(v) == value for v in values))
        if ortools is not None and row["departments"] <= FULL_MODEL_LIMIT:
            full_value, seconds = solve_with_ortools(full)
            result.update(ortools_full=seconds, pruning_exact=full_value == value)
        out.append(result)
    return out


def batch(files: int, repeat: int, folder: Path) -> list[dict]:
    """`orgdesign batch` over `files` small generated orgs with 1 and 2 workers: whole process, median."""
    from generate import generate

    inbox = folder / "batch_in"
    inbox.mkdir()
    for seed in range(files):
        org = generate(30 + seed % 31, 13, seed=seed)
        (inbox / f"org{seed:03d}.json").write_text(json.dumps(org), encoding="utf-8")
    rows = []
    for workers in (1, 2):
        times = []
        for run in range(repeat):
            out = folder / f"batch_out_{workers}_{run}"
            command = [*orgdesign_command(), "batch", str(inbox), "--output", str(out), "--workers", str(workers)]
            started = time.perf_counter()
            done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            times.append(time.perf_counter() - started)
            if done.returncode not in (0, 1):  # 1: some generated org is infeasible, which is a result too
                raise RuntimeError(f"orgdesign batch failed ({done.returncode}): {done.stderr}")
        rows.append({"workers": workers, "files": files, "seconds": statistics.median(times)})
    return rows


def machine() -> dict:
    import importlib.metadata as metadata

    import orgdesign

    versions = {name: metadata.version(name) for name in ("networkx", "pydantic", "typer", "rich", "PyYAML")}
    for optional in ("highspy", "ortools"):
        try:
            versions[optional] = metadata.version(optional)
        except metadata.PackageNotFoundError:
            pass
    package = Path(orgdesign.__file__).resolve().parent
    editable = ROOT in package.parents
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.machine(),
        "cpus": os.cpu_count(),
        "orgdesign": orgdesign.__version__,
        "install": ("editable (pip install -e)" if editable else "regular (pip install)")
        + ", bytecode compiled before timing",
        "versions": versions,
    }


def report(info, start_rows, scale_rows, solver_rows, command: str, batch_rows=(), growth_rows=()) -> str:
    """The results as Markdown (printed, and written with --write)."""
    by_name = {r["name"]: r["seconds"] for r in start_rows}
    lines = ["# orgdesign benchmark results", "", f"Command: `{command}`", ""]
    lines += [f"- {key}: {value}" for key, value in info.items() if key != "versions"]
    lines += ["- libraries: " + ", ".join(f"{k} {v}" for k, v in info["versions"].items()), ""]
    lines += ["Times are medians; peak MB is the largest maximum resident set size of the process over the runs.", ""]
    lines += ["## Start-up (whole process, median)", "", "| command | ms | ratio |", "|---|---:|---|"]
    refs = {
        "orgdesign --help": ("minimal typer app --help", 1.2),
        "orgdesign recommend airline.yaml": ("library import floor", 1.3),
        "orgdesign validate airline.yaml": ("library import floor", None),
        "orgdesign recommend airline.yaml --lang de": ("orgdesign recommend airline.yaml", None),
    }
    for row in start_rows:
        ratio = ""
        if row["name"] in refs:
            reference, target = refs[row["name"]]
            value = row["seconds"] / by_name[reference]
            ratio = f"{value:.2f}x {reference}" + (f" (target <= {target}x)" if target else "")
        lines.append(f"| `{row['name']}` | {row['seconds'] * 1000:.0f} | {ratio} |")
    lines += ["", "## Growth in departments (seconds; stages in process, CLI is the whole process)", ""]
    lines += [
        "| departments x objectives | load | score | solve | RACI + findings | explain | render | total | "
        "CLI wall (JSON) | CLI peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in scale_rows:
        lines.append(
            f"| {r['departments']:,} x {r['objectives']} | {r['load']:.3f} | {r['score']:.3f} | {r['solve']:.3f} | "
            f"{r['raci_findings']:.3f} | {r['explain']:.3f} | {r['render']:.3f} | {r['total']:.3f} | {r['cli']:.2f} | "
            f"{r['cli_mb']:.0f} |"
        )
    slope = exponent(scale_rows)
    if slope is not None:
        lines += [
            "",
            "Growth exponent in departments (in-process total, so no process start-up, minus the total of "
            f"the smallest org; 1,000 departments and up, all with 100 objectives): {slope:.2f}",
        ]
    for series in growth_rows:
        lines += [
            "",
            f"## Growth in {series['title']} (whole process)",
            "",
            f"Size: {series['unit']}. Start-up, the same command on a size of {series['tiny']}: "
            f"{series['startup']:.2f} s, {series['startup_mb']:.0f} MB.",
            "",
            "| size | seconds | minus start-up | ratio to previous | peak MB |",
            "|---:|---:|---:|---:|---:|",
        ]
        previous = None
        for r in series["rows"]:
            ratio = (
                f"{r['work'] / previous['work']:.2f}x for {r['size'] / previous['size']:.1f}x size"
                if (previous and previous["work"] > 0)
                else ""
            )
            lines.append(f"| {r['size']:,} | {r['seconds']:.2f} | {r['work']:.2f} | {ratio} | {r['peak_mb']:.0f} |")
            previous = r
        if series["exponent"] is not None:
            lines += ["", f"Growth exponent (start-up taken off): {series['exponent']:.2f}"]
    lines += ["", "## Targets", "", "| target | measured | met |", "|---|---|---|"]
    for target, measured, met in targets(by_name, scale_rows, solver_rows, slope, growth_rows):
        lines.append(f"| {target} | {measured} | {'yes' if met else 'NO'} |")
    if solver_rows:
        lines += [
            "",
            "## Solver against HiGHS and OR-Tools",
            "",
            "Ours is networkx's network simplex on the pruned model (each objective keeps its best "
            "`objectives` candidates), objectives with identical arcs sharing one flow node; its time includes "
            "scoring and pruning. HiGHS solves the same model as a MILP twice: the full model (every "
            "candidate) and our pruned model. OR-Tools' min-cost flow solves the full model to check that "
            "pruning loses nothing.",
            "",
            "| departments x objectives | ours s | HiGHS full s (variables) | speed-up | HiGHS pruned s "
            "(variables) | speed-up | same optimum | OR-Tools full s | pruning exact |",
            "|---|---:|---:|---:|---:|---:|---|---:|---|",
        ]
        for r in solver_rows:
            full = (
                f"{r['highs_full']:.3f} ({r['full_variables']:,}) | {r['highs_full'] / r['ours']:.1f}x"
                if "highs_full" in r
                else f"not run ({r['full_variables']:,}) | "
            )
            same = r["pruned_same"] and r.get("full_same", True)
            check = (
                f"{r['ortools_full']:.3f} | {'yes' if r['pruning_exact'] else 'NO'}"
                if "ortools_full" in r
                else "not run | "
            )
            lines.append(
                f"| {r['departments']:,} x {r['objectives']} | {r['ours']:.3f} | {full} | {r['highs_pruned']:.3f} "
                f"({r['pruned_variables']:,}) | {r['highs_pruned'] / r['ours']:.1f}x | {'yes' if same else 'NO'} | "
                f"{check} |"
            )
    if batch_rows:
        lines += [
            "",
            "## Batch (whole process, median)",
            "",
            f"`orgdesign batch` over {batch_rows[0]['files']} generated orgs of 30 to 60 departments and 13 "
            "objectives, each written as JSON and Markdown.",
            "",
            "| workers | seconds | files/s | speed-up |",
            "|---:|---:|---:|---:|",
        ]
        for r in batch_rows:
            lines.append(
                f"| {r['workers']} | {r['seconds']:.2f} | {r['files'] / r['seconds']:.1f} | "
                f"{batch_rows[0]['seconds'] / r['seconds']:.2f}x |"
            )
    return "\n".join(lines) + "\n"


def targets(by_name: dict, scale_rows: list[dict], solver_rows: list[dict], slope: float | None, growth_rows=()):
    """(target, measured, met) for each target the suite tracks, where this run measured it."""
    if by_name:
        help_ratio = by_name["orgdesign --help"] / by_name["minimal typer app --help"]
        floor_ratio = by_name["orgdesign recommend airline.yaml"] / by_name["library import floor"]
        yield "`--help` <= 1.2x a minimal typer app", f"{help_ratio:.2f}x", help_ratio <= 1.2
        yield "`recommend` on an example <= 1.3x the import floor", f"{floor_ratio:.2f}x", floor_ratio <= 1.3
    sizes = {r["departments"]: r for r in scale_rows}
    if 10000 in sizes:
        r = sizes[10000]
        yield "10,000 x 100 end to end (JSON) <= 3 s", f"{r['cli']:.2f} s", r["cli"] <= 3
        yield "10,000 x 100 peak memory <= 500 MB", f"{r['cli_mb']:.0f} MB", r["cli_mb"] <= 500
    if 50000 in sizes:
        yield "50,000 x 100 end to end (JSON) <= 15 s", f"{sizes[50000]['cli']:.2f} s", sizes[50000]["cli"] <= 15
    series = {g["name"]: g for g in growth_rows}
    cases = [(f"{r['departments']:,} departments", r["cli_mb"]) for r in scale_rows if r["departments"] <= 100000]
    for g in growth_rows:
        for r in g["rows"]:
            if g["name"] != "JSON error" or r["size"] <= 100000:
                cases.append((f"{g['name']} {r['size']:,}", r["peak_mb"]))
    if cases:
        worst = max(cases, key=lambda c: c[1])
        yield (
            f"peak memory < {MEMORY_LIMIT_MB} MB in every case up to 100,000 departments (JSON)",
            f"largest {worst[1]:.0f} MB ({worst[0]})",
            worst[1] < MEMORY_LIMIT_MB,
        )
    for name, size, label in (
        ("objectives", 10000, "10,000 objectives x 200 departments"),
        ("chain depth", 20000, "a chain of 20,000 social teams"),
        ("explain", 2000, "`explain` on a 2,000-objective org"),
    ):
        rows = {r["size"]: r for r in series[name]["rows"]} if name in series else {}
        if size in rows:
            yield f"{label} end to end < 10 s", f"{rows[size]['seconds']:.2f} s", rows[size]["seconds"] < 10
    if "JSON error" in series:
        last = series["JSON error"]["rows"][-1]
        yield (
            "a JSON error is located without parsing the file again as YAML",
            f"{last['size']:,} departments: {last['seconds']:.2f} s, {last['peak_mb']:.0f} MB",
            True,
        )
    if slope is not None:
        yield "time grows no faster than linearly in departments", f"exponent {slope:.2f}", slope <= 1.0
    for g in growth_rows:
        if g["exponent"] is not None:
            yield (
                f"time grows no faster than linearly in {g['title']}",
                f"exponent {g['exponent']:.2f}",
                g["exponent"] <= 1.0,
            )
    for r in solver_rows:
        if (r["departments"], r["objectives"]) == (10000, 100):
            if "highs_full" in r:
                speedup = r["highs_full"] / r["ours"]
                yield (
                    "solver: same optimum as HiGHS and >= 100x faster at 10,000 x 100 (HiGHS on the full model)",
                    f"{speedup:.0f}x",
                    speedup >= 100 and r["full_same"],
                )
            speedup = r["highs_pruned"] / r["ours"]
            yield (
                "solver: same optimum as HiGHS and >= 100x faster at 10,000 x 100 (HiGHS on our pruned model)",
                f"{speedup:.1f}x: the speed comes from pruning, not from the solver",
                speedup >= 100 and r["pruned_same"],
            )
            if "pruning_exact" in r:
                yield (
                    "pruning is exact at 10,000 x 100 (OR-Tools min-cost flow on the full model)",
                    "same optimum" if r["pruning_exact"] else "different optimum",
                    r["pruning_exact"],
                )
    if solver_rows:
        same = [r["pruned_same"] and r.get("full_same", True) for r in solver_rows]
        yield "same optimum as HiGHS on every instance", f"{sum(same)} of {len(same)}", all(same)


def main() -> None:
    parser = argparse.ArgumentParser(description="orgdesign benchmarks")
    parser.add_argument("--smoke", action="store_true", help="smallest sizes, one repetition")
    parser.add_argument("--repeat", type=int, default=None, help="repetitions per figure")
    parser.add_argument("--sizes", default=None, help="comma-separated department counts")
    parser.add_argument("--write", metavar="FILE", help="also write the results as Markdown")
    parser.add_argument("--only", choices=["growth"], help="run one part: the growth series (a few minutes)")
    parser.add_argument("--stage-child", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage_child:
        stage_child(args.stage_child)
        return
    sizes = [int(s) for s in (args.sizes or ("10,100" if args.smoke else ",".join(map(str, SIZES)))).split(",")]
    repeat = args.repeat or (1 if args.smoke else 3)
    import orgdesign

    compileall.compile_dir(str(Path(orgdesign.__file__).parent), quiet=1)
    folder = Path(tempfile.mkdtemp(prefix="orgdesign-bench-"))
    try:
        everything = args.only is None
        start_rows = startup(repeat if args.smoke else max(repeat, 11)) if everything else []
        scale_rows = scale(sizes, repeat, folder) if everything else []
        growth_rows = growth(args.smoke, repeat, folder)
        solver_rows = solver(scale_rows, repeat) if everything else []
        batch_rows = batch(8 if args.smoke else BATCH_FILES, repeat, folder) if everything else []
        command = "python benchmarks/run.py " + " ".join(sys.argv[1:])
        text = report(machine(), start_rows, scale_rows, solver_rows, command.strip(), batch_rows, growth_rows)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(text)
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
    if solver_rows and not all(r["pruned_same"] and r.get("full_same", True) for r in solver_rows):
        sys.exit("the solver and HiGHS disagree on an optimum")
    if not all(r.get("pruning_exact", True) for r in solver_rows):
        sys.exit("pruning changed the optimum")


if __name__ == "__main__":
    main()
