"""The CLI as a new user meets it: help, where output goes, formats, completion, names, plurals, widths."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import EXAMPLES, ROOT
from typer.main import get_command
from typer.testing import CliRunner

from orgdesign.cli import app

AIRLINE = ROOT / "examples" / "airline.yaml"


def _commands():
    """Every command path, the root and the groups included: ("",), ("recommend",), ("rules", "list")..."""
    root = get_command(app)
    paths, stack = [], [((), root)]
    while stack:
        path, command = stack.pop()
        paths.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            stack.append(((*path, name), sub))
    return sorted(paths)


def _at(width: int, *args: str):
    runner = CliRunner(env={"COLUMNS": str(width), "NO_COLOR": "1", "TERM": "dumb"})
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, prog_name="orgdesign")


def test_every_help_fits_80_columns_and_names_values_in_words():
    paths = _commands()
    assert ("rules", "list") in paths and ("recommend",) in paths
    for path in paths:
        result = _at(80, *path, "--help")
        assert result.exit_code == 0, path
        shown = result.stdout
        assert max(len(line) for line in shown.splitlines()) <= 80, path
        for leak in ("<str>", "<bool>", "<int>", "<list[", "{file}", "[x>=", "python -m"):
            assert leak not in shown, (path, leak)
        assert not re.search(r"\{[A-Za-z.]+\}", shown), path  # usage shows FILE, not {FILE}


def test_help_usage_lines_read_like_the_readme():
    usage = {
        ("recommend",): "orgdesign recommend [OPTIONS] FILE",
        ("explain",): "orgdesign explain [OPTIONS] FILE OBJECTIVE",
        ("compare",): "orgdesign compare [OPTIONS] A [B]",
        ("validate",): "orgdesign validate [OPTIONS] FILE...",
        ("rules", "check"): "orgdesign rules check [OPTIONS] PACK...",
    }
    for path, line in usage.items():
        assert f"Usage: {line}" in _at(100, *path, "--help").stdout, path
    recommend = _at(100, "recommend", "--help").stdout
    assert re.search(r"--force\s+Overwrite --output", recommend)  # a flag takes no value, so none is shown
    assert re.search(r"--without\s+ID\s+What if", recommend)


# --- where output goes -----------------------------------------------------------------------------

DOCUMENT_COMMANDS = {
    "recommend": ("recommend", AIRLINE, "-f", "json"),
    "compare": ("compare", AIRLINE, "--with", "social_media", "-f", "json"),
    "export": ("export", AIRLINE, "-f", "json"),
}


def test_every_command_with_an_output_option_is_covered_here():
    with_output = set()
    for path in _commands():
        command = get_command(app)
        for name in path:
            command = command.commands[name]
        if any("--output" in param.opts for param in command.params):
            with_output.add(" ".join(path))
    # batch writes a folder and interview an org file of its own (tested with it); the others write documents
    assert with_output == set(DOCUMENT_COMMANDS) | {"batch", "interview"}


@pytest.mark.parametrize("name", sorted(DOCUMENT_COMMANDS))
def test_dash_output_is_stdout(cli, tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    result = cli(*DOCUMENT_COMMANDS[name], "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)
    assert list(tmp_path.iterdir()) == []  # no file named "-"


@pytest.mark.parametrize("name", sorted(DOCUMENT_COMMANDS))
def test_output_to_the_null_device_runs_and_writes_nothing(cli, name):
    for force in ((), ("--force",)):
        result = cli(*DOCUMENT_COMMANDS[name], "-o", os.devnull, *force)
        assert result.exit_code == 0, (result.stderr, force)
        assert result.stdout == "" and result.stderr == ""


def test_the_table_view_goes_to_a_file_as_plain_text(cli, tmp_path):
    for args in (("recommend", AIRLINE), ("compare", AIRLINE, "--with", "social_media")):
        target = tmp_path / f"{args[0]}.txt"
        result = cli(*args, "-o", target)
        assert result.exit_code in (0, 1) and result.stdout == "", (args, result.stderr)
        written = target.read_text("utf-8")
        assert "Southwind Airlines" in written or "airline.yaml" in written, args
        assert "\x1b[" not in written and max(len(line) for line in written.splitlines()) <= 100
        assert cli(*args, "-o", os.devnull).exit_code in (0, 1)


def test_output_to_a_file_and_then_stdout_say_the_same(cli, tmp_path):
    target = tmp_path / "report.md"
    assert cli("recommend", AIRLINE, "-f", "markdown", "-o", target).exit_code == 0
    assert target.read_text("utf-8") == cli("recommend", AIRLINE, "-f", "markdown", "-o", "-").stdout
    again = cli("recommend", AIRLINE, "-f", "markdown", "-o", target)
    assert again.exit_code == 2 and "already exists; use --force" in again.stderr


def test_the_table_to_stdout_with_dash_is_the_terminal_view(cli):
    assert cli("recommend", AIRLINE, "-o", "-").stdout == cli("recommend", AIRLINE).stdout
    compared = cli("compare", AIRLINE, "--with", "social_media", "-o", "-")
    assert compared.exit_code in (0, 1) and compared.stdout == cli("compare", AIRLINE, "--with", "social_media").stdout


def test_formats_are_accepted_in_any_case(cli):
    assert cli("recommend", AIRLINE, "-f", "JSON").stdout == cli("recommend", AIRLINE, "-f", "json").stdout
    assert cli("compare", AIRLINE, "--with", "social_media", "-f", "Markdown").stdout.startswith("#")
    exported = cli("export", AIRLINE, "-f", "SVG", "-o", "-", "--view", "Current")
    assert exported.exit_code == 0 and exported.stdout.lstrip().startswith("<")
    wrong = cli("recommend", AIRLINE, "-f", "yaml")
    assert wrong.exit_code == 2 and "yaml" in wrong.stderr


def test_batch_refuses_stdout_for_its_folder(cli, tmp_path):
    result = cli("batch", ROOT / "examples", "-o", "-")
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == "<command line>: --output: batch writes a folder of reports; give a folder, not - (stdout)"
    )


# --- shell completion ------------------------------------------------------------------------------


def test_completion_options_are_offered():
    shown = _at(100, "--help").stdout
    assert "--install-completion" in shown and "--show-completion" in shown


def test_show_completion_prints_a_bash_script_for_orgdesign():
    env = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}  # the shell is given, not detected
    result = subprocess.run(
        [sys.executable, "-m", "orgdesign", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert "complete -o default -F _orgdesign_completion orgdesign" in result.stdout
    assert "_ORGDESIGN_COMPLETE=complete_bash" in result.stdout


def test_the_completion_script_completes_commands_and_options():
    def complete(words: str) -> list[str]:
        env = {**os.environ, "_ORGDESIGN_COMPLETE": "complete_bash", "COMP_WORDS": words}
        env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
        result = subprocess.run(
            [sys.executable, "-m", "orgdesign"], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL
        )
        return result.stdout.split()

    assert complete("orgdesign rec") == ["recommend"]
    assert "list" in complete("orgdesign rules ")
    assert "--format" in complete("orgdesign recommend --fo")


# --- plurals and names ---------------------------------------------------------------------------------


def test_validate_says_1_department_not_1_departments(cli, tmp_path):
    org = tmp_path / "one.yaml"
    org.write_text(
        "organization: {name: One, region: europe, size: small}\n"
        "departments: [{id: ceo, function: executive}]\n"
        "objectives: [{id: listening, kind: listening}]\n",
        encoding="utf-8",
    )
    result = cli("validate", org)
    assert result.exit_code == 0
    assert result.stderr == f"✓ {org}: 1 department, 1 objective\n"


def test_no_message_of_the_cli_counts_with_a_bracketed_plural():
    for module in sorted((ROOT / "orgdesign" / "cli").glob("*.py")):
        assert "(s)" not in module.read_text("utf-8"), module.name


def test_explain_takes_names_as_well_as_ids(cli):
    by_id = cli("explain", AIRLINE, "listening", "-d", "customer_relations")
    assert by_id.exit_code == 0, by_id.stderr
    for objective, department in (
        ("Social listening", "Customer Relations"),
        ("social  LISTENING", "customer relations"),
    ):
        by_name = cli("explain", AIRLINE, objective, "-d", department)
        assert by_name.exit_code == 0, by_name.stderr
        assert by_name.stdout == by_id.stdout


def test_explain_suggests_what_a_user_meant(cli):
    result = cli("explain", AIRLINE, "Social listenin")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == (
        "<command line>: OBJECTIVE: unknown objective 'Social listenin'; did you mean 'listening' (Social listening)?"
    )
    result = cli("explain", AIRLINE, "listening", "-d", "Custmer Relations")
    assert result.exit_code == 2
    assert result.stderr.endswith("did you mean 'customer_relations' (Customer Relations)?\n")
    result = cli("explain", AIRLINE, "listening", "-d", "zzz")
    assert result.exit_code == 2 and "expected one of: analytics, ceo, " in result.stderr


# --- rules list at the width it is read at ---------------------------------------------------------


@pytest.mark.parametrize("width", [80, 100, 120])
def test_rules_list_shows_every_id_and_its_whole_title_at_any_width(width):
    from orgdesign.rulebook import load_rulebook

    rules = load_rulebook([]).rules
    result = _at(width, "rules", "list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    assert len(lines) <= 2 * len(rules) + 3  # not a word per line
    flat = " ".join(" ".join(lines).split())
    for rule in rules:
        assert re.search(rf"^{re.escape(rule.id)}\s", "\n".join(lines), re.M), rule.id
        assert " ".join(rule.rule.title.split()) in flat, rule.id
    assert lines[-1] == f"{len(rules)} rules"


def test_examples_and_show_still_print(cli):
    assert all(example.name in cli("examples").stdout for example in EXAMPLES)
    assert "Objectives" in cli("show", AIRLINE).stdout
