"""Every `orgdesign ...` command the README shows runs as written, against the bundled examples."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

README = ROOT / "README.md"

# Shown in the README, but not run here, each for a stated reason.
SKIPPED = {
    "interview": "interactive: it asks questions in a terminal (tests/test_interview_pty.py drives it)",
    "serve": "a server that runs until stopped (tests/test_serve_browser.py starts it on a free port)",
    "validate acme.yaml": "shows the messages for a broken file of the reader's own, not a bundled one",
}


def readme_commands() -> list[list[str]]:
    """The command lines of the README's code blocks (a `$ ` prompt dropped), and inline ones naming an example.

    `cp` lines in a code block are kept: they set up what the next command reads.
    """
    text = README.read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"^```[a-z]*\n(.*?)^```", text, re.S | re.M):
        lines += [line.removeprefix("$ ") for line in block.splitlines()]
    lines += re.findall(r"`(orgdesign [^`]*examples/[^`]*)`", text)
    commands = []
    for line in lines:
        if line.startswith(("orgdesign ", "cp ")):  # output lines may hold quotes that are not shell
            commands.append(shlex.split(line, comments=True))
    return commands


def _skip_reason(words: list[str]) -> str | None:
    line = " ".join(words[1:])
    return next((why for start, why in SKIPPED.items() if line.startswith(start)), None)


def test_the_readme_shows_the_scenario_commands():
    shown = [" ".join(words) for words in readme_commands()]
    for option in ("--set", "--with", "--without", "--pin", "--forbid", "compare", "export", "batch", "explain"):
        assert any(option in line for line in shown), option
    assert all(_skip_reason(words) for words in readme_commands() if words[1:2] == ["interview"])


def test_every_readme_command_runs_as_written(tmp_path):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    ran = 0
    for words in readme_commands():
        if words[0] == "cp":
            shutil.copy(tmp_path / words[1], tmp_path / words[2])
            continue
        if _skip_reason(words):
            continue
        result = subprocess.run(
            [sys.executable, "-m", "orgdesign", *words[1:]],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        # 1 means findings (an infeasible org); 2 would mean the README shows a command that is wrong
        assert result.returncode in (0, 1), (" ".join(words), result.stderr)
        assert "Traceback" not in result.stderr
        ran += 1
    assert ran >= 8
    assert (tmp_path / "diff.md").read_text("utf-8").startswith("#")
    assert (tmp_path / "airline.html").exists() and (tmp_path / "reports" / "summary.md").exists()


@pytest.mark.parametrize("reason", sorted(SKIPPED.values()))
def test_every_skipped_command_is_still_in_the_readme(reason):
    start = next(start for start, why in SKIPPED.items() if why == reason)
    text = README.read_text(encoding="utf-8")
    assert f"orgdesign {start}" in text, start
