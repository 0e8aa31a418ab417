"""Goldens: `recommend` and `export` in every format for every bundled example, byte for byte.

A change of wording, order or layout anywhere shows up here as a diff to review.
A binary export is kept as text (`export-xlsx.xlsx.txt`): a deck as its outline, a
workbook as its XML parts, a tag a line.
The files under tests/golden/examples/ are written by the tests, never by hand:

    python -m pytest -m golden --update-goldens

rewrites every golden (these and the export ones of test_export.py) from the
current output, and removes goldens of examples or formats that are gone; then
review `git diff tests/golden`. Everything is rendered in-process through the
library, so the whole set takes a few seconds.
"""

from __future__ import annotations

import difflib
import functools
import io
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

from orgdesign.present.formats import FORMATS, export

GOLDEN = ROOT / "tests" / "golden" / "examples"
REGENERATE = "python -m pytest -m golden --update-goldens"
TABLE_WIDTH = 100  # the table golden is laid out for a 100-column terminal

pytestmark = pytest.mark.golden

# (command, format, file suffix): what a user can ask `recommend --format` and `export --format` for.
RECOMMEND = [("recommend", "table", ".txt"), ("recommend", "json", ".json"), ("recommend", "markdown", ".md")]
EXPORT = [("export", name, spec.suffix) for name, spec in FORMATS.items()]
CASES = [(example, *kind) for example in EXAMPLES for kind in RECOMMEND + EXPORT]


def golden_path(example: Path, command: str, format: str, suffix: str) -> Path:
    """`tests/golden/examples/airline/export-svg.svg`: one folder per example, one file per output.

    A binary format keeps its text (`export-pptx.pptx.txt`), not its bytes.
    """
    binary = command == "export" and FORMATS[format].binary
    return GOLDEN / example.stem / f"{command}-{format}{suffix}{'.txt' * binary}"


@functools.cache
def _result(example: Path):
    import orgdesign

    return orgdesign.recommend(orgdesign.load_org(str(example)))


def render(example: Path, command: str, format: str) -> str:
    """What `orgdesign COMMAND EXAMPLE --format FORMAT` writes, rendered by the library."""
    result = _result(example)
    if command == "export":
        return _text_of(format, export(result, format))
    if format == "json":
        from orgdesign.present.json_report import to_json

        return to_json(result)
    if format == "markdown":
        from orgdesign.present.markdown import to_markdown

        return to_markdown(result)
    return _table(result)


def _text_of(format: str, body: str | bytes) -> str:
    """An export as reviewable text: itself, or for a deck its outline, for a workbook each part's XML, a tag a line.

    A binary golden could only say "differs"; this one shows which sheet and cell changed.
    """
    if isinstance(body, str):
        return body
    if format == "pptx":  # the deck's text, slide by slide, reads better than its XML
        from orgdesign.present.deck import outline

        return outline(body)
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
    return "".join(
        f"=== {format}: {name}\n"
        + (data.decode("utf-8").replace("><", ">\n<") if name.endswith((".xml", ".rels")) else f"{len(data)} bytes\n")
        + "\n"
        for name, data in parts
    )


def _table(result) -> str:
    from rich.console import Console

    from orgdesign.present.terminal import recommendation_view

    console = Console(
        file=io.StringIO(), width=TABLE_WIDTH, color_system=None, force_terminal=False, legacy_windows=False
    )
    console.print(recommendation_view(result))
    return console.file.getvalue()


@pytest.mark.parametrize(
    ("example", "command", "format", "suffix"),
    CASES,
    ids=[f"{example.stem}-{command}-{format}" for example, command, format, _ in CASES],
)
def test_output_matches_its_golden(example, command, format, suffix, update_goldens):
    body = render(example, command, format)
    path = golden_path(example, command, format, suffix)
    if update_goldens:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body.encode("utf-8"))
        return
    where = path.relative_to(ROOT)
    assert path.exists(), f"{where} is missing; write it with `{REGENERATE}` and review the diff"
    expected = path.read_bytes().decode("utf-8")
    if body != expected:
        diff = difflib.unified_diff(expected.splitlines(True), body.splitlines(True), "golden", "now")
        pytest.fail(
            f"`orgdesign {command} {example.name} --format {format}` differs from {where};\n"
            f"if the change is intended, regenerate every golden with `{REGENERATE}` and review the diff.\n"
            + "".join(list(diff)[:60]),
            pytrace=False,
        )


def test_no_stray_goldens(update_goldens):
    """A golden of an example or format that no longer exists is removed by the update, or reported."""
    wanted = {golden_path(*case) for case in CASES}
    present = {path for path in GOLDEN.rglob("*") if path.is_file()} if GOLDEN.exists() else set()
    stray = sorted(present - wanted)
    if update_goldens:
        for path in stray:
            path.unlink()
        examples = {example.stem for example in EXAMPLES}
        for folder in GOLDEN.iterdir():
            if folder.name not in examples and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        return
    names = [str(path.relative_to(ROOT)) for path in stray]
    assert not stray, f"goldens with no test: {names}; remove them with `{REGENERATE}`"


def test_the_table_golden_fits_its_width():
    """The table golden is what a 100-column terminal shows: no line is wider, and it is not the 80 default."""
    lines = render(EXAMPLES[0], "recommend", "table").splitlines()
    assert max(len(line) for line in lines) == TABLE_WIDTH


@pytest.mark.parametrize(
    ("command", "format", "suffix"), RECOMMEND + EXPORT, ids=[f"{c}-{f}" for c, f, _ in RECOMMEND + EXPORT]
)
def test_the_goldens_are_what_the_command_writes(cli, tmp_path, command, format, suffix):
    """The library rendering used above is byte for byte what `orgdesign ... --output FILE` writes."""
    example = ROOT / "examples" / "small_agency.yaml"
    out = tmp_path / f"out{suffix}"
    result = cli(command, example, "--format", format, "--output", out)
    assert result.exit_code == 0, result.stderr
    written = out.read_bytes()
    body = written if zipfile.is_zipfile(out) else written.decode("utf-8")
    assert _text_of(format, body) == render(example, command, format)
