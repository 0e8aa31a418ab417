"""Every file of the bad-input corpus gets its exact located message and exit code."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).parent / "bad_input"
CASES = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))


def test_corpus_is_complete():
    listed = {case["file"] for case in CASES}
    on_disk = {p.name for p in CORPUS.iterdir() if p.name != "cases.yaml"}
    assert listed == on_disk | {"missing.yaml"}
    assert len(listed) >= 40


@pytest.mark.parametrize("case", CASES, ids=[case["file"] for case in CASES])
def test_bad_file(case, cli, monkeypatch):
    monkeypatch.chdir(CORPUS)
    started = time.perf_counter()
    result = cli(*case.get("command", "validate").split(), case["file"])
    elapsed = time.perf_counter() - started
    assert result.exit_code == case["exit"]
    assert result.stderr.strip() == case["message"]
    assert "Traceback" not in result.output + result.stderr
    assert result.stdout.strip() == "" or case.get("command", "validate") == "validate"
    assert elapsed < 1.0, f"{case['file']} took {elapsed:.2f} s"


def test_unreadable_file_is_reported(cli, tmp_path, monkeypatch):
    """Permissions cannot be taken away from root (CI runs as root), so the OS refusal is simulated."""
    import builtins

    org = tmp_path / "locked.yaml"
    org.write_text("organization: {}\n", encoding="utf-8")
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(org):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    result = cli("validate", org)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{org}: permission denied: cannot read this file"


def test_all_problems_of_a_file_are_reported_together(cli, tmp_path):
    bad = tmp_path / "many.yaml"
    bad.write_text(
        "organization: {name: Acme, region: europa, size: small}\n"
        "departments:\n"
        "  - {id: ceo, function: executive}\n"
        "  - {id: mkt, function: marketng, reports_to: nowhere}\n"
        "objectives:\n"
        "  - {id: care, kind: customer_care, priority: 0}\n",
        encoding="utf-8",
    )
    result = cli("validate", bad)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert [line.split(": ")[1] for line in lines] == [
        "organization.region",
        "departments[1].function",
        "departments[1].reports_to",
        "objectives[0].priority",
    ]
    assert lines[0].startswith(f"{bad}:1:")


def test_json_errors_are_located_too(cli, tmp_path):
    bad = tmp_path / "acme.json"
    bad.write_text(
        '{\n  "organization": {"name": "Acme", "region": "europe", "size": "small"},\n'
        '  "departments": [\n    {"id": "ceo", "function": "executiv"}\n  ],\n'
        '  "objectives": [{"id": "x", "kind": "listening"}]\n}\n',
        encoding="utf-8",
    )
    result = cli("validate", bad)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"{bad}:4:19: departments[0].function: unknown function 'executiv' (did you mean 'executive'?)"
    )


def test_a_missing_file_and_a_directory(cli, tmp_path):
    result = cli("validate", tmp_path / "nope.yaml", tmp_path)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'nope.yaml'}: no such file",
        f"{tmp_path}: is a directory; expected an org file",
    ]


def test_input_from_a_pipe_over_the_limit_is_refused_not_cut(cli, tmp_path, monkeypatch):
    """A pipe has no size to check up front; what is read past the limit must fail, never be dropped."""
    import os
    import threading

    from orgdesign.input import source

    text = (CORPUS.parent.parent / "examples" / "small_agency.yaml").read_text(encoding="utf-8")
    monkeypatch.setattr(source, "MAX_BYTES", len(text.encode()) - 1)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)

    def feed():
        with open(pipe, "w", encoding="utf-8") as writer:
            writer.write(text)

    writer = threading.Thread(target=feed)
    writer.start()
    result = cli("validate", pipe)
    writer.join()
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(f"{pipe}: input is larger than the limit of ")


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ('"function": BIG', "departments[0].function: unknown function 'xxxxxxxxx"),
        ('"id": "ceo", "reports_to": BIG', "departments[0].reports_to: unknown department 'xxxxxxxxx"),
        ("BIG: 1", "departments[0].xxxxxxxxx"),
    ],
)
def test_a_huge_value_is_echoed_shortened_with_its_length(cli, tmp_path, where, expected):
    big = json.dumps("x" * 1_000_000)
    department = "{" + where.replace("BIG", big) + (', "function": "executive"' if '"function"' not in where else "")
    department += ', "id": "ceo"}' if '"id"' not in where else "}"
    org = tmp_path / "big.json"
    org.write_text(
        '{"organization": {"name": "Acme", "region": "europe", "size": "small"},\n'
        f'"departments": [{department}],\n"objectives": [{{"id": "l", "kind": "listening"}}]}}\n',
        encoding="utf-8",
    )
    result = cli("validate", org)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "…' (1,000,000 characters)" in result.stderr or "… (1,000,000 characters)" in result.stderr
    assert len(result.stderr) < 500 * len(result.stderr.splitlines())


def test_a_huge_set_value_is_echoed_shortened(cli):
    org = CORPUS.parent.parent / "examples" / "small_agency.yaml"
    result = cli("recommend", org, "--set", "departments.marketing.function=" + "y" * 100_000)
    assert result.exit_code == 2
    assert result.stderr.startswith("<command line>: --set departments.marketing.function=yyyy")
    assert "(100,000 characters)" in result.stderr and len(result.stderr) < 600
