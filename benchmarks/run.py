"""orgdesign's benchmark suite: start-up, pipeline stages at scale, and the solver against HiGHS.

    python benchmarks/run.py                      # the full run (about two minutes)
    python benchmarks/run.py --smoke              # the smallest sizes, one repetition (CI)
    python benchmarks/run.py --write benchmarks/RESULTS.md

Every figure is a median of repeated runs, shown next to a reference measured in
the same run (the bare interpreter, the import floor of our libraries, a minimal
typer app, HiGHS), so the ratios hold on a noisy machine.
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

SIZES = {10: 13, 100: 13, 1000: 50, 10000: 100, 50000: 100}  # departments -> objectives
FULL_HIGHS_LIMIT = 1000  # above this many departments HiGHS gets the pruned model (the full one takes minutes)
BATCH_FILES = 60  # orgs of 30 to 60 departments for `orgdesign batch` (8 in the smoke run)


def median_wall(command: list[str], repeat: int) -> float:
    """Median wall time of a whole process, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


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
    ]
    times: dict[str, list[float]] = {name: [] for name, _ in rows}
    for _ in range(repeat):  # round-robin, so a slow moment of the machine hits every command alike
        for name, command in rows:
            times[name].append(median_wall(command, 1))
    return [{"name": name, "command": command, "seconds": statistics.median(times[name])} for name, command in rows]


def stage_child(path: str) -> None:
    """Run the pipeline once in this process and print stage times and peak memory as JSON."""
    started = time.perf_counter()
    from orgdesign.load import load_org
    from orgdesign.pipeline import recommend
    from orgdesign.report import to_json
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
        row["cli"] = median_wall([*orgdesign_command(), "recommend", str(path), "-f", "json", "-o", str(output), "--force"], repeat)
        row.update(departments=departments, objectives=objectives, file=str(path))
        rows.append(row)
    return rows


def exponent(rows: list[dict]) -> float | None:
    """Least-squares slope of log(time) against log(departments), from 1,000 departments up."""
    points = [(math.log(r["departments"]), math.log(r["total"])) for r in rows if r["departments"] >= 1000]
    if len(points) < 2:
        return None
    mean_x = statistics.fmean(x for x, _ in points)
    mean_y = statistics.fmean(y for _, y in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / sum((x - mean_x) ** 2 for x, _ in points)


def solver(rows: list[dict], repeat: int) -> list[dict]:
    """Our solver (pruning included) against HiGHS on the same model; the optimum must agree."""
    try:
        import highspy  # noqa: F401
    except ImportError:
        return []
    from highs import solve_with_highs

    from orgdesign.graph import OrgGraph
    from orgdesign.load import load_org
    from orgdesign.rulebook import load_rulebook
    from orgdesign.score import score
    from orgdesign.solve import build_problem, solve

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
        full = row["departments"] <= FULL_HIGHS_LIMIT
        problem = build_problem(score(OrgGraph(org), book), prune=not full)
        highs_values, highs_times = zip(*(solve_with_highs(problem) for _ in range(repeat)), strict=False)
        out.append(
            {
                "departments": row["departments"],
                "objectives": row["objectives"],
                "ours": statistics.median(ours),
                "highs": statistics.median(highs_times),
                "highs_model": "full" if full else "pruned",
                "variables": sum(len(c) for c in problem.candidates.values()),
                "same_optimum": all(round(v) == value for v in highs_values),
                "value": value,
            }
        )
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
    try:
        versions["highspy"] = metadata.version("highspy")
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


def report(info, start_rows, scale_rows, solver_rows, command: str, batch_rows=()) -> str:
    """The results as Markdown (printed, and written with --write)."""
    by_name = {r["name"]: r["seconds"] for r in start_rows}
    lines = ["# orgdesign benchmark results", "", f"Command: `{command}`", ""]
    lines += [f"- {key}: {value}" for key, value in info.items() if key != "versions"]
    lines += ["- libraries: " + ", ".join(f"{k} {v}" for k, v in info["versions"].items()), ""]
    lines += ["## Start-up (whole process, median)", "", "| command | ms | ratio |", "|---|---:|---|"]
    refs = {
        "orgdesign --help": ("minimal typer app --help", 1.2),
        "orgdesign recommend airline.yaml": ("library import floor", 1.3),
        "orgdesign validate airline.yaml": ("library import floor", None),
    }
    for row in start_rows:
        ratio = ""
        if row["name"] in refs:
            reference, target = refs[row["name"]]
            value = row["seconds"] / by_name[reference]
            ratio = f"{value:.2f}x {reference}" + (f" (target <= {target}x)" if target else "")
        lines.append(f"| `{row['name']}` | {row['seconds'] * 1000:.0f} | {ratio} |")
    lines += ["", "## Pipeline at scale (seconds, median; memory is the process's peak RSS)", ""]
    lines += ["| departments x objectives | load | score | solve | RACI + findings | explain | render | total | CLI wall (JSON) | peak MB |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in scale_rows:
        lines.append(
            f"| {r['departments']:,} x {r['objectives']} | {r['load']:.3f} | {r['score']:.3f} | {r['solve']:.3f} | "
            f"{r['raci_findings']:.3f} | {r['explain']:.3f} | {r['render']:.3f} | {r['total']:.3f} | {r['cli']:.2f} | "
            f"{r['peak_mb']:.0f} |"
        )
    slope = exponent(scale_rows)
    if slope is not None:
        lines += ["", f"Fitted growth exponent of total time in the number of departments (1,000 and up): {slope:.2f}"]
    lines += ["", "## Targets", "", "| target | measured | met |", "|---|---|---|"]
    for target, measured, met in targets(by_name, scale_rows, solver_rows, slope):
        lines.append(f"| {target} | {measured} | {'yes' if met else 'NO'} |")
    if solver_rows:
        lines += ["", "## Solver against HiGHS (same model; pruning included in ours)", "",
                  "| departments x objectives | ours s | HiGHS s | HiGHS model (variables) | speed-up | same optimum |",
                  "|---|---:|---:|---|---:|---|"]
        for r in solver_rows:
            lines.append(
                f"| {r['departments']:,} x {r['objectives']} | {r['ours']:.3f} | {r['highs']:.3f} | "
                f"{r['highs_model']} ({r['variables']:,}) | {r['highs'] / r['ours']:.1f}x | "
                f"{'yes' if r['same_optimum'] else 'NO'} |"
            )
    if batch_rows:
        lines += ["", "## Batch (whole process, median)", "",
                  f"`orgdesign batch` over {batch_rows[0]['files']} generated orgs of 30 to 60 departments and 13 "
                  "objectives, each written as JSON and Markdown.", "",
                  "| workers | seconds | files/s | speed-up |", "|---:|---:|---:|---:|"]
        for r in batch_rows:
            lines.append(f"| {r['workers']} | {r['seconds']:.2f} | {r['files'] / r['seconds']:.1f} | "
                         f"{batch_rows[0]['seconds'] / r['seconds']:.2f}x |")
    return "\n".join(lines) + "\n"


def targets(by_name: dict, scale_rows: list[dict], solver_rows: list[dict], slope: float | None):
    """(target, measured, met) for each target the suite tracks, where this run measured it."""
    help_ratio = by_name["orgdesign --help"] / by_name["minimal typer app --help"]
    floor_ratio = by_name["orgdesign recommend airline.yaml"] / by_name["library import floor"]
    yield "`--help` <= 1.2x a minimal typer app", f"{help_ratio:.2f}x", help_ratio <= 1.2
    yield "`recommend` on an example <= 1.3x the import floor", f"{floor_ratio:.2f}x", floor_ratio <= 1.3
    sizes = {r["departments"]: r for r in scale_rows}
    if 10000 in sizes:
        r = sizes[10000]
        yield "10,000 x 100 end to end (JSON) <= 3 s", f"{r['cli']:.2f} s", r["cli"] <= 3
        yield "10,000 x 100 peak memory <= 500 MB", f"{r['peak_mb']:.0f} MB", r["peak_mb"] <= 500
    if 50000 in sizes:
        yield "50,000 x 100 end to end (JSON) <= 15 s", f"{sizes[50000]['cli']:.2f} s", sizes[50000]["cli"] <= 15
    if slope is not None:
        yield "time grows no faster than linearly", f"exponent {slope:.2f}", slope <= 1.0
    for r in solver_rows:
        if (r["departments"], r["objectives"]) == (1000, 50):
            speedup = r["highs"] / r["ours"]
            yield "solver >= 3x faster than HiGHS at 1,000 x 50", f"{speedup:.1f}x", speedup >= 3
    if solver_rows:
        same = all(r["same_optimum"] for r in solver_rows)
        yield "same optimum as HiGHS on every instance", f"{sum(r['same_optimum'] for r in solver_rows)} of {len(solver_rows)}", same


def main() -> None:
    parser = argparse.ArgumentParser(description="orgdesign benchmarks")
    parser.add_argument("--smoke", action="store_true", help="smallest sizes, one repetition")
    parser.add_argument("--repeat", type=int, default=None, help="repetitions per figure")
    parser.add_argument("--sizes", default=None, help="comma-separated department counts")
    parser.add_argument("--write", metavar="FILE", help="also write the results as Markdown")
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
        start_rows = startup(repeat if args.smoke else max(repeat, 11))
        scale_rows = scale(sizes, repeat, folder)
        solver_rows = solver(scale_rows, repeat)
        batch_rows = batch(8 if args.smoke else BATCH_FILES, repeat, folder)
        command = "python benchmarks/run.py " + " ".join(sys.argv[1:])
        text = report(machine(), start_rows, scale_rows, solver_rows, command.strip(), batch_rows)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(text)
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
    if solver_rows and not all(r["same_optimum"] for r in solver_rows):
        sys.exit("the solver and HiGHS disagree on an optimum")


if __name__ == "__main__":
    main()
