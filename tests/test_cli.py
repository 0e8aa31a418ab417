"""The org-file commands as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import EXAMPLES

import orgdesign


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"orgdesign {orgdesign.__version__}"


def test_validate_all_examples(cli):
    result = cli("validate", *EXAMPLES)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("✓") == len(EXAMPLES)


def test_validate_all_examples_without_a_warning(cli):
    assert "warning" not in cli("validate", *EXAMPLES).stderr


def test_validate_warns_about_a_skill_no_rule_reads(cli, tmp_path):
    org = tmp_path / "skills.yaml"
    org.write_text(
        "organization: {name: X, region: europe, size: small}\n"
        "departments:\n"
        "  - {id: pr, function: communications, skills: [press_relations, analytcs, analytcs]}\n"
        "objectives:\n"
        "  - {id: crisis, kind: reputation}\n",
        encoding="utf-8",
    )
    result = cli("validate", org)
    assert result.exit_code == 0 and "✓" in result.stdout
    # press_relations is a synonym of media_relations, which a rule reads; the typo is reported once.
    assert result.stderr.count("warning") == 1
    assert "skills.yaml:3:66: departments[0].skills[1]: warning: no rule reads the skill 'analytcs'" in result.stderr
    assert "did you mean 'analytics'?" in result.stderr


def test_validate_exit_code_when_one_file_is_bad(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("organization: {}\n", encoding="utf-8")
    result = cli("validate", EXAMPLES[0], bad)
    assert result.exit_code == 2
    assert "✓" in result.stdout and "✗" in result.stdout


def test_show_renders_every_example(cli):
    for example in EXAMPLES:
        result = cli("show", example)
        assert result.exit_code == 0, (example, result.stderr)
        org = orgdesign.load_org(str(example))
        assert org.organization.name in result.stdout
        for objective in org.objectives:
            assert objective.id in result.stdout
        assert max(len(line) for line in result.stdout.splitlines()) <= 100


def test_show_does_not_obey_markup_in_names(cli, tmp_path):
    org = tmp_path / "markup.yaml"
    org.write_text(
        "organization: {name: '[bold red]Acme[/]', region: europe, size: small}\n"
        "departments: [{id: ceo, function: executive, name: '[link=http://x]Board[/link]'}]\n"
        "objectives: [{id: x, kind: listening}]\n",
        encoding="utf-8",
    )
    result = cli("show", org)
    assert "[bold red]Acme[/]" in result.stdout
    assert "[link=http://x]Board[/link]" in result.stdout


def test_schema_is_json_and_names_the_core_fields(cli):
    result = cli("schema")
    schema = json.loads(result.stdout)
    assert set(schema["required"]) == {"organization", "departments", "objectives"}
    department = schema["$defs"]["Department"]["properties"]
    for name in ("id", "name", "function", "reports_to", "headcount", "capacity", "skills", "structure"):
        assert name in department


def test_examples_lists_every_bundled_file(cli):
    result = cli("examples")
    assert result.exit_code == 0
    for example in EXAMPLES:
        assert example.name in result.stdout


def test_help_does_not_import_the_engine():
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from orgdesign.cli import app\n"
        "CliRunner().invoke(app, ['--help'])\n"
        "print(sorted(m for m in ('networkx', 'pydantic', 'yaml') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "networkx" not in out and "yaml" not in out


def test_validate_does_not_import_networkx():
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from orgdesign.cli import app\n"
        f"result = CliRunner().invoke(app, ['validate', {str(EXAMPLES[0])!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "print('networkx' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_python_dash_m(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "orgdesign", "validate", str(EXAMPLES[0])], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_domain_code_never_imports_the_terminal_libraries():
    code = (
        "import sys\n"
        "import orgdesign.pipeline, orgdesign.report, orgdesign.markdown, orgdesign.compare, orgdesign.batch\n"
        "import orgdesign.interview, orgdesign.scenario, orgdesign.export\n"
        "from orgdesign.export import html, svg, dot, mermaid, graphml, nodelink, raci_csv, markdown\n"
        "print(sorted(m for m in ('rich', 'typer') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
