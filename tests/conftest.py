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


@pytest.fixture
def user_pack(tmp_path):
    """A user rule pack that disables one built-in rule and keeps listening in marketing."""
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "pack: mine\n"
        "disable: [ownership.listening-to-customer-relations]\n"
        "rules:\n"
        "  - id: mine.listening-stays-in-marketing\n"
        "    title: We keep listening in marketing\n"
        "    when: {all: [{objective.kind: listening}, {department.function: marketing}]}\n"
        "    effect: {owner: 9}\n"
        "    rationale: Our marketing team runs the listening platform for the whole company.\n"
        "    evidence: [E1]\n",
        encoding="utf-8",
    )
    return pack
