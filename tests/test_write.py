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
        [
            sys.executable,
            "-c",
            "import sys\nfrom orgdesign.write import write_atomic\n"
            f"write_atomic({str(target)!r}, b'x' * (1 << 28), force=True)\n",
        ],
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


def test_new_files_follow_the_umask_and_a_replaced_file_keeps_its_mode(tmp_path):
    for name, umask, mode in (("private.md", 0o077, 0o600), ("shared.md", 0o002, 0o664)):
        previous = os.umask(umask)
        try:
            write_atomic(str(tmp_path / name), "x")
        finally:
            os.umask(previous)
        assert (tmp_path / name).stat().st_mode & 0o777 == mode
    secret = tmp_path / "secret.json"
    secret.write_text("old", encoding="utf-8")
    secret.chmod(0o600)
    write_atomic(str(secret), "new", force=True)
    assert secret.read_text("utf-8") == "new"
    assert secret.stat().st_mode & 0o777 == 0o600
    secret.chmod(0o4750)  # the permissions are kept, a setuid bit is not
    write_atomic(str(secret), "newer", force=True)
    assert secret.stat().st_mode & 0o7777 == 0o750


def test_only_regular_files_are_ever_replaced(tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(elsewhere)
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nothing-here.md")
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    for path, kind in (
        (link, "a symbolic link"),
        (dangling, "a symbolic link"),
        (fifo, "a named pipe"),
        *((("/dev/zero", "a device"),) if os.path.exists("/dev/zero") else ()),
    ):
        for force in (False, True):
            with pytest.raises(OutputError, match=f"^{path}: is {kind}, not a regular file"):
                write_atomic(str(path), "new", force=force)
    assert link.is_symlink() and dangling.is_symlink() and not (tmp_path / "nothing-here.md").exists()
    assert elsewhere.read_text("utf-8") == "keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dangling.md", "elsewhere.txt", "link.md", "pipe.md"]


def test_the_null_device_takes_any_output_and_nothing_is_written_beside_it(tmp_path):
    """`-o /dev/null` checks that a command runs; it is the one device accepted, and only itself, not a link to it."""
    from orgdesign.write import is_null_device, write_together

    for force in (False, True):
        write_atomic(os.devnull, "discarded", force=force)
    write_together([(os.devnull, "x"), (str(tmp_path / "kept.md"), "kept")])
    assert (tmp_path / "kept.md").read_text("utf-8") == "kept"
    assert os.path.exists(os.devnull) and is_null_device(os.devnull)
    assert not any(name.startswith(".orgdesign-") for name in os.listdir(os.path.dirname(os.devnull)))
    link = tmp_path / "null.md"
    link.symlink_to(os.devnull)
    with pytest.raises(OutputError, match="is a symbolic link, not a regular file"):
        write_atomic(str(link), "new", force=True)
    assert not is_null_device(str(link)) and not is_null_device(str(tmp_path / "kept.md"))


def test_files_written_together_are_all_or_nothing(tmp_path, monkeypatch):
    from orgdesign.write import write_together

    pair = [(str(tmp_path / "a.json"), "{}"), (str(tmp_path / "a.md"), "# a")]
    real_fsync, real_replace = os.fsync, os.replace
    calls = {"fsync": 0, "replace": 0}

    def full_on_second_fsync(fd):
        calls["fsync"] += 1
        if calls["fsync"] == 2:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_on_second_fsync)
    with pytest.raises(OutputError, match=r"a\.md: cannot write: No space left on device"):
        write_together(pair)
    assert list(tmp_path.iterdir()) == []

    def full_on_second_replace(source, destination):
        calls["replace"] += 1
        if calls["replace"] == 2:
            raise OSError(28, "No space left on device")
        real_replace(source, destination)

    monkeypatch.setattr(os, "fsync", real_fsync)
    monkeypatch.setattr(os, "replace", full_on_second_replace)
    with pytest.raises(OutputError, match=r"a\.md: cannot write: No space left on device"):
        write_together(pair)
    assert list(tmp_path.iterdir()) == []  # a.json was renamed into place, then removed again
    monkeypatch.setattr(os, "replace", real_replace)
    write_together(pair)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "a.md"]
