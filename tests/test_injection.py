"""Names from a file are shown, never obeyed: no markup, no escape sequences, no hidden text."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from orgdesign.input.load import validate_data
from orgdesign.present.markdown import md

HOSTILE = [
    "[bold red]Loud[/bold red]",
    "[link=http://evil.example]click[/link]",
    "\"quoted\" & 'single' <b>tag</b>",
    '=HYPERLINK("http://x")',
    "@SUM(A1) | +1 | -2",
    "]]> {braces} (parens) `ticks` *stars* _under_",
]


def _org(names):
    return {
        "organization": {"name": names[0], "region": "europe", "size": "midmarket"},
        "departments": [
            {"id": "ceo", "name": names[1], "function": "executive"},
            {"id": "pr", "name": names[2], "function": "communications", "reports_to": "ceo"},
            {"id": "care", "name": names[3], "function": "customer_service", "reports_to": "ceo"},
        ],
        "objectives": [
            {"id": "crisis", "name": names[4], "kind": "reputation", "description": names[5] + "\nsecond line"},
            {"id": "listen", "name": names[5], "kind": "listening"},
        ],
    }


def test_terminal_output_shows_markup_literally(cli, tmp_path):
    org = tmp_path / "hostile.json"
    org.write_text(json.dumps(_org(HOSTILE)), encoding="utf-8")
    for command in (["recommend"], ["show"], ["explain", "crisis"]):
        result = cli(command[0], org, *command[1:])
        assert result.exit_code == 0, result.stderr
        assert "\x1b" not in result.stdout
        shown = result.stdout.replace("\n", "")
        assert "[bold red]" in shown or command[0] == "explain"


@pytest.mark.parametrize(
    "bad",
    ["Board\x1b[2J", "Board\x07", "Evil\u202egnp.exe", "zero\u200fwidth", "tab\tname", "new\nline"],
)
def test_control_and_bidi_characters_are_refused_in_names(bad):
    from orgdesign.errors import InputError

    data = _org(HOSTILE)
    data["departments"][1]["name"] = bad
    with pytest.raises(InputError, match=r"departments\[1\]\.name: contains the control character U\+"):
        validate_data(data, "hostile.yaml")


@pytest.mark.parametrize(
    "char",
    [
        "\u2028",
        "\u2029",
        "\u200b",
        "\ufeff",
        "\U000e0041",
        "\u061c",
        "\u00ad",
        "\u2060",
        "\ufffe",
        "\uffff",
        "\ufdd0",
        "\U0001fffe",
    ],  # fmt: skip
)
@pytest.mark.parametrize("field", ["name", "description"])
def test_invisible_and_non_characters_are_refused_in_names_and_descriptions(char, field):
    from orgdesign.errors import InputError

    data = _org(HOSTILE)
    data["objectives"][0][field] = f"Crisis{char}desk"
    message = rf"objectives\[0\]\.{field}: contains the (invisible character|non-character) U\+"
    with pytest.raises(InputError, match=message):
        validate_data(data, "hostile.yaml")


def test_joiners_that_spell_words_and_emoji_are_kept():
    data = _org(HOSTILE)
    data["departments"][1]["name"] = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \U0001f469\u200d\U0001f4bb"
    assert validate_data(data).departments[1].name == data["departments"][1]["name"]


def test_markdown_escapes_everything_that_could_become_markup():
    for name in HOSTILE:
        escaped = md(name).replace("<!-- -->", "")  # the one piece of markup md writes: an empty comment
        for char in "[]()<>|*_`":
            assert f"{char}" not in escaped.replace(f"\\{char}", "")


def test_terminal_never_passes_an_escape_sequence_from_a_description(cli, tmp_path):
    data = _org(HOSTILE)
    data["objectives"][0]["description"] = "fine\x1b]8;;http://evil\x1b\\"
    org = tmp_path / "escape.json"
    org.write_text(json.dumps(data), encoding="utf-8")
    result = cli("validate", org)
    assert result.exit_code == 2
    assert "objectives[0].description: contains the control character U+001B" in result.stderr


# --- links: GitHub's renderer makes links of bare URLs, www. names and addresses (GFM autolinks) ---

LINKY = [
    "https://evil.example/reset",
    "www.evil.example",
    "admin@evil.example",
    "HTTP://EVIL.EXAMPLE/x",
    "ftp://evil.example/file",
    "mailto:admin@evil.example",
    "xmpp:admin@evil.example",
    "<https://evil.example>",
    "[click](https://evil.example) ![img](https://evil.example/a.png)",
    "Www.Evil.Example and (www.evil.example)",
    "*https://evil.example* **www.evil.example**",
    "@octocat and first.last+tag@sub.evil.example, Team #1",
]


class _Rendered(HTMLParser):
    """The tags and the visible text of rendered HTML (comments are not text)."""

    def __init__(self, markup: str):
        super().__init__()
        self.tags: list[str] = []
        self.text = ""
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text += data


def _github(markdown: str) -> _Rendered:
    import cmarkgfm
    from cmarkgfm.cmark import Options

    return _Rendered(cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE))


def _assert_no_links(markdown: str, names: list[str]) -> None:
    rendered = _github(markdown)
    assert "a" not in rendered.tags and "img" not in rendered.tags, markdown
    shown = " ".join(rendered.text.split())
    for name in names:
        assert name in shown, name  # nothing lost: the name reads as it was written


@pytest.mark.parametrize("half", [0, 1])
def test_markdown_outputs_add_no_link_when_github_renders_them(cli, tmp_path, half):
    names = LINKY[half * 6 : half * 6 + 6]
    org = tmp_path / "linky.json"
    org.write_text(json.dumps(_org(names)), encoding="utf-8")
    labels = [names[0], names[4], names[5]]  # the company and the objectives; departments show when they own one

    report = cli("recommend", org, "-f", "markdown")
    assert report.exit_code == 0, report.stderr
    _assert_no_links(report.stdout, labels)

    export = cli("export", org, "--format", "markdown", "--output", "-")
    assert export.exit_code == 0, export.stderr
    _assert_no_links(export.stdout.split("```mermaid", 1)[0] + export.stdout.split("\n```\n", 1)[1], labels)

    comparison = cli("compare", org, "--set", f"organization.name={names[1]} 2", "--with", "social_media",
                     "-f", "markdown")  # fmt: skip
    assert comparison.exit_code == 0, comparison.stderr
    _assert_no_links(comparison.stdout, [f"--set organization.name={names[1]} 2"])

    inbox, out = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "www.evil.example.json").write_text(json.dumps(_org(names)), encoding="utf-8")
    bad = _org(names)
    bad["departments"][0]["function"] = LINKY[2]
    (inbox / "admin@evil.example.json").write_text(json.dumps(bad), encoding="utf-8")
    batch = cli("batch", inbox, "--output", out, "--workers", "1")
    assert batch.exit_code == 2, batch.stderr
    _assert_no_links((out / "www.evil.example.md").read_text(encoding="utf-8"), labels)
    _assert_no_links((out / "summary.md").read_text(encoding="utf-8"), ["www.evil.example.json", LINKY[2]])


# --- look-alike names -------------------------------------------------------------------------


def _lookalike_org():
    data = _org(["Acme", "Board", "Marketing", "M\u0430rketing", "Listening", "Crisis"])
    data["objectives"][1]["name"] = "\u039f\u03bd\u0435 \u0441r\u0456s\u0456s"  # Greek and Cyrillic: "Ove crisis"
    data["objectives"][0]["name"] = "Ove crisis"
    return data


def test_names_that_only_look_alike_are_a_warning_where_they_are(cli, tmp_path):
    org = tmp_path / "org.json"
    org.write_text(json.dumps(_lookalike_org(), ensure_ascii=False, indent=1), encoding="utf-8")
    result = cli("recommend", org)
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"{org}:21:4: departments[2].name: warning: 'M\u0430rketing' looks like 'Marketing' (departments[1].name, "
        "line 15) but is spelled differently: U+0430 CYRILLIC SMALL LETTER A",
        f"{org}:35:4: objectives[1].name: warning: '\u039f\u03bd\u0435 \u0441r\u0456s\u0456s' looks like "
        "'Ove crisis' (objectives[0].name, line 29) but is spelled differently: U+039F GREEK CAPITAL LETTER OMICRON",
    ]
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "org.json").write_text(org.read_text(encoding="utf-8"), encoding="utf-8")
    batch = cli("batch", inbox, "--output", tmp_path / "out", "--workers", "1")
    assert batch.exit_code == 0
    assert f"{inbox / 'org.json'}:21:4: departments[2].name: warning: " in batch.stderr


def test_different_or_identical_names_raise_no_warning(recwarn):
    from orgdesign.input.lookalike import skeleton

    data = _org(["Acme", "Board", "Marketing", "Marketing", "Listening", "\u041c\u0430\u0440\u043a\u0435\u0442"])
    validate_data(data)
    assert not [w for w in recwarn if "looks like" in str(w.message)]
    assert skeleton("\uff2darketing") == skeleton("M\u0430rketing") == "Marketing"  # full-width M, Cyrillic a
    assert skeleton("Mar\u200dketing") == "Marketing"


def test_docstring_examples_run():
    import doctest

    from orgdesign import text
    from orgdesign.input import lookalike
    from orgdesign.present import markdown, plain

    for module in (text, plain, markdown, lookalike):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__
