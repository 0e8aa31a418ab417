"""Shared fixtures: run the CLI in-process at a fixed terminal width."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".yaml", ".json"))


@pytest.fixture
def cli():
    """Call `cli("validate", path)` and get click's Result (stdout, stderr, exit_code)."""
    from orgdesign.cli import app

    runner = CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"})

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


def pytest_addoption(parser):
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="Rewrite the golden files under tests/golden/ from the current output (review the diff after).",
    )


@pytest.fixture
def update_goldens(request) -> bool:
    """True when the run was asked to rewrite golden files instead of comparing with them."""
    return request.config.getoption("--update-goldens")
