"""A pseudo-locale run: every catalog message is shown as ⟦message⟧, so English left outside ⟦⟧ bypassed the catalogs.

The pseudo catalog is made from a fresh extraction (the maintainers' `pybabel extract`), and only
messages the extraction found are wrapped: a text passed to `_()` that no extraction can see (a
variable nobody marked with `N_`) stays bare and is caught too. Every command and every export
format runs in process with `--lang es` while that pseudo catalog stands in for Spanish. What may
stay bare is the org's own data, ids and codes, evidence source titles, and the syntax of each format.
"""

from __future__ import annotations

import gettext
import html.parser
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
import yaml
from conftest import ROOT
from typer.testing import CliRunner

from orgdesign import i18n
from orgdesign.evidence import SOURCES

ORG = ROOT / "examples" / "airline.yaml"
BAD = ROOT / "tests" / "bad_input"
WORD = re.compile(r"[A-Za-z][\w'’-]{2,}")  # ids keep their underscores: `social_care` is one word
SPAN = re.compile(r"⟦[^⟦⟧]*(?:⟧|…)")  # a label cut to fit its box ends in … instead of ⟧
# Where a problem is: `file:line:column: field:` or `<command line>: --set X:`; places and field names, not prose.
LOCATION = re.compile(r"^\s*(?:<[^>]+>|\S+?\.(?:yaml|yml|json))(?::\d+)*:(?: (?:--[\w-]+ \S+|[\w.\[\]-]+))?:?")

# Words that stay English in every language, each for a reason.
ALLOWED = {
    "orgdesign",  # the program's name
    "RACI",  # the practitioners' term, kept in every language
    "YAML",
    "JSON",
    "CSV",
    "HTML",
    "SVG",
    "PDF",
    "DOT",
    "Mermaid",
    "GraphML",
    "Markdown",
    "PowerPoint",
    "Excel",  # format and program names
    "UTF",
}


class Pseudo(gettext.NullTranslations):
    """Wraps the messages it knows in ⟦⟧ and leaves every other text as it came."""

    def __init__(self, messages: set):
        super().__init__()
        self.messages = messages

    def gettext(self, message):
        return f"⟦{message}⟧" if (message, None) in self.messages else message

    def ngettext(self, singular, plural, count):
        known = ((singular, plural), None) in self.messages
        chosen = singular if count == 1 else plural
        return f"⟦{chosen}⟧" if known else chosen

    def pgettext(self, context, message):
        return f"⟦{message}⟧" if (message, context) in self.messages else message


@pytest.fixture(scope="module")
def pseudo(extracted_messages):
    """A pseudo catalog of both domains' messages."""
    return Pseudo({key for messages in extracted_messages.values() for key in messages})


@pytest.fixture
def run(pseudo, monkeypatch, tmp_path):
    """Run a command with `--lang es` standing for the pseudo-locale; return its stdout, stderr and any file."""
    real = i18n.catalog
    monkeypatch.setattr(i18n, "catalog", lambda code, domain: pseudo if code == "es" else real(code, domain))
    from orgdesign.cli import app

    runner = CliRunner(env={"COLUMNS": "240", "NO_COLOR": "1", "TERM": "dumb", "LANGUAGE": "en"})

    def invoke(*args) -> str:
        result = runner.invoke(app, [str(a) for a in args] + ["--lang", "es"], catch_exceptions=False)
        assert "Traceback" not in result.stderr
        return result.stdout + "\n" + result.stderr

    return invoke


def _allowed_words() -> set[str]:
    """The org's names and ids, rule ids, finding names, evidence source titles: data, never translated.

    The bundled examples' one-line summaries (`orgdesign examples`) are the files' own header
    comments, so they count as the files' data too.
    """
    from orgdesign.engine.catalogue import CATALOGUE
    from orgdesign.present.formats import FORMATS

    words = set(ALLOWED) | {entry.name for entry in CATALOGUE.values()} | set(FORMATS)  # format names are typed
    for source in SOURCES.values():
        words |= set(WORD.findall(source))
    for path in sorted((ROOT / "examples").iterdir()) + [ORG]:
        if path.suffix in (".yaml", ".json"):
            text = path.read_text("utf-8")
            words |= set(WORD.findall(_data_strings(yaml.safe_load(text))))
            words |= set(WORD.findall(" ".join(line for line in text.splitlines() if line.startswith("#"))))
    for pack in sorted((ROOT / "rules").glob("*.yaml")):
        data = yaml.safe_load(pack.read_text("utf-8"))
        words |= {part for rule in data.get("rules", []) for part in WORD.findall(rule["id"])}
        words |= set(WORD.findall(data["pack"]))
    return words


def _data_strings(data) -> str:
    """The values of an org file: names, ids, descriptions (the user's words); not its keys, which are English."""
    if isinstance(data, dict):
        return " ".join(_data_strings(value) for value in data.values())
    if isinstance(data, list):
        return " ".join(_data_strings(item) for item in data)
    return str(data)


ALLOWED_WORDS = _allowed_words()


def leftovers(text: str, also: frozenset = frozenset()) -> list[str]:
    """English words outside ⟦⟧ that are not data, each with a little context."""
    found = []
    while SPAN.search(text):  # a message may hold another one in a placeholder: innermost first
        text = SPAN.sub(" ", text)
    for line in text.splitlines():
        line = LOCATION.sub(" ", line)
        bare = re.sub(
            r"https?://\S+|--[a-z-]+|\b(?:OD|E|F|S)\d+\b|\S*/\S*|[\w./-]+\.(?:yaml|yml|json|py|html)\b|[#&]\w+;"
            r"|\bproposed_\w+|^\s*orgdesign [a-z]+",
            " ",
            line,
        )  # addresses, options, codes, paths, entities, a proposed unit's id, a command to type
        words = [w for w in WORD.findall(bare) if w.strip("'’-") not in ALLOWED_WORDS | also]
        found += [f"{w!r} in {line.strip()[:120]!r}" for w in words]
    return found


class _Text(html.parser.HTMLParser):
    """The text a reader sees in HTML or SVG: text nodes and title/alt/aria-label, not style or script."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("style", "script")
        self.parts += [value for name, value in attrs if name in ("title", "alt", "aria-label") and value]

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "script") and self.skip > 0

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    return "\n".join(parser.parts)


def json_text(value) -> str:
    """The sentences of a JSON document: values with a space in them (ids and enum values have none)."""
    if isinstance(value, dict):
        return "\n".join(json_text(v) for v in value.values())
    if isinstance(value, list):
        return "\n".join(json_text(v) for v in value)
    return value if isinstance(value, str) and " " in value else ""


def _markdown_prose(body: str) -> str:
    """Markdown without its front matter, fenced code (the Mermaid chart, checked on its own) and markup."""
    body = re.sub(r"\A---\n.*?\n---\n", "", body, flags=re.S)
    body = re.sub(r"^```.*?^```", "", body, flags=re.S | re.M)
    body = re.sub(r"\\(.)", r"\1", body)  # escaped punctuation reads as itself
    return re.sub(r"[#|*`>]+|^\s*[-+] ", " ", body, flags=re.M)


def _check(label: str, text: str, also: frozenset = frozenset()) -> list[str]:
    return [f"{label}: {word}" for word in leftovers(text, also)]


def test_recommend_explain_compare_show_and_validate_say_nothing_outside_the_catalogs(run):
    problems = []
    problems += _check("recommend", run("recommend", ORG))
    markdown = run("recommend", ORG, "--format", "markdown")
    problems += _check("recommend -f markdown", _markdown_prose(markdown))
    report = run("recommend", ORG, "--format", "json")
    problems += _check("recommend -f json", json_text(json.loads(report)))
    problems += _check("explain", run("explain", ORG, "care"))
    problems += _check("explain --department", run("explain", ORG, "care", "--department", "finance"))
    problems += _check("compare", run("compare", ORG, "--pin", "care=finance", "--with", "social_media"))
    problems += _check("show", run("show", ORG))
    problems += _check("validate", run("validate", ORG))
    assert not problems, "\n".join(problems[:60])


def test_errors_say_nothing_outside_the_catalogs(run, tmp_path):
    problems = []
    broken = tmp_path / "broken.yaml"
    text = ORG.read_text("utf-8")
    broken.write_text(
        text.replace("function: legal", "function: legl").replace("capacity: 2", "capacity: -2", 1), encoding="utf-8"
    )
    problems += _check("validate (bad)", run("validate", broken))
    problems += _check("recommend --set (bad)", run("recommend", ORG, "--set", "departments.nobody.capacity=2"))
    problems += _check("explain (unknown)", run("explain", ORG, "nothing like it"))
    problems += _check("missing file", run("recommend", tmp_path / "missing.yaml"))
    for sample in sorted(BAD.glob("*.yaml"))[:12]:
        problems += _check(f"validate {sample.name}", run("validate", sample))
    assert not problems, "\n".join(problems[:60])


def test_rules_findings_and_examples_say_nothing_outside_the_catalogs(run):
    problems = []
    problems += _check("rules list", run("rules", "list"))
    shown = run("rules", "show", "ownership.care-to-customer-service")
    condition = re.compile(r"^ {4}\s*(?:- )?[\w.]+:")  # the rule's condition, quoted as the YAML of its pack
    problems += _check("rules show", "\n".join(line for line in shown.splitlines() if not condition.match(line)))
    problems += _check("findings", run("findings"))
    problems += _check("findings show", run("findings", "show", "OD104"))
    problems += _check("examples", run("examples"))
    assert not problems, "\n".join(problems[:60])


@pytest.mark.parametrize("format", ["html", "svg", "markdown", "csv", "json", "mermaid", "dot", "graphml"])
def test_every_text_export_says_nothing_outside_the_catalogs(run, tmp_path, format):
    out = tmp_path / f"out.{format}"
    run("export", ORG, "--format", format, "--output", out)
    body = out.read_text("utf-8")
    if format in ("html", "svg"):
        text = visible_text(body)
    elif format == "json":
        text = json_text(json.loads(body))
    elif format == "graphml":
        text = "\n".join(node.text or "" for node in ET.fromstring(body).iter() if node.text and " " in node.text)
    elif format == "mermaid":
        text = "\n".join(re.findall(r'"([^"]*)"', body))  # labels are quoted; the rest is the format's syntax
    elif format == "dot":
        text = "\n".join(re.findall(r'\b(?:label|xlabel|tooltip)="((?:[^"\\]|\\.)*)"', body))  # what a reader sees
    elif format == "markdown":
        text = _markdown_prose(body)
    else:
        text = body
    problems = _check(f"export {format}", text)
    assert not problems, "\n".join(problems[:60])


@pytest.mark.parametrize("format", ["xlsx", "pptx"])
def test_the_workbook_and_the_deck_say_nothing_outside_the_catalogs(run, tmp_path, format):
    out = tmp_path / f"out.{format}"
    run("export", ORG, "--format", format, "--output", out)
    if format == "pptx":
        from orgdesign.present.deck import outline

        text = "\n".join(line for line in outline(out.read_bytes()).splitlines() if not line.startswith("--- slide"))
        fields = frozenset()
    else:
        with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as archive:
            parts = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("xl/")]
        strings = [node.text or "" for part in parts if part.startswith("<?xml") for node in ET.fromstring(part).iter()]
        sheets = re.findall(r'<sheet name="([^"]*)"', "".join(parts))
        text = "\n".join(strings + sheets)
        # The Departments and Objectives sheets head their columns with the org file's field names, as typed in it.
        from orgdesign.input.model import Department, Objective

        fields = frozenset(Department.model_fields) | frozenset(Objective.model_fields)
    problems = _check(f"export {format}", text, fields)
    assert not problems, "\n".join(problems[:60])


def test_batch_and_the_interview_say_nothing_outside_the_catalogs(run, tmp_path):
    folder = tmp_path / "orgs"
    folder.mkdir()
    for name in ("airline.yaml", "bank.yaml"):
        (folder / name).write_text((ROOT / "examples" / name).read_text("utf-8"), encoding="utf-8")
    (folder / "broken.yaml").write_text("organization: {name: X}\ndepartments: []\n", encoding="utf-8")
    problems = _check("batch", run("batch", folder, "--output", tmp_path / "reports", "--workers", "1"))
    summary = (tmp_path / "reports" / "summary.md").read_text("utf-8")
    problems += _check("batch summary.md", _markdown_prose(summary))
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "company.name: Acme Bank\ncompany.industry: banking\ncompany.country: 'NO'\n"
        "functions: [executive, marketing, communications, customer_service, legal, risk]\n"
        "social.team: true\nsocial.reports_to: communications\nsocial.structure: audience\n"
        "objectives: [customer_care, reputation, account_governance]\n",
        encoding="utf-8",
    )
    shown = run("interview", "--answers", answers, "--output", tmp_path / "acme.yaml")
    problems += _check("interview --answers", shown, frozenset({"Acme", "Bank", "banking"}))
    assert not problems, "\n".join(problems[:60])
