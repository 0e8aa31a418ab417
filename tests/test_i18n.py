"""orgdesign in French, German and Spanish: complete, current catalogs, and the language chosen as documented.

The catalogs are checked against a fresh extraction made exactly as docs/i18n.md tells maintainers
(`pybabel extract -F pyproject.toml ...`), so a message added to the code without a translation,
a translation left behind by a changed message, or a .mo not compiled from its .po fails here.
"""

from __future__ import annotations

import io
import re

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from conftest import ROOT

from orgdesign import i18n

LOCALE = ROOT / "orgdesign" / "locale"
LANGUAGES = [code for code in i18n.SUPPORTED if code != "en"]
DOMAINS = ("orgdesign", "rules")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
AIRLINE = ROOT / "examples" / "airline.yaml"


def _catalog(lang: str, domain: str):
    with open(LOCALE / lang / "LC_MESSAGES" / f"{domain}.po", "rb") as f:
        return read_po(f, locale=lang)


def _where(locations) -> str:
    return locations[0][0] if locations else "?"


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_has_a_translation(extracted_messages, lang, domain):
    catalog = _catalog(lang, domain)
    translated = {
        (m.id, m.context)
        for m in catalog
        if m.id and not m.fuzzy and (all(m.string) if isinstance(m.string, tuple) else m.string)
    }
    missing = [(key, where) for key, where in extracted_messages[domain].items() if key not in translated]
    shown = "\n".join(f"  {_where(where)}: {key[0]!r}" + (f" [{key[1]}]" if key[1] else "") for key, where in missing)
    assert not missing, f"{len(missing)} {domain} messages have no {lang} translation, e.g.:\n{shown[:3000]}"


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_translation_is_stale(extracted_messages, lang, domain):
    known = extracted_messages[domain]
    stale = [(m.id, m.context) for m in _catalog(lang, domain) if m.id and (m.id, m.context) not in known]
    assert not stale, f"{lang}/{domain}.po translates messages the code no longer has: {stale[:20]}"


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_the_placeholders(lang, domain):
    wrong = []
    for message in _catalog(lang, domain):
        if not message.id:
            continue
        english = " ".join(message.id) if isinstance(message.id, tuple) else message.id
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        for form in forms:
            if form and set(PLACEHOLDER.findall(form)) != set(PLACEHOLDER.findall(english)):
                wrong.append((english, form))
    assert not wrong, f"{lang}/{domain}.po changes placeholders: {wrong[:10]}"


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_shipped_mo_is_compiled_from_its_po(lang, domain):
    compiled = io.BytesIO()
    write_mo(compiled, _catalog(lang, domain))
    shipped = (LOCALE / lang / "LC_MESSAGES" / f"{domain}.mo").read_bytes()
    assert shipped == compiled.getvalue(), f"run: pybabel compile -D {domain} -d orgdesign/locale (docs/i18n.md)"


# --- choosing the language ----------------------------------------------------------------


def test_an_unsupported_lang_is_a_usage_error_naming_the_supported_ones(cli):
    result = cli("recommend", AIRLINE, "--lang", "pt")
    assert result.exit_code == 2
    assert all(code in result.stderr for code in ("en", "fr", "de", "es"))
    assert "Traceback" not in result.stderr


def test_lang_is_taken_in_any_case_and_speaks_that_language(cli):
    result = cli("recommend", AIRLINE, "--lang", "DE")
    assert result.exit_code == 0, result.stderr
    assert "Empfohlen" in result.stdout or "empfohlen" in result.stdout


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "de_DE.UTF-8"}, "fr"),
        ({"LC_ALL": "es_ES.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "es"),
        ({"LANGUAGE": "pt_BR:de", "LANG": "fr_FR.UTF-8"}, "de"),  # a list by preference: the first we speak
        ({"LANG": "pt_BR.UTF-8"}, "en"),  # not spoken: English, silently
        ({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, "en"),  # C is English, and LC_ALL wins
        ({"LANG": "fr_CA@euro"}, "fr"),
        ({}, "en"),
    ],
)
def test_the_language_comes_from_the_environment_as_gettext_reads_it(environment, expected):
    assert i18n.from_environment(environment) == expected


def test_the_environment_chooses_when_lang_is_not_given(cli, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "")
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    french = cli("recommend", AIRLINE)
    assert french.exit_code == 0, french.stderr
    assert "Recommended owners" not in french.stdout
    english = cli("recommend", AIRLINE, "--lang", "en")
    assert "Recommended owners" in english.stdout


# --- the reader's conventions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "decimal", "share", "listed"),
    [
        ("en", "1,234.50", "25%", "A, B, and C"),
        ("de", "1.234,50", "25\xa0%", "A, B und C"),  # CLDR: a no-break space before %
        ("fr", "1\u202f234,50", "25\xa0%", "A, B et C"),  # a narrow no-break space between thousands
        ("es", "1.234,50", "25\xa0%", "A, B y C"),
    ],
)
def test_numbers_percentages_and_lists_follow_the_language(lang, decimal, share, listed):
    i18n.use(lang)
    assert i18n.number(1234.5) == decimal
    assert i18n.percent(0.25) == share
    assert i18n.join(["A", "B", "C"]) == listed


# --- rule texts --------------------------------------------------------------------------------


def test_a_built_in_rule_is_explained_in_german_and_a_users_rule_in_its_own_english(cli, tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "pack: house\n"
        "rules:\n"
        "  - id: house.care-to-customer-service\n"
        "    title: Our care desk answers customers\n"
        "    when: {all: [{objective.kind: [customer_care]}, {department.function: [customer_service]}]}\n"
        "    effect: {owner: 9}\n"
        "    rationale: Our own rule, written in English by the client's analyst.\n"
        "    evidence: [E9]\n",
        encoding="utf-8",
    )
    german = cli("explain", AIRLINE, "care", "--rules", pack, "--lang", "de")
    assert german.exit_code == 0, german.stderr
    flat = " ".join(german.stdout.replace("│", " ").split())  # a table cell may wrap the rationale
    assert "Our own rule, written in English by the client's analyst." in flat
    english = "Answering customers in public is customer-relations work"
    assert english not in flat
    i18n.use("de")
    # a changed English text is not in the catalog under the rule's id: it stays as written, not a stale translation
    assert i18n.rule_text("ownership.care-to-customer-service", "A newer wording.") == "A newer wording."
    from orgdesign.rulebook import load_rulebook

    rule = next(r for r in load_rulebook([]).rules if r.id == "ownership.care-to-customer-service")
    translated = i18n.rule_text(rule.id, rule.rule.rationale)
    assert translated != rule.rule.rationale and " ".join(translated.split())[:40] in flat


# --- documents declare their language ---------------------------------------------------------


def test_html_declares_its_language(cli):
    german = cli("export", AIRLINE, "--format", "html", "-o", "-", "--lang", "de")
    assert german.exit_code == 0, german.stderr
    assert '<html lang="de"' in german.stdout
    assert '<html lang="en"' in cli("export", AIRLINE, "--format", "html", "-o", "-").stdout


def test_markdown_declares_a_language_other_than_english(cli):
    german = cli("recommend", AIRLINE, "--format", "markdown", "--lang", "de")
    assert german.stdout.startswith("---\nlang: de\n---\n")
    assert cli("recommend", AIRLINE, "--format", "markdown").stdout.startswith("# ")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_proposed_unit_is_marked_once_in_the_languages_grammar(cli, lang):
    """The engine names its proposal "Social media hub (proposed)" in each language; the chart adds no second mark."""
    svg = cli("export", ROOT / "examples" / "consumer_goods_mexico.yaml", "-f", "svg", "-o", "-", "--lang", lang)
    i18n.use(lang)
    name = i18n._("Social media hub (proposed)")
    assert name in svg.stdout and f"{name} (" not in svg.stdout.replace(f"{name} (proposed_social_hub)", "")
