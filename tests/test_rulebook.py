"""Rule packs: listing, explaining, checking, and layering a user pack over the built-in ones."""

from __future__ import annotations

import pytest
from conftest import ROOT

import orgdesign
from orgdesign.engine.pipeline import recommend
from orgdesign.errors import InputError
from orgdesign.rulebook import load_rulebook

AIRLINE = ROOT / "examples" / "airline.yaml"


def test_rules_list_names_every_rule(cli):
    result = cli("rules", "list")
    assert result.exit_code == 0
    for rule in load_rulebook().rules:
        assert rule.id in result.stdout


def test_rules_show_reads_like_ruff_rule(cli):
    result = cli("rules", "show", "governance.agency-never-accountable")
    assert result.exit_code == 0
    assert "Defined at rules/governance.yaml:" in result.stdout
    assert "forbid owner" in result.stdout
    assert "E14" in result.stdout and "Marketing Outlook survey" in result.stdout


def test_rules_show_unknown_id_suggests(cli):
    result = cli("rules", "show", "governance.agency-never-owns")
    assert result.exit_code == 2
    assert "did you mean 'governance.agency-never-accountable'" in result.stderr


def test_user_pack_overrides_disables_and_adds(user_pack, cli):
    pack = user_pack
    assert cli("rules", "check", pack).exit_code == 0
    book = load_rulebook([str(pack)])
    assert book.get("mine.listening-stays-in-marketing").where == f"{pack}:4"
    with pytest.raises(InputError):
        book.get("ownership.listening-to-customer-relations")
    result = recommend(orgdesign.load_org(str(AIRLINE)), book)
    assert result.solution.owners["listening"] == "mktcomms"
    cli_result = cli("recommend", AIRLINE, "--rules", pack, "-f", "json")
    assert '"rule": "mine.listening-stays-in-marketing"' in cli_result.stdout


def test_a_bad_pack_gets_located_errors(tmp_path, cli):
    pack = tmp_path / "bad.yaml"
    pack.write_text(
        "pack: bad\n"
        "rules:\n"
        "  - id: bad.one\n"
        "    title: A rule with mistakes\n"
        "    when: {department.function: marketng}\n"
        "    effect: {owner: 2, consulted: 1}\n"
        "    rationale: Because it says so in the manual.\n"
        "    evidence: [E99]\n"
        "    severity: high\n"
        "  - id: other.two\n"
        "    title: Wrong prefix\n"
        "    when: {objective.kind: listening, department.function: sales}\n"
        "    effect: {owner: 1}\n"
        "    rationale: Two predicates in one condition mapping.\n"
        "    evidence: [E1]\n",
        encoding="utf-8",
    )
    result = cli("rules", "check", pack)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert f"{pack}:6:5: rules[0].effect: an effect holds exactly one of" in result.stderr
    assert f"{pack}:8:5: rules[0].evidence: unknown evidence id 'E99'" in result.stderr
    assert f"{pack}:9:5: rules[0].severity: unknown field 'severity'" in result.stderr
    assert f"{pack}:12:5: rules[1].when: a condition holds exactly one of" in result.stderr
    assert all(line.startswith(str(pack)) for line in lines)


def test_a_pack_cannot_smuggle_code(tmp_path, cli):
    pack = tmp_path / "evil.yaml"
    pack.write_text(
        "pack: evil\n"
        "rules:\n"
        "  - id: evil.run\n"
        "    title: Runs something\n"
        "    when: {eval: \"__import__('os').system('id')\"}\n"
        "    effect: !!python/object/apply:os.system [id]\n"
        "    rationale: This must never run anything at all.\n"
        "    evidence: [E1]\n",
        encoding="utf-8",
    )
    result = cli("rules", "check", pack)
    assert result.exit_code == 2
    assert "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" in result.stderr


def test_unknown_vocabulary_in_a_pack(tmp_path, cli):
    pack = tmp_path / "typo.yaml"
    pack.write_text(
        "pack: typo\n"
        "rules:\n"
        "  - id: typo.one\n"
        "    title: Typo in a function\n"
        "    when: {all: [{objective.kind: listening}, {department.function: custmer_service}]}\n"
        "    effect: {owner: 1}\n"
        "    rationale: A typo must not silently match nothing.\n"
        "    evidence: [E10]\n",
        encoding="utf-8",
    )
    result = cli("rules", "check", pack)
    assert result.exit_code == 2
    assert "unknown function 'custmer_service' (did you mean 'customer_service'?)" in result.stderr


def _alias_pack(tmp_path, aliases: list[str], disable: str = "", second: str = ""):
    pack = tmp_path / "renamed.yaml"
    rule = (
        "  - id: mine.{name}\n"
        "    title: Listening stays in marketing\n"
        "    when: {{all: [{{objective.kind: listening}}, {{department.function: marketing}}]}}\n"
        "    effect: {{owner: 2}}\n"
        "    rationale: Our marketing team runs the listening platform for everyone.\n"
        "    evidence: [E1]\n"
        "    aliases: [{aliases}]\n"
    )
    text = "pack: mine\n" + (f"disable: [{disable}]\n" if disable else "") + "rules:\n"
    text += rule.format(name="one", aliases=", ".join(aliases))
    if second:
        text += rule.format(name="two", aliases=second)
    pack.write_text(text, encoding="utf-8")
    return pack


def test_an_alias_cannot_shadow_a_rule(tmp_path, cli):
    shadow = "ownership.care-to-customer-service"
    pack = _alias_pack(tmp_path, [shadow])
    for command in (["rules", "check", pack], ["rules", "show", shadow, "--rules", pack],
                    ["recommend", ROOT / "examples" / "airline.yaml", "--rules", pack]):  # fmt: skip
        result = cli(*command)
        assert result.exit_code == 2, command
        assert result.stderr.strip().startswith(f"{pack}:9:15: rules[0].aliases[0]: alias '{shadow}' is the id of")


def test_an_alias_may_keep_the_id_of_a_rule_it_replaces(tmp_path, cli):
    old = "ownership.listening-to-customer-relations"
    pack = _alias_pack(tmp_path, [old], disable=old)
    result = cli("rules", "show", old, "--rules", pack)
    assert result.exit_code == 0, result.stderr
    assert "(mine.one)" in result.stdout


def test_two_rules_cannot_share_an_alias(tmp_path, cli):
    pack = _alias_pack(tmp_path, ["mine.old"], second="mine.old")
    result = cli("rules", "check", pack)
    assert result.exit_code == 2
    assert "rules[1].aliases[0]: alias 'mine.old' already stands for 'mine.one'" in result.stderr
