"""The benchmark suite's smoke run works, so it cannot rot between full runs."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_smoke_run_prints_every_table():
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke"], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "## Start-up" in out and "orgdesign recommend airline.yaml" in out
    assert "| 10 x 13 |" in out and "| 100 x 13 |" in out
    assert "## Solver against HiGHS" in out and "## Batch" in out and "## Targets" in out
    assert "| same optimum as HiGHS on every instance | 2 of 2 | yes |" in out
    for series in ("objectives", "chain depth", "objectives, for `explain`", "rules", "departments, for a JSON error"):
        assert f"## Growth in {series} (whole process)" in out
    assert "| 1,000 | " in out and "| 2,000 | " in out  # the JSON error series ran and found its error


def test_generator_is_seeded():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    assert generate(200, 20, seed=3) == generate(200, 20, seed=3)
    assert generate(200, 20, seed=3) != generate(200, 20, seed=4)
    assert len(generate(200, 20)["departments"]) == 200
