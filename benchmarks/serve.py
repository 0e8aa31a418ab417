"""The serve latency series: a what-if answered over HTTP by a warm `orgdesign serve`, median per org.

    python benchmarks/serve.py                 # every bundled example and a generated 10,000 x 100 org
    python benchmarks/serve.py --smoke         # two examples, a 200-department org, 3 what-ifs each

For each org it starts `orgdesign serve ORG --port 0 --no-browser` as a process, waits for the one
line it prints, then POSTs N different what-ifs to /api/recommend one after another (a capacity of
a department cycling through the org's departments, so no answer is the file's warm one) and
reports the median and the slowest wall time per request, client side. Targets: 200 ms for every
example, 2 s for the 10,000-department org.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE_TARGET = 0.200
LARGE_TARGET = 2.0


def what_ifs(org_path: Path, count: int) -> list[dict]:
    """`count` capacity changes, over departments taken evenly through the org."""
    if org_path.suffix == ".json":
        data = json.loads(org_path.read_text())
    else:
        import yaml

        data = yaml.safe_load(org_path.read_text())
    ids = [d["id"] for d in data["departments"]]
    step = max(1, len(ids) // count)
    return [{"set": [f"departments.{ids[(i * step) % len(ids)]}.capacity={1 + i % 3}"]} for i in range(count)]


def measure(org_path: Path, count: int) -> dict:
    """Start a server on the org, time `count` what-ifs over HTTP, stop it."""
    command = [sys.executable, "-m", "orgdesign", "serve", str(org_path), "--port", "0", "--no-browser"]
    started = time.perf_counter()
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = server.stdout.readline().strip()
        if not url.startswith("http://"):
            raise SystemExit(f"{org_path.name}: serve did not start: {server.stderr.read()}")
        ready = time.perf_counter() - started
        base, token = url.split("/?token=")
        times = []
        for body in what_ifs(org_path, count):
            request = urllib.request.Request(
                base + "/api/recommend",
                data=json.dumps(body).encode(),
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            )
            begin = time.perf_counter()
            with urllib.request.urlopen(request, timeout=120) as response:
                response.read()
                if response.status != 200:
                    raise SystemExit(f"{org_path.name}: {body} answered {response.status}")
            times.append(time.perf_counter() - begin)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"org": org_path.name, "start": ready, "median": statistics.median(times), "max": max(times), "n": count}


def report(rows: list[dict], large: str) -> str:
    """The series as Markdown: one row per org, then the two targets."""
    out = [
        "| org | what-ifs | start-up s | median ms | slowest ms |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        out.append(
            f"| {row['org']} | {row['n']} | {row['start']:.2f} | {row['median'] * 1000:.0f} | {row['max'] * 1000:.0f} |"
        )
    examples = [row for row in rows if row["org"] != large]
    worst = max(examples, key=lambda row: row["median"])
    big = next(row for row in rows if row["org"] == large)
    met_small = "yes" if worst["median"] <= EXAMPLE_TARGET else "NO"
    met_large = "yes" if big["median"] <= LARGE_TARGET else "NO"
    out += [
        "",
        "| target | measured | met |",
        "|---|---|---|",
        f"| a what-if over HTTP <= 200 ms median on every example | slowest {worst['org']}: "
        f"{worst['median'] * 1000:.0f} ms | {met_small} |",
        f"| a what-if over HTTP <= 2 s median on {large} | {big['median']:.2f} s | {met_large} |",
    ]
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="orgdesign serve: what-if latency over HTTP")
    parser.add_argument("--smoke", action="store_true", help="two examples, a small generated org, 3 what-ifs")
    parser.add_argument("--count", type=int, default=None, help="what-ifs per org (default 30; 10 on the large org)")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from generate import generate

    examples = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".yaml", ".json"))
    size = (200, 13) if args.smoke else (10000, 100)
    count = args.count or (3 if args.smoke else 30)
    with tempfile.TemporaryDirectory() as folder:
        large = Path(folder) / f"generated_{size[0]}x{size[1]}.json"
        large.write_text(json.dumps(generate(*size, seed=1)))
        orgs = examples[:2] if args.smoke else examples
        rows = [measure(path, count) for path in orgs]
        rows.append(measure(large, count if args.smoke else min(count, 10)))
    print(report(rows, large.name), end="")


if __name__ == "__main__":
    main()
