"""The org-file commands as a user runs them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import EXAMPLES

import orgdesign


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"orgdesign {orgdesign.__version__}"


def test_validate_all_examples(cli):
    result = cli("validate", *EXAMPLES)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("✓") == len(EXAMPLES)
    assert result.stdout == ""  # the summary goes where the problems go: stderr


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
    assert result.exit_code == 0 and "✓" in result.stderr
    # press_relations is a synonym of media_relations, which a rule reads; the typo is reported once.
    assert result.stderr.count("warning") == 1
    assert "skills.yaml:3:66: departments[0].skills[1]: warning: no rule reads the skill 'analytcs'" in result.stderr
    assert "did you mean 'analytics'?" in result.stderr


def test_validate_exit_code_when_one_file_is_bad(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("organization: {}\n", encoding="utf-8")
    result = cli("validate", EXAMPLES[0], bad)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    # in the order given, all on one stream: the valid file's line, then each problem of the bad one
    assert lines[0].startswith(f"✓ {EXAMPLES[0]}: ") and len(lines) == 6
    assert all(line.startswith(f"{bad}:1:1: ") for line in lines[1:])
    assert result.stdout == ""


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
        "import orgdesign.engine.pipeline, orgdesign.engine.compare, orgdesign.batch\n"
        "import orgdesign.present.json_report, orgdesign.present.markdown\n"
        "import orgdesign.interview.questions, orgdesign.input.scenario, orgdesign.present.formats\n"
        "from orgdesign.present import html, raci_csv, markdown_chart\n"
        "from orgdesign.present.chart import svg, dot, mermaid, graphml, nodelink\n"
        "print(sorted(m for m in ('rich', 'typer') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _orgdesign(*args: str, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "orgdesign", *map(str, args)], stderr=subprocess.PIPE, **kwargs)


def test_a_closed_pipe_ends_quietly_with_141():
    for args in (("rules", "list"), ("show", EXAMPLES[0]), ("export", EXAMPLES[0], "-f", "svg", "-o", "-")):
        process = _orgdesign(*args, stdout=subprocess.PIPE)
        process.stdout.close()  # the reader is gone before the first line, as with `| head -0`
        _, errors = process.communicate(timeout=60)
        assert process.returncode == 141, (args, errors)
        assert errors == b"", args


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs a device that is always full")
def test_a_full_stdout_is_one_line_and_exit_2():
    svg = ("export", EXAMPLES[0], "-f", "svg", "-o", "-")
    for args in (("rules", "list"), ("recommend", EXAMPLES[0], "-f", "json"), svg, ("--help",), ("--version",)):
        with open("/dev/full", "wb") as full:
            process = _orgdesign(*args, stdout=full)
            _, errors = process.communicate(timeout=60)
        assert process.returncode == 2, (args, errors)
        assert errors.decode() == "<stdout>: cannot write the output: No space left on device\n", args


def test_a_stdout_that_is_not_utf8_still_prints(tmp_path):
    org = tmp_path / "cafe.yaml"
    org.write_text(
        "organization: {name: Café Ñandú, region: europe, size: small}\n"
        "departments:\n"
        "  - {id: ceo, name: Dirección, function: executive}\n"
        "  - {id: social, name: Redes → sociales, function: social_media, reports_to: ceo}\n"
        "objectives:\n"
        "  - {id: care, name: Atención, kind: customer_care, priority: 5}\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "COLUMNS": "100"}
    for args, expected in (
        (("show", org), b"Caf? ?and?"),
        (("recommend", org), b"Caf? ?and?"),
    ):
        process = _orgdesign(*args, stdout=subprocess.PIPE, env=env)
        output, errors = process.communicate(timeout=60)
        assert process.returncode == 0, (args, errors)
        assert errors == b"" and output.isascii(), args
        assert expected in output, args
    for encoding in ("ascii", "latin-1"):  # documents keep their own encoding, UTF-8, whatever the terminal's
        for args in (("recommend", org, "-f", "json"), ("schema",), ("export", org, "-f", "mermaid", "-o", "-")):
            process = _orgdesign(*args, stdout=subprocess.PIPE, env={**env, "PYTHONIOENCODING": encoding})
            output, errors = process.communicate(timeout=60)
            assert process.returncode == 0 and errors == b"", (args, errors)
            text = output.decode("utf-8")
            assert args[0] == "schema" or "Café Ñandú" in text, (encoding, args)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs a device other than the null device")
def test_outputs_never_replace_devices_or_symlinks(cli, tmp_path):
    result = cli("export", EXAMPLES[0], "-f", "mermaid", "-o", "/dev/zero", "--force")
    assert result.exit_code == 2
    assert (
        result.stderr == "/dev/zero: is a device, not a regular file; orgdesign only replaces regular files, "
        "so give another name\n"
    )
    dangling = tmp_path / "chart.svg"
    dangling.symlink_to(tmp_path / "elsewhere.svg")
    for force in ((), ("--force",)):
        result = cli("export", EXAMPLES[0], "-f", "svg", "-o", dangling, *force)
        assert result.exit_code == 2 and f"{dangling}: is a symbolic link, not a regular file" in result.stderr
    assert dangling.is_symlink() and not (tmp_path / "elsewhere.svg").exists()


def zip_text(body: bytes) -> str:
    """The text of a zipped Office export (xlsx): its XML parts, joined."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml"))


def deep_chain(path, depth: int):
    """An org whose units report in one chain `depth` long, under a top unit with a social media team."""
    lines = [
        "organization: {name: Deep Corp, region: europe, size: enterprise}",
        "departments:",
        "  - {id: u0, name: Top, function: executive}",
        "  - {id: social, name: Social, function: social_media, reports_to: u0}",
    ]
    lines += [
        f"  - {{id: u{i}, name: Unit {i}, function: {'marketing' if i % 2 else 'customer_service'}, "
        f"reports_to: u{i - 1}}}"
        for i in range(1, depth)
    ]
    lines += [
        "objectives:",
        "  - {id: care, name: Care, kind: customer_care, priority: 5}",
        "  - {id: brand, name: Brand, kind: brand_content, priority: 3}",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _rendered(org, width: int) -> str:
    import io

    from rich.console import Console

    from orgdesign.present.terminal import org_tree

    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(org_tree(org))
    return console.file.getvalue()


@pytest.mark.parametrize("width", [60, 80, 100])
def test_show_draws_every_unit_of_a_deep_chain(tmp_path, width):
    org = orgdesign.load_org(str(deep_chain(tmp_path / "deep.yaml", 300)))
    shown = _rendered(org, width)
    assert max(len(line) for line in shown.splitlines()) <= width
    for i in range(1, 300):  # every unit, once as itself and at most once more as the head of its continuation
        assert 1 <= len(re.findall(rf"\bUnit {i}  \[u{i}\]", shown)) <= 2, i
    cuts = re.findall(r"… (\d+) more units: see ↳ \[u(\d+)\] below", shown)
    assert cuts, "the chain is deeper than the width allows, so it is cut"
    for count, unit in cuts:  # each cut says how many units follow, and they follow under its head
        assert int(count) == 299 - int(unit)
        assert re.search(rf"^↳ Unit {unit}  \[u{unit}\] .* continued, level {int(unit) + 1}$", shown, re.M)


def test_show_a_chain_20000_deep(tmp_path):
    org = orgdesign.load_org(str(deep_chain(tmp_path / "deep.yaml", 20_000)))
    shown = _rendered(org, 80)
    assert "[u19999]" in shown and shown.count("more unit") == shown.count("↳ Unit")


def test_show_and_export_a_chain_2000_deep(cli, tmp_path):
    from orgdesign.present.formats import FORMATS, export

    path = deep_chain(tmp_path / "deep.yaml", 2_000)
    result = cli("show", path)
    assert result.exit_code == 0, result.stderr
    assert "Unit 1999  [u1999]" in result.stdout
    recommendation = orgdesign.recommend(orgdesign.load_org(str(path)))
    for format in FORMATS:
        body = export(recommendation, format)
        if format == "pptx":
            from orgdesign.present.deck import outline

            body = outline(body).replace("Unit 1999", "u1999")  # a deck shows names, never ids
        text = body if isinstance(body, str) else zip_text(body)
        assert body and (format in ("csv",) or "u1999" in text), format
    result = cli("export", path, "-f", "svg", "-o", tmp_path / "deep.svg")
    assert result.exit_code == 0 and "u1999" in (tmp_path / "deep.svg").read_text(encoding="utf-8")
