"""The interview in a real pseudo-terminal, driven as a person would drive it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pexpect = pytest.importorskip("pexpect")

PROMPT = "› "


def spawn(folder, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    env["TERM"] = "xterm-256color"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "orgdesign", "interview", "--output", str(folder / "org.yaml"), *args],
        cwd=str(folder),
        env=env,
        dimensions=(40, 100),
        encoding="utf-8",
        timeout=20,
    )
    child.delaybeforesend = None  # the terminal buffers typing; no need to wait before each key
    return child


def press_enter_until_done(child) -> int:
    """Accept every default; return how many prompts there were."""
    prompts = 0
    while child.expect([PROMPT, pexpect.EOF]) == 0:
        prompts += 1
        child.sendline("")
    child.close()
    return prompts


def test_enter_at_every_prompt_gives_a_valid_org_and_a_recommendation(tmp_path):
    child = spawn(tmp_path)
    child.expect("Step 1 of 7")
    prompts = press_enter_until_done(child)
    assert child.exitstatus == 0, child.before
    assert prompts > 30
    assert "Recommended owners" in child.before
    assert "Saved the org file to" in child.before
    checked = subprocess.run(
        [sys.executable, "-m", "orgdesign", "validate", str(tmp_path / "org.yaml")], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert not (tmp_path / "org.draft.yaml").exists()


def test_ctrl_c_keeps_the_answers_and_resume_finishes(tmp_path):
    child = spawn(tmp_path)
    for _ in range(8):
        child.expect(PROMPT)
        child.sendline("")
    child.expect(PROMPT)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert f"Your answers so far are saved in {tmp_path / 'org.draft.yaml'}" in child.before
    assert f"orgdesign interview --resume --output {tmp_path / 'org.yaml'}" in child.before
    draft = (tmp_path / "org.draft.yaml").read_text(encoding="utf-8")
    assert "department.executive.name: Executive Office" in draft and "department.executive.headcount" not in draft
    assert not (tmp_path / "org.yaml").exists()

    resumed = spawn(tmp_path, "--resume")
    resumed.expect("Step 3 of 7 · Departments")
    resumed.expect("About how many people work in Executive Office")
    press_enter_until_done(resumed)
    assert resumed.exitstatus == 0, resumed.before

    defaults = tmp_path / "defaults.yaml"
    defaults.write_text("version: 1\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "orgdesign", "interview", "--answers", str(defaults), "-o", str(tmp_path / "all.yaml")],
        capture_output=True,
        check=True,
    )
    assert (tmp_path / "org.yaml").read_bytes() == (tmp_path / "all.yaml").read_bytes()
