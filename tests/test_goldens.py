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
GOLDEN_I18N = ROOT / "tests" / "golden" / "i18n"  # one example, in every format, in each language but English
I18N_EXAMPLE = ROOT / "examples" / "manufacturer_germany.yaml"
I18N_LANGUAGES = ("fr", "de", "es")
I18N_TABLE_WIDTH = 80  # German's long words must still fit the narrowest terminal
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
def _result(example: Path, lang: str = "en"):
    import orgdesign
    from orgdesign import i18n

    i18n.use(lang)  # the engine words its findings and advice as it makes them
    return orgdesign.recommend(orgdesign.load_org(str(example)))


def render(example: Path, command: str, format: str, lang: str = "en", width: int = TABLE_WIDTH) -> str:
    """What `orgdesign COMMAND EXAMPLE --format FORMAT --lang LANG` writes, rendered by the library."""
    from orgdesign import i18n

    result = _result(example, lang)
    i18n.use(lang)
    if command == "export":
        return _text_of(format, export(result, format))
    if format == "json":
        from orgdesign.present.json_report import to_json

        return to_json(result)
    if format == "markdown":
        from orgdesign.present.markdown import to_markdown

        return to_markdown(result)
    return _table(result, width)


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


def _table(result, width: int = TABLE_WIDTH) -> str:
    from rich.console import Console

    from orgdesign.present.terminal import recommendation_view

    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False, legacy_windows=False)
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
    compare_with_golden(body, path, f"orgdesign {command} {example.name} --format {format}", update_goldens)


def compare_with_golden(body: str, path: Path, command_line: str, update_goldens: bool) -> None:
    """Write the golden when updating; else fail with the first lines of the diff, naming the command."""
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
            f"`{command_line}` differs from {where};\n"
            f"if the change is intended, regenerate every golden with `{REGENERATE}` and review the diff.\n"
            + "".join(list(diff)[:60]),
            pytrace=False,
        )


I18N_CASES = [(lang, *kind) for lang in I18N_LANGUAGES for kind in RECOMMEND + EXPORT]


def i18n_golden_path(lang: str, command: str, format: str, suffix: str) -> Path:
    """`tests/golden/i18n/de/export-html.html`: the one example, one folder per language."""
    binary = command == "export" and FORMATS[format].binary
    return GOLDEN_I18N / lang / f"{command}-{format}{suffix}{'.txt' * binary}"


@pytest.mark.parametrize(
    ("lang", "command", "format", "suffix"), I18N_CASES, ids=[f"{lang}-{c}-{f}" for lang, c, f, _ in I18N_CASES]
)
def test_each_language_matches_its_golden(lang, command, format, suffix, update_goldens):
    body = render(I18N_EXAMPLE, command, format, lang, I18N_TABLE_WIDTH)
    path = i18n_golden_path(lang, command, format, suffix)
    command_line = f"orgdesign {command} {I18N_EXAMPLE.name} --format {format} --lang {lang}"
    compare_with_golden(body, path, command_line, update_goldens)


def test_the_translated_tables_fit_80_columns():
    """German, French and Spanish words are longer than English ones: the table still fits 80 columns, uncut."""
    for lang in I18N_LANGUAGES:
        shown = render(I18N_EXAMPLE, "recommend", "table", lang, I18N_TABLE_WIDTH)
        assert max(len(line) for line in shown.splitlines()) <= I18N_TABLE_WIDTH, lang
        assert "…" not in shown, lang


def test_no_stray_goldens(update_goldens):
    """A golden of an example or format that no longer exists is removed by the update, or reported."""
    wanted = {golden_path(*case) for case in CASES} | {i18n_golden_path(*case) for case in I18N_CASES}
    present = {path for root in (GOLDEN, GOLDEN_I18N) if root.exists() for path in root.rglob("*") if path.is_file()}
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
