"""Every file orgdesign writes is written atomically and never overwritten without --force."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from orgdesign.errors import OutputError
from orgdesign.write import write_atomic


def test_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("precious", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists; use --force"):
        write_atomic(str(target), "new")
    assert target.read_text("utf-8") == "precious"
    write_atomic(str(target), "new", force=True)
    assert target.read_text("utf-8") == "new"


def test_a_failed_write_leaves_the_old_file_and_no_debris(tmp_path, monkeypatch):
    target = tmp_path / "org.yaml"
    target.write_text("old", encoding="utf-8")

    def broken_replace(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(str(target), "new", force=True)
    assert target.read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.yaml"]


def test_killed_midway_the_previous_file_is_intact(tmp_path):
    target = tmp_path / "big.json"
    target.write_text("previous version", encoding="utf-8")
    writer = subprocess.Popen(
        [sys.executable, "-c",
         "import sys\nfrom orgdesign.write import write_atomic\n"
         f"write_atomic({str(target)!r}, b'x' * (1 << 28), force=True)\n"],
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not any(p.name.startswith(".orgdesign-") for p in tmp_path.iterdir()):
        time.sleep(0.01)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert target.read_text("utf-8") == "previous version"


def test_output_to_a_missing_folder_or_a_directory(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_atomic(str(tmp_path / "nowhere" / "x.md"), "x")
    with pytest.raises(OutputError, match="is a directory"):
        write_atomic(str(tmp_path), "x", force=True)
